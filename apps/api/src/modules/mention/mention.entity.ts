import type { MentionType, SentimentLabel, SourceKind } from '@dengar/contracts';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  type Relation,
} from 'typeorm';
import type { SourceEntity } from '../source/source.entity.js';
import type { TicketEntity } from '../ticket/ticket.entity.js';
import type { AuthorEntity } from './author.entity.js';

/** One post or comment pulled in (SPEC §3). The platform's raw JSON lives in `mention_raw`, off the hot table. */
@Entity('mentions')
@Unique('mentions_source_external_id_key', ['sourceId', 'externalId'])
@Check('mentions_type_check', `"type" IN ('question', 'complaint', 'praise', 'purchase_intent', 'promo', 'other')`)
@Check('mentions_sentiment_label_check', `"sentiment_label" IN ('positive', 'neutral', 'negative')`)
// The listening stream: newest first with its tie-breaker.
@Index('mentions_posted_idx', ['postedAt', 'id'])
// The Spam view: spam is rare, so its newest-first list gets its own small index.
@Index('mentions_spam_posted_idx', ['postedAt', 'id'], { where: '"is_spam"' })
// Filters by brand and campaign (`@>` on the arrays).
@Index('mentions_brand_ids_idx', ['brandIds'], { type: 'gin' })
@Index('mentions_campaign_ids_idx', ['campaignIds'], { type: 'gin' })
@Index('mentions_ticket_idx', ['ticketId'])
@Index('mentions_author_idx', ['authorId'])
// Threading looks up replies' parents and thread roots by the platform's ids.
@Index('mentions_kind_external_idx', ['sourceKind', 'externalId'])
@Index('mentions_kind_thread_idx', ['sourceKind', 'threadExternalId'], { where: '"thread_external_id" IS NOT NULL' })
export class MentionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  sourceId: string;

  @Column({ type: 'varchar', length: 16 })
  sourceKind: SourceKind;

  @Column({ type: 'varchar', length: 500 })
  externalId: string;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text', nullable: true })
  html: string | null;

  @Column({ type: 'timestamptz' })
  postedAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  ingestedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  language: string | null;

  @Column({ type: 'varchar', length: 8 })
  sentimentLabel: SentimentLabel;

  @Column({ type: 'real' })
  sentimentScore: number;

  @Column({ type: 'varchar', length: 16 })
  type: MentionType;

  @Column({ type: 'boolean', default: false })
  isSpam: boolean;

  @Column({ type: 'varchar', length: 200, nullable: true })
  spamReason: string | null;

  @Column({ type: 'int', default: 0 })
  likes: number;

  @Column({ type: 'int', default: 0 })
  reposts: number;

  @Column({ type: 'int', default: 0 })
  replies: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  inReplyToExternalId: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  threadExternalId: string | null;

  @Column({ type: 'text', nullable: true })
  replyWebhookUrl: string | null;

  /** What a reply needs later (Bluesky cid/root, Mastodon visibility…). */
  @Column({ type: 'jsonb', nullable: true })
  replyContext: Record<string, unknown> | null;

  @Column({ type: 'uuid' })
  authorId: string;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  brandIds: string[];

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  campaignIds: string[];

  /** Null for spam, competitor-only and skipped mentions. */
  @Column({ type: 'uuid', nullable: true })
  ticketId: string | null;

  /** sha256 of the content fields: a re-delivery with a different hash is an edit. */
  @Column({ type: 'varchar', length: 64 })
  contentHash: string;

  @ManyToOne('SourceEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_id' })
  source?: Relation<SourceEntity>;

  @ManyToOne('AuthorEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: Relation<AuthorEntity>;

  @ManyToOne('TicketEntity', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: Relation<TicketEntity>;
}

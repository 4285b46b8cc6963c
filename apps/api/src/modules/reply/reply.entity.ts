import type { ReplyStatus } from '@dengar/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import type { MentionEntity } from '../mention/mention.entity.js';
import type { TicketEntity } from '../ticket/ticket.entity.js';
import type { UserEntity } from '../user/user.entity.js';

/** An answer to the source, sent through the outbox (SPEC §6). */
@Entity('replies')
@Check('replies_status_check', `"status" IN ('queued', 'sending', 'sent', 'failed', 'manual')`)
@Index('replies_ticket_created_idx', ['ticketId', 'createdAt', 'id'])
// The outbox: the few replies still on their way.
@Index('replies_outbox_idx', ['nextAttemptAt'], { where: `"status" IN ('queued', 'sending')` })
export class ReplyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  ticketId: string;

  /** The user who wrote it (null once that user is deleted). */
  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'uuid', nullable: true })
  inReplyToMentionId: string | null;

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status: ReplyStatus;

  @Column({ type: 'varchar', length: 512, nullable: true })
  externalId: string | null;

  @Column({ type: 'text', nullable: true })
  externalUrl: string | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** Stable per reply: passed to platforms that take one, so a retry never posts twice. */
  @Column({ type: 'varchar', length: 64, unique: true })
  idempotencyKey: string;

  @Column({ type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @ManyToOne('TicketEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: Relation<TicketEntity>;

  @ManyToOne('UserEntity', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: Relation<UserEntity>;

  @ManyToOne('MentionEntity', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'in_reply_to_mention_id' })
  inReplyToMention?: Relation<MentionEntity>;
}

import type { SentimentLabel, TicketPriority, TicketStatus } from '@dengar/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import type { BrandEntity } from '../brand/brand.entity.js';
import type { AuthorEntity } from '../mention/author.entity.js';
import type { SourceEntity } from '../source/source.entity.js';
import type { TeamEntity } from '../team/team.entity.js';
import type { UserEntity } from '../user/user.entity.js';

/** The care unit: one conversation thread (SPEC §3). */
@Entity('tickets')
@Check('tickets_status_check', `"status" IN ('new', 'open', 'pending', 'snoozed', 'resolved', 'closed')`)
@Check('tickets_priority_check', `"priority" IN ('low', 'normal', 'high', 'urgent')`)
@Check('tickets_sentiment_label_check', `"sentiment_label" IN ('positive', 'neutral', 'negative')`)
// The queue's sort order with its tie-breaker (STYLE rule 4), per team and per assignee.
@Index('tickets_team_activity_idx', ['teamId', 'lastActivityAt', 'id'])
@Index('tickets_assignee_activity_idx', ['assigneeId', 'lastActivityAt', 'id'])
// Threading: the author's tickets on a source that are not closed.
@Index('tickets_author_source_idx', ['authorId', 'sourceId', 'lastActivityAt'], { where: `"status" <> 'closed'` })
// The default views list active tickets only: small partial indexes in the queue's order.
@Index('tickets_team_active_idx', ['teamId', 'lastActivityAt', 'id'], {
  where: `"status" IN ('new', 'open', 'pending')`,
})
@Index('tickets_assignee_active_idx', ['assigneeId', 'lastActivityAt', 'id'], {
  where: `"status" IN ('new', 'open', 'pending')`,
})
// The same for the other two sorts, on expressions (the migration QueueSortIndexes writes them by hand; TypeORM
// cannot describe expression indexes, so it leaves them alone): `PRIORITY_RANK` read backward, `SLA_DUE_ORDER`
// (no due time = infinity, last) forward. The queue's SQL must spell these expressions exactly so.
@Index('tickets_team_priority_active_idx', { synchronize: false })
@Index('tickets_assignee_priority_active_idx', { synchronize: false })
@Index('tickets_team_sla_active_idx', { synchronize: false })
@Index('tickets_assignee_sla_active_idx', { synchronize: false })
// Search: `subject ILIKE '%word%'` over the active tickets, a GIN trigram index (pg_trgm; the migration
// SearchTrigramIndexes writes it by hand, TypeORM cannot describe operator classes).
@Index('tickets_subject_trgm_active_idx', { synchronize: false })
// The author's earlier tickets on the detail page, newest first.
@Index('tickets_author_created_idx', ['authorId', 'createdAt', 'id'])
// Jobs: first-response breaches, snoozes to wake, resolved tickets to close.
@Index('tickets_sla_due_idx', ['firstResponseDueAt'], {
  where: `"first_responded_at" IS NULL AND "sla_breached_at" IS NULL AND "status" NOT IN ('resolved', 'closed')`,
})
@Index('tickets_snoozed_idx', ['snoozedUntil'], { where: `"status" = 'snoozed'` })
@Index('tickets_resolved_idx', ['resolvedAt'], { where: `"status" = 'resolved'` })
// Waiting tickets handed out oldest first when an agent comes online.
@Index('tickets_unassigned_waiting_idx', ['teamId', 'createdAt'], {
  where: `"assignee_id" IS NULL AND "status" IN ('new', 'open', 'pending')`,
})
export class TicketEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'int', unique: true })
  @Generated('increment')
  number: number;

  @Column({ type: 'varchar', length: 16, default: 'new' })
  status: TicketStatus;

  @Column({ type: 'varchar', length: 16, default: 'normal' })
  priority: TicketPriority;

  @Column({ type: 'uuid' })
  teamId: string;

  @Column({ type: 'uuid', nullable: true })
  assigneeId: string | null;

  @Column({ type: 'uuid', nullable: true })
  brandId: string | null;

  @Column({ type: 'uuid' })
  sourceId: string;

  @Column({ type: 'uuid' })
  authorId: string;

  @Column({ type: 'varchar', length: 200 })
  subject: string;

  @Column({ type: 'varchar', length: 8 })
  sentimentLabel: SentimentLabel;

  @Column({ type: 'real' })
  sentimentScore: number;

  @Column({ type: 'timestamptz', nullable: true })
  firstResponseDueAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  firstRespondedAt: Date | null;

  /** When the first-response target was missed (set once, by the SLA job). */
  @Column({ type: 'timestamptz', nullable: true })
  slaBreachedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  snoozedUntil: Date | null;

  @Column({ type: 'timestamptz' })
  lastActivityAt: Date;

  /** Since when the customer has been waiting for us (null when we spoke last). */
  @Column({ type: 'timestamptz', nullable: true })
  waitingSince: Date | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'int', default: 0 })
  mentionCount: number;

  @Column({ type: 'uuid', nullable: true })
  mergedIntoId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @ManyToOne('TeamEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id' })
  team?: Relation<TeamEntity>;

  @ManyToOne('UserEntity', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assignee_id' })
  assignee?: Relation<UserEntity>;

  @ManyToOne('BrandEntity', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'brand_id' })
  brand?: Relation<BrandEntity>;

  @ManyToOne('SourceEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_id' })
  source?: Relation<SourceEntity>;

  @ManyToOne('AuthorEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: Relation<AuthorEntity>;

  @ManyToOne('TicketEntity', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'merged_into_id' })
  mergedInto?: Relation<TicketEntity>;
}

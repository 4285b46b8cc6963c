import type { SourceKind, SourceStatus } from '@dengar/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One connection to a platform (SPEC §3). Credentials live encrypted in `secrets`, never in `config`. */
@Entity('sources')
@Check('sources_kind_check', `"kind" IN ('mastodon', 'bluesky', 'reddit', 'x', 'rss', 'webhook', 'demo')`)
@Check('sources_status_check', `"status" IN ('ok', 'backoff', 'error', 'disabled')`)
// `enabled = false` ⇔ `status = 'disabled'` (SPEC §3).
@Check(
  'sources_enabled_status_check',
  `("enabled" AND "status" <> 'disabled') OR (NOT "enabled" AND "status" = 'disabled')`,
)
// The scheduler's scan: enabled sources by due time.
@Index('sources_due_idx', ['nextPollAt'], { where: '"enabled"' })
export class SourceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  kind: SourceKind;

  @Column({ type: 'varchar', length: 120, unique: true })
  name: string;

  /** Non-secret config (base URL, account, query…). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  config: Record<string, unknown>;

  /** AES-256-GCM sealed JSON of the credential keys (SOURCE_SECRET_KEYS + webhookSecret). */
  @Column({ type: 'text', nullable: true })
  secrets: string | null;

  /** Sealed connector state (refreshed access tokens). */
  @Column({ type: 'text', nullable: true })
  state: string | null;

  @Column({ type: 'int' })
  pollIntervalSec: number;

  @Column({ type: 'int', default: 200 })
  backfillLimit: number;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  /** Opaque per-kind checkpoint; advances in the same transaction as the page it belongs to. */
  @Column({ type: 'jsonb', nullable: true })
  cursor: unknown;

  @Column({ type: 'varchar', length: 16, default: 'ok' })
  status: SourceStatus;

  @Column({ type: 'timestamptz', nullable: true })
  lastPolledAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  nextPollAt: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /** Consecutive failed polls, for exponential back-off. */
  @Column({ type: 'int', default: 0 })
  failures: number;

  /** The running poll's fencing token: a page commits only while its poll still holds the lease. */
  @Column({ type: 'uuid', nullable: true })
  leaseToken: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

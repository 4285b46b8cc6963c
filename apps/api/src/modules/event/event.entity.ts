import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The event log (SPEC §7): written in the same transaction as the change it describes, with a workspace-wide
 * increasing `seq`; relayed to sockets after commit and replayed by `GET /api/events?since=`.
 */
@Entity('events')
@Index('events_at_idx', ['at'])
export class EventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  seq: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  /** Socket rooms that may see it (`team:<id>`, `user:<id>`, `managers`…). */
  @Column({ type: 'text', array: true })
  rooms: string[];

  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}

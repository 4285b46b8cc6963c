import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The nil uuid stands for "unassigned" in the counters' key. */
export const UNASSIGNED_KEY = '00000000-0000-0000-0000-000000000000';

/**
 * Ticket counts per (team, assignee, status) for the views' counts (SPEC §7: never a `COUNT(*)` per refresh).
 * A trigger on `tickets` appends a +1/−1 row in the same transaction as every change — appending takes no row
 * lock, so concurrent ingests and assignments never wait on (or deadlock over) a shared counter row — and a job
 * folds the rows into one per key every few seconds. A count is the sum of a key's rows, exact at any moment.
 */
@Entity('ticket_counters')
@Index('ticket_counters_key_idx', ['teamId', 'assigneeKey', 'status'])
export class TicketCounterEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('uuid')
  teamId: string;

  @Column('uuid')
  assigneeKey: string;

  @Column({ type: 'varchar', length: 16 })
  status: string;

  @Column({ type: 'int' })
  n: number;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The nil uuid stands for "unassigned" in the counters' key (a primary key column cannot be null). */
export const UNASSIGNED_KEY = '00000000-0000-0000-0000-000000000000';
/** Counter rows per key: concurrent transactions touching one key spread over this many rows. */
export const COUNTER_SLOTS = 8;

/**
 * Ticket counts per (team, assignee, status), kept by a trigger on `tickets` in the same transaction as every
 * change, so the views' counts (SPEC §7) are a sum over a few rows instead of a `COUNT(*)` per refresh. Each
 * key is split over `COUNTER_SLOTS` rows (by ticket id) so concurrent ingests do not queue on one row.
 */
@Entity('ticket_counters')
export class TicketCounterEntity {
  @PrimaryColumn('uuid')
  teamId: string;

  @PrimaryColumn('uuid')
  assigneeKey: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  status: string;

  @PrimaryColumn({ type: 'smallint' })
  slot: number;

  @Column({ type: 'int', default: 0 })
  n: number;
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { returning, type Queryable } from '../../database/sql.js';
import { TICKET_ROW, type TicketRow } from '../ticket/ticket.repository.js';

/** Resolved tickets close by themselves this long after resolution (SPEC §3). */
export const AUTO_CLOSE_DAYS = 7;

/** Locks up to `$1` tickets matching `where`, oldest `order` first, skipping rows another transaction holds. */
function lockDue(em: EntityManager, where: string, order: string, params: unknown[]): Promise<TicketRow[]> {
  return em.query<TicketRow[]>(
    `SELECT ${TICKET_ROW} FROM tickets t WHERE ${where} ORDER BY ${order} LIMIT $1 FOR UPDATE OF t SKIP LOCKED`,
    params,
  );
}

/** Sets `set` on these tickets, bumping `version`; returns them as they are now. */
function change(em: EntityManager, set: string, ids: string[]): Promise<TicketRow[]> {
  return returning<TicketRow>(
    em,
    `UPDATE tickets t SET ${set}, version = t.version + 1, updated_at = now()
      WHERE t.id = ANY($1::uuid[]) RETURNING ${TICKET_ROW}`,
    [ids],
  );
}

/**
 * The timers' queries. Each `due*` locks a batch with SKIP LOCKED (rows a person or another run is changing
 * are left for the next round) and matches a partial index; each change bumps `version` like every write.
 */
@Injectable()
export class TicketJobsRepository {
  /**
   * Folds the appended rows of `ticket_counters` into one per key (the triggers only append). Rows added by
   * transactions still open are not visible here and stay for the next run; each count stays exact throughout
   * because the delete and the insert commit together. Returns how many keys were folded.
   */
  async foldCounters(db: Queryable): Promise<number> {
    const rows = await db.query<{ folded: number }[]>(
      `WITH keys AS (
         SELECT team_id, assignee_key, status FROM ticket_counters GROUP BY 1, 2, 3 HAVING count(*) > 1
       ), gone AS (
         DELETE FROM ticket_counters c USING keys k
         WHERE c.team_id = k.team_id AND c.assignee_key = k.assignee_key AND c.status = k.status
         RETURNING c.team_id, c.assignee_key, c.status, c.n
       ), folded AS (
         INSERT INTO ticket_counters (team_id, assignee_key, status, n)
         SELECT team_id, assignee_key, status, sum(n) FROM gone GROUP BY 1, 2, 3 HAVING sum(n) <> 0
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM keys)::int AS folded`,
    );
    return rows[0]?.folded ?? 0;
  }

  /** First response overdue and not yet marked (tickets_sla_due_idx). */
  dueBreaches(em: EntityManager, limit: number): Promise<TicketRow[]> {
    return lockDue(
      em,
      `t.first_responded_at IS NULL AND t.sla_breached_at IS NULL
         AND t.status NOT IN ('resolved', 'closed') AND t.first_response_due_at <= now()`,
      't.first_response_due_at',
      [limit],
    );
  }

  markBreached(em: EntityManager, ids: string[]): Promise<TicketRow[]> {
    return change(em, 'sla_breached_at = now()', ids);
  }

  /** Snoozes that have ended (tickets_snoozed_idx). */
  dueSnoozes(em: EntityManager, limit: number): Promise<TicketRow[]> {
    return lockDue(em, `t.status = 'snoozed' AND t.snoozed_until <= now()`, 't.snoozed_until', [limit]);
  }

  wake(em: EntityManager, ids: string[]): Promise<TicketRow[]> {
    return change(em, `status = 'open', snoozed_until = NULL`, ids);
  }

  /** Resolved long enough ago (tickets_resolved_idx). */
  dueAutoClose(em: EntityManager, limit: number): Promise<TicketRow[]> {
    return lockDue(
      em,
      `t.status = 'resolved' AND t.resolved_at <= now() - make_interval(days => $2)`,
      't.resolved_at',
      [limit, AUTO_CLOSE_DAYS],
    );
  }

  close(em: EntityManager, ids: string[]): Promise<TicketRow[]> {
    return change(em, `status = 'closed', closed_at = now()`, ids);
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { returning } from '../../database/sql.js';
import { TICKET_ROW, type TicketRow } from '../ticket/ticket.repository.js';

/** Resolved tickets close by themselves this long after resolution (SPEC §3). */
export const AUTO_CLOSE_DAYS = 7;

/**
 * The timers' queries. Each `due*` locks a batch with SKIP LOCKED (rows a person or another run is changing
 * are left for the next round) and matches a partial index; each change bumps `version` like every write.
 */
@Injectable()
export class TicketJobsRepository {
  /** First response overdue and not yet marked (tickets_sla_due_idx). */
  dueBreaches(em: EntityManager, limit: number): Promise<TicketRow[]> {
    return em.query<TicketRow[]>(
      `SELECT ${TICKET_ROW} FROM tickets t
        WHERE t.first_responded_at IS NULL AND t.sla_breached_at IS NULL
          AND t.status NOT IN ('resolved', 'closed') AND t.first_response_due_at <= now()
        ORDER BY t.first_response_due_at LIMIT $1
        FOR UPDATE OF t SKIP LOCKED`,
      [limit],
    );
  }

  markBreached(em: EntityManager, ids: string[]): Promise<TicketRow[]> {
    return returning<TicketRow>(
      em,
      `UPDATE tickets t SET sla_breached_at = now(), version = t.version + 1, updated_at = now()
        WHERE t.id = ANY($1::uuid[]) RETURNING ${TICKET_ROW}`,
      [ids],
    );
  }

  /** Snoozes that have ended (tickets_snoozed_idx). */
  dueSnoozes(em: EntityManager, limit: number): Promise<TicketRow[]> {
    return em.query<TicketRow[]>(
      `SELECT ${TICKET_ROW} FROM tickets t
        WHERE t.status = 'snoozed' AND t.snoozed_until <= now()
        ORDER BY t.snoozed_until LIMIT $1
        FOR UPDATE OF t SKIP LOCKED`,
      [limit],
    );
  }

  wake(em: EntityManager, ids: string[]): Promise<TicketRow[]> {
    return returning<TicketRow>(
      em,
      `UPDATE tickets t SET status = 'open', snoozed_until = NULL, version = t.version + 1, updated_at = now()
        WHERE t.id = ANY($1::uuid[]) RETURNING ${TICKET_ROW}`,
      [ids],
    );
  }

  /** Resolved long enough ago (tickets_resolved_idx). */
  dueAutoClose(em: EntityManager, limit: number): Promise<TicketRow[]> {
    return em.query<TicketRow[]>(
      `SELECT ${TICKET_ROW} FROM tickets t
        WHERE t.status = 'resolved' AND t.resolved_at <= now() - make_interval(days => $2)
        ORDER BY t.resolved_at LIMIT $1
        FOR UPDATE OF t SKIP LOCKED`,
      [limit, AUTO_CLOSE_DAYS],
    );
  }

  close(em: EntityManager, ids: string[]): Promise<TicketRow[]> {
    return returning<TicketRow>(
      em,
      `UPDATE tickets t SET status = 'closed', closed_at = now(), version = t.version + 1, updated_at = now()
        WHERE t.id = ANY($1::uuid[]) RETURNING ${TICKET_ROW}`,
      [ids],
    );
  }
}

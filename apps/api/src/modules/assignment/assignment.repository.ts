import { ACTIVE_STATUSES, type AssignmentMode } from '@dengar/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TICKET_ROW, type TicketRow } from '../ticket/ticket.repository.js';
import type { Candidate } from './assignment-policy.js';

/** Advisory-lock namespaces (the first key of the two-key form), so these never collide with other locks. */
const TEAM_LOCK = 0x41_54; // "AT"
const USER_LOCK = 0x41_55; // "AU"

/** Sum of the user's active counters across teams; `$2` holds the active statuses. */
const LOAD_SQL = (user: string) =>
  `SELECT coalesce(sum(c.n), 0)::int FROM teams tt
     JOIN ticket_counters c ON c.team_id = tt.id AND c.assignee_key = ${user} AND c.status = ANY($2::text[])`;

export interface AutoTicket extends TicketRow {
  mode: AssignmentMode;
}

@Injectable()
export class AssignmentRepository {
  /** These tickets when they are active, unassigned and in a team that auto-assigns; oldest first. */
  autoTickets(em: EntityManager, ticketIds: string[]): Promise<AutoTicket[]> {
    return em.query<AutoTicket[]>(
      `SELECT ${TICKET_ROW}, tm.assignment_mode AS mode
         FROM tickets t JOIN teams tm ON tm.id = t.team_id
        WHERE t.id = ANY($1::uuid[]) AND t.assignee_id IS NULL AND t.status = ANY($2::text[])
          AND tm.assignment_mode <> 'manual'
        ORDER BY t.created_at, t.id`,
      [ticketIds, ACTIVE_STATUSES],
    );
  }

  /** Auto-assigning teams among these, or among those these users belong to; by id (the lock order). */
  autoTeams(em: EntityManager, teamIds: string[], userIds: string[]): Promise<{ id: string; mode: AssignmentMode }[]> {
    return em.query(
      `SELECT tm.id, tm.assignment_mode AS mode FROM teams tm
        WHERE tm.assignment_mode <> 'manual'
          AND (tm.id = ANY($1::uuid[])
               OR tm.id IN (SELECT m.team_id FROM team_members m WHERE m.user_id = ANY($2::uuid[])))
        ORDER BY tm.id`,
      [teamIds, userIds],
    );
  }

  /** Every team that auto-assigns (the periodic waiting-queue sweep). */
  allAutoTeamIds(em: EntityManager): Promise<{ id: string }[]> {
    return em.query(`SELECT id FROM teams WHERE assignment_mode <> 'manual' ORDER BY id`);
  }

  /** Serialises assignment within a team until the transaction ends, so two runs never overfill a member. */
  async lockTeam(em: EntityManager, teamId: string): Promise<void> {
    await em.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [TEAM_LOCK, teamId]);
  }

  /**
   * A member of two teams can be picked by two teams' runs at once: whoever holds this lock (until commit) is
   * the only one assigning to them. Never waits — waiting here could deadlock two runs — a busy member is
   * skipped this time.
   */
  async tryLockUser(em: EntityManager, userId: string): Promise<boolean> {
    const rows = await em.query<{ ok: boolean }[]>('SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS ok', [
      USER_LOCK,
      userId,
    ]);
    return rows[0]?.ok === true;
  }

  /**
   * Members who may take a ticket now: active, `online`, any role that works tickets. Their load is read from
   * the trigger-kept counters (every team, active statuses): one index probe per team, no `COUNT(*)`.
   */
  candidates(em: EntityManager, teamId: string): Promise<Candidate[]> {
    return em.query<Candidate[]>(
      `SELECT u.id AS "userId", u.capacity,
              (${LOAD_SQL('u.id')}) AS load,
              (extract(epoch FROM m.last_assigned_at) * 1000)::float8 AS "lastAssignedAt"
         FROM team_members m JOIN users u ON u.id = m.user_id
        WHERE m.team_id = $1 AND u.active AND u.availability = 'online'
          AND u.role IN ('agent', 'marketing', 'manager', 'admin')
        ORDER BY u.id`,
      [teamId, ACTIVE_STATUSES],
    );
  }

  async loadOf(em: EntityManager, userId: string): Promise<number> {
    const rows = await em.query<{ load: number }[]>(`SELECT (${LOAD_SQL('$1::uuid')}) AS load`, [
      userId,
      ACTIVE_STATUSES,
    ]);
    return rows[0]?.load ?? 0;
  }

  /** Waiting tickets of a team, oldest first; rows another run holds are skipped, not waited for. */
  waiting(em: EntityManager, teamId: string, limit: number): Promise<TicketRow[]> {
    return em.query<TicketRow[]>(
      `SELECT ${TICKET_ROW} FROM tickets t
        WHERE t.team_id = $1 AND t.assignee_id IS NULL AND t.status = ANY($2::text[])
        ORDER BY t.created_at, t.id
        LIMIT $3
        FOR UPDATE OF t SKIP LOCKED`,
      [teamId, ACTIVE_STATUSES, limit],
    );
  }

  /** The member's turn in this team; clock_timestamp() so turns within one transaction stay ordered. */
  async touchMember(em: EntityManager, teamId: string, userId: string): Promise<void> {
    await em.query('UPDATE team_members SET last_assigned_at = clock_timestamp() WHERE team_id = $1 AND user_id = $2', [
      teamId,
      userId,
    ]);
  }
}

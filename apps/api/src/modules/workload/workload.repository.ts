import { OPEN_TICKET_STATUSES, type AssignmentMode, type Availability, type Role } from '@dengar/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UNASSIGNED_KEY } from '../ticket/ticket-counter.entity.js';

export interface AgentLoadRow {
  userId: string;
  name: string;
  role: Role;
  availability: Availability;
  capacity: number;
  openTickets: number;
  oldestWaitingSince: Date | null;
  oldestWaitingTicketId: string | null;
  oldestWaitingTicketNumber: number | null;
  teamIds: string[];
}

export interface TeamQueueRow {
  teamId: string;
  name: string;
  assignmentMode: AssignmentMode;
  unassigned: number;
  oldestUnassignedSince: Date | null;
}

/**
 * The open statuses other than `snoozed` are exactly the ones the partial `*_active_idx` indexes cover, so the
 * probes below split on them: the big branch reads a small partial index, `snoozed` is a short remainder.
 */
const ACTIVE_LIST = `('new', 'open', 'pending')`;

/**
 * The workload board's reads. Counts come from the trigger-kept `ticket_counters` (one index probe per team and
 * status, never a `COUNT(*)` over tickets); the oldest ticket is one index-ordered probe per agent and per team.
 */
@Injectable()
export class WorkloadRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Active users who belong to a team (to `teamId` when given), by name. */
  agents(teamId?: string): Promise<AgentLoadRow[]> {
    return this.ds.query<AgentLoadRow[]>(
      `SELECT u.id AS "userId", u.name, u.role, u.availability, u.capacity,
              (SELECT coalesce(sum(c.n), 0)::int FROM teams tt
                 JOIN ticket_counters c ON c.team_id = tt.id AND c.assignee_key = u.id AND c.status = ANY($2::text[])
              ) AS "openTickets",
              w.waiting_since AS "oldestWaitingSince", w.id AS "oldestWaitingTicketId",
              w.number AS "oldestWaitingTicketNumber",
              array(SELECT m.team_id::text FROM team_members m WHERE m.user_id = u.id ORDER BY m.team_id) AS "teamIds"
         FROM users u
         LEFT JOIN LATERAL (
           SELECT x.id, x.number, x.waiting_since FROM (
             (SELECT t.id, t.number, t.waiting_since FROM tickets t
               WHERE t.assignee_id = u.id AND t.status IN ${ACTIVE_LIST} AND t.waiting_since IS NOT NULL)
             UNION ALL
             (SELECT t.id, t.number, t.waiting_since FROM tickets t
               WHERE t.assignee_id = u.id AND t.status = 'snoozed' AND t.waiting_since IS NOT NULL)
           ) x ORDER BY x.waiting_since, x.id LIMIT 1
         ) w ON TRUE
        WHERE u.active
          AND EXISTS (SELECT 1 FROM team_members m WHERE m.user_id = u.id AND ($1::uuid IS NULL OR m.team_id = $1::uuid))
        ORDER BY u.name, u.id`,
      [teamId ?? null, OPEN_TICKET_STATUSES],
    );
  }

  /** Every team (or just `teamId`): the default team first, then by name. */
  teams(teamId?: string): Promise<TeamQueueRow[]> {
    return this.ds.query<TeamQueueRow[]>(
      `SELECT tm.id AS "teamId", tm.name, tm.assignment_mode AS "assignmentMode",
              (SELECT coalesce(sum(c.n), 0)::int FROM ticket_counters c
                WHERE c.team_id = tm.id AND c.assignee_key = $2::uuid AND c.status = ANY($3::text[])) AS unassigned,
              -- LEAST skips NULLs: the older of the waiting queue's head (its own partial index) and the snoozed.
              LEAST(
                (SELECT min(t.created_at) FROM tickets t
                  WHERE t.team_id = tm.id AND t.assignee_id IS NULL AND t.status IN ${ACTIVE_LIST}),
                (SELECT min(t.created_at) FROM tickets t
                  WHERE t.team_id = tm.id AND t.assignee_id IS NULL AND t.status = 'snoozed')
              ) AS "oldestUnassignedSince"
         FROM teams tm
        WHERE ($1::uuid IS NULL OR tm.id = $1::uuid)
        ORDER BY (CASE WHEN tm.is_default THEN 0 ELSE 1 END), tm.name, tm.id`,
      [teamId ?? null, UNASSIGNED_KEY, OPEN_TICKET_STATUSES],
    );
  }
}

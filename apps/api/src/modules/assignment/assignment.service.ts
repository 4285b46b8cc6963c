import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { event, type PendingEvent } from '../event/event-log.service.js';
import { NotificationWriter, type NewNotification } from '../notification/notification-writer.js';
import { TicketRepository, type TicketEventInput, type TicketRow } from '../ticket/ticket.repository.js';
import { ticketRooms } from '../ticket/ticket-rooms.js';
import { TicketWriter, type TicketChange } from '../ticket/ticket-writer.js';
import { freeRoom, isAutoMode, pickAssignee, type AutoMode, type Candidate } from './assignment-policy.js';
import { AssignmentRepository } from './assignment.repository.js';

/**
 * Capacity-aware assignment (SPEC §5). Each team's run holds a per-team advisory lock until its transaction
 * ends, so the next run reads the counters the previous one committed; a member picked by two teams at once
 * is guarded by a per-user lock that is only ever tried, never waited for.
 */
@Injectable()
export class AssignmentService {
  constructor(
    private readonly repo: AssignmentRepository,
    private readonly tickets: TicketRepository,
    private readonly writer: TicketWriter,
    private readonly notifications: NotificationWriter,
  ) {}

  /**
   * New tickets (just inserted in this transaction): each ticket in a `round_robin`/`balanced` team goes to an
   * eligible member (online, under capacity). Writes `assigned` TicketEvents, `ticket.assigned`, the
   * `assigned` notification, and (new → open) status change; pushes live events into `events`.
   */
  async assignNew(em: EntityManager, ticketIds: string[], events: PendingEvent[]): Promise<void> {
    if (!ticketIds.length) return;
    const rows = await this.repo.autoTickets(em, [...new Set(ticketIds)]);
    const byTeam = new Map<string, { mode: AutoMode; tickets: TicketRow[] }>();
    for (const { mode, ...t } of rows) {
      if (!isAutoMode(mode)) continue;
      const group = byTeam.get(t.teamId) ?? { mode, tickets: [] };
      group.tickets.push(t);
      byTeam.set(t.teamId, group);
    }
    // Teams in id order: two transactions that both touch several teams take the locks in the same order.
    for (const teamId of [...byTeam.keys()].sort()) {
      const { mode, tickets } = byTeam.get(teamId)!;
      await this.repo.lockTeam(em, teamId);
      const candidates = await this.repo.candidates(em, teamId);
      await this.distribute(em, teamId, mode, tickets, candidates, events);
    }
  }

  /**
   * Capacity may have freed up or a user came online: waiting unassigned active tickets of these users' teams
   * (or of these teams) are handed out, oldest first, to eligible members of auto-assigning teams.
   */
  async assignWaiting(
    em: EntityManager,
    scope: { userIds?: string[]; teamIds?: string[] },
    events: PendingEvent[],
  ): Promise<void> {
    const teamIds = scope.teamIds ?? [];
    const userIds = scope.userIds ?? [];
    if (!teamIds.length && !userIds.length) return;
    for (const team of await this.repo.autoTeams(em, teamIds, userIds)) {
      if (!isAutoMode(team.mode)) continue;
      await this.repo.lockTeam(em, team.id);
      const candidates = await this.repo.candidates(em, team.id);
      const room = freeRoom(candidates);
      if (room <= 0) continue;
      const waiting = await this.repo.waiting(em, team.id, room);
      await this.distribute(em, team.id, team.mode, waiting, candidates, events);
    }
  }

  /** Every auto-assigning team's waiting queue (the periodic safety net for capacity freed without a call). */
  async assignAllWaiting(em: EntityManager, events: PendingEvent[]): Promise<void> {
    const teams = await this.repo.allAutoTeamIds(em);
    await this.assignWaiting(em, { teamIds: teams.map((t) => t.id) }, events);
  }

  /** Hands the tickets out in order while someone has room; the rest stay waiting. Caller holds the team lock. */
  private async distribute(
    em: EntityManager,
    teamId: string,
    mode: AutoMode,
    tickets: TicketRow[],
    pool: Candidate[],
    events: PendingEvent[],
  ): Promise<void> {
    const candidates = pool.map((c) => ({ ...c }));
    const held = new Set<string>();
    let latest = Math.max(0, ...candidates.map((c) => c.lastAssignedAt ?? 0));
    const ticketEvents: TicketEventInput[] = [];
    const changes: TicketChange[] = [];
    const notes: NewNotification[] = [];

    for (const ticket of tickets) {
      const assignee = await this.nextAssignee(em, candidates, mode, held);
      if (!assignee) break;
      const opens = ticket.status === 'new';
      const after = await this.tickets.update(
        em,
        ticket.id,
        { assignee_id: assignee.userId, ...(opens ? { status: 'open' } : {}) },
        ticket.version,
      );
      if (!after) continue;
      await this.repo.touchMember(em, teamId, assignee.userId);
      assignee.load += 1;
      assignee.lastAssignedAt = ++latest;

      ticketEvents.push({
        ticketId: ticket.id,
        type: 'assigned',
        actorId: null,
        data: { assigneeId: assignee.userId, previousAssigneeId: null, reason: mode },
      });
      if (opens) {
        ticketEvents.push({
          ticketId: ticket.id,
          type: 'status_changed',
          actorId: null,
          data: { from: 'new', to: 'open', reason: 'assigned' },
        });
      }
      changes.push({ before: ticket, after, changed: opens ? ['assigneeId', 'status'] : ['assigneeId'] });
      events.push(
        event('ticket.assigned', ticketRooms(after), {
          ticketId: after.id,
          teamId: after.teamId,
          assigneeId: assignee.userId,
          previousAssigneeId: null,
        }),
      );
      notes.push({
        userId: assignee.userId,
        kind: 'assigned',
        ticketId: after.id,
        actorId: null,
        text: `Ticket #${after.number} was assigned to you`,
      });
    }

    await this.tickets.addEvents(em, ticketEvents);
    await this.writer.announce(em, changes, events);
    await this.notifications.notify(em, notes, events);
  }

  /** The policy's pick, confirmed under the member's lock with a fresh count; busy or full members drop out. */
  private async nextAssignee(
    em: EntityManager,
    candidates: Candidate[],
    mode: AutoMode,
    held: Set<string>,
  ): Promise<Candidate | null> {
    for (;;) {
      const pick = pickAssignee(candidates, mode);
      if (!pick) return null;
      if (held.has(pick.userId)) return pick;
      if (!(await this.repo.tryLockUser(em, pick.userId))) {
        candidates.splice(candidates.indexOf(pick), 1);
        continue;
      }
      held.add(pick.userId);
      // Read before the lock: another team's run may have committed an assignment to them since.
      pick.load = await this.repo.loadOf(em, pick.userId);
      if (pick.load < pick.capacity) return pick;
    }
  }
}

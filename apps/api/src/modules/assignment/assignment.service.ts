import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PendingEvent } from '../event/event-log.service.js';

/**
 * Capacity-aware assignment (SPEC §5). SKELETON — helper "assignment" implements the bodies; the signatures
 * are fixed so other modules can call them.
 */
@Injectable()
export class AssignmentService {
  /**
   * New tickets (just inserted in this transaction): each ticket in a `round_robin`/`balanced` team goes to an
   * eligible member (online, under capacity). Writes `assigned` TicketEvents, `ticket.assigned`, the
   * `assigned` notification, and (new → open) status change; pushes live events into `events`.
   */
  async assignNew(_em: EntityManager, _ticketIds: string[], _events: PendingEvent[]): Promise<void> {}

  /**
   * Capacity may have freed up or a user came online: waiting unassigned active tickets of these users' teams
   * (or of these teams) are handed out, oldest first, to eligible members of auto-assigning teams.
   */
  async assignWaiting(
    _em: EntityManager,
    _scope: { userIds?: string[]; teamIds?: string[] },
    _events: PendingEvent[],
  ): Promise<void> {}
}

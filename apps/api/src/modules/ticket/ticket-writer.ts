import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { event, type PendingEvent } from '../event/event-log.service.js';
import { TicketRepository, type TicketEventInput, type TicketRow } from './ticket.repository.js';
import { roomsBeforeAndAfter } from './ticket-rooms.js';

export interface TicketChange {
  before: Pick<TicketRow, 'id' | 'teamId' | 'assigneeId'>;
  after: Pick<TicketRow, 'id' | 'teamId' | 'assigneeId' | 'version'>;
  /** SPEC §7 field names that changed (`status`, `assigneeId`, `tags`, …). */
  changed: string[];
}

/**
 * The one way other modules change a ticket inside their transaction: a guarded UPDATE that bumps `version`,
 * its TicketEvents, and `ticket.updated` with the full DTO (read in the same transaction) to every room that
 * could see the ticket before or after.
 */
@Injectable()
export class TicketWriter {
  constructor(private readonly tickets: TicketRepository) {}

  /** Sets columns (snake_case) on one ticket; null when `expectVersion` no longer matches. */
  async update(
    em: EntityManager,
    before: TicketRow,
    set: Record<string, unknown>,
    opts: { expectVersion?: number; changed: string[]; events: PendingEvent[]; ticketEvents?: TicketEventInput[] },
  ): Promise<TicketRow | null> {
    const after = await this.tickets.update(em, before.id, set, opts.expectVersion);
    if (!after) return null;
    await this.tickets.addEvents(em, opts.ticketEvents ?? []);
    await this.announce(em, [{ before, after, changed: opts.changed }], opts.events);
    return after;
  }

  /** Pushes `ticket.updated` (full DTO) for changes already written in this transaction. */
  async announce(em: EntityManager, changes: TicketChange[], events: PendingEvent[]): Promise<void> {
    if (!changes.length) return;
    const dtos = await this.tickets.dtos(em, [...new Set(changes.map((c) => c.after.id))]);
    for (const c of changes) {
      const ticket = dtos.get(c.after.id);
      if (!ticket) continue;
      events.push(
        event('ticket.updated', roomsBeforeAndAfter(c.before, c.after), {
          ticketId: ticket.id,
          teamId: ticket.teamId,
          changed: c.changed,
          version: ticket.version,
          ticket,
        }),
      );
    }
  }
}

import { CreateNoteRequestSchema, type CreateNoteRequest, type Note } from '@dengar/contracts';
import { Injectable } from '@nestjs/common';
import type { Principal } from '../../common/principal.js';
import { EventLog, event, type PendingEvent } from '../event/event-log.service.js';
import { NotificationWriter } from '../notification/notification-writer.js';
import { TicketNotFoundException } from '../ticket/ticket.exception.js';
import { TicketRepository } from '../ticket/ticket.repository.js';
import { ticketRooms } from '../ticket/ticket-rooms.js';
import { excerpt, resolveMentions } from './note-mentions.js';
import { UnknownMentionedUsersException } from './note.exception.js';
import { NoteRepository, toNote } from './note.repository.js';

@Injectable()
export class NoteService {
  constructor(
    private readonly notes: NoteRepository,
    private readonly tickets: TicketRepository,
    private readonly notifications: NotificationWriter,
    private readonly log: EventLog,
  ) {}

  /**
   * An internal note (SPEC §6). `@word` mentions and `mentionedUserIds` that name active users who may see the
   * ticket are stored and notified (`mentioned`); a user who may not see it is neither (the note would point
   * them at a ticket they get a 404 for). A note is not customer conversation: `lastActivityAt`, `version` and
   * the status stay as they are.
   */
  async create(actor: Principal, ticketId: string, input: CreateNoteRequest): Promise<Note> {
    const data = CreateNoteRequestSchema.parse(input);
    return this.notes.transaction(async (em) => {
      // Locked so a concurrent merge cannot move the ticket's notes while this one is being added.
      const ticket = await this.tickets.findVisible(em, actor, ticketId, { lock: true });
      if (!ticket) throw new TicketNotFoundException();
      const users = await this.notes.activeUsers(em);
      const picked = [...new Set(data.mentionedUserIds ?? [])];
      const inactive = picked.filter((id) => !users.some((u) => u.id === id));
      if (inactive.length) throw new UnknownMentionedUsersException(inactive);
      const wanted = new Set([...picked, ...resolveMentions(data.body, users)]);
      const mentioned: typeof users = [];
      for (const u of users) {
        if (!wanted.has(u.id)) continue;
        if (await this.tickets.findVisible(em, { userId: u.id, role: u.role }, ticketId)) mentioned.push(u);
      }
      const note = toNote(
        await this.notes.insert(em, {
          ticketId,
          authorId: actor.userId,
          body: data.body,
          mentionedUserIds: mentioned.map((u) => u.id),
        }),
      );
      await this.tickets.addEvents(em, [
        {
          ticketId,
          type: 'note_added',
          actorId: actor.userId,
          data: { noteId: note.id, mentionedUserIds: note.mentionedUserIds },
        },
      ]);
      const events: PendingEvent[] = [
        event('note.created', ticketRooms(ticket), { ticketId, teamId: ticket.teamId, noteId: note.id, note }),
      ];
      const author = users.find((u) => u.id === actor.userId)?.name ?? 'Someone';
      await this.notifications.notify(
        em,
        mentioned.map((u) => ({
          userId: u.id,
          kind: 'mentioned' as const,
          ticketId,
          actorId: actor.userId,
          text: `${author} mentioned you on #${ticket.number}: ${excerpt(data.body)}`,
        })),
        events,
      );
      await this.log.record(em, events);
      return note;
    });
  }
}

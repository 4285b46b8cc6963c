import type { Note, Reply, Ticket, TicketDetail } from '@dengar/contracts';

/**
 * Folding what the API answered or a socket pushed into the cached detail. A ticket DTO older than what is
 * cached (a late socket event) is ignored, so the screen never steps back.
 */
export function withTicket(detail: TicketDetail | null | undefined, ticket: Ticket): TicketDetail | null | undefined {
  if (!detail || detail.id !== ticket.id || ticket.version < detail.version) return detail;
  return { ...detail, ...ticket };
}

/** Adds the reply or replaces the one with its id (a status change), keeping the thread's order. */
export function withReply(detail: TicketDetail | null | undefined, reply: Reply): TicketDetail | null | undefined {
  if (!detail || detail.id !== reply.ticketId) return detail;
  const index = detail.replies.findIndex((r) => r.id === reply.id);
  if (index === -1) return { ...detail, replies: [...detail.replies, reply] };
  const replies = detail.replies.slice();
  replies[index] = reply;
  return { ...detail, replies };
}

export function withNote(detail: TicketDetail | null | undefined, note: Note): TicketDetail | null | undefined {
  if (!detail || detail.id !== note.ticketId || detail.notes.some((n) => n.id === note.id)) return detail;
  return { ...detail, notes: [...detail.notes, note] };
}

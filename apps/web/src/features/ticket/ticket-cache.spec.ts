import type { Note, Reply, TicketDetail } from '@dengar/contracts';
import { describe, expect, it } from 'vitest';
import { withNote, withReply, withTicket } from './ticket-cache';

const ID = '00000000-0000-4000-8000-000000000001';
const detail = { id: ID, version: 3, status: 'open', replies: [], notes: [] } as unknown as TicketDetail;
const reply = (id: string, status: Reply['status']) => ({ id, ticketId: ID, status }) as unknown as Reply;

describe('ticket cache', () => {
  it('takes a newer ticket and ignores an older one', () => {
    const newer = { id: ID, version: 4, status: 'resolved' } as unknown as TicketDetail;
    const older = { id: ID, version: 2, status: 'new' } as unknown as TicketDetail;
    expect(withTicket(detail, newer)).toMatchObject({ version: 4, status: 'resolved', replies: [] });
    expect(withTicket(detail, older)).toBe(detail);
    expect(withTicket(null, newer)).toBeNull();
  });

  it('adds a reply, then replaces it when its status changes', () => {
    const one = withReply(detail, reply('r1', 'queued'));
    expect(one?.replies.map((r) => r.status)).toEqual(['queued']);
    const two = withReply(one, reply('r1', 'sent'));
    expect(two?.replies.map((r) => r.status)).toEqual(['sent']);
  });

  it('adds a note once', () => {
    const note = { id: 'n1', ticketId: ID } as unknown as Note;
    const once = withNote(detail, note);
    expect(withNote(once, note)?.notes).toHaveLength(1);
  });
});

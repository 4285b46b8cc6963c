import type { Notification } from '@dengar/contracts';
import { describe, expect, it } from 'vitest';
import type { NotificationPage } from './api/get-notifications';
import { addNotification, markRead, viewFor } from './notification-cache';

const note = (n: number, readAt: string | null = null): Notification => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  kind: 'assigned',
  ticketId: null,
  actorId: null,
  text: `Ticket #${n} was assigned to you`,
  readAt,
  createdAt: `2026-11-27T10:0${n}:00.000Z`,
});

const page = (items: Notification[], unread: number): NotificationPage => ({ items, nextCursor: null, unread });

describe('addNotification', () => {
  it('puts a new unread notification on top and counts it', () => {
    const next = addNotification(page([note(2), note(1, '2026-11-27T11:00:00.000Z')], 1), note(3));
    expect(next.items.map((n) => n.id)).toEqual([note(3).id, note(2).id, note(1).id]);
    expect(next.unread).toBe(2);
  });

  it('adds one it already has only once (live and replayed)', () => {
    const once = addNotification(page([], 0), note(1));
    expect(addNotification(once, note(1))).toBe(once);
    expect(once.unread).toBe(1);
  });

  it('keeps newest first when an older one arrives late, and does not count a read one', () => {
    const next = addNotification(page([note(3)], 1), note(1, '2026-11-27T11:00:00.000Z'));
    expect(next.items.map((n) => n.id)).toEqual([note(3).id, note(1).id]);
    expect(next.unread).toBe(1);
  });
});

describe('markRead', () => {
  const at = '2026-11-27T12:00:00.000Z';

  it('marks the chosen ones read and takes the server’s count', () => {
    const next = markRead(page([note(3), note(2), note(1)], 3), [note(2).id], at, 2);
    expect(next.items.map((n) => n.readAt)).toEqual([null, at, null]);
    expect(next.unread).toBe(2);
  });

  it('marks all without ids, leaving earlier read times alone', () => {
    const earlier = '2026-11-27T09:00:00.000Z';
    const next = markRead(page([note(2), note(1, earlier)], 1), undefined, at, 0);
    expect(next.items.map((n) => n.readAt)).toEqual([at, earlier]);
    expect(next.unread).toBe(0);
  });
});

describe('viewFor', () => {
  it('opens assignments in Mine and the rest in My teams', () => {
    expect(viewFor('assigned')).toBe('mine');
    expect(viewFor('mentioned')).toBe('team');
    expect(viewFor('sla_breached')).toBe('team');
  });
});

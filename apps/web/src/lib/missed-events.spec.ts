import type { EventsPage, LoggedEvent } from '@dengar/contracts';
import { describe, expect, it } from 'vitest';
import { catchUp, maxSeq, RecentSeqs, toMissedEvent, type MissedEvent } from './missed-events';

const USER = '11111111-1111-4111-8111-111111111111';
const TICKET = '22222222-2222-4222-8222-222222222222';

/** A loggable event: an availability change (the smallest payload in the event map). */
const presence = (seq: number, availability: 'online' | 'away' = 'away'): LoggedEvent => ({
  seq,
  name: 'presence.updated',
  at: `2026-11-27T10:00:${String(seq % 60).padStart(2, '0')}.000Z`,
  data: { userId: USER, availability },
});

const notification = (seq: number): LoggedEvent => ({
  seq,
  name: 'notification.created',
  at: '2026-11-27T10:00:00.000Z',
  data: {
    id: '33333333-3333-4333-8333-333333333333',
    kind: 'assigned',
    ticketId: TICKET,
    actorId: null,
    text: 'Ticket #4 was assigned to you',
    readAt: null,
    createdAt: '2026-11-27T10:00:00.000Z',
  },
});

const page = (events: LoggedEvent[], latestSeq: number, more = false, reload = false): EventsPage => ({
  events,
  latestSeq,
  more,
  reload,
});

/** A fake `GET /api/events` answering from a script, recording what it was asked. */
function server(pages: EventsPage[]) {
  const asked: { since: number; limit: number }[] = [];
  const fetchPage = (since: number, limit: number) => {
    asked.push({ since, limit });
    const next = pages.shift();
    if (!next) throw new Error(`unexpected request since=${since}`);
    return Promise.resolve(next);
  };
  return { asked, fetchPage };
}

function collect() {
  const delivered: MissedEvent[] = [];
  return { delivered, deliver: (event: MissedEvent) => delivered.push(event) };
}

describe('toMissedEvent', () => {
  it('builds the envelope live handlers get', () => {
    expect(toMissedEvent(presence(7))).toEqual({
      name: 'presence.updated',
      envelope: { seq: 7, at: '2026-11-27T10:00:07.000Z', data: { userId: USER, availability: 'away' } },
    });
  });

  it('refuses data that does not fit the event', () => {
    expect(toMissedEvent({ ...notification(3), data: { id: 'nope' } })).toBeNull();
  });
});

describe('maxSeq', () => {
  it('ignores missing and ephemeral (0) seqs', () => {
    expect(maxSeq(null, 0, undefined)).toBeNull();
    expect(maxSeq(null, 4, 0, 9, 2)).toBe(9);
  });
});

describe('catchUp', () => {
  it('replays one page in seq order and resumes from the latest seq', async () => {
    const { asked, fetchPage } = server([page([presence(12), notification(11)], 15)]);
    const { delivered, deliver } = collect();
    const result = await catchUp(10, fetchPage, deliver);
    expect(asked).toEqual([{ since: 10, limit: 500 }]);
    expect(delivered.map((e) => [e.name, e.envelope.seq])).toEqual([
      ['notification.created', 11],
      ['presence.updated', 12],
    ]);
    expect(result).toEqual({ kind: 'replayed', lastSeq: 15, replayed: 2 });
  });

  it('pages while the server says more, each time from the last seq it got', async () => {
    const { asked, fetchPage } = server([
      page([presence(3), presence(5)], 40, true),
      page([presence(9)], 40, true),
      page([], 40, false),
    ]);
    const { delivered, deliver } = collect();
    const result = await catchUp(2, fetchPage, deliver, { pageSize: 2 });
    expect(asked.map((a) => a.since)).toEqual([2, 5, 9]);
    expect(delivered.map((e) => e.envelope.seq)).toEqual([3, 5, 9]);
    expect(result).toEqual({ kind: 'replayed', lastSeq: 40, replayed: 3 });
  });

  it('skips events at or before the cursor (a repeated page)', async () => {
    const { fetchPage } = server([page([presence(5), presence(6)], 6, true), page([presence(6), presence(7)], 7)]);
    const { delivered, deliver } = collect();
    await catchUp(4, fetchPage, deliver);
    expect(delivered.map((e) => e.envelope.seq)).toEqual([5, 6, 7]);
  });

  it('asks for a reload when the server no longer has what was missed', async () => {
    const { fetchPage } = server([page([], 900, false, true)]);
    const { delivered, deliver } = collect();
    expect(await catchUp(3, fetchPage, deliver)).toEqual({
      kind: 'reload',
      lastSeq: 900,
      replayed: 0,
      reason: 'window',
    });
    expect(delivered).toEqual([]);
  });

  it('gives up paging after the page limit, or when `more` makes no progress', async () => {
    const far = server([page([presence(3)], 99, true), page([presence(4)], 99, true)]);
    expect(await catchUp(2, far.fetchPage, () => undefined, { maxPages: 2 })).toEqual({
      kind: 'reload',
      lastSeq: 99,
      replayed: 2,
      reason: 'too-far',
    });
    const stuck = server([page([], 50, true)]);
    expect((await catchUp(2, stuck.fetchPage, () => undefined)).kind).toBe('reload');
  });

  it('delivers what it can read and asks for a reload for what it cannot', async () => {
    const { fetchPage } = server([page([presence(3), { ...notification(4), data: {} }], 4)]);
    const { delivered, deliver } = collect();
    expect(await catchUp(2, fetchPage, deliver)).toEqual({
      kind: 'reload',
      lastSeq: 4,
      replayed: 1,
      reason: 'invalid',
    });
    expect(delivered.map((e) => e.envelope.seq)).toEqual([3]);
  });

  it('stops when its connection is gone, reporting how far it delivered', async () => {
    let current = true;
    const { asked, fetchPage } = server([page([presence(3)], 10, true), page([presence(4)], 10)]);
    const result = await catchUp(2, fetchPage, () => (current = false), { isCurrent: () => current });
    expect(result).toEqual({ kind: 'aborted', lastSeq: 3, replayed: 1 });
    expect(asked).toHaveLength(1);
  });

  it('passes fetch errors on to the caller', async () => {
    const failing = () => Promise.reject(new Error('offline'));
    await expect(catchUp(1, failing, () => undefined)).rejects.toThrow('offline');
  });
});

describe('RecentSeqs', () => {
  it('lets each seq through once, forgets the oldest beyond its capacity, never remembers 0', () => {
    const seqs = new RecentSeqs(2);
    expect(seqs.add(1)).toBe(true);
    expect(seqs.add(1)).toBe(false);
    expect(seqs.add(2)).toBe(true);
    expect(seqs.add(3)).toBe(true);
    expect(seqs.add(1)).toBe(true);
    expect(seqs.add(3)).toBe(false);
    expect(seqs.add(0)).toBe(true);
    expect(seqs.add(0)).toBe(true);
  });
});

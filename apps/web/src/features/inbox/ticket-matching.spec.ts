import type { Page, Ticket } from '@dengar/contracts';
import { describe, expect, it } from 'vitest';
import type { QueueListParams } from './queue-filters';
import {
  applyTicketChange,
  compareTickets,
  flattenPages,
  matchesLocalFilters,
  matchesSearch,
  ticketMatches,
  type PagedTickets,
  type Viewer,
} from './ticket-matching';

const ME = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const TEAM_A = '10000000-0000-4000-8000-000000000001';
const TEAM_B = '10000000-0000-4000-8000-000000000002';
const TAG = '20000000-0000-4000-8000-000000000001';
const SOURCE = '30000000-0000-4000-8000-000000000001';

let seq = 0;
function ticket(overrides: Partial<Ticket> = {}): Ticket {
  seq += 1;
  const id = `40000000-0000-4000-8000-${String(seq).padStart(12, '0')}`;
  return {
    id,
    number: seq,
    status: 'new',
    priority: 'normal',
    teamId: TEAM_A,
    assigneeId: null,
    brandId: null,
    sourceId: SOURCE,
    sourceKind: 'webhook',
    authorId: '50000000-0000-4000-8000-000000000001',
    author: {
      id: '50000000-0000-4000-8000-000000000001',
      handle: 'budi_santoso',
      displayName: 'Budi',
      profileUrl: null,
      followers: 10,
      influence: 20,
      verified: false,
    },
    subject: 'My order never arrived',
    sentiment: { label: 'negative', score: -0.6 },
    type: 'complaint',
    firstResponseDueAt: '2026-11-27T12:00:00.000Z',
    firstRespondedAt: null,
    slaBreachedAt: null,
    resolvedAt: null,
    closedAt: null,
    snoozedUntil: null,
    lastActivityAt: '2026-11-27T10:00:00.000Z',
    waitingSince: null,
    version: 1,
    mentionCount: 1,
    mergedIntoId: null,
    tags: [],
    createdAt: '2026-11-27T10:00:00.000Z',
    ...overrides,
  };
}

const agent: Viewer = { userId: ME, manager: false, teamIds: new Set([TEAM_A]) };
const manager: Viewer = { userId: ME, manager: true, teamIds: new Set() };
const params = (p: Partial<QueueListParams> = {}): QueueListParams => ({
  view: 'unassigned',
  sort: 'lastActivityAt',
  ...p,
});

describe('ticketMatches: views', () => {
  it('unassigned: nobody assigned, in one of my teams (managers: any team)', () => {
    expect(ticketMatches(ticket(), params(), agent)).toBe(true);
    expect(ticketMatches(ticket({ teamId: TEAM_B }), params(), agent)).toBe(false);
    expect(ticketMatches(ticket({ teamId: TEAM_B }), params(), manager)).toBe(true);
    expect(ticketMatches(ticket({ assigneeId: OTHER }), params(), agent)).toBe(false);
  });

  it('mine: assigned to me, in any team', () => {
    expect(ticketMatches(ticket({ assigneeId: ME, teamId: TEAM_B }), params({ view: 'mine' }), agent)).toBe(true);
    expect(ticketMatches(ticket({ assigneeId: OTHER }), params({ view: 'mine' }), agent)).toBe(false);
    expect(ticketMatches(ticket(), params({ view: 'mine' }), agent)).toBe(false);
  });

  it('team: my teams plus mine elsewhere; managers everything', () => {
    expect(ticketMatches(ticket({ assigneeId: OTHER }), params({ view: 'team' }), agent)).toBe(true);
    expect(ticketMatches(ticket({ teamId: TEAM_B }), params({ view: 'team' }), agent)).toBe(false);
    expect(ticketMatches(ticket({ teamId: TEAM_B, assigneeId: ME }), params({ view: 'team' }), agent)).toBe(true);
    expect(ticketMatches(ticket({ teamId: TEAM_B }), params({ view: 'all' }), manager)).toBe(true);
  });
});

describe('ticketMatches: filters', () => {
  it('lists only the active statuses unless a status is chosen', () => {
    expect(ticketMatches(ticket({ status: 'pending' }), params(), agent)).toBe(true);
    expect(ticketMatches(ticket({ status: 'resolved' }), params(), agent)).toBe(false);
    expect(ticketMatches(ticket({ status: 'snoozed' }), params(), agent)).toBe(false);
    expect(ticketMatches(ticket({ status: 'resolved' }), params({ status: 'resolved' }), agent)).toBe(true);
    expect(ticketMatches(ticket({ status: 'open' }), params({ status: 'resolved' }), agent)).toBe(false);
  });

  it('never lists a merged ticket', () => {
    expect(ticketMatches(ticket({ mergedIntoId: TEAM_B }), params(), agent)).toBe(false);
  });

  it('checks priority, source, brand, sentiment and tag', () => {
    const t = ticket({
      priority: 'high',
      brandId: TEAM_B,
      tags: [{ id: TAG, name: 'bug', kind: 'outcome', color: '#ff0000' }],
    });
    expect(ticketMatches(t, params({ priority: 'high' }), agent)).toBe(true);
    expect(ticketMatches(t, params({ priority: 'urgent' }), agent)).toBe(false);
    expect(ticketMatches(t, params({ sourceId: SOURCE }), agent)).toBe(true);
    expect(ticketMatches(t, params({ sourceId: TAG }), agent)).toBe(false);
    expect(ticketMatches(t, params({ brandId: TEAM_B }), agent)).toBe(true);
    expect(ticketMatches(t, params({ brandId: TEAM_A }), agent)).toBe(false);
    expect(ticketMatches(t, params({ sentiment: 'negative' }), agent)).toBe(true);
    expect(ticketMatches(t, params({ sentiment: 'positive' }), agent)).toBe(false);
    expect(ticketMatches(t, params({ tag: TAG }), agent)).toBe(true);
    expect(ticketMatches(ticket(), params({ tag: TAG }), agent)).toBe(false);
  });

  it('searches like the API: number, every subject word, or the handle', () => {
    const t = ticket({ number: 123, subject: 'Paket belum sampai juga' });
    expect(matchesSearch(t, '#123')).toBe(true);
    expect(matchesSearch(t, '123')).toBe(true);
    expect(matchesSearch(t, '12')).toBe(false);
    expect(matchesSearch(t, 'PAKET sampai')).toBe(true);
    expect(matchesSearch(t, 'paket refund')).toBe(false);
    expect(matchesSearch(t, '@budi_s')).toBe(true);
    expect(ticketMatches(t, params({ q: 'belum' }), agent)).toBe(true);
    expect(ticketMatches(t, params({ q: 'nothing' }), agent)).toBe(false);
  });

  it('filters the type in the browser', () => {
    expect(matchesLocalFilters(ticket({ type: 'question' }), { type: 'question' })).toBe(true);
    expect(matchesLocalFilters(ticket({ type: 'praise' }), { type: 'question' })).toBe(false);
    expect(matchesLocalFilters(ticket({ type: null }), {})).toBe(true);
  });
});

describe('compareTickets', () => {
  it('orders by last activity, newest first, then id', () => {
    const older = ticket({ lastActivityAt: '2026-11-27T09:00:00.000Z' });
    const newer = ticket({ lastActivityAt: '2026-11-27T11:00:00.000Z' });
    expect(compareTickets('lastActivityAt', newer, older)).toBeLessThan(0);
    const a = ticket();
    const b = ticket();
    // Same time: the larger id first (DESC tie-breaker).
    expect(compareTickets('lastActivityAt', b, a)).toBeLessThan(0);
  });

  it('orders by priority, urgent first', () => {
    expect(compareTickets('priority', ticket({ priority: 'urgent' }), ticket({ priority: 'high' }))).toBeLessThan(0);
    expect(compareTickets('priority', ticket({ priority: 'low' }), ticket({ priority: 'normal' }))).toBeGreaterThan(0);
  });

  it('orders by SLA due, earliest first, no target last', () => {
    const soon = ticket({ firstResponseDueAt: '2026-11-27T10:15:00.000Z' });
    const later = ticket({ firstResponseDueAt: '2026-11-27T14:00:00.000Z' });
    const none = ticket({ firstResponseDueAt: null });
    expect(compareTickets('slaDue', soon, later)).toBeLessThan(0);
    expect(compareTickets('slaDue', none, later)).toBeGreaterThan(0);
  });
});

describe('applyTicketChange', () => {
  const at = (hour: number) => `2026-11-27T${String(hour).padStart(2, '0')}:00:00.000Z`;
  const paged = (pages: Page<Ticket>[]): PagedTickets => ({ pages, pageParams: pages.map((_, i) => i) });
  const ids = (data: PagedTickets) => flattenPages(data.pages).map((t) => t.number);

  it('inserts a new matching ticket in sort order', () => {
    const t9 = ticket({ lastActivityAt: at(9) });
    const t7 = ticket({ lastActivityAt: at(7) });
    const fresh = ticket({ lastActivityAt: at(8) });
    const { data, change } = applyTicketChange(paged([{ items: [t9, t7], nextCursor: null }]), fresh, params(), agent);
    expect(change).toBe('inserted');
    expect(ids(data)).toEqual([t9.number, fresh.number, t7.number]);
  });

  it('leaves a ticket that sorts past the loaded rows to the next page', () => {
    const t9 = ticket({ lastActivityAt: at(9) });
    const old = ticket({ lastActivityAt: at(1) });
    const before = paged([{ items: [t9], nextCursor: 'next' }]);
    const result = applyTicketChange(before, old, params(), agent);
    expect(result.change).toBe('none');
    expect(result.data).toBe(before);
  });

  it('replaces a changed ticket in place, and moves it when its sort key changed', () => {
    const t9 = ticket({ lastActivityAt: at(9) });
    const t8 = ticket({ lastActivityAt: at(8) });
    const start = paged([{ items: [t9, t8], nextCursor: null }]);
    const tagged = applyTicketChange(start, { ...t8, priority: 'high' }, params(), agent);
    expect(tagged.change).toBe('replaced');
    expect(flattenPages(tagged.data.pages)[1]?.priority).toBe('high');
    const bumped = applyTicketChange(start, { ...t8, lastActivityAt: at(10) }, params(), agent);
    expect(bumped.change).toBe('moved');
    expect(ids(bumped.data)).toEqual([t8.number, t9.number]);
  });

  it('removes a ticket that no longer matches (assigned, resolved, moved to another team)', () => {
    const t = ticket();
    const start = paged([{ items: [t], nextCursor: null }]);
    expect(applyTicketChange(start, { ...t, assigneeId: OTHER }, params(), agent).change).toBe('removed');
    expect(applyTicketChange(start, { ...t, status: 'resolved' }, params(), agent).change).toBe('removed');
    const moved = applyTicketChange(start, { ...t, teamId: TEAM_B }, params(), agent);
    expect(moved.change).toBe('removed');
    expect(ids(moved.data)).toEqual([]);
  });

  it('ignores a ticket that neither matches nor is listed', () => {
    const start = paged([{ items: [], nextCursor: null }]);
    const result = applyTicketChange(start, ticket({ teamId: TEAM_B }), params(), agent);
    expect(result).toEqual({ data: start, change: 'none' });
  });

  it('flattens pages showing each ticket once', () => {
    const t = ticket();
    expect(
      flattenPages([
        { items: [t], nextCursor: 'x' },
        { items: [t], nextCursor: null },
      ]),
    ).toHaveLength(1);
  });
});

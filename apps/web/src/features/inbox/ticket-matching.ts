import { ACTIVE_STATUSES, type Page, type Ticket, type TicketPriority, type TicketSort } from '@dengar/contracts';
import type { QueueFilters, QueueListParams } from './queue-filters';

/** Who is looking: the views mean different things to an agent and to a manager (docs/tickets.md). */
export interface Viewer {
  userId: string;
  /** Managers and admins see every team. */
  manager: boolean;
  /** The teams the viewer belongs to. */
  teamIds: ReadonlySet<string>;
}

function inView(ticket: Ticket, view: QueueListParams['view'], viewer: Viewer): boolean {
  const mine = ticket.assigneeId === viewer.userId;
  const myTeam = viewer.manager || viewer.teamIds.has(ticket.teamId);
  switch (view) {
    case 'mine':
      return mine;
    case 'unassigned':
      return ticket.assigneeId === null && myTeam;
    case 'team':
    case 'all':
      return myTeam || mine;
  }
}

/** The API's search (docs/tickets.md): `#123`/`123` is the number; else every word in the subject, or the handle. */
export function matchesSearch(ticket: Ticket, q: string): boolean {
  const text = q.trim();
  if (text === '') return true;
  const number = /^#?(\d{1,9})$/.exec(text);
  if (number) return ticket.number === Number(number[1]);
  const subject = ticket.subject.toLowerCase();
  const words = text.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 10);
  if (words.every((word) => subject.includes(word))) return true;
  const handle = text.replace(/^@/, '').toLowerCase();
  return ticket.author.handle.toLowerCase().includes(handle);
}

/**
 * Whether the server would list `ticket` for these params: the same rules as `GET /api/tickets` (view, statuses
 * defaulting to the active ones, each filter). Used to place live changes in the cached pages.
 */
export function ticketMatches(ticket: Ticket, params: QueueListParams, viewer: Viewer): boolean {
  if (ticket.mergedIntoId !== null) return false;
  if (!inView(ticket, params.view, viewer)) return false;
  const statuses: readonly string[] = params.status ? [params.status] : ACTIVE_STATUSES;
  if (!statuses.includes(ticket.status)) return false;
  if (params.priority && ticket.priority !== params.priority) return false;
  if (params.sourceId && ticket.sourceId !== params.sourceId) return false;
  if (params.brandId && ticket.brandId !== params.brandId) return false;
  if (params.sentiment && ticket.sentiment.label !== params.sentiment) return false;
  if (params.tag && !ticket.tags.some((tag) => tag.id === params.tag)) return false;
  if (params.q && !matchesSearch(ticket, params.q)) return false;
  return true;
}

/** The browser-side part of the filters (the API has no type filter). */
export function matchesLocalFilters(ticket: Ticket, filters: Pick<QueueFilters, 'type'>): boolean {
  return !filters.type || ticket.type === filters.type;
}

const RANK: Record<TicketPriority, number> = { urgent: 3, high: 2, normal: 1, low: 0 };
const time = (iso: string | null) => (iso === null ? Number.POSITIVE_INFINITY : Date.parse(iso));
const byId = (a: Ticket, b: Ticket) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The API's order for each sort, with its id tie-breaker: negative when `a` comes first. */
export function compareTickets(sort: TicketSort, a: Ticket, b: Ticket): number {
  switch (sort) {
    case 'lastActivityAt':
      return time(b.lastActivityAt) - time(a.lastActivityAt) || byId(b, a);
    case 'priority':
      return RANK[b.priority] - RANK[a.priority] || time(b.lastActivityAt) - time(a.lastActivityAt) || byId(b, a);
    case 'slaDue': {
      const da = time(a.firstResponseDueAt);
      const db = time(b.firstResponseDueAt);
      if (da !== db) return da < db ? -1 : 1;
      return byId(a, b);
    }
  }
}

export interface PagedTickets {
  pages: Page<Ticket>[];
  pageParams: unknown[];
}

export type CacheChange = 'inserted' | 'replaced' | 'moved' | 'removed' | 'none';

/**
 * Puts a changed ticket where the server would now list it: replaced in place, moved, inserted, or removed
 * when it no longer matches. A ticket that sorts after the last loaded row while more pages exist is left for
 * those pages to bring (inserting it would show it twice). Returns the same object when nothing changed.
 */
export function applyTicketChange(
  data: PagedTickets,
  ticket: Ticket,
  params: QueueListParams,
  viewer: Viewer,
): { data: PagedTickets; change: CacheChange } {
  const matches = ticketMatches(ticket, params, viewer);
  let foundPage = -1;
  let foundIndex = -1;
  data.pages.forEach((page, p) => {
    const i = page.items.findIndex((item) => item.id === ticket.id);
    if (i >= 0 && foundPage < 0) {
      foundPage = p;
      foundIndex = i;
    }
  });
  const present = foundPage >= 0;
  if (!matches && !present) return { data, change: 'none' };

  const pages = data.pages.map((page) => ({ ...page, items: page.items.filter((item) => item.id !== ticket.id) }));
  if (!matches) return { data: { ...data, pages }, change: 'removed' };

  const target = insertionPoint(pages, ticket, params.sort);
  if (target === null) {
    // Sorts beyond the loaded rows: the next page brings it.
    return present ? { data: { ...data, pages }, change: 'removed' } : { data, change: 'none' };
  }
  const page = pages[target.page];
  if (!page) return { data, change: 'none' };
  page.items.splice(target.index, 0, ticket);
  const sameSpot = present && target.page === foundPage && target.index === foundIndex;
  return { data: { ...data, pages }, change: !present ? 'inserted' : sameSpot ? 'replaced' : 'moved' };
}

function insertionPoint(
  pages: Page<Ticket>[],
  ticket: Ticket,
  sort: TicketSort,
): { page: number; index: number } | null {
  for (let p = 0; p < pages.length; p++) {
    const items = pages[p]?.items ?? [];
    const i = items.findIndex((item) => compareTickets(sort, ticket, item) < 0);
    if (i >= 0) return { page: p, index: i };
  }
  const last = pages.length - 1;
  const lastPage = pages[last];
  if (!lastPage) return null;
  return lastPage.nextCursor === null ? { page: last, index: lastPage.items.length } : null;
}

/** The rows of all loaded pages, each ticket once (a row can repeat when it moved between page loads). */
export function flattenPages(pages: readonly Page<Ticket>[]): Ticket[] {
  const seen = new Set<string>();
  const out: Ticket[] = [];
  for (const page of pages) {
    for (const item of page.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      out.push(item);
    }
  }
  return out;
}

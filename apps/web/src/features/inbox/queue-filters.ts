import {
  MENTION_TYPES,
  SENTIMENT_LABELS,
  TICKET_PRIORITIES,
  TICKET_SORTS,
  TICKET_STATUSES,
  type MentionType,
  type SentimentLabel,
  type TicketPriority,
  type TicketSort,
  type TicketStatus,
} from '@dengar/contracts';
import type { QueryValue } from '../../lib/api-client';
import type { InboxView } from './inbox-views';

/**
 * The queue's filters as the person chose them. All but `type` are the API's (`GET /api/tickets`); the API has no
 * type filter (a ticket's type is its first mention's), so `type` narrows the loaded rows in the browser.
 */
export interface QueueFilters {
  status?: TicketStatus;
  priority?: TicketPriority;
  sourceId?: string;
  sentiment?: SentimentLabel;
  type?: MentionType;
  tag?: string;
  brandId?: string;
  q?: string;
  sort: TicketSort;
}

export const DEFAULT_FILTERS: QueueFilters = { sort: 'lastActivityAt' };

/** What the server filters on: the query key of a list and the body of a bulk-by-filter. */
export type ServerFilters = Omit<QueueFilters, 'type'>;
export type QueueListParams = ServerFilters & { view: InboxView };

export function serverFilters({ type: _type, ...rest }: QueueFilters): ServerFilters {
  return rest;
}

/** Filters other than the sort that narrow the list (the sort only orders it). */
export function hasActiveFilters(filters: QueueFilters): boolean {
  return Object.entries(filters).some(([key, value]) => key !== 'sort' && value !== undefined && value !== '');
}

export function listQuery(params: QueueListParams): Record<string, QueryValue> {
  const { view, status, priority, sourceId, sentiment, tag, brandId, q, sort } = params;
  return { view, status, priority, sourceId, sentiment, tag, brandId, q, sort };
}

/** The `filter` of `POST /api/tickets/bulk` for the same tickets the list shows (the view's statuses included). */
export function bulkFilter(params: QueueListParams) {
  const { view, status, priority, sourceId, sentiment, tag, brandId, q } = params;
  return {
    view,
    ...(status ? { status: [status] } : {}),
    ...(priority ? { priority: [priority] } : {}),
    ...(sourceId ? { sourceId } : {}),
    ...(sentiment ? { sentiment } : {}),
    ...(tag ? { tag } : {}),
    ...(brandId ? { brandId } : {}),
    ...(q ? { q } : {}),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const oneOf = <T extends string>(list: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (list as readonly string[]).includes(value) ? (value as T) : undefined;
const uuid = (value: unknown): string | undefined =>
  typeof value === 'string' && UUID.test(value) ? value : undefined;

/** Reads stored filters defensively: whatever is not a valid value is dropped. */
export function parseFilters(raw: unknown): QueueFilters {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_FILTERS;
  const r = raw as Record<string, unknown>;
  const q = typeof r['q'] === 'string' && r['q'].trim() !== '' ? r['q'].trim().slice(0, 200) : undefined;
  const filters: QueueFilters = {
    status: oneOf(TICKET_STATUSES, r['status']),
    priority: oneOf(TICKET_PRIORITIES, r['priority']),
    sourceId: uuid(r['sourceId']),
    sentiment: oneOf(SENTIMENT_LABELS, r['sentiment']),
    type: oneOf(MENTION_TYPES, r['type']),
    tag: uuid(r['tag']),
    brandId: uuid(r['brandId']),
    q,
    sort: oneOf(TICKET_SORTS, r['sort']) ?? DEFAULT_FILTERS.sort,
  };
  return withoutEmpty(filters);
}

export function withoutEmpty(filters: QueueFilters): QueueFilters {
  const out: QueueFilters = { sort: filters.sort };
  for (const [key, value] of Object.entries(filters) as [keyof QueueFilters, QueueFilters[keyof QueueFilters]][]) {
    if (value !== undefined && value !== '') Object.assign(out, { [key]: value });
  }
  return out;
}

/** Filters are saved per person in this browser (localStorage, keyed by user id), not on the server. */
export const filtersStorageKey = (userId: string) => `dengar.queue.filters.${userId}`;

import {
  EventPayloadSchemas,
  type EventEnvelope,
  type EventName,
  type EventsPage,
  type LoggedEvent,
} from '@dengar/contracts';

/** Events asked for per `GET /api/events` page (the API's maximum is 1000). */
export const REPLAY_PAGE_SIZE = 500;
/** Further behind than this many pages, refetching everything is cheaper than replaying event by event. */
export const MAX_REPLAY_PAGES = 20;
/**
 * A `since` past any seq: the answer holds no events, only `latestSeq`. Read when the socket first connects, so
 * a quiet tab (one that has not received any event yet) still knows where to resume after a drop.
 */
export const LATEST_SEQ_PROBE = Number.MAX_SAFE_INTEGER;

export type FetchEventsPage = (since: number, limit: number) => Promise<EventsPage>;

/** One missed event as live handlers receive it. */
export interface MissedEvent {
  name: EventName;
  envelope: EventEnvelope;
}

export type CatchUpResult =
  /** Every missed event was handed to `deliver`; resume from `lastSeq` next time. */
  | { kind: 'replayed'; lastSeq: number; replayed: number }
  /** Replaying is not possible or not worth it: refetch everything, then resume from `lastSeq`. */
  | { kind: 'reload'; lastSeq: number; replayed: number; reason: 'window' | 'too-far' | 'invalid' }
  /** Stopped because the connection this was for is gone; `lastSeq` is as far as was delivered. */
  | { kind: 'aborted'; lastSeq: number; replayed: number };

/** A logged event as the envelope live handlers get; null when its data does not fit its event's schema. */
export function toMissedEvent(event: LoggedEvent): MissedEvent | null {
  const parsed = EventPayloadSchemas[event.name].safeParse(event.data);
  if (!parsed.success) return null;
  const envelope: EventEnvelope = { seq: event.seq, at: event.at, data: parsed.data };
  return { name: event.name, envelope };
}

/** The highest of the seqs, ignoring missing ones and `0` (ephemeral events, never logged). */
export function maxSeq(...seqs: (number | null | undefined)[]): number | null {
  let max: number | null = null;
  for (const seq of seqs) {
    if (typeof seq === 'number' && seq > 0 && (max == null || seq > max)) max = seq;
  }
  return max;
}

/**
 * Asks for everything after `since`, page by page while the server says `more`, and hands each event (in seq
 * order, each once) to `deliver`. Independent of sockets and React so it can be tested on its own.
 */
export async function catchUp(
  since: number,
  fetchPage: FetchEventsPage,
  deliver: (event: MissedEvent) => void,
  options: { isCurrent?: () => boolean; pageSize?: number; maxPages?: number } = {},
): Promise<CatchUpResult> {
  const isCurrent = options.isCurrent ?? (() => true);
  const pageSize = options.pageSize ?? REPLAY_PAGE_SIZE;
  const maxPages = options.maxPages ?? MAX_REPLAY_PAGES;
  let cursor = since;
  let replayed = 0;
  let invalid = false;

  for (let pages = 1; ; pages++) {
    if (!isCurrent()) return { kind: 'aborted', lastSeq: cursor, replayed };
    const page = await fetchPage(cursor, pageSize);
    if (!isCurrent()) return { kind: 'aborted', lastSeq: cursor, replayed };
    if (page.reload) return { kind: 'reload', lastSeq: Math.max(cursor, page.latestSeq), replayed, reason: 'window' };

    const before = cursor;
    for (const event of [...page.events].sort((a, b) => a.seq - b.seq)) {
      if (event.seq <= cursor) continue;
      cursor = event.seq;
      const missed = toMissedEvent(event);
      if (!missed) {
        // An event this client cannot read (an older build than the server): its data is on screen stale.
        invalid = true;
        continue;
      }
      deliver(missed);
      replayed++;
    }

    if (!page.more) {
      // Nothing visible to us up to `latestSeq` is left: resume from there, not from our last visible event,
      // so a quiet user does not fall out of the server's window.
      const lastSeq = Math.max(cursor, page.latestSeq);
      return invalid
        ? { kind: 'reload', lastSeq, replayed, reason: 'invalid' }
        : { kind: 'replayed', lastSeq, replayed };
    }
    // `more` without progress would ask the same page forever.
    if (cursor === before || pages >= maxPages) {
      return { kind: 'reload', lastSeq: Math.max(cursor, page.latestSeq), replayed, reason: 'too-far' };
    }
  }
}

/**
 * The seqs delivered lately, so an event that arrives both live and in a replay (the socket is back while the
 * replay pages) reaches the handlers once. Bounded: the oldest are forgotten first.
 */
export class RecentSeqs {
  private readonly seen = new Set<number>();

  constructor(private readonly capacity = 5_000) {}

  /** False when `seq` was already delivered; seq 0 (ephemeral events) is never remembered. */
  add(seq: number): boolean {
    if (seq <= 0) return true;
    if (this.seen.has(seq)) return false;
    this.seen.add(seq);
    if (this.seen.size > this.capacity) {
      const oldest = this.seen.values().next();
      if (!oldest.done) this.seen.delete(oldest.value);
    }
    return true;
  }

  clear(): void {
    this.seen.clear();
  }
}

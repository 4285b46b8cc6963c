import { ValidationException } from '../../common/app.exception.js';
import { decodeCursor, encodeCursor } from '../../common/pagination.js';

/**
 * The thread merges four kinds of items by time, newest first, with the tie-break (at, kind, id). Each kind is
 * read from its own index, so the cursor keeps one position per kind: the oldest item of that kind handed out
 * (or "from the newest", or "nothing left"). Pages never repeat or skip an item.
 */
export const THREAD_KINDS = ['mention', 'reply', 'note', 'event'] as const;
export type ThreadKind = (typeof THREAD_KINDS)[number];

/** Per kind: `top` = not read yet, `done` = nothing older left, else older than (us, id). */
export type KindPosition = { kind: 'top' } | { kind: 'done' } | { kind: 'before'; us: string; id: string };
export type ThreadPosition = Record<ThreadKind, KindPosition>;

export interface Keyed {
  kind: ThreadKind;
  /** Microseconds since the epoch, as text (exact beyond 2^53 is not needed, but text keeps it exact anyway). */
  us: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MICROS = /^-?\d{1,17}$/;

export const FROM_TOP: ThreadPosition = {
  mention: { kind: 'top' },
  reply: { kind: 'top' },
  note: { kind: 'top' },
  event: { kind: 'top' },
};

/** Newest first: (at, kind, id) descending. */
export function compareDesc(a: Keyed, b: Keyed): number {
  const ua = BigInt(a.us);
  const ub = BigInt(b.us);
  if (ua !== ub) return ua > ub ? -1 : 1;
  if (a.kind !== b.kind) return a.kind > b.kind ? -1 : 1;
  if (a.id !== b.id) return a.id > b.id ? -1 : 1;
  return 0;
}

export function encodeThreadCursor(pos: ThreadPosition): string {
  const parts: string[] = [];
  for (const k of THREAD_KINDS) {
    const p = pos[k];
    if (p.kind === 'before') parts.push(p.us, p.id);
    else parts.push(p.kind === 'top' ? '' : '-', '');
  }
  return encodeCursor(parts);
}

export function decodeThreadCursor(cursor: string | undefined): ThreadPosition {
  const raw = decodeCursor(cursor, THREAD_KINDS.length * 2);
  if (!raw) return FROM_TOP;
  const bad = () => new ValidationException([{ path: 'cursor', message: 'is not a cursor this thread gave out' }]);
  const pos = { ...FROM_TOP };
  THREAD_KINDS.forEach((k, i) => {
    const us = raw[2 * i];
    const id = raw[2 * i + 1];
    if (typeof us !== 'string' || typeof id !== 'string') throw bad();
    if (us === '' && id === '') pos[k] = { kind: 'top' };
    else if (us === '-' && id === '') pos[k] = { kind: 'done' };
    else if (MICROS.test(us) && UUID.test(id)) pos[k] = { kind: 'before', us, id };
    else throw bad();
  });
  return pos;
}

/**
 * One page back: `fetched[k]` holds up to limit + 1 items of kind k older than its position, newest first.
 * Takes the newest `limit` of them all and moves each kind's position past what was taken.
 */
export function mergePage<T extends Keyed>(
  pos: ThreadPosition,
  fetched: Record<ThreadKind, T[]>,
  limit: number,
): { items: T[]; next: ThreadPosition | null } {
  const all = THREAD_KINDS.flatMap((k) => fetched[k]).sort(compareDesc);
  const items = all.slice(0, limit);
  if (all.length <= limit) return { items, next: null };
  const next = { ...pos };
  for (const k of THREAD_KINDS) {
    const taken = items.filter((i) => i.kind === k);
    const last = taken[taken.length - 1];
    if (last) next[k] = { kind: 'before', us: last.us, id: last.id };
    if (pos[k].kind === 'done') next[k] = { kind: 'done' };
    else if (taken.length === fetched[k].length) next[k] = { kind: 'done' };
  }
  return { items, next };
}

/** µs-since-epoch text → an ISO timestamp with all six fractional digits (for SQL parameters). */
export function usToIso(us: string): string {
  const n = BigInt(us);
  const ms = n / 1000n;
  const rest = Number(n - ms * 1000n);
  const iso = new Date(Number(ms)).toISOString();
  return `${iso.slice(0, -1)}${String(rest).padStart(3, '0')}Z`;
}

export const dateToUs = (d: Date) => String(BigInt(d.getTime()) * 1000n);

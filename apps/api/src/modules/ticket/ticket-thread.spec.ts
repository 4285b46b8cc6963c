import { describe, expect, it } from 'vitest';
import {
  decodeThreadCursor,
  encodeThreadCursor,
  FROM_TOP,
  mergePage,
  THREAD_KINDS,
  usToIso,
  type Keyed,
  type ThreadKind,
  type ThreadPosition,
} from './ticket-thread.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A thread: items of every kind at scattered times, some at the same instant. */
function thread(): Keyed[] {
  const items: Keyed[] = [];
  let n = 0;
  for (let t = 0; t < 40; t++) {
    for (const kind of THREAD_KINDS) {
      if ((t * 7 + kind.length) % 3 === 0) continue;
      items.push({ kind, us: String(1_700_000_000_000_000 + Math.floor(t / 2) * 1000), id: id(++n) });
    }
  }
  return items;
}

/** Simulates the per-kind queries: items of kind k older than its position, newest first, at most n. */
function fetch(all: Keyed[], pos: ThreadPosition, n: number): Record<ThreadKind, Keyed[]> {
  const out = {} as Record<ThreadKind, Keyed[]>;
  for (const k of THREAD_KINDS) {
    const p = pos[k];
    out[k] =
      p.kind === 'done'
        ? []
        : all
            .filter((i) => i.kind === k)
            .filter((i) => p.kind === 'top' || BigInt(i.us) < BigInt(p.us) || (i.us === p.us && i.id < p.id))
            .sort((a, b) =>
              BigInt(b.us) === BigInt(a.us) ? (b.id > a.id ? 1 : -1) : BigInt(b.us) > BigInt(a.us) ? 1 : -1,
            )
            .slice(0, n);
  }
  return out;
}

describe('thread paging', () => {
  it.each([1, 3, 7, 50])('pages back through every item once, newest first (limit %i)', (limit) => {
    const all = thread();
    const seen: Keyed[] = [];
    let pos: ThreadPosition | null = FROM_TOP;
    let pages = 0;
    while (pos) {
      const cursor = encodeThreadCursor(pos);
      const decoded = decodeThreadCursor(cursor);
      expect(decoded).toEqual(pos);
      const { items, next } = mergePage(decoded, fetch(all, decoded, limit + 1), limit);
      expect(items.length).toBeLessThanOrEqual(limit);
      seen.push(...items);
      pos = next;
      expect(++pages).toBeLessThan(1000);
    }
    expect(new Set(seen.map((s) => s.id)).size).toBe(all.length);
    for (let i = 1; i < seen.length; i++) {
      const [a, b] = [seen[i - 1]!, seen[i]!];
      const ordered =
        BigInt(a.us) > BigInt(b.us) || (a.us === b.us && (a.kind > b.kind || (a.kind === b.kind && a.id > b.id)));
      expect(ordered).toBe(true);
    }
  });

  it('refuses a tampered cursor with a 400', () => {
    const bad = Buffer.from(JSON.stringify(['x', 'y', '', '', '', '', '', ''])).toString('base64url');
    expect(() => decodeThreadCursor(bad)).toThrow(/cursor/);
  });

  it('keeps microseconds when turning a cursor time into SQL text', () => {
    expect(usToIso('1700000000123456')).toBe('2023-11-14T22:13:20.123456Z');
  });
});

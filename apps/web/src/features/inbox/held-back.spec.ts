import { describe, expect, it } from 'vitest';
import { NOTHING_HELD, noteArrival, pruneHeld, visibleRows } from './held-back';

describe('new rows above the fold', () => {
  it('lets rows simply appear while the list is at the top', () => {
    expect(noteArrival(NOTHING_HELD, { id: 'a', index: 0 }, { atTop: true, firstVisibleIndex: 0 })).toBe(NOTHING_HELD);
  });

  it('holds back rows arriving above the first visible row when scrolled down', () => {
    const held = noteArrival(NOTHING_HELD, { id: 'a', index: 0 }, { atTop: false, firstVisibleIndex: 30 });
    expect([...held]).toEqual(['a']);
    const more = noteArrival(held, { id: 'b', index: 30 }, { atTop: false, firstVisibleIndex: 30 });
    expect([...more].sort()).toEqual(['a', 'b']);
  });

  it('lets rows below the first visible one appear in place', () => {
    expect(noteArrival(NOTHING_HELD, { id: 'a', index: 31 }, { atTop: false, firstVisibleIndex: 30 }).size).toBe(0);
  });

  it('counts a row once however often it changes', () => {
    const held = noteArrival(NOTHING_HELD, { id: 'a', index: 0 }, { atTop: false, firstVisibleIndex: 5 });
    expect(noteArrival(held, { id: 'a', index: 0 }, { atTop: false, firstVisibleIndex: 5 })).toBe(held);
  });

  it('forgets held rows that left the list', () => {
    const held = new Set(['a', 'b']);
    expect([...pruneHeld(held, new Set(['b', 'c']))]).toEqual(['b']);
    expect(pruneHeld(held, new Set(['a', 'b']))).toBe(held);
  });

  it('hides held rows from what is shown', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(visibleRows(rows, new Set(['b'])).map((r) => r.id)).toEqual(['a', 'c']);
    expect(visibleRows(rows, NOTHING_HELD)).toHaveLength(3);
  });
});

import { describe, expect, it } from 'vitest';
import { nearEnd, scrollToReveal, virtualWindow } from './virtual-window';

const base = { rowHeight: 80, viewportHeight: 400, overscan: 5 };

describe('virtualWindow', () => {
  it('renders the rows in view plus overscan at the top', () => {
    expect(virtualWindow({ ...base, scrollTop: 0, count: 10_000 })).toEqual({
      start: 0,
      end: 10,
      totalHeight: 800_000,
      firstVisible: 0,
    });
  });

  it('renders a small window deep in 10,000 rows', () => {
    const w = virtualWindow({ ...base, scrollTop: 400_040, count: 10_000 });
    expect(w.firstVisible).toBe(5000);
    expect(w.start).toBe(4995);
    expect(w.end).toBe(5011);
    expect(w.end - w.start).toBeLessThan(20);
  });

  it('clamps at the end and past it', () => {
    const w = virtualWindow({ ...base, scrollTop: 10_000_000, count: 100 });
    expect(w.end).toBe(100);
    expect(w.firstVisible).toBe(95);
  });

  it('handles an empty list and fewer rows than fit', () => {
    expect(virtualWindow({ ...base, scrollTop: 0, count: 0 })).toEqual({
      start: 0,
      end: 0,
      totalHeight: 0,
      firstVisible: 0,
    });
    expect(virtualWindow({ ...base, scrollTop: 0, count: 3 })).toMatchObject({ start: 0, end: 3 });
  });
});

describe('scrollToReveal', () => {
  it('scrolls up or down just enough, or not at all', () => {
    expect(scrollToReveal(2, 400, 400, 80)).toBe(160);
    expect(scrollToReveal(10, 400, 400, 80)).toBe(480);
    expect(scrollToReveal(6, 400, 400, 80)).toBeNull();
  });
});

describe('nearEnd', () => {
  it('asks for more when the window is within the threshold of the loaded rows', () => {
    expect(nearEnd({ end: 45 }, 50, 10)).toBe(true);
    expect(nearEnd({ end: 20 }, 50, 10)).toBe(false);
  });
});

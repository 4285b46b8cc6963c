import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { agoParts, createThrottle, loadOf } from './workload-format';

describe('loadOf', () => {
  it('is the share of capacity in use, capped, and says when someone is over', () => {
    expect(loadOf(3, 10)).toEqual({ percent: 30, over: false });
    expect(loadOf(10, 10)).toEqual({ percent: 100, over: false });
    expect(loadOf(12, 10)).toEqual({ percent: 100, over: true });
  });
  it('treats a capacity of 0 as full as soon as there is a ticket', () => {
    expect(loadOf(0, 0)).toEqual({ percent: 0, over: false });
    expect(loadOf(1, 0)).toEqual({ percent: 100, over: true });
  });
});

describe('agoParts', () => {
  const now = Date.parse('2026-11-27T12:00:00Z');
  it('uses the largest whole unit', () => {
    expect(agoParts('2026-11-27T11:59:30Z', now)).toEqual({ value: -30, unit: 'second' });
    expect(agoParts('2026-11-27T11:15:00Z', now)).toEqual({ value: -45, unit: 'minute' });
    expect(agoParts('2026-11-27T09:00:00Z', now)).toEqual({ value: -3, unit: 'hour' });
    expect(agoParts('2026-11-25T11:00:00Z', now)).toEqual({ value: -2, unit: 'day' });
  });
  it('never says "in" for a clock slightly ahead', () => {
    expect(agoParts('2026-11-27T12:00:05Z', now)).toEqual({ value: -0, unit: 'second' });
  });
});

describe('createThrottle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs at once, folds a burst into one trailing run, then is idle', () => {
    const fn = vi.fn();
    const throttle = createThrottle(fn, 1000);
    throttle.call();
    expect(fn).toHaveBeenCalledTimes(1);
    throttle.call();
    throttle.call();
    throttle.call();
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(5000);
    expect(fn).toHaveBeenCalledTimes(2);
    throttle.call();
    expect(fn).toHaveBeenCalledTimes(3);
  });

  it('drops what is pending when cancelled', () => {
    const fn = vi.fn();
    const throttle = createThrottle(fn, 1000);
    throttle.call();
    throttle.call();
    throttle.cancel();
    vi.advanceTimersByTime(2000);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});

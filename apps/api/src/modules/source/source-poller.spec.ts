import { describe, expect, it } from 'vitest';
import { backoffSeconds, nextInterval } from './source-poller.js';

describe('poll timing', () => {
  it('backs off exponentially with jitter, capped at an hour', () => {
    expect(backoffSeconds(60, 1, () => 0)).toBe(60);
    expect(backoffSeconds(60, 1, () => 1)).toBe(120);
    expect(backoffSeconds(60, 3, () => 1)).toBe(480);
    expect(backoffSeconds(60, 30, () => 1)).toBe(3600);
    expect(backoffSeconds(10, 1, () => 0)).toBeGreaterThanOrEqual(5);
  });

  it('honours a feed ttl kept in the cursor, never polling more often than configured', () => {
    expect(nextInterval(300, null)).toBe(300);
    expect(nextInterval(300, { minIntervalSec: 3600 })).toBe(3600);
    expect(nextInterval(300, { minIntervalSec: 60 })).toBe(300);
    expect(nextInterval(300, { minIntervalSec: 10 ** 9 })).toBe(86_400);
    expect(nextInterval(300, { minIntervalSec: 'x' })).toBe(300);
  });
});

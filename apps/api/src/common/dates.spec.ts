import { describe, expect, it } from 'vitest';
import { endOf, isDay, startOf } from './dates.js';

describe('day and date-time bounds', () => {
  it('reads a day as the whole day, UTC', () => {
    expect(isDay('2026-03-01')).toBe(true);
    expect(startOf('2026-03-01').toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(endOf('2026-03-01').toISOString()).toBe('2026-03-02T00:00:00.000Z');
  });

  it('keeps a date-time as it is', () => {
    expect(startOf('2026-03-01T10:00:00+07:00').toISOString()).toBe('2026-03-01T03:00:00.000Z');
    expect(endOf('2026-03-01T10:00:00Z').toISOString()).toBe('2026-03-01T10:00:00.000Z');
  });
});

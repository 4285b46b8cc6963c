import type { BusinessHours } from '@dengar/contracts';
import { describe, expect, it } from 'vitest';
import { businessMinutesBetween, slaDueAt } from './sla-clock.js';

const BERLIN = 'Europe/Berlin';
const JAKARTA = 'Asia/Jakarta';
const WEEKDAYS: BusinessHours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
const at = (iso: string) => new Date(iso);
const due = (start: string, minutes: number, hours: BusinessHours | null, tz: string) =>
  slaDueAt(at(start), minutes, hours, tz).toISOString();

describe('slaDueAt without business hours', () => {
  it('is wall time, straight through nights, weekends and DST changes', () => {
    expect(due('2026-03-24T10:00:00.000Z', 240, null, BERLIN)).toBe('2026-03-24T14:00:00.000Z');
    // 2026-03-29 01:00Z: Berlin jumps from 02:00 CET to 03:00 CEST; elapsed time is unaffected.
    expect(due('2026-03-29T00:30:00.000Z', 60, null, BERLIN)).toBe('2026-03-29T01:30:00.000Z');
    expect(due('2026-03-28T12:00:00.000Z', 1440, null, BERLIN)).toBe('2026-03-29T12:00:00.000Z');
    expect(due('2026-03-24T10:00:12.345Z', 15, null, JAKARTA)).toBe('2026-03-24T10:15:12.345Z');
  });
});

describe('slaDueAt in business hours (Europe/Berlin, Mon–Fri 09:00–17:00)', () => {
  it('runs inside the hours', () => {
    // Tue 10:00 CET.
    expect(due('2026-03-24T09:00:00.000Z', 60, WEEKDAYS, BERLIN)).toBe('2026-03-24T10:00:00.000Z');
  });

  it('starts at opening when created before it, the next working day when created after closing', () => {
    // Tue 06:00 CET → opens 09:00 CET (08:00Z).
    expect(due('2026-03-24T05:00:00.000Z', 60, WEEKDAYS, BERLIN)).toBe('2026-03-24T09:00:00.000Z');
    // Tue 18:00 CET → Wed 09:00 + 1 h.
    expect(due('2026-03-24T17:00:00.000Z', 60, WEEKDAYS, BERLIN)).toBe('2026-03-25T09:00:00.000Z');
  });

  it('carries what is left over closing into the next day, and may end exactly at closing', () => {
    // Tue 16:30 CET + 60 → Wed 09:30 CET.
    expect(due('2026-03-24T15:30:00.000Z', 60, WEEKDAYS, BERLIN)).toBe('2026-03-25T08:30:00.000Z');
    expect(due('2026-03-24T15:30:00.000Z', 30, WEEKDAYS, BERLIN)).toBe('2026-03-24T16:00:00.000Z');
    // Mon 09:00 + 3 working days of 8 h → Wed 17:00.
    expect(due('2026-01-05T08:00:00.000Z', 1440, WEEKDAYS, BERLIN)).toBe('2026-01-07T16:00:00.000Z');
  });

  it('skips the weekend, and Monday opens at 09:00 local time after the DST change', () => {
    // Fri 16:00 CET: 60 min on Friday, 60 on Monday 2026-03-30 from 09:00 CEST (07:00Z).
    expect(due('2026-03-27T15:00:00.000Z', 120, WEEKDAYS, BERLIN)).toBe('2026-03-30T08:00:00.000Z');
    // Created on Saturday.
    expect(due('2026-03-28T11:00:00.000Z', 60, WEEKDAYS, BERLIN)).toBe('2026-03-30T08:00:00.000Z');
    // And back in autumn: Fri 2026-10-23 16:00 CEST → Mon 2026-10-26 10:00 CET (09:00Z).
    expect(due('2026-10-23T14:00:00.000Z', 120, WEEKDAYS, BERLIN)).toBe('2026-10-26T09:00:00.000Z');
  });

  it('counts the real length of a window that spans the DST jump', () => {
    const night: BusinessHours = { days: [1, 2, 3, 4, 5, 6, 7], start: '01:00', end: '05:00' };
    // 2026-03-29: 01:00 CET (00:00Z) to 05:00 CEST (03:00Z) is 3 real hours.
    expect(due('2026-03-29T00:00:00.000Z', 180, night, BERLIN)).toBe('2026-03-29T03:00:00.000Z');
    // The next window opens 2026-03-30 01:00 CEST (23:00Z the day before).
    expect(due('2026-03-29T00:00:00.000Z', 181, night, BERLIN)).toBe('2026-03-29T23:01:00.000Z');
    expect(businessMinutesBetween(at('2026-03-29T00:00:00Z'), at('2026-03-29T12:00:00Z'), night, BERLIN)).toBe(180);
    // 2026-10-25: 01:00 CEST (23:00Z the day before) to 05:00 CET (04:00Z) is 5 real hours.
    expect(businessMinutesBetween(at('2026-10-24T22:00:00Z'), at('2026-10-25T12:00:00Z'), night, BERLIN)).toBe(300);
    expect(due('2026-10-24T23:00:00.000Z', 300, night, BERLIN)).toBe('2026-10-25T04:00:00.000Z');
  });

  it('handles a zone west of UTC across its DST jump (America/New_York)', () => {
    const night: BusinessHours = { days: [1, 2, 3, 4, 5, 6, 7], start: '01:00', end: '05:00' };
    // 2026-03-08: 01:00 EST (06:00Z) to 05:00 EDT (09:00Z).
    expect(
      businessMinutesBetween(at('2026-03-08T00:00:00Z'), at('2026-03-08T20:00:00Z'), night, 'America/New_York'),
    ).toBe(180);
  });
});

describe('slaDueAt in business hours (Asia/Jakarta, no DST)', () => {
  const WIB: BusinessHours = { days: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' };

  it('uses the local day, not the UTC day', () => {
    // Mon 2026-01-05 06:00 WIB (Sunday 23:00Z) → opens 08:00 WIB; + 4 h → 12:00 WIB.
    expect(due('2026-01-04T23:00:00.000Z', 240, WIB, JAKARTA)).toBe('2026-01-05T05:00:00.000Z');
    // Sunday 20:00Z is already Monday 03:00 WIB.
    expect(due('2026-01-04T20:00:00.000Z', 30, WIB, JAKARTA)).toBe('2026-01-05T01:30:00.000Z');
  });

  it('skips the weekend, unaffected by Europe changing its clocks', () => {
    // Fri 2026-01-09 16:30 WIB + 60 → Mon 08:30 WIB.
    expect(due('2026-01-09T09:30:00.000Z', 60, WIB, JAKARTA)).toBe('2026-01-12T01:30:00.000Z');
    // The weekend of Berlin's DST change: Fri 16:00 WIB + 120 → Mon 09:00 WIB.
    expect(due('2026-03-27T09:00:00.000Z', 120, WIB, JAKARTA)).toBe('2026-03-30T02:00:00.000Z');
  });

  it('a single working day a week', () => {
    const saturdays: BusinessHours = { days: [6], start: '10:00', end: '12:00' };
    // Mon 2026-01-05 → Sat 2026-01-10 10:00 WIB + 90 min; 180 min spills into the next Saturday.
    expect(due('2026-01-05T01:00:00.000Z', 90, saturdays, JAKARTA)).toBe('2026-01-10T04:30:00.000Z');
    expect(due('2026-01-05T01:00:00.000Z', 180, saturdays, JAKARTA)).toBe('2026-01-17T04:00:00.000Z');
  });
});

describe('businessMinutesBetween', () => {
  it('is zero for an empty or reversed span, wall minutes without hours', () => {
    expect(businessMinutesBetween(at('2026-01-05T10:00:00Z'), at('2026-01-05T10:00:00Z'), WEEKDAYS, BERLIN)).toBe(0);
    expect(businessMinutesBetween(at('2026-01-05T11:00:00Z'), at('2026-01-05T10:00:00Z'), null, BERLIN)).toBe(0);
    expect(businessMinutesBetween(at('2026-01-05T10:00:00Z'), at('2026-01-05T10:01:30Z'), null, BERLIN)).toBe(1.5);
  });

  it('counts only working time: nothing over a weekend, one day = 8 h', () => {
    // Fri 17:00 CET → Mon 09:00 CET.
    expect(businessMinutesBetween(at('2026-01-09T16:00:00Z'), at('2026-01-12T08:00:00Z'), WEEKDAYS, BERLIN)).toBe(0);
    expect(businessMinutesBetween(at('2026-01-05T00:00:00Z'), at('2026-01-06T00:00:00Z'), WEEKDAYS, BERLIN)).toBe(480);
    expect(businessMinutesBetween(at('2026-01-05T00:00:00Z'), at('2026-01-12T00:00:00Z'), WEEKDAYS, BERLIN)).toBe(2400);
  });

  it('is the inverse of slaDueAt, for starts inside and outside hours around a DST change', () => {
    const zones = [BERLIN, JAKARTA];
    const targets = [1, 15, 59, 60, 240, 1440];
    for (const tz of zones) {
      for (let t = Date.parse('2026-03-25T00:00:00Z'); t < Date.parse('2026-04-02T00:00:00Z'); t += 97 * 60_000) {
        for (const minutes of targets) {
          const start = new Date(t);
          const end = slaDueAt(start, minutes, WEEKDAYS, tz);
          expect(businessMinutesBetween(start, end, WEEKDAYS, tz)).toBe(minutes);
          expect(end.getTime()).toBeGreaterThanOrEqual(start.getTime() + minutes * 60_000);
        }
      }
    }
  });
});

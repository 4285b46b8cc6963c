import { describe, expect, it } from 'vitest';
import { durationParts, relativeParts, slaCountdown } from './sla';

const created = '2026-11-27T10:00:00.000Z';
const t0 = Date.parse(created);
const base = { createdAt: created, firstRespondedAt: null, slaBreachedAt: null };

describe('slaCountdown', () => {
  it('is calm with more than a quarter and 15 minutes left', () => {
    const ticket = { ...base, firstResponseDueAt: '2026-11-27T14:00:00.000Z' };
    expect(slaCountdown(ticket, t0 + 60 * 60_000)).toEqual({ tone: 'ok', remainingMs: 3 * 3600_000 });
  });

  it('turns amber under a quarter of the target', () => {
    const ticket = { ...base, firstResponseDueAt: '2026-11-27T14:00:00.000Z' };
    expect(slaCountdown(ticket, t0 + 3.5 * 3600_000).tone).toBe('warning');
  });

  it('turns amber under 15 minutes even for a long target', () => {
    const ticket = { ...base, firstResponseDueAt: '2026-11-28T10:00:00.000Z' };
    expect(slaCountdown(ticket, Date.parse('2026-11-28T09:50:00.000Z')).tone).toBe('warning');
  });

  it('turns red when breached', () => {
    const ticket = { ...base, firstResponseDueAt: '2026-11-27T10:15:00.000Z' };
    expect(slaCountdown(ticket, t0 + 20 * 60_000)).toEqual({ tone: 'breached', remainingMs: -5 * 60_000 });
  });

  it('stops once answered, and without a target', () => {
    expect(slaCountdown({ ...base, firstResponseDueAt: null }, t0).tone).toBe('none');
    const answered = { ...base, firstResponseDueAt: '2026-11-27T10:15:00.000Z', firstRespondedAt: created };
    expect(slaCountdown(answered, t0 + 3600_000)).toEqual({ tone: 'met', remainingMs: null });
  });
});

describe('durationParts and relativeParts', () => {
  it('picks a compact form', () => {
    expect(durationParts(65_000)).toEqual({ form: 'ms', values: { m: '1', s: '05' } });
    expect(durationParts(3_900_000)).toEqual({ form: 'hm', values: { h: '1', m: '05' } });
    expect(durationParts(-(2 * 86_400_000 + 3 * 3600_000))).toEqual({ form: 'dh', values: { d: '2', h: '3' } });
  });

  it('picks a relative unit', () => {
    const now = Date.parse('2026-11-27T12:00:00.000Z');
    expect(relativeParts('2026-11-27T11:55:00.000Z', now)).toEqual({ value: -5, unit: 'minute' });
    expect(relativeParts('2026-11-27T09:00:00.000Z', now)).toEqual({ value: -3, unit: 'hour' });
    expect(relativeParts('2026-11-25T12:00:00.000Z', now)).toEqual({ value: -2, unit: 'day' });
  });
});

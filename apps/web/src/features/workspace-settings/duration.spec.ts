import { SlaTargetsSchema } from '@dengar/contracts';
import { describe, expect, it } from 'vitest';
import { durationDraftOf, minutesOf } from './duration';

describe('duration inputs', () => {
  it('shows whole hours as hours and the rest as minutes', () => {
    expect(durationDraftOf(15)).toEqual({ value: '15', unit: 'minutes' });
    expect(durationDraftOf(60)).toEqual({ value: '1', unit: 'hours' });
    expect(durationDraftOf(1440)).toEqual({ value: '24', unit: 'hours' });
    expect(durationDraftOf(90)).toEqual({ value: '90', unit: 'minutes' });
  });

  it('turns what was typed into minutes', () => {
    expect(minutesOf({ value: '45', unit: 'minutes' })).toBe(45);
    expect(minutesOf({ value: ' 2 ', unit: 'hours' })).toBe(120);
    expect(minutesOf({ value: '1,5', unit: 'hours' })).toBe(90);
  });

  it('hands back text that is no whole number of minutes so the schema names the field', () => {
    expect(minutesOf({ value: 'soon', unit: 'minutes' })).toBe('soon');
    expect(minutesOf({ value: '1.5', unit: 'minutes' })).toBe('1.5');
    expect(minutesOf({ value: '', unit: 'hours' })).toBe('');
    const parsed = SlaTargetsSchema.safeParse({
      urgent: minutesOf({ value: 'x', unit: 'minutes' }),
      high: 1,
      normal: 1,
      low: 1,
    });
    expect(parsed.error?.issues[0]?.path).toEqual(['urgent']);
  });

  it('round-trips every default target', () => {
    for (const minutes of [15, 60, 240, 1440, 7]) expect(minutesOf(durationDraftOf(minutes))).toBe(minutes);
  });
});

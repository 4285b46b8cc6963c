import { afterEach, describe, expect, it } from 'vitest';
import { formatDateTime, setDisplayTimeZone } from './date-time';

describe('dates in the workspace time zone', () => {
  afterEach(() => setDisplayTimeZone(undefined));

  it('shows an instant on the workspace clock, in the reader’s language', () => {
    setDisplayTimeZone('Asia/Jakarta');
    expect(formatDateTime('2026-03-29T23:30:00Z', 'en')).toMatch(/Mar 30, 2026.*6:30\sAM/);
    setDisplayTimeZone('Europe/Berlin');
    expect(formatDateTime('2026-03-29T23:30:00Z', 'en')).toMatch(/Mar 30, 2026.*1:30\sAM/);
    expect(formatDateTime('2026-03-29T23:30:00Z', 'id')).toMatch(/30 Mar 2026.*01[.:]30/);
  });

  it('leaves a value it cannot read as it is', () => {
    expect(formatDateTime('not a date', 'en')).toBe('not a date');
  });
});

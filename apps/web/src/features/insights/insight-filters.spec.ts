import { describe, expect, it } from 'vitest';
import {
  addDays,
  insightFiltersToParams,
  mentionsDrillDown,
  parseInsightFilters,
  presetOf,
  presetRange,
  todayIn,
} from './insight-filters';

const BRAND = '3f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b';

describe('insight filters', () => {
  it('knows today in the workspace time zone, not the browser’s', () => {
    const instant = new Date('2026-03-29T23:30:00Z');
    expect(todayIn('Asia/Jakarta', instant)).toBe('2026-03-30');
    expect(todayIn('America/New_York', instant)).toBe('2026-03-29');
  });

  it('moves days by the calendar, across month ends and DST', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(presetRange(7, '2026-11-27')).toEqual({ from: '2026-11-21', to: '2026-11-27' });
    expect(presetOf({ from: '2026-08-30', to: '2026-11-27' }, '2026-11-27')).toBe(90);
    expect(presetOf({ from: '2026-08-31', to: '2026-11-27' }, '2026-11-27')).toBeNull();
  });

  it('reads the URL and falls back to the last 30 days of all brands', () => {
    expect(parseInsightFilters(new URLSearchParams('brandId=nope&from=2026-13-01&to=x'), '2026-11-27')).toEqual({
      brandId: 'all',
      from: '2026-10-29',
      to: '2026-11-27',
    });
    const filters = parseInsightFilters(
      new URLSearchParams(`brandId=${BRAND}&from=2026-11-01&to=2026-11-07&sourceKind=mastodon`),
      '2026-11-27',
    );
    expect(filters).toEqual({ brandId: BRAND, from: '2026-11-01', to: '2026-11-07', sourceKind: 'mastodon' });
    expect(parseInsightFilters(insightFiltersToParams(filters), '2026-11-27')).toEqual(filters);
    expect(parseInsightFilters(new URLSearchParams('from=2026-11-07&to=2026-11-01'), '2026-11-27').from).toBe(
      '2026-10-29',
    );
  });

  it('drills down to the mentions behind a bucket, keeping a single brand', () => {
    const range = { start: '2026-11-01T23:00:00.000Z', end: '2026-11-02T23:00:00.000Z' };
    expect(
      mentionsDrillDown({ brandId: BRAND, from: '2026-11-01', to: '2026-11-07' }, range, {
        type: 'question',
      }).toString(),
    ).toBe(`brandId=${BRAND}&from=2026-11-01T23%3A00%3A00.000Z&to=2026-11-02T23%3A00%3A00.000Z&type=question`);
    expect(mentionsDrillDown({ brandId: 'own', from: '2026-11-01', to: '2026-11-07' }, range).has('brandId')).toBe(
      false,
    );
  });
});

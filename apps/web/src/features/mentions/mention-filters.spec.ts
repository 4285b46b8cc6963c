import { describe, expect, it } from 'vitest';
import { hasFilters, mentionFiltersToParams, parseMentionFilters } from './mention-filters';

const SOURCE = '3f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b';

describe('mention filters in the URL', () => {
  it('reads what the API accepts', () => {
    const params = new URLSearchParams(
      `sourceId=${SOURCE}&type=complaint&sentiment=negative&language=id&q=%20lemot%20&from=2026-01-01&to=2026-01-31`,
    );
    expect(parseMentionFilters(params)).toEqual({
      sourceId: SOURCE,
      type: 'complaint',
      sentiment: 'negative',
      language: 'id',
      q: 'lemot',
      from: '2026-01-01',
      to: '2026-01-31',
    });
  });

  it('drops values the API would refuse instead of failing the page', () => {
    const params = new URLSearchParams('sourceId=42&type=spam&sentiment=angry&language=eng&from=yesterday&q=');
    const filters = parseMentionFilters(params);
    expect(filters).toEqual({});
    expect(hasFilters(filters)).toBe(false);
  });

  it('writes only the filters that are set, and reads them back the same', () => {
    const filters = { brandId: SOURCE, q: 'acme shoes' };
    const params = mentionFiltersToParams({ ...filters, type: undefined });
    expect(params.toString()).toBe(`brandId=${SOURCE}&q=acme+shoes`);
    expect(parseMentionFilters(params)).toEqual(filters);
  });

  it('reads the insights drill-downs: an author, instants, and a weekday and hour', () => {
    const params = new URLSearchParams({
      authorId: SOURCE,
      from: '2026-03-30T07:00:00.000Z',
      to: '2026-03-30T08:00:00+02:00',
      weekday: '1',
      hour: '23',
    });
    expect(parseMentionFilters(params)).toEqual({
      authorId: SOURCE,
      from: '2026-03-30T07:00:00.000Z',
      to: '2026-03-30T08:00:00+02:00',
      weekday: '1',
      hour: '23',
    });
    expect(parseMentionFilters(new URLSearchParams('weekday=0&hour=24&from=2026-03-30T07'))).toEqual({});
  });
});

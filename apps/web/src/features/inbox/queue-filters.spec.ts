import { describe, expect, it } from 'vitest';
import { bulkFilter, hasActiveFilters, listQuery, parseFilters, serverFilters } from './queue-filters';

const TAG = '20000000-0000-4000-8000-000000000001';

describe('saved filters', () => {
  it('keeps valid values and drops anything else', () => {
    expect(
      parseFilters({
        status: 'pending',
        priority: 'bogus',
        tag: TAG,
        sourceId: 'not-a-uuid',
        q: '  late  ',
        sort: 'x',
      }),
    ).toEqual({ status: 'pending', tag: TAG, q: 'late', sort: 'lastActivityAt' });
    expect(parseFilters(null)).toEqual({ sort: 'lastActivityAt' });
    expect(parseFilters('junk')).toEqual({ sort: 'lastActivityAt' });
  });

  it('knows when the list is narrowed (the sort alone does not narrow it)', () => {
    expect(hasActiveFilters({ sort: 'priority' })).toBe(false);
    expect(hasActiveFilters({ sort: 'priority', type: 'question' })).toBe(true);
  });
});

describe('what goes to the API', () => {
  it('leaves the browser-side type filter out of the list query and bulk filter', () => {
    const params = { view: 'team' as const, ...serverFilters({ sort: 'slaDue', type: 'praise', priority: 'high' }) };
    expect(params).not.toHaveProperty('type');
    expect(listQuery(params)).toMatchObject({ view: 'team', priority: 'high', sort: 'slaDue' });
    expect(bulkFilter(params)).toEqual({ view: 'team', priority: ['high'] });
  });

  it('sends statuses and priorities as lists in a bulk filter', () => {
    expect(bulkFilter({ view: 'unassigned', sort: 'lastActivityAt', status: 'pending', tag: TAG, q: '#12' })).toEqual({
      view: 'unassigned',
      status: ['pending'],
      tag: TAG,
      q: '#12',
    });
  });
});

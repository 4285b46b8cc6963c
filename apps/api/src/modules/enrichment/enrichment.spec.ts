import { describe, expect, it } from 'vitest';
import { Enricher, type EnrichInput } from './enrichment.js';

const enricher = new Enricher({
  brands: [
    {
      id: 'own',
      kind: 'own',
      name: 'SkyWays',
      keywords: ['skyways'],
      handles: ['skyways'],
      hashtags: [],
      excludedKeywords: ['skyways band'],
    },
    {
      id: 'rival',
      kind: 'competitor',
      name: 'AirRival',
      keywords: ['air rival'],
      handles: ['airrival'],
      hashtags: [],
      excludedKeywords: [],
    },
  ],
  campaigns: [
    {
      id: 'summer',
      brandId: 'own',
      hashtags: ['flysummer'],
      keywords: [],
      startsAt: new Date('2025-06-01T00:00:00Z'),
      endsAt: new Date('2025-08-31T23:59:59Z'),
    },
  ],
});

const input = (over: Partial<EnrichInput>): EnrichInput => ({
  text: '',
  postedAt: new Date('2025-07-01T10:00:00Z'),
  author: { handle: 'someone', followers: 250, verified: false, mentionCount: 0 },
  ...over,
});

describe('Enricher', () => {
  it('enriches an English complaint end to end', () => {
    const result = enricher.enrich(
      input({ text: '@SkyWays flight SW212 delayed 4 hours and still no update from anyone. #FlySummer' }),
    );
    expect(result).toMatchObject({
      language: 'en',
      sentiment: { label: 'negative' },
      type: 'complaint',
      isSpam: false,
      spamReason: null,
      brandIds: ['own'],
      campaignIds: ['summer'],
    });
    expect(result.sentiment.score).toBeLessThan(0);
  });

  it('enriches Indonesian praise about a competitor', () => {
    const result = enricher.enrich(input({ text: 'Pramugari @AirRival ramah banget, makasih ya 😍' }));
    expect(result).toMatchObject({
      language: 'id',
      sentiment: { label: 'positive' },
      type: 'praise',
      brandIds: ['rival'],
      campaignIds: [],
    });
  });

  it('lets the declared language win and reports spam with its reason', () => {
    const result = enricher.enrich(
      input({
        text: 'cheap ugg boots outlet 80% off http://ugg.example.xyz http://ugg.example.xyz',
        declaredLanguage: 'en-GB',
      }),
    );
    expect(result.language).toBe('en');
    expect(result.isSpam).toBe(true);
    // Spam is a flag; its type is "other" rather than a promotion.
    expect(result.type).toBe('other');
    expect(result.spamReason).toEqual(expect.any(String));
  });

  it('returns only real brand matches (the caller decides about unmatched posts)', () => {
    expect(enricher.enrich(input({ text: 'what a lovely morning' })).brandIds).toEqual([]);
    expect(enricher.enrich(input({ text: 'saw the skyways band live, skyways was not involved' })).brandIds).toEqual(
      [],
    );
  });

  it('computes influence from the author and the post metrics', () => {
    const quiet = enricher.enrich(input({ text: 'hello @skyways' }));
    const loud = enricher.enrich(
      input({
        text: 'hello @skyways',
        author: { handle: 'star', followers: 2_000_000, verified: true, mentionCount: 12 },
        metrics: { likes: 900, reposts: 120, replies: 40 },
      }),
    );
    expect(loud.influence).toBeGreaterThan(quiet.influence);
    expect(loud.influence).toBeLessThanOrEqual(100);
    expect(Number.isInteger(quiet.influence)).toBe(true);
  });

  it('uses the workspace languages it is given', () => {
    const es = new Enricher({ brands: [], campaigns: [], languages: ['es', 'en'] });
    expect(
      es.enrich(input({ text: 'Mi maleta no ha llegado y nadie me responde desde hace tres días' })).language,
    ).toBe('es');
  });

  it('handles empty and emoji-only posts', () => {
    expect(enricher.enrich(input({ text: '' }))).toMatchObject({
      language: null,
      sentiment: { label: 'neutral', score: 0 },
      type: 'other',
      isSpam: false,
    });
    expect(enricher.enrich(input({ text: '😡😡😡' }))).toMatchObject({
      language: null,
      sentiment: { label: 'negative' },
    });
  });
});

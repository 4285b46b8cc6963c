import { describe, expect, it } from 'vitest';
import { BrandMatcher, compileKeywords } from './brand-matcher.js';
import type { BrandRule, CampaignRule } from './enrichment.js';
import { normaliseText } from './text-normalise.js';

const brand = (over: Partial<BrandRule> & { id: string }): BrandRule => ({
  kind: 'own',
  name: over.id,
  keywords: [],
  handles: [],
  hashtags: [],
  excludedKeywords: [],
  ...over,
});

const brands: BrandRule[] = [
  brand({ id: 'kopi', keywords: ['Kopi Senja'], handles: ['kopisenja'], hashtags: ['#NgopiSenja'] }),
  brand({ id: 'brew', kind: 'competitor', keywords: ['brew & co', 'BrewCo'], handles: ['@brewco'] }),
  brand({ id: 'apple', keywords: ['apple'], excludedKeywords: ['apple pie', 'big apple'] }),
  brand({ id: 'sky', handles: ['skyways@mastodon.social', 'skyways.bsky.social'] }),
];

const match = (matcher: BrandMatcher, text: string) => matcher.brandsOf(normaliseText(text), text);

describe('BrandMatcher brands', () => {
  const matcher = new BrandMatcher(brands, []);

  it('matches keywords case-insensitively on word boundaries only', () => {
    expect(match(matcher, 'Ngopi di KOPI SENJA tadi pagi')).toEqual(['kopi']);
    expect(match(matcher, 'kopi senjakala bukan kopi senja-nya')).toEqual(['kopi']);
    expect(match(matcher, 'kopi senjakala')).toEqual([]);
    expect(match(matcher, 'pineapple juice')).toEqual([]);
  });

  it('matches multi-word phrases across runs of white space and with symbols', () => {
    expect(match(matcher, 'Tried Brew  &  Co yesterday')).toEqual(['brew']);
    expect(match(matcher, 'brewco is better')).toEqual(['brew']);
  });

  it('matches @handles and #hashtags as tokens, whatever their case', () => {
    expect(match(matcher, 'thanks @KopiSenja!')).toEqual(['kopi']);
    expect(match(matcher, 'sore-sore #ngopisenja')).toEqual(['kopi']);
    expect(match(matcher, 'kopisenja is a word here, not a handle')).toEqual([]);
    expect(match(matcher, 'email me at someone@kopisenja.example')).toEqual([]);
  });

  it('matches Mastodon and Bluesky handles with their host', () => {
    expect(match(matcher, 'hey @SkyWays@mastodon.social')).toEqual(['sky']);
    expect(match(matcher, 'hey @skyways.bsky.social')).toEqual(['sky']);
  });

  it('lets an excluded keyword veto its brand', () => {
    expect(match(matcher, 'my apple watch broke')).toEqual(['apple']);
    expect(match(matcher, 'best apple pie in town')).toEqual([]);
    expect(match(matcher, 'greetings from the Big Apple, apple store was closed')).toEqual([]);
  });

  it('returns every brand a post names, and nothing when none', () => {
    expect(match(matcher, '@kopisenja vs @BrewCo, who wins?')).toEqual(['kopi', 'brew']);
    expect(match(matcher, 'nothing to see here')).toEqual([]);
  });

  it('escapes keywords that contain regex characters', () => {
    const re = compileKeywords(['c++ (beta)', 'a.b']);
    expect(re?.test('learning c++ (beta) now')).toBe(true);
    expect(re?.test('axb')).toBe(false);
    expect(compileKeywords(['  '])).toBeNull();
  });
});

describe('BrandMatcher campaigns', () => {
  const campaigns: CampaignRule[] = [
    {
      id: 'ramadan',
      brandId: 'kopi',
      hashtags: ['#BukberSenja'],
      keywords: ['promo ramadan'],
      startsAt: new Date('2025-03-01T00:00:00Z'),
      endsAt: new Date('2025-03-31T23:59:59Z'),
    },
    {
      id: 'always',
      brandId: null,
      hashtags: ['senjaforever'],
      keywords: [],
      startsAt: new Date('2025-01-01T00:00:00Z'),
      endsAt: null,
    },
  ];
  const matcher = new BrandMatcher([], campaigns);
  const at = (text: string, iso: string) => matcher.campaignsOf(normaliseText(text), text, new Date(iso));

  it('matches by hashtag or keyword inside the date window, bounds included', () => {
    expect(at('bukber yuk #BukberSenja', '2025-03-10T12:00:00Z')).toEqual(['ramadan']);
    expect(at('ada PROMO Ramadan gak?', '2025-03-01T00:00:00Z')).toEqual(['ramadan']);
    expect(at('ada promo ramadan gak?', '2025-03-31T23:59:59Z')).toEqual(['ramadan']);
  });

  it('ignores posts before the start or after the end', () => {
    expect(at('#BukberSenja', '2025-02-28T23:59:59Z')).toEqual([]);
    expect(at('#BukberSenja', '2025-04-01T00:00:00Z')).toEqual([]);
  });

  it('keeps an open-ended campaign running and needs a hashtag or keyword', () => {
    expect(at('#SenjaForever', '2030-01-01T00:00:00Z')).toEqual(['always']);
    expect(at('senja forever', '2030-01-01T00:00:00Z')).toEqual([]);
  });
});

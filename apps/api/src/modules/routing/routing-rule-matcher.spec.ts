import type { RoutingActions, RoutingConditions } from '@dengar/contracts';
import { describe, expect, it } from 'vitest';
import {
  type BrandKinds,
  compileConditions,
  compileRules,
  compileTerm,
  firstMatch,
  isOwnBrandMention,
  type RoutableMention,
  type RuleLike,
} from './routing-rule-matcher.js';

const OWN = '00000000-0000-4000-8000-000000000001';
const OWN2 = '00000000-0000-4000-8000-000000000002';
const COMP = '00000000-0000-4000-8000-000000000003';
const SRC = '00000000-0000-4000-8000-0000000000a1';
const SRC2 = '00000000-0000-4000-8000-0000000000a2';
const brands: BrandKinds = { own: new Set([OWN, OWN2]), competitor: new Set([COMP]) };

const mention = (over: Partial<RoutableMention> = {}): RoutableMention => ({
  sourceKind: 'mastodon',
  sourceId: SRC,
  brandIds: [],
  language: 'en',
  sentiment: 'negative',
  type: 'complaint',
  text: 'I want a refund for my broken order',
  authorInfluence: 40,
  authorVerified: false,
  ...over,
});

const matches = (c: RoutingConditions, m: Partial<RoutableMention> = {}) => compileConditions(c)(mention(m), brands);

describe('routing conditions', () => {
  it('an empty conditions object matches everything', () => {
    expect(matches({})).toBe(true);
    expect(matches({}, { text: '', language: null, brandIds: [COMP] })).toBe(true);
  });

  it('source kind and source id: any of the listed values', () => {
    expect(matches({ sourceKinds: ['mastodon', 'x'] })).toBe(true);
    expect(matches({ sourceKinds: ['reddit'] })).toBe(false);
    expect(matches({ sourceIds: [SRC2, SRC] })).toBe(true);
    expect(matches({ sourceIds: [SRC2] })).toBe(false);
  });

  it('brand kind own: an own brand, or no brand at all; competitor: names a competitor', () => {
    expect(matches({ brandKind: 'own' }, { brandIds: [] })).toBe(true);
    expect(matches({ brandKind: 'own' }, { brandIds: [OWN2] })).toBe(true);
    expect(matches({ brandKind: 'own' }, { brandIds: [COMP] })).toBe(false);
    expect(matches({ brandKind: 'own' }, { brandIds: [OWN, COMP] })).toBe(true);
    expect(matches({ brandKind: 'competitor' }, { brandIds: [COMP] })).toBe(true);
    expect(matches({ brandKind: 'competitor' }, { brandIds: [OWN, COMP] })).toBe(true);
    expect(matches({ brandKind: 'competitor' }, { brandIds: [] })).toBe(false);
    expect(matches({ brandKind: 'competitor' }, { brandIds: [OWN] })).toBe(false);
    expect(isOwnBrandMention([], brands)).toBe(true);
  });

  it('brand ids: the mention names one of them', () => {
    expect(matches({ brandIds: [OWN] }, { brandIds: [OWN, COMP] })).toBe(true);
    expect(matches({ brandIds: [OWN2] }, { brandIds: [OWN, COMP] })).toBe(false);
    expect(matches({ brandIds: [OWN] }, { brandIds: [] })).toBe(false);
  });

  it('language, sentiment and type', () => {
    expect(matches({ languages: ['id', 'en'] })).toBe(true);
    expect(matches({ languages: ['id'] })).toBe(false);
    expect(matches({ languages: ['en'] }, { language: null })).toBe(false);
    expect(matches({ sentiments: ['negative'] })).toBe(true);
    expect(matches({ sentiments: ['positive', 'neutral'] })).toBe(false);
    expect(matches({ types: ['complaint', 'question'] })).toBe(true);
    expect(matches({ types: ['praise'] })).toBe(false);
  });

  it('author influence at least n, and verified', () => {
    expect(matches({ minInfluence: 40 })).toBe(true);
    expect(matches({ minInfluence: 41 })).toBe(false);
    expect(matches({ minInfluence: 0 }, { authorInfluence: 0 })).toBe(true);
    expect(matches({ verified: true }, { authorVerified: true })).toBe(true);
    expect(matches({ verified: true })).toBe(false);
    expect(matches({ verified: false })).toBe(true);
    expect(matches({ verified: false }, { authorVerified: true })).toBe(false);
  });

  it('every given condition must hold', () => {
    const c: RoutingConditions = { sourceKinds: ['mastodon'], types: ['complaint'], keywords: { any: ['refund'] } };
    expect(matches(c)).toBe(true);
    expect(matches(c, { type: 'question' })).toBe(false);
    expect(matches(c, { sourceKind: 'x' })).toBe(false);
    expect(matches(c, { text: 'my order is broken' })).toBe(false);
  });
});

describe('keyword conditions', () => {
  const kw = (keywords: RoutingConditions['keywords'], text: string) => matches({ keywords }, { text });

  it('any / all / none', () => {
    expect(kw({ any: ['refund', 'money back'] }, 'I want my money back')).toBe(true);
    expect(kw({ any: ['refund', 'money back'] }, 'I want my money')).toBe(false);
    expect(kw({ all: ['refund', 'order'] }, 'Refund my order please')).toBe(true);
    expect(kw({ all: ['refund', 'order'] }, 'Refund please')).toBe(false);
    expect(kw({ none: ['test'] }, 'Refund please')).toBe(true);
    expect(kw({ none: ['test', 'refund'] }, 'Refund please')).toBe(false);
    expect(kw({ any: ['refund'], all: ['order'], none: ['joke'] }, 'refund the order')).toBe(true);
    expect(kw({ any: ['refund'], all: ['order'], none: ['joke'] }, 'refund the order, joke')).toBe(false);
  });

  it('empty keyword lists place no constraint', () => {
    expect(kw({ any: [], all: [], none: [] }, 'anything')).toBe(true);
    expect(kw({}, 'anything')).toBe(true);
  });

  it('is case-insensitive, whole words only, phrases across any white space', () => {
    expect(kw({ any: ['REFUND'] }, 'refund now')).toBe(true);
    expect(kw({ any: ['refund'] }, 'REFUND NOW')).toBe(true);
    expect(kw({ any: ['refund'] }, 'refunds now')).toBe(false);
    expect(kw({ any: ['fund'] }, 'refund now')).toBe(false);
    expect(kw({ any: ['refund'] }, 'refund.')).toBe(true);
    expect(kw({ any: ['refund'] }, '(refund)')).toBe(true);
    expect(kw({ any: ['refund'] }, 'no_refund')).toBe(false);
    expect(kw({ any: ['money back'] }, 'my money\n  back please')).toBe(true);
    expect(kw({ any: ['money back'] }, 'my moneyback please')).toBe(false);
    expect(kw({ any: ['money back'] }, 'money backing')).toBe(false);
  });

  it('treats regular-expression characters in terms literally', () => {
    expect(kw({ any: ['c++'] }, 'I love c++ a lot')).toBe(true);
    expect(kw({ any: ['a.b'] }, 'axb')).toBe(false);
    expect(kw({ any: ['(beta)'] }, 'join the (beta) now')).toBe(true);
    expect(kw({ any: ['#promo'] }, 'check #promo today')).toBe(true);
    expect(kw({ any: ['#promo'] }, 'check #promotion today')).toBe(false);
  });

  it('works for Indonesian and other scripts (Unicode word boundaries)', () => {
    expect(kw({ any: ['kecewa banget'] }, 'Aku KECEWA   banget sama layanannya')).toBe(true);
    expect(kw({ any: ['tidak bisa login'] }, 'Kenapa aplikasi tidak bisa login?')).toBe(true);
    expect(kw({ any: ['kopi'] }, 'beli kopiah baru')).toBe(false);
    expect(kw({ any: ['kopi'] }, 'beli kopi baru')).toBe(true);
    expect(kw({ any: ['café'] }, 'the CAFÉ was closed')).toBe(true);
    expect(kw({ any: ['café'] }, 'the cafés were closed')).toBe(false);
    // A letter outside ASCII is a word character: "é" glued to the term is not a boundary.
    expect(kw({ any: ['caf'] }, 'café')).toBe(false);
    expect(kw({ any: ['müll'] }, 'MÜLL überall')).toBe(true);
    expect(kw({ any: ['東京'] }, 'I am in 東京 now')).toBe(true);
    // NFC vs NFD spelling of the same word.
    expect(kw({ any: ['café'] }, 'cafe\u0301 time')).toBe(true);
  });

  it('accepts the Indonesian enclitic -nya after stems of four letters or more', () => {
    expect(kw({ any: ['refund'] }, 'refundnya belum masuk')).toBe(true);
    expect(kw({ any: ['pesanan'] }, 'pesanannya belum sampai')).toBe(true);
    expect(kw({ any: ['paket'] }, 'Paketnya rusak')).toBe(true);
    expect(kw({ none: ['refund'] }, 'refundnya belum masuk')).toBe(false);
    // Short stems do not take it ("ta" is not in "tanya"), and other suffixes are still other words.
    expect(kw({ any: ['ta'] }, 'mau tanya')).toBe(false);
    expect(kw({ any: ['refund'] }, 'refundku belum masuk')).toBe(false);
    expect(compileTerm('   ')).toBeNull();
  });
});

describe('rule order', () => {
  const actions: RoutingActions = { priority: 'high' };
  const rule = (id: string, position: number, conditions: RoutingConditions, enabled = true): RuleLike => ({
    id,
    name: `rule ${id}`,
    position,
    enabled,
    conditions,
    actions,
  });

  it('first match by position wins; disabled rules are skipped; none matching gives null', () => {
    const rules = compileRules([
      rule('c', 2, {}),
      rule('a', 0, { keywords: { any: ['refund'] } }),
      rule('b', 1, { types: ['complaint'] }, false),
    ]);
    expect(rules.map((r) => r.id)).toEqual(['a', 'c']);
    expect(firstMatch(rules, mention(), brands)?.id).toBe('a');
    expect(firstMatch(rules, mention({ text: 'hello' }), brands)?.id).toBe('c');
    expect(firstMatch(compileRules([rule('a', 0, { types: ['praise'] })]), mention(), brands)).toBeNull();
    expect(firstMatch([], mention(), brands)).toBeNull();
  });
});

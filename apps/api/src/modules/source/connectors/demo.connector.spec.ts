import { CreateBrandRequestSchema, MENTION_TYPES } from '@dengar/contracts';
import { describe, expect, it } from 'vitest';
import { ConnectorError, type PullContext, type PulledMention, type PullResult } from './connector.js';
import {
  DEMO_AUTHORS,
  DEMO_BRANDS,
  DEMO_CAMPAIGN,
  DEMO_MAX_PER_PULL,
  demoConnector,
  type DemoCursor,
  type DemoRaw,
} from './demo.connector.js';

const T0 = new Date('2025-06-01T08:00:00Z');
const sec = (s: number) => new Date(T0.getTime() + s * 1000);

const ctx = (cursor: unknown, now: Date, over: Partial<PullContext> = {}): PullContext => ({
  config: { ratePerMinute: 6 },
  cursor,
  backfillLimit: 200,
  state: {},
  saveState: () => Promise.resolve(),
  known: () => Promise.resolve(new Set()),
  fetch: () => Promise.reject(new Error('the demo connector must not do HTTP')),
  now: () => now,
  ...over,
});

/** Pulls until the connector says there is no more right now (as the poller does). */
async function drain(cursor: unknown, now: Date, over: Partial<PullContext> = {}) {
  const pages: PullResult[] = [];
  let c = cursor;
  for (;;) {
    const page = await demoConnector.pull(ctx(c, now, over));
    pages.push(page);
    c = page.cursor;
    if (!page.more) break;
  }
  return { pages, mentions: pages.flatMap((p) => p.mentions), cursor: c };
}

/** A long stream: the backfill, then a pull every 15 s for `minutes`. */
async function stream(minutes: number, over: Partial<PullContext> = {}) {
  const first = await drain(null, T0, over);
  const all: PulledMention[] = [...first.mentions];
  let cursor = first.cursor;
  for (let s = 15; s <= minutes * 60; s += 15) {
    const page = await drain(cursor, sec(s), over);
    all.push(...page.mentions);
    cursor = page.cursor;
  }
  return { mentions: all, cursor };
}

const raw = (m: PulledMention) => m.raw as DemoRaw;

describe('demoConnector', () => {
  it('is deterministic given the cursor and the time', async () => {
    const a = await drain(null, T0);
    const b = await drain(null, T0);
    expect(b).toEqual(a);
    const next1 = await demoConnector.pull(ctx(a.cursor, sec(60)));
    const next2 = await demoConnector.pull(ctx(structuredClone(a.cursor), sec(60)));
    expect(next2).toEqual(next1);
    expect(next1.mentions.length).toBeGreaterThan(0);
    // The cursor passed in is not mutated.
    expect(a.cursor).toEqual(b.cursor);
    // Another source (started at another time) gets its own ids and its own texts.
    const other = await drain(null, sec(1));
    expect(other.mentions[0]!.externalId).not.toBe(a.mentions[0]!.externalId);
    expect(other.mentions.map((m) => m.text)).not.toEqual(a.mentions.map((m) => m.text));
  });

  it('backfills an hour of history capped by backfillLimit, in pages of at most 50, ending now', async () => {
    const { pages, mentions } = await drain(null, T0);
    expect(mentions).toHaveLength(200); // 6/min × 60 min = 360, capped at 200
    expect(pages.map((p) => p.mentions.length)).toEqual([50, 50, 50, 50]);
    expect(pages.map((p) => p.more)).toEqual([true, true, true, false]);
    expect(new Set(mentions.map((m) => m.externalId)).size).toBe(200);
    const times = mentions.map((m) => m.postedAt.getTime());
    expect([...times].sort((x, y) => x - y)).toEqual(times);
    expect(Math.max(...times)).toBeLessThanOrEqual(T0.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(T0.getTime() - 200 * 10_000);
    for (const m of mentions) {
      expect(m.externalId).toMatch(/^demo-[a-z0-9]+-\d+$/);
      expect(m.url).toBe(`https://demo.dengar.local/posts/${m.externalId}`);
    }

    expect((await drain(null, T0, { backfillLimit: 10 })).mentions).toHaveLength(10);
    // At least one on a first pull, even with no backfill.
    expect((await drain(null, T0, { backfillLimit: 0 })).mentions).toHaveLength(1);
    // A slow stream backfills what an hour holds: 1/min → 60.
    expect((await drain(null, T0, { config: { ratePerMinute: 1 } })).mentions).toHaveLength(60);
  });

  it('respects the rate: ratePerMinute × elapsed, carrying fractions, at most 50 a pull', async () => {
    const { cursor } = await drain(null, T0, { backfillLimit: 5 });
    const at30 = await demoConnector.pull(ctx(cursor, sec(30)));
    expect(at30.mentions).toHaveLength(3);
    expect(at30.more).toBe(false);
    for (const m of at30.mentions) {
      expect(m.postedAt.getTime()).toBeGreaterThan(T0.getTime());
      expect(m.postedAt.getTime()).toBeLessThanOrEqual(sec(30).getTime());
    }
    const at35 = await demoConnector.pull(ctx(at30.cursor, sec(35)));
    expect(at35.mentions).toHaveLength(0);
    const at40 = await demoConnector.pull(ctx(at35.cursor, sec(40)));
    expect(at40.mentions).toHaveLength(1);

    const fast = await demoConnector.pull(ctx(at40.cursor, sec(70), { config: { ratePerMinute: 60 } }));
    expect(fast.mentions).toHaveLength(30);

    // A two-hour pause is skipped, not replayed.
    const later = await demoConnector.pull(ctx(fast.cursor, sec(7270)));
    expect(later.mentions).toHaveLength(DEMO_MAX_PER_PULL);
    expect(later.more).toBe(false);
    const after = await demoConnector.pull(ctx(later.cursor, sec(7280)));
    expect(after.mentions).toHaveLength(1);
  });

  it('mixes every kind of post, both languages, influencers, spam and competitor talk', async () => {
    const { mentions } = await stream(40);
    expect(mentions.length).toBeGreaterThan(400);
    const raws = mentions.map(raw);
    const posts = raws.filter((r) => !r.reply);

    expect(new Set(posts.map((r) => r.scenario))).toEqual(
      new Set([
        'question',
        'complaint',
        'praise',
        'purchase_intent',
        'promo',
        'spam',
        'other',
        'competitor_complaint',
        'competitor_praise',
        'competitor_comparison',
        'competitor_question',
      ]),
    );
    expect(new Set(raws.map((r) => r.intendedType))).toEqual(new Set(MENTION_TYPES));
    for (const lang of ['en', 'id'] as const) {
      const share = raws.filter((r) => r.lang === lang).length / raws.length;
      expect(share).toBeGreaterThan(0.3);
    }
    const competitor = posts.filter((r) => r.brand === 'competitor').length / posts.length;
    expect(competitor).toBeGreaterThan(0.1);
    expect(competitor).toBeLessThan(0.35);

    const influencers = mentions.filter((m) => m.author.verified);
    expect(influencers.length).toBeGreaterThan(3);
    for (const m of influencers) {
      expect(m.author.followers).toBeGreaterThanOrEqual(50_000);
      expect(m.author.followers).toBeLessThanOrEqual(500_000);
    }
    expect(mentions.filter((m) => (m.author.followers ?? 0) < 5000).length / mentions.length).toBeGreaterThan(0.6);

    const texts = mentions.map((m) => m.text);
    // Spam is the classic link-dropping comment ("cheap boots…").
    const spam = mentions.filter((m) => raw(m).spam).map((m) => m.text);
    const links = (t: string) => (t.match(/https?:\/\//g) ?? []).length;
    expect(spam.every((t) => links(t) >= 1)).toBe(true);
    expect(spam.some((t) => /\bboots\b/i.test(t) && links(t) >= 2)).toBe(true);
    expect(texts.some((t) => /#SenjaFest/.test(t))).toBe(true);
    for (const slang of ['gak', 'nggak', 'banget', 'mantap', 'lemot', 'kecewa']) {
      expect(texts.some((t) => new RegExp(`\\b${slang}\\b`, 'i').test(t))).toBe(true);
    }
    // Purchase intent in both languages ("where can I buy…", "mau beli…").
    expect(texts.some((t) => /where can i buy|want to (buy|order)|ready to buy/i.test(t))).toBe(true);
    expect(texts.some((t) => /mau (beli|pesen|order)/i.test(t))).toBe(true);
    // Not every post declares a language, so detection gets its turn.
    expect(mentions.some((m) => m.language === null)).toBe(true);
    expect(mentions.filter((m) => m.language !== null).every((m) => m.language === raw(m).lang)).toBe(true);
  });

  it('names the brand it is about in every post (replies in competitor threads too)', async () => {
    const { mentions } = await stream(20);
    const own = /kopi senja|kopisenja/i;
    const comp = /brew & co|brewco/i;
    for (const m of mentions) {
      const r = raw(m);
      if (r.scenario === 'spam') continue;
      if (!r.reply) expect(m.text).toMatch(r.brand === 'own' ? own : comp);
      if (r.reply && r.brand === 'competitor') expect(m.text).toMatch(/kopi senja|kopisenja|brew & co|brewco/i);
    }
  });

  it('continues earlier threads: ~30% replies pointing at ids generated before them', async () => {
    const { mentions } = await stream(40);
    const byId = new Map(mentions.map((m, index) => [m.externalId, { m, index }]));
    const replies = mentions.filter((m) => m.inReplyToExternalId);
    const share = replies.length / mentions.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.4);
    const kinds = new Set<string>();
    mentions.forEach((m, index) => {
      if (!m.inReplyToExternalId) {
        expect(m.threadExternalId ?? null).toBeNull();
        return;
      }
      const parent = byId.get(m.inReplyToExternalId);
      expect(parent, `${m.externalId} answers an unknown id`).toBeDefined();
      expect(parent!.index).toBeLessThan(index);
      expect(raw(parent!.m).scenario).not.toBe('spam');
      // The thread id is the root: an earlier post that is not itself a reply.
      const root = byId.get(m.threadExternalId!);
      expect(root!.index).toBeLessThanOrEqual(parent!.index);
      expect(root!.m.inReplyToExternalId ?? null).toBeNull();
      const same = parent!.m.author.externalId === m.author.externalId;
      kinds.add(same ? 'same author' : 'other author');
      expect(raw(m).reply).toBe(same ? 'follow_up' : 'other_author');
    });
    expect(kinds).toEqual(new Set(['same author', 'other author']));
    // Threads span pulls: the cursor keeps recent ids for later replies.
    const { cursor } = await stream(1);
    expect((cursor as DemoCursor).recent.length).toBeGreaterThan(0);
  });

  it('draws from a stable pool of authors', async () => {
    const { mentions } = await stream(30);
    const seen = new Map<string, string>();
    for (const m of mentions) {
      const key = JSON.stringify(m.author);
      const prev = seen.get(m.author.handle);
      if (prev) expect(key).toBe(prev);
      else seen.set(m.author.handle, key);
      expect(m.author.externalId).toBe(`demo-user-${m.author.handle}`);
    }
    expect(seen.size).toBeGreaterThan(30);
    expect(seen.size).toBeLessThanOrEqual(DEMO_AUTHORS.length);
    expect(DEMO_AUTHORS.length).toBeGreaterThanOrEqual(40);
  });

  it('records replies as sent, idempotently', async () => {
    const req = {
      body: 'Terima kasih kak!',
      idempotencyKey: 'k-123',
      target: { externalId: 'demo-x-1', url: null, authorHandle: 'rina.kusuma' },
    };
    const replyCtx = { config: {}, state: {}, saveState: () => Promise.resolve(), fetch, now: () => T0 };
    const result = await demoConnector.reply!(replyCtx, req);
    expect(result).toEqual({ externalId: 'demo-reply-k-123', url: 'https://demo.dengar.local/posts/demo-reply-k-123' });
    expect(await demoConnector.reply!(replyCtx, req)).toEqual(result);
    expect(demoConnector.replyLimit({})).toBe(500);
    expect(demoConnector.retrySafe).toBe(true);
  });

  it('refuses a bad ratePerMinute as a config error', async () => {
    for (const ratePerMinute of [0, 601, 'fast', Number.NaN]) {
      const err = await demoConnector.pull(ctx(null, T0, { config: { ratePerMinute } })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConnectorError);
      expect((err as ConnectorError).kind).toBe('config');
    }
    // Absent: the contract's default (6 a minute).
    expect((await drain(null, T0, { config: {}, backfillLimit: 1000 })).mentions).toHaveLength(360);
  });

  it('exports brand and campaign definitions the seed can create as they are', () => {
    expect(CreateBrandRequestSchema.parse(DEMO_BRANDS.own)).toMatchObject({ name: 'Kopi Senja', kind: 'own' });
    expect(CreateBrandRequestSchema.parse(DEMO_BRANDS.competitor)).toMatchObject({
      name: 'Brew & Co',
      kind: 'competitor',
      keywords: ['brew & co', 'brewco'],
    });
    expect(DEMO_CAMPAIGN.hashtags).toEqual(['SenjaFest']);
  });
});

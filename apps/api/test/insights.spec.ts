import { INSIGHT_PANELS, type Team } from '@dengar/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from './support/client.js';
import { createTeam, createUser } from './support/factories.js';
import { deliverTicket, startTicketApp, type TicketApp } from './support/tickets.js';
import { deliver, item } from './support/webhook.js';

/**
 * Insights (SPEC §8) over a known set of mentions and tickets: exact counts, medians/p90s and heatmap cells in a
 * DST zone (Europe/Berlin switches to summer time on 2026-03-29 at 01:00 UTC), a zone without DST (Asia/Jakarta,
 * +07:00) and a half-hour zone (Asia/Kolkata, +05:30); roles; validation; CSV; freshness.
 */
type HeatCell = { weekday: number; hour: number; mentions: number; negative: number };

describe('insights', () => {
  let app: TicketApp;
  let admin: Client;
  let manager: Client;
  let marketing: Client;
  let agent: Client;
  let ownBrand: string;
  let competitor: string;
  let campaign: string;

  const mention = (ext: string, postedAt: string, author: string, text: string, followers = 10) =>
    item(ext, text, author, {
      postedAt,
      author: { externalId: author, handle: `${author}@forum.example.com`, displayName: author, followers },
    });

  async function post(items: ReturnType<typeof mention>[]) {
    const res = await deliver(app.t.client(), app.src.id, app.src.secret, { mentions: items });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body.accepted).toBe(items.length);
  }

  async function setTimezone(timezone: string) {
    const res = await admin.patch('/api/settings', { timezone });
    if (res.status !== 200)
      console.error(
        app.t.logs
          .filter((l) => /error/i.test(l))
          .slice(-3)
          .join('\n'),
      );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }

  const get = async (c: Client, path: string) => {
    const res = await c.get(path);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  const cell = (cells: HeatCell[], weekday: number, hour: number) =>
    cells.find((c) => c.weekday === weekday && c.hour === hour);

  /** What the mentions table says (the oracle the rollups must agree with). */
  async function fromMentions(start: string, end: string, where = 'true') {
    return app.t.db.query<{ type: string; sentiment: string; n: number }>(
      `SELECT type, sentiment_label AS sentiment, count(*)::int AS n FROM mentions
       WHERE NOT is_spam AND posted_at >= $1 AND posted_at < $2 AND ${where} GROUP BY 1, 2`,
      [start, end],
    );
  }

  beforeAll(async () => {
    app = await startTicketApp();
    admin = app.admin;
    manager = (await createUser(admin, 'manager')).client;
    marketing = (await createUser(admin, 'marketing')).client;
    agent = (await createUser(admin, 'agent', { teamIds: [app.general.id] })).client;
    const own = await admin.post('/api/brands', { name: 'Kopi Senja', kind: 'own', keywords: ['kopi senja'] });
    const comp = await admin.post('/api/brands', { name: 'Teh Pagi', kind: 'competitor', keywords: ['teh pagi'] });
    expect(own.status).toBe(201);
    expect(comp.status).toBe(201);
    ownBrand = own.body.id;
    competitor = comp.body.id;
    const camp = await admin.post('/api/campaigns', {
      name: 'Promo Maret',
      brandId: ownBrand,
      hashtags: ['promomaret'],
      startsAt: '2026-01-01',
    });
    expect(camp.status, JSON.stringify(camp.body)).toBe(201);
    campaign = camp.body.id;
    await setTimezone('Europe/Berlin');
    await post([
      // The day before (Berlin): the previous period of 2026-03-29.
      mention('m0', '2026-03-28T10:00:00Z', 'budi', 'Kopi Senja okay I guess'),
      mention('m1', '2026-03-28T23:30:00Z', 'ana', 'Kopi Senja is great, love it #promomaret', 50_000),
      mention('m2', '2026-03-29T00:59:00Z', 'budi', 'Kopi Senja delivery was terrible and late, very disappointed'),
      // 01:00 UTC: clocks jump from 02:00 CET to 03:00 CEST.
      mention('m3', '2026-03-29T01:00:00Z', 'ana', 'Where can I buy Kopi Senja beans? How much is a bag?', 50_000),
      mention('m4', '2026-03-29T01:30:00Z', 'citra', 'Teh Pagi is awful, the worst tea, never again'),
      mention('m5', '2026-03-29T22:30:00Z', 'dedi', 'Kopi Senja tomorrow morning'),
    ]);
  });
  afterAll(() => app?.t.close());

  it('answers marketing, managers and admins; refuses agents (403) and anonymous callers (401)', async () => {
    const paths = [...INSIGHT_PANELS, 'export.csv?panel=volume', 'export.csv?panel=topics'];
    for (const p of paths) {
      for (const c of [admin, manager, marketing]) expect((await c.get(`/api/insights/${p}`)).status, p).toBe(200);
      expect((await agent.get(`/api/insights/${p}`)).status, p).toBe(403);
      expect((await app.t.client().get(`/api/insights/${p}`)).status, p).toBe(401);
    }
  });

  it('answers 400 naming the field for a bad from, to, brandId or panel', async () => {
    const field = async (query: string, path = 'volume') => {
      const res = await marketing.get(`/api/insights/${path}?${query}`);
      expect(res.status, query).toBe(400);
      return res.body.details.fields.map((f: { path: string }) => f.path);
    };
    expect(await field('from=2026-13-45')).toContain('from');
    expect(await field('to=yesterday')).toContain('to');
    expect(await field('from=2026-03-10&to=2026-03-01')).toEqual(['to']);
    expect(await field('brandId=nope')).toContain('brandId');
    expect(await field('brandId=2b0e7d1e-0000-4000-8000-000000000000')).toEqual(['brandId']);
    expect(await field('panel=pie', 'export.csv')).toContain('panel');
    expect(await field('from=2026-01-01&to=2026-03-01&interval=hour')).toEqual(['interval']);
  });

  it('counts volume by day and hour in Europe/Berlin across the DST switch, with the previous period', async () => {
    const v = await get(marketing, '/api/insights/volume?from=2026-03-29&to=2026-03-29');
    expect(v).toMatchObject({
      from: '2026-03-29',
      to: '2026-03-29',
      timezone: 'Europe/Berlin',
      brandId: 'all',
      start: '2026-03-28T23:00:00.000Z',
      end: '2026-03-29T22:00:00.000Z',
      interval: 'hour',
      summary: { metric: 'mentions', value: 4, previous: 1, change: 3, changePercent: 300 },
      bySource: [{ sourceKind: 'webhook', mentions: 4 }],
    });
    // The day has 23 hours.
    expect(v.series).toHaveLength(23);
    expect(v.series.slice(0, 3).map((p: { label: string; mentions: number }) => [p.label, p.mentions])).toEqual([
      ['2026-03-28T23:00:00Z', 1],
      ['2026-03-29T00:00:00Z', 1],
      ['2026-03-29T01:00:00Z', 2],
    ]);
    const days = await get(marketing, '/api/insights/volume?from=2026-03-28&to=2026-03-30');
    expect(days.interval).toBe('day');
    expect(days.series.map((p: { label: string; mentions: number }) => [p.label, p.mentions])).toEqual([
      ['2026-03-28', 1],
      ['2026-03-29', 4],
      ['2026-03-30', 1],
    ]);
    expect(days.series[1]).toMatchObject({ start: '2026-03-28T23:00:00.000Z', end: '2026-03-29T22:00:00.000Z' });
    const range = 'from=2026-03-29&to=2026-03-29';
    expect((await get(marketing, `/api/insights/volume?${range}&brandId=own`)).summary.value).toBe(3);
    expect((await get(marketing, `/api/insights/volume?${range}&brandId=competitors`)).summary.value).toBe(1);
    expect((await get(marketing, `/api/insights/volume?${range}&brandId=${competitor}`)).summary.value).toBe(1);
    expect((await get(marketing, `/api/insights/volume?${range}&brandId=${ownBrand}`)).summary.value).toBe(3);
    expect((await get(marketing, `/api/insights/volume?${range}&sourceKind=webhook`)).summary.value).toBe(4);
    expect((await get(marketing, `/api/insights/volume?${range}&sourceKind=x`)).summary.value).toBe(0);
    // ISO instants: [00:00Z, 01:00Z) holds m2 only.
    const iso = await get(marketing, '/api/insights/volume?from=2026-03-29T00:00:00Z&to=2026-03-29T01:00:00Z');
    expect(iso.summary.value).toBe(1);
  });

  it('puts the heatmap in local weekday and hour, across DST (Berlin) and without it (Jakarta, Kolkata)', async () => {
    const negatives = await app.t.db.query<{ ext: string; neg: boolean }>(
      `SELECT external_id AS ext, sentiment_label = 'negative' AS neg FROM mentions WHERE external_id IN ('m1','m2','m3','m4')`,
    );
    const neg = (ext: string) => (negatives.find((n) => n.ext === ext)!.neg ? 1 : 0);

    const berlin = await get(marketing, '/api/insights/heatmap?from=2026-03-29&to=2026-03-29');
    expect(berlin.cells).toHaveLength(168);
    expect(berlin.cells.reduce((s: number, c: { mentions: number }) => s + c.mentions, 0)).toBe(4);
    // Sunday 00:30 CET, 01:59 CET, then 03:00 and 03:30 CEST (02:xx does not exist that night).
    expect(cell(berlin.cells, 7, 0)).toEqual({ weekday: 7, hour: 0, mentions: 1, negative: neg('m1') });
    expect(cell(berlin.cells, 7, 1)).toEqual({ weekday: 7, hour: 1, mentions: 1, negative: neg('m2') });
    expect(cell(berlin.cells, 7, 2)!.mentions).toBe(0);
    expect(cell(berlin.cells, 7, 3)).toEqual({ weekday: 7, hour: 3, mentions: 2, negative: neg('m3') + neg('m4') });

    await setTimezone('Asia/Jakarta');
    const jakarta = await get(marketing, '/api/insights/heatmap?from=2026-03-29&to=2026-03-29');
    expect(jakarta.timezone).toBe('Asia/Jakarta');
    expect(jakarta.start).toBe('2026-03-28T17:00:00.000Z');
    expect(cell(jakarta.cells, 7, 6)!.mentions).toBe(1);
    expect(cell(jakarta.cells, 7, 7)!.mentions).toBe(1);
    expect(cell(jakarta.cells, 7, 8)).toEqual({ weekday: 7, hour: 8, mentions: 2, negative: neg('m3') + neg('m4') });
    const jv = await get(marketing, '/api/insights/volume?from=2026-03-29&to=2026-03-29');
    expect(jv.series).toHaveLength(24);
    expect(jv.summary.value).toBe(4);

    // +05:30: 15-minute buckets keep 00:59Z (06:29) and 01:00Z (06:30) in the same local hour.
    await setTimezone('Asia/Kolkata');
    const kolkata = await get(marketing, '/api/insights/heatmap?from=2026-03-29&to=2026-03-29');
    expect(kolkata.start).toBe('2026-03-28T18:30:00.000Z');
    expect(cell(kolkata.cells, 7, 5)!.mentions).toBe(1);
    expect(cell(kolkata.cells, 7, 6)!.mentions).toBe(2);
    expect(cell(kolkata.cells, 7, 7)!.mentions).toBe(1);
    const kv = await get(marketing, '/api/insights/volume?from=2026-03-29&to=2026-03-29');
    expect(kv.series[0]).toMatchObject({ label: '2026-03-28T18:30:00Z', mentions: 0 });
    expect(kv.series.find((p: { label: string }) => p.label === '2026-03-29T00:30:00Z').mentions).toBe(2);
    await setTimezone('Europe/Berlin');
  });

  it('agrees with the mentions table on types, sentiment, purchase intent, campaigns and share of voice', async () => {
    const range = 'from=2026-03-29&to=2026-03-29';
    const [start, end] = ['2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z'];
    const rows = await fromMentions(start, end);
    const count = (f: (r: { type: string; sentiment: string }) => boolean) =>
      rows.filter(f).reduce((s, r) => s + r.n, 0);

    const types = await get(marketing, `/api/insights/types?${range}`);
    expect(types.items).toHaveLength(6);
    for (const i of types.items) expect(i.mentions, i.type).toBe(count((r) => r.type === i.type));

    const sentiment = await get(marketing, `/api/insights/sentiment?${range}&interval=day`);
    const pos = count((r) => r.sentiment === 'positive');
    const negative = count((r) => r.sentiment === 'negative');
    expect(sentiment.totals).toEqual({
      mentions: 4,
      positive: pos,
      neutral: count((r) => r.sentiment === 'neutral'),
      negative,
      netSentiment: Math.round(((pos - negative) / 4) * 1000) / 10,
    });
    expect(sentiment.series).toHaveLength(1);
    expect(sentiment.series[0]).toMatchObject({ label: '2026-03-29', mentions: 4, positive: pos, negative });

    const intent = await get(marketing, `/api/insights/purchase-intent?${range}&interval=day`);
    const compRows = await fromMentions(start, end, `brand_ids @> ARRAY['${competitor}']::uuid[]`);
    expect(intent.purchaseIntent).toBe(count((r) => r.type === 'purchase_intent'));
    expect(intent.competitorComplaints).toBe(
      compRows.filter((r) => r.type === 'complaint').reduce((s, r) => s + r.n, 0),
    );

    const [linked] = await app.t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM mentions WHERE campaign_ids @> ARRAY[$1]::uuid[]`,
      [campaign],
    );
    expect(linked!.n).toBe(1);
    const campaigns = await get(marketing, `/api/insights/campaigns?${range}`);
    expect(campaigns.items).toEqual([
      expect.objectContaining({ campaignId: campaign, name: 'Promo Maret', mentions: 1, reach: 50_000 }),
    ]);
    expect(campaigns.summary).toMatchObject({ value: 1, previous: 0, changePercent: null });
    // A sparkline per campaign: mentions per local day (m1 is 00:30 on the 29th in Berlin).
    expect(campaigns.items[0].trend).toEqual([1]);
    const week = await get(marketing, '/api/insights/campaigns?from=2026-03-26&to=2026-03-30');
    expect(week.items[0].trend).toEqual([0, 0, 0, 1, 0]);

    const sov = await get(marketing, `/api/insights/share-of-voice?${range}`);
    expect(sov.own).toMatchObject({ mentions: 3, share: 0.75 });
    expect(sov.competitors).toMatchObject({ mentions: 1, share: 0.25 });
    expect(sov.items.map((b: { name: string; mentions: number }) => [b.name, b.mentions])).toEqual([
      ['Kopi Senja', 3],
      ['Teh Pagi', 1],
    ]);
    expect(sov.summary).toMatchObject({ metric: 'ownSharePercent', value: 75, previous: 100 });

    // Folding moves deltas into the rollups without changing any answer.
    await app.t.db.query('SELECT insights_fold()');
    const [deltas] = await app.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM insights_mention_delta');
    const left = deltas!.n;
    expect(left).toBe(0);
    expect((await get(marketing, `/api/insights/types?${range}`)).items).toEqual(types.items);
    // Campaigns then read whole local days from the daily table, which equals the 15-minute rollup by local day;
    // parts of days at the ends of an ISO range come from the 15-minute rows.
    expect(await get(marketing, `/api/insights/campaigns?${range}`)).toEqual(campaigns);
    expect((await get(marketing, '/api/insights/campaigns?from=2026-03-26&to=2026-03-30')).items).toEqual(week.items);
    const [mismatch] = await app.t.db.query<{ n: number }>(
      `WITH by_day AS (
         SELECT campaign_id, (bucket AT TIME ZONE (SELECT timezone FROM workspace_settings WHERE id = 1))::date AS day,
           source_kind, sum(n)::int AS n, sum(reach)::bigint AS reach
         FROM insights_campaign_rollup GROUP BY 1, 2, 3),
       daily AS (SELECT campaign_id, day, source_kind, n, reach FROM insights_campaign_daily)
       SELECT (SELECT count(*) FROM ((SELECT * FROM by_day EXCEPT SELECT * FROM daily)
         UNION ALL (SELECT * FROM daily EXCEPT SELECT * FROM by_day)) x)::int AS n`,
    );
    expect(mismatch!.n).toBe(0);
    const edges = async (from: string, to: string) =>
      (await get(marketing, `/api/insights/campaigns?from=${from}&to=${to}`)).items[0].mentions;
    // m1 was posted at 2026-03-28T23:30Z.
    expect(await edges('2026-03-28T23:15:00Z', '2026-03-29T10:00:00Z')).toBe(1);
    expect(await edges('2026-03-27T10:00:00Z', '2026-03-28T23:30:00Z')).toBe(0);
    expect(await edges('2026-03-27T10:00:00Z', '2026-03-28T23:45:00Z')).toBe(1);
  });

  it("regroups own and competitor counts when a brand's kind changes, not on other brand edits", async () => {
    const range = 'from=2026-03-29&to=2026-03-29';
    const own = async () => (await get(marketing, `/api/insights/volume?${range}&brandId=own`)).summary.value;
    // A rebuild rewrites every rollup row (new xmin); a keyword edit must not trigger one.
    await app.t.db.query('SELECT insights_fold()');
    const stamp = async () =>
      (
        await app.t.db.query<{ x: string }>(
          `SELECT string_agg(xmin::text, ',' ORDER BY xmin::text) AS x FROM insights_mention_rollup`,
        )
      )[0]!.x;
    const before = await stamp();
    const edit = await admin.patch(`/api/brands/${competitor}`, { keywords: ['teh pagi', 'tehpagi'] });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    expect(await stamp()).toBe(before);
    expect(await own()).toBe(3);
    expect((await admin.patch(`/api/brands/${competitor}`, { kind: 'own' })).status).toBe(200);
    expect(await own()).toBe(4);
    expect((await get(marketing, `/api/insights/volume?${range}&brandId=competitors`)).summary.value).toBe(0);
    expect((await admin.patch(`/api/brands/${competitor}`, { kind: 'competitor' })).status).toBe(200);
    expect(await own()).toBe(3);
    expect((await get(marketing, `/api/insights/volume?${range}&brandId=competitors`)).summary.value).toBe(1);
  });

  it('counts unique, new and returning authors and lists influencers', async () => {
    const range = 'from=2026-03-29&to=2026-03-29';
    const a = await get(marketing, `/api/insights/authors?${range}`);
    // ana, budi, citra; budi wrote the day before.
    expect(a).toMatchObject({
      uniqueAuthors: 3,
      newAuthors: 2,
      returningAuthors: 1,
      mentions: 4,
      approximate: false,
      summary: { metric: 'uniqueAuthors', value: 3, previous: 1 },
    });
    expect(a.reach).toBe(50_000 * 2 + 10 * 2);
    const own = await get(marketing, `/api/insights/authors?${range}&brandId=own`);
    expect(own).toMatchObject({ uniqueAuthors: 2, newAuthors: 1, returningAuthors: 1 });
    const iso = await get(marketing, '/api/insights/authors?from=2026-03-29T00:00:00Z&to=2026-03-29T01:00:00Z');
    expect(iso.approximate).toBe(true);

    const inf = await get(marketing, `/api/insights/influencers?${range}`);
    expect(inf.items).toHaveLength(1);
    expect(inf.items[0]).toMatchObject({ handle: 'ana@forum.example.com', followers: 50_000, mentions: 2 });
    expect(inf.items[0].influence).toBeGreaterThanOrEqual(25);
    expect(inf.items[0].trend).toEqual([2]);
    // ana: m1 and m3 on the 29th (Berlin), nothing on the 27th, 28th (m1 is 00:30 on the 29th) or 30th.
    const days = await get(marketing, '/api/insights/influencers?from=2026-03-27&to=2026-03-30');
    expect(days.items[0]).toMatchObject({ handle: 'ana@forum.example.com', trend: [0, 0, 2, 0] });
    await post([mention('ana-2', '2026-03-27T12:00:00Z', 'ana', 'Kopi Senja again', 50_000)]);
    const again = await get(marketing, '/api/insights/influencers?from=2026-03-27&to=2026-03-30');
    expect(again.items[0]).toMatchObject({ mentions: 3, trend: [1, 0, 2, 0] });
    await app.t.db.query(`DELETE FROM mentions WHERE external_id = 'ana-2'`);
    const removed = await get(marketing, '/api/insights/influencers?from=2026-03-27&to=2026-03-30');
    expect(removed.items[0]).toMatchObject({ mentions: 2, trend: [0, 0, 2, 0] });
  });

  it('lists the most used terms (hashtags and words, stopwords out) with their sentiment', async () => {
    const range = 'from=2026-03-29&to=2026-03-29';
    const t = await get(marketing, `/api/insights/topics?${range}`);
    expect(t).toMatchObject({ summary: { metric: 'mentions', value: 4 }, approximate: false });
    // m1 "Kopi Senja is great, love it #promomaret", m2 "…delivery was terrible and late, very disappointed",
    // m3 "Where can I buy Kopi Senja beans? How much is a bag?", m4 "Teh Pagi is awful, the worst tea, never again".
    expect(t.items.map((i: { term: string; mentions: number }) => [i.term, i.mentions])).toEqual([
      ['kopi', 3],
      ['senja', 3],
      ['#promomaret', 1],
      ['awful', 1],
      ['beans', 1],
      ['delivery', 1],
      ['disappointed', 1],
      ['great', 1],
      ['late', 1],
      ['love', 1],
      ['never', 1],
      ['pagi', 1],
      ['terrible', 1],
      ['worst', 1],
    ]);
    const [start, end] = ['2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z'];
    const kopi = await fromMentions(start, end, `text ILIKE '%kopi%'`);
    const bySentiment = (s: string) => kopi.filter((r) => r.sentiment === s).reduce((n, r) => n + r.n, 0);
    expect(t.items[0]).toEqual({
      term: 'kopi',
      mentions: 3,
      positive: bySentiment('positive'),
      neutral: bySentiment('neutral'),
      negative: bySentiment('negative'),
    });
    const comp = await get(marketing, `/api/insights/topics?${range}&brandId=competitors`);
    expect(comp.items.map((i: { term: string }) => i.term)).toEqual(['awful', 'never', 'pagi', 'worst']);
    expect((await get(marketing, `/api/insights/topics?${range}&sourceKind=x`)).items).toEqual([]);
    expect((await get(marketing, `/api/insights/topics?${range}&sourceKind=webhook`)).items).toEqual(t.items);

    // An edit moves its terms; spam leaves the counts; folding changes nothing.
    await app.t.db.query(`UPDATE mentions SET text = 'Teh Pagi is lovely' WHERE external_id = 'm4'`);
    const edited = await get(marketing, `/api/insights/topics?${range}&brandId=competitors`);
    expect(edited.items.map((i: { term: string }) => i.term)).toEqual(['lovely', 'pagi']);
    await app.t.db.query(`UPDATE mentions SET is_spam = true WHERE external_id = 'm4'`);
    expect((await get(marketing, `/api/insights/topics?${range}&brandId=competitors`)).items).toEqual([]);
    await app.t.db.query(
      `UPDATE mentions SET is_spam = false, text = 'Teh Pagi is awful, the worst tea, never again' WHERE external_id = 'm4'`,
    );
    await app.t.db.query('SELECT insights_fold()');
    expect((await get(marketing, `/api/insights/topics?${range}`)).items).toEqual(t.items);

    // Links and @handles are not topics; hashtags keep their '#', case is folded.
    await post([
      mention(
        'links-1',
        '2026-03-31T10:00:00Z',
        'gita',
        'Kopi Senja #Promo_Maret review at https://www.example.com/kopi-senja by @someone@forum.example.com: recommended!',
      ),
    ]);
    const links = await get(marketing, '/api/insights/topics?from=2026-03-31&to=2026-03-31');
    expect(links.items.map((i: { term: string }) => i.term)).toEqual([
      '#promo_maret',
      'kopi',
      'recommended',
      'review',
      'senja',
    ]);

    const csv = await marketing.get(`/api/insights/export.csv?panel=topics&${range}`);
    expect(csv.status).toBe(200);
    const lines = (csv.body as string).trim().split('\r\n');
    expect(lines[0]).toBe('term,mentions,positive,neutral,negative');
    expect(lines).toHaveLength(15);
    expect(lines[1]).toMatch(/^kopi,3,/);
  });

  it('reflects a late mention for an earlier hour within 5 seconds', async () => {
    const before = await get(marketing, '/api/insights/heatmap?from=2026-03-29&to=2026-03-29');
    expect(cell(before.cells, 7, 1)!.mentions).toBe(1);
    const t0 = Date.now();
    await post([mention('late-1', '2026-03-29T00:10:00Z', 'eka', 'Kopi Senja still no answer from support')]);
    let seen = 0;
    while (Date.now() - t0 < 5000) {
      const h = await get(marketing, '/api/insights/heatmap?from=2026-03-29&to=2026-03-29');
      seen = cell(h.cells, 7, 1)!.mentions;
      if (seen === 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(seen).toBe(2);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect((await get(marketing, '/api/insights/authors?from=2026-03-29&to=2026-03-29')).uniqueAuthors).toBe(4);
  });

  it('folds the deltas on its own every few seconds (the insights.fold tick), answers unchanged', async () => {
    await post([mention('fold-1', '2026-03-30T09:00:00Z', 'eka', 'Kopi Senja fold check')]);
    const before = await get(marketing, '/api/insights/types?from=2026-03-30&to=2026-03-30');
    const deltas = async () =>
      (await app.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM insights_mention_delta'))[0]!.n;
    const deadline = Date.now() + 20_000;
    while ((await deltas()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(await deltas()).toBe(0);
    // The mention's bucket is now in the rollup proper (no test folds by hand in between).
    const [folded] = await app.t.db.query<{ n: number }>(
      `SELECT coalesce(sum(n), 0)::int AS n FROM insights_mention_rollup
       WHERE bucket = '2026-03-30T09:00:00Z' AND source_kind = '*' AND brand_key = '00000000-0000-0000-0000-000000000000'`,
    );
    expect(folded!.n).toBe(1);
    expect(await get(marketing, '/api/insights/types?from=2026-03-30&to=2026-03-30')).toEqual(before);
  });

  it('exports a panel table and the raw mentions as CSV, escaped and defused', async () => {
    const table = await marketing.get('/api/insights/export.csv?panel=heatmap&from=2026-03-29&to=2026-03-29');
    expect(table.status).toBe(200);
    expect(table.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(table.headers.get('content-disposition')).toMatch(/^attachment; filename="insights-heatmap-/);
    const lines = (table.body as string).trim().split('\r\n');
    expect(lines[0]).toBe('weekday,hour,mentions,negative');
    expect(lines).toHaveLength(169);
    expect(lines).toContain('7,1,2,' + lines.find((l) => l.startsWith('7,1,'))!.split(',')[3]);

    await post([mention('csv-1', '2026-04-02T10:00:00Z', 'fajar', '=HYPERLINK("http://evil") Kopi Senja, "quoted"')]);
    const raw = await marketing.get('/api/insights/export.csv?panel=volume&rows=raw&from=2026-04-02&to=2026-04-02');
    expect(raw.status).toBe(200);
    const body = raw.body as string;
    expect(body.split('\r\n')[0]).toMatch(/^mentionId,postedAt,sourceKind,author,/);
    expect(body).toContain(`"'=HYPERLINK(""http://evil"") Kopi Senja, ""quoted"""`);
    expect(body.trim().split('\r\n')).toHaveLength(2);
  });

  describe('care', () => {
    let billing: Team;
    let agentA: { id: string; name: string };
    let agentB: { id: string; name: string };
    const tickets: string[] = [];

    beforeAll(async () => {
      await setTimezone('Asia/Jakarta');
      const hours = await admin.patch('/api/settings', {
        businessHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
      });
      expect(hours.status, JSON.stringify(hours.body)).toBe(200);
      billing = await createTeam(admin, 'Billing');
      const a = await createUser(admin, 'agent', { teamIds: [app.general.id], name: 'Agent A' });
      const b = await createUser(admin, 'agent', { teamIds: [app.general.id, billing.id], name: 'Agent B' });
      agentA = { id: a.user.id, name: 'Agent A' };
      agentB = { id: b.user.id, name: 'Agent B' };
      for (let i = 0; i < 5; i++)
        tickets.push(await deliverTicket(app.t, app.src, `Kopi Senja order ${i} never arrived`));
      // Monday 2026-06-01 09:00 in Jakarta is 02:00 UTC; the fifth ticket arrives Friday 16:30 and is answered
      // Monday 09:30 (60 business minutes, 3900 wall-clock minutes).
      const monday = '2026-06-01T02:00:00Z';
      const plan: [string, number, number, string, string][] = [
        [monday, 10, 60, app.general.id, agentA.id],
        [monday, 20, 120, app.general.id, agentA.id],
        [monday, 30, 180, app.general.id, agentA.id],
        [monday, 40, 300, app.general.id, agentB.id],
        ['2026-06-05T09:30:00Z', 3900, 3930, billing.id, agentB.id],
      ];
      for (const [i, [created, fr, res, team, assignee]] of plan.entries()) {
        await app.t.db.query(
          `UPDATE tickets SET created_at = $2::timestamptz, first_response_due_at = $2::timestamptz + interval '15 minutes',
             first_responded_at = $2::timestamptz + $3 * interval '1 minute',
             resolved_at = $2::timestamptz + $4 * interval '1 minute', status = 'resolved', team_id = $5,
             assignee_id = $6 WHERE id = $1`,
          [tickets[i], created, fr, res, team, assignee],
        );
      }
      // The third ticket is reopened and resolved again at +240 minutes.
      await app.t.db.query(`UPDATE tickets SET status = 'open', resolved_at = NULL WHERE id = $1`, [tickets[2]]);
      await app.t.db.query(
        `UPDATE tickets SET status = 'resolved', resolved_at = '2026-06-01T02:00:00Z'::timestamptz + interval '240 minutes'
         WHERE id = $1`,
        [tickets[2]],
      );
      const solved = await admin.post('/api/tags', { name: 'Solved', kind: 'outcome' });
      const refunded = await admin.post('/api/tags', { name: 'Refunded', kind: 'outcome' });
      for (const [ticket, tag] of [
        [tickets[0], solved.body.id],
        [tickets[1], solved.body.id],
        [tickets[4], refunded.body.id],
      ] as const) {
        const res = await admin.put(`/api/tickets/${ticket}/tags`, { tagIds: [tag] });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
      }
    });

    const range = 'from=2026-06-01&to=2026-06-07';

    it('gives medians and p90s in wall-clock and business minutes, SLA hit rate, reopened and outcomes', async () => {
      const care = await get(manager, `/api/insights/care?${range}`);
      expect(care.approximate).toBe(false);
      expect(care.totals).toEqual({
        tickets: 5,
        firstResponse: { count: 5, median: 30, p90: 2356, medianBusiness: 30, p90Business: 52 },
        resolution: { count: 5, median: 240, p90: 2478, medianBusiness: 120, p90Business: 276 },
        slaHitRate: 0.2,
        slaHits: 1,
        slaMisses: 4,
        reopened: 1,
      });
      expect(care.summary).toMatchObject({ metric: 'tickets', value: 5, previous: 0 });
      const general = care.teams.find((t: { teamId: string }) => t.teamId === app.general.id);
      expect(general).toMatchObject({ tickets: 4, firstResponse: { median: 25, p90: 37 } });
      expect(care.teams.find((t: { teamId: string }) => t.teamId === billing.id)).toMatchObject({
        name: 'Billing',
        tickets: 1,
        firstResponse: { median: 3900, medianBusiness: 60 },
        resolution: { median: 3930, medianBusiness: 90 },
      });
      expect(care.agents.find((a: { userId: string }) => a.userId === agentA.id)).toMatchObject({
        name: 'Agent A',
        tickets: 3,
        firstResponse: { median: 20, p90: 28 },
        reopened: 1,
      });
      expect(care.agents.find((a: { userId: string }) => a.userId === agentB.id)).toMatchObject({ tickets: 2 });
      expect(care.outcomes).toEqual([
        expect.objectContaining({ name: 'Solved', tickets: 2 }),
        expect.objectContaining({ name: 'Refunded', tickets: 1 }),
      ]);
    });

    it('leaves the per-agent breakdown to managers and admins', async () => {
      const m = await get(marketing, `/api/insights/care?${range}`);
      expect(m.totals.tickets).toBe(5);
      expect(m.teams).toHaveLength(2);
      expect(m.agents).toBeUndefined();
      expect((await get(admin, `/api/insights/care?${range}`)).agents).toHaveLength(2);
      const csv = await marketing.get(`/api/insights/export.csv?panel=care&${range}`);
      expect(csv.body as string).not.toContain('agent,');
    });

    it('exports the tickets behind care', async () => {
      const raw = await manager.get(`/api/insights/export.csv?panel=care&rows=raw&${range}`);
      expect(raw.status).toBe(200);
      const lines = (raw.body as string).trim().split('\r\n');
      expect(lines[0]).toMatch(/^ticketId,number,createdAt,/);
      expect(lines).toHaveLength(6);
    });

    /** The care rollups (folded or not) agree key by key with the ticket facts they summarise. */
    async function expectRollupsMatchFacts() {
      const nil = `'00000000-0000-0000-0000-000000000000'::uuid`;
      const [diff] = await app.t.db.query<{ care: number; outcomes: number; rows: number }>(
        `WITH tz AS (SELECT timezone AS tz FROM workspace_settings WHERE id = 1),
         facts AS (
           SELECT (f.created_at AT TIME ZONE tz.tz)::date AS day, f.team_id, coalesce(f.assignee_id, ${nil}) AS a,
             coalesce(f.brand_id, ${nil}) AS b, f.source_kind, count(*)::int AS n, count(f.first_response_min)::int AS fr,
             count(f.resolution_min)::int AS res, (count(*) FILTER (WHERE f.sla_hit))::int AS hits,
             (count(*) FILTER (WHERE NOT f.sla_hit))::int AS misses, sum(f.reopened)::int AS reopened
           FROM insights_ticket_facts f CROSS JOIN tz GROUP BY 1, 2, 3, 4, 5),
         rolled AS (
           SELECT day, team_id, assignee_id, brand_id, source_kind, sum(tickets)::int, sum(fr_count)::int,
             sum(res_count)::int, sum(hits)::int, sum(misses)::int, sum(reopened)::int
           FROM (SELECT * FROM insights_care_daily UNION ALL SELECT * FROM insights_care_delta) r
           GROUP BY 1, 2, 3, 4, 5 HAVING sum(tickets) <> 0),
         fact_outcomes AS (
           SELECT (f.created_at AT TIME ZONE tz.tz)::date AS day, o.tag_id, coalesce(f.brand_id, ${nil}) AS b,
             f.source_kind, count(*)::int AS n
           FROM insights_ticket_facts f CROSS JOIN tz CROSS JOIN LATERAL unnest(f.outcome_tag_ids) AS o(tag_id)
           GROUP BY 1, 2, 3, 4),
         rolled_outcomes AS (
           SELECT day, tag_id, brand_id, source_kind, sum(tickets)::int
           FROM (SELECT * FROM insights_outcome_daily UNION ALL SELECT * FROM insights_outcome_delta) r
           GROUP BY 1, 2, 3, 4 HAVING sum(tickets) <> 0)
         SELECT (SELECT count(*) FROM ((SELECT * FROM facts EXCEPT SELECT * FROM rolled)
                   UNION ALL (SELECT * FROM rolled EXCEPT SELECT * FROM facts)) x)::int AS care,
           (SELECT count(*) FROM ((SELECT * FROM fact_outcomes EXCEPT SELECT * FROM rolled_outcomes)
              UNION ALL (SELECT * FROM rolled_outcomes EXCEPT SELECT * FROM fact_outcomes)) x)::int AS outcomes,
           (SELECT count(*) FROM facts)::int AS rows`,
      );
      expect(diff).toMatchObject({ care: 0, outcomes: 0 });
      expect(diff!.rows).toBeGreaterThan(0);
      // The outcome ids on the facts are the tickets' outcome tags.
      const [stale] = await app.t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM insights_ticket_facts f
         WHERE f.outcome_tag_ids IS DISTINCT FROM coalesce((SELECT array_agg(tt.tag_id ORDER BY tt.tag_id)
           FROM ticket_tags tt JOIN tags g ON g.id = tt.tag_id WHERE tt.ticket_id = f.ticket_id AND g.kind = 'outcome'), '{}')`,
      );
      expect(stale!.n).toBe(0);
    }

    const outcomeCounts = async (query: string) =>
      Object.fromEntries(
        ((await get(manager, `/api/insights/care?${query}`)).outcomes as { name: string; tickets: number }[]).map(
          (o) => [o.name, o.tickets],
        ),
      );

    it('counts ranges that do not start or end at local midnight exactly, edges from the facts', async () => {
      // Jakarta: the four Monday tickets at 09:00 local (02:00Z), the fifth on Friday at 16:30 local (09:30Z).
      const edges = await get(manager, '/api/insights/care?from=2026-05-31T20:00:00Z&to=2026-06-05T09:45:00Z');
      expect(edges.totals).toMatchObject({ tickets: 5, reopened: 1, slaHits: 1, slaMisses: 4 });
      expect(edges.outcomes).toEqual([
        expect.objectContaining({ name: 'Solved', tickets: 2 }),
        expect.objectContaining({ name: 'Refunded', tickets: 1 }),
      ]);
      const before = await get(manager, '/api/insights/care?from=2026-05-31T20:00:00Z&to=2026-06-05T09:00:00Z');
      expect(before.totals.tickets).toBe(4);
      expect(before.outcomes).toEqual([expect.objectContaining({ name: 'Solved', tickets: 2 })]);
      // Inside one local day, and the previous period of an instant range.
      const hour = await get(manager, '/api/insights/care?from=2026-06-01T01:30:00Z&to=2026-06-01T02:30:00Z');
      expect(hour.totals.tickets).toBe(4);
      expect(hour.summary).toMatchObject({ value: 4, previous: 0 });
      const after = await get(manager, '/api/insights/care?from=2026-06-01T02:30:00Z&to=2026-06-05T10:30:00Z');
      expect(after.summary).toMatchObject({ value: 1, previous: 4 });
      expect(after.agents).toEqual([expect.objectContaining({ userId: agentB.id, tickets: 1 })]);
      await expectRollupsMatchFacts();
    });

    it('follows outcome tags put on, taken off, deleted or changing kind, and reassignments', async () => {
      const solvedAndRefunded = { Solved: 2, Refunded: 1 };
      expect(await outcomeCounts(range)).toEqual(solvedAndRefunded);
      const escalated = await admin.post('/api/tags', { name: 'Escalated', kind: 'outcome' });
      expect(escalated.status).toBe(201);
      const put = await admin.put(`/api/tickets/${tickets[3]}/tags`, { tagIds: [escalated.body.id] });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
      expect(await outcomeCounts(range)).toEqual({ ...solvedAndRefunded, Escalated: 1 });
      // Not an outcome any more, then one again.
      expect((await admin.patch(`/api/tags/${escalated.body.id}`, { kind: 'topic' })).status).toBe(200);
      expect(await outcomeCounts(range)).toEqual(solvedAndRefunded);
      expect((await admin.patch(`/api/tags/${escalated.body.id}`, { kind: 'outcome' })).status).toBe(200);
      expect(await outcomeCounts(range)).toEqual({ ...solvedAndRefunded, Escalated: 1 });
      await app.t.db.query('SELECT insights_care_fold()');
      await expectRollupsMatchFacts();
      expect((await admin.delete(`/api/tags/${escalated.body.id}`)).status).toBe(204);
      expect(await outcomeCounts(range)).toEqual(solvedAndRefunded);
      // Taken off, and put back.
      const refunded = (await get(manager, `/api/insights/care?${range}`)).outcomes.find(
        (o: { name: string }) => o.name === 'Refunded',
      );
      expect((await admin.put(`/api/tickets/${tickets[4]}/tags`, { tagIds: [] })).status).toBe(200);
      expect(await outcomeCounts(range)).toEqual({ Solved: 2 });
      expect((await admin.put(`/api/tickets/${tickets[4]}/tags`, { tagIds: [refunded.tagId] })).status).toBe(200);
      expect(await outcomeCounts(range)).toEqual(solvedAndRefunded);
      // A reassignment moves the ticket between agents and leaves no empty row behind.
      await app.t.db.query('UPDATE tickets SET assignee_id = $2 WHERE id = $1', [tickets[3], agentA.id]);
      await app.t.db.query('SELECT insights_care_fold()');
      let care = await get(manager, `/api/insights/care?${range}`);
      expect(care.agents).toEqual([
        expect.objectContaining({ userId: agentA.id, tickets: 4 }),
        expect.objectContaining({ userId: agentB.id, tickets: 1 }),
      ]);
      await app.t.db.query('UPDATE tickets SET assignee_id = $2 WHERE id = $1', [tickets[4], agentA.id]);
      care = await get(manager, `/api/insights/care?${range}`);
      expect(care.agents).toEqual([expect.objectContaining({ userId: agentA.id, tickets: 5 })]);
      for (const [ticket, agentId] of [
        [tickets[3], agentB.id],
        [tickets[4], agentB.id],
      ] as const)
        await app.t.db.query('UPDATE tickets SET assignee_id = $2 WHERE id = $1', [ticket, agentId]);
      expect((await get(manager, `/api/insights/care?${range}`)).agents).toEqual([
        expect.objectContaining({ userId: agentA.id, tickets: 3 }),
        expect.objectContaining({ userId: agentB.id, tickets: 2 }),
      ]);
      await expectRollupsMatchFacts();
    });

    it('estimates percentiles from a random sample above 20,000 tickets, counts staying exact', async () => {
      const [t] = await app.t.db.query<{ source_id: string; author_id: string }>(
        'SELECT source_id, author_id FROM tickets WHERE id = $1',
        [tickets[0]],
      );
      // 24,000 tickets over 2026-09-01..20 (Jakarta): first response 1–600 min, resolution 60–3059 min.
      await app.t.db.query(
        `INSERT INTO tickets (status, priority, team_id, assignee_id, source_id, author_id, subject, sentiment_label,
           sentiment_score, first_response_due_at, first_responded_at, resolved_at, last_activity_at, mention_count,
           created_at, updated_at)
         SELECT 'resolved', 'normal', $1, CASE WHEN g % 2 = 0 THEN $2::uuid END, $3, $4, 'Bulk ' || g, 'negative', -0.5,
           x.c + interval '4 hours', x.c + (1 + g::bigint * 7919 % 600) * interval '1 minute',
           x.c + (60 + g::bigint * 104729 % 3000) * interval '1 minute', x.c, 1, x.c, x.c
         FROM generate_series(1, 24000) g
         CROSS JOIN LATERAL (SELECT '2026-08-31T17:00:00Z'::timestamptz + (g % 20) * interval '1 day'
           + (g % 1000) * interval '1 minute' AS c) x`,
        [billing.id, agentB.id, t!.source_id, t!.author_id],
      );
      const bulk = 'from=2026-09-01&to=2026-09-20';
      const care = await get(manager, `/api/insights/care?${bulk}`);
      expect(care.approximate).toBe(true);
      const [exact] = await app.t.db.query<{ fr: number[]; res: number[]; hits: number }>(
        `SELECT percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY first_response_min) AS fr,
           percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY resolution_min) AS res,
           count(*) FILTER (WHERE sla_hit)::int AS hits
         FROM insights_ticket_facts WHERE created_at >= '2026-08-31T17:00:00Z' AND created_at < '2026-09-20T17:00:00Z'`,
      );
      expect(care.totals).toMatchObject({ tickets: 24_000, slaHits: exact!.hits, reopened: 0 });
      expect(care.totals.firstResponse.count).toBe(24_000);
      const near = (got: number, want: number) => expect(Math.abs(got - want) / want).toBeLessThan(0.03);
      near(care.totals.firstResponse.median, exact!.fr[0]!);
      near(care.totals.firstResponse.p90, exact!.fr[1]!);
      near(care.totals.resolution.median, exact!.res[0]!);
      near(care.totals.resolution.p90, exact!.res[1]!);
      expect(care.agents.find((a: { userId: string }) => a.userId === agentB.id)).toMatchObject({ tickets: 12_000 });
      expect(care.teams).toEqual([expect.objectContaining({ teamId: billing.id, tickets: 24_000 })]);
      // A range of at most 20,000 tickets is exact.
      const small = await get(manager, '/api/insights/care?from=2026-09-01&to=2026-09-10');
      expect(small.approximate).toBe(false);
      expect(small.totals.tickets).toBe(12_000);
      // Exact means PostgreSQL's own percentile_cont over every ticket, per total and per agent.
      const exactOf = async (assignee: string | null) => {
        const [row] = await app.t.db.query<Record<'fr' | 'frb' | 'res' | 'resb', number[]>>(
          `SELECT percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY first_response_min) AS fr,
             percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY first_response_bmin) AS frb,
             percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY resolution_min) AS res,
             percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY resolution_bmin) AS resb
           FROM insights_ticket_facts WHERE created_at >= '2026-08-31T17:00:00Z' AND created_at < '2026-09-10T17:00:00Z'
             AND ($1::uuid IS NULL OR assignee_id = $1)`,
          [assignee],
        );
        const r = (v: number) => Math.round(v * 100) / 100;
        return {
          firstResponse: {
            median: r(row!.fr[0]!),
            p90: r(row!.fr[1]!),
            medianBusiness: r(row!.frb[0]!),
            p90Business: r(row!.frb[1]!),
          },
          resolution: {
            median: r(row!.res[0]!),
            p90: r(row!.res[1]!),
            medianBusiness: r(row!.resb[0]!),
            p90Business: r(row!.resb[1]!),
          },
        };
      };
      expect(small.totals).toMatchObject(await exactOf(null));
      expect(small.agents.find((a: { userId: string }) => a.userId === agentB.id)).toMatchObject(
        await exactOf(agentB.id),
      );
    });

    it('regroups the care days when the workspace time zone changes', async () => {
      await expectRollupsMatchFacts();
      // 2026-09-01 00:30 in Jakarta is still 2026-08-31 in New York.
      const jakarta = (await get(manager, '/api/insights/care?from=2026-09-01&to=2026-09-20')).totals.tickets;
      await setTimezone('America/New_York');
      try {
        await expectRollupsMatchFacts();
        const [want] = await app.t.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM insights_ticket_facts
           WHERE created_at >= '2026-09-01T04:00:00Z' AND created_at < '2026-09-21T04:00:00Z'`,
        );
        const ny = await get(manager, '/api/insights/care?from=2026-09-01&to=2026-09-20');
        expect(ny.totals.tickets).toBe(want!.n);
        expect(ny.totals.tickets).not.toBe(jakarta);
      } finally {
        await setTimezone('Asia/Jakarta');
      }
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from './support/client.js';
import { createUser } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { deliver, item, webhookSource } from './support/webhook.js';

/** Brands, campaigns and source config through the API, by role (SPEC §1, §3). */
describe('brands and campaigns', () => {
  let t: TestApp;
  let admin: Client;
  let manager: Client;
  let agent: Client;
  let marketing: Client;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.admin();
    manager = (await createUser(admin, 'manager')).client;
    agent = (await createUser(admin, 'agent')).client;
    marketing = (await createUser(admin, 'marketing')).client;
  });
  afterAll(() => t.close());

  it('admins manage brands; everyone reads them; others are refused', async () => {
    const created = await admin.post('/api/brands', {
      name: 'Kopi Senja',
      kind: 'own',
      keywords: ['kopi senja', 'Kopi Senja'],
      handles: ['@kopisenja'],
      hashtags: ['#kopisenja'],
      excludedKeywords: ['senja hari'],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ keywords: ['kopi senja'], handles: ['kopisenja'], hashtags: ['kopisenja'] });
    for (const c of [manager, agent, marketing]) {
      expect((await c.post('/api/brands', { name: 'Nope' })).status).toBe(403);
      expect((await c.get('/api/brands')).body.items.map((b: any) => b.name)).toContain('Kopi Senja');
    }
    const dup = await admin.post('/api/brands', { name: 'Kopi Senja' });
    expect(dup.status).toBe(409);
    expect(dup.body.details.fields[0].path).toBe('name');
    const bad = await admin.post('/api/brands', { name: '', kind: 'friend', keywords: [''] });
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields.map((f: any) => f.path)).toEqual(
      expect.arrayContaining(['name', 'kind', 'keywords.0']),
    );
    const patched = await admin.patch(`/api/brands/${created.body.id}`, { kind: 'competitor' });
    expect(patched.body.kind).toBe('competitor');
    await admin.patch(`/api/brands/${created.body.id}`, { kind: 'own' });
    const comp = await admin.post('/api/brands', { name: 'Brew & Co', kind: 'competitor', keywords: ['brew & co'] });
    const list = await admin.get('/api/brands?limit=1');
    expect(list.body.items[0].name).toBe('Kopi Senja');
    const next = await admin.get(`/api/brands?limit=1&cursor=${list.body.nextCursor}`);
    expect(next.body.items[0].id).toBe(comp.body.id);
    expect((await admin.request('DELETE', `/api/brands/${comp.body.id}`)).status).toBe(204);
    expect((await admin.get(`/api/brands/${comp.body.id}`)).status).toBe(404);
  });

  it('managers and admins manage campaigns; an end day is included; mentions are linked while it runs', async () => {
    const brands = await admin.get('/api/brands');
    const own = brands.body.items.find((b: any) => b.name === 'Kopi Senja');
    const today = new Date().toISOString().slice(0, 10);
    const res = await manager.post('/api/campaigns', {
      name: 'SenjaFest',
      brandId: own.id,
      hashtags: ['#SenjaFest'],
      startsAt: '2026-01-01',
      endsAt: today,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.endsAt).toBe(`${today}T23:59:59.999Z`);
    expect((await agent.post('/api/campaigns', { name: 'x', hashtags: ['x'], startsAt: today })).status).toBe(403);
    const empty = await manager.post('/api/campaigns', { name: 'Empty', startsAt: today });
    expect(empty.status).toBe(400);
    expect(empty.body.details.fields[0].path).toBe('hashtags');
    const backwards = await manager.post('/api/campaigns', {
      name: 'Backwards',
      hashtags: ['b'],
      startsAt: '2026-02-01',
      endsAt: '2026-01-01',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.details.fields[0].path).toBe('endsAt');
    const unknownBrand = await manager.post('/api/campaigns', {
      name: 'Ghost',
      brandId: '00000000-0000-4000-8000-000000000000',
      hashtags: ['g'],
      startsAt: today,
    });
    expect(unknownBrand.status).toBe(400);
    expect(unknownBrand.body.details.fields[0].path).toBe('brandId');

    const src = await webhookSource(admin);
    const posted = await deliver(admin, src.id, src.secret, {
      mentions: [
        item('camp-1', 'Loving the #SenjaFest menu at Kopi Senja!', 'fan-1'),
        item('camp-2', 'Loved #SenjaFest last year', 'fan-2', { postedAt: '2025-06-01T10:00:00Z' }),
      ],
    });
    expect(posted.body.accepted).toBe(2);
    const mentions = await admin.get(`/api/mentions?campaignId=${res.body.id}`);
    expect(mentions.body.items.map((m: any) => m.externalId)).toEqual(['camp-1']);
    expect(mentions.body.items[0].brandIds).toEqual([own.id]);
  });

  it('source config patches merge, keep credentials left out, and null clears an optional key', async () => {
    const created = await admin.post('/api/sources', {
      kind: 'reddit',
      name: 'Reddit watch',
      config: { clientId: 'cid', clientSecret: 'shh', query: 'kopi senja', subreddits: ['indonesia'] },
      enabled: false,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.secretsSet).toEqual(['clientSecret']);
    const cleared = await admin.patch(`/api/sources/${created.body.id}`, { config: { query: null } });
    expect(cleared.status, JSON.stringify(cleared.body)).toBe(200);
    expect(cleared.body.config.query).toBeUndefined();
    expect(cleared.body.config.subreddits).toEqual(['indonesia']);
    expect(cleared.body.secretsSet).toEqual(['clientSecret']);
    // Clearing what the kind needs is refused, naming the field.
    const refused = await admin.patch(`/api/sources/${created.body.id}`, { config: { subreddits: null } });
    expect(refused.status).toBe(400);
    expect(refused.body.details.fields[0].path).toBe('config.query');
    const noSecret = await admin.patch(`/api/sources/${created.body.id}`, { config: { clientSecret: null } });
    expect(noSecret.status).toBe(400);
    expect(noSecret.body.details.fields[0].path).toBe('config.clientSecret');
  });

  it('refuses every write to the wrong role, and bad input with a 4xx naming it', async () => {
    const brand = (await admin.post('/api/brands', { name: 'Refusals', kind: 'competitor', keywords: ['r'] })).body;
    const campaign = (await admin.post('/api/campaigns', { name: 'Refusals', hashtags: ['r'], startsAt: '2026-01-01' }))
      .body;
    const source = (
      await admin.post('/api/sources', { kind: 'rss', name: 'Refusals', config: { url: 'http://r.example/f' } })
    ).body;
    for (const c of [manager, agent, marketing]) {
      expect((await c.patch(`/api/brands/${brand.id}`, { kind: 'own' })).status).toBe(403);
      expect((await c.request('DELETE', `/api/brands/${brand.id}`)).status).toBe(403);
      expect((await c.patch(`/api/sources/${source.id}`, { enabled: false })).status).toBe(403);
      expect((await c.request('DELETE', `/api/sources/${source.id}`)).status).toBe(403);
      expect((await c.post(`/api/sources/${source.id}/poll`)).status).toBe(403);
      expect((await c.post(`/api/sources/${source.id}/rotate-secret`)).status).toBe(403);
    }
    for (const c of [agent, marketing]) {
      expect((await c.patch(`/api/campaigns/${campaign.id}`, { name: 'x' })).status).toBe(403);
      expect((await c.request('DELETE', `/api/campaigns/${campaign.id}`)).status).toBe(403);
    }
    const anonymous = t.client();
    expect((await anonymous.get('/api/brands')).status).toBe(401);
    expect((await anonymous.get('/api/mentions')).status).toBe(401);
    expect((await anonymous.get('/api/events?since=0')).status).toBe(401);

    const since = await agent.get('/api/events?since=-1');
    expect(since.status).toBe(400);
    expect(since.body.details.fields[0].path).toBe('since');
    const type = await marketing.get('/api/mentions?type=rant&spam=maybe');
    expect(type.status).toBe(400);
    expect(type.body.details.fields.map((f: any) => f.path).sort()).toEqual(['spam', 'type']);
    const spamBody = await marketing.patch(`/api/mentions/00000000-0000-4000-8000-000000000000`, { isSpam: 'yes' });
    expect(spamBody.status).toBe(400);
    expect(
      (await marketing.patch('/api/mentions/00000000-0000-4000-8000-000000000000', { isSpam: false })).status,
    ).toBe(404);
    const unknownField = await admin.patch(`/api/sources/${source.id}`, { colour: 'red' });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.details.fields[0].path).toBe('colour');
    const badKind = await admin.post('/api/sources', { kind: 'myspace', name: 'Old', config: {} });
    expect(badKind.status).toBe(400);
    expect(badKind.body.details.fields[0].path).toBe('kind');
    // Nothing half-written: the refused writes left the rows as they were.
    expect((await admin.get(`/api/brands/${brand.id}`)).body.kind).toBe('competitor');
    expect((await admin.get(`/api/sources/${source.id}`)).body).toMatchObject({ enabled: true, name: 'Refusals' });
    expect((await admin.get('/api/sources')).body.items.map((s: any) => s.name)).not.toContain('Old');

    // The webhook of a source that is not a webhook source, or does not exist, is not found.
    expect((await anonymous.post(`/api/sources/${source.id}/webhook`, { mentions: [] })).status).toBe(404);
    expect(
      (await anonymous.post('/api/sources/00000000-0000-4000-8000-000000000000/webhook', { mentions: [] })).status,
    ).toBe(404);
  });

  it('filters mentions by day, both ends inclusive', async () => {
    const src = await webhookSource(admin, 'Days');
    await deliver(admin, src.id, src.secret, {
      mentions: [
        item('day-1', 'First of March', 'day-a', { postedAt: '2026-03-01T23:30:00Z' }),
        item('day-2', 'Second of March', 'day-b', { postedAt: '2026-03-02T00:30:00Z' }),
      ],
    });
    const one = await admin.get(`/api/mentions?sourceId=${src.id}&from=2026-03-01&to=2026-03-01`);
    expect(one.body.items.map((m: any) => m.externalId)).toEqual(['day-1']);
    const both = await admin.get(`/api/mentions?sourceId=${src.id}&from=2026-03-01&to=2026-03-02`);
    expect(both.body.items.map((m: any) => m.externalId)).toEqual(['day-2', 'day-1']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestService, LeaseLostError } from '../src/modules/ingest/ingest.service.js';
import { SourcePoller } from '../src/modules/source/source-poller.js';
import { SourceRepository } from '../src/modules/source/source.repository.js';
import { MastodonFake, mastodonAccount } from './fakes/mastodon.fake.js';
import type { Client } from './support/client.js';
import { createUser } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Polling through the job queue against a fake Mastodon (SPEC §4): leases, back-off, crash safety. */
describe('source polling', () => {
  let t: TestApp;
  let admin: Client;
  let fake: MastodonFake;
  let second: TestApp | undefined;
  const sql = <T = any>(q: string, p: unknown[] = []) => t.db.query<T>(q, p);
  const count = async (sourceId: string) =>
    (await sql<{ n: number }>('SELECT count(*)::int AS n FROM mentions WHERE source_id = $1', [sourceId]))[0]!.n;

  async function mastodonSource(name: string, extra: Record<string, unknown> = {}) {
    const res = await admin.post('/api/sources', {
      kind: 'mastodon',
      name,
      config: { baseUrl: fake.baseUrl, accessToken: fake.accessToken, mode: 'notifications' },
      // Polled only when asked: the scheduler must not race the test.
      pollIntervalSec: 86_400,
      ...extra,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    await sql(`UPDATE sources SET next_poll_at = now() + interval '1 day' WHERE id = $1`, [res.body.id]);
    return res.body as { id: string };
  }

  beforeAll(async () => {
    fake = new MastodonFake();
    await fake.start();
    t = await startTestApp();
    admin = await t.admin();
  });
  afterAll(async () => {
    await second?.close();
    await t.close();
    await fake.close();
  });

  it('never returns credentials, and stores them encrypted', async () => {
    const s = await mastodonSource('Secret check');
    const got = await admin.get(`/api/sources/${s.id}`);
    expect(got.body.secretsSet).toEqual(['accessToken']);
    expect(JSON.stringify(got.body)).not.toContain(fake.accessToken);
    const list = await admin.get('/api/sources');
    expect(JSON.stringify(list.body)).not.toContain(fake.accessToken);
    const [row] = await sql<{ config: unknown; secrets: string }>('SELECT config, secrets FROM sources WHERE id = $1', [
      s.id,
    ]);
    expect(JSON.stringify(row)).not.toContain(fake.accessToken);
    expect(row!.secrets).toMatch(/^v1\./);
  });

  it('POST /poll runs a poll within seconds; a second poll stores nothing twice', async () => {
    const alice = mastodonAccount('alice', { domain: 'social.example', followers_count: 1234 });
    fake.addMention({
      content: '<p>Hi <span class="h-card"><a class="u-url mention">@dengar</a></span> where is my order?</p>',
      account: alice,
    });
    const second = fake.addMention({
      content: '<p>The app keeps crashing <script>alert(1)</script></p>',
      account: alice,
    });
    const s = await mastodonSource('Poll now');
    const res = await admin.post(`/api/sources/${s.id}/poll`);
    expect(res.status).toBe(202);
    await expect.poll(() => count(s.id), { timeout: 10_000 }).toBe(2);
    const list = await admin.get(`/api/mentions?sourceId=${s.id}`);
    const m = list.body.items.find((x: any) => x.externalId === second.status?.id);
    expect(m.author.handle).toBe('alice@social.example');
    expect(m.author.followers).toBe(1234);
    expect(m.text).not.toContain('<');
    expect(m.html ?? '').not.toContain('script');
    await expect
      .poll(async () => (await admin.get(`/api/sources/${s.id}`)).body.lastPolledAt, { timeout: 5000 })
      .toBeTruthy();
    // The checkpoint is the newest notification id read (Mastodon's min_id), stored with the page.
    expect((await admin.get(`/api/sources/${s.id}`)).body.cursor).toMatchObject({ minId: second.id });

    // Polling again reads forward from the cursor: nothing new, nothing twice.
    const poller = t.app.get(SourcePoller);
    const again = await poller.poll(s.id);
    expect(again).toMatchObject({ status: 'ok', accepted: 0 });
    expect(await count(s.id)).toBe(2);

    // The same page delivered twice (cursor rewound): duplicates, not new rows.
    await sql('UPDATE sources SET cursor = NULL WHERE id = $1', [s.id]);
    const replay = await poller.poll(s.id);
    expect(replay).toMatchObject({ status: 'ok', accepted: 0, duplicates: 2 });
    expect(await count(s.id)).toBe(2);
    const health = await admin.get(`/api/sources/${s.id}`);
    expect(health.body.health).toMatchObject({ ingested24h: 2, duplicates24h: 2 });
  });

  it('a poll killed between fetch and commit stores nothing and loses nothing', async () => {
    const s = await mastodonSource('Crash');
    for (let i = 0; i < 3; i++) fake.addMention({ content: `<p>crash test ${i}</p>` });
    // The page's commit dies: PostgreSQL kills the poller's connection while it writes the cursor.
    await sql(`CREATE OR REPLACE FUNCTION crash_poll() RETURNS trigger AS $$
      BEGIN IF NEW.cursor IS DISTINCT FROM OLD.cursor AND NEW.id = '${s.id}' THEN
        PERFORM pg_terminate_backend(pg_backend_pid()); END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await sql(`CREATE TRIGGER crash_poll BEFORE UPDATE ON sources FOR EACH ROW EXECUTE FUNCTION crash_poll()`);
    const poller = t.app.get(SourcePoller);
    try {
      const outcome = await poller.poll(s.id);
      expect(outcome?.status).not.toBe('ok');
    } catch {
      // the connection died under it: also fine
    } finally {
      await sql('DROP TRIGGER crash_poll ON sources');
    }
    expect(await count(s.id)).toBe(0);
    const [row] = await sql<{ cursor: unknown }>('SELECT cursor FROM sources WHERE id = $1', [s.id]);
    expect(row!.cursor).toBeNull();
    // The lease of the dead poll lapses; the next poll gets every item exactly once.
    await sql("UPDATE sources SET lease_until = now() - interval '1 second' WHERE id = $1", [s.id]);
    await expect.poll(async () => (await poller.poll(s.id))?.status, { timeout: 10_000 }).toBe('ok');
    const total = fake.notifications.length;
    expect(await count(s.id)).toBe(total);
  });

  it('429 backs off until the platform reset time; 401 sets error with a clear message; others carry on', async () => {
    const limited = await mastodonSource('Limited');
    const healthy = await mastodonSource('Healthy');
    const reset = new Date(Date.now() + 10 * 60_000);
    fake.rateLimitNext(1, reset);
    const poller = t.app.get(SourcePoller);
    const outcome = await poller.poll(limited.id);
    expect(outcome?.status).toBe('backoff');
    const s1 = (await admin.get(`/api/sources/${limited.id}`)).body;
    expect(s1.status).toBe('backoff');
    const next = Date.parse(s1.nextPollAt);
    expect(next).toBeGreaterThanOrEqual(reset.getTime());
    expect(next).toBeLessThan(reset.getTime() + 10_000);
    expect(s1.lastError).toMatch(/rate limit/i);
    // A failing source does not hold up another.
    expect((await poller.poll(healthy.id))?.status).toBe('ok');

    const bad = await mastodonSource('Bad token', {
      config: { baseUrl: fake.baseUrl, accessToken: 'wrong', mode: 'notifications' },
    });
    expect((await poller.poll(bad.id))?.status).toBe('error');
    const s2 = (await admin.get(`/api/sources/${bad.id}`)).body;
    expect(s2.status).toBe('error');
    expect(s2.lastError).toMatch(/credentials|token/i);
    // Fixing the credentials clears the error and schedules a poll.
    const fixed = await admin.patch(`/api/sources/${bad.id}`, { config: { accessToken: fake.accessToken } });
    expect(fixed.body).toMatchObject({ status: 'ok', lastError: null });
  });

  it('a source is polled by one worker at a time', async () => {
    const s = await mastodonSource('Exclusive');
    for (let i = 0; i < 5; i++) fake.addMention({ content: `<p>exclusive ${i}</p>` });
    const poller = t.app.get(SourcePoller);
    const results = await Promise.all([poller.poll(s.id), poller.poll(s.id), poller.poll(s.id)]);
    expect(results.filter((r) => r === null).length).toBeGreaterThanOrEqual(1);
    expect(await count(s.id)).toBe(fake.notifications.length);
  });

  it('two API instances never poll one source at once, and a stalled poll cannot commit after losing its lease', async () => {
    const s = await mastodonSource('Two instances');
    for (let i = 0; i < 4; i++) fake.addMention({ content: `<p>two instances ${i}</p>` });
    // Closed with the file: in one process, closing one Nest app's TypeORM data source upsets the other's.
    second = await startTestApp({}, { db: t.db });
    const results = await Promise.all([
      t.app.get(SourcePoller).poll(s.id),
      second.app.get(SourcePoller).poll(s.id),
      t.app.get(SourcePoller).poll(s.id),
      second.app.get(SourcePoller).poll(s.id),
    ]);
    expect(results.filter((r) => r !== null).length).toBeGreaterThanOrEqual(1);
    expect(await count(s.id)).toBe(fake.notifications.length);
    // A poll whose lease was taken over (it stalled past its lease) has its page refused at commit.
    const stalled = await mastodonSource('Stalled');
    fake.addMention({ content: '<p>after the stall</p>' });
    const [row] = await sql<{ id: string }>('SELECT id FROM sources WHERE id = $1', [stalled.id]);
    await sql(
      `UPDATE sources SET lease_token = gen_random_uuid(), lease_until = now() + interval '2 minutes' WHERE id = $1`,
      [row!.id],
    );
    expect(await t.app.get(SourcePoller).poll(stalled.id)).toBeNull();
    const ingest = t.app.get(IngestService);
    const entity = await t.app.get(SourceRepository).findById(stalled.id);
    await expect(
      ingest.ingestPage(
        entity!,
        { mentions: [], skipped: [], cursor: { minId: '1' } },
        '00000000-0000-4000-8000-000000000000',
      ),
    ).rejects.toBeInstanceOf(LeaseLostError);
    // Once the stalled lease lapses, the next poll takes over and stores everything once.
    await sql(`UPDATE sources SET lease_until = now() - interval '1 second' WHERE id = $1`, [stalled.id]);
    expect((await t.app.get(SourcePoller).poll(stalled.id))?.status).toBe('ok');
    expect(await count(stalled.id)).toBe(fake.notifications.length);
  });

  it('only admins manage sources; everyone reads them without credentials', async () => {
    const manager = await createUser(admin, 'manager');
    const agent = await createUser(admin, 'agent');
    const denied = await manager.client.post('/api/sources', {
      kind: 'rss',
      name: 'x',
      config: { url: 'http://a.example/f' },
    });
    expect(denied.status).toBe(403);
    const read = await agent.client.get('/api/sources');
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).not.toContain(fake.accessToken);
    const bad = await admin.post('/api/sources', { kind: 'mastodon', name: 'no token', config: { baseUrl: 'nope' } });
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields.map((f: any) => f.path)).toEqual(
      expect.arrayContaining(['config.baseUrl', 'config.accessToken']),
    );
    const search = await admin.post('/api/sources', {
      kind: 'mastodon',
      name: 'search without query',
      config: { baseUrl: fake.baseUrl, accessToken: 'x', mode: 'search' },
    });
    expect(search.status).toBe(400);
    expect(search.body.details.fields[0].path).toBe('config.query');
  });

  it('a webhook source shows its secret once, can rotate it, and cannot be polled', async () => {
    const res = await admin.post('/api/sources', { kind: 'webhook', name: 'Hook' });
    expect(res.status).toBe(201);
    expect(res.body.webhookSecret).toMatch(/^whsec_/);
    expect(res.body.webhookUrl).toBe(`/api/sources/${res.body.id}/webhook`);
    const again = await admin.get(`/api/sources/${res.body.id}`);
    expect(again.body.webhookSecret).toBeUndefined();
    const rotated = await admin.post(`/api/sources/${res.body.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.webhookSecret).not.toBe(res.body.webhookSecret);
    const poll = await admin.post(`/api/sources/${res.body.id}/poll`);
    expect(poll.status).toBe(422);
  });

  it('disabling sets status disabled and stops polls', async () => {
    const s = await mastodonSource('Toggle');
    const off = await admin.patch(`/api/sources/${s.id}`, { enabled: false });
    expect(off.body).toMatchObject({ enabled: false, status: 'disabled', nextPollAt: null });
    expect(await t.app.get(SourcePoller).poll(s.id)).toBeNull();
    const on = await admin.patch(`/api/sources/${s.id}`, { enabled: true });
    expect(on.body).toMatchObject({ enabled: true, status: 'ok' });
  });
});

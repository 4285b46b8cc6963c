import type { BusinessHours } from '@dengar/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { slaDueAt } from '../src/modules/ticket/sla-clock.js';
import type { Client } from './support/client.js';
import { createTeam, createUser, defaultTeam } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { deliver, item, webhookSource } from './support/webhook.js';

const MISSING = '00000000-0000-4000-8000-00000000dead';

/** Routing rules (SPEC §5, §9 `/api/routing-rules`): the API, dry runs, and what ingestion does with them. */
describe('routing rules', () => {
  let t: TestApp;
  let admin: Client;
  let manager: Client;
  let agent: Client;
  let marketing: Client;
  let src: { id: string; secret: string };
  let billing: { id: string };
  let general: { id: string };
  let n = 0;
  const sql = <T = any>(q: string, p: unknown[] = []) => t.db.query<T>(q, p);

  const rule = async (body: Record<string, unknown>, as: Client = manager) => {
    const res = await as.post('/api/routing-rules', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; name: string; position: number };
  };
  const clearRules = async () => {
    const list = await admin.get('/api/routing-rules');
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    for (const r of list.body.items) expect((await admin.delete(`/api/routing-rules/${r.id}`)).status).toBe(204);
  };
  /** Delivers one mention from a new author (so it never joins another test's ticket); returns its row. */
  const send = async (text: string, extra: Record<string, unknown> = {}, source = src) => {
    n += 1;
    const externalId = `rt-${n}`;
    const res = await deliver(admin, source.id, source.secret, {
      mentions: [item(externalId, text, `author-${n}`, extra)],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const [m] = await sql<{ id: string; ticket_id: string | null; is_spam: boolean; spam_reason: string | null }>(
      'SELECT id, ticket_id, is_spam, spam_reason FROM mentions WHERE source_id = $1 AND external_id = $2',
      [source.id, externalId],
    );
    return { ...m!, externalId };
  };
  const ticket = async (id: string) =>
    (
      await sql<{ team_id: string; priority: string; created_at: Date; first_response_due_at: Date }>(
        'SELECT team_id, priority, created_at, first_response_due_at FROM tickets WHERE id = $1',
        [id],
      )
    )[0]!;
  const ticketEvents = (id: string, type: string) =>
    sql<{ data: Record<string, unknown> }>('SELECT data FROM ticket_events WHERE ticket_id = $1 AND type = $2', [
      id,
      type,
    ]);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.admin();
    manager = (await createUser(admin, 'manager')).client;
    agent = (await createUser(admin, 'agent')).client;
    marketing = (await createUser(admin, 'marketing')).client;
    src = await webhookSource(admin);
    billing = await createTeam(manager, 'Billing');
    general = await defaultTeam(admin);
  });
  // A second instance lives until the end: closing one of two apps in a process unsettles the other's data source.
  let other: TestApp | undefined;
  afterAll(async () => {
    await other?.close();
    await t.close();
  });

  describe('the API', () => {
    beforeEach(clearRules);

    it('creates at a position (default last), lists in order, reads, updates and deletes closing the gap', async () => {
      const a = await rule({ name: 'A', conditions: {}, actions: { priority: 'high' } });
      const b = await rule({ name: 'B', conditions: { languages: ['id'] }, actions: { skip: true } });
      expect([a.position, b.position]).toEqual([0, 1]);
      const c = await rule({ name: 'C', position: 0, conditions: {}, actions: { teamId: billing.id } }, admin);
      expect(c.position).toBe(0);
      const d = await rule({ name: 'D', position: 99, conditions: {}, actions: { markSpam: true } });
      expect(d.position).toBe(3);

      const list = await manager.get('/api/routing-rules');
      expect(list.status).toBe(200);
      expect(list.body.nextCursor).toBeNull();
      expect(list.body.items.map((r: any) => [r.name, r.position])).toEqual([
        ['C', 0],
        ['A', 1],
        ['B', 2],
        ['D', 3],
      ]);
      expect(list.body.items[2]).toMatchObject({
        enabled: true,
        conditions: { languages: ['id'] },
        actions: { skip: true },
      });

      const one = await manager.get(`/api/routing-rules/${a.id}`);
      expect(one.body).toMatchObject({ id: a.id, name: 'A', position: 1 });

      const upd = await manager.patch(`/api/routing-rules/${a.id}`, {
        name: 'A2',
        enabled: false,
        conditions: { types: ['complaint'] },
      });
      expect(upd.status, JSON.stringify(upd.body)).toBe(200);
      expect(upd.body).toMatchObject({
        name: 'A2',
        enabled: false,
        position: 1,
        conditions: { types: ['complaint'] },
        actions: { priority: 'high' },
      });

      expect((await manager.delete(`/api/routing-rules/${c.id}`)).status).toBe(204);
      expect((await manager.delete(`/api/routing-rules/${c.id}`)).status).toBe(404);
      expect((await manager.get(`/api/routing-rules/${c.id}`)).status).toBe(404);
      const after = await manager.get('/api/routing-rules');
      expect(after.body.items.map((r: any) => [r.name, r.position])).toEqual([
        ['A2', 0],
        ['B', 1],
        ['D', 2],
      ]);
    });

    it('reorders when every rule is listed exactly once, else answers 400 naming the problem', async () => {
      const a = await rule({ name: 'A', conditions: {}, actions: { priority: 'low' } });
      const b = await rule({ name: 'B', conditions: {}, actions: { priority: 'low' } });
      const c = await rule({ name: 'C', conditions: {}, actions: { priority: 'low' } });

      const ok = await manager.put('/api/routing-rules/order', { ids: [c.id, a.id, b.id] });
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      expect(ok.body.items.map((r: any) => [r.name, r.position])).toEqual([
        ['C', 0],
        ['A', 1],
        ['B', 2],
      ]);

      const missing = await manager.put('/api/routing-rules/order', { ids: [c.id, a.id] });
      expect(missing.status).toBe(400);
      expect(missing.body.details.fields).toEqual([{ path: 'ids', message: expect.stringContaining(b.id) }]);

      const twice = await manager.put('/api/routing-rules/order', { ids: [c.id, c.id, a.id, b.id] });
      expect(twice.status).toBe(400);
      expect(twice.body.details.fields[0]).toMatchObject({ path: 'ids.1', message: expect.stringMatching(/second/) });

      const unknown = await manager.put('/api/routing-rules/order', { ids: [c.id, a.id, b.id, MISSING] });
      expect(unknown.status).toBe(400);
      expect(unknown.body.details.fields[0]).toMatchObject({
        path: 'ids.3',
        message: expect.stringContaining(MISSING),
      });

      const bad = await manager.put('/api/routing-rules/order', { ids: [] });
      expect(bad.status).toBe(400);
      expect(bad.body.details.fields[0].path).toBe('ids');

      // Nothing changed by the refused requests.
      const list = await manager.get('/api/routing-rules');
      expect(list.body.items.map((r: any) => r.name)).toEqual(['C', 'A', 'B']);
    });

    it('refuses agents and marketing (403) on every route, reads included, and anonymous callers (401)', async () => {
      const a = await rule({ name: 'A', conditions: {}, actions: { priority: 'low' } });
      const body = { name: 'X', conditions: {}, actions: { priority: 'low' } };
      for (const c of [agent, marketing]) {
        expect((await c.get('/api/routing-rules')).status).toBe(403);
        expect((await c.get(`/api/routing-rules/${a.id}`)).status).toBe(403);
        expect((await c.post('/api/routing-rules', body)).status).toBe(403);
        expect((await c.patch(`/api/routing-rules/${a.id}`, { name: 'Y' })).status).toBe(403);
        expect((await c.put('/api/routing-rules/order', { ids: [a.id] })).status).toBe(403);
        expect((await c.post('/api/routing-rules/dry-run', { conditions: {} })).status).toBe(403);
        expect((await c.delete(`/api/routing-rules/${a.id}`)).status).toBe(403);
      }
      expect((await t.client().get('/api/routing-rules')).status).toBe(401);
      const list = await admin.get('/api/routing-rules');
      expect(list.body.items.map((r: any) => r.name)).toEqual(['A']);
    });

    it('answers 400 naming the field for bad input and for teams, tags, sources and brands that do not exist', async () => {
      const fields = async (body: unknown, path = '/api/routing-rules', method: 'post' | 'patch' = 'post') => {
        const res = method === 'post' ? await manager.post(path, body) : await manager.patch(path, body);
        expect(res.status, JSON.stringify(res.body)).toBe(400);
        return (res.body.details.fields as { path: string; message: string }[]).map((f) => f.path);
      };
      expect(await fields({ conditions: {}, actions: { priority: 'low' } })).toContain('name');
      expect(await fields({ name: 'x', conditions: {}, actions: {} })).toContain('actions');
      expect(await fields({ name: 'x', conditions: {}, actions: { priority: 'asap' } })).toContain('actions.priority');
      expect(await fields({ name: 'x', conditions: { colour: 'red' }, actions: { skip: true } })).toContain(
        'conditions.colour',
      );
      expect(await fields({ name: 'x', conditions: { minInfluence: 101 }, actions: { skip: true } })).toContain(
        'conditions.minInfluence',
      );
      expect(await fields({ name: 'x', conditions: { sourceKinds: ['fax'] }, actions: { skip: true } })).toContain(
        'conditions.sourceKinds.0',
      );
      expect(await fields({ name: 'x', position: -1, conditions: {}, actions: { skip: true } })).toContain('position');
      expect(await fields({ name: 'x', conditions: {}, actions: { teamId: MISSING } })).toEqual(['actions.teamId']);
      const tag = await sql<{ id: string }>(
        `INSERT INTO tags (name, kind) VALUES ('routing-bad-input', 'topic') RETURNING id`,
      );
      expect(await fields({ name: 'x', conditions: {}, actions: { tagIds: [tag[0]!.id, MISSING] } })).toEqual([
        'actions.tagIds.1',
      ]);
      expect(await fields({ name: 'x', conditions: { sourceIds: [MISSING] }, actions: { skip: true } })).toEqual([
        'conditions.sourceIds.0',
      ]);
      expect(await fields({ name: 'x', conditions: { brandIds: [MISSING] }, actions: { skip: true } })).toEqual([
        'conditions.brandIds.0',
      ]);
      const a = await rule({ name: 'A', conditions: {}, actions: { priority: 'low' } });
      expect(await fields({}, `/api/routing-rules/${a.id}`, 'patch')).toContain('(body)');
      expect(await fields({ actions: { teamId: MISSING } }, `/api/routing-rules/${a.id}`, 'patch')).toEqual([
        'actions.teamId',
      ]);
      expect((await manager.patch(`/api/routing-rules/${MISSING}`, { name: 'y' })).status).toBe(404);
      expect((await manager.get('/api/routing-rules/not-a-uuid')).status).toBe(400);
      // Nothing was stored by the refused requests.
      expect((await manager.get('/api/routing-rules')).body.items.map((r: any) => r.name)).toEqual(['A']);
    });
  });

  describe('dry run', () => {
    it('counts exactly which of the latest non-spam mentions draft conditions match, with the ingestion matcher', async () => {
      const dry = await webhookSource(admin, 'Dry run');
      const texts = [
        'I want a refund for my order',
        'Refund please, the box was broken',
        'Where is my parcel? It is late',
        'Kapan refundnya masuk? Kecewa banget',
        'refunding is not the word, refunds neither',
        'refund refund refund',
      ];
      const ids: string[] = [];
      for (const text of texts) ids.push((await send(text, {}, dry)).id);
      // A person judged the last one spam: dry runs leave spam out, as ingestion does.
      expect((await admin.patch(`/api/mentions/${ids[5]}`, { isSpam: true })).status).toBe(200);

      const run = (body: unknown) => manager.post('/api/routing-rules/dry-run', body);
      const [counted] = await sql<{ total: number }>('SELECT count(*)::int AS total FROM mentions WHERE NOT is_spam');
      const total = counted!.total;

      const any = await run({ conditions: { sourceIds: [dry.id], keywords: { any: ['refund'] } }, limit: 5000 });
      expect(any.status, JSON.stringify(any.body)).toBe(200);
      expect(any.body.matched).toBe(3);
      expect(any.body.of).toBe(total);
      expect(any.body.sample.map((s: any) => s.id).sort()).toEqual([ids[0], ids[1], ids[3]].sort());
      expect(any.body.sample.find((s: any) => s.id === ids[0]).text).toBe(texts[0]);

      const none = await run({ conditions: { sourceIds: [dry.id], keywords: { none: ['refund'] } } });
      expect(none.body).toMatchObject({ matched: 2, of: Math.min(total, 500) });

      const all = await run({ conditions: { sourceIds: [dry.id] }, limit: 5000 });
      expect(all.body.matched).toBe(5);

      // `limit` takes the newest mentions only: the last two delivered here are the newest of all.
      const last = await run({ conditions: { sourceIds: [dry.id] }, limit: 2 });
      expect(last.body).toMatchObject({ matched: 2, of: 2 });
      expect(last.body.sample.map((s: any) => s.id)).toEqual([ids[4], ids[3]]);

      const bad = await run({ conditions: { brandIds: [MISSING] } });
      expect(bad.status).toBe(400);
      expect(bad.body.details.fields[0].path).toBe('conditions.brandIds.0');
      expect((await run({ conditions: {}, limit: 0 })).status).toBe(400);
    });
  });

  describe('ingestion', () => {
    let tagId: string;

    beforeAll(async () => {
      const [tag] = await sql<{ id: string }>(
        `INSERT INTO tags (name, kind) VALUES ('refund-request', 'topic') RETURNING id`,
      );
      tagId = tag!.id;
    });
    beforeEach(clearRules);

    it('sends refund complaints to Billing with priority high and a tag; SLA due 60 min after creation', async () => {
      const r = await rule({
        name: 'Refunds to billing',
        conditions: { types: ['complaint'], keywords: { any: ['refund'] } },
        actions: { teamId: billing.id, priority: 'high', tagIds: [tagId] },
      });
      const m = await send('This is terrible, my order arrived broken and I want a refund now!');
      const [stored] = await sql<{ type: string }>('SELECT type FROM mentions WHERE id = $1', [m.id]);
      expect(stored!.type, 'the enrichment must read this as a complaint').toBe('complaint');
      expect(m.ticket_id).toBeTruthy();
      const tk = await ticket(m.ticket_id!);
      expect(tk.team_id).toBe(billing.id);
      expect(tk.priority).toBe('high');
      const dueIn = tk.first_response_due_at.getTime() - tk.created_at.getTime();
      expect(Math.abs(dueIn - 60 * 60_000)).toBeLessThanOrEqual(5_000);

      const tags = await sql<{ tag_id: string }>('SELECT tag_id FROM ticket_tags WHERE ticket_id = $1', [m.ticket_id]);
      expect(tags.map((x) => x.tag_id)).toEqual([tagId]);
      expect((await ticketEvents(m.ticket_id!, 'routed')).map((e) => e.data)).toEqual([
        { teamId: billing.id, ruleId: r.id },
      ]);
      expect((await ticketEvents(m.ticket_id!, 'tagged')).map((e) => e.data)).toEqual([
        { tagId, name: 'refund-request', kind: 'topic', ruleId: r.id },
      ]);
      // The live ticket.created event goes to the routed team and carries the routed ticket.
      const [created] = await sql<{ rooms: string[]; data: any }>(
        `SELECT rooms, data FROM events WHERE name = 'ticket.created' AND data->>'ticketId' = $1`,
        [m.ticket_id],
      );
      expect(created!.rooms).toContain(`team:${billing.id}`);
      expect(created!.rooms).not.toContain(`team:${general.id}`);
      expect(created!.data.ticket).toMatchObject({ teamId: billing.id, priority: 'high', tags: [{ id: tagId }] });
    });

    it('with no matching rule: the default team, priority normal, due after the normal target, ruleId null', async () => {
      await rule({ name: 'Never', conditions: { languages: ['ja'] }, actions: { teamId: billing.id } });
      const m = await send('Is the shop open on Sunday?');
      const tk = await ticket(m.ticket_id!);
      expect(tk.team_id).toBe(general.id);
      expect(tk.priority).toBe('normal');
      expect(tk.first_response_due_at.getTime() - tk.created_at.getTime()).toBe(240 * 60_000);
      expect((await ticketEvents(m.ticket_id!, 'routed')).map((e) => e.data)).toEqual([
        { teamId: general.id, ruleId: null },
      ]);
    });

    it('counts the SLA in the workspace business hours and time zone, with its targets', async () => {
      const [saved] = await sql<{ timezone: string; business_hours: unknown; sla_targets: unknown }>(
        'SELECT timezone, business_hours, sla_targets FROM workspace_settings WHERE id = 1',
      );
      // A one-hour window twelve hours from now (Jakarta time): a ticket created now waits for it.
      const hour = (new Date().getUTCHours() + 7 + 12) % 24;
      const hh = String(hour).padStart(2, '0');
      const hours: BusinessHours = { days: [1, 2, 3, 4, 5, 6, 7], start: `${hh}:00`, end: `${hh}:59` };
      const targets = { urgent: 5, high: 30, normal: 120, low: 600 };
      await sql(
        `INSERT INTO workspace_settings (id, timezone, business_hours, sla_targets) VALUES (1, $1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET timezone = $1, business_hours = $2, sla_targets = $3`,
        ['Asia/Jakarta', JSON.stringify(hours), JSON.stringify(targets)],
      );
      try {
        await rule({ name: 'Urgent', conditions: { keywords: { any: ['outage'] } }, actions: { priority: 'urgent' } });
        const m = await send('Total outage of the app here');
        const tk = await ticket(m.ticket_id!);
        expect(tk.priority).toBe('urgent');
        expect(tk.first_response_due_at.toISOString()).toBe(
          slaDueAt(tk.created_at, 5, hours, 'Asia/Jakarta').toISOString(),
        );
        expect(tk.first_response_due_at.getTime() - tk.created_at.getTime()).toBeGreaterThan(10 * 3_600_000);
      } finally {
        if (saved) {
          await sql('UPDATE workspace_settings SET timezone = $1, business_hours = $2, sla_targets = $3 WHERE id = 1', [
            saved.timezone,
            saved.business_hours === null ? null : JSON.stringify(saved.business_hours),
            JSON.stringify(saved.sla_targets),
          ]);
        } else {
          await sql('DELETE FROM workspace_settings');
        }
      }
    });

    it('markSpam stores the mention as spam with the rule named and opens no ticket; skip stores it without one', async () => {
      await rule({ name: 'Giveaways', conditions: { keywords: { any: ['giveaway'] } }, actions: { markSpam: true } });
      await rule({ name: 'Job posts', conditions: { keywords: { any: ['hiring'] } }, actions: { skip: true } });
      const before = await sql<{ n: number }>('SELECT count(*)::int AS n FROM tickets');
      const spam = await send('Join our giveaway today');
      expect(spam).toMatchObject({ is_spam: true, spam_reason: 'routing rule Giveaways', ticket_id: null });
      const skipped = await send('We are hiring a barista');
      expect(skipped).toMatchObject({ is_spam: false, ticket_id: null });
      const after = await sql<{ n: number }>('SELECT count(*)::int AS n FROM tickets');
      expect(after[0]!.n).toBe(before[0]!.n);
      const spamView = await admin.get('/api/mentions?spam=true');
      expect(spamView.body.items.map((x: any) => x.id)).toContain(spam.id);
    });

    it('a spam mention a person restores is routed by the rule it matches (team, priority; spam marking overruled)', async () => {
      const r = await rule({
        name: 'Vouchers',
        conditions: { keywords: { any: ['voucher'] } },
        actions: { markSpam: true, teamId: billing.id, priority: 'high' },
      });
      const m = await send('Free voucher for my order?');
      expect(m).toMatchObject({ is_spam: true, ticket_id: null });
      const restored = await admin.patch(`/api/mentions/${m.id}`, { isSpam: false });
      expect(restored.status, JSON.stringify(restored.body)).toBe(200);
      expect(restored.body.ticketId).toBeTruthy();
      expect(await ticket(restored.body.ticketId)).toMatchObject({ team_id: billing.id, priority: 'high' });
      expect((await ticketEvents(restored.body.ticketId, 'routed'))[0]!.data).toEqual({
        teamId: billing.id,
        ruleId: r.id,
      });
    });

    it('a competitor-only mention opens a ticket only when a matching rule gives it a team', async () => {
      const comp = await admin.post('/api/brands', { name: 'Brew & Co', kind: 'competitor', keywords: ['brew & co'] });
      expect(comp.status).toBe(201);
      const without = await send('Brew & Co lost my order again');
      expect(without.ticket_id).toBeNull();
      // A rule that matches but gives no team does not open one either.
      await rule({ name: 'Prio only', conditions: { brandKind: 'competitor' }, actions: { priority: 'high' } });
      expect((await send('Brew & Co was slow today')).ticket_id).toBeNull();
      await clearRules();
      const r = await rule({
        name: 'Competitor complaints',
        conditions: { brandKind: 'competitor' },
        actions: { teamId: billing.id },
      });
      const withRule = await send('Brew & Co is awful, which shop is better?');
      expect(withRule.ticket_id).toBeTruthy();
      expect((await ticket(withRule.ticket_id!)).team_id).toBe(billing.id);
      expect((await ticketEvents(withRule.ticket_id!, 'routed'))[0]!.data).toEqual({
        teamId: billing.id,
        ruleId: r.id,
      });
    });

    it('first match wins by position, and reordering changes the outcome', async () => {
      const toBilling = await rule({
        name: 'Invoices to billing',
        conditions: { keywords: { any: ['invoice'] } },
        actions: { teamId: billing.id },
      });
      const urgent = await rule({
        name: 'Invoices urgent',
        conditions: { keywords: { any: ['invoice'] } },
        actions: { priority: 'urgent' },
      });
      const first = await send('Where is my invoice?');
      expect(await ticket(first.ticket_id!)).toMatchObject({ team_id: billing.id, priority: 'normal' });
      expect((await ticketEvents(first.ticket_id!, 'routed'))[0]!.data).toEqual({
        teamId: billing.id,
        ruleId: toBilling.id,
      });

      const re = await manager.put('/api/routing-rules/order', { ids: [urgent.id, toBilling.id] });
      expect(re.status).toBe(200);
      const second = await send('Invoice is wrong');
      expect(await ticket(second.ticket_id!)).toMatchObject({ team_id: general.id, priority: 'urgent' });
      expect((await ticketEvents(second.ticket_id!, 'routed'))[0]!.data).toEqual({
        teamId: general.id,
        ruleId: urgent.id,
      });
    });

    it('a disabled rule is ignored, and a rule change is seen by the very next delivery', async () => {
      const r = await rule({
        name: 'Shipping',
        conditions: { keywords: { any: ['shipping'] } },
        actions: { teamId: billing.id },
      });
      expect((await ticket((await send('shipping is slow')).ticket_id!)).team_id).toBe(billing.id);
      expect((await manager.patch(`/api/routing-rules/${r.id}`, { enabled: false })).status).toBe(200);
      const off = await send('shipping is still slow');
      expect((await ticket(off.ticket_id!)).team_id).toBe(general.id);
      expect((await ticketEvents(off.ticket_id!, 'routed'))[0]!.data).toEqual({ teamId: general.id, ruleId: null });
      expect(
        (await manager.patch(`/api/routing-rules/${r.id}`, { enabled: true, actions: { priority: 'low' } })).status,
      ).toBe(200);
      expect(await ticket((await send('shipping again')).ticket_id!)).toMatchObject({
        team_id: general.id,
        priority: 'low',
      });
      expect((await manager.delete(`/api/routing-rules/${r.id}`)).status).toBe(204);
      expect(await ticket((await send('shipping, once more')).ticket_id!)).toMatchObject({ priority: 'normal' });
    });

    it('a mention that joins an existing ticket is not re-routed', async () => {
      const root = await send('My refund never came');
      expect((await ticket(root.ticket_id!)).team_id).toBe(general.id);
      await rule({ name: 'Refunds', conditions: { keywords: { any: ['refund'] } }, actions: { teamId: billing.id } });
      const reply = await send('Still no refund!', { inReplyToExternalId: root.externalId });
      expect(reply.ticket_id).toBe(root.ticket_id);
      expect((await ticket(root.ticket_id!)).team_id).toBe(general.id);
      expect(await ticketEvents(root.ticket_id!, 'routed')).toHaveLength(1);
    });

    it('a change made on one instance is seen by the next delivery on another', async () => {
      other = await startTestApp({}, { db: t.db });
      const otherAdmin = await other.admin();
      // Warm the other instance's cache with no rules.
      const warm = await deliver(otherAdmin, src.id, src.secret, { mentions: [item('mi-0', 'returns?', 'mi-0')] });
      expect(warm.status).toBe(202);
      await rule({
        name: 'Returns',
        conditions: { keywords: { any: ['returns'] } },
        actions: { teamId: billing.id },
      });
      const res = await deliver(otherAdmin, src.id, src.secret, { mentions: [item('mi-1', 'returns?', 'mi-1')] });
      expect(res.status).toBe(202);
      const [m] = await sql<{ ticket_id: string }>(
        'SELECT ticket_id FROM mentions WHERE source_id = $1 AND external_id = $2',
        [src.id, 'mi-1'],
      );
      expect((await ticket(m!.ticket_id)).team_id).toBe(billing.id);
    });
  });
});

import { DEFAULT_OUTCOME_TAGS, DEFAULT_SLA_TARGETS, type Tag, type Team, type Ticket } from '@dengar/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EventRelay } from '../src/modules/event/event-relay.js';
import { serverTimezone } from '../src/modules/settings/settings.repository.js';
import { SetupService } from '../src/modules/setup/setup.service.js';
import type { Client } from './support/client.js';
import { createTeam, createUser } from './support/factories.js';
import { TestSockets } from './support/sockets.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { deliverTicket, startTicketApp } from './support/tickets.js';
import { deliver, item, webhookSource } from './support/webhook.js';

/** Tags (SPEC §1, §3, §6), canned responses with variables, and workspace settings (SPEC §9). */
describe('tags, canned responses and settings', () => {
  let t: TestApp;
  let admin: Client;
  let general: Team;
  let src: { id: string; secret: string };
  const sockets = new TestSockets();
  const sql = <T = any>(q: string, p: unknown[] = []) => t.db.query<T>(q, p);

  /** A new ticket in `General` (each from its own author, so none thread together). */
  const newTicket = (text = 'Where is my order? It is late') => deliverTicket(t, src, text);
  /** The `ticket.updated` data a new socket of this client hears about one ticket from now on. */
  const updatesOf = async (c: Client, ticketId: string) => {
    await t.app.get(EventRelay).flush();
    const { heard } = await sockets.listen(c, ['ticket.updated']);
    return () => heard.filter((e) => e.data.ticketId === ticketId).map((e) => e.data);
  };

  const version = async (ticketId: string) =>
    (await sql<{ version: number }>('SELECT version FROM tickets WHERE id = $1', [ticketId]))[0]!.version;
  const tagEvents = (ticketId: string) =>
    sql<{ type: string; actor_id: string; data: any }>(
      `SELECT type, actor_id, data FROM ticket_events WHERE ticket_id = $1 AND type IN ('tagged', 'untagged')
       ORDER BY at, type`,
      [ticketId],
    );

  beforeAll(async () => {
    ({ t, admin, general, src } = await startTicketApp());
  });
  afterEach(() => sockets.closeAll());
  afterAll(() => t?.close());

  describe('tags', () => {
    let manager: Client;
    let agent: Client;
    beforeAll(async () => {
      manager = (await createUser(admin, 'manager')).client;
      agent = (await createUser(admin, 'agent', { teamIds: [general.id] })).client;
    });

    it('a fresh workspace has the default outcome tags, each with its own colour', async () => {
      const res = await agent.get<{ items: Tag[] }>('/api/tags?kind=outcome&limit=100');
      expect(res.status).toBe(200);
      expect(res.body.items.map((g) => g.name).sort()).toEqual([...DEFAULT_OUTCOME_TAGS].sort());
      expect(new Set(res.body.items.map((g) => g.color)).size).toBe(DEFAULT_OUTCOME_TAGS.length);
      // Seeding is idempotent: another start adds nothing.
      await t.app.get(SetupService).ensureWorkspace();
      const count = (await sql<{ count: number }>('SELECT count(*)::int AS count FROM tags'))[0]!.count;
      expect(count).toBe(DEFAULT_OUTCOME_TAGS.length);
    });

    it('managers create, rename and delete tags; a taken name answers 409 naming it', async () => {
      const created = await manager.post<Tag>('/api/tags', { name: 'shipping', kind: 'topic', color: '#0EA5E9' });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body).toMatchObject({ name: 'shipping', kind: 'topic', color: '#0ea5e9' });

      const dup = await manager.post('/api/tags', { name: 'shipping', kind: 'outcome' });
      expect(dup.status).toBe(409);
      expect(dup.body.message).toContain('"shipping"');

      const renamed = await manager.patch<Tag>(`/api/tags/${created.body.id}`, { name: 'delivery', color: '#111111' });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ id: created.body.id, name: 'delivery', color: '#111111' });
      const clash = await manager.patch(`/api/tags/${created.body.id}`, { name: 'refund' });
      expect(clash.status).toBe(409);
      expect(clash.body.message).toContain('"refund"');

      const bad = await manager.post('/api/tags', { name: 'x', kind: 'mood', color: 'red' });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/kind/);
      expect(bad.body.message).toMatch(/color/);

      expect((await agent.get(`/api/tags/${created.body.id}`)).body.name).toBe('delivery');
      expect((await manager.delete(`/api/tags/${created.body.id}`)).status).toBe(204);
      expect((await agent.get(`/api/tags/${created.body.id}`)).status).toBe(404);
      expect((await manager.delete(`/api/tags/${created.body.id}`)).status).toBe(404);
    });

    it('agents and marketers read tags but may not change them', async () => {
      const marketer = (await createUser(admin, 'marketing')).client;
      const [any] = (await agent.get<{ items: Tag[] }>('/api/tags')).body.items;
      for (const c of [agent, marketer]) {
        expect((await c.get('/api/tags')).status).toBe(200);
        expect((await c.post('/api/tags', { name: 'nope', kind: 'topic' })).status).toBe(403);
        expect((await c.patch(`/api/tags/${any!.id}`, { color: '#000000' })).status).toBe(403);
        expect((await c.delete(`/api/tags/${any!.id}`)).status).toBe(403);
      }
    });

    it('pages through every tag with the cursor, outcome tags first', async () => {
      for (const name of ['zeta', 'alpha']) {
        expect((await manager.post('/api/tags', { name, kind: 'campaign' })).status).toBe(201);
      }
      const seen: Tag[] = [];
      let cursor: string | null = null;
      do {
        const res: { body: { items: Tag[]; nextCursor: string | null } } = await agent.get(
          `/api/tags?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...res.body.items);
        cursor = res.body.nextCursor;
      } while (cursor);
      const count = (await sql<{ count: number }>('SELECT count(*)::int AS count FROM tags'))[0]!.count;
      expect(seen).toHaveLength(count);
      expect(new Set(seen.map((g) => g.id)).size).toBe(count);
      expect(seen[0]!.kind).toBe('outcome');
      expect(seen.slice(-2).map((g) => g.name)).toEqual(['alpha', 'zeta']);
      expect((await agent.get('/api/tags?cursor=garbage')).status).toBe(400);
    });
  });

  describe('PUT /api/tickets/:id/tags', () => {
    let manager: Client;
    let agent: Client;
    let outsider: Client;
    let marketer: Client;
    let tags: Record<string, Tag>;
    beforeAll(async () => {
      manager = (await createUser(admin, 'manager')).client;
      agent = (await createUser(admin, 'agent', { teamIds: [general.id] })).client;
      outsider = (await createUser(admin, 'agent', { teamIds: [(await createTeam(admin)).id] })).client;
      marketer = (await createUser(admin, 'marketing', { teamIds: [general.id] })).client;
      for (const [name, kind] of [
        ['pricing', 'topic'],
        ['promo-x', 'campaign'],
      ] as const) {
        expect((await manager.post('/api/tags', { name, kind })).status).toBe(201);
      }
      const all = (await agent.get<{ items: Tag[] }>('/api/tags?limit=100')).body.items;
      tags = Object.fromEntries(all.map((g) => [g.name, g]));
    });

    it('an agent of the ticket’s team sets its tags: events, a new version and the full ticket back', async () => {
      const id = await newTicket();
      const v0 = await version(id);
      const res = await agent.put<Ticket>(`/api/tickets/${id}/tags`, {
        tagIds: [tags.refund!.id, tags.pricing!.id, tags.refund!.id],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.id).toBe(id);
      expect(res.body.tags.map((g) => g.name).sort()).toEqual(['pricing', 'refund']);
      expect(res.body.version).toBe(v0 + 1);
      const events = await tagEvents(id);
      expect(events.map((e) => [e.type, e.data.name, e.data.kind]).sort()).toEqual([
        ['tagged', 'pricing', 'topic'],
        ['tagged', 'refund', 'outcome'],
      ]);
      expect(events[0]!.actor_id).toBe(agent.user!.id);

      // The same set again changes nothing.
      const same = await agent.put<Ticket>(`/api/tickets/${id}/tags`, {
        tagIds: [tags.pricing!.id, tags.refund!.id],
      });
      expect(same.body.version).toBe(v0 + 1);
      expect(await tagEvents(id)).toHaveLength(2);

      const swapped = await agent.put<Ticket>(`/api/tickets/${id}/tags`, { tagIds: [tags.bug!.id] });
      expect(swapped.body.tags.map((g) => g.name)).toEqual(['bug']);
      expect(swapped.body.version).toBe(v0 + 2);
      const after = (await tagEvents(id)).slice(2);
      expect(after.map((e) => `${e.type}:${e.data.name}`).sort()).toEqual([
        'tagged:bug',
        'untagged:pricing',
        'untagged:refund',
      ]);
      const cleared = await agent.put<Ticket>(`/api/tickets/${id}/tags`, { tagIds: [] });
      expect(cleared.body.tags).toEqual([]);
    });

    it('answers 404 for a ticket of another team and 400 naming unknown tags', async () => {
      const id = await newTicket();
      const hidden = await outsider.put(`/api/tickets/${id}/tags`, { tagIds: [tags.bug!.id] });
      expect(hidden.status).toBe(404);
      const missing = await agent.put(`/api/tickets/00000000-0000-4000-8000-000000000000/tags`, { tagIds: [] });
      expect(missing.status).toBe(404);
      const unknown = '7d5f3a9e-1111-4222-8333-444455556666';
      const bad = await agent.put(`/api/tickets/${id}/tags`, { tagIds: [tags.bug!.id, unknown] });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toContain(unknown);
      expect(bad.body.details.fields[0].path).toBe('tagIds');
      const malformed = await agent.put(`/api/tickets/${id}/tags`, { tagIds: ['nope'] });
      expect(malformed.status).toBe(400);
      expect(malformed.body.message).toMatch(/tagIds/);
      // Nothing was written.
      expect(await tagEvents(id)).toEqual([]);
      // Managers see every ticket.
      expect((await manager.put(`/api/tickets/${id}/tags`, { tagIds: [tags.bug!.id] })).status).toBe(200);
    });

    it('marketing tags topics and campaigns, but may not add or remove outcome tags', async () => {
      const id = await newTicket('Is the new promo bundle worth it?');
      const ok = await marketer.put<Ticket>(`/api/tickets/${id}/tags`, {
        tagIds: [tags.pricing!.id, tags['promo-x']!.id],
      });
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      expect(ok.body.tags.map((g) => g.name).sort()).toEqual(['pricing', 'promo-x']);

      const add = await marketer.put(`/api/tickets/${id}/tags`, {
        tagIds: [tags.pricing!.id, tags['promo-x']!.id, tags['sales-lead']!.id],
      });
      expect(add.status).toBe(403);
      expect(add.body.message).toContain('sales-lead');

      // An outcome tag set by an agent stays when marketing changes the topics around it…
      await agent.put(`/api/tickets/${id}/tags`, { tagIds: [tags.pricing!.id, tags['sales-lead']!.id] });
      const keep = await marketer.put<Ticket>(`/api/tickets/${id}/tags`, {
        tagIds: [tags['sales-lead']!.id, tags['promo-x']!.id],
      });
      expect(keep.status).toBe(200);
      expect(keep.body.tags.map((g) => g.name).sort()).toEqual(['promo-x', 'sales-lead']);
      // …and marketing may not remove it.
      const remove = await marketer.put(`/api/tickets/${id}/tags`, { tagIds: [tags['promo-x']!.id] });
      expect(remove.status).toBe(403);
      expect(remove.body.message).toContain('sales-lead');
    });

    it('announces ticket.updated with changed [tags] to the ticket’s team', async () => {
      const id = await newTicket();
      const watcher = (await createUser(admin, 'agent', { teamIds: [general.id] })).client;
      const got = await updatesOf(watcher, id);
      const res = await agent.put<Ticket>(`/api/tickets/${id}/tags`, { tagIds: [tags.escalated!.id] });
      await t.app.get(EventRelay).flush();
      await expect.poll(() => got().length).toBe(1);
      expect(got()[0].changed).toEqual(['tags']);
      expect(got()[0].version).toBe(res.body.version);
      expect(got()[0].ticket.tags.map((g: Tag) => g.name)).toEqual(['escalated']);
    });

    it('deleting a tag takes it off its tickets with an untagged event, a new version and ticket.updated', async () => {
      const temp = (await manager.post<Tag>('/api/tags', { name: 'temporary', kind: 'topic' })).body;
      const id = await newTicket();
      const tagged = await agent.put<Ticket>(`/api/tickets/${id}/tags`, { tagIds: [temp.id, tags.bug!.id] });
      const got = await updatesOf(agent, id);
      expect((await manager.delete(`/api/tags/${temp.id}`)).status).toBe(204);
      await t.app.get(EventRelay).flush();
      await expect.poll(() => got().length).toBe(1);
      expect(got()[0].changed).toEqual(['tags']);
      expect(got()[0].ticket.tags.map((g: Tag) => g.name)).toEqual(['bug']);
      expect(got()[0].version).toBe(tagged.body.version + 1);
      expect(await version(id)).toBe(tagged.body.version + 1);
      const last = (await tagEvents(id)).filter((e) => e.type === 'untagged');
      expect(last).toHaveLength(1);
      expect(last[0]!.data).toMatchObject({ tagId: temp.id, name: 'temporary', reason: 'tag_deleted' });
    });
  });

  describe('canned responses', () => {
    let manager: Client;
    let agent: Client;
    beforeAll(async () => {
      manager = (await createUser(admin, 'manager')).client;
      agent = (await createUser(admin, 'agent', { teamIds: [general.id], name: 'Rina Agent' })).client;
    });

    it('managers create, edit and delete; the shortcut is unique per language (409)', async () => {
      const body = { name: 'Thanks', shortcut: 'thanks', language: 'en', body: 'Thanks {{author.name}}!' };
      const en = await manager.post('/api/canned-responses', body);
      expect(en.status, JSON.stringify(en.body)).toBe(201);
      expect(en.body).toMatchObject(body);
      const id = await manager.post('/api/canned-responses', { ...body, language: 'id', body: 'Makasih!' });
      expect(id.status).toBe(201);
      const dup = await manager.post('/api/canned-responses', body);
      expect(dup.status).toBe(409);
      expect(dup.body.message).toContain('"thanks"');
      expect(dup.body.details.fields[0].path).toBe('shortcut');
      const moved = await manager.patch(`/api/canned-responses/${id.body.id}`, { language: 'en' });
      expect(moved.status).toBe(409);

      const edited = await manager.patch(`/api/canned-responses/${en.body.id}`, {
        body: 'Thank you, {{author.handle}}',
      });
      expect(edited.status).toBe(200);
      expect(edited.body.body).toBe('Thank you, {{author.handle}}');

      const unknownVar = await manager.post('/api/canned-responses', { ...body, shortcut: 'x', body: 'Hi {{nope}}' });
      expect(unknownVar.status).toBe(400);
      expect(unknownVar.body.message).toContain('{{nope}}');
      const badShortcut = await manager.post('/api/canned-responses', { ...body, shortcut: 'Has Space' });
      expect(badShortcut.status).toBe(400);
      expect(badShortcut.body.message).toMatch(/shortcut/);

      expect((await manager.delete(`/api/canned-responses/${id.body.id}`)).status).toBe(204);
      expect((await agent.get(`/api/canned-responses/${id.body.id}`)).status).toBe(404);
    });

    it('everyone lists them, filtered by language and text; only managers and admins write', async () => {
      for (const [shortcut, language, text] of [
        ['order-status', 'en', 'Your order is on the way'],
        ['order-status', 'id', 'Pesanan sedang dikirim'],
        ['refund', 'en', 'Refund started, 100% sure'],
      ] as const) {
        const res = await manager.post('/api/canned-responses', { name: shortcut, shortcut, language, body: text });
        expect(res.status).toBe(201);
      }
      const id = await agent.get('/api/canned-responses?language=id');
      expect(id.status).toBe(200);
      expect(id.body.items.map((c: any) => c.language)).not.toContain('en');
      expect(id.body.items.map((c: any) => c.shortcut)).toContain('order-status');
      const q = await agent.get('/api/canned-responses?q=ORDER&language=en');
      expect(q.body.items.map((c: any) => c.shortcut)).toEqual(['order-status']);
      // `%` is a literal character, not a wildcard.
      const pct = await agent.get(`/api/canned-responses?q=${encodeURIComponent('100%')}`);
      expect(pct.body.items.map((c: any) => c.shortcut)).toEqual(['refund']);
      const page = await agent.get('/api/canned-responses?limit=1');
      expect(page.body.items).toHaveLength(1);
      const next = await agent.get(`/api/canned-responses?limit=1&cursor=${page.body.nextCursor}`);
      expect(next.body.items[0].id).not.toBe(page.body.items[0].id);

      const marketer = (await createUser(admin, 'marketing')).client;
      for (const c of [agent, marketer]) {
        expect(
          (await c.post('/api/canned-responses', { name: 'n', shortcut: 'n', language: 'en', body: 'b' })).status,
        ).toBe(403);
        expect((await c.delete(`/api/canned-responses/${page.body.items[0].id}`)).status).toBe(403);
      }
    });

    it('renders the variables for a ticket the caller may see, 404 for one they may not', async () => {
      const created = await manager.post('/api/canned-responses', {
        name: 'Full',
        shortcut: 'full',
        language: 'en',
        body: 'Hi {{author.name}} (@{{ author.handle }}), {{agent.name}} from {{brand.name}} here about #{{ticket.number}}.',
      });
      expect(created.status).toBe(201);
      const brand = await admin.post('/api/brands', { name: 'Kopi Test', kind: 'own', keywords: ['kopi test'] });
      expect(brand.status, JSON.stringify(brand.body)).toBe(201);
      const ticketId = await newTicket('Kopi Test delivery is late again');
      const [row] = await sql<{ number: number; handle: string }>(
        'SELECT t.number, a.handle FROM tickets t JOIN authors a ON a.id = t.author_id WHERE t.id = $1',
        [ticketId],
      );
      const res = await agent.post(`/api/canned-responses/${created.body.id}/render`, { ticketId });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      // The webhook item's display name is its author id (support/webhook.ts).
      const displayName = row!.handle.split('@')[0];
      expect(res.body.body).toBe(
        `Hi ${displayName} (@${row!.handle}), Rina Agent from Kopi Test here about #${row!.number}.`,
      );

      const outsider = (await createUser(admin, 'agent', { teamIds: [(await createTeam(admin)).id] })).client;
      expect((await outsider.post(`/api/canned-responses/${created.body.id}/render`, { ticketId })).status).toBe(404);
      const missing = await agent.post('/api/canned-responses/00000000-0000-4000-8000-000000000000/render', {
        ticketId,
      });
      expect(missing.status).toBe(404);
      expect((await agent.post(`/api/canned-responses/${created.body.id}/render`, {})).status).toBe(400);
    });
  });

  describe('settings', () => {
    it('exist from the start with the server time zone and SPEC §5 SLA targets; everyone reads them', async () => {
      const [row] = await sql<{ n: number }>('SELECT count(*)::int AS n FROM workspace_settings WHERE id = 1');
      expect(row!.n).toBe(1);
      const agent = (await createUser(admin, 'agent')).client;
      const res = await agent.get('/api/settings');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        timezone: serverTimezone(),
        requireOutcomeTag: false,
        businessHours: null,
        slaTargets: DEFAULT_SLA_TARGETS,
      });
    });

    it('admins change everything; managers only slaTargets (403 naming the rest); others nothing', async () => {
      const manager = (await createUser(admin, 'manager')).client;
      const agent = (await createUser(admin, 'agent')).client;
      const marketer = (await createUser(admin, 'marketing')).client;
      const sla = { urgent: 10, high: 30, normal: 120, low: 600 };

      const bySla = await manager.patch('/api/settings', { slaTargets: sla });
      expect(bySla.status, JSON.stringify(bySla.body)).toBe(200);
      expect(bySla.body.slaTargets).toEqual(sla);

      const tooMuch = await manager.patch('/api/settings', { slaTargets: sla, timezone: 'Asia/Jakarta' });
      expect(tooMuch.status).toBe(403);
      expect(tooMuch.body.message).toContain('timezone');
      expect(tooMuch.body.message).not.toContain('slaTargets,');
      expect((await manager.patch('/api/settings', { requireOutcomeTag: true })).body.message).toContain(
        'requireOutcomeTag',
      );
      for (const c of [agent, marketer]) {
        expect((await c.patch('/api/settings', { slaTargets: sla })).status).toBe(403);
      }

      const hours = { days: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' };
      const byAdmin = await admin.patch('/api/settings', {
        timezone: 'Asia/Jakarta',
        requireOutcomeTag: true,
        businessHours: hours,
      });
      expect(byAdmin.status, JSON.stringify(byAdmin.body)).toBe(200);
      expect(byAdmin.body).toMatchObject({
        timezone: 'Asia/Jakarta',
        requireOutcomeTag: true,
        businessHours: hours,
        slaTargets: sla,
      });
      expect((await agent.get('/api/settings')).body.timezone).toBe('Asia/Jakarta');
      const cleared = await admin.patch('/api/settings', { businessHours: null });
      expect(cleared.body.businessHours).toBeNull();
      expect(cleared.body.requireOutcomeTag).toBe(true);
    });

    it('refuses bad values with 400 naming the field', async () => {
      const tz = await admin.patch('/api/settings', { timezone: 'Mars/Olympus_Mons' });
      expect(tz.status).toBe(400);
      expect(tz.body.message).toMatch(/timezone/);
      const hours = await admin.patch('/api/settings', { businessHours: { days: [1], start: '18:00', end: '09:00' } });
      expect(hours.status).toBe(400);
      expect(hours.body.message).toMatch(/businessHours/);
      const sla = await admin.patch('/api/settings', { slaTargets: { urgent: 0, high: 1, normal: 1, low: 1 } });
      expect(sla.status).toBe(400);
      expect(sla.body.message).toMatch(/slaTargets/);
      expect((await admin.patch('/api/settings', {})).status).toBe(400);
      expect((await admin.patch('/api/settings', { color: 'blue' })).status).toBe(400);
    });
  });
});

describe('the demo workspace', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DENGAR_DEMO: 'true' });
  });
  afterAll(() => t?.close());

  it('starts with canned responses in English and Indonesian and topic tags, seeded once', async () => {
    const admin = await t.admin();
    const canned = await admin.get('/api/canned-responses?limit=100');
    const keys = canned.body.items.map((c: any) => `${c.language}:${c.shortcut}`);
    for (const lang of ['en', 'id']) {
      for (const s of ['thanks', 'order-status', 'refund']) expect(keys).toContain(`${lang}:${s}`);
    }
    expect(canned.body.items.some((c: any) => c.body.includes('{{author.name}}'))).toBe(true);
    const topics = await admin.get('/api/tags?kind=topic');
    expect(topics.body.items.length).toBeGreaterThanOrEqual(2);
    const outcome = await admin.get('/api/tags?kind=outcome');
    expect(outcome.body.items).toHaveLength(DEFAULT_OUTCOME_TAGS.length);

    await t.app.get(SetupService).ensureWorkspace();
    const again = await admin.get('/api/canned-responses?limit=100');
    expect(again.body.items).toHaveLength(canned.body.items.length);
  });

  it('routes care work to Customer Care and competitor complaints to Marketing as sales leads', async () => {
    const admin = await t.admin();
    const rules = await admin.get('/api/routing-rules');
    expect(rules.body.items.map((r: any) => r.position)).toEqual([0, 1, 2, 3]);
    const teams = new Map<string, any>((await admin.get('/api/teams')).body.items.map((x: any) => [x.name, x]));
    expect(teams.get('Customer Care').assignmentMode).toBe('balanced');
    const src = await webhookSource(admin, 'Demo routing');
    const res = await deliver(admin, src.id, src.secret, {
      mentions: [
        item('r-1', 'Kopi Senja my order arrived cold and two hours late. Terrible, I want a refund!', 'angry-1'),
        item('r-2', 'Brew & Co got my order wrong again, so disappointed with their awful service', 'rival-1'),
      ],
    });
    expect(res.body.accepted).toBe(2);
    const ticketOf = async (externalId: string) => {
      const [row] = await t.db.query<{ teamId: string; priority: string; tags: string[] }>(
        `SELECT t.team_id AS "teamId", t.priority,
           ARRAY(SELECT g.name FROM ticket_tags tt JOIN tags g ON g.id = tt.tag_id WHERE tt.ticket_id = t.id) AS tags
         FROM mentions m JOIN tickets t ON t.id = m.ticket_id WHERE m.external_id = $1`,
        [externalId],
      );
      return row;
    };
    expect(await ticketOf('r-1')).toMatchObject({ teamId: teams.get('Customer Care').id, priority: 'high' });
    expect(await ticketOf('r-2')).toMatchObject({ teamId: teams.get('Marketing').id, tags: ['sales-lead'] });
  });
});

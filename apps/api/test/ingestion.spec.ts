import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventRelay } from '../src/modules/event/event-relay.js';
import type { Client } from './support/client.js';
import { createTeam, createUser, defaultTeam } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { deliver, item, webhookSource } from './support/webhook.js';

/** Webhook ingestion end to end (SPEC §3–§4): idempotency, threading into tickets, edits, spam, live events. */
describe('ingestion through the webhook', () => {
  let t: TestApp;
  let admin: Client;
  let src: { id: string; secret: string };
  const sql = <T = any>(q: string, p: unknown[] = []) => t.db.query<T>(q, p);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.admin();
    src = await webhookSource(admin);
  });
  afterAll(() => t.close());

  it('answers 202 with accepted/duplicates/rejected after commit, and a repeated webhook-id is a no-op', async () => {
    const body = {
      mentions: [item('w-1', 'Where is my order? It is late'), item('w-2', 'Thanks, all good now', 'cust-2')],
    };
    const first = await deliver(admin, src.id, src.secret, body, { id: 'msg_repeat' });
    expect(first.status, JSON.stringify(first.body)).toBe(202);
    expect(first.body).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    // Committed before the answer: the rows are there now.
    const rows = await sql<{ n: number }>('SELECT count(*)::int AS n FROM mentions WHERE source_id = $1', [src.id]);
    expect(rows[0]!.n).toBe(2);
    const again = await deliver(admin, src.id, src.secret, body, { id: 'msg_repeat' });
    expect(again.status).toBe(202);
    expect(again.body).toEqual({ accepted: 0, duplicates: 2, rejected: [] });
    // The same items under a new message id are duplicates too (the unique key, not the message id).
    const third = await deliver(admin, src.id, src.secret, body);
    expect(third.body).toEqual({ accepted: 0, duplicates: 2, rejected: [] });
    const after = await sql<{ n: number }>('SELECT count(*)::int AS n FROM mentions WHERE source_id = $1', [src.id]);
    expect(after[0]!.n).toBe(2);
  });

  it('keeps the platform id verbatim and the author summary', async () => {
    const res = await admin.get(`/api/mentions?sourceId=${src.id}&limit=10`);
    expect(res.status).toBe(200);
    const m = res.body.items.find((x: any) => x.externalId === 'w-1');
    expect(m.author.handle).toBe('cust-1@forum.example.com');
    expect(m.ticketId).toBeTruthy();
    expect(m.language).toBe('en');
    expect(['question', 'complaint']).toContain(m.type);
  });

  it('refuses bad signatures and stale timestamps with 401, and stores nothing', async () => {
    const body = { mentions: [item('bad-1', 'hello there')] };
    const bad = await deliver(admin, src.id, src.secret, body, { signature: 'v1,AAAA' });
    expect(bad.status).toBe(401);
    expect(bad.body.message).toMatch(/signature/);
    const stale = await deliver(admin, src.id, src.secret, body, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(stale.status).toBe(401);
    expect(stale.body.message).toMatch(/5 minutes/);
    const none = await admin.request('POST', `/api/sources/${src.id}/webhook`, body);
    expect(none.status).toBe(401);
    const rows = await sql('SELECT 1 FROM mentions WHERE external_id = $1', ['bad-1']);
    expect(rows).toHaveLength(0);
  });

  it('answers 400 naming the field when the envelope is wrong, 413 over 1,000 mentions or 1 MB', async () => {
    const wrong = await deliver(admin, src.id, src.secret, { items: [] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details.fields[0].path).toBe('mentions');
    const many = await deliver(admin, src.id, src.secret, {
      mentions: Array.from({ length: 1001 }, (_, i) => item(`many-${i}`, 'x')),
    });
    expect(many.status).toBe(413);
    const big = await deliver(admin, src.id, src.secret, { mentions: [item('big', 'y'.repeat(1024 * 1024 + 10))] });
    expect(big.status).toBe(413);
  });

  it('rejects a bad item by index without blocking the good ones', async () => {
    const res = await deliver(admin, src.id, src.secret, {
      mentions: [
        item('ok-1', 'First good one', 'cust-10'),
        { externalId: 'broken', text: 'no author', postedAt: new Date().toISOString() },
        item('ok-2', 'Second good one', 'cust-11'),
        item('priv', 'reply to me', 'cust-12', { replyWebhookUrl: 'http://127.0.0.1:9/hook' }),
      ],
    });
    expect(res.status).toBe(202);
    expect(res.body.accepted).toBe(2);
    expect(res.body.rejected.map((r: any) => r.index)).toEqual([1, 3]);
    expect(res.body.rejected[0].reason).toMatch(/author/);
    expect(res.body.rejected[1].reason).toMatch(/private/);
    const health = await admin.get(`/api/sources/${src.id}`);
    expect(health.body.health.skipped24h).toBeGreaterThanOrEqual(2);
    expect(health.body.health.skipReasons.length).toBeGreaterThan(0);
  });

  it('two concurrent deliveries of the same item store it once', async () => {
    const body = { mentions: [item('race-1', 'Is the shop open today?', 'cust-race')] };
    const [a, b] = await Promise.all([
      deliver(admin, src.id, src.secret, body),
      deliver(admin, src.id, src.secret, body),
    ]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(a.body.accepted + b.body.accepted).toBe(1);
    expect(a.body.duplicates + b.body.duplicates).toBe(1);
    // And the same webhook-id raced: one ingests, the other replays its answer.
    const body2 = { mentions: [item('race-2', 'Another question?', 'cust-race2')] };
    const [c, d] = await Promise.all([
      deliver(admin, src.id, src.secret, body2, { id: 'msg_race' }),
      deliver(admin, src.id, src.secret, body2, { id: 'msg_race' }),
    ]);
    expect(c.body.accepted + d.body.accepted).toBe(1);
    const rows = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM tickets t JOIN authors a ON a.id = t.author_id WHERE a.external_id IN ('cust-race', 'cust-race2')`,
    );
    expect(rows[0]!.n).toBe(2);
  });

  describe('threading (SPEC §3)', () => {
    const ticketOf = async (externalId: string) =>
      (
        await sql<{ ticket_id: string | null }>('SELECT ticket_id FROM mentions WHERE external_id = $1', [externalId])
      )[0]?.ticket_id;

    it('a reply joins the ticket of its parent, even from another author', async () => {
      await deliver(admin, src.id, src.secret, { mentions: [item('th-root', 'My parcel never arrived', 'alice')] });
      await deliver(admin, src.id, src.secret, {
        mentions: [item('th-reply', 'Same here, mine too!', 'bob', { inReplyToExternalId: 'th-root' })],
      });
      await deliver(admin, src.id, src.secret, {
        mentions: [
          item('th-deep', 'Any news?', 'carol', { inReplyToExternalId: 'th-reply', threadExternalId: 'th-root' }),
        ],
      });
      const root = await ticketOf('th-root');
      expect(root).toBeTruthy();
      expect(await ticketOf('th-reply')).toBe(root);
      expect(await ticketOf('th-deep')).toBe(root);
      const [t1] = await sql<{ mention_count: number }>('SELECT mention_count FROM tickets WHERE id = $1', [root]);
      expect(t1!.mention_count).toBe(3);
    });

    it('within one delivery, a reply and a follow-up join the ticket the delivery opened', async () => {
      await deliver(admin, src.id, src.secret, {
        mentions: [
          item('pg-root', 'My order is missing', 'lena'),
          item('pg-reply', 'Mine too', 'mike', { inReplyToExternalId: 'pg-root' }),
          item('pg-more', 'And the size was wrong', 'lena'),
          item('pg-other', 'Unrelated question about opening hours', 'nina'),
        ],
      });
      const root = await ticketOf('pg-root');
      expect(await ticketOf('pg-reply')).toBe(root);
      expect(await ticketOf('pg-more')).toBe(root);
      expect(await ticketOf('pg-other')).not.toBe(root);
      const [row] = await sql<{ mention_count: number }>('SELECT mention_count FROM tickets WHERE id = $1', [root]);
      expect(row!.mention_count).toBe(3);
      const events = await sql<{ type: string }>('SELECT type FROM ticket_events WHERE ticket_id = $1', [root]);
      expect(events.map((e) => e.type).sort()).toEqual(['created', 'mention_added', 'mention_added', 'routed']);
    });

    it('the same author on the same source within 24 h joins their open ticket; another author opens a new one', async () => {
      await deliver(admin, src.id, src.secret, { mentions: [item('au-1', 'Hello, question about prices', 'dave')] });
      await deliver(admin, src.id, src.secret, { mentions: [item('au-2', 'Also, do you ship to Bali?', 'dave')] });
      await deliver(admin, src.id, src.secret, { mentions: [item('au-3', 'Do you ship to Bali?', 'erin')] });
      expect(await ticketOf('au-2')).toBe(await ticketOf('au-1'));
      expect(await ticketOf('au-3')).not.toBe(await ticketOf('au-1'));
      // Older than 24 h: a new ticket.
      await sql(`UPDATE tickets SET last_activity_at = now() - interval '25 hours' WHERE id = $1`, [
        await ticketOf('au-1'),
      ]);
      await deliver(admin, src.id, src.secret, { mentions: [item('au-4', 'One more thing', 'dave')] });
      expect(await ticketOf('au-4')).not.toBe(await ticketOf('au-1'));
    });

    it('a mention on a resolved ticket reopens it; on a closed one it opens a new ticket', async () => {
      await deliver(admin, src.id, src.secret, { mentions: [item('rs-1', 'Refund please', 'frank')] });
      const ticket = await ticketOf('rs-1');
      await sql(`UPDATE tickets SET status = 'resolved', resolved_at = now() WHERE id = $1`, [ticket]);
      await deliver(admin, src.id, src.secret, {
        mentions: [item('rs-2', 'Still no refund', 'frank', { inReplyToExternalId: 'rs-1' })],
      });
      expect(await ticketOf('rs-2')).toBe(ticket);
      const [row] = await sql<{ status: string; resolved_at: Date | null }>(
        'SELECT status, resolved_at FROM tickets WHERE id = $1',
        [ticket],
      );
      expect(row).toEqual({ status: 'open', resolved_at: null });
      const events = await sql<{ type: string; data: any }>(
        `SELECT type, data FROM ticket_events WHERE ticket_id = $1 ORDER BY at, type`,
        [ticket],
      );
      expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['created', 'mention_added', 'status_changed']));
      expect(events.find((e) => e.type === 'status_changed')!.data).toMatchObject({ from: 'resolved', to: 'open' });

      await sql(`UPDATE tickets SET status = 'closed' WHERE id = $1`, [ticket]);
      await deliver(admin, src.id, src.secret, {
        mentions: [item('rs-3', 'Hello again', 'frank', { inReplyToExternalId: 'rs-2' })],
      });
      const fresh = await ticketOf('rs-3');
      expect(fresh).toBeTruthy();
      expect(fresh).not.toBe(ticket);
    });

    it('an edited item updates its mention and records an event; an unchanged one is a no-op', async () => {
      await deliver(admin, src.id, src.secret, { mentions: [item('ed-1', 'The app is great', 'gina')] });
      const res = await deliver(admin, src.id, src.secret, {
        mentions: [item('ed-1', 'The app keeps crashing, awful', 'gina')],
      });
      expect(res.body).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
      const [m] = await sql<{ text: string; edited_at: Date | null; sentiment_label: string; ticket_id: string }>(
        'SELECT text, edited_at, sentiment_label, ticket_id FROM mentions WHERE external_id = $1',
        ['ed-1'],
      );
      expect(m!.text).toBe('The app keeps crashing, awful');
      expect(m!.edited_at).not.toBeNull();
      expect(m!.sentiment_label).toBe('negative');
      const ev = await sql('SELECT 1 FROM ticket_events WHERE ticket_id = $1 AND type = $2', [
        m!.ticket_id,
        'mention_edited',
      ]);
      expect(ev).toHaveLength(1);
    });
  });

  describe('brands, competitors and spam', () => {
    it('competitor-only mentions open no ticket; own-brand and unmatched ones do', async () => {
      const own = await admin.post('/api/brands', { name: 'Kopi Senja', kind: 'own', keywords: ['kopi senja'] });
      const comp = await admin.post('/api/brands', { name: 'Brew & Co', kind: 'competitor', keywords: ['brew & co'] });
      expect([own.status, comp.status]).toEqual([201, 201]);
      await deliver(admin, src.id, src.secret, {
        mentions: [
          item('br-1', 'Brew & Co coffee is too sweet', 'hana'),
          item('br-2', 'Kopi Senja beats Brew & Co any day', 'ivan'),
          item('br-3', 'Is the cafe open on Sunday?', 'joko'),
        ],
      });
      const rows = await sql<{ external_id: string; ticket_id: string | null; brand_ids: string[] }>(
        `SELECT external_id, ticket_id, brand_ids FROM mentions WHERE external_id IN ('br-1', 'br-2', 'br-3') ORDER BY external_id`,
      );
      expect(rows[0]!.brand_ids).toEqual([comp.body.id]);
      expect(rows[0]!.ticket_id).toBeNull();
      expect(rows[1]!.brand_ids.sort()).toEqual([own.body.id, comp.body.id].sort());
      expect(rows[1]!.ticket_id).not.toBeNull();
      expect(rows[2]!.brand_ids).toEqual([]);
      expect(rows[2]!.ticket_id).not.toBeNull();
    });

    it('spam is flagged, kept out of the queue and the default list, and can be restored into a ticket', async () => {
      const spam =
        'Cheap UGG boots outlet!!! Buy now http://cheap-boots.example/a http://cheap-boots.example/b http://cheap-boots.example/c best price';
      await deliver(admin, src.id, src.secret, { mentions: [item('sp-1', spam, 'spammer')] });
      const normal = await admin.get('/api/mentions?limit=100');
      expect(normal.body.items.some((m: any) => m.externalId === 'sp-1')).toBe(false);
      const spamView = await admin.get('/api/mentions?spam=true');
      const m = spamView.body.items.find((x: any) => x.externalId === 'sp-1');
      expect(m).toMatchObject({ isSpam: true, ticketId: null });
      const restored = await admin.patch(`/api/mentions/${m.id}`, { isSpam: false });
      expect(restored.status, JSON.stringify(restored.body)).toBe(200);
      expect(restored.body.isSpam).toBe(false);
      expect(restored.body.ticketId).toBeTruthy();
    });
  });

  it('agents read only the mentions of tickets they may see, and cannot judge spam', async () => {
    const general = await defaultTeam(admin);
    const other = await createTeam(admin);
    const inside = await createUser(admin, 'agent', { teamIds: [general.id] });
    const outside = await createUser(admin, 'agent', { teamIds: [other.id] });
    const marketer = await createUser(admin, 'marketing', { teamIds: [other.id] });
    await deliver(admin, src.id, src.secret, { mentions: [item('vis-1', 'Can I pay with QRIS?', 'vis-author')] });
    const seen = await inside.client.get('/api/mentions?limit=100');
    const mine = seen.body.items.find((m: any) => m.externalId === 'vis-1');
    expect(mine).toBeTruthy();
    expect(seen.body.items.every((m: any) => m.ticketId)).toBe(true);
    expect((await inside.client.get(`/api/mentions/${mine.id}`)).status).toBe(200);
    const hidden = await outside.client.get('/api/mentions?limit=100');
    expect(hidden.body.items).toEqual([]);
    expect((await outside.client.get(`/api/mentions/${mine.id}`)).status).toBe(404);
    expect((await inside.client.patch(`/api/mentions/${mine.id}`, { isSpam: true })).status).toBe(403);
    // Marketing reads the whole listening stream, whatever its teams.
    const stream = await marketer.client.get('/api/mentions?limit=100');
    expect(stream.body.items.some((m: any) => m.externalId === 'vis-1')).toBe(true);
  });

  describe('live events', () => {
    it('emits ticket.created and ticket.mention_added to the routed team, not to other teams, and logs them', async () => {
      const general = await defaultTeam(admin);
      const other = await createTeam(admin);
      const inside = await createUser(admin, 'agent', { teamIds: [general.id] });
      const outside = await createUser(admin, 'agent', { teamIds: [other.id] });
      const sIn: Socket = inside.client.socket();
      const sOut: Socket = outside.client.socket();
      try {
        await Promise.all([
          new Promise((r) => sIn.once('session.ready', r)),
          new Promise((r) => sOut.once('session.ready', r)),
        ]);
        const got: { name: string; seq: number; data: any }[] = [];
        const leaked: string[] = [];
        for (const name of ['ticket.created', 'ticket.mention_added'] as const) {
          sIn.on(name, (e: any) => got.push({ name, seq: e.seq, data: e.data }));
          sOut.on(name, () => leaked.push(name));
        }
        const max = (await sql<{ max: string | null }>('SELECT max(seq)::text AS max FROM events'))[0]?.max;
        await deliver(admin, src.id, src.secret, { mentions: [item('live-1', 'Can I order online?', 'kiki')] });
        await t.app.get(EventRelay).flush();
        await expect.poll(() => got.length).toBe(2);
        expect(got.map((g) => g.name)).toEqual(['ticket.created', 'ticket.mention_added']);
        expect(got[0]!.data.teamId).toBe(general.id);
        expect(got[1]!.seq).toBeGreaterThan(got[0]!.seq);
        // Missed events can be fetched again, only the ones this user may see.
        const missed = await inside.client.get(`/api/events?since=${max ?? 0}`);
        expect(missed.status).toBe(200);
        expect(missed.body.events.map((e: any) => e.name)).toEqual(['ticket.created', 'ticket.mention_added']);
        const none = await outside.client.get(`/api/events?since=${max ?? 0}`);
        expect(none.body.events).toEqual([]);
        expect(leaked).toEqual([]);
      } finally {
        sIn.close();
        sOut.close();
      }
    });

    it('announces every stored page to the listening stream (marketing, managers, admins), not to agents', async () => {
      const marketer = await createUser(admin, 'marketing');
      const agent = await createUser(admin, 'agent', { teamIds: [(await defaultTeam(admin)).id] });
      const sM: Socket = marketer.client.socket();
      const sA: Socket = agent.client.socket();
      try {
        await Promise.all([
          new Promise((r) => sM.once('session.ready', r)),
          new Promise((r) => sA.once('session.ready', r)),
        ]);
        const got: any[] = [];
        const leaked: any[] = [];
        sM.on('mention.created', (e: any) => got.push(e.data));
        sA.on('mention.created', (e: any) => leaked.push(e.data));
        await deliver(admin, src.id, src.secret, {
          mentions: [item('ls-1', 'Brew & Co is cheaper', 'ls-a'), item('ls-2', 'Brew & Co queue was long', 'ls-b')],
        });
        await t.app.get(EventRelay).flush();
        await expect.poll(() => got.length).toBe(1);
        expect(got[0].sourceId).toBe(src.id);
        expect(got[0].mentionIds).toHaveLength(2);
        expect(leaked).toEqual([]);
      } finally {
        sM.close();
        sA.close();
      }
    });

    it('tells a client that is too far behind to reload', async () => {
      await sql(`DELETE FROM events WHERE seq <= (SELECT max(seq) - 1 FROM events)`);
      const res = await admin.get('/api/events?since=0');
      expect(res.body.reload).toBe(true);
    });
  });
});

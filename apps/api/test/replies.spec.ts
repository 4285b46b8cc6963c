import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@dengar/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DELIVERY_UNKNOWN } from '../src/modules/reply/reply-policy.js';
import { ReplyRepository } from '../src/modules/reply/reply.repository.js';
import { replyTarget } from '../src/modules/reply/reply.service.js';
import { CONNECTORS } from '../src/modules/source/connector-registry.js';
import { tidFromKey } from '../src/modules/source/connectors/bluesky.connector.js';
import type { ReplyContext } from '../src/modules/source/connectors/connector.js';
import { SourcePoller } from '../src/modules/source/source-poller.js';
import { SourceRepository } from '../src/modules/source/source.repository.js';
import { SourceService } from '../src/modules/source/source.service.js';
import { BlueskyFake } from './fakes/bluesky.fake.js';
import { MastodonFake, isoMicros, mastodonAccount } from './fakes/mastodon.fake.js';
import { RedditFake } from './fakes/reddit.fake.js';
import { RssFake } from './fakes/rss.fake.js';
import { WebhookReceiverFake } from './fakes/webhook-receiver.fake.js';
import { XFake } from './fakes/x.fake.js';
import type { Client } from './support/client.js';
import { createTeam, createUser, defaultTeam } from './support/factories.js';
import { TestSockets } from './support/sockets.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { deliver, item, webhookSource } from './support/webhook.js';

/** Replies through the outbox to fake platforms (SPEC §6): once, within limits, retried, recovered, live. */
describe('replies', () => {
  let t: TestApp;
  let admin: Client;
  let agent: { user: { id: string; name: string }; client: Client };
  let typer: { user: { id: string; name: string }; client: Client };
  let outsider: { client: Client };
  const mastodon = new MastodonFake();
  const bluesky = new BlueskyFake();
  const reddit = new RedditFake();
  const x = new XFake();
  const rss = new RssFake();
  let receiver: WebhookReceiverFake;
  const src: Record<string, string> = {};
  let webhookSecret: string;
  const sockets = new TestSockets();
  let seq = 0;

  const sql = <T = any>(q: string, p: unknown[] = []) => t.db.query<T>(q, p);
  const WAIT = { timeout: 25_000, interval: 100 };

  async function createSource(kind: string, name: string, config: Record<string, unknown>, extra = {}) {
    const res = await admin.post('/api/sources', { kind, name, config, pollIntervalSec: 86_400, ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    // Polled only when the test asks: the scheduler must not race it.
    await sql(`UPDATE sources SET next_poll_at = now() + interval '1 day' WHERE id = $1`, [res.body.id]);
    return res.body as { id: string; webhookSecret?: string };
  }

  async function poll(sourceId: string) {
    const poller = t.app.get(SourcePoller);
    await expect.poll(async () => (await poller.poll(sourceId))?.status, WAIT).toBe('ok');
  }

  /** The mention with this external id and its ticket (after a poll). */
  async function mentionOf(sourceId: string, externalId: string) {
    const [row] = await sql<{ id: string; ticketId: string }>(
      'SELECT id, ticket_id AS "ticketId" FROM mentions WHERE source_id = $1 AND external_id = $2',
      [sourceId, externalId],
    );
    expect(row?.ticketId, `no ticket for ${externalId}`).toBeTruthy();
    return row!;
  }

  async function mastodonTicket(text = 'where is my order?') {
    const account = mastodonAccount(`cust${++seq}`, { domain: 'social.example' });
    const n = mastodon.addMention({ content: `<p>@dengar ${text}</p>`, account });
    await poll(src.mastodon!);
    return { ...(await mentionOf(src.mastodon!, n.status!.id)), status: n.status!, acct: account.acct };
  }

  async function blueskyTicket(text = 'hi @dengar.bsky.social my parcel is late') {
    const user = bluesky.user(`cust${++seq}.bsky.social`);
    const n = bluesky.notify(user, { text });
    await poll(src.bluesky!);
    return { ...(await mentionOf(src.bluesky!, n.uri)), uri: n.uri };
  }

  async function redditTicket() {
    const post = reddit.addPost({ title: `acme router keeps dropping wifi ${++seq}`, author: `redditor${seq}` });
    await poll(src.reddit!);
    return { ...(await mentionOf(src.reddit!, String(post.data.name))), fullname: String(post.data.name) };
  }

  async function xTicket() {
    const id = String(1_500_000_000_000_000_000n + BigInt(++seq));
    x.addUser({ id, username: `customer${seq}`, name: `Customer ${seq}` });
    const tweet = x.addTweet({ text: `acme my order ${seq} never arrived, help`, authorId: id });
    await poll(src.x!);
    return { ...(await mentionOf(src.x!, String(tweet.id))), tweetId: String(tweet.id) };
  }

  async function webhookTicket(withReplyUrl = true) {
    const externalId = `w-${++seq}`;
    const res = await deliver(admin, src.webhook!, webhookSecret, {
      mentions: [
        item(externalId, 'Where is my refund? It has been two weeks.', `cust-w${seq}`, {
          ...(withReplyUrl ? { replyWebhookUrl: receiver.replyUrl() } : {}),
        }),
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    return { ...(await mentionOf(src.webhook!, externalId)), externalId };
  }

  async function replyRow(id: string) {
    const [row] = await sql<{
      status: string;
      error: string | null;
      attempts: number;
      externalId: string | null;
      externalUrl: string | null;
      idempotencyKey: string;
      nextAttemptAt: Date | null;
    }>(
      `SELECT status, error, attempts, external_id AS "externalId", external_url AS "externalUrl",
         idempotency_key AS "idempotencyKey", next_attempt_at AS "nextAttemptAt" FROM replies WHERE id = $1`,
      [id],
    );
    return row!;
  }

  const statusOf = async (id: string) => (await replyRow(id)).status;

  async function ticketRow(id: string) {
    const [row] = await sql<{ status: string; firstRespondedAt: Date | null; waitingSince: Date | null }>(
      `SELECT status, first_responded_at AS "firstRespondedAt", waiting_since AS "waitingSince"
       FROM tickets WHERE id = $1`,
      [id],
    );
    return row!;
  }

  async function sendReply(ticketId: string, body: string, client: Client = agent.client, extra = {}) {
    const res = await client.post(`/api/tickets/${ticketId}/replies`, { body, ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as {
      id: string;
      status: string;
      warning: unknown;
      manualText: string | null;
      postUrl: string | null;
    };
  }

  /** What a worker that died after posting had already done on the platform. */
  async function deadWorkerPost(kind: keyof typeof CONNECTORS, sourceId: string, mentionId: string, body: string) {
    const key = randomUUID();
    const source = (await t.app.get(SourceRepository).findById(sourceId))!;
    const target = (await t.app.get(ReplyRepository).target(null, mentionId))!;
    const ctx: ReplyContext = {
      config: t.app.get(SourceService).fullConfig(source),
      state: {},
      saveState: () => Promise.resolve(),
      fetch: globalThis.fetch,
      now: () => new Date(),
    };
    const posted = await CONNECTORS[kind].reply!(ctx, { body, idempotencyKey: key, target: replyTarget(target) });
    return { key, posted };
  }

  /** The reply row the dead worker left: claimed (`sending`, one attempt), its lease already lapsed. */
  async function leftSending(ticketId: string, mentionId: string, body: string, key: string) {
    const [row] = await sql<{ id: string }>(
      `INSERT INTO replies (ticket_id, author_id, body, in_reply_to_mention_id, status, attempts, idempotency_key,
         next_attempt_at)
       VALUES ($1, $2, $3, $4, 'sending', 1, $5, now() - interval '1 second') RETURNING id`,
      [ticketId, agent.user.id, body, mentionId, key],
    );
    return row!.id;
  }

  beforeAll(async () => {
    await Promise.all([mastodon.start(), bluesky.start(), reddit.start(), x.start(), rss.start()]);
    t = await startTestApp();
    admin = await t.admin();
    const general = await defaultTeam(admin);
    const other = await createTeam(admin);
    agent = await createUser(admin, 'agent', { teamIds: [general.id], name: 'Agnes Agent' });
    typer = await createUser(admin, 'agent', { teamIds: [general.id], name: 'Tina Typer' });
    outsider = await createUser(admin, 'agent', { teamIds: [other.id], name: 'Otto Outsider' });

    src.mastodon = (
      await createSource('mastodon', 'Mastodon', {
        baseUrl: mastodon.baseUrl,
        accessToken: mastodon.accessToken,
        mode: 'notifications',
      })
    ).id;
    src.bluesky = (
      await createSource('bluesky', 'Bluesky', {
        baseUrl: bluesky.baseUrl,
        identifier: bluesky.account.handle,
        appPassword: bluesky.account.password,
        mode: 'notifications',
      })
    ).id;
    src.reddit = (
      await createSource('reddit', 'Reddit', {
        baseUrl: reddit.baseUrl,
        authUrl: reddit.baseUrl,
        clientId: reddit.clientId,
        clientSecret: reddit.clientSecret,
        username: reddit.username,
        password: reddit.password,
        query: 'acme',
      })
    ).id;
    src.x = (
      await createSource('x', 'X', {
        baseUrl: x.baseUrl,
        bearerToken: x.bearerToken,
        query: 'acme',
        clientId: x.clientId,
        userAccessToken: x.userAccessToken,
        userRefreshToken: x.userRefreshToken,
      })
    ).id;
    const hook = await webhookSource(admin, 'Partner forum', { allowPrivateReplyUrls: true });
    src.webhook = hook.id;
    webhookSecret = hook.secret;
    receiver = new WebhookReceiverFake(webhookSecret);
    await receiver.start();
  });

  afterEach(() => sockets.closeAll());

  afterAll(async () => {
    await t?.close();
    await Promise.all([mastodon, bluesky, reddit, x, rss, receiver].map((f) => f?.close()));
  });

  it('Mastodon: posted once with the Idempotency-Key and @acct; the first sent reply opens the ticket and sets firstRespondedAt; the team sees every status live', async () => {
    const m = await mastodonTicket();
    expect((await ticketRow(m.ticketId)).status).toBe('new');

    const { heard } = await sockets.listen<EventEnvelope<'reply.updated'>['data']>(agent.client, ['reply.updated']);
    const seen = () => heard.map((e) => e.data);

    const reply = await sendReply(m.ticketId, 'Sorry about that! Could you DM us the order number?');
    expect(reply).toMatchObject({ status: 'queued', warning: null, manualText: null, postUrl: null });
    await expect.poll(() => statusOf(reply.id), WAIT).toBe('sent');

    const row = await replyRow(reply.id);
    const posts = mastodon.posted.filter((p) => p.idempotencyKey === row.idempotencyKey);
    expect(posts).toHaveLength(1);
    expect(mastodon.requestsTo('/api/v1/statuses', 'POST')).toHaveLength(1);
    expect(posts[0]!.params).toMatchObject({
      status: `@${m.acct} Sorry about that! Could you DM us the order number?`,
      in_reply_to_id: m.status.id,
    });
    expect(row).toMatchObject({ externalId: posts[0]!.status.id, externalUrl: posts[0]!.status.url, error: null });

    const ticket = await ticketRow(m.ticketId);
    expect(ticket.status).toBe('open');
    expect(ticket.firstRespondedAt).toBeInstanceOf(Date);
    expect(ticket.waitingSince).toBeNull();
    const events = await sql<{ type: string; actorId: string; data: Record<string, unknown> }>(
      `SELECT type, actor_id AS "actorId", data FROM ticket_events WHERE ticket_id = $1 AND type IN ('replied', 'status_changed')
       ORDER BY at, id`,
      [m.ticketId],
    );
    expect(events).toEqual(
      expect.arrayContaining([
        { type: 'replied', actorId: agent.user.id, data: { replyId: reply.id, status: 'sent' } },
        expect.objectContaining({
          type: 'status_changed',
          data: expect.objectContaining({ to: 'open', reason: 'replied' }),
        }),
      ]),
    );

    // Every status change reached the team's socket, with the full reply.
    await expect
      .poll(
        () =>
          seen()
            .filter((e) => e.replyId === reply.id)
            .map((e) => e.status),
        WAIT,
      )
      .toEqual(['queued', 'sending', 'sent']);
    expect(seen().at(-1)!.reply).toMatchObject({ id: reply.id, status: 'sent', externalId: posts[0]!.status.id });

    // A second reply does not move the first response time.
    const second = await sendReply(m.ticketId, 'Thanks, we found it.');
    await expect.poll(() => statusOf(second.id), WAIT).toBe('sent');
    expect((await ticketRow(m.ticketId)).firstRespondedAt).toEqual(ticket.firstRespondedAt);
  });

  it('checks platform limits before queueing: Mastodon 500 with the @acct prefix, Bluesky 300 graphemes, X 280', async () => {
    const m = await mastodonTicket();
    const prefix = `@${m.acct} `;
    const tooLong = await agent.client.post(`/api/tickets/${m.ticketId}/replies`, {
      body: 'a'.repeat(501 - prefix.length),
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.message).toBe(`Reply is 501 characters (with the @${m.acct} prefix); Mastodon allows 500`);
    const fits = await agent.client.post(`/api/tickets/${m.ticketId}/replies`, {
      body: 'a'.repeat(500 - prefix.length),
    });
    expect(fits.status).toBe(201);

    const b = await blueskyTicket();
    const over = await agent.client.post(`/api/tickets/${b.ticketId}/replies`, { body: '👍'.repeat(301) });
    expect(over.status).toBe(422);
    expect(over.body.message).toBe('Reply is 301 characters; Bluesky allows 300');
    // 300 family emoji are 300 graphemes (but 1,500 code points): Bluesky takes them.
    const family = await sendReply(b.ticketId, '👨‍👩‍👧'.repeat(300));
    await expect.poll(() => statusOf(family.id), WAIT).toBe('sent');

    const tw = await xTicket();
    const xOver = await agent.client.post(`/api/tickets/${tw.ticketId}/replies`, { body: 'b'.repeat(281) });
    expect(xOver.status).toBe(422);
    expect(xOver.body.message).toBe('Reply is 281 characters; X allows 280');

    const stored = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM replies WHERE ticket_id = ANY($1::uuid[]) AND length(body) > 300`,
      [[m.ticketId, b.ticketId, tw.ticketId]],
    );
    expect(stored[0]!.n).toBe(2); // the two that fit
  });

  it('429: waits for the platform reset, then sends once', async () => {
    const m = await mastodonTicket();
    const reset = new Date(Date.now() + 3_000);
    mastodon.failNext(1, {
      status: 429,
      headers: { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': isoMicros(reset) },
      body: { error: 'Too many requests' },
      match: (r) => r.method === 'POST' && r.path === '/api/v1/statuses',
    });
    const reply = await sendReply(m.ticketId, 'We are on it.');
    await expect.poll(async () => (await replyRow(reply.id)).error ?? '', WAIT).toMatch(/rate limit/i);
    const waiting = await replyRow(reply.id);
    expect(waiting.status).toBe('queued');
    expect(waiting.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(reset.getTime());
    await expect.poll(() => statusOf(reply.id), WAIT).toBe('sent');
    const row = await replyRow(reply.id);
    expect(row).toMatchObject({ attempts: 2, error: null });
    const tries = mastodon.requests.filter((r) => r.headers['idempotency-key'] === row.idempotencyKey);
    expect(tries).toHaveLength(2);
    expect(mastodon.posted.filter((p) => p.idempotencyKey === row.idempotencyKey)).toHaveLength(1);
  });

  it('5xx is retried: Bluesky again with the same record key; X only after looking for the first try', async () => {
    const b = await blueskyTicket();
    bluesky.failNext(1, {
      status: 502,
      body: { error: 'UpstreamFailure', message: 'Upstream Failure' },
      match: (r) => r.path === '/xrpc/com.atproto.repo.createRecord',
    });
    const reply = await sendReply(b.ticketId, 'Checking with the courier now.');
    await expect.poll(() => statusOf(reply.id), WAIT).toBe('sent');
    const row = await replyRow(reply.id);
    expect(row.attempts).toBe(2);
    const rkey = tidFromKey(row.idempotencyKey);
    expect(bluesky.created.filter((r) => r.uri.endsWith(`/${rkey}`))).toHaveLength(1);
    expect(row.externalId).toBe(`at://${bluesky.account.did}/app.bsky.feed.post/${rkey}`);
    const record = bluesky.created.find((r) => r.uri.endsWith(`/${rkey}`))!.value as {
      reply: { parent: { uri: string } };
    };
    expect(record.reply.parent.uri).toBe(b.uri);

    const tw = await xTicket();
    x.failNext(1, {
      status: 503,
      body: { title: 'Service Unavailable', detail: 'Service Unavailable', status: 503 },
      match: (r) => r.method === 'POST' && r.path === '/2/tweets',
    });
    const before = x.posted.length;
    const xr = await sendReply(tw.ticketId, 'So sorry, we are checking your order right now');
    await expect.poll(() => statusOf(xr.id), WAIT).toBe('sent');
    expect(x.posted.length - before).toBe(1);
    // A 5xx may hide a post: the second attempt read our timeline before posting again.
    const posts = x.requests.filter((r) => r.method === 'POST' && r.path === '/2/tweets');
    const lookups = x.requests.filter((r) => r.path === `/2/users/${x.me.id}/tweets`);
    expect(lookups.length).toBeGreaterThanOrEqual(1);
    expect(x.requests.indexOf(lookups[0]!)).toBeLessThan(x.requests.indexOf(posts.at(-1)!));
  });

  it('4xx fails with the platform message; the retry button sends it with the same key; 409 when not failed', async () => {
    const r = await redditTicket();
    reddit.failNextComment([['THREAD_LOCKED', 'that thread is locked', 'parent']]);
    const reply = await sendReply(r.ticketId, 'Hi! Please send us a modmail with your router model.');
    await expect.poll(() => statusOf(reply.id), WAIT).toBe('failed');
    const failed = await replyRow(reply.id);
    expect(failed.error).toBe('Reddit refused the comment: THREAD_LOCKED (that thread is locked)');
    expect(failed.attempts).toBe(1);
    expect(reddit.posted.filter((p) => p.data.parent_id === r.fullname)).toHaveLength(0);
    expect((await ticketRow(r.ticketId)).firstRespondedAt).toBeNull();

    const hidden = await outsider.client.post(`/api/tickets/${r.ticketId}/replies/${reply.id}/retry`);
    expect(hidden.status).toBe(404);
    const retried = await agent.client.post(`/api/tickets/${r.ticketId}/replies/${reply.id}/retry`);
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    expect(retried.body).toMatchObject({ id: reply.id, status: 'queued', error: null });
    await expect.poll(() => statusOf(reply.id), WAIT).toBe('sent');
    const sent = await replyRow(reply.id);
    expect(sent.idempotencyKey).toBe(failed.idempotencyKey);
    const comments = reddit.posted.filter((p) => p.data.parent_id === r.fullname);
    expect(comments).toHaveLength(1);
    expect(sent.externalId).toBe(comments[0]!.data.name);

    const again = await agent.client.post(`/api/tickets/${r.ticketId}/replies/${reply.id}/retry`);
    expect(again.status).toBe(409);
    const unknown = await agent.client.post(`/api/tickets/${r.ticketId}/replies/${randomUUID()}/retry`);
    expect(unknown.status).toBe(404);

    // Mastodon's own refusal (422) reaches the reply as Mastodon worded it.
    const m = await mastodonTicket();
    mastodon.failNext(1, {
      status: 422,
      body: { error: 'Validation failed: Text character limit of 500 exceeded' },
      match: (q) => q.method === 'POST' && q.path === '/api/v1/statuses',
    });
    const refused = await sendReply(m.ticketId, 'Hello there');
    await expect.poll(() => statusOf(refused.id), WAIT).toBe('failed');
    expect((await replyRow(refused.id)).error).toBe(
      'Mastodon refused the request (422): Validation failed: Text character limit of 500 exceeded',
    );
  });

  describe('an attempt whose outcome is unknown (the worker died after posting)', () => {
    it('Mastodon: resent with the same Idempotency-Key, still one post', async () => {
      const m = await mastodonTicket();
      const body = 'Following up on your order.';
      const { key, posted } = await deadWorkerPost('mastodon', src.mastodon!, m.id, body);
      const id = await leftSending(m.ticketId, m.id, body, key);
      await expect.poll(() => statusOf(id), WAIT).toBe('sent');
      expect(mastodon.posted.filter((p) => p.idempotencyKey === key)).toHaveLength(1);
      expect(mastodon.requests.filter((r) => r.headers['idempotency-key'] === key)).toHaveLength(2);
      expect(await replyRow(id)).toMatchObject({ externalId: posted.externalId, attempts: 2 });
      expect((await ticketRow(m.ticketId)).status).toBe('open');
    });

    it('Bluesky: the same record key is taken, so the earlier post is read back', async () => {
      const b = await blueskyTicket();
      const body = 'Following up on your parcel.';
      const { key, posted } = await deadWorkerPost('bluesky', src.bluesky!, b.id, body);
      const id = await leftSending(b.ticketId, b.id, body, key);
      await expect.poll(() => statusOf(id), WAIT).toBe('sent');
      expect(bluesky.created.filter((r) => r.uri === posted.externalId)).toHaveLength(1);
      expect((await replyRow(id)).externalId).toBe(posted.externalId);
    });

    it('Reddit: the connector finds our comment under the parent and posts nothing more', async () => {
      const r = await redditTicket();
      const body = 'Following up: try a firmware update.';
      const { key, posted } = await deadWorkerPost('reddit', src.reddit!, r.id, body);
      const before = reddit.commentForms.length;
      const id = await leftSending(r.ticketId, r.id, body, key);
      await expect.poll(() => statusOf(id), WAIT).toBe('sent');
      expect(reddit.commentForms.length).toBe(before);
      expect(reddit.posted.filter((p) => p.data.parent_id === r.fullname)).toHaveLength(1);
      expect((await replyRow(id)).externalId).toBe(posted.externalId);
    });

    it('X: the connector finds our tweet in our timeline and posts nothing more', async () => {
      const tw = await xTicket();
      const body = 'Following up on your order, it ships today';
      const { key, posted } = await deadWorkerPost('x', src.x!, tw.id, body);
      const before = x.posted.length;
      const id = await leftSending(tw.ticketId, tw.id, body, key);
      await expect.poll(() => statusOf(id), WAIT).toBe('sent');
      expect(x.posted.length).toBe(before);
      expect((await replyRow(id)).externalId).toBe(posted.externalId);
    });

    it('X: a connection lost after the platform posted is checked before any second post', async () => {
      const tw = await xTicket();
      x.failNext(1, { drop: true, afterHandling: true, match: (r) => r.method === 'POST' && r.path === '/2/tweets' });
      const before = x.posted.length;
      const reply = await sendReply(tw.ticketId, 'We shipped a replacement this morning');
      await expect.poll(() => statusOf(reply.id), WAIT).toBe('sent');
      expect(x.posted.length - before).toBe(1);
      expect((await replyRow(reply.id)).externalId).toBe(x.posted.at(-1)!.id);
    });

    it('webhook: resent with the same webhook-id, which the receiver dedupes', async () => {
      const w = await webhookTicket();
      const body = 'Following up on your refund.';
      const { key, posted } = await deadWorkerPost('webhook', src.webhook!, w.id, body);
      const id = await leftSending(w.ticketId, w.id, body, key);
      await expect.poll(() => statusOf(id), WAIT).toBe('sent');
      expect(receiver.accepted.filter((d) => d.id === key)).toHaveLength(1);
      expect(receiver.deliveries.filter((d) => d.id === key && d.duplicate)).toHaveLength(1);
      expect((await replyRow(id)).externalId).toBe(posted.externalId);
    });

    it('a platform where a retry is not safe and nothing can be looked up: failed "delivery unknown — check the post"', async () => {
      const w = await webhookTicket();
      const body = 'Following up once more.';
      const { key } = await deadWorkerPost('webhook', src.webhook!, w.id, body);
      // A receiver that does not promise to dedupe (no shipped connector is like this today).
      const original = CONNECTORS.webhook;
      CONNECTORS.webhook = { ...original, retrySafe: false };
      try {
        const id = await leftSending(w.ticketId, w.id, body, key);
        await expect.poll(() => statusOf(id), WAIT).toBe('failed');
        expect((await replyRow(id)).error).toBe(DELIVERY_UNKNOWN);
        expect(receiver.deliveries.filter((d) => d.id === key)).toHaveLength(1);
      } finally {
        CONNECTORS.webhook = original;
      }
    });
  });

  it('RSS and webhook mentions without a reply URL become manual: the text to paste and the post to paste it on', async () => {
    rss.setFeed('/forum.xml', {
      contentType: 'application/rss+xml',
      body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Acme forum</title>
        <link>https://forum.example/</link><description>Acme users</description>
        <item><title>Router keeps rebooting</title><link>https://forum.example/t/42</link>
          <guid>https://forum.example/t/42</guid><pubDate>${new Date().toUTCString()}</pubDate>
          <author>bob@forum.example (Bob)</author>
          <description>My new router reboots every hour, what can I do?</description></item>
      </channel></rss>`,
    });
    const feed = await createSource('rss', 'Forum feed', { url: rss.feedUrl('/forum.xml') });
    await poll(feed.id);
    const m = await mentionOf(feed.id, 'https://forum.example/t/42');
    const reply = await sendReply(m.ticketId, 'Hi Bob, a firmware update fixes this: Settings > Update.');
    expect(reply).toMatchObject({
      status: 'manual',
      manualText: 'Hi Bob, a firmware update fixes this: Settings > Update.',
      postUrl: 'https://forum.example/t/42',
    });
    const ticket = await ticketRow(m.ticketId);
    expect(ticket.status).toBe('open');
    expect(ticket.firstRespondedAt).toBeInstanceOf(Date);
    const [replied] = await sql<{ data: unknown }>(
      `SELECT data FROM ticket_events WHERE ticket_id = $1 AND type = 'replied'`,
      [m.ticketId],
    );
    expect(replied!.data).toEqual({ replyId: reply.id, status: 'manual' });
    expect(await statusOf(reply.id)).toBe('manual');

    const w = await webhookTicket(false);
    const hook = await sendReply(w.ticketId, 'We refunded you today.');
    expect(hook).toMatchObject({
      status: 'manual',
      manualText: 'We refunded you today.',
      postUrl: `https://forum.example.com/p/${w.externalId}`,
    });
  });

  it('webhook with a reply URL: signed POST, sent once; demo: recorded as sent', async () => {
    const w = await webhookTicket();
    const reply = await sendReply(w.ticketId, 'Your refund is on its way.');
    await expect.poll(() => statusOf(reply.id), WAIT).toBe('sent');
    const row = await replyRow(reply.id);
    const got = receiver.accepted.filter((d) => d.id === row.idempotencyKey);
    expect(got).toHaveLength(1);
    expect(got[0]!.json).toMatchObject({
      type: 'reply',
      body: 'Your refund is on its way.',
      mentionExternalId: w.externalId,
    });
    expect(row.externalUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/replies\/\d+$/);

    const demo = await createSource('demo', 'Demo', { ratePerMinute: 6 }, { backfillLimit: 5 });
    await poll(demo.id);
    const [d] = await sql<{ ticketId: string }>(
      `SELECT ticket_id AS "ticketId" FROM mentions WHERE source_id = $1 AND ticket_id IS NOT NULL LIMIT 1`,
      [demo.id],
    );
    const demoReply = await sendReply(d!.ticketId, 'Thanks for reaching out!');
    await expect.poll(() => statusOf(demoReply.id), WAIT).toBe('sent');
    expect((await replyRow(demoReply.id)).externalId).toMatch(/^demo-reply-/);
  });

  it('access, closed tickets and bad input', async () => {
    const m = await mastodonTicket();
    const hidden = await outsider.client.post(`/api/tickets/${m.ticketId}/replies`, { body: 'hi' });
    expect(hidden.status).toBe(404);
    const empty = await agent.client.post(`/api/tickets/${m.ticketId}/replies`, { body: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.details.fields[0].path).toBe('body');
    const other = await mastodonTicket();
    const foreign = await agent.client.post(`/api/tickets/${m.ticketId}/replies`, {
      body: 'hi',
      inReplyToMentionId: other.id,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.details.fields[0].path).toBe('inReplyToMentionId');
    // Managers see every ticket and may answer.
    const manager = await createUser(admin, 'manager');
    const byManager = await sendReply(m.ticketId, 'Hello from the manager', manager.client, {
      inReplyToMentionId: m.id,
    });
    expect(byManager.status).toBe('queued');

    await sql(`UPDATE tickets SET status = 'closed', closed_at = now() WHERE id = $1`, [other.ticketId]);
    const closed = await agent.client.post(`/api/tickets/${other.ticketId}/replies`, { body: 'hi' });
    expect(closed.status).toBe(422);
    expect(await sql('SELECT 1 FROM replies WHERE ticket_id = $1', [other.ticketId])).toHaveLength(0);
  });

  it('warns when someone else is typing a reply on the ticket', async () => {
    const m = await mastodonTicket();
    await sql(
      `INSERT INTO ticket_presence (socket_id, ticket_id, user_id, typing_until) VALUES ($1, $2, $3, now() + interval '30 seconds')`,
      [`sock-${randomUUID()}`, m.ticketId, typer.user.id],
    );
    const warned = await sendReply(m.ticketId, 'First answer');
    expect(warned.warning).toEqual({
      code: 'concurrent_typing',
      message: 'Tina Typer was typing a reply',
      userIds: [typer.user.id],
    });
    // The typist's own reply is not a collision with themselves.
    const own = await sendReply(m.ticketId, 'Second answer', typer.client);
    expect(own.warning).toBeNull();
    // A typing signal that lapsed warns nobody.
    await sql(`UPDATE ticket_presence SET typing_until = now() - interval '1 second' WHERE ticket_id = $1`, [
      m.ticketId,
    ]);
    expect((await sendReply(m.ticketId, 'Third answer')).warning).toBeNull();
  });
});

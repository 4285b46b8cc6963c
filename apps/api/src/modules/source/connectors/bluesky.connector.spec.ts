import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlueskyFake, type BskyProfile } from '../../../../test/fakes/bluesky.fake.js';
import { blueskyConnector, buildFacets, graphemeLength, tidFromKey, type BlueskyCursor } from './bluesky.connector.js';
import { ConnectorError, type PullContext, type PullResult, type ReplyContext } from './connector.js';

const NOW = new Date('2030-01-01T00:00:00.000Z');
const TID_RE = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

let fake: BlueskyFake;
let baseUrl: string;
/** What the ingestion service would have stored (for `known`). */
let stored: Set<string>;
let saved: Record<string, unknown>[];

beforeEach(async () => {
  fake = new BlueskyFake();
  baseUrl = await fake.start();
  stored = new Set();
  saved = [];
});
afterEach(async () => {
  await fake.close();
});

function config(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    baseUrl,
    identifier: fake.account.handle,
    appPassword: fake.account.password,
    mode: 'notifications',
    ...extra,
  };
}

function ctx(over: Partial<PullContext> = {}): PullContext {
  const c: PullContext = {
    config: config(),
    cursor: null,
    backfillLimit: 200,
    state: {},
    saveState: (s) => {
      saved.push(s);
      c.state = s;
      return Promise.resolve();
    },
    known: (uris) => Promise.resolve(new Set(uris.filter((u) => stored.has(u)))),
    fetch: globalThis.fetch,
    now: () => NOW,
    ...over,
  };
  return c;
}

function replyCtx(state: Record<string, unknown> = {}): ReplyContext {
  const c: ReplyContext = {
    config: config(),
    state,
    saveState: (s) => {
      saved.push(s);
      c.state = s;
      return Promise.resolve();
    },
    fetch: globalThis.fetch,
    now: () => NOW,
  };
  return c;
}

/** Pulls like the poller: stores what came back and carries the cursor and state on. */
async function pullAndStore(c: PullContext): Promise<PullResult> {
  const r = await blueskyConnector.pull(c);
  for (const m of r.mentions) stored.add(m.externalId);
  c.cursor = r.cursor;
  return r;
}

async function failure(p: Promise<unknown>): Promise<ConnectorError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConnectorError);
  return err as ConnectorError;
}

const ids = (r: PullResult) => r.mentions.map((m) => m.externalId);
const users = (n: number, prefix = 'user'): BskyProfile[] =>
  Array.from({ length: n }, (_, i) => fake.user(`${prefix}${i}.bsky.social`, { followersCount: 1000 + i }));

describe('blueskyConnector.pull', () => {
  it('signs in once, backfills newest first following cursors up to backfillLimit, and stores the newest uri', async () => {
    fake.pageSize = 10;
    const authors = users(30);
    const seeded = authors.map((a, i) => fake.notify(a, { text: `mention ${i}` }));
    const c = ctx({ backfillLimit: 25 });
    const res = await blueskyConnector.pull(c);

    const newestFirst = [...seeded].reverse();
    expect(ids(res)).toEqual(newestFirst.slice(0, 25).map((n) => n.uri));
    expect(res.skipped).toEqual([]);
    expect(res.more).toBe(false);
    expect(res.cursor).toEqual({
      mode: 'notifications',
      newestUri: newestFirst[0]!.uri,
      newestIndexedAt: newestFirst[0]!.indexedAt,
    });

    const calls = fake.requestsTo('/xrpc/app.bsky.notification.listNotifications');
    expect(calls.map((r) => r.query.get('limit'))).toEqual(['25', '15', '5']);
    expect(calls[0]!.query.getAll('reasons')).toEqual(['mention', 'reply', 'quote']);
    expect(calls[0]!.query.get('cursor')).toBeNull();
    expect(calls[1]!.query.get('cursor')).toBeTruthy();
    expect(calls[2]!.query.get('cursor')).not.toBe(calls[1]!.query.get('cursor'));

    expect(fake.requestsTo('/xrpc/com.atproto.server.createSession')).toHaveLength(1);
    expect(fake.requestsTo('/xrpc/com.atproto.server.createSession')[0]!.json).toEqual({
      identifier: fake.account.handle,
      password: fake.account.password,
    });
    expect(saved).toHaveLength(1);
    expect(c.state.session).toMatchObject({ did: fake.account.did, handle: fake.account.handle });
    for (const r of calls) expect(r.headers.authorization).toBe(`Bearer ${(c.state.session as any).accessJwt}`);

    // Followers come from getProfiles, at most 25 actors per call.
    const profileCalls = fake.requestsTo('/xrpc/app.bsky.actor.getProfiles');
    expect(profileCalls.map((r) => r.query.getAll('actors').length)).toEqual([25]);
    const newest = res.mentions[0]!;
    expect(newest.author.followers).toBe(1029);
  });

  it('batches getProfiles by 25 authors', async () => {
    users(30).forEach((a) => fake.notify(a));
    const res = await blueskyConnector.pull(ctx());
    expect(res.mentions).toHaveLength(30);
    const calls = fake.requestsTo('/xrpc/app.bsky.actor.getProfiles');
    expect(calls.map((r) => r.query.getAll('actors').length)).toEqual([25, 5]);
    expect(res.mentions.every((m) => typeof m.author.followers === 'number')).toBe(true);
  });

  it('reads forward until a stored uri: nothing twice, the cursor moves to the newest', async () => {
    const [alice] = users(1);
    Array.from({ length: 3 }, () => fake.notify(alice!));
    const c = ctx();
    await pullAndStore(c);

    const fresh = Array.from({ length: 12 }, () => fake.notify(alice!));
    fake.clearRequests();
    const next = await pullAndStore(c);
    expect(ids(next)).toEqual([...fresh].reverse().map((n) => n.uri));
    expect(next.cursor).toEqual({
      mode: 'notifications',
      newestUri: fresh[11]!.uri,
      newestIndexedAt: fresh[11]!.indexedAt,
    });
    expect(fake.requestsTo('/xrpc/app.bsky.notification.listNotifications')).toHaveLength(1);

    const again = await pullAndStore(c);
    expect(again.mentions).toEqual([]);
    expect(again.cursor).toEqual(next.cursor);
  });

  it('stops at the uri in its own cursor even when nothing is reported as stored', async () => {
    const [alice] = users(1);
    fake.notify(alice!);
    const c = ctx({ known: () => Promise.resolve(new Set<string>()) });
    const first = await blueskyConnector.pull(c);
    const fresh = fake.notify(alice!);
    const next = await blueskyConnector.pull({ ...c, cursor: first.cursor });
    expect(ids(next)).toEqual([fresh.uri]);
  });

  it('stops at a uri the source has stored even without a cursor (e.g. after a mode switch back)', async () => {
    const [alice] = users(1);
    const old = Array.from({ length: 3 }, () => fake.notify(alice!));
    old.forEach((n) => stored.add(n.uri));
    const fresh = fake.notify(alice!);
    const res = await blueskyConnector.pull(
      ctx({ cursor: { mode: 'search', newestUri: 'at://x/y/z', newestIndexedAt: NOW.toISOString() } }),
    );
    expect(ids(res)).toEqual([fresh.uri]);
    expect(res.cursor).toMatchObject({ mode: 'notifications', newestUri: fresh.uri });
  });

  it('a long forward read hands back after a page budget and resumes from the page cursor', async () => {
    fake.pageSize = 10;
    const [alice] = users(1);
    fake.notify(alice!);
    const c = ctx();
    await pullAndStore(c);

    const fresh = Array.from({ length: 65 }, () => fake.notify(alice!));
    const r1 = await pullAndStore(c);
    expect(r1.mentions).toHaveLength(50);
    expect(r1.more).toBe(true);
    expect((r1.cursor as BlueskyCursor).resume?.newestUri).toBe(fresh[64]!.uri);
    const r2 = await pullAndStore(c);
    expect(r2.more).toBe(false);
    expect([...ids(r1), ...ids(r2)]).toEqual([...fresh].reverse().map((n) => n.uri));
    expect(r2.cursor).toEqual({
      mode: 'notifications',
      newestUri: fresh[64]!.uri,
      newestIndexedAt: fresh[64]!.indexedAt,
    });
  });

  it('429 with RateLimit-Reset (unix seconds) → rate_limited with that exact retryAt; the next call succeeds', async () => {
    fake.notify(users(1)[0]!);
    const c = ctx();
    fake.rateLimitNext(1, new Date('2030-01-01T00:04:00.000Z'));
    const err = await failure(blueskyConnector.pull(c));
    expect(err.kind).toBe('rate_limited');
    expect(err.retryAt).toEqual(new Date('2030-01-01T00:04:00.000Z'));

    const ok = await blueskyConnector.pull(c);
    expect(ok.mentions).toHaveLength(1);
  });

  it('5xx → unavailable', async () => {
    const c = ctx();
    fake.failNext(1, {
      status: 502,
      body: { error: 'UpstreamFailure', message: 'Upstream Failure' },
      match: (r) => r.path.endsWith('listNotifications'),
    });
    const err = await failure(blueskyConnector.pull(c));
    expect(err.kind).toBe('unavailable');
    expect(err.status).toBe(502);
  });

  it('a wrong app password → auth, telling the admin what to check', async () => {
    const err = await failure(blueskyConnector.pull(ctx({ config: config({ appPassword: 'wrong-pass-word-xxxx' }) })));
    expect(err.kind).toBe('auth');
    expect(err.status).toBe(401);
    expect(err.message).toContain('Invalid identifier or password');
    expect(err.message).toMatch(/identifier.*app password/);
    expect(saved).toEqual([]);
  });

  it('an expired access token is refreshed with the refresh token and the call retried', async () => {
    fake.notify(users(1)[0]!);
    const session = fake.issueSession();
    const c = ctx({
      state: { session: { ...session, service: baseUrl, identifier: fake.account.handle } },
    });
    fake.expireAccessTokens();
    const res = await blueskyConnector.pull(c);
    expect(res.mentions).toHaveLength(1);

    const refresh = fake.requestsTo('/xrpc/com.atproto.server.refreshSession', 'POST');
    expect(refresh).toHaveLength(1);
    expect(refresh[0]!.headers.authorization).toBe(`Bearer ${session.refreshJwt}`);
    expect(fake.requestsTo('/xrpc/com.atproto.server.createSession')).toHaveLength(0);
    const list = fake.requestsTo('/xrpc/app.bsky.notification.listNotifications');
    expect(list.map((r) => r.headers.authorization)).toEqual([
      `Bearer ${session.accessJwt}`,
      `Bearer ${(c.state.session as any).accessJwt}`,
    ]);
    expect((c.state.session as any).accessJwt).not.toBe(session.accessJwt);
    expect((c.state.session as any).refreshJwt).not.toBe(session.refreshJwt);
  });

  it('a 401 on a call also renews the session', async () => {
    fake.notify(users(1)[0]!);
    const c = ctx();
    await blueskyConnector.pull(c);
    fake.failNext(1, {
      status: 401,
      body: { error: 'AuthenticationRequired', message: 'Authentication Required' },
      match: (r) => r.path.endsWith('listNotifications'),
    });
    const res = await blueskyConnector.pull({ ...c, cursor: null });
    expect(res.mentions).toHaveLength(1);
    expect(fake.requestsTo('/xrpc/com.atproto.server.refreshSession')).toHaveLength(1);
  });

  it('a refused refresh falls back to signing in again with the app password', async () => {
    fake.notify(users(1)[0]!);
    const session = fake.issueSession();
    const c = ctx({ state: { session: { ...session, service: baseUrl, identifier: fake.account.handle } } });
    fake.expireAccessTokens().revokeRefreshTokens();
    const res = await blueskyConnector.pull(c);
    expect(res.mentions).toHaveLength(1);
    expect(fake.requestsTo('/xrpc/com.atproto.server.refreshSession')).toHaveLength(1);
    expect(fake.requestsTo('/xrpc/com.atproto.server.createSession')).toHaveLength(1);
  });

  it('a failed refresh and a refused sign-in → auth error saying what the admin must do', async () => {
    const session = fake.issueSession();
    const c = ctx({
      config: config({ appPassword: 'revoked-app-pass-word' }),
      state: { session: { ...session, service: baseUrl, identifier: fake.account.handle } },
    });
    fake.expireAccessTokens().revokeRefreshTokens();
    const err = await failure(blueskyConnector.pull(c));
    expect(err.kind).toBe('auth');
    expect(err.message).toMatch(/Check the identifier .* app password/);
  });

  it('skips malformed items with a reason and ingests the rest', async () => {
    const [alice, bob] = users(2);
    const good1 = fake.notify(alice!, { text: 'first' });
    const noAuthor = fake.notify(bob!);
    delete (noAuthor as Record<string, unknown>).author;
    const badDate = fake.notify(bob!, { createdAt: 'not a date' });
    const notPost = fake.notify(bob!);
    notPost.uri = notPost.uri.replace('app.bsky.feed.post', 'app.bsky.feed.like');
    const noRecord = fake.notify(bob!);
    noRecord.record = null;
    const good2 = fake.notify(alice!, { text: 'last' });

    const res = await blueskyConnector.pull(ctx());
    expect(ids(res)).toEqual([good2.uri, good1.uri]);
    expect(res.skipped).toEqual(
      expect.arrayContaining([
        { externalId: noAuthor.uri, reason: 'missing author' },
        { externalId: badDate.uri, reason: 'unparseable date' },
        { externalId: notPost.uri, reason: 'not a post uri' },
        { externalId: noRecord.uri, reason: 'missing post record' },
      ]),
    );
    expect(res.skipped).toHaveLength(4);
    expect(res.cursor).toMatchObject({ newestUri: good2.uri });
  });

  it('maps a reply notification: url, text, language, thread refs, replyContext, followers, verified', async () => {
    const brandPost = fake.post(fake.profiles.get(fake.account.did)!, { text: 'our launch' });
    const carol = fake.user('carol.example.com', {
      displayName: 'Carol',
      followersCount: 4321,
      verification: { verifications: [], verifiedStatus: 'valid', trustedVerifierStatus: 'none' },
    });
    const mid = fake.post(carol, { text: 'first reply', reply: { root: brandPost, parent: brandPost } });
    const n = fake.notify(carol, {
      reason: 'reply',
      text: 'Is <script>alert(1)</script> it ready?',
      langs: ['pt-BR'],
      reply: { root: { uri: brandPost.uri, cid: brandPost.cid }, parent: { uri: mid.uri, cid: mid.cid } },
    });

    const res = await blueskyConnector.pull(ctx());
    const m = res.mentions[0]!;
    const rkey = n.uri.split('/').pop()!;
    expect(m).toMatchObject({
      externalId: n.uri,
      url: `https://bsky.app/profile/carol.example.com/post/${rkey}`,
      text: 'Is <script>alert(1)</script> it ready?',
      html: null,
      language: 'pt',
      inReplyToExternalId: mid.uri,
      threadExternalId: brandPost.uri,
      replyContext: { cid: n.cid, rootUri: brandPost.uri, rootCid: brandPost.cid, authorDid: carol.did },
      author: {
        externalId: carol.did,
        handle: 'carol.example.com',
        displayName: 'Carol',
        profileUrl: 'https://bsky.app/profile/carol.example.com',
        followers: 4321,
        verified: true,
      },
    });
    expect(m.postedAt).toEqual(new Date((n.record as any).createdAt));
    expect(m.raw).toEqual(JSON.parse(JSON.stringify(n)));
  });

  it('search mode: searchPosts q + sort=latest, metrics with quotes counted as reposts', async () => {
    const [alice] = users(1);
    const hit = fake.post(alice!, {
      text: 'Acme support is great',
      counts: { likeCount: 5, repostCount: 2, quoteCount: 1, replyCount: 3 },
    });
    fake.post(alice!, { text: 'unrelated' });
    const res = await blueskyConnector.pull(ctx({ config: config({ mode: 'search', query: 'acme' }) }));
    expect(ids(res)).toEqual([hit.uri]);
    expect(res.mentions[0]!.metrics).toEqual({ likes: 5, reposts: 3, replies: 3 });
    expect(res.mentions[0]!.threadExternalId).toBeNull();
    expect(res.mentions[0]!.replyContext).toMatchObject({ rootUri: hit.uri, rootCid: hit.cid });
    const call = fake.requestsTo('/xrpc/app.bsky.feed.searchPosts')[0]!;
    expect(call.query.get('q')).toBe('acme');
    expect(call.query.get('sort')).toBe('latest');
    expect(res.cursor).toMatchObject({ mode: 'search', newestUri: hit.uri });
  });
});

describe('blueskyConnector.reply', () => {
  function parentWithThread() {
    const brand = fake.profiles.get(fake.account.did)!;
    const root = fake.post(brand, { text: 'our launch post' });
    const dave = fake.user('dave.bsky.social');
    const parent = fake.post(dave, {
      text: 'where is my order?',
      reply: { root: { uri: root.uri, cid: root.cid }, parent: { uri: root.uri, cid: root.cid } },
    });
    return { root, parent, dave };
  }

  it('creates a post with reply root/parent, langs, facets and a TID rkey derived from the idempotency key', async () => {
    const { root, parent, dave } = parentWithThread();
    const body = 'Hi @dave.bsky.social 👋🏽 see https://help.example/orders.';
    const out = await blueskyConnector.reply!(replyCtx(), {
      body,
      idempotencyKey: 'reply-42',
      target: {
        externalId: parent.uri,
        url: null,
        authorHandle: 'dave.bsky.social',
        language: 'en',
        replyContext: { cid: parent.cid, rootUri: root.uri, rootCid: root.cid, authorDid: dave.did },
      },
    });

    const rkey = tidFromKey('reply-42');
    expect(rkey).toMatch(TID_RE);
    expect(out).toEqual({
      externalId: `at://${fake.account.did}/app.bsky.feed.post/${rkey}`,
      url: `https://bsky.app/profile/${fake.account.handle}/post/${rkey}`,
    });
    const req = fake.requestsTo('/xrpc/com.atproto.repo.createRecord', 'POST')[0]!;
    const sent = req.json as any;
    expect(sent).toMatchObject({ repo: fake.account.did, collection: 'app.bsky.feed.post', rkey });
    expect(sent.record).toMatchObject({
      $type: 'app.bsky.feed.post',
      text: body,
      createdAt: NOW.toISOString(),
      langs: ['en'],
      reply: { root: { uri: root.uri, cid: root.cid }, parent: { uri: parent.uri, cid: parent.cid } },
    });
    const bytes = Buffer.from(body, 'utf8');
    const facetText = (f: any) => bytes.subarray(f.index.byteStart, f.index.byteEnd).toString('utf8');
    expect(sent.record.facets.map((f: any) => [facetText(f), f.features[0]])).toEqual([
      ['@dave.bsky.social', { $type: 'app.bsky.richtext.facet#mention', did: dave.did }],
      ['https://help.example/orders', { $type: 'app.bsky.richtext.facet#link', uri: 'https://help.example/orders' }],
    ]);
    expect(fake.created).toHaveLength(1);
  });

  it('posting the same idempotencyKey twice yields one record (the taken rkey is read back)', async () => {
    const { root, parent } = parentWithThread();
    const req = {
      body: 'We are on it.',
      idempotencyKey: 'reply-same',
      target: {
        externalId: parent.uri,
        url: null,
        authorHandle: 'dave.bsky.social',
        replyContext: { cid: parent.cid, rootUri: root.uri, rootCid: root.cid },
      },
    };
    const c = replyCtx();
    const a = await blueskyConnector.reply!(c, req);
    const b = await blueskyConnector.reply!(c, req);
    expect(b).toEqual(a);
    expect(fake.created).toHaveLength(1);
    expect(fake.requestsTo('/xrpc/com.atproto.repo.createRecord')).toHaveLength(2);
    expect(fake.requestsTo('/xrpc/com.atproto.repo.getRecord').map((r) => r.query.get('rkey'))).toEqual([
      tidFromKey('reply-same'),
    ]);
  });

  it('without a stored cid reads the parent, and roots the reply at the parent’s own root', async () => {
    const { root, parent } = parentWithThread();
    await blueskyConnector.reply!(replyCtx(), {
      body: 'Thanks!',
      idempotencyKey: 'reply-no-cid',
      target: { externalId: parent.uri, url: null, authorHandle: 'dave.bsky.social' },
    });
    const sent = fake.requestsTo('/xrpc/com.atproto.repo.createRecord')[0]!.json as any;
    expect(sent.record.reply).toEqual({
      root: { uri: root.uri, cid: root.cid },
      parent: { uri: parent.uri, cid: parent.cid },
    });
  });

  it('a top-level parent is also the root', async () => {
    const dave = fake.user('dave.bsky.social');
    const post = fake.post(dave, { text: 'hello brand' });
    await blueskyConnector.reply!(replyCtx(), {
      body: 'Hello!',
      idempotencyKey: 'top',
      target: {
        externalId: post.uri,
        url: null,
        authorHandle: dave.handle,
        replyContext: { cid: post.cid, rootUri: post.uri, rootCid: post.cid },
      },
    });
    const sent = fake.requestsTo('/xrpc/com.atproto.repo.createRecord')[0]!.json as any;
    expect(sent.record.reply).toEqual({
      root: { uri: post.uri, cid: post.cid },
      parent: { uri: post.uri, cid: post.cid },
    });
  });

  it('refuses more than 300 graphemes before posting; counts graphemes, not code units', async () => {
    expect(graphemeLength('👋🏽')).toBe(1);
    expect(graphemeLength('e\u0301')).toBe(1);
    expect(blueskyConnector.replyLimit({})).toBe(300);
    expect(blueskyConnector.retrySafe).toBe(true);
    const { parent } = parentWithThread();
    const err = await failure(
      blueskyConnector.reply!(replyCtx(), {
        body: '👋🏽'.repeat(301),
        idempotencyKey: 'long',
        target: {
          externalId: parent.uri,
          url: null,
          authorHandle: 'dave.bsky.social',
          replyContext: { cid: parent.cid },
        },
      }),
    );
    expect(err.kind).toBe('rejected');
    expect(fake.requestsTo('/xrpc/com.atproto.repo.createRecord')).toHaveLength(0);
  });

  it('tidFromKey is deterministic and distinct per key', () => {
    expect(tidFromKey('a')).toBe(tidFromKey('a'));
    expect(tidFromKey('a')).not.toBe(tidFromKey('b'));
    for (const k of ['a', 'b', 'reply-1', '00000000-0000-4000-8000-000000000000'])
      expect(tidFromKey(k)).toMatch(TID_RE);
  });

  it('buildFacets leaves unresolvable handles as plain text', async () => {
    const facets = await buildFacets('cc @nobody.example', () => Promise.resolve(null));
    expect(facets).toEqual([]);
  });
});

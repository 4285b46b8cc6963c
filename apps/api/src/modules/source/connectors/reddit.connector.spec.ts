import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RedditFake } from '../../../../test/fakes/reddit.fake.js';
import type { PullContext, PullResult, ReplyRequest } from './connector.js';
import { ConnectorError } from './connector.js';
import { redditConnector } from './reddit.connector.js';

const NOW = new Date('2025-06-02T00:00:00.000Z');

let fake: RedditFake;

beforeEach(async () => {
  fake = new RedditFake();
  await fake.start();
});

afterEach(async () => {
  await fake.close();
});

function config(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    baseUrl: fake.baseUrl,
    authUrl: fake.baseUrl,
    clientId: fake.clientId,
    clientSecret: fake.clientSecret,
    username: fake.username,
    password: fake.password,
    query: 'acme',
    ...extra,
  };
}

interface TestContext extends PullContext {
  saved: Record<string, unknown>[];
}

function context(over: Partial<PullContext> = {}): TestContext {
  const saved: Record<string, unknown>[] = [];
  const ctx: TestContext = {
    config: config(),
    cursor: null,
    backfillLimit: 200,
    state: {},
    saveState: (s) => {
      saved.push(structuredClone(s));
      return Promise.resolve();
    },
    known: () => Promise.resolve(new Set<string>()),
    fetch: globalThis.fetch,
    now: () => NOW,
    saved,
    ...over,
  };
  return ctx;
}

async function pullError(ctx: PullContext): Promise<ConnectorError> {
  const err = await redditConnector.pull(ctx).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConnectorError);
  return err as ConnectorError;
}

function seedPosts(n: number, prefix = 'Acme question'): string[] {
  return Array.from({ length: n }, (_, i) => String(fake.addPost({ title: `${prefix} ${i}` }).data.name));
}

const ids = (r: PullResult) => r.mentions.map((m) => m.externalId);

describe('reddit connector: pull', () => {
  it('backfills the newest posts up to backfillLimit, paging back with after', async () => {
    const names = seedPosts(250);
    const ctx = context({ backfillLimit: 150 });
    const res = await redditConnector.pull(ctx);

    // Oldest first, the newest 150 of 250.
    expect(ids(res)).toEqual(names.slice(100));
    expect(res.skipped).toEqual([]);
    expect(res.more).toBe(false);
    expect(res.cursor).toEqual({ search: names[249] });

    const searches = fake.requestsTo('/search', 'GET');
    expect(searches.map((r) => [r.query.get('limit'), r.query.get('after')])).toEqual([
      ['100', null],
      ['50', names[150]],
    ]);
    const q = searches[0]!.query;
    expect(Object.fromEntries(q)).toMatchObject({ q: 'acme', sort: 'new', t: 'day', type: 'link', raw_json: '1' });
    expect(searches[0]!.headers.authorization).toMatch(/^bearer reddit-token-1-/);
    expect(searches[0]!.headers['user-agent']).toMatch(/^Dengar\//);
  });

  it('maps a post: fullname, title + selftext, permalink URL, author, metrics', async () => {
    const post = fake.addPost({
      title: 'Acme router keeps dropping wifi',
      selftext: 'Since the update **every** evening.',
      author: 'jane_doe',
      score: 42,
      num_comments: 7,
      num_crossposts: 2,
      created_utc: 1_748_800_000,
    });
    const res = await redditConnector.pull(context());
    expect(res.mentions).toHaveLength(1);
    const m = res.mentions[0]!;
    expect(m).toMatchObject({
      externalId: post.data.name,
      url: `https://www.reddit.com${String(post.data.permalink)}`,
      text: 'Acme router keeps dropping wifi\n\nSince the update **every** evening.',
      html: null,
      language: null,
      inReplyToExternalId: null,
      threadExternalId: null,
      author: {
        externalId: post.data.author_fullname,
        handle: 'jane_doe',
        profileUrl: 'https://www.reddit.com/user/jane_doe',
        followers: null,
      },
      metrics: { likes: 42, reposts: 2, replies: 7 },
    });
    expect(m.postedAt.toISOString()).toBe(new Date(1_748_800_000 * 1000).toISOString());
    expect(m.raw).toEqual(post);
  });

  it('reads forward from its cursor: only newer items, nothing twice', async () => {
    seedPosts(5);
    const first = await redditConnector.pull(context());
    expect(first.mentions).toHaveLength(5);

    const fresh = seedPosts(3, 'Acme later');
    const second = await redditConnector.pull(context({ cursor: first.cursor }));
    expect(ids(second)).toEqual(fresh);
    expect(second.cursor).toEqual({ search: fresh[2] });

    const third = await redditConnector.pull(context({ cursor: second.cursor }));
    expect(third.mentions).toEqual([]);
    expect(third.cursor).toEqual(second.cursor);
  });

  it('with backfillLimit 0 reads nothing old but sets the cursor', async () => {
    const old = seedPosts(3);
    const first = await redditConnector.pull(context({ backfillLimit: 0 }));
    expect(first.mentions).toEqual([]);
    expect(first.cursor).toEqual({ search: old[2] });
    const fresh = seedPosts(1, 'Acme new');
    expect(ids(await redditConnector.pull(context({ cursor: first.cursor })))).toEqual(fresh);
  });

  it('reads forward over more than one page when many items arrived', async () => {
    seedPosts(2);
    const first = await redditConnector.pull(context());
    const fresh = seedPosts(130, 'Acme burst');
    fake.clearRequests();
    const res = await redditConnector.pull(context({ cursor: first.cursor }));
    expect(ids(res)).toEqual(fresh);
    expect(fake.requestsTo('/search').map((r) => r.query.get('after'))).toEqual([null, fresh[30]]);
  });

  it('keeps reading when the cursor item was deleted at the source', async () => {
    const old = seedPosts(3);
    const first = await redditConnector.pull(context());
    fake.remove(old[2]!);
    const fresh = seedPosts(2, 'Acme after delete');
    const res = await redditConnector.pull(context({ cursor: first.cursor }));
    expect(ids(res)).toEqual(fresh);
  });

  it('watches subreddit comments, keeps those with a query keyword, and maps replies', async () => {
    const hit = fake.addComment('Routers', {
      body: 'My **Acme** box & the <script>x</script> modem',
      body_html: '<div class="md"><p>My <strong>Acme</strong> box &amp; the modem<script>alert(1)</script></p></div>',
      link_id: 't3_post1',
      parent_id: 't1_parent1',
      author: 'bob',
    });
    fake.addComment('Routers', { body: 'Unrelated chatter about acmeology', link_id: 't3_post1' });
    fake.addComment('Routers', { body: 'I like ACME too', link_id: 't3_post2' });
    const ctx = context({ config: config({ query: 'acme -spam', subreddits: ['r/Routers'] }) });
    const res = await redditConnector.pull(ctx);

    expect(res.mentions.map((m) => m.text)).toEqual([
      'My **Acme** box & the <script>x</script> modem',
      'I like ACME too',
    ]);
    const m = res.mentions[0]!;
    expect(m).toMatchObject({
      externalId: hit.data.name,
      inReplyToExternalId: 't1_parent1',
      threadExternalId: 't3_post1',
      html: '<p>My <strong>Acme</strong> box &amp; the modem</p>',
      author: { handle: 'bob' },
    });
    expect(fake.requestsTo('/r/Routers/comments')[0]!.query.get('raw_json')).toBe('1');
    expect(res.cursor).toMatchObject({ subs: { routers: expect.stringMatching(/^t1_/) } });
  });

  it('skips malformed and deleted items with a reason and ingests the rest', async () => {
    const good1 = fake.addPost({ title: 'Acme is great' });
    fake.addRaw('search', { kind: 't3', data: { name: 't3_broken', title: 'No author or date' } });
    fake.addPost({ title: 'Acme removed', author: '[deleted]' });
    fake.addRaw('search', { kind: 't5', data: { name: 't5_sub' } });
    fake.addRaw('search', 'not even an object');
    const good2 = fake.addPost({ title: 'Acme support was quick' });
    const res = await redditConnector.pull(context());

    expect(ids(res)).toEqual([good1.data.name, good2.data.name]);
    expect(res.skipped).toEqual([
      { externalId: null, reason: 'search: unexpected kind null' },
      { externalId: 't5_sub', reason: 'search: unexpected kind "t5"' },
      { externalId: expect.stringMatching(/^t3_/), reason: 'search: deleted or removed' },
      { externalId: 't3_broken', reason: 'search: missing author' },
    ]);
  });

  it('skips a private subreddit with a reason and reads the others', async () => {
    fake.addComment('secret', { body: 'acme inside' });
    const open = fake.addComment('open', { body: 'acme outside' });
    fake.privateSubreddits.add('secret');
    const res = await redditConnector.pull(
      context({ config: config({ query: undefined, subreddits: ['secret', 'open'] }) }),
    );
    expect(ids(res)).toEqual([open.data.name]);
    expect(res.skipped).toHaveLength(1);
    expect(res.skipped[0]!.reason).toMatch(/^r\/secret cannot be read \(403\)/);
    expect(res.cursor).toEqual({ subs: { open: open.data.name } });
  });

  it('stops early when the rate-limit budget is used up, keeping the cursor of unread streams', async () => {
    const post = fake.addPost({ title: 'acme' });
    fake.addComment('alpha', { body: 'acme' });
    fake.rateLimitRemaining = 0.4;
    const res = await redditConnector.pull(context({ config: config({ subreddits: ['alpha'] }) }));
    expect(ids(res)).toEqual([post.data.name]);
    expect(res.cursor).toEqual({ search: post.data.name });
    expect(fake.requestsTo('/r/alpha/comments')).toHaveLength(0);
  });
});

describe('reddit connector: errors and tokens', () => {
  it('turns a 429 into rate_limited at the x-ratelimit-reset time', async () => {
    seedPosts(1);
    fake.failNext(1, { ...RedditFake.tooManyRequests(123), match: (r) => r.path === '/search' });
    const err = await pullError(context());
    expect(err.kind).toBe('rate_limited');
    expect(err.retryAt?.toISOString()).toBe(new Date(NOW.getTime() + 123_000).toISOString());
  });

  it('succeeds on the next call after a 429', async () => {
    const names = seedPosts(2);
    fake.failNext(1, { ...RedditFake.tooManyRequests(30), match: (r) => r.path === '/search' });
    const ctx = context();
    expect((await pullError(ctx)).kind).toBe('rate_limited');
    const res = await redditConnector.pull(ctx);
    expect(ids(res)).toEqual(names);
    // The token from the failed poll is reused.
    expect(fake.requestsTo('/api/v1/access_token')).toHaveLength(1);
  });

  it('turns a 5xx into unavailable', async () => {
    fake.failNext(1, { status: 503, body: '<html>upstream busy</html>', match: (r) => r.path === '/search' });
    const err = await pullError(context());
    expect(err.kind).toBe('unavailable');
    expect(err.status).toBe(503);
  });

  it('asks for a password-grant token with HTTP Basic client credentials and caches it in state', async () => {
    const ctx = context();
    await redditConnector.pull(ctx);
    const [tokenReq] = fake.requestsTo('/api/v1/access_token', 'POST');
    expect(tokenReq!.headers.authorization).toBe(
      `Basic ${Buffer.from(`${fake.clientId}:${fake.clientSecret}`).toString('base64')}`,
    );
    expect(Object.fromEntries(new URLSearchParams(tokenReq!.body))).toEqual({
      grant_type: 'password',
      username: fake.username,
      password: fake.password,
    });
    expect(ctx.saved).toHaveLength(1);
    expect(ctx.saved[0]).toMatchObject({
      accessToken: expect.stringMatching(/^reddit-token-/),
      expiresAt: new Date(NOW.getTime() + 3600_000).toISOString(),
    });
  });

  it('uses client_credentials for a read-only source', async () => {
    await redditConnector.pull(context({ config: config({ username: undefined, password: undefined }) }));
    const [tokenReq] = fake.requestsTo('/api/v1/access_token', 'POST');
    expect(new URLSearchParams(tokenReq!.body).get('grant_type')).toBe('client_credentials');
  });

  it('renews an expired token', async () => {
    const ctx = context();
    await redditConnector.pull(ctx);
    const firstToken = ctx.state.accessToken;
    const later = new Date(NOW.getTime() + 3600_000);
    const res = await redditConnector.pull({ ...ctx, now: () => later });
    expect(res.mentions).toEqual([]);
    expect(fake.requestsTo('/api/v1/access_token')).toHaveLength(2);
    expect(ctx.state.accessToken).not.toBe(firstToken);
    expect(ctx.saved[1]).toMatchObject({ expiresAt: new Date(later.getTime() + 3600_000).toISOString() });
    expect(fake.requestsTo('/search').at(-1)!.headers.authorization).toBe(`bearer ${String(ctx.state.accessToken)}`);
  });

  it('renews a token Reddit refuses with 401 and retries once', async () => {
    const names = seedPosts(1);
    const ctx = context();
    await redditConnector.pull(ctx);
    fake.revokeTokens();
    const res = await redditConnector.pull({ ...ctx, cursor: null });
    expect(ids(res)).toEqual(names);
    expect(fake.requestsTo('/api/v1/access_token')).toHaveLength(2);
    expect(fake.requestsTo('/search').map((r) => r.headers.authorization)).toHaveLength(3);
  });

  it('answers auth when the API keeps refusing with 401', async () => {
    fake.failNext(2, {
      status: 401,
      body: { message: 'Unauthorized', error: 401 },
      match: (r) => r.path === '/search',
    });
    const err = await pullError(context());
    expect(err.kind).toBe('auth');
    expect(err.status).toBe(401);
    expect(fake.requestsTo('/api/v1/access_token')).toHaveLength(2);
  });

  it('answers auth saying what to check when the client secret is wrong', async () => {
    const err = await pullError(context({ config: config({ clientSecret: 'wrong' }) }));
    expect(err.kind).toBe('auth');
    expect(err.message).toMatch(/client id and secret/);
    expect(fake.requestsTo('/search')).toHaveLength(0);
  });

  it('answers auth when the password is wrong (a 200 carrying invalid_grant)', async () => {
    const err = await pullError(context({ config: config({ password: 'wrong' }) }));
    expect(err.kind).toBe('auth');
    expect(err.message).toMatch(/invalid_grant.*username and password/);
  });

  it('answers config without a query or subreddit', async () => {
    const err = await pullError(context({ config: config({ query: undefined }) }));
    expect(err.kind).toBe('config');
  });
});

describe('reddit connector: replies', () => {
  function replyReq(externalId: string, body = 'Sorry about that! We sent you a DM.'): ReplyRequest {
    return { body, idempotencyKey: 'reply-1', target: { externalId, url: null, authorHandle: 'jane_doe' } };
  }

  it('posts a comment with the script account and returns its fullname and URL', async () => {
    const post = fake.addPost({ title: 'Acme broke', subreddit: 'routers' });
    const ctx = context();
    const result = await redditConnector.reply!(ctx, replyReq(String(post.data.name), 'We are on it & will DM you'));

    expect(fake.commentForms).toEqual([
      { api_type: 'json', thing_id: post.data.name, text: 'We are on it & will DM you' },
    ]);
    const [sent] = fake.posted;
    expect(result).toEqual({
      externalId: sent!.data.name,
      url: `https://www.reddit.com${String(sent!.data.permalink)}`,
    });
    expect(sent!.data).toMatchObject({ author: fake.username, parent_id: post.data.name, link_id: post.data.name });
    expect(fake.requestsTo('/api/comment')[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(redditConnector.retrySafe).toBe(false);
    expect(redditConnector.replyLimit({})).toBe(10_000);
  });

  it('refuses to reply from a read-only source with a config error', async () => {
    const post = fake.addPost({ title: 'Acme' });
    const ctx = context({ config: config({ username: undefined, password: undefined }) });
    const err = await redditConnector.reply!(ctx, replyReq(String(post.data.name))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect((err as ConnectorError).kind).toBe('config');
    expect((err as ConnectorError).message).toMatch(/username and password/);
    expect(fake.commentForms).toHaveLength(0);
  });

  it('maps a RATELIMIT error inside a 200 to rate_limited', async () => {
    const post = fake.addPost({ title: 'Acme' });
    fake.failNextComment(
      [['RATELIMIT', 'Looks like you have been doing that a lot. Take a break for 9 minutes.', 'ratelimit']],
      540.2,
    );
    const err = await redditConnector.reply!(context(), replyReq(String(post.data.name))).catch((e: unknown) => e);
    expect((err as ConnectorError).kind).toBe('rate_limited');
    expect((err as ConnectorError).retryAt?.toISOString()).toBe(new Date(NOW.getTime() + 541_000).toISOString());
  });

  it('maps other write errors to rejected', async () => {
    const err = await redditConnector.reply!(context(), replyReq('t1_gone')).catch((e: unknown) => e);
    expect((err as ConnectorError).kind).toBe('rejected');
    expect((err as ConnectorError).message).toMatch(/DELETED_COMMENT/);
  });

  it('findReply finds an earlier reply under the parent and not one elsewhere', async () => {
    const post = fake.addPost({ title: 'Acme' });
    const other = fake.addPost({ title: 'Acme again' });
    const ctx = context();
    const sent = await redditConnector.reply!(ctx, replyReq(String(post.data.name)));

    expect(await redditConnector.findReply!(ctx, replyReq(String(post.data.name)))).toEqual(sent);
    expect(await redditConnector.findReply!(ctx, replyReq(String(other.data.name)))).toBeNull();
    expect(await redditConnector.findReply!(ctx, replyReq(String(post.data.name), 'A different text'))).toBeNull();
    expect(fake.requestsTo(`/user/${fake.username}/comments`)[0]!.query.get('limit')).toBe('100');
  });
});

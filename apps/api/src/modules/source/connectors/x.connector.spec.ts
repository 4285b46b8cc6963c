import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { XFake, type SeedTweet } from '../../../../test/fakes/x.fake.js';
import type { PullContext, PullResult, ReplyRequest } from './connector.js';
import { ConnectorError } from './connector.js';
import { xConnector } from './x.connector.js';

const NOW = new Date('2025-06-02T00:00:00.000Z');
const JANE = { id: '1234567890123456789', username: 'jane_doe', name: 'Jane Doe' };

let fake: XFake;

beforeEach(async () => {
  fake = new XFake({ clientSecret: 'fake-client-secret' });
  fake.addUser({
    ...JANE,
    verified: true,
    public_metrics: { followers_count: 1520, following_count: 80, tweet_count: 3000, listed_count: 4 },
  });
  await fake.start();
});

afterEach(async () => {
  await fake.close();
});

function config(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    baseUrl: fake.baseUrl,
    bearerToken: fake.bearerToken,
    query: 'acme',
    clientId: fake.clientId,
    clientSecret: 'fake-client-secret',
    userAccessToken: fake.userAccessToken,
    userRefreshToken: fake.userRefreshToken,
    ...extra,
  };
}

interface TestContext extends PullContext {
  saved: Record<string, unknown>[];
}

function context(over: Partial<PullContext> = {}): TestContext {
  const saved: Record<string, unknown>[] = [];
  return {
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
}

async function failure(p: Promise<unknown>): Promise<ConnectorError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConnectorError);
  return err as ConnectorError;
}

function seed(n: number, over: Partial<SeedTweet> = {}): string[] {
  return Array.from({ length: n }, (_, i) =>
    String(fake.addTweet({ text: `acme #${i}`, authorId: JANE.id, ...over }).id),
  );
}

const ids = (r: PullResult) => r.mentions.map((m) => m.externalId);
const searches = () => fake.requestsTo('/2/tweets/search/recent', 'GET');

describe('x connector: pull', () => {
  it('backfills up to backfillLimit over several pages, one page per pull', async () => {
    const all = seed(250);
    const ctx = context({ backfillLimit: 150 });

    const first = await xConnector.pull(ctx);
    expect(ids(first)).toEqual(all.slice(150));
    expect(first.more).toBe(true);

    const second = await xConnector.pull({ ...ctx, cursor: first.cursor });
    expect(ids(second)).toEqual(all.slice(100, 150));
    expect(second.more).toBe(false);
    expect(second.cursor).toEqual({ searchSinceId: all[249] });

    expect(searches().map((r) => [r.query.get('max_results'), Boolean(r.query.get('next_token'))])).toEqual([
      ['100', false],
      ['50', true],
    ]);
    const q = searches()[0]!;
    expect(q.headers.authorization).toBe(`Bearer ${fake.bearerToken}`);
    expect(Object.fromEntries(q.query)).toMatchObject({
      query: 'acme',
      'tweet.fields': expect.stringContaining(
        'created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets,lang,public_metrics,entities',
      ),
      expansions: 'author_id',
      'user.fields': 'username,name,public_metrics,verified',
    });
    expect(q.query.has('since_id')).toBe(false);
  });

  it('trims a backfill below the minimum page size to backfillLimit', async () => {
    const all = seed(12);
    const res = await xConnector.pull(context({ backfillLimit: 3 }));
    expect(ids(res)).toEqual(all.slice(9));
    expect(res.cursor).toEqual({ searchSinceId: all[11] });
    expect(searches()[0]!.query.get('max_results')).toBe('10');
  });

  it('with backfillLimit 0 reads nothing old but sets since_id', async () => {
    const old = seed(4);
    const first = await xConnector.pull(context({ backfillLimit: 0 }));
    expect(first.mentions).toEqual([]);
    expect(first.cursor).toEqual({ searchSinceId: old[3] });
    const fresh = seed(1);
    expect(ids(await xConnector.pull(context({ cursor: first.cursor })))).toEqual(fresh);
  });

  it('reads forward with since_id: only newer tweets, nothing twice', async () => {
    seed(3);
    const first = await xConnector.pull(context());
    const fresh = seed(2);
    const second = await xConnector.pull(context({ cursor: first.cursor }));
    expect(ids(second)).toEqual(fresh);
    expect(searches()[1]!.query.get('since_id')).toBe((first.cursor as { searchSinceId: string }).searchSinceId);
    expect(second.cursor).toEqual({ searchSinceId: fresh[1] });

    const third = await xConnector.pull(context({ cursor: second.cursor }));
    expect(third.mentions).toEqual([]);
    expect(third.cursor).toEqual(second.cursor);
  });

  it('pages a forward run down to since_id, keeping the run in the cursor', async () => {
    seed(1);
    const first = await xConnector.pull(context());
    const burst = seed(130);

    const p1 = await xConnector.pull(context({ cursor: first.cursor }));
    expect(ids(p1)).toEqual(burst.slice(30));
    expect(p1.more).toBe(true);
    // The run keeps the old since_id until its last page.
    expect(p1.cursor).toMatchObject({ searchSinceId: (first.cursor as { searchSinceId: string }).searchSinceId });

    const late = seed(1); // arrives mid-run: read by the next run
    const p2 = await xConnector.pull(context({ cursor: p1.cursor }));
    expect(ids(p2)).toEqual(burst.slice(0, 30));
    expect(p2.more).toBe(false);
    expect(p2.cursor).toEqual({ searchSinceId: burst[129] });

    const p3 = await xConnector.pull(context({ cursor: p2.cursor }));
    expect(ids(p3)).toEqual(late);
  });

  it('maps a tweet: ids above 2^53 verbatim, decoded text, author, reply links, language, metrics', async () => {
    const parent = fake.addTweet({ text: 'acme launch', authorId: fake.me.id, lang: 'en' });
    const tweet = fake.addTweet({
      text: 'Fish & chips <3 from @AcmeCare, kenapa lemot?',
      authorId: JANE.id,
      lang: 'in',
      conversationId: String(parent.id),
      inReplyTo: { tweetId: String(parent.id), userId: fake.me.id },
      metrics: { like_count: 5, retweet_count: 2, quote_count: 1, reply_count: 3 },
    });
    const res = await xConnector.pull(context());
    const m = res.mentions.find((x) => x.externalId === tweet.id)!;

    const id = String(tweet.id);
    expect(BigInt(id)).toBeGreaterThan(2n ** 53n);
    expect(String(Number(id))).not.toBe(id);
    expect(m).toMatchObject({
      externalId: id,
      url: `https://x.com/jane_doe/status/${id}`,
      text: 'Fish & chips <3 from @AcmeCare, kenapa lemot?',
      language: 'id',
      inReplyToExternalId: parent.id,
      threadExternalId: parent.id,
      author: {
        externalId: JANE.id,
        handle: 'jane_doe',
        displayName: 'Jane Doe',
        profileUrl: 'https://x.com/jane_doe',
        followers: 1520,
        verified: true,
      },
      metrics: { likes: 5, reposts: 3, replies: 3 },
    });
    expect(m.postedAt.toISOString()).toBe(tweet.created_at);
    // What X sent is kept raw, still escaped.
    expect((m.raw as { tweet: { text: string } }).tweet.text).toBe(
      'Fish &amp; chips &lt;3 from @AcmeCare, kenapa lemot?',
    );
  });

  it('maps lang "und" to no language and prefers a long post\'s note text', async () => {
    fake.addTweet({ text: 'acme 🙂', authorId: JANE.id, lang: 'und', noteText: 'acme 🙂 and a much longer story' });
    const res = await xConnector.pull(context());
    expect(res.mentions[0]).toMatchObject({ language: null, text: 'acme 🙂 and a much longer story' });
  });

  it('reads the mention timeline with pagination_token and mentionsSinceId', async () => {
    const all = seed(7, { search: false, mentions: [fake.me.id] });
    const ctx = context({ config: config({ query: undefined, userId: fake.me.id }), backfillLimit: 6 });
    const first = await xConnector.pull(ctx);
    expect(ids(first)).toEqual(all.slice(1));
    expect(first.cursor).toEqual({ mentionsSinceId: all[6] });
    const reqs = fake.requestsTo(`/2/users/${fake.me.id}/mentions`);
    expect(reqs[0]!.query.get('max_results')).toBe('6');

    const fresh = seed(1, { search: false, mentions: [fake.me.id] });
    const second = await xConnector.pull({ ...ctx, cursor: first.cursor });
    expect(ids(second)).toEqual(fresh);
    expect(fake.requestsTo(`/2/users/${fake.me.id}/mentions`)[1]!.query.get('since_id')).toBe(all[6]);
  });

  it('uses pagination_token for the mention timeline', async () => {
    const all = seed(120, { search: false, mentions: [fake.me.id] });
    const ctx = context({ config: config({ query: undefined, userId: fake.me.id }) });
    const first = await xConnector.pull(ctx);
    expect(first.more).toBe(true);
    const second = await xConnector.pull({ ...ctx, cursor: first.cursor });
    expect([...ids(second), ...ids(first)]).toEqual(all);
    expect(fake.requestsTo(`/2/users/${fake.me.id}/mentions`)[1]!.query.get('pagination_token')).toBeTruthy();
  });

  it('skips partial errors, tweets without an author in includes and malformed ones; ingests the rest', async () => {
    const good = fake.addTweet({ text: 'acme good', authorId: JANE.id });
    fake.addTweet({ text: 'acme ghost', authorId: '999' });
    fake.addRawTweet({ id: '1929000000000000001', text: 'acme no date', author_id: JANE.id });
    fake.addRawTweet({ text: 'acme no id', author_id: JANE.id, created_at: '2025-06-01T13:00:00.000Z' });
    const good2 = fake.addTweet({ text: 'acme good too', authorId: JANE.id });
    fake.addPartialErrors([
      {
        value: '1929000000000000009',
        detail: 'Could not find tweet with ids: [1929000000000000009].',
        title: 'Not Found Error',
        resource_type: 'tweet',
        parameter: 'ids',
        resource_id: '1929000000000000009',
        type: 'https://api.twitter.com/2/problems/resource-not-found',
      },
    ]);
    const res = await xConnector.pull(context());
    expect(ids(res)).toEqual([good.id, good2.id]);
    expect(res.skipped).toEqual(
      expect.arrayContaining([
        {
          externalId: '1929000000000000009',
          reason: 'search: Could not find tweet with ids: [1929000000000000009].',
        },
        { externalId: expect.any(String), reason: 'search: author 999 not in includes' },
        { externalId: '1929000000000000001', reason: 'search: unparseable date' },
        { externalId: null, reason: 'search: missing or malformed id' },
      ]),
    );
    expect(res.skipped).toHaveLength(4);
  });

  it('drops a since_id older than recent search reaches', async () => {
    const all = seed(2);
    const old = ((BigInt(Date.UTC(2025, 4, 1)) - 1_288_834_974_657n) << 22n).toString();
    const res = await xConnector.pull(context({ cursor: { searchSinceId: old } }));
    expect(ids(res)).toEqual(all);
    expect(searches()[0]!.query.has('since_id')).toBe(false);
  });
});

describe('x connector: errors', () => {
  it('turns a 429 with a plain-text body into rate_limited at x-rate-limit-reset', async () => {
    const reset = Math.floor(NOW.getTime() / 1000) + 437;
    fake.failNext(1, XFake.tooManyRequests(reset));
    const err = await failure(xConnector.pull(context()));
    expect(err.kind).toBe('rate_limited');
    expect(err.retryAt?.toISOString()).toBe(new Date(reset * 1000).toISOString());
    expect(err.message).toMatch(/Too Many Requests/);
  });

  it('succeeds on the next call after a 429', async () => {
    const all = seed(2);
    fake.failNext(1, XFake.tooManyRequests(Math.floor(NOW.getTime() / 1000) + 60));
    const ctx = context();
    expect((await failure(xConnector.pull(ctx))).kind).toBe('rate_limited');
    expect(ids(await xConnector.pull(ctx))).toEqual(all);
  });

  it('turns a 5xx into unavailable', async () => {
    fake.failNext(1, { status: 503, body: { title: 'Service Unavailable', status: 503 } });
    const err = await failure(xConnector.pull(context()));
    expect(err.kind).toBe('unavailable');
    expect(err.status).toBe(503);
  });

  it('turns a refused bearer token into auth', async () => {
    const err = await failure(xConnector.pull(context({ config: config({ bearerToken: 'wrong' }) })));
    expect(err.kind).toBe('auth');
    expect(err.status).toBe(401);
  });

  it('answers config when the mentions user does not exist', async () => {
    const err = await failure(xConnector.pull(context({ config: config({ query: undefined, userId: '42' }) })));
    expect(err.kind).toBe('config');
    expect(err.message).toMatch(/Could not find user with id: \[42\]/);
  });
});

describe('x connector: replies', () => {
  function replyReq(externalId: string, body = 'Sorry, Jane! Check your DMs & we will sort it.'): ReplyRequest {
    return { body, idempotencyKey: 'k1', target: { externalId, url: null, authorHandle: 'jane_doe' } };
  }

  it('posts a reply with the user token', async () => {
    const parent = fake.addTweet({ text: 'acme help', authorId: JANE.id });
    const result = await xConnector.reply!(context(), replyReq(String(parent.id)));
    expect(fake.posted).toHaveLength(1);
    expect(fake.posted[0]!.body).toEqual({
      text: 'Sorry, Jane! Check your DMs & we will sort it.',
      reply: { in_reply_to_tweet_id: parent.id },
    });
    expect(fake.requestsTo('/2/tweets', 'POST')[0]!.headers.authorization).toBe('Bearer user-access-0');
    expect(result).toEqual({
      externalId: fake.posted[0]!.id,
      url: `https://x.com/i/web/status/${fake.posted[0]!.id}`,
    });
    expect(xConnector.replyLimit({})).toBe(280);
    expect(xConnector.retrySafe).toBe(false);
  });

  it('refreshes an expired user token, saves the rotated tokens and retries once', async () => {
    const parent = fake.addTweet({ text: 'acme help', authorId: JANE.id });
    const ctx = context();
    fake.expireUserToken();
    await xConnector.reply!(ctx, replyReq(String(parent.id)));

    expect(fake.tokenForms).toEqual([
      { grant_type: 'refresh_token', refresh_token: 'user-refresh-0', client_id: fake.clientId },
    ]);
    expect(fake.requestsTo('/2/oauth2/token')[0]!.headers.authorization).toBe(
      `Basic ${Buffer.from(`${fake.clientId}:fake-client-secret`).toString('base64')}`,
    );
    expect(ctx.saved.at(-1)).toMatchObject({
      userAccessToken: 'user-access-1',
      userRefreshToken: 'user-refresh-1',
      userTokenExpiresAt: new Date(NOW.getTime() + 7200_000).toISOString(),
    });
    expect(fake.requestsTo('/2/tweets', 'POST').map((r) => r.headers.authorization)).toEqual([
      'Bearer user-access-0',
      'Bearer user-access-1',
    ]);
    expect(fake.posted).toHaveLength(1);

    // The rotated refresh token from state is used next time, not the dead one in the config.
    fake.expireUserToken();
    await xConnector.reply!(ctx, replyReq(String(parent.id), 'A second answer'));
    expect(fake.tokenForms[1]).toMatchObject({ refresh_token: 'user-refresh-1' });
    expect(fake.posted).toHaveLength(2);
  });

  it('answers auth with what to do when the refresh is refused', async () => {
    const parent = fake.addTweet({ text: 'acme help', authorId: JANE.id });
    const ctx = context({ config: config({ userRefreshToken: 'revoked' }) });
    fake.expireUserToken();
    const err = await failure(xConnector.reply!(ctx, replyReq(String(parent.id))));
    expect(err.kind).toBe('auth');
    expect(err.message).toMatch(/Value passed for the token was invalid.*Connect the X account again/);
    expect(fake.posted).toHaveLength(0);
  });

  it('answers config without user-context credentials', async () => {
    const ctx = context({ config: config({ userAccessToken: undefined, userRefreshToken: undefined }) });
    const err = await failure(xConnector.reply!(ctx, replyReq('1929000000000000001')));
    expect(err.kind).toBe('config');
    expect(fake.requestsTo('/2/tweets')).toHaveLength(0);
  });

  it('maps a duplicate-content 403 to rejected, not auth', async () => {
    const parent = fake.addTweet({ text: 'acme help', authorId: JANE.id });
    const ctx = context();
    await xConnector.reply!(ctx, replyReq(String(parent.id)));
    const err = await failure(xConnector.reply!(ctx, replyReq(String(parent.id))));
    expect(err.kind).toBe('rejected');
    expect(err.message).toMatch(/duplicate content/);
  });

  it('findReply finds an earlier reply by parent and text, and null otherwise', async () => {
    const parent = fake.addTweet({ text: 'acme help', authorId: JANE.id });
    const other = fake.addTweet({ text: 'acme other', authorId: JANE.id });
    const ctx = context();
    const sent = await xConnector.reply!(ctx, replyReq(String(parent.id)));

    const found = await xConnector.findReply!(ctx, replyReq(String(parent.id)));
    expect(found).toEqual({ externalId: sent.externalId, url: `https://x.com/AcmeCare/status/${sent.externalId}` });
    expect(await xConnector.findReply!(ctx, replyReq(String(other.id)))).toBeNull();
    expect(await xConnector.findReply!(ctx, replyReq(String(parent.id), 'Something else'))).toBeNull();
    // Who we are is asked once (user context) and cached.
    expect(fake.requestsTo('/2/users/me')).toHaveLength(1);
    expect(fake.requestsTo(`/2/users/${fake.me.id}/tweets`)[0]!.headers.authorization).toBe(
      `Bearer ${fake.bearerToken}`,
    );
  });
});

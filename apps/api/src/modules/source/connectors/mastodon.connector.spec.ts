import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MastodonFake, mastodonAccount } from '../../../../test/fakes/mastodon.fake.js';
import { ConnectorError, type PullContext, type PullResult, type ReplyContext } from './connector.js';
import { mapStatus, mastodonConnector, type MastodonCursor } from './mastodon.connector.js';

const NOW = new Date('2030-01-01T00:00:00.000Z');

let fake: MastodonFake;
let baseUrl: string;

beforeEach(async () => {
  fake = new MastodonFake();
  baseUrl = await fake.start();
});
afterEach(async () => {
  await fake.close();
});

function config(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { baseUrl, accessToken: fake.accessToken, mode: 'notifications', ...extra };
}

function ctx(over: Partial<PullContext> = {}): PullContext {
  return {
    config: config(),
    cursor: null,
    backfillLimit: 200,
    state: {},
    saveState: () => Promise.resolve(),
    known: () => Promise.resolve(new Set<string>()),
    fetch: globalThis.fetch,
    now: () => NOW,
    ...over,
  };
}

function replyCtx(extra: Record<string, unknown> = {}): ReplyContext {
  return {
    config: config(extra),
    state: {},
    saveState: () => Promise.resolve(),
    fetch: globalThis.fetch,
    now: () => NOW,
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

const ids = (r: PullResult) => r.mentions.map((m) => m.externalId);

describe('mastodonConnector.pull (notifications)', () => {
  it('backfills newest first along rel="next" up to backfillLimit, then stores the newest notification id', async () => {
    const seeded = Array.from({ length: 100 }, (_, i) => fake.addMention({ content: `<p>mention ${i}</p>` }));
    const res = await mastodonConnector.pull(ctx({ backfillLimit: 90 }));

    const newestFirst = [...seeded].reverse();
    expect(ids(res)).toEqual(newestFirst.slice(0, 90).map((n) => n.status!.id));
    expect(res.cursor).toEqual({ mode: 'notifications', minId: newestFirst[0]!.id });
    expect(res.more).toBe(false);

    const calls = fake.requestsTo('/api/v1/notifications');
    expect(calls).toHaveLength(3);
    for (const c of calls) {
      expect(c.query.getAll('types[]')).toEqual(['mention']);
      expect(c.query.get('limit')).toBe('40');
      expect(c.headers.authorization).toBe(`Bearer ${fake.accessToken}`);
    }
    expect(calls[0]!.query.get('max_id')).toBeNull();
    expect(calls[1]!.query.get('max_id')).toBe(newestFirst[39]!.id);
    expect(calls[2]!.query.get('max_id')).toBe(newestFirst[79]!.id);
  });

  it('uses the status id (not the notification id) as externalId', async () => {
    const n = fake.addMention();
    const res = await mastodonConnector.pull(ctx());
    expect(n.id).not.toBe(n.status!.id);
    expect(ids(res)).toEqual([n.status!.id]);
  });

  it('reads forward with min_id page by page, more while a page was full, nothing twice', async () => {
    Array.from({ length: 3 }, () => fake.addMention());
    const first = await mastodonConnector.pull(ctx());
    expect(first.mentions).toHaveLength(3);

    const fresh = Array.from({ length: 45 }, () => fake.addMention());
    fake.clearRequests();
    const seen: string[] = [];
    let cursor = first.cursor;
    const results: PullResult[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await mastodonConnector.pull(ctx({ cursor }));
      results.push(r);
      seen.push(...ids(r));
      cursor = r.cursor;
    }
    expect(results.map((r) => [r.mentions.length, r.more])).toEqual([
      [40, true],
      [5, false],
      [0, false],
    ]);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(fresh.map((n) => n.status!.id).sort());
    expect(cursor).toEqual({ mode: 'notifications', minId: fresh[44]!.id });
    // The oldest unseen page comes first (min_id), the next call starts from its newest id.
    const calls = fake.requestsTo('/api/v1/notifications');
    expect(calls.map((c) => c.query.get('min_id'))).toEqual([
      (first.cursor as MastodonCursor).minId,
      fresh[39]!.id,
      fresh[44]!.id,
    ]);
    expect(results[2]!.cursor).toEqual(results[1]!.cursor);
  });

  it('429 with X-RateLimit-Reset (ISO with microseconds) → rate_limited with that exact retryAt', async () => {
    fake.addMention();
    fake.rateLimitNext(1, '2030-01-01T00:04:59.123456Z');
    const err = await failure(mastodonConnector.pull(ctx()));
    expect(err.kind).toBe('rate_limited');
    expect(err.retryAt).toEqual(new Date('2030-01-01T00:04:59.123Z'));

    const ok = await mastodonConnector.pull(ctx());
    expect(ok.mentions).toHaveLength(1);
  });

  it('5xx → unavailable', async () => {
    fake.failNext(1, { status: 503, body: '<html>Service Unavailable</html>' });
    const err = await failure(mastodonConnector.pull(ctx()));
    expect(err.kind).toBe('unavailable');
    expect(err.status).toBe(503);
  });

  it('401 → auth with Mastodon’s message', async () => {
    const err = await failure(mastodonConnector.pull(ctx({ config: config({ accessToken: 'revoked' }) })));
    expect(err.kind).toBe('auth');
    expect(err.status).toBe(401);
    expect(err.message).toContain('The access token is invalid');
  });

  it('skips malformed items with a reason and ingests the rest of the page', async () => {
    const good1 = fake.addMention({ content: '<p>first</p>' });
    const noAccount = fake.addMention();
    delete (noAccount.status as Record<string, unknown>).account;
    const badDate = fake.addMention({ created_at: 'yesterday-ish' });
    const noId = fake.addMention();
    delete (noId.status as Record<string, unknown>).id;
    fake.addRawNotification({ type: 'mention', created_at: '2025-01-01T00:00:00.000Z', account: good1.account });
    const good2 = fake.addMention({ content: '<p>last</p>' });

    const res = await mastodonConnector.pull(ctx());
    expect(ids(res)).toEqual([good2.status!.id, good1.status!.id]);
    expect(res.skipped).toEqual(
      expect.arrayContaining([
        { externalId: noAccount.status!.id, reason: 'missing account' },
        { externalId: badDate.status!.id, reason: 'unparseable date' },
        { externalId: null, reason: 'missing status id' },
        { reason: 'notification without a status' },
      ]),
    );
    expect(res.skipped).toHaveLength(4);
    expect(res.cursor).toEqual({ mode: 'notifications', minId: good2.id });
  });

  it('maps a status: plain text + sanitised html, full acct handle, author, editedAt, metrics, replyContext', async () => {
    const local = mastodonAccount('carol', { followers_count: 1234, bot: true, display_name: 'Carol C' });
    const n = fake.addMention({
      account: local,
      content:
        '<p><span class="h-card"><a href="https://social.example/@dengar" class="u-url mention">@<span>dengar</span></a></span> ' +
        'my order &amp; refund?<script>alert(1)</script></p>' +
        '<p><a href="https://shop.example/orders/123456789" onclick="steal()" rel="nofollow noopener noreferrer">' +
        '<span class="invisible">https://</span><span class="ellipsis">shop.example/orders/1</span>' +
        '<span class="invisible">23456789</span></a></p>',
      spoiler_text: 'order issue',
      language: 'en',
      in_reply_to_id: '109999999999999999',
      edited_at: '2025-01-02T10:00:00.000Z',
      favourites_count: 3,
      reblogs_count: 2,
      replies_count: 1,
      visibility: 'unlisted',
    });
    const remote = fake.addMention({ account: mastodonAccount('dave', { domain: 'other.example' }) });

    const res = await mastodonConnector.pull(ctx());
    const m = res.mentions.find((x) => x.externalId === n.status!.id)!;
    expect(m.text).toBe('order issue\n\n@dengar my order & refund?\n\nhttps://shop.example/orders/123456789');
    expect(m.html).not.toMatch(/script|alert|onclick|steal/);
    expect(m.html).toContain('<a href="https://shop.example/orders/123456789"');
    expect(m.html).toContain('my order &amp; refund?');
    expect(m.author).toEqual({
      externalId: local.id,
      handle: `carol@${new URL(baseUrl).host}`,
      displayName: 'Carol C',
      profileUrl: local.url,
      followers: 1234,
      verified: false,
    });
    expect(m.url).toBe(n.status!.url);
    expect(m.postedAt).toEqual(new Date(n.status!.created_at));
    expect(m.editedAt).toEqual(new Date('2025-01-02T10:00:00.000Z'));
    expect(m.language).toBe('en');
    expect(m.inReplyToExternalId).toBe('109999999999999999');
    expect(m.metrics).toEqual({ likes: 3, reposts: 2, replies: 1 });
    expect(m.replyContext).toEqual({ visibility: 'unlisted' });
    expect(m.raw).toEqual(JSON.parse(JSON.stringify(n)));

    const r = res.mentions.find((x) => x.externalId === remote.status!.id)!;
    expect(r.author.handle).toBe('dave@other.example');
    expect(r.editedAt).toBeNull();
  });

  it('rejects a config without a query in search mode', async () => {
    const err = await failure(mastodonConnector.pull(ctx({ config: config({ mode: 'search' }) })));
    expect(err.kind).toBe('config');
    expect(fake.requests).toHaveLength(0);
  });
});

describe('mastodonConnector.pull (search)', () => {
  const search = () => config({ mode: 'search', query: 'acme' });

  it('backfills newest first with max_id up to backfillLimit, then reads forward down to the stored id', async () => {
    const matching = Array.from({ length: 50 }, (_, i) => fake.addStatus({ content: `<p>acme #${i}</p>` }));
    fake.addStatus({ content: '<p>something else</p>' });

    const first = await mastodonConnector.pull(ctx({ config: search(), backfillLimit: 45 }));
    const newestFirst = [...matching].reverse();
    expect(ids(first)).toEqual(newestFirst.slice(0, 45).map((s) => s.id));
    expect(first.cursor).toEqual({ mode: 'search', minId: newestFirst[0]!.id });
    const calls = fake.requestsTo('/api/v2/search');
    expect(calls).toHaveLength(2);
    expect(calls[0]!.query.get('q')).toBe('acme');
    expect(calls[0]!.query.get('type')).toBe('statuses');
    expect(calls[0]!.query.get('resolve')).toBe('false');
    expect(calls[0]!.query.get('limit')).toBe('40');
    expect(calls[1]!.query.get('max_id')).toBe(newestFirst[39]!.id);

    const fresh = [
      fake.addStatus({ content: '<p>acme new 1</p>' }),
      fake.addStatus({ content: '<p>not matching</p>' }),
      fake.addStatus({ content: '<p>ACME new 3</p>' }),
    ];
    fake.clearRequests();
    const next = await mastodonConnector.pull(ctx({ config: search(), cursor: first.cursor }));
    expect(ids(next)).toEqual([fresh[2]!.id, fresh[0]!.id]);
    expect(next.cursor).toEqual({ mode: 'search', minId: fresh[2]!.id });
    expect(fake.requestsTo('/api/v2/search')[0]!.query.get('min_id')).toBe(newestFirst[0]!.id);

    const again = await mastodonConnector.pull(ctx({ config: search(), cursor: next.cursor }));
    expect(again.mentions).toEqual([]);
    expect(again.cursor).toEqual(next.cursor);
  });
});

describe('mastodonConnector.pull (search, long gap)', () => {
  it('hands back after a page budget and resumes the walk down to the stored id', async () => {
    const search = config({ mode: 'search', query: 'acme' });
    fake.addStatus({ content: '<p>acme old</p>' });
    const first = await mastodonConnector.pull(ctx({ config: search }));
    const fresh = Array.from({ length: 210 }, (_, i) => fake.addStatus({ content: `<p>acme ${i}</p>` }));

    const r1 = await mastodonConnector.pull(ctx({ config: search, cursor: first.cursor }));
    expect(r1.mentions).toHaveLength(200);
    expect(r1.more).toBe(true);
    expect(r1.cursor).toMatchObject({
      minId: (first.cursor as MastodonCursor).minId,
      resume: { newestId: fresh[209]!.id },
    });
    const r2 = await mastodonConnector.pull(ctx({ config: search, cursor: r1.cursor }));
    expect(r2.more).toBe(false);
    expect([...ids(r1), ...ids(r2)]).toEqual([...fresh].reverse().map((st) => st.id));
    expect(r2.cursor).toEqual({ mode: 'search', minId: fresh[209]!.id });
  });
});

describe('mapStatus', () => {
  it('ingests a boost as its original status', () => {
    const original = fake.status({
      content: '<p>the original</p>',
      account: mastodonAccount('erin', { domain: 'x.example' }),
    });
    const boost = fake.status({ reblog: original, content: '', account: mastodonAccount('frank') });
    const mapped = mapStatus(boost, 'social.example', boost);
    expect('mention' in mapped && mapped.mention).toMatchObject({
      externalId: original.id,
      text: 'the original',
      author: { handle: 'erin@x.example' },
      raw: boost,
    });
  });
});

describe('mastodonConnector.reply', () => {
  it('posts in_reply_to_id, mirrored visibility, language and @acct with the Idempotency-Key header', async () => {
    const parent = fake.addStatus({ visibility: 'private' });
    const out = await mastodonConnector.reply!(replyCtx(), {
      body: 'Thanks, we are on it.',
      idempotencyKey: 'reply-1',
      target: {
        externalId: parent.id,
        url: parent.url,
        authorHandle: 'alice@social.example',
        language: 'en',
        replyContext: { visibility: 'private' },
      },
    });

    expect(fake.posted).toHaveLength(1);
    const posted = fake.posted[0]!;
    expect(out).toEqual({ externalId: posted.status.id, url: posted.status.url });
    expect(posted.idempotencyKey).toBe('reply-1');
    expect(posted.params).toEqual({
      status: '@alice@social.example Thanks, we are on it.',
      in_reply_to_id: parent.id,
      visibility: 'private',
      language: 'en',
    });
    const req = fake.requestsTo('/api/v1/statuses', 'POST')[0]!;
    expect(req.headers.authorization).toBe(`Bearer ${fake.accessToken}`);
    expect(req.headers['idempotency-key']).toBe('reply-1');
  });

  it('a retry with the same Idempotency-Key yields the same status, not a second one', async () => {
    const parent = fake.addStatus();
    const req = {
      body: 'Hello',
      idempotencyKey: 'same-key',
      target: { externalId: parent.id, url: null, authorHandle: 'alice@social.example' },
    };
    const a = await mastodonConnector.reply!(replyCtx(), req);
    const b = await mastodonConnector.reply!(replyCtx(), req);
    expect(b).toEqual(a);
    expect(fake.posted).toHaveLength(1);
    expect(fake.requestsTo('/api/v1/statuses', 'POST')).toHaveLength(2);
    expect(fake.posted[0]!.params.visibility).toBe('public');
  });

  it('does not prefix @acct twice and counts the prefix in replyText', () => {
    const target = { externalId: '1', url: null, authorHandle: 'bob@other.example' };
    expect(mastodonConnector.replyText!({ body: '@bob@other.example hi', target })).toBe('@bob@other.example hi');
    expect(mastodonConnector.replyText!({ body: 'hi', target })).toBe('@bob@other.example hi');
    // "@bob" alone could be a different local account: the full acct is still added.
    expect(mastodonConnector.replyText!({ body: '@bob hi', target })).toBe('@bob@other.example @bob hi');
    expect(mastodonConnector.replyLimit({})).toBe(500);
    expect(mastodonConnector.replyLimit({ maxChars: 5000 })).toBe(5000);
    expect(mastodonConnector.retrySafe).toBe(true);
  });

  it('422 → rejected with Mastodon’s error text', async () => {
    fake.maxChars = 30;
    const parent = fake.addStatus();
    const err = await failure(
      mastodonConnector.reply!(replyCtx(), {
        body: 'x'.repeat(40),
        idempotencyKey: 'too-long',
        target: { externalId: parent.id, url: null, authorHandle: 'alice@social.example' },
      }),
    );
    expect(err.kind).toBe('rejected');
    expect(err.status).toBe(422);
    expect(err.message).toContain('Validation failed: Text character limit of 30 exceeded');
    expect(fake.posted).toHaveLength(0);
  });
});

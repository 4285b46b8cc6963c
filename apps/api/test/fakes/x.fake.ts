import { FakeServer, jsonResponse, type FakeResponse, type RecordedRequest } from './fake-server.js';

/**
 * A fake X API v2 in the real formats: `{data, includes: {users}, meta: {newest_id, oldest_id, result_count,
 * next_token}}` envelopes (fields only as requested through `tweet.fields`/`user.fields`/`expansions`),
 * partial `errors[]` beside data, problem-JSON errors, `x-rate-limit-*` headers (reset in epoch seconds),
 * a 429 with a plain-text body, app-only bearer for reads, user-context tokens for posting and the OAuth 2
 * token endpoint with rotating refresh tokens.
 *
 * Tweet ids are snowflakes made from the fake clock, so they exceed 2^53 like real ones.
 */

export interface XUser {
  id: string;
  username: string;
  name: string;
  verified?: boolean;
  public_metrics?: { followers_count: number; following_count: number; tweet_count: number; listed_count: number };
}

export interface XFakeOptions {
  bearerToken?: string;
  clientId?: string;
  /** When set, the token endpoint demands HTTP Basic client auth (a confidential client). */
  clientSecret?: string;
  userAccessToken?: string;
  userRefreshToken?: string;
  /** The account that owns the user-context tokens. */
  me?: XUser;
  /** The fake clock (ms) that snowflake ids are made from. */
  startTime?: number;
}

export interface SeedTweet {
  /** As the author typed it: the fake entity-escapes it like X does. */
  text: string;
  authorId: string;
  createdAt?: string;
  lang?: string;
  conversationId?: string;
  inReplyTo?: { tweetId: string; userId: string };
  metrics?: { retweet_count?: number; reply_count?: number; like_count?: number; quote_count?: number };
  /** Returned by `/2/tweets/search/recent` (default true). */
  search?: boolean;
  /** Returned by `/2/users/:id/mentions` of these user ids. */
  mentions?: string[];
  /** Long-post text, sent only when `tweet.fields` asks for `note_tweet`. */
  noteText?: string;
}

const TWITTER_EPOCH = 1_288_834_974_657n;
const PROBLEM = 'https://api.twitter.com/2/problems';

interface Stored {
  tweet: Record<string, unknown>;
  search: boolean;
  mentions: Set<string>;
}

export class XFake extends FakeServer {
  readonly bearerToken: string;
  readonly clientId: string;
  readonly clientSecret: string | undefined;
  readonly me: XUser;
  /** The user-context tokens currently valid (rotated by the token endpoint). */
  userAccessToken: string;
  userRefreshToken: string;
  /** `x-rate-limit-reset` of normal answers (epoch seconds). */
  rateLimitReset: number;
  rateLimitRemaining = 449;
  /** Tweets created through `POST /2/tweets`, with the body received. */
  readonly posted: { id: string; body: unknown }[] = [];
  /** The form of every token-endpoint call. */
  readonly tokenForms: Record<string, string>[] = [];

  private readonly users = new Map<string, XUser>();
  private readonly tweets: Stored[] = [];
  private readonly partialErrors: unknown[][] = [];
  private clock: bigint;
  private seq = 0n;
  private rotation = 0;

  constructor(opts: XFakeOptions = {}) {
    super();
    this.bearerToken = opts.bearerToken ?? 'fake-app-bearer';
    this.clientId = opts.clientId ?? 'fake-client-id';
    this.clientSecret = opts.clientSecret;
    this.userAccessToken = opts.userAccessToken ?? 'user-access-0';
    this.userRefreshToken = opts.userRefreshToken ?? 'user-refresh-0';
    this.me = opts.me ?? {
      id: '1412345678901234567',
      username: 'AcmeCare',
      name: 'Acme Care',
      verified: true,
      public_metrics: { followers_count: 5400, following_count: 12, tweet_count: 800, listed_count: 3 },
    };
    this.users.set(this.me.id, this.me);
    this.clock = BigInt(opts.startTime ?? Date.UTC(2025, 5, 1, 12, 0, 0));
    this.rateLimitReset = Number(this.clock / 1000n) + 900;
  }

  /** The fake clock in ms (each seeded tweet advances it by a minute). */
  get now(): Date {
    return new Date(Number(this.clock));
  }

  addUser(user: XUser): XUser {
    this.users.set(user.id, user);
    return user;
  }

  /** Seeds a tweet (newer than every earlier one); returns it as the API shows it with all fields. */
  addTweet(seed: SeedTweet): Record<string, unknown> {
    this.clock += 60_000n;
    this.seq += 1n;
    const id = (((this.clock - TWITTER_EPOCH) << 22n) | (this.seq & 0xfffn)).toString();
    const m = seed.metrics ?? {};
    const tweet: Record<string, unknown> = {
      id,
      text: escapeText(seed.text),
      edit_history_tweet_ids: [id],
      author_id: seed.authorId,
      created_at: seed.createdAt ?? new Date(Number(this.clock)).toISOString(),
      conversation_id: seed.conversationId ?? id,
      lang: seed.lang ?? 'en',
      public_metrics: {
        retweet_count: m.retweet_count ?? 0,
        reply_count: m.reply_count ?? 0,
        like_count: m.like_count ?? 0,
        quote_count: m.quote_count ?? 0,
        bookmark_count: 0,
        impression_count: 10,
      },
      ...(seed.inReplyTo
        ? {
            in_reply_to_user_id: seed.inReplyTo.userId,
            referenced_tweets: [{ type: 'replied_to', id: seed.inReplyTo.tweetId }],
          }
        : {}),
      ...(seed.noteText ? { note_tweet: { text: seed.noteText } } : {}),
    };
    this.tweets.push({ tweet, search: seed.search ?? true, mentions: new Set(seed.mentions ?? []) });
    return tweet;
  }

  /** Seeds any object as a tweet (e.g. a malformed one); it is sent verbatim. */
  addRawTweet(raw: Record<string, unknown>, where: { search?: boolean; mentions?: string[] } = {}): void {
    this.tweets.push({ tweet: raw, search: where.search ?? true, mentions: new Set(where.mentions ?? []) });
  }

  /** The next search or mentions answer carries these `errors[]` beside its data. */
  addPartialErrors(errors: unknown[]): void {
    this.partialErrors.push(errors);
  }

  /** The current user access token stops working (401), as when it expires after 2 hours. */
  expireUserToken(): void {
    this.userAccessToken = `expired-${this.userAccessToken}`;
  }

  /** A 429 as X sends it (plain-text body), for `failNext`. */
  static tooManyRequests(resetEpochSec: number): { status: number; headers: Record<string, string>; body: string } {
    return {
      status: 429,
      headers: {
        'content-type': 'text/plain; charset=utf-8',
        'x-rate-limit-limit': '450',
        'x-rate-limit-remaining': '0',
        'x-rate-limit-reset': String(resetEpochSec),
      },
      body: 'Too Many Requests',
    };
  }

  protected handle(req: RecordedRequest): FakeResponse {
    if (req.method === 'POST' && req.path === '/2/oauth2/token') return this.token(req);
    const who = this.bearer(req);
    if (!who) {
      return jsonResponse(401, { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' });
    }
    const headers = this.rateHeaders();
    if (req.method === 'GET' && req.path === '/2/tweets/search/recent') {
      const query = req.query.get('query');
      if (!query) return invalid('query', 'The `query` query parameter can not be empty', headers);
      const bad = this.badMaxResults(req, 10);
      if (bad) return invalid('max_results', bad, headers);
      return jsonResponse(
        200,
        this.page(req, (s) => s.search, 'next_token'),
        headers,
      );
    }
    const mentionsOf = /^\/2\/users\/(\d+)\/mentions$/.exec(req.path)?.[1];
    if (req.method === 'GET' && mentionsOf) {
      if (!this.users.has(mentionsOf)) return notFoundUser(mentionsOf, headers);
      const bad = this.badMaxResults(req, 5);
      if (bad) return invalid('max_results', bad, headers);
      return jsonResponse(
        200,
        this.page(req, (s) => s.mentions.has(mentionsOf), 'pagination_token'),
        headers,
      );
    }
    const timelineOf = /^\/2\/users\/(\d+)\/tweets$/.exec(req.path)?.[1];
    if (req.method === 'GET' && timelineOf) {
      if (!this.users.has(timelineOf)) return notFoundUser(timelineOf, headers);
      return jsonResponse(
        200,
        this.page(req, (s) => s.tweet.author_id === timelineOf, 'pagination_token'),
        headers,
      );
    }
    if (req.method === 'GET' && req.path === '/2/users/me') {
      if (who !== 'user') return unsupportedAuth(headers);
      return jsonResponse(200, { data: { id: this.me.id, name: this.me.name, username: this.me.username } }, headers);
    }
    if (req.method === 'POST' && req.path === '/2/tweets') {
      if (who !== 'user') return unsupportedAuth(headers);
      return this.post(req, headers);
    }
    return jsonResponse(404, { title: 'Not Found Error', type: `${PROBLEM}/resource-not-found`, status: 404 }, headers);
  }

  private bearer(req: RecordedRequest): 'app' | 'user' | undefined {
    const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    if (m?.[1] === this.bearerToken) return 'app';
    if (m?.[1] === this.userAccessToken) return 'user';
    return undefined;
  }

  private rateHeaders(): Record<string, string> {
    this.rateLimitRemaining = Math.max(0, this.rateLimitRemaining - 1);
    return {
      'x-rate-limit-limit': '450',
      'x-rate-limit-remaining': String(this.rateLimitRemaining),
      'x-rate-limit-reset': String(this.rateLimitReset),
    };
  }

  private badMaxResults(req: RecordedRequest, min: number): string | undefined {
    const v = req.query.get('max_results');
    if (v == null) return undefined;
    const n = Number(v);
    return Number.isInteger(n) && n >= min && n <= 100
      ? undefined
      : `The \`max_results\` query parameter value [${v}] is not between ${min} and 100`;
  }

  /** Newest first, `since_id`/`until_id` bounds, an opaque token holding the offset. */
  private page(req: RecordedRequest, pick: (s: Stored) => boolean, tokenParam: string): unknown {
    const sinceId = req.query.get('since_id');
    const untilId = req.query.get('until_id');
    const max = Number(req.query.get('max_results') ?? 10);
    const all = this.tweets
      .filter(pick)
      .filter((s) => {
        const id = typeof s.tweet.id === 'string' && /^\d+$/.test(s.tweet.id) ? BigInt(s.tweet.id) : null;
        if (id === null) return true;
        return (!sinceId || id > BigInt(sinceId)) && (!untilId || id < BigInt(untilId));
      })
      .reverse();
    // The token names the last tweet sent, so tweets arriving meanwhile do not shift the pages.
    const token = req.query.get(tokenParam);
    const last = token
      ? Buffer.from(token, 'base64url')
          .toString()
          .replace(/^after:/, '')
      : null;
    const offset = last ? all.findIndex((s) => s.tweet.id === last) + 1 : 0;
    const slice = all.slice(offset, offset + max);
    const errors = this.partialErrors.shift();
    if (slice.length === 0) {
      return { meta: { result_count: 0 }, ...(errors ? { errors } : {}) };
    }
    const fields = new Set((req.query.get('tweet.fields') ?? '').split(',').filter(Boolean));
    const data = slice.map((s) => this.shape(s.tweet, fields));
    const expandAuthors = (req.query.get('expansions') ?? '').split(',').includes('author_id');
    const userFields = new Set((req.query.get('user.fields') ?? '').split(',').filter(Boolean));
    const authorIds = [
      ...new Set(slice.map((s) => s.tweet.author_id).filter((a): a is string => typeof a === 'string')),
    ];
    const users = authorIds.flatMap((id) => {
      const u = this.users.get(id);
      return u ? [this.shapeUser(u, userFields)] : [];
    });
    const ids = slice.map((s) => s.tweet.id).filter((id): id is string => typeof id === 'string');
    const more = offset + max < all.length;
    return {
      data,
      ...(expandAuthors && users.length ? { includes: { users } } : {}),
      ...(errors ? { errors } : {}),
      meta: {
        newest_id: ids[0],
        oldest_id: ids[ids.length - 1],
        result_count: slice.length,
        ...(more
          ? { next_token: Buffer.from(`after:${String(slice[slice.length - 1]?.tweet.id)}`).toString('base64url') }
          : {}),
      },
    };
  }

  private shape(tweet: Record<string, unknown>, fields: Set<string>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(tweet)) {
      if (k === 'id' || k === 'text' || k === 'edit_history_tweet_ids' || fields.has(k)) out[k] = v;
    }
    return out;
  }

  private shapeUser(user: XUser, fields: Set<string>): Record<string, unknown> {
    const out: Record<string, unknown> = { id: user.id, name: user.name, username: user.username };
    if (fields.has('verified')) out.verified = user.verified ?? false;
    if (fields.has('public_metrics') && user.public_metrics) out.public_metrics = user.public_metrics;
    return out;
  }

  private post(req: RecordedRequest, headers: Record<string, string>): FakeResponse {
    const body = req.json as { text?: unknown; reply?: { in_reply_to_tweet_id?: unknown } } | undefined;
    const text = typeof body?.text === 'string' ? body.text : '';
    const userHeaders = {
      ...headers,
      'x-user-limit-24hour-limit': '100',
      'x-user-limit-24hour-remaining': '99',
      'x-user-limit-24hour-reset': String(Number(this.clock / 1000n) + 86_400),
    };
    if (!text) return invalid('text', 'text must not be empty', userHeaders, 400);
    if ([...text].length > 280) {
      return jsonResponse(
        403,
        { detail: 'Your Tweet text is too long.', type: 'about:blank', title: 'Forbidden', status: 403 },
        userHeaders,
      );
    }
    const parentId = body?.reply?.in_reply_to_tweet_id;
    const parent = typeof parentId === 'string' ? this.tweets.find((s) => s.tweet.id === parentId)?.tweet : undefined;
    if (parentId !== undefined && !parent) {
      return jsonResponse(
        400,
        {
          errors: [
            {
              message:
                'Your Tweet could not be sent because the Tweet you are replying to is deleted or not visible to you.',
            },
          ],
          title: 'Invalid Request',
          detail: 'One or more parameters to your request was invalid.',
          type: `${PROBLEM}/invalid-request`,
        },
        userHeaders,
      );
    }
    const duplicate = this.tweets.some((s) => s.tweet.author_id === this.me.id && s.tweet.text === escapeText(text));
    if (duplicate) {
      return jsonResponse(
        403,
        {
          detail: 'You are not allowed to create a Tweet with duplicate content.',
          type: 'about:blank',
          title: 'Forbidden',
          status: 403,
        },
        userHeaders,
      );
    }
    const created = this.addTweet({
      text,
      authorId: this.me.id,
      search: false,
      ...(parent
        ? {
            conversationId: String(parent.conversation_id ?? parent.id),
            inReplyTo: { tweetId: String(parent.id), userId: String(parent.author_id) },
          }
        : {}),
    });
    const id = String(created.id);
    this.posted.push({ id, body: req.json });
    return jsonResponse(201, { data: { id, text: created.text, edit_history_tweet_ids: [id] } }, userHeaders);
  }

  private token(req: RecordedRequest): FakeResponse {
    const form = Object.fromEntries(new URLSearchParams(req.body));
    this.tokenForms.push(form);
    if (this.clientSecret) {
      const expected = `Basic ${Buffer.from(`${this.clientId}:${this.clientSecret}`).toString('base64')}`;
      if (req.headers.authorization !== expected) {
        return jsonResponse(401, {
          error: 'unauthorized_client',
          error_description: 'Missing valid authorization header',
        });
      }
    } else if (form.client_id !== this.clientId) {
      return jsonResponse(400, {
        error: 'invalid_request',
        error_description: 'Missing required parameter [client_id].',
      });
    }
    if (form.grant_type !== 'refresh_token') {
      return jsonResponse(400, { error: 'unsupported_grant_type', error_description: 'Unsupported grant type' });
    }
    if (form.refresh_token !== this.userRefreshToken) {
      return jsonResponse(400, {
        error: 'invalid_request',
        error_description: 'Value passed for the token was invalid.',
      });
    }
    // Refresh tokens rotate: the old one stops working.
    this.rotation += 1;
    this.userAccessToken = `user-access-${this.rotation}`;
    this.userRefreshToken = `user-refresh-${this.rotation}`;
    return jsonResponse(200, {
      token_type: 'bearer',
      expires_in: 7200,
      access_token: this.userAccessToken,
      scope: 'tweet.read tweet.write users.read offline.access',
      refresh_token: this.userRefreshToken,
    });
  }
}

/** X escapes `&`, `<` and `>` in tweet text. */
function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}

function invalid(parameter: string, message: string, headers: Record<string, string>, status = 400): FakeResponse {
  return jsonResponse(
    status,
    {
      errors: [{ parameters: { [parameter]: [] }, message }],
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: `${PROBLEM}/invalid-request`,
    },
    headers,
  );
}

function notFoundUser(id: string, headers: Record<string, string>): FakeResponse {
  return jsonResponse(
    200,
    {
      errors: [
        {
          value: id,
          detail: `Could not find user with id: [${id}].`,
          title: 'Not Found Error',
          resource_type: 'user',
          parameter: 'id',
          resource_id: id,
          type: `${PROBLEM}/resource-not-found`,
        },
      ],
    },
    headers,
  );
}

function unsupportedAuth(headers: Record<string, string>): FakeResponse {
  return jsonResponse(
    403,
    {
      title: 'Unsupported Authentication',
      detail:
        'Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].',
      type: `${PROBLEM}/unsupported-authentication`,
      status: 403,
    },
    headers,
  );
}

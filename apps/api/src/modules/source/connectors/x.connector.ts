import { createHash } from 'node:crypto';
import type {
  Connector,
  PullContext,
  PulledMention,
  PullResult,
  ReplyContext,
  ReplyRequest,
  ReplyResult,
  SkippedItem,
} from './connector.js';
import { ConnectorError } from './connector.js';
import { endpoint, json, optStr, request, str, type HttpOptions } from './http.js';

/**
 * X API v2 (SPEC §4): recent search and/or a user's mention timeline with the app-only bearer, read forward
 * by `since_id`; replies with a user-context OAuth 2 token that the connector renews with its (rotating)
 * refresh token. Tweet ids exceed 2^53: they stay strings and are compared by length, then lexically.
 *
 * A stream's page run (newest page first, `next_token` down to `since_id`) is kept in the cursor, so each
 * page is committed on its own and a crash resumes the run instead of skipping the rest of it.
 */

const PLATFORM = 'X';
const WEB = 'https://x.com';
const TWEET_FIELDS =
  'created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets,lang,public_metrics,entities,note_tweet';
const USER_FIELDS = 'username,name,public_metrics,verified';
const ID = /^\d{1,20}$/;
/** Recent search refuses a `since_id` older than 7 days; stay clear of the edge. */
const SEARCH_WINDOW_MS = 7 * 24 * 3600 * 1000 - 3600 * 1000;
const TWITTER_EPOCH = 1_288_834_974_657n;
const TOKEN_MARGIN_MS = 60_000;

interface XConfig {
  baseUrl: string;
  bearerToken: string;
  userId?: string;
  query?: string;
  clientId?: string;
  clientSecret?: string;
  userAccessToken?: string;
  userRefreshToken?: string;
}

/** A page run in progress: the next page's token, the newest id of the run's first page, items read so far. */
interface Run {
  token: string;
  newestId?: string;
  count: number;
}

interface XCursor {
  searchSinceId?: string;
  mentionsSinceId?: string;
  searchRun?: Run;
  mentionsRun?: Run;
}

function readConfig(config: Record<string, unknown>): XConfig {
  const userId = optStr(config, 'userId');
  if (userId && !ID.test(userId))
    throw new ConnectorError('config', `X source "userId" must be a numeric user id, not "${userId}"`);
  const out: XConfig = {
    baseUrl: optStr(config, 'baseUrl') ?? 'https://api.x.com',
    bearerToken: str(config, 'bearerToken', PLATFORM),
  };
  for (const key of ['userId', 'query', 'clientId', 'clientSecret', 'userAccessToken', 'userRefreshToken'] as const) {
    const v = optStr(config, key);
    if (v) out[key] = v;
  }
  return out;
}

function readRun(v: unknown): Run | undefined {
  const r = v as Partial<Run> | null | undefined;
  if (!r || typeof r.token !== 'string' || !r.token) return undefined;
  return {
    token: r.token,
    ...(typeof r.newestId === 'string' && ID.test(r.newestId) ? { newestId: r.newestId } : {}),
    count: typeof r.count === 'number' && r.count >= 0 ? r.count : 0,
  };
}

function readCursor(cursor: unknown): XCursor {
  if (!cursor || typeof cursor !== 'object') return {};
  const c = cursor as Record<string, unknown>;
  const out: XCursor = {};
  if (typeof c.searchSinceId === 'string' && ID.test(c.searchSinceId)) out.searchSinceId = c.searchSinceId;
  if (typeof c.mentionsSinceId === 'string' && ID.test(c.mentionsSinceId)) out.mentionsSinceId = c.mentionsSinceId;
  const searchRun = readRun(c.searchRun);
  const mentionsRun = readRun(c.mentionsRun);
  if (searchRun) out.searchRun = searchRun;
  if (mentionsRun) out.mentionsRun = mentionsRun;
  return out;
}

/** Compares decimal id strings without parsing them as numbers (they exceed 2^53). */
export function compareIds(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, '');
  const y = b.replace(/^0+(?=\d)/, '');
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}

function maxId(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return compareIds(a, b) >= 0 ? a : b;
}

/** A snowflake's creation time. */
function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + TWITTER_EPOCH);
}

/**
 * The reset of the window that is used up: the 15-minute `x-rate-limit-*` one, or a 24-hour posting cap
 * (`x-user-limit-24hour-*`, `x-app-limit-24hour-*`). All in epoch seconds.
 */
export function xResetAt(res: Response, _now: Date): Date | undefined {
  let exhausted: Date | undefined;
  let standard: Date | undefined;
  for (const prefix of ['x-rate-limit', 'x-user-limit-24hour', 'x-app-limit-24hour']) {
    const reset = res.headers.get(`${prefix}-reset`)?.trim();
    if (!reset || !/^\d+$/.test(reset)) continue;
    const at = new Date(Number(reset) * 1000);
    if (prefix === 'x-rate-limit') standard = at;
    if (res.headers.get(`${prefix}-remaining`)?.trim() === '0' && (!exhausted || at > exhausted)) exhausted = at;
  }
  return exhausted ?? standard;
}

function http(ctx: ReplyContext): HttpOptions {
  return {
    platform: PLATFORM,
    resetAt: xResetAt,
    fetch: ctx.fetch,
    now: ctx.now,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  };
}

async function appGet(ctx: ReplyContext, cfg: XConfig, path: string, params: Record<string, string>): Promise<unknown> {
  const url = endpoint(cfg.baseUrl, path);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  const res = await request(url, { method: 'GET', headers: { authorization: `Bearer ${cfg.bearerToken}` } }, http(ctx));
  return json<unknown>(res, PLATFORM);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** X entity-escapes `&`, `<`, `>` in tweet text; one pass so "&amp;lt;" stays "&lt;". */
export function decodeEntities(s: string): string {
  return s.replace(
    /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]+));/gi,
    (all, dec?: string, hex?: string, name?: string) => {
      if (dec || hex) {
        const code = dec ? Number(dec) : parseInt(hex!, 16);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
      }
      return ENTITIES[name!.toLowerCase()] ?? all;
    },
  );
}

/** X's `lang` is BCP 47-ish with legacy codes (`in` for Indonesian) and `und`/`qme`/`zxx` for none. */
export function languageOf(lang: unknown): string | null {
  if (typeof lang !== 'string') return null;
  const primary = lang.toLowerCase().split('-')[0] ?? '';
  const legacy: Record<string, string> = { in: 'id', iw: 'he', ji: 'yi' };
  if (legacy[primary]) return legacy[primary];
  return /^[a-z]{2}$/.test(primary) ? primary : null;
}

type Users = Map<string, Record<string, unknown>>;
type Mapped = { mention: PulledMention } | { skip: SkippedItem };

function count(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/** One tweet of an envelope to a mention, or the reason it is skipped. */
export function mapTweet(raw: unknown, users: Users): Mapped {
  const t = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const externalId = typeof t.id === 'string' ? t.id : null;
  const skip = (reason: string): Mapped => ({ skip: { externalId, reason } });
  if (!externalId || !ID.test(externalId)) return skip('missing or malformed id');
  const note = (t.note_tweet as { text?: unknown } | undefined)?.text;
  const rawText = typeof note === 'string' && note ? note : t.text;
  if (typeof rawText !== 'string') return skip('missing text');
  const text = decodeEntities(rawText).trim();
  if (!text) return skip('text is empty');
  const postedAt = typeof t.created_at === 'string' ? new Date(t.created_at) : null;
  if (!postedAt || Number.isNaN(postedAt.getTime())) return skip('unparseable date');
  if (typeof t.author_id !== 'string') return skip('missing author_id');
  const user = users.get(t.author_id);
  if (!user) return skip(`author ${t.author_id} not in includes`);
  const username = user.username;
  if (typeof username !== 'string' || !username) return skip('author without a username');
  const refs = Array.isArray(t.referenced_tweets) ? (t.referenced_tweets as { type?: unknown; id?: unknown }[]) : [];
  const repliedTo = refs.find((r) => r?.type === 'replied_to' && typeof r.id === 'string')?.id as string | undefined;
  const m = (t.public_metrics ?? {}) as Record<string, unknown>;
  const um = (user.public_metrics ?? {}) as Record<string, unknown>;
  return {
    mention: {
      externalId,
      url: `${WEB}/${username}/status/${externalId}`,
      text,
      postedAt,
      language: languageOf(t.lang),
      inReplyToExternalId: repliedTo ?? null,
      threadExternalId: typeof t.conversation_id === 'string' ? t.conversation_id : null,
      author: {
        externalId: t.author_id,
        handle: username,
        displayName: typeof user.name === 'string' ? user.name : null,
        profileUrl: `${WEB}/${username}`,
        followers: typeof um.followers_count === 'number' ? um.followers_count : null,
        verified: user.verified === true,
      },
      metrics: {
        likes: count(m.like_count),
        reposts: count(m.retweet_count) + count(m.quote_count),
        replies: count(m.reply_count),
      },
      raw: { tweet: raw, author: user },
    },
  };
}

interface Envelope {
  data?: unknown;
  includes?: { users?: unknown };
  meta?: { newest_id?: unknown; next_token?: unknown; result_count?: unknown };
  errors?: unknown;
}

interface StreamSpec {
  label: string;
  path: string;
  params: Record<string, string>;
  tokenParam: 'next_token' | 'pagination_token';
  minResults: number;
}

interface StreamOut {
  mentions: PulledMention[];
  skipped: SkippedItem[];
  sinceId?: string;
  run?: Run;
}

/** The words of one `errors[]` entry. */
function problemText(e: Record<string, unknown> | null | undefined): string {
  for (const key of ['detail', 'message', 'title'] as const) {
    const v = e?.[key];
    if (typeof v === 'string' && v) return v;
  }
  return 'unknown error';
}

function partialErrors(errors: unknown, label: string): SkippedItem[] {
  if (!Array.isArray(errors)) return [];
  return errors.map((e: Record<string, unknown> | null) => {
    const id = e?.resource_id ?? e?.value;
    return { externalId: typeof id === 'string' ? id : null, reason: `${label}: ${problemText(e)}` };
  });
}

/** One page of one stream: forward from `since_id`, or back from the newest during backfill. */
async function readStream(
  ctx: PullContext,
  cfg: XConfig,
  spec: StreamSpec,
  sinceId: string | undefined,
  run: Run | undefined,
): Promise<StreamOut> {
  const limit = Math.max(0, ctx.backfillLimit);
  const read = run?.count ?? 0;
  const want = sinceId ? 100 : Math.min(100, Math.max(spec.minResults, limit - read));
  const body = (await appGet(ctx, cfg, spec.path, {
    ...spec.params,
    max_results: String(want),
    'tweet.fields': TWEET_FIELDS,
    expansions: 'author_id',
    'user.fields': USER_FIELDS,
    ...(sinceId ? { since_id: sinceId } : {}),
    ...(run ? { [spec.tokenParam]: run.token } : {}),
  })) as Envelope | null;
  if (!body || typeof body !== 'object')
    throw new ConnectorError('unavailable', `X answered ${spec.label} with no JSON object`);
  if (body.data === undefined && body.meta === undefined && Array.isArray(body.errors)) {
    // Only errors: e.g. the configured user does not exist.
    const first = body.errors[0] as Record<string, unknown> | undefined;
    const detail = problemText(first);
    if (first?.resource_type === 'user')
      throw new ConnectorError('config', `X ${spec.label}: ${detail} Check the source's userId.`);
    throw new ConnectorError('rejected', `X ${spec.label}: ${detail}`);
  }
  const users: Users = new Map();
  if (Array.isArray(body.includes?.users)) {
    for (const u of body.includes.users as Record<string, unknown>[]) if (typeof u?.id === 'string') users.set(u.id, u);
  }
  const items = Array.isArray(body.data) ? (body.data as unknown[]) : [];
  // Backfill takes the newest `limit` items in all; a last page may overshoot (max_results has a minimum).
  const kept = sinceId ? items : items.slice(0, Math.max(0, limit - read));
  const mentions: PulledMention[] = [];
  const skipped = partialErrors(body.errors, spec.label);
  let newest: string | undefined = typeof body.meta?.newest_id === 'string' ? body.meta.newest_id : undefined;
  for (const item of kept) {
    const mapped = mapTweet(item, users);
    if ('skip' in mapped) skipped.push({ ...mapped.skip, reason: `${spec.label}: ${mapped.skip.reason}` });
    else mentions.push(mapped.mention);
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && ID.test(id)) newest = maxId(newest, id);
  }
  const top = run?.newestId ?? (newest && ID.test(newest) ? newest : undefined);
  const total = read + kept.length;
  const token = typeof body.meta?.next_token === 'string' ? body.meta.next_token : undefined;
  if (token && (sinceId || total < limit)) {
    return {
      mentions,
      skipped,
      ...(sinceId ? { sinceId } : {}),
      run: { token, ...(top ? { newestId: top } : {}), count: total },
    };
  }
  const next = maxId(top, sinceId);
  return { mentions, skipped, ...(next ? { sinceId: next } : {}) };
}

async function pull(ctx: PullContext): Promise<PullResult> {
  const cfg = readConfig(ctx.config);
  if (!cfg.query && !cfg.userId) {
    throw new ConnectorError('config', 'X source needs a search query or the userId whose mentions to read');
  }
  const prev = readCursor(ctx.cursor);
  const next: XCursor = {};
  const mentions: PulledMention[] = [];
  const skipped: SkippedItem[] = [];

  if (cfg.query) {
    let since = prev.searchSinceId;
    let run = prev.searchRun;
    // Recent search covers 7 days and refuses an older since_id (a source paused for a week): start afresh.
    if (since && ctx.now().getTime() - snowflakeTime(since) > SEARCH_WINDOW_MS) {
      since = undefined;
      run = undefined;
    }
    const out = await readStream(
      ctx,
      cfg,
      {
        label: 'search',
        path: '/2/tweets/search/recent',
        params: { query: cfg.query },
        tokenParam: 'next_token',
        minResults: 10,
      },
      since,
      run,
    );
    mentions.push(...out.mentions);
    skipped.push(...out.skipped);
    if (out.sinceId) next.searchSinceId = out.sinceId;
    if (out.run) next.searchRun = out.run;
  }
  if (cfg.userId) {
    const out = await readStream(
      ctx,
      cfg,
      {
        label: 'mentions',
        path: `/2/users/${cfg.userId}/mentions`,
        params: {},
        tokenParam: 'pagination_token',
        minResults: 5,
      },
      prev.mentionsSinceId,
      prev.mentionsRun,
    );
    // A tweet can be both a search hit and a mention.
    const have = new Set(mentions.map((m) => m.externalId));
    mentions.push(...out.mentions.filter((m) => !have.has(m.externalId)));
    skipped.push(...out.skipped);
    if (out.sinceId) next.mentionsSinceId = out.sinceId;
    if (out.run) next.mentionsRun = out.run;
  }
  mentions.sort((a, b) => compareIds(a.externalId, b.externalId));
  return { mentions, skipped, cursor: next, more: Boolean(next.searchRun || next.mentionsRun) };
}

// ---- replies (user context) ----

interface UserTokens {
  access?: string;
  refresh?: string;
  expiresAt?: number;
}

/** Tokens in `ctx.state` are used only while the configured ones are those they were renewed from. */
function seedOf(cfg: XConfig): string {
  return createHash('sha256')
    .update(`${cfg.userAccessToken ?? ''}\n${cfg.userRefreshToken ?? ''}`)
    .digest('hex')
    .slice(0, 16);
}

function currentTokens(ctx: ReplyContext, cfg: XConfig): UserTokens {
  const s = ctx.state;
  if (s.userTokenSeed === seedOf(cfg) && typeof s.userAccessToken === 'string') {
    const expiresAt = typeof s.userTokenExpiresAt === 'string' ? Date.parse(s.userTokenExpiresAt) : NaN;
    return {
      access: s.userAccessToken,
      ...(typeof s.userRefreshToken === 'string' ? { refresh: s.userRefreshToken } : {}),
      ...(Number.isFinite(expiresAt) ? { expiresAt } : {}),
    };
  }
  return {
    ...(cfg.userAccessToken ? { access: cfg.userAccessToken } : {}),
    ...(cfg.userRefreshToken ? { refresh: cfg.userRefreshToken } : {}),
  };
}

const RECONNECT =
  'Connect the X account again and save its new userAccessToken and userRefreshToken in Settings → Sources.';

async function refreshTokens(ctx: ReplyContext, cfg: XConfig, refresh: string | undefined): Promise<string> {
  if (!refresh)
    throw new ConnectorError(
      'auth',
      `X refused the user access token and no refresh token is configured. ${RECONNECT}`,
    );
  if (!cfg.clientId)
    throw new ConnectorError(
      'config',
      'Renewing the X user access token needs the app\'s "clientId" in the source configuration',
    );
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (cfg.clientSecret) {
    headers.authorization = `Basic ${Buffer.from(`${cfg.clientId}:${cfg.clientSecret}`).toString('base64')}`;
  }
  let res: Response;
  try {
    res = await request(
      endpoint(cfg.baseUrl, '/2/oauth2/token'),
      {
        method: 'POST',
        headers,
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: refresh,
          client_id: cfg.clientId,
        }).toString(),
      },
      http(ctx),
    );
  } catch (err) {
    if (err instanceof ConnectorError && (err.kind === 'auth' || err.kind === 'rejected')) {
      throw new ConnectorError('auth', `X did not renew the user access token (${detailOf(err)}). ${RECONNECT}`, {
        ...(err.status ? { status: err.status } : {}),
        cause: err,
      });
    }
    throw err;
  }
  const body = await json<Record<string, unknown>>(res, PLATFORM);
  if (typeof body.access_token !== 'string' || !body.access_token) {
    throw new ConnectorError('auth', `X did not return a new user access token. ${RECONNECT}`);
  }
  const ttl = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 7200;
  const state = {
    ...ctx.state,
    userAccessToken: body.access_token,
    // Refresh tokens rotate: the one just used is dead now.
    userRefreshToken: typeof body.refresh_token === 'string' && body.refresh_token ? body.refresh_token : refresh,
    userTokenExpiresAt: new Date(ctx.now().getTime() + ttl * 1000).toISOString(),
    userTokenSeed: seedOf(cfg),
  };
  Object.assign(ctx.state, state);
  await ctx.saveState(state);
  return body.access_token;
}

/** "401: Unauthorized" out of a message made by `request()`. */
function detailOf(err: ConnectorError): string {
  const m = /\((\d{3})\)(?::\s*(.*?))?(?:\. Check the source.*)?$/s.exec(err.message);
  const text = m?.[2]?.replace(/\.$/, '');
  return `${err.status ?? m?.[1] ?? '?'}${text ? `: ${text}` : ''}`;
}

/** A user-context call: renews an expired token first, and once more when X answers 401. */
async function userCall(ctx: ReplyContext, cfg: XConfig, path: string, init: RequestInit): Promise<Response> {
  let tokens = currentTokens(ctx, cfg);
  if (!tokens.access && !tokens.refresh) {
    throw new ConnectorError(
      'config',
      'Replies on X need user-context credentials: set userAccessToken (with userRefreshToken and clientId so it can be renewed)',
    );
  }
  let access =
    tokens.access && !(tokens.expiresAt !== undefined && tokens.expiresAt - TOKEN_MARGIN_MS <= ctx.now().getTime())
      ? tokens.access
      : await refreshTokens(ctx, cfg, tokens.refresh);
  let renewed = access !== tokens.access;
  for (;;) {
    try {
      return await request(
        endpoint(cfg.baseUrl, path),
        { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${access}` } },
        http(ctx),
      );
    } catch (err) {
      if (!renewed && err instanceof ConnectorError && err.status === 401) {
        tokens = currentTokens(ctx, cfg);
        access = await refreshTokens(ctx, cfg, tokens.refresh);
        renewed = true;
        continue;
      }
      throw err;
    }
  }
}

/** Refusals of this one post that X sends as 403 (not a credentials problem). */
const POST_REFUSALS = /duplicate content|too long|reply to this conversation|not allowed to reply|deleted|not visible/i;

async function reply(ctx: ReplyContext, req: ReplyRequest): Promise<ReplyResult> {
  const cfg = readConfig(ctx.config);
  if (!ID.test(req.target.externalId))
    throw new ConnectorError('rejected', `X cannot reply to "${req.target.externalId}": not a tweet id`);
  let res: Response;
  try {
    res = await userCall(ctx, cfg, '/2/tweets', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: req.body, reply: { in_reply_to_tweet_id: req.target.externalId } }),
    });
  } catch (err) {
    if (err instanceof ConnectorError && err.status === 403 && POST_REFUSALS.test(err.message)) {
      throw new ConnectorError('rejected', `X refused the reply (${detailOf(err)})`, { status: 403, cause: err });
    }
    throw err;
  }
  const body = await json<{ data?: { id?: unknown } }>(res, PLATFORM);
  const id = body.data?.id;
  if (typeof id !== 'string' || !ID.test(id)) {
    throw new ConnectorError('unavailable', 'X accepted the post but did not say which tweet it created');
  }
  const me = ctx.state.me as { username?: unknown } | undefined;
  const handle = typeof me?.username === 'string' ? me.username : 'i/web';
  return { externalId: id, url: `${WEB}/${handle}/status/${id}` };
}

/** Our own account (user context), cached in state. */
async function whoAmI(ctx: ReplyContext, cfg: XConfig): Promise<{ id: string; username: string }> {
  const cached = ctx.state.me as { id?: unknown; username?: unknown; seed?: unknown } | undefined;
  if (typeof cached?.id === 'string' && typeof cached.username === 'string' && cached.seed === seedOf(cfg)) {
    return { id: cached.id, username: cached.username };
  }
  const res = await userCall(ctx, cfg, '/2/users/me', { method: 'GET' });
  const body = await json<{ data?: { id?: unknown; username?: unknown } }>(res, PLATFORM);
  const id = body.data?.id;
  const username = body.data?.username;
  if (typeof id !== 'string' || typeof username !== 'string') {
    throw new ConnectorError('unavailable', 'X did not say which account the user access token belongs to');
  }
  const state = { ...ctx.state, me: { id, username, seed: seedOf(cfg) } };
  Object.assign(ctx.state, state);
  await ctx.saveState(state);
  return { id, username };
}

function sameText(a: string, b: string): boolean {
  // X wraps links in t.co and may trim or collapse whitespace.
  const norm = (s: string) =>
    s
      .normalize('NFC')
      .replace(/https?:\/\/\S+/g, '<url>')
      .replace(/\s+/g, ' ')
      .trim();
  return norm(a) === norm(b);
}

/**
 * Our account's own timeline (up to date at once, unlike search, whose index lags) for a reply to the
 * target with the same text.
 */
async function findReply(ctx: ReplyContext, req: ReplyRequest): Promise<ReplyResult | null> {
  const cfg = readConfig(ctx.config);
  const me = await whoAmI(ctx, cfg);
  const body = (await appGet(ctx, cfg, `/2/users/${me.id}/tweets`, {
    max_results: '100',
    'tweet.fields': 'created_at,conversation_id,referenced_tweets',
  })) as Envelope | null;
  const items = Array.isArray(body?.data) ? (body.data as Record<string, unknown>[]) : [];
  for (const t of items) {
    if (typeof t?.id !== 'string' || typeof t.text !== 'string') continue;
    const refs = Array.isArray(t.referenced_tweets) ? (t.referenced_tweets as { type?: unknown; id?: unknown }[]) : [];
    if (!refs.some((r) => r?.type === 'replied_to' && r.id === req.target.externalId)) continue;
    if (!sameText(decodeEntities(t.text), req.body)) continue;
    return { externalId: t.id, url: `${WEB}/${me.username}/status/${t.id}` };
  }
  return null;
}

export const xConnector: Connector = {
  kind: 'x',
  replyLimit: () => 280,
  pull,
  reply,
  findReply,
  retrySafe: false,
};

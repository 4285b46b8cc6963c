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
import { sanitizeHtml } from './html.js';
import { endpoint, json, optStr, request, str, type HttpOptions } from './http.js';

/**
 * Reddit over OAuth (SPEC §4): keyword search for posts (t3) and the newest comments (t1) of watched
 * subreddits, filtered by the query's keywords. Reads forward by fullname: a stream's cursor is the newest
 * fullname it has seen, and a poll reads the newest page(s) until it reaches that fullname. Reddit's own
 * `before=<fullname>` is not used for this because it answers an empty page for good once that item is
 * deleted, and search (`t=day`) drops it after a day: the source would silently stop.
 */

const PLATFORM = 'Reddit';
const WEB = 'https://www.reddit.com';
const PAGE_SIZE = 100;
/** Listings reach back about 1000 items, so more pages than this cannot help a poll that fell behind. */
const MAX_PAGES = 10;
/** Renew a token this long before Reddit says it expires. */
const TOKEN_MARGIN_MS = 60_000;
const FULLNAME = /^t[13]_[0-9a-z]+$/;
const SUBREDDIT = /^[A-Za-z0-9_]{2,21}$/;

interface RedditConfig {
  baseUrl: string;
  authUrl: string;
  clientId: string;
  clientSecret: string;
  username?: string;
  password?: string;
  query?: string;
  subreddits: string[];
}

/** Per stream, the newest fullname seen: `search` for posts, `subs[<lower-case name>]` for comments. */
interface RedditCursor {
  search?: string;
  subs?: Record<string, string>;
}

type Listing = { data?: { after?: unknown; children?: unknown } };

function readConfig(config: Record<string, unknown>): RedditConfig {
  const username = optStr(config, 'username');
  const password = optStr(config, 'password');
  if (Boolean(username) !== Boolean(password)) {
    throw new ConnectorError(
      'config',
      'Reddit source has only one of "username" and "password": give both (a script app) or neither (read-only)',
    );
  }
  const raw = config.subreddits;
  const subreddits: string[] = [];
  if (raw != null) {
    if (!Array.isArray(raw)) throw new ConnectorError('config', 'Reddit source "subreddits" must be a list of names');
    for (const item of raw) {
      const name = typeof item === 'string' ? item.trim().replace(/^\/?r\//i, '') : '';
      if (!SUBREDDIT.test(name)) {
        throw new ConnectorError('config', `Reddit source watches "${String(item)}", which is not a subreddit name`);
      }
      subreddits.push(name);
    }
  }
  return {
    baseUrl: optStr(config, 'baseUrl') ?? 'https://oauth.reddit.com',
    authUrl: optStr(config, 'authUrl') ?? WEB,
    clientId: str(config, 'clientId', PLATFORM),
    clientSecret: str(config, 'clientSecret', PLATFORM),
    ...(username && password ? { username, password } : {}),
    ...(optStr(config, 'query') ? { query: optStr(config, 'query') } : {}),
    subreddits,
  };
}

function readCursor(cursor: unknown): RedditCursor {
  if (!cursor || typeof cursor !== 'object') return {};
  const c = cursor as Record<string, unknown>;
  const out: RedditCursor = {};
  if (typeof c.search === 'string' && FULLNAME.test(c.search)) out.search = c.search;
  if (c.subs && typeof c.subs === 'object') {
    out.subs = Object.fromEntries(
      Object.entries(c.subs as Record<string, unknown>).filter(
        (e): e is [string, string] => typeof e[1] === 'string' && FULLNAME.test(e[1]),
      ),
    );
  }
  return out;
}

/** `x-ratelimit-reset` is seconds until the window ends. */
export function redditResetAt(res: Response, now: Date): Date | undefined {
  const v = res.headers.get('x-ratelimit-reset');
  if (v == null || v.trim() === '') return undefined;
  const seconds = Number(v);
  return Number.isFinite(seconds) && seconds >= 0 ? new Date(now.getTime() + seconds * 1000) : undefined;
}

/** Orders fullnames of one kind by their base36 id (ids grow over time; compare without parsing). */
function newer(a: string, b: string): boolean {
  const x = a.slice(3);
  const y = b.slice(3);
  return x.length !== y.length ? x.length > y.length : x > y;
}

/**
 * One OAuth session: the access token cached in `ctx.state` (renewed when expired or refused once with 401)
 * and the rate-limit budget seen on the last answer.
 */
class RedditClient {
  private remaining: number | undefined;
  private resetAt: Date | undefined;

  constructor(
    private readonly ctx: ReplyContext,
    private readonly cfg: RedditConfig,
  ) {}

  private http(): HttpOptions {
    return {
      platform: PLATFORM,
      resetAt: redditResetAt,
      fetch: this.ctx.fetch,
      now: this.ctx.now,
      ...(this.ctx.signal ? { signal: this.ctx.signal } : {}),
    };
  }

  /** Which credentials a cached token belongs to: a changed config must not keep using the old account's token. */
  private credentialKey(): string {
    const { clientId, clientSecret, username, password } = this.cfg;
    return createHash('sha256')
      .update([clientId, clientSecret, username ?? '', password ?? ''].join('\n'))
      .digest('hex')
      .slice(0, 16);
  }

  private async token(renew: boolean): Promise<string> {
    const s = this.ctx.state;
    const expiresAt = typeof s.expiresAt === 'string' ? Date.parse(s.expiresAt) : NaN;
    if (
      !renew &&
      typeof s.accessToken === 'string' &&
      s.tokenFor === this.credentialKey() &&
      expiresAt - TOKEN_MARGIN_MS > this.ctx.now().getTime()
    ) {
      return s.accessToken;
    }
    const { clientId, clientSecret, username, password } = this.cfg;
    const form = new URLSearchParams(
      username && password ? { grant_type: 'password', username, password } : { grant_type: 'client_credentials' },
    );
    const check = username
      ? `Check the client id and secret of the Reddit "script" app and the username and password of its account (an account with two-factor login cannot use a script app).`
      : 'Check the client id and secret of the Reddit app.';
    let res: Response;
    try {
      res = await request(
        endpoint(this.cfg.authUrl, '/api/v1/access_token'),
        {
          method: 'POST',
          headers: {
            authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: form.toString(),
        },
        this.http(),
      );
    } catch (err) {
      if (err instanceof ConnectorError && (err.kind === 'auth' || err.kind === 'rejected')) {
        throw new ConnectorError('auth', `Reddit refused to issue an access token (${err.status ?? '?'}). ${check}`, {
          ...(err.status ? { status: err.status } : {}),
          cause: err,
        });
      }
      throw err;
    }
    const body = await json<Record<string, unknown>>(res, PLATFORM);
    // A wrong password is a 200 carrying `{"error": "invalid_grant"}`.
    if (typeof body.access_token !== 'string' || body.access_token === '') {
      const why = typeof body.error === 'string' ? ` (${body.error})` : '';
      throw new ConnectorError('auth', `Reddit did not issue an access token${why}. ${check}`);
    }
    const ttl = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 3600;
    const next = {
      ...this.ctx.state,
      accessToken: body.access_token,
      expiresAt: new Date(this.ctx.now().getTime() + ttl * 1000).toISOString(),
      tokenFor: this.credentialKey(),
    };
    Object.assign(this.ctx.state, next);
    await this.ctx.saveState(next);
    return body.access_token;
  }

  private async call(path: string, params: Record<string, string>, init: RequestInit): Promise<unknown> {
    const url = endpoint(this.cfg.baseUrl, path);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    for (let attempt = 0; ; attempt++) {
      const token = await this.token(attempt > 0);
      try {
        const res = await request(
          url,
          { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `bearer ${token}` } },
          this.http(),
        );
        this.track(res);
        return await json<unknown>(res, PLATFORM);
      } catch (err) {
        // A token Reddit no longer accepts (revoked, clock skew): renew once.
        if (attempt === 0 && err instanceof ConnectorError && err.status === 401) continue;
        throw err;
      }
    }
  }

  get(path: string, params: Record<string, string>): Promise<unknown> {
    return this.call(path, { ...params, raw_json: '1' }, { method: 'GET' });
  }

  post(path: string, form: Record<string, string>): Promise<unknown> {
    return this.call(
      path,
      {},
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      },
    );
  }

  private track(res: Response): void {
    const remaining = Number(res.headers.get('x-ratelimit-remaining') ?? NaN);
    if (Number.isFinite(remaining)) {
      this.remaining = remaining;
      this.resetAt = redditResetAt(res, this.ctx.now());
    }
  }

  /** When the window's budget is spent: the time it resets. */
  exhaustedUntil(): Date | undefined {
    if (this.remaining === undefined || this.remaining >= 1 || !this.resetAt) return undefined;
    return this.resetAt > this.ctx.now() ? this.resetAt : undefined;
  }
}

interface Stream {
  /** Cursor key: 'search' or the lower-case subreddit name. */
  key: string;
  label: string;
  path: string;
  params: Record<string, string>;
  /** Comments are kept only when they contain a query keyword. */
  filter: ((text: string) => boolean) | null;
}

interface StreamRead {
  things: unknown[];
  newest: string | undefined;
  skipped: SkippedItem[];
}

function children(body: unknown, label: string): { items: unknown[]; after: string | null } {
  const data = (body as Listing | null)?.data;
  if (!data || !Array.isArray(data.children)) {
    throw new ConnectorError('unavailable', `Reddit answered ${label} with something that is not a Listing`);
  }
  return { items: data.children as unknown[], after: typeof data.after === 'string' ? data.after : null };
}

function nameOf(item: unknown): string | undefined {
  const name = (item as { data?: { name?: unknown } } | null)?.data?.name;
  return typeof name === 'string' && FULLNAME.test(name) ? name : undefined;
}

/** Newest page(s) down to the stream's cursor. */
async function readForward(client: RedditClient, stream: Stream, since: string): Promise<StreamRead> {
  const things: unknown[] = [];
  let newest = since;
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const body = await client.get(stream.path, {
      ...stream.params,
      limit: String(PAGE_SIZE),
      ...(after ? { after } : {}),
    });
    const list = children(body, stream.label);
    for (const item of list.items) {
      const name = nameOf(item);
      if (name && name.slice(0, 2) === since.slice(0, 2) && !newer(name, since)) return { things, newest, skipped: [] };
      if (name && newer(name, newest)) newest = name;
      things.push(item);
    }
    after = list.after;
    if (!after) return { things, newest, skipped: [] };
  }
  return {
    things,
    newest,
    skipped: [
      {
        externalId: null,
        reason: `${stream.label}: more than ${MAX_PAGES * PAGE_SIZE} new items since the last poll; older ones were not read`,
      },
    ],
  };
}

/**
 * A new stream: newest first, paging back with `after` up to the backfill limit. At least one page is read,
 * so a limit of 0 still sets the cursor (read only what comes next).
 */
async function readBack(client: RedditClient, stream: Stream, limit: number): Promise<StreamRead> {
  const things: unknown[] = [];
  let newest: string | undefined;
  let after: string | null = null;
  do {
    const body = await client.get(stream.path, {
      ...stream.params,
      limit: String(Math.max(1, Math.min(PAGE_SIZE, limit - things.length))),
      ...(after ? { after } : {}),
    });
    const list = children(body, stream.label);
    for (const item of list.items) {
      const name = nameOf(item);
      if (name && (!newest || newer(name, newest))) newest = name;
      if (things.length < limit) things.push(item);
    }
    after = list.items.length > 0 ? list.after : null;
  } while (after && things.length < limit);
  return { things, newest, skipped: [] };
}

/**
 * The query's plain keywords and quoted phrases, for filtering comments (Reddit search does not return
 * comments). Field operators (`subreddit:x`) and boolean words are ignored; `-word` excludes.
 */
export function keywordFilter(query: string): (text: string) => boolean {
  const include: RegExp[] = [];
  const exclude: RegExp[] = [];
  for (const m of query.matchAll(/(-?)"([^"]+)"|(\S+)/g)) {
    const phrase = m[2];
    let word = phrase ?? m[3] ?? '';
    let negated = m[1] === '-';
    if (!phrase) {
      word = word.replace(/^[()]+|[()]+$/g, '');
      if (word.startsWith('-')) {
        negated = true;
        word = word.slice(1);
      }
      if (/^(OR|AND|NOT)$/.test(word) || word.includes(':')) continue;
    }
    word = word.trim();
    if (!word) continue;
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    const re = new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'iu');
    (negated ? exclude : include).push(re);
  }
  return (text) => (include.length === 0 || include.some((r) => r.test(text))) && !exclude.some((r) => r.test(text));
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

type Mapped = { mention: PulledMention } | { skip: SkippedItem };

/** One listing child to a mention, or the reason it is skipped. */
export function mapThing(item: unknown): Mapped {
  const kind = (item as { kind?: unknown } | null)?.kind;
  const data = (item as { data?: unknown } | null)?.data;
  const rawName = (data as { name?: unknown } | null | undefined)?.name;
  const externalId = typeof rawName === 'string' ? rawName : null;
  const skip = (reason: string): Mapped => ({ skip: { externalId, reason } });
  if (kind !== 't1' && kind !== 't3') return skip(`unexpected kind ${JSON.stringify(kind ?? null)}`);
  if (!data || typeof data !== 'object') return skip('missing data');
  const d = data as Record<string, unknown>;
  if (!externalId || !FULLNAME.test(externalId) || !externalId.startsWith(`${kind}_`)) {
    return skip('missing or malformed fullname');
  }
  const author = d.author;
  if (typeof author !== 'string' || author === '') return skip('missing author');
  if (author === '[deleted]') return skip('deleted or removed');
  if (typeof d.removed_by_category === 'string') return skip('removed');
  if (typeof d.created_utc !== 'number' || !Number.isFinite(d.created_utc)) return skip('unparseable date');
  const postedAt = new Date(d.created_utc * 1000);

  let text: string;
  let html: string | null = null;
  if (kind === 't3') {
    if (typeof d.title !== 'string' || d.title.trim() === '') return skip('post without a title');
    const selftext = typeof d.selftext === 'string' ? d.selftext.trim() : '';
    if (selftext === '[removed]' || selftext === '[deleted]') return skip('deleted or removed');
    text = selftext ? `${d.title.trim()}\n\n${selftext}` : d.title.trim();
  } else {
    if (typeof d.body !== 'string') return skip('comment without a body');
    text = d.body.trim();
    if (text === '[removed]' || text === '[deleted]') return skip('deleted or removed');
    if (text === '') return skip('text is empty');
    if (typeof d.body_html === 'string' && d.body_html.trim() !== '') html = sanitizeHtml(d.body_html) || null;
  }

  const permalink = typeof d.permalink === 'string' && d.permalink.startsWith('/') ? d.permalink : null;
  const parentId = typeof d.parent_id === 'string' ? d.parent_id : null;
  const linkId = typeof d.link_id === 'string' ? d.link_id : null;
  return {
    mention: {
      externalId,
      url: permalink ? `${WEB}${permalink}` : null,
      text,
      html,
      postedAt,
      language: null,
      inReplyToExternalId: kind === 't1' ? parentId : null,
      threadExternalId: kind === 't1' ? linkId : null,
      author: {
        externalId: typeof d.author_fullname === 'string' && d.author_fullname ? d.author_fullname : author,
        handle: author,
        displayName: null,
        profileUrl: `${WEB}/user/${encodeURIComponent(author)}`,
        followers: null,
      },
      metrics: {
        likes: num(d.score),
        reposts: kind === 't3' ? num(d.num_crossposts) : 0,
        replies: num(d.num_comments),
      },
      raw: item,
    },
  };
}

function streamsOf(cfg: RedditConfig): Stream[] {
  const streams: Stream[] = [];
  if (cfg.query) {
    streams.push({
      key: 'search',
      label: 'search',
      path: '/search',
      params: { q: cfg.query, sort: 'new', t: 'day', type: 'link' },
      filter: null,
    });
  }
  const filter = cfg.query ? keywordFilter(cfg.query) : null;
  const seen = new Set<string>();
  for (const sub of cfg.subreddits) {
    const key = sub.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    streams.push({ key, label: `r/${sub}`, path: `/r/${sub}/comments`, params: {}, filter });
  }
  return streams;
}

async function pull(ctx: PullContext): Promise<PullResult> {
  const cfg = readConfig(ctx.config);
  const streams = streamsOf(cfg);
  if (streams.length === 0) {
    throw new ConnectorError('config', 'Reddit source needs a search query or at least one subreddit to watch');
  }
  const client = new RedditClient(ctx, cfg);
  const prev = readCursor(ctx.cursor);
  const next: RedditCursor = { ...prev, subs: { ...prev.subs } };
  const forward: PulledMention[] = [];
  const backfill: PulledMention[] = [];
  const skipped: SkippedItem[] = [];
  const limit = Math.max(0, ctx.backfillLimit);

  for (const stream of streams) {
    // Reddit's budget is per 10-minute window: stop with what is read rather than earn a 429.
    // (The next poll then meets the 429 and backs off until the reset.)
    if (client.exhaustedUntil()) break;
    const since = stream.key === 'search' ? prev.search : prev.subs?.[stream.key];
    let read: StreamRead;
    try {
      read = since ? await readForward(client, stream, since) : await readBack(client, stream, limit);
    } catch (err) {
      // A private, quarantined or banned subreddit must not stop the rest of the source.
      if (stream.key !== 'search' && err instanceof ConnectorError && (err.status === 403 || err.status === 404)) {
        skipped.push({ externalId: null, reason: `${stream.label} cannot be read (${err.status}): ${err.message}` });
        continue;
      }
      throw err;
    }
    skipped.push(...read.skipped);
    for (const item of read.things) {
      const mapped = mapThing(item);
      if ('skip' in mapped) {
        skipped.push({ ...mapped.skip, reason: `${stream.label}: ${mapped.skip.reason}` });
        continue;
      }
      if (stream.filter && !stream.filter(mapped.mention.text)) continue;
      (since ? forward : backfill).push(mapped.mention);
    }
    if (read.newest) {
      if (stream.key === 'search') next.search = read.newest;
      else next.subs![stream.key] = read.newest;
    }
  }

  // A new source reads back at most `backfillLimit` items in all: the newest across its streams.
  backfill.sort((a, b) => b.postedAt.getTime() - a.postedAt.getTime());
  const mentions = [...forward, ...backfill.slice(0, limit)];
  // Oldest first, so a post is stored before the comments that answer it.
  mentions.sort((a, b) => a.postedAt.getTime() - b.postedAt.getTime());
  if (next.subs && Object.keys(next.subs).length === 0) delete next.subs;
  return { mentions, skipped, cursor: next, more: false };
}

type WriteResponse = { json?: { errors?: unknown; ratelimit?: unknown; data?: { things?: unknown } } };

/** Reddit reports write failures inside a 200: `json.errors` = [[code, message, field], …]. */
function writeError(body: WriteResponse, now: Date): ConnectorError | null {
  const errors = body.json?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return null;
  const first = (Array.isArray(errors[0]) ? errors[0] : [errors[0]]) as unknown[];
  const code = typeof first[0] === 'string' ? first[0] : 'ERROR';
  const message = `Reddit refused the comment: ${code}${typeof first[1] === 'string' ? ` (${first[1]})` : ''}`;
  if (code === 'RATELIMIT') {
    const seconds = typeof body.json?.ratelimit === 'number' ? body.json.ratelimit : waitFromText(String(first[1]));
    return new ConnectorError('rate_limited', message, {
      ...(seconds !== undefined ? { retryAt: new Date(now.getTime() + Math.ceil(seconds) * 1000) } : {}),
    });
  }
  if (code === 'USER_REQUIRED') {
    return new ConnectorError(
      'auth',
      `${message}. Replies need a script app with the username and password of its account.`,
    );
  }
  return new ConnectorError('rejected', message);
}

/** "try again in 9 minutes." / "in 30 seconds" */
function waitFromText(text: string): number | undefined {
  const m = /(\d+)\s*(second|minute|hour)/i.exec(text);
  if (!m?.[1] || !m[2]) return undefined;
  const unit = m[2].toLowerCase();
  return Number(m[1]) * (unit === 'hour' ? 3600 : unit === 'minute' ? 60 : 1);
}

function replyConfig(ctx: ReplyContext): RedditConfig & { username: string } {
  const cfg = readConfig(ctx.config);
  if (!cfg.username || !cfg.password) {
    throw new ConnectorError(
      'config',
      'Replies on Reddit need a "script" app with the username and password of the answering account; this source is read-only',
    );
  }
  return { ...cfg, username: cfg.username };
}

function replyTarget(req: ReplyRequest): string {
  const id = req.target.externalId;
  if (!FULLNAME.test(id))
    throw new ConnectorError('rejected', `Reddit cannot reply to "${id}": not a post or comment fullname`);
  return id;
}

async function reply(ctx: ReplyContext, req: ReplyRequest): Promise<ReplyResult> {
  const cfg = replyConfig(ctx);
  const thingId = replyTarget(req);
  const client = new RedditClient(ctx, cfg);
  const body = (await client.post('/api/comment', {
    api_type: 'json',
    thing_id: thingId,
    text: req.body,
  })) as WriteResponse;
  const err = writeError(body, ctx.now());
  if (err) throw err;
  const things = body.json?.data?.things;
  const data =
    (Array.isArray(things) ? (things[0] as { data?: Record<string, unknown> } | undefined)?.data : undefined) ?? {};
  if (typeof data.name !== 'string') {
    throw new ConnectorError('unavailable', 'Reddit accepted the comment but did not say which one it created');
  }
  return { externalId: data.name, url: typeof data.permalink === 'string' ? `${WEB}${data.permalink}` : null };
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

/** Our account's newest comments (a user listing is up to date at once, unlike search). */
async function findReply(ctx: ReplyContext, req: ReplyRequest): Promise<ReplyResult | null> {
  const cfg = replyConfig(ctx);
  const parent = replyTarget(req);
  const client = new RedditClient(ctx, cfg);
  const body = await client.get(`/user/${encodeURIComponent(cfg.username)}/comments`, {
    limit: String(PAGE_SIZE),
    sort: 'new',
  });
  for (const item of children(body, 'our comments').items) {
    const d = (item as { data?: Record<string, unknown> } | null)?.data;
    if (!d || d.parent_id !== parent || typeof d.body !== 'string' || typeof d.name !== 'string') continue;
    if (!sameText(d.body, req.body)) continue;
    return { externalId: d.name, url: typeof d.permalink === 'string' ? `${WEB}${d.permalink}` : null };
  }
  return null;
}

export const redditConnector: Connector = {
  kind: 'reddit',
  // Reddit's comment limit.
  replyLimit: () => 10_000,
  pull,
  reply,
  findReply,
  retrySafe: false,
};

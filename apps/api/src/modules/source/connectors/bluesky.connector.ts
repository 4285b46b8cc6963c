import { createHash } from 'node:crypto';
import type {
  Connector,
  PullContext,
  PullResult,
  PulledMention,
  ReplyContext,
  ReplyRequest,
  ReplyResult,
  SkippedItem,
} from './connector.js';
import { ConnectorError } from './connector.js';
import { endpoint, json, optStr, request, str } from './http.js';

/**
 * Bluesky (SPEC §4): mention/reply/quote notifications or a post search over XRPC. Cursors are opaque and
 * there is no since-id, so each poll reads newest first until it meets a stored `uri`. The app-password
 * session lives in the connector state and is refreshed (or recreated) when the access token expires.
 * Replies use an rkey derived from the idempotency key, so the PDS itself refuses a second copy.
 */

const PLATFORM = 'Bluesky';
const DEFAULT_BASE_URL = 'https://bsky.social';
const PAGE_LIMIT = 100;
/** Forward reads stop after this many pages per call and resume at once (`more`) from the page cursor. */
const PAGES_PER_CALL = 5;
const PROFILES_PER_CALL = 25;
const REPLY_LIMIT = 300;
const POST_COLLECTION = 'app.bsky.feed.post';
const REASONS = ['mention', 'reply', 'quote'];

type Mode = 'notifications' | 'search';
type Json = Record<string, unknown>;

interface BlueskyConfig {
  baseUrl: string;
  identifier: string;
  appPassword: string;
  mode: Mode;
  query?: string;
}

/** What the connector keeps in `ctx.state.session` (tied to the service and identifier it came from). */
interface Session {
  accessJwt: string;
  refreshJwt: string;
  did: string;
  handle: string;
  service: string;
  identifier: string;
}

/**
 * `newestUri`/`newestIndexedAt`: the newest item read so far, where the next poll stops. `resume`: a read
 * cut short by the page budget; it continues at `cursor` and, once it meets the stop, `newest*` take over.
 */
export interface BlueskyCursor {
  mode: Mode;
  newestUri: string;
  newestIndexedAt: string;
  resume?: { cursor: string; newestUri: string; newestIndexedAt: string };
}

function readConfig(config: Record<string, unknown>): BlueskyConfig {
  const baseUrl = optStr(config, 'baseUrl') ?? DEFAULT_BASE_URL;
  try {
    new URL(baseUrl);
  } catch {
    throw new ConnectorError('config', `${PLATFORM} source has an invalid baseUrl "${baseUrl}"`);
  }
  const identifier = str(config, 'identifier', PLATFORM).replace(/^@/, '');
  const appPassword = str(config, 'appPassword', PLATFORM);
  const mode = optStr(config, 'mode') ?? 'notifications';
  if (mode !== 'notifications' && mode !== 'search') {
    throw new ConnectorError('config', `${PLATFORM} source has an unknown mode "${mode}" (notifications or search)`);
  }
  const query = optStr(config, 'query');
  if (mode === 'search' && !query)
    throw new ConnectorError('config', `${PLATFORM} source in search mode needs a "query"`);
  return { baseUrl, identifier, appPassword, mode, ...(query ? { query } : {}) };
}

function isObj(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function s(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

function readCursor(cursor: unknown, mode: Mode): BlueskyCursor | null {
  if (!isObj(cursor) || cursor.mode !== mode) return null; // a mode change starts over with a backfill
  const newestUri = s(cursor.newestUri);
  const newestIndexedAt = s(cursor.newestIndexedAt);
  if (!newestUri || !newestIndexedAt) return null;
  const r = cursor.resume;
  const resume =
    isObj(r) && s(r.cursor) && s(r.newestUri) && s(r.newestIndexedAt)
      ? { cursor: r.cursor as string, newestUri: r.newestUri as string, newestIndexedAt: r.newestIndexedAt as string }
      : undefined;
  return { mode, newestUri, newestIndexedAt, ...(resume ? { resume } : {}) };
}

/** `RateLimit-Reset` is a unix time in seconds. */
export function blueskyResetAt(res: Response): Date | undefined {
  const v = res.headers.get('ratelimit-reset');
  if (!v || !/^\d+(\.\d+)?$/.test(v.trim())) return undefined;
  return new Date(Number(v.trim()) * 1000);
}

/** A ConnectorError that also carries the XRPC error name (`ExpiredToken`, `RecordNotFound`…). */
class XrpcError extends ConnectorError {
  constructor(
    base: ConnectorError,
    readonly xrpcError: string | undefined,
    readonly detail: string | undefined,
  ) {
    super(base.kind, base.message, base.options);
  }
}

/** Number of user-perceived characters, as Bluesky counts its 300 limit. */
export function graphemeLength(text: string): number {
  let n = 0;
  for (const _ of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) n++;
  return n;
}

const S32 = '234567abcdefghijklmnopqrstuvwxyz';

/**
 * A TID-shaped record key derived from the idempotency key: the same reply always targets the same
 * record, so a retry after an unknown outcome cannot post twice (the PDS insists on TIDs for posts).
 */
export function tidFromKey(key: string): string {
  let n = createHash('sha256').update(key).digest().readBigUInt64BE(0) & 0x7fff_ffff_ffff_ffffn;
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = S32.charAt(Number(n & 31n)) + out;
    n >>= 5n;
  }
  return out;
}

/** `at://<did>/<collection>/<rkey>` → its parts. */
export function parseAtUri(uri: string): { repo: string; collection: string; rkey: string } | null {
  const m = /^at:\/\/([^/]+)\/([^/]+)\/([^/?#]+)$/.exec(uri);
  return m ? { repo: m[1]!, collection: m[2]!, rkey: m[3]! } : null;
}

export function postWebUrl(handleOrDid: string, rkey: string): string {
  return `https://bsky.app/profile/${handleOrDid}/post/${rkey}`;
}

function language(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const primary = v.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return /^[a-z]{2}$/.test(primary) ? primary : null;
}

function time(v: unknown): number {
  return typeof v === 'string' ? Date.parse(v) : NaN;
}

interface CallOptions {
  method?: 'GET' | 'POST';
  query?: [string, string][];
  /** A JSON body (the call is then a POST). */
  body?: unknown;
}

/** One XRPC client per call: the session is read from state once and kept current as it is renewed. */
class XrpcClient {
  private session: Session | null;

  constructor(
    private readonly ctx: ReplyContext,
    private readonly cfg: BlueskyConfig,
  ) {
    this.session = this.stored();
  }

  private stored(): Session | null {
    const v = this.ctx.state.session;
    if (!isObj(v)) return null;
    const accessJwt = s(v.accessJwt);
    const refreshJwt = s(v.refreshJwt);
    const did = s(v.did);
    const handle = s(v.handle);
    if (!accessJwt || !refreshJwt || !did || !handle) return null;
    // A changed account or server in the config makes the stored session someone else's.
    if (v.service !== this.cfg.baseUrl || v.identifier !== this.cfg.identifier) return null;
    return { accessJwt, refreshJwt, did, handle, service: this.cfg.baseUrl, identifier: this.cfg.identifier };
  }

  /** The signed-in account (creating a session if there is none yet). */
  async account(): Promise<Session> {
    return this.session ?? (await this.createSession());
  }

  /** One authenticated XRPC call; an expired or refused access token is renewed and the call retried once. */
  async call<T>(nsid: string, opts: CallOptions = {}): Promise<T> {
    const session = await this.account();
    try {
      return await this.send<T>(nsid, opts, session.accessJwt);
    } catch (err) {
      if (!isTokenProblem(err)) throw err;
    }
    const renewed = await this.renew(session);
    try {
      return await this.send<T>(nsid, opts, renewed.accessJwt);
    } catch (err) {
      if (!isTokenProblem(err)) throw err;
      throw new ConnectorError(
        'auth',
        `${PLATFORM} refused a fresh session for "${this.cfg.identifier}"${err.detail ? ` (${err.detail})` : ''}. ` +
          'Check the account and its app password in Settings → Sources.',
        { status: err.status, cause: err },
      );
    }
  }

  private async send<T>(nsid: string, opts: CallOptions, bearer: string | null): Promise<T> {
    const url = endpoint(this.cfg.baseUrl, `xrpc/${nsid}`);
    for (const [k, v] of opts.query ?? []) url.searchParams.append(k, v);
    const headers: Record<string, string> = {};
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    const init: RequestInit =
      opts.body === undefined
        ? { method: opts.method ?? 'GET', headers }
        : {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json' },
            body: JSON.stringify(opts.body),
          };
    const res = await xrpc(this.ctx, url, init);
    return json<T>(res, PLATFORM);
  }

  private async save(out: unknown): Promise<Session> {
    if (!isObj(out) || !s(out.accessJwt) || !s(out.refreshJwt) || !s(out.did)) {
      throw new ConnectorError('unavailable', `${PLATFORM} answered a sign-in without tokens`);
    }
    const session: Session = {
      accessJwt: out.accessJwt as string,
      refreshJwt: out.refreshJwt as string,
      did: out.did as string,
      handle: s(out.handle) ?? (out.did as string),
      service: this.cfg.baseUrl,
      identifier: this.cfg.identifier,
    };
    this.session = session;
    await this.ctx.saveState({ ...this.ctx.state, session });
    return session;
  }

  private async createSession(): Promise<Session> {
    let out: unknown;
    try {
      out = await this.send(
        'com.atproto.server.createSession',
        {
          body: { identifier: this.cfg.identifier, password: this.cfg.appPassword },
        },
        null,
      );
    } catch (err) {
      if (!(err instanceof ConnectorError) || err.kind === 'rate_limited' || err.kind === 'unavailable') throw err;
      const detail = err instanceof XrpcError ? (err.detail ?? err.xrpcError) : undefined;
      throw new ConnectorError(
        'auth',
        `${PLATFORM} refused to sign in as "${this.cfg.identifier}"${detail ? ` (${detail})` : ''}. ` +
          'Check the identifier (handle or email) and the app password in Settings → Sources; ' +
          'if the app password was revoked, create a new one in Bluesky under Settings → Privacy and security → App passwords.',
        { status: err.status, cause: err },
      );
    }
    return this.save(out);
  }

  /** refreshSession with the refresh token; when that is refused too, sign in again with the app password. */
  private async renew(session: Session): Promise<Session> {
    try {
      return await this.save(
        await this.send('com.atproto.server.refreshSession', { method: 'POST' }, session.refreshJwt),
      );
    } catch (err) {
      if (!(err instanceof ConnectorError) || err.kind === 'rate_limited' || err.kind === 'unavailable') throw err;
    }
    return this.createSession();
  }
}

/** request() with the XRPC error name kept (the body is read for it before request() consumes it). */
async function xrpc(ctx: ReplyContext, url: URL, init: RequestInit): Promise<Response> {
  let name: string | undefined;
  let detail: string | undefined;
  const peek: typeof fetch = async (input, i) => {
    const res = await ctx.fetch(input, i);
    if (!res.ok && res.status !== 304) {
      const body: unknown = await res
        .clone()
        .json()
        .catch(() => null);
      if (isObj(body)) {
        name = s(body.error) ?? undefined;
        detail = s(body.message) ?? undefined;
      }
    }
    return res;
  };
  try {
    return await request(url, init, {
      platform: PLATFORM,
      resetAt: blueskyResetAt,
      fetch: peek,
      now: () => ctx.now(),
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
  } catch (err) {
    if (err instanceof ConnectorError) throw new XrpcError(err, name, detail);
    throw err;
  }
}

function isTokenProblem(err: unknown): err is XrpcError {
  if (!(err instanceof XrpcError)) return false;
  return (
    err.status === 401 || (err.status === 400 && (err.xrpcError === 'ExpiredToken' || err.xrpcError === 'InvalidToken'))
  );
}

/** The fields a notification and a post view share. */
interface Item {
  uri: string | null;
  indexedAt: string | null;
  raw: unknown;
}

interface Page {
  items: Item[];
  cursor: string | null;
}

async function fetchPage(client: XrpcClient, cfg: BlueskyConfig, limit: number, cursor: string | null): Promise<Page> {
  const query: [string, string][] =
    cfg.mode === 'search'
      ? [
          ['q', cfg.query ?? ''],
          ['sort', 'latest'],
        ]
      : REASONS.map((r) => ['reasons', r]);
  query.push(['limit', String(limit)]);
  if (cursor) query.push(['cursor', cursor]);
  const nsid = cfg.mode === 'search' ? 'app.bsky.feed.searchPosts' : 'app.bsky.notification.listNotifications';
  const body = await client.call<unknown>(nsid, { query });
  const list = isObj(body) ? (cfg.mode === 'search' ? body.posts : body.notifications) : undefined;
  if (!isObj(body) || !Array.isArray(list))
    throw new ConnectorError('unavailable', `${PLATFORM} sent an unexpected page`);
  return {
    items: list.map((raw: unknown) => ({
      uri: isObj(raw) ? s(raw.uri) : null,
      indexedAt: isObj(raw) ? s(raw.indexedAt) : null,
      raw,
    })),
    cursor: s(body.cursor),
  };
}

interface ProfileInfo {
  followers: number | null;
  verified: boolean;
}

/** Follower counts are not in post views: one getProfiles call per 25 authors. */
async function profiles(client: XrpcClient, dids: string[]): Promise<Map<string, ProfileInfo>> {
  const out = new Map<string, ProfileInfo>();
  const unique = [...new Set(dids)];
  for (let i = 0; i < unique.length; i += PROFILES_PER_CALL) {
    const batch = unique.slice(i, i + PROFILES_PER_CALL);
    let body: unknown;
    try {
      body = await client.call<unknown>('app.bsky.actor.getProfiles', { query: batch.map((d) => ['actors', d]) });
    } catch (err) {
      // Followers are enrichment: a refused or failing lookup leaves them unknown, the page still ingests.
      if (err instanceof ConnectorError && (err.kind === 'rejected' || err.kind === 'unavailable')) continue;
      throw err;
    }
    const list = isObj(body) && Array.isArray(body.profiles) ? body.profiles : [];
    for (const p of list) {
      if (!isObj(p) || !s(p.did)) continue;
      out.set(p.did as string, {
        followers: typeof p.followersCount === 'number' ? p.followersCount : null,
        verified: isVerified(p),
      });
    }
  }
  return out;
}

function isVerified(profile: Json): boolean {
  return isObj(profile.verification) && profile.verification.verifiedStatus === 'valid';
}

type Mapped = { mention: PulledMention } | { skipped: SkippedItem };

/** Maps a notification (mode notifications) or a post view (mode search) to a mention. */
export function mapItem(raw: unknown, mode: Mode, profilesByDid: Map<string, ProfileInfo> = new Map()): Mapped {
  if (!isObj(raw)) return { skipped: { reason: 'item is not an object' } };
  const uri = s(raw.uri);
  if (!uri) return { skipped: { reason: 'missing uri' } };
  const at = parseAtUri(uri);
  if (!at || at.collection !== POST_COLLECTION) return { skipped: { externalId: uri, reason: 'not a post uri' } };
  if (mode === 'notifications' && !REASONS.includes(String(raw.reason))) {
    return { skipped: { externalId: uri, reason: `not a mention (${String(raw.reason)})` } };
  }
  const author = raw.author;
  const did = isObj(author) ? s(author.did) : null;
  const handle = isObj(author) ? s(author.handle) : null;
  if (!isObj(author) || !did || !handle) return { skipped: { externalId: uri, reason: 'missing author' } };
  const record = raw.record;
  if (!isObj(record) || typeof record.text !== 'string')
    return { skipped: { externalId: uri, reason: 'missing post record' } };
  const created = time(record.createdAt);
  if (Number.isNaN(created)) return { skipped: { externalId: uri, reason: 'unparseable date' } };
  // createdAt is client-declared: a clock ahead of the server is capped at when the post was indexed.
  const indexed = time(raw.indexedAt);
  const postedAt = new Date(Number.isNaN(indexed) ? created : Math.min(created, indexed));

  const reply = isObj(record.reply) ? record.reply : null;
  const parent = reply && isObj(reply.parent) ? reply.parent : null;
  const root = reply && isObj(reply.root) ? reply.root : null;
  const cid = s(raw.cid);
  const langs = Array.isArray(record.langs) ? (record.langs as unknown[]) : [];
  const profile = profilesByDid.get(did);
  const urlHandle = handle === 'handle.invalid' ? did : handle;
  const hasCounts = typeof raw.likeCount === 'number' || typeof raw.repostCount === 'number';
  const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

  return {
    mention: {
      externalId: uri,
      url: postWebUrl(urlHandle, at.rkey),
      text: record.text,
      html: null,
      postedAt,
      editedAt: null,
      language: language(langs[0]),
      inReplyToExternalId: parent ? s(parent.uri) : null,
      threadExternalId: root ? s(root.uri) : null,
      author: {
        externalId: did,
        handle,
        displayName: isObj(author) && s(author.displayName) ? (author.displayName as string) : null,
        profileUrl: `https://bsky.app/profile/${urlHandle}`,
        followers: profile?.followers ?? null,
        verified: profile?.verified ?? isVerified(author),
      },
      // Notifications carry no counts; search results do (quotes count as reposts).
      ...(hasCounts
        ? {
            metrics: {
              likes: n(raw.likeCount),
              reposts: n(raw.repostCount) + n(raw.quoteCount),
              replies: n(raw.replyCount),
            },
          }
        : {}),
      replyContext: {
        cid,
        rootUri: (root && s(root.uri)) ?? uri,
        rootCid: (root && s(root.cid)) ?? cid,
        authorDid: did,
      },
      raw,
    },
  };
}

async function pull(ctx: PullContext): Promise<PullResult> {
  const cfg = readConfig(ctx.config);
  const prev = readCursor(ctx.cursor, cfg.mode);
  const client = new XrpcClient(ctx, cfg);
  const backfill = prev === null;
  const stopUri = prev?.newestUri ?? null;
  const stopAt = prev ? time(prev.newestIndexedAt) : NaN;
  let pageCursor = prev?.resume?.cursor ?? null;
  let newest = prev?.resume ? { uri: prev.resume.newestUri, indexedAt: prev.resume.newestIndexedAt } : null;

  const items: Item[] = [];
  const seen = new Set<string>();
  let pages = 0;
  let done = false;
  while (!done) {
    if (!backfill && pages >= PAGES_PER_CALL) break;
    const limit = backfill ? Math.min(PAGE_LIMIT, ctx.backfillLimit - items.length) : PAGE_LIMIT;
    if (limit <= 0) break;
    const page = await fetchPage(client, cfg, limit, pageCursor);
    pages++;
    const known = await ctx.known(page.items.flatMap((i) => (i.uri ? [i.uri] : [])));
    for (const item of page.items) {
      // Newest first: the first stored uri (or anything older than the checkpoint) means the rest is read.
      if (item.uri && (known.has(item.uri) || item.uri === stopUri)) done = true;
      else if (!Number.isNaN(stopAt) && time(item.indexedAt) < stopAt) done = true;
      else if (backfill && items.length >= ctx.backfillLimit) done = true;
      if (done) break;
      if (item.uri && seen.has(item.uri)) continue;
      if (item.uri) seen.add(item.uri);
      if (!newest && item.uri && item.indexedAt) newest = { uri: item.uri, indexedAt: item.indexedAt };
      items.push(item);
    }
    if (!page.cursor || page.items.length === 0) done = true;
    pageCursor = page.cursor;
  }

  const dids = items.flatMap((i) =>
    isObj(i.raw) && isObj(i.raw.author) && s(i.raw.author.did) ? [i.raw.author.did as string] : [],
  );
  const byDid = items.length ? await profiles(client, dids) : new Map<string, ProfileInfo>();
  const out: PullResult = { mentions: [], skipped: [], cursor: ctx.cursor, more: false };
  for (const item of items) {
    const mapped = mapItem(item.raw, cfg.mode, byDid);
    if ('mention' in mapped) out.mentions.push(mapped.mention);
    else out.skipped.push(mapped.skipped);
  }

  if (!done && prev && pageCursor) {
    const pending = newest ?? { uri: prev.newestUri, indexedAt: prev.newestIndexedAt };
    out.cursor = {
      mode: cfg.mode,
      newestUri: prev.newestUri,
      newestIndexedAt: prev.newestIndexedAt,
      resume: { cursor: pageCursor, newestUri: pending.uri, newestIndexedAt: pending.indexedAt },
    } satisfies BlueskyCursor;
    out.more = true;
  } else if (newest) {
    out.cursor = { mode: cfg.mode, newestUri: newest.uri, newestIndexedAt: newest.indexedAt } satisfies BlueskyCursor;
  }
  return out;
}

interface Facet {
  index: { byteStart: number; byteEnd: number };
  features: Json[];
}

const MENTION_RE =
  /(^|[\s(])@([a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)+)/g;
const LINK_RE = /(^|[\s(])(https?:\/\/[^\s]+)/g;

/** Rich-text facets for @handles and links, with UTF-8 byte offsets; unresolvable handles stay plain text. */
export async function buildFacets(text: string, resolve: (handle: string) => Promise<string | null>): Promise<Facet[]> {
  const bytes = (end: number) => Buffer.byteLength(text.slice(0, end), 'utf8');
  const facets: Facet[] = [];
  for (const m of text.matchAll(MENTION_RE)) {
    const handle = m[2]!;
    const start = m.index + m[1]!.length;
    const did = await resolve(handle.toLowerCase());
    if (!did) continue;
    facets.push({
      index: { byteStart: bytes(start), byteEnd: bytes(start + 1 + handle.length) },
      features: [{ $type: 'app.bsky.richtext.facet#mention', did }],
    });
  }
  for (const m of text.matchAll(LINK_RE)) {
    const uri = m[2]!.replace(/[.,;:!?'")\]]+$/, '');
    const start = m.index + m[1]!.length;
    facets.push({
      index: { byteStart: bytes(start), byteEnd: bytes(start + uri.length) },
      features: [{ $type: 'app.bsky.richtext.facet#link', uri }],
    });
  }
  return facets.sort((a, b) => a.index.byteStart - b.index.byteStart);
}

interface StrongRef {
  uri: string;
  cid: string;
}

async function getRecord(
  client: XrpcClient,
  repo: string,
  rkey: string,
): Promise<{ uri: string; cid: string; value: Json } | null> {
  try {
    const out = await client.call<unknown>('com.atproto.repo.getRecord', {
      query: [
        ['repo', repo],
        ['collection', POST_COLLECTION],
        ['rkey', rkey],
      ],
    });
    if (!isObj(out) || !s(out.uri) || !s(out.cid)) return null;
    return { uri: out.uri as string, cid: out.cid as string, value: isObj(out.value) ? out.value : {} };
  } catch (err) {
    if (err instanceof XrpcError && err.xrpcError === 'RecordNotFound') return null;
    throw err;
  }
}

async function reply(ctx: ReplyContext, req: ReplyRequest): Promise<ReplyResult> {
  const cfg = readConfig(ctx.config);
  const client = new XrpcClient(ctx, cfg);
  const text = req.body.trim();
  if (graphemeLength(text) > REPLY_LIMIT) {
    throw new ConnectorError('rejected', `${PLATFORM} posts are limited to ${REPLY_LIMIT} characters`);
  }
  const parentAt = parseAtUri(req.target.externalId);
  if (!parentAt || parentAt.collection !== POST_COLLECTION) {
    throw new ConnectorError('rejected', `${PLATFORM} can only reply to a post (got "${req.target.externalId}")`);
  }
  const rc = req.target.replyContext ?? {};
  let parent: StrongRef | null = s(rc.cid) ? { uri: req.target.externalId, cid: rc.cid as string } : null;
  let root: StrongRef | null =
    s(rc.rootUri) && s(rc.rootCid) ? { uri: rc.rootUri as string, cid: rc.rootCid as string } : null;
  if (!parent) {
    // No cid stored with the mention: read the parent post for it (and for its thread root).
    const rec = await getRecord(client, parentAt.repo, parentAt.rkey);
    if (!rec) throw new ConnectorError('rejected', `${PLATFORM} post ${req.target.externalId} no longer exists`);
    parent = { uri: rec.uri, cid: rec.cid };
    const r = isObj(rec.value.reply) && isObj(rec.value.reply.root) ? rec.value.reply.root : null;
    root = r && s(r.uri) && s(r.cid) ? { uri: r.uri as string, cid: r.cid as string } : null;
  }
  root ??= parent;

  const authorDid = s(rc.authorDid);
  const targetHandle = req.target.authorHandle.replace(/^@/, '').toLowerCase();
  const facets = await buildFacets(text, async (handle) => {
    if (authorDid && handle === targetHandle) return authorDid;
    const out = await client
      .call<unknown>('com.atproto.identity.resolveHandle', { query: [['handle', handle]] })
      .catch(() => null);
    return isObj(out) ? s(out.did) : null;
  });
  const lang = language(req.target.language);
  const record = {
    $type: POST_COLLECTION,
    text,
    createdAt: ctx.now().toISOString(),
    ...(lang ? { langs: [lang] } : {}),
    reply: { root, parent },
    ...(facets.length ? { facets } : {}),
  };

  const me = await client.account();
  const rkey = tidFromKey(req.idempotencyKey);
  try {
    const out = await client.call<unknown>('com.atproto.repo.createRecord', {
      body: { repo: me.did, collection: POST_COLLECTION, rkey, record },
    });
    const uri = isObj(out) ? s(out.uri) : null;
    if (!uri) throw new ConnectorError('unavailable', `${PLATFORM} answered a post without its uri`);
    return { externalId: uri, url: postWebUrl(me.handle, rkey) };
  } catch (err) {
    if (
      !(err instanceof ConnectorError) ||
      err.kind === 'auth' ||
      err.kind === 'rate_limited' ||
      err.kind === 'config'
    ) {
      throw err;
    }
    // The rkey is taken when an earlier attempt posted (the PDS refuses the duplicate, today with a 500): read it back.
    const existing = await getRecord(client, me.did, rkey).catch(() => null);
    if (existing) return { externalId: existing.uri, url: postWebUrl(me.handle, rkey) };
    throw err;
  }
}

export const blueskyConnector: Connector = {
  kind: 'bluesky',
  retrySafe: true,
  replyLimit: () => REPLY_LIMIT,
  pull,
  reply,
};

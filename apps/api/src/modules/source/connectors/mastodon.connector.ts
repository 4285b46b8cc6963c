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
import { htmlToText, sanitizeHtml } from './html.js';
import { endpoint, json, optStr, request, str, type HttpOptions } from './http.js';

/**
 * Mastodon (SPEC §4): mention notifications or a full-text status search, read with `min_id` forward from
 * the newest id seen; replies via `POST /api/v1/statuses` with an `Idempotency-Key`, so retries are safe.
 */

const PLATFORM = 'Mastodon';
/** Mastodon's default page size (notifications allow 80, search 40). */
const PAGE_LIMIT = 40;
const DEFAULT_MAX_CHARS = 500;
/** Search is read newest first down to the cursor; this many pages per call, then `more` continues. */
const SEARCH_PAGES_PER_CALL = 5;
const VISIBILITIES = new Set(['public', 'unlisted', 'private', 'direct']);

type Mode = 'notifications' | 'search';
type Json = Record<string, unknown>;

interface MastodonConfig {
  baseUrl: string;
  host: string;
  accessToken: string;
  mode: Mode;
  query?: string;
}

/**
 * `minId`: newest paging id seen (notification id in notifications mode, status id in search mode); null
 * until something was read. `resume`: a search walk cut short by the page budget (continue below `maxId`,
 * then `newestId` becomes `minId`).
 */
export interface MastodonCursor {
  mode: Mode;
  minId: string | null;
  resume?: { maxId: string; newestId: string };
}

function readConfig(config: Record<string, unknown>): MastodonConfig {
  const baseUrl = str(config, 'baseUrl', PLATFORM);
  let host: string;
  try {
    host = new URL(baseUrl).host;
  } catch {
    throw new ConnectorError('config', `${PLATFORM} source has an invalid baseUrl "${baseUrl}"`);
  }
  const accessToken = str(config, 'accessToken', PLATFORM);
  const mode = optStr(config, 'mode') ?? 'notifications';
  if (mode !== 'notifications' && mode !== 'search') {
    throw new ConnectorError('config', `${PLATFORM} source has an unknown mode "${mode}" (notifications or search)`);
  }
  const query = optStr(config, 'query');
  if (mode === 'search' && !query) {
    throw new ConnectorError('config', `${PLATFORM} source in search mode needs a "query"`);
  }
  return { baseUrl, host, accessToken, mode, ...(query ? { query } : {}) };
}

function readCursor(cursor: unknown, mode: Mode): MastodonCursor | null {
  if (!isObj(cursor) || cursor.mode !== mode) return null; // a mode change starts over with a backfill
  const minId = typeof cursor.minId === 'string' && cursor.minId ? cursor.minId : null;
  if (minId === null) return null;
  const r = cursor.resume;
  const resume =
    isObj(r) && typeof r.maxId === 'string' && typeof r.newestId === 'string'
      ? { maxId: r.maxId, newestId: r.newestId }
      : undefined;
  return { mode, minId, ...(resume ? { resume } : {}) };
}

/** `X-RateLimit-Reset` is an ISO-8601 time with microseconds. */
export function mastodonResetAt(res: Response): Date | undefined {
  const v = res.headers.get('x-ratelimit-reset');
  if (!v) return undefined;
  const t = Date.parse(v.trim());
  return Number.isNaN(t) ? undefined : new Date(t);
}

function http(ctx: Pick<PullContext, 'fetch' | 'now' | 'signal'>): HttpOptions {
  return {
    platform: PLATFORM,
    resetAt: mastodonResetAt,
    fetch: ctx.fetch,
    now: () => ctx.now(),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  };
}

function authHeaders(cfg: MastodonConfig): Record<string, string> {
  return { authorization: `Bearer ${cfg.accessToken}` };
}

/** Parses an RFC 8288 `Link` header into rel → URL. */
export function parseLinkHeader(header: string | null): Map<string, URL> {
  const links = new Map<string, URL>();
  if (!header) return links;
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /<([^>]*)>\s*;(.*)$/.exec(part.trim());
    if (!m) continue;
    const rel = /rel="?([^";]+)"?/i.exec(m[2] ?? '');
    try {
      if (rel?.[1]) for (const r of rel[1].trim().split(/\s+/)) links.set(r, new URL(m[1] ?? ''));
    } catch {
      /* a malformed link is ignored */
    }
  }
  return links;
}

/** Mastodon ids are numeric strings that can exceed 2^53: compare by length, then lexically. */
export function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    const x = a.replace(/^0+/, '');
    const y = b.replace(/^0+/, '');
    if (x.length !== y.length) return x.length - y.length;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

function isObj(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function idOf(v: unknown): string | null {
  if (typeof v === 'string' && v.trim() !== '') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

function language(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const primary = v.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return /^[a-z]{2}$/.test(primary) ? primary : null;
}

type Mapped = { mention: PulledMention } | { skipped: SkippedItem };

/** Maps one status (a boost is replaced by its original) to a mention; `raw` is what the API returned. */
export function mapStatus(status: unknown, host: string, raw: unknown): Mapped {
  if (!isObj(status)) return { skipped: { reason: 'status is not an object' } };
  const s = isObj(status.reblog) ? status.reblog : status;
  const externalId = idOf(s.id);
  if (!externalId) return { skipped: { externalId: idOf(status.id), reason: 'missing status id' } };
  const account = s.account;
  const accountId = isObj(account) ? idOf(account.id) : null;
  const acct = isObj(account) && typeof account.acct === 'string' ? account.acct.trim().replace(/^@/, '') : '';
  if (!isObj(account) || !accountId || !acct) return { skipped: { externalId, reason: 'missing account' } };
  if (typeof s.created_at !== 'string') return { skipped: { externalId, reason: 'missing created_at' } };
  const postedAt = new Date(s.created_at);
  if (Number.isNaN(postedAt.getTime())) return { skipped: { externalId, reason: 'unparseable date' } };
  const editedAt = typeof s.edited_at === 'string' ? new Date(s.edited_at) : null;

  const content = typeof s.content === 'string' ? s.content : '';
  const body = htmlToText(content);
  const spoiler = typeof s.spoiler_text === 'string' ? s.spoiler_text.trim() : '';
  const visibility = typeof s.visibility === 'string' && VISIBILITIES.has(s.visibility) ? s.visibility : 'public';
  const url = typeof s.url === 'string' && s.url ? s.url : typeof s.uri === 'string' && s.uri ? s.uri : null;

  return {
    mention: {
      externalId,
      url,
      text: spoiler ? `${spoiler}\n\n${body}`.trim() : body,
      html: content ? sanitizeHtml(content) : null,
      postedAt,
      editedAt: editedAt && !Number.isNaN(editedAt.getTime()) ? editedAt : null,
      language: language(s.language),
      inReplyToExternalId: idOf(s.in_reply_to_id),
      threadExternalId: null,
      author: {
        externalId: accountId,
        // A local account's acct has no domain: the handle is always user@domain.
        handle: acct.includes('@') ? acct : `${acct}@${host}`,
        displayName: typeof account.display_name === 'string' && account.display_name ? account.display_name : null,
        profileUrl: typeof account.url === 'string' ? account.url : null,
        followers: typeof account.followers_count === 'number' ? account.followers_count : null,
        // Mastodon has no verification flag (profile-link checks are not identity verification).
        verified: false,
      },
      metrics: { likes: num(s.favourites_count), reposts: num(s.reblogs_count), replies: num(s.replies_count) },
      replyContext: { visibility },
      raw,
    },
  };
}

interface Page {
  /** Each item with the id Mastodon pages on (notification id or status id). */
  items: { pageId: string | null; mapped: Mapped }[];
  prevMinId: string | null;
  nextMaxId: string | null;
}

async function fetchNotifications(
  ctx: PullContext,
  cfg: MastodonConfig,
  params: { minId?: string; maxId?: string },
): Promise<Page> {
  const url = endpoint(cfg.baseUrl, 'api/v1/notifications');
  url.searchParams.append('types[]', 'mention');
  url.searchParams.set('limit', String(PAGE_LIMIT));
  if (params.minId) url.searchParams.set('min_id', params.minId);
  if (params.maxId) url.searchParams.set('max_id', params.maxId);
  const res = await request(url, { headers: authHeaders(cfg) }, http(ctx));
  const body = await json<unknown>(res, PLATFORM);
  if (!Array.isArray(body))
    throw new ConnectorError('unavailable', `${PLATFORM} sent notifications that are not a list`);
  const links = parseLinkHeader(res.headers.get('link'));
  return {
    items: body.map((n: unknown) => {
      const pageId = isObj(n) ? idOf(n.id) : null;
      if (!isObj(n)) return { pageId, mapped: { skipped: { reason: 'notification is not an object' } } };
      if (n.type !== 'mention') return { pageId, mapped: { skipped: { reason: `not a mention (${String(n.type)})` } } };
      if (!isObj(n.status)) return { pageId, mapped: { skipped: { reason: 'notification without a status' } } };
      return { pageId, mapped: mapStatus(n.status, cfg.host, n) };
    }),
    prevMinId: links.get('prev')?.searchParams.get('min_id') ?? null,
    nextMaxId: links.get('next')?.searchParams.get('max_id') ?? null,
  };
}

async function fetchSearch(
  ctx: PullContext,
  cfg: MastodonConfig,
  params: { minId?: string | null; maxId?: string | null },
): Promise<Page> {
  const url = endpoint(cfg.baseUrl, 'api/v2/search');
  url.searchParams.set('q', cfg.query ?? '');
  url.searchParams.set('type', 'statuses');
  url.searchParams.set('resolve', 'false');
  url.searchParams.set('limit', String(PAGE_LIMIT));
  if (params.minId) url.searchParams.set('min_id', params.minId);
  if (params.maxId) url.searchParams.set('max_id', params.maxId);
  const res = await request(url, { headers: authHeaders(cfg) }, http(ctx));
  const body = await json<unknown>(res, PLATFORM);
  if (!isObj(body) || !Array.isArray(body.statuses)) {
    throw new ConnectorError('unavailable', `${PLATFORM} sent a search result without statuses`);
  }
  return {
    items: body.statuses.map((s: unknown) => ({
      pageId: isObj(s) ? idOf(s.id) : null,
      mapped: mapStatus(s, cfg.host, s),
    })),
    prevMinId: null,
    nextMaxId: null,
  };
}

function newestOf(ids: (string | null)[]): string | null {
  let best: string | null = null;
  for (const id of ids) if (id && (best === null || compareIds(id, best) > 0)) best = id;
  return best;
}

function oldestOf(ids: (string | null)[]): string | null {
  let best: string | null = null;
  for (const id of ids) if (id && (best === null || compareIds(id, best) < 0)) best = id;
  return best;
}

function collect(into: PullResult, mapped: Mapped): void {
  if ('mention' in mapped) into.mentions.push(mapped.mention);
  else into.skipped.push(mapped.skipped);
}

/** Notifications: backfill newest first along `rel="next"`; afterwards one `min_id` page per call. */
async function pullNotifications(ctx: PullContext, cfg: MastodonConfig, cursor: MastodonCursor | null) {
  const out: PullResult = { mentions: [], skipped: [], cursor: ctx.cursor, more: false };
  if (cursor?.minId) {
    const page = await fetchNotifications(ctx, cfg, { minId: cursor.minId });
    if (page.items.length === 0) return out;
    for (const item of page.items) collect(out, item.mapped);
    const newest = page.prevMinId ?? newestOf(page.items.map((i) => i.pageId));
    out.cursor = { mode: cfg.mode, minId: newest ?? cursor.minId } satisfies MastodonCursor;
    out.more = page.items.length >= PAGE_LIMIT;
    return out;
  }

  let newest: string | null = null;
  let maxId: string | undefined;
  let read = 0;
  while (read < ctx.backfillLimit) {
    const page = await fetchNotifications(ctx, cfg, maxId ? { maxId } : {});
    if (page.items.length === 0) break;
    newest ??= page.prevMinId ?? newestOf(page.items.map((i) => i.pageId));
    for (const item of page.items.slice(0, ctx.backfillLimit - read)) collect(out, item.mapped);
    read += page.items.length;
    const next = page.nextMaxId ?? oldestOf(page.items.map((i) => i.pageId));
    if (!next || next === maxId) break;
    maxId = next;
  }
  out.cursor = { mode: cfg.mode, minId: newest } satisfies MastodonCursor;
  return out;
}

/**
 * Search is ordered newest first and `min_id` only narrows by date, so each poll walks down with `max_id`
 * until it reaches the stored id (or, on the first poll, `backfillLimit` items).
 */
async function pullSearch(ctx: PullContext, cfg: MastodonConfig, cursor: MastodonCursor | null) {
  const out: PullResult = { mentions: [], skipped: [], cursor: ctx.cursor, more: false };
  const floor = cursor?.minId ?? null;
  let maxId = cursor?.resume?.maxId ?? null;
  let newest = cursor?.resume?.newestId ?? null;
  let read = 0;
  let pages = 0;
  let cutShort = false;
  for (;;) {
    if (floor === null && read >= ctx.backfillLimit) break;
    if (floor !== null && pages >= SEARCH_PAGES_PER_CALL) {
      cutShort = true;
      break;
    }
    const page = await fetchSearch(ctx, cfg, { minId: floor, maxId });
    pages++;
    let reachedFloor = false;
    for (const item of page.items) {
      if (floor !== null && item.pageId && compareIds(item.pageId, floor) <= 0) {
        reachedFloor = true;
        continue;
      }
      if (floor === null && read >= ctx.backfillLimit) break;
      read++;
      if (item.pageId && (newest === null || compareIds(item.pageId, newest) > 0)) newest = item.pageId;
      collect(out, item.mapped);
    }
    const oldest = oldestOf(page.items.map((i) => i.pageId));
    if (reachedFloor || !oldest || oldest === maxId) break;
    maxId = oldest;
  }
  if (cutShort && maxId && newest) {
    out.cursor = { mode: cfg.mode, minId: floor, resume: { maxId, newestId: newest } } satisfies MastodonCursor;
    out.more = true;
    return out;
  }
  out.cursor = { mode: cfg.mode, minId: newest ?? floor } satisfies MastodonCursor;
  return out;
}

function maxChars(config: Record<string, unknown>): number {
  const v = config.maxChars;
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.floor(v) : DEFAULT_MAX_CHARS;
}

/** The text Mastodon receives: the author's full acct first, so the reply reaches them. */
function replyText(req: Pick<ReplyRequest, 'body' | 'target'>): string {
  const acct = req.target.authorHandle.trim().replace(/^@/, '');
  const body = req.body.trim();
  if (!acct) return body;
  const mention = `@${acct}`;
  const lower = body.toLowerCase();
  if (lower.startsWith(mention.toLowerCase()) && /^(\s|$)/.test(body.slice(mention.length))) return body;
  return `${mention} ${body}`;
}

async function reply(ctx: ReplyContext, req: ReplyRequest): Promise<ReplyResult> {
  const cfg = readConfig(ctx.config);
  const v = req.target.replyContext?.visibility;
  const visibility = typeof v === 'string' && VISIBILITIES.has(v) ? v : 'public';
  const lang = language(req.target.language);
  const body = {
    status: replyText(req),
    in_reply_to_id: req.target.externalId,
    visibility,
    ...(lang ? { language: lang } : {}),
  };
  const res = await request(
    endpoint(cfg.baseUrl, 'api/v1/statuses'),
    {
      method: 'POST',
      headers: {
        ...authHeaders(cfg),
        'content-type': 'application/json',
        // Mastodon answers a repeated key (kept 1 h) with the status it already created.
        'idempotency-key': req.idempotencyKey,
      },
      body: JSON.stringify(body),
    },
    http(ctx),
  );
  const status = await json<unknown>(res, PLATFORM);
  const id = isObj(status) ? idOf(status.id) : null;
  if (!isObj(status) || !id)
    throw new ConnectorError('unavailable', `${PLATFORM} answered a reply without a status id`);
  const url = typeof status.url === 'string' ? status.url : typeof status.uri === 'string' ? status.uri : null;
  return { externalId: id, url };
}

export const mastodonConnector: Connector = {
  kind: 'mastodon',
  retrySafe: true,
  replyLimit: (config) => maxChars(config),
  replyText,
  async pull(ctx) {
    const cfg = readConfig(ctx.config);
    const cursor = readCursor(ctx.cursor, cfg.mode);
    return cfg.mode === 'search' ? pullSearch(ctx, cfg, cursor) : pullNotifications(ctx, cfg, cursor);
  },
  reply,
};

import { FakeServer, type FakeResponse, type RecordedRequest } from './fake-server.js';

/**
 * A Mastodon instance as the connector sees it: mention notifications with `min_id`/`max_id`/`since_id`
 * paging and `Link` headers, v2 status search, `POST /api/v1/statuses` with `Idempotency-Key`, bearer-token
 * auth with Mastodon's 401 body, and `X-RateLimit-*` headers whose reset is an ISO time with microseconds.
 */

export interface MastodonAccount {
  id: string;
  username: string;
  /** `user` for a local account, `user@domain` for a remote one. */
  acct: string;
  display_name: string;
  url: string;
  followers_count: number;
  following_count: number;
  statuses_count: number;
  bot: boolean;
  locked: boolean;
  created_at: string;
  [key: string]: unknown;
}

export interface MastodonStatus {
  id: string;
  uri: string;
  url: string | null;
  created_at: string;
  edited_at: string | null;
  content: string;
  spoiler_text: string;
  visibility: 'public' | 'unlisted' | 'private' | 'direct';
  language: string | null;
  in_reply_to_id: string | null;
  in_reply_to_account_id: string | null;
  replies_count: number;
  reblogs_count: number;
  favourites_count: number;
  reblog: MastodonStatus | null;
  account: MastodonAccount;
  mentions: { id: string; username: string; acct: string; url: string }[];
  tags: { name: string; url: string }[];
  [key: string]: unknown;
}

export interface MastodonNotification {
  id: string;
  type: string;
  created_at: string;
  account: MastodonAccount;
  status?: MastodonStatus;
  group_key?: string;
}

export interface PostedStatus {
  status: MastodonStatus;
  idempotencyKey: string | null;
  /** The parsed request body (JSON or form). */
  params: Record<string, unknown>;
}

let accountSeq = 1000;

/** A realistic account; `acct` is the bare username (local) unless `domain` is given. */
export function mastodonAccount(
  username: string,
  opts: { domain?: string; host?: string } & Partial<MastodonAccount> = {},
): MastodonAccount {
  const { domain, host = 'social.example', ...rest } = opts;
  const acct = domain ? `${username}@${domain}` : username;
  return {
    id: String(++accountSeq),
    username,
    acct,
    display_name: username.charAt(0).toUpperCase() + username.slice(1),
    url: `https://${domain ?? host}/@${username}`,
    followers_count: 42,
    following_count: 10,
    statuses_count: 100,
    bot: false,
    locked: false,
    created_at: '2022-11-01T10:00:00.000Z',
    ...rest,
  };
}

/** Formats a time like Mastodon's rate-limit reset: ISO-8601 with six fractional digits. */
export function isoMicros(at: Date): string {
  return at.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export const INVALID_TOKEN_BODY = { error: 'The access token is invalid' };

export class MastodonFake extends FakeServer {
  accessToken = 'mastodon-test-token';
  /** The instance's character limit for `POST /api/v1/statuses`. */
  maxChars = 500;
  /** Hostname in the URLs of seeded statuses. */
  host = 'social.example';
  /** Seeded notifications (any order; served newest id first). Push raw objects to seed malformed ones. */
  readonly notifications: MastodonNotification[] = [];
  /** Statuses visible to search and as reply parents. */
  readonly statuses: MastodonStatus[] = [];
  /** Statuses created through the API, in order, with the key and parameters they were posted with. */
  readonly posted: PostedStatus[] = [];
  /** Our own account (author of posted replies). */
  me: MastodonAccount = mastodonAccount('dengar', { id: '1' });
  rateLimit = { limit: 300, remaining: 300, resetAt: new Date('2030-01-01T00:05:00.000Z') };
  private statusSeq = 110_000_000_000_000_000n;
  private notificationSeq = 35_000_000n;
  private readonly byIdempotencyKey = new Map<string, MastodonStatus>();

  /** A status with a fresh (increasing) id; defaults make it a public English post by a new local account. */
  status(partial: Partial<MastodonStatus> = {}): MastodonStatus {
    const id = partial.id ?? String(++this.statusSeq);
    const account = partial.account ?? mastodonAccount('alice', { host: this.host });
    const username = account.username;
    return {
      id,
      uri: `https://${this.host}/users/${username}/statuses/${id}`,
      url: `https://${this.host}/@${username}/${id}`,
      created_at: new Date(Date.UTC(2025, 0, 1) + Number(BigInt(id) % 1_000_000n) * 1000).toISOString(),
      edited_at: null,
      content: '<p>Hello</p>',
      spoiler_text: '',
      visibility: 'public',
      language: 'en',
      in_reply_to_id: null,
      in_reply_to_account_id: null,
      replies_count: 0,
      reblogs_count: 0,
      favourites_count: 0,
      reblog: null,
      account,
      mentions: [],
      tags: [],
      ...partial,
    };
  }

  /** Seeds a mention: the status (searchable too) and a `mention` notification with a fresh id. */
  addMention(partial: Partial<MastodonStatus> = {}): MastodonNotification {
    const status = this.addStatus(partial);
    const notification: MastodonNotification = {
      id: String(++this.notificationSeq),
      type: 'mention',
      created_at: status.created_at,
      account: status.account,
      status,
      group_key: `ungrouped-${this.notificationSeq}`,
    };
    this.notifications.push(notification);
    return notification;
  }

  addStatus(partial: Partial<MastodonStatus> = {}): MastodonStatus {
    const status = this.status(partial);
    this.statuses.push(status);
    return status;
  }

  /** Seeds a raw notification as given (malformed ones included), with a fresh id unless it has one. */
  addRawNotification(raw: Record<string, unknown>): void {
    this.notifications.push({ id: String(++this.notificationSeq), ...raw } as unknown as MastodonNotification);
  }

  /** The next `count` requests answer 429 with Mastodon's headers; `reset` as a Date or a verbatim header value. */
  rateLimitNext(count: number, reset: Date | string): this {
    return this.failNext(count, {
      status: 429,
      headers: {
        'x-ratelimit-limit': String(this.rateLimit.limit),
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': typeof reset === 'string' ? reset : isoMicros(reset),
      },
      body: { error: 'Too many requests' },
    });
  }

  protected handle(req: RecordedRequest): FakeResponse {
    const res = this.route(req);
    return { ...res, headers: { ...this.rateHeaders(), ...res.headers } };
  }

  private rateHeaders(): Record<string, string> {
    this.rateLimit.remaining = Math.max(0, this.rateLimit.remaining - 1);
    return {
      'x-ratelimit-limit': String(this.rateLimit.limit),
      'x-ratelimit-remaining': String(this.rateLimit.remaining),
      'x-ratelimit-reset': isoMicros(this.rateLimit.resetAt),
    };
  }

  private route(req: RecordedRequest): FakeResponse {
    if (req.headers.authorization !== `Bearer ${this.accessToken}`) {
      return {
        status: 401,
        headers: { 'www-authenticate': 'Bearer realm="Doorkeeper", error="invalid_token"' },
        body: INVALID_TOKEN_BODY,
      };
    }
    if (req.method === 'GET' && req.path === '/api/v1/notifications') return this.listNotifications(req);
    if (req.method === 'GET' && req.path === '/api/v2/search') return this.search(req);
    if (req.method === 'POST' && req.path === '/api/v1/statuses') return this.postStatus(req);
    return { status: 404, body: { error: 'Record not found' } };
  }

  private listNotifications(req: RecordedRequest): FakeResponse {
    const types = req.query.getAll('types[]');
    const excluded = new Set(req.query.getAll('exclude_types[]'));
    const all = this.notifications.filter(
      (n) => (types.length === 0 || types.includes(n.type)) && !excluded.has(n.type),
    );
    const limit = clampLimit(req.query.get('limit'), 40, 80);
    const page = paginate(all, (n) => n.id, req.query, limit);
    const headers: Record<string, string> = {};
    const first = page[0];
    const last = page[page.length - 1];
    if (first && last) {
      const base = new URL(`${this.baseUrl}/api/v1/notifications`);
      const keep = new URLSearchParams();
      keep.set('limit', String(limit));
      for (const t of types) keep.append('types[]', t);
      const next = new URLSearchParams(keep);
      next.set('max_id', last.id);
      const prev = new URLSearchParams(keep);
      prev.set('min_id', first.id);
      headers.link = `<${base.href}?${next.toString()}>; rel="next", <${base.href}?${prev.toString()}>; rel="prev"`;
    }
    return { status: 200, headers, body: page };
  }

  private search(req: RecordedRequest): FakeResponse {
    const q = (req.query.get('q') ?? '').trim().toLowerCase();
    if (!q) return { status: 400, body: { error: 'Validation failed: q is missing' } };
    const type = req.query.get('type');
    const limit = clampLimit(req.query.get('limit'), 20, 40);
    const matches = this.statuses.filter((s) => plain(s.content).toLowerCase().includes(q));
    // Search is ordered by id, newest first (no Link header on v2 search).
    const sorted = [...matches].sort((a, b) => cmp(b.id, a.id));
    const minId = req.query.get('min_id');
    const maxId = req.query.get('max_id');
    const offset = Number(req.query.get('offset') ?? 0) || 0;
    // Like Mastodon, min_id/max_id become `after:`/`before:` dates: min_id narrows to that day, not that id.
    const minDay = minId ? this.dayOf(minId) : null;
    const statuses =
      type && type !== 'statuses'
        ? []
        : sorted
            .filter((s) => !minId || (minDay ? s.created_at.slice(0, 10) >= minDay : cmp(s.id, minId) > 0))
            .filter((s) => !maxId || cmp(s.id, maxId) < 0)
            .slice(offset, offset + limit);
    return { status: 200, body: { accounts: [], statuses, hashtags: [] } };
  }

  private dayOf(id: string): string | null {
    return this.statuses.find((s) => s.id === id)?.created_at.slice(0, 10) ?? null;
  }

  private postStatus(req: RecordedRequest): FakeResponse {
    const params = isRecord(req.json) ? req.json : Object.fromEntries(new URLSearchParams(req.body));
    const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null;
    if (key) {
      const seen = this.byIdempotencyKey.get(key);
      if (seen) return { status: 200, body: seen };
    }
    const text = typeof params.status === 'string' ? params.status : '';
    if (!text.trim()) return { status: 422, body: { error: "Validation failed: Text can't be blank" } };
    if ([...text].length > this.maxChars) {
      return { status: 422, body: { error: `Validation failed: Text character limit of ${this.maxChars} exceeded` } };
    }
    const inReplyTo = typeof params.in_reply_to_id === 'string' ? params.in_reply_to_id : null;
    const parent = inReplyTo ? this.statuses.find((s) => s.id === inReplyTo) : undefined;
    if (inReplyTo && !parent) return { status: 404, body: { error: 'Record not found' } };
    const visibility = typeof params.visibility === 'string' ? params.visibility : 'public';
    if (!['public', 'unlisted', 'private', 'direct'].includes(visibility)) {
      return { status: 422, body: { error: 'Validation failed: Visibility is not included in the list' } };
    }
    const status = this.addStatus({
      account: this.me,
      content: `<p>${escape(text)}</p>`,
      visibility: visibility as MastodonStatus['visibility'],
      language: typeof params.language === 'string' ? params.language : null,
      in_reply_to_id: parent?.id ?? null,
      in_reply_to_account_id: parent?.account.id ?? null,
    });
    if (parent) parent.replies_count += 1;
    if (key) this.byIdempotencyKey.set(key, status);
    this.posted.push({ status, idempotencyKey: key, params });
    return { status: 200, body: status };
  }
}

/** Mastodon's paging: `max_id` (older than), `since_id` (newest newer than), `min_id` (adjacent newer page). */
function paginate<T>(items: T[], id: (t: T) => string, q: URLSearchParams, limit: number): T[] {
  const maxId = q.get('max_id');
  const sinceId = q.get('since_id');
  const minId = q.get('min_id');
  let list = [...items].sort((a, b) => cmp(id(b), id(a)));
  if (maxId) list = list.filter((t) => cmp(id(t), maxId) < 0);
  if (sinceId) list = list.filter((t) => cmp(id(t), sinceId) > 0);
  if (minId) {
    // The `limit` items just above min_id, still returned newest first.
    const above = list.filter((t) => cmp(id(t), minId) > 0);
    return above.slice(Math.max(0, above.length - limit));
  }
  return list.slice(0, limit);
}

function clampLimit(v: string | null, def: number, max: number): number {
  const n = Number(v);
  if (!v || !Number.isInteger(n) || n < 1) return def;
  return Math.min(n, max);
}

function cmp(a: string, b: string): number {
  const x = BigInt(/^\d+$/.test(a) ? a : '0');
  const y = BigInt(/^\d+$/.test(b) ? b : '0');
  return x < y ? -1 : x > y ? 1 : 0;
}

function plain(html: string): string {
  return html.replace(/<[^>]*>/g, ' ');
}

function escape(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

import { createHash } from 'node:crypto';
import { FakeServer, type FakeResponse, type RecordedRequest } from './fake-server.js';

/**
 * A Bluesky PDS (with the AppView calls it proxies) as the connector sees it, over XRPC: app-password
 * sessions with access/refresh tokens (400 ExpiredToken when an access token expires, refresh tokens rotate),
 * notifications and post search with opaque cursors newest first, getProfiles for follower counts,
 * resolveHandle, createRecord/getRecord (a taken rkey answers 500 as today's PDS does), XRPC error bodies
 * `{error, message}` and `RateLimit-*` headers with the reset in unix seconds.
 */

export interface BskyProfile {
  did: string;
  handle: string;
  displayName?: string;
  followersCount: number;
  followsCount: number;
  postsCount: number;
  verification?: {
    verifications: unknown[];
    verifiedStatus: 'valid' | 'invalid' | 'none';
    trustedVerifierStatus: string;
  };
  [key: string]: unknown;
}

export interface StrongRef {
  uri: string;
  cid: string;
}

export interface BskyPostRecord {
  $type: 'app.bsky.feed.post';
  text: string;
  createdAt: string;
  langs?: string[];
  reply?: { root: StrongRef; parent: StrongRef };
  facets?: unknown[];
  [key: string]: unknown;
}

export interface BskyPostView {
  uri: string;
  cid: string;
  author: Record<string, unknown>;
  record: BskyPostRecord | Record<string, unknown>;
  indexedAt: string;
  likeCount: number;
  repostCount: number;
  replyCount: number;
  quoteCount: number;
  bookmarkCount: number;
  labels: unknown[];
  [key: string]: unknown;
}

export interface BskyNotification {
  uri: string;
  cid: string;
  author: Record<string, unknown>;
  reason: string;
  reasonSubject?: string;
  record: unknown;
  isRead: boolean;
  indexedAt: string;
  labels: unknown[];
  [key: string]: unknown;
}

export interface StoredRecord {
  uri: string;
  cid: string;
  value: Record<string, unknown>;
}

export interface PostOptions {
  text?: string;
  langs?: string[];
  reply?: { root: StrongRef; parent: StrongRef };
  createdAt?: string;
  indexedAt?: string;
  counts?: Partial<Pick<BskyPostView, 'likeCount' | 'repostCount' | 'replyCount' | 'quoteCount'>>;
}

const TID_RE = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;
const S32 = '234567abcdefghijklmnopqrstuvwxyz';

export function fakeCid(content: unknown): string {
  const hash = createHash('sha256').update(JSON.stringify(content)).digest();
  let out = 'bafyrei';
  for (let i = 0; i < 52; i++) out += S32.charAt(hash[i % hash.length]! % 32);
  return out;
}

function graphemes(text: string): number {
  let n = 0;
  for (const _ of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) n++;
  return n;
}

function xrpcError(status: number, error: string, message: string, headers?: Record<string, string>): FakeResponse {
  return { status, body: { error, message }, ...(headers ? { headers } : {}) };
}

export class BlueskyFake extends FakeServer {
  /** The brand's own account: sign in with `identifier` (handle or email) and `password` (the app password). */
  readonly account = {
    did: 'did:plc:dengarbrand7zq2xk4vwm3a',
    handle: 'dengar.bsky.social',
    email: 'care@dengar.example',
    password: 'abcd-efgh-ijkl-mnop',
  };
  /** Most items a page holds whatever `limit` asks (the real services may answer short pages too). */
  pageSize = 100;
  readonly profiles = new Map<string, BskyProfile>();
  /** Seeded notifications (served newest `indexedAt` first). Push raw objects to seed malformed ones. */
  readonly notifications: BskyNotification[] = [];
  /** Posts that `searchPosts` can find. */
  readonly posts: BskyPostView[] = [];
  /** Every record in every repo, by at-uri. */
  readonly records = new Map<string, StoredRecord>();
  /** Records created through createRecord, in order. */
  readonly created: StoredRecord[] = [];
  rateLimit = { limit: 3000, remaining: 3000, windowSec: 300, reset: new Date('2030-01-01T00:05:00.000Z') };
  private readonly accessTokens = new Map<string, { expired: boolean }>();
  private readonly refreshTokens = new Set<string>();
  private tokenSeq = 0;
  private clock = Date.UTC(2025, 0, 1);
  private rkeySeq = 0;

  constructor() {
    super();
    this.profiles.set(this.account.did, {
      did: this.account.did,
      handle: this.account.handle,
      displayName: 'Dengar Care',
      followersCount: 5000,
      followsCount: 10,
      postsCount: 100,
    });
  }

  /** Registers a user; returns their profile. */
  user(handle: string, opts: Partial<BskyProfile> = {}): BskyProfile {
    const did = opts.did ?? `did:plc:${createHash('sha256').update(handle).digest('hex').slice(0, 24)}`;
    const profile: BskyProfile = {
      did,
      handle,
      displayName: handle.split('.')[0] ?? handle,
      followersCount: 100,
      followsCount: 50,
      postsCount: 20,
      ...opts,
    };
    this.profiles.set(did, profile);
    return profile;
  }

  /** A post by `author` (stored as a record; searchable). Times advance one second per post by default. */
  post(author: BskyProfile, opts: PostOptions = {}): BskyPostView {
    this.clock += 1000;
    const at = new Date(this.clock).toISOString();
    const record: BskyPostRecord = {
      $type: 'app.bsky.feed.post',
      text: opts.text ?? 'hello @dengar.bsky.social',
      createdAt: opts.createdAt ?? at,
      ...(opts.langs ? { langs: opts.langs } : { langs: ['en'] }),
      ...(opts.reply ? { reply: opts.reply } : {}),
    };
    const rkey = this.nextRkey();
    const uri = `at://${author.did}/app.bsky.feed.post/${rkey}`;
    const cid = fakeCid(record);
    this.records.set(uri, { uri, cid, value: record });
    const view: BskyPostView = {
      uri,
      cid,
      author: this.profileView(author),
      record,
      indexedAt: opts.indexedAt ?? at,
      likeCount: 0,
      repostCount: 0,
      replyCount: 0,
      quoteCount: 0,
      bookmarkCount: 0,
      labels: [],
      ...opts.counts,
    };
    this.posts.push(view);
    return view;
  }

  /** A notification for a post by `author` (reason mention unless given). */
  notify(author: BskyProfile, opts: PostOptions & { reason?: string } = {}): BskyNotification {
    const post = this.post(author, opts);
    const n: BskyNotification = {
      uri: post.uri,
      cid: post.cid,
      author: post.author,
      reason: opts.reason ?? 'mention',
      ...(opts.reply ? { reasonSubject: opts.reply.parent.uri } : {}),
      record: post.record,
      isRead: false,
      indexedAt: post.indexedAt,
      labels: [],
    };
    this.notifications.push(n);
    return n;
  }

  /** Every access token issued so far answers 400 ExpiredToken from now on. */
  expireAccessTokens(): this {
    for (const t of this.accessTokens.values()) t.expired = true;
    return this;
  }

  /** Every refresh token issued so far is refused (400 ExpiredToken). */
  revokeRefreshTokens(): this {
    this.refreshTokens.clear();
    return this;
  }

  /** The next `count` requests answer 429 RateLimitExceeded with `RateLimit-Reset` at `reset` (unix seconds). */
  rateLimitNext(count: number, reset: Date): this {
    return this.failNext(count, {
      status: 429,
      headers: {
        'ratelimit-limit': String(this.rateLimit.limit),
        'ratelimit-remaining': '0',
        'ratelimit-reset': String(Math.floor(reset.getTime() / 1000)),
        'ratelimit-policy': `${this.rateLimit.limit};w=${this.rateLimit.windowSec}`,
      },
      body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
    });
  }

  /** Issues a session as createSession would (for tests that start with stored tokens). */
  issueSession(): { accessJwt: string; refreshJwt: string; did: string; handle: string } {
    const n = ++this.tokenSeq;
    const accessJwt = `access.${n}.${this.account.did}`;
    const refreshJwt = `refresh.${n}.${this.account.did}`;
    this.accessTokens.set(accessJwt, { expired: false });
    this.refreshTokens.add(refreshJwt);
    return { accessJwt, refreshJwt, did: this.account.did, handle: this.account.handle };
  }

  protected handle(req: RecordedRequest): FakeResponse {
    const res = this.route(req);
    return { ...res, headers: { ...this.rateHeaders(), ...res.headers } };
  }

  private rateHeaders(): Record<string, string> {
    this.rateLimit.remaining = Math.max(0, this.rateLimit.remaining - 1);
    return {
      'ratelimit-limit': String(this.rateLimit.limit),
      'ratelimit-remaining': String(this.rateLimit.remaining),
      'ratelimit-reset': String(Math.floor(this.rateLimit.reset.getTime() / 1000)),
      'ratelimit-policy': `${this.rateLimit.limit};w=${this.rateLimit.windowSec}`,
    };
  }

  private route(req: RecordedRequest): FakeResponse {
    const nsid = req.path.replace(/^\/xrpc\//, '');
    if (nsid === req.path) return { status: 404, body: 'Not Found' };
    switch (nsid) {
      case 'com.atproto.server.createSession':
        return req.method === 'POST' ? this.createSession(req) : this.methodNotAllowed();
      case 'com.atproto.server.refreshSession':
        return req.method === 'POST' ? this.refreshSession(req) : this.methodNotAllowed();
      case 'com.atproto.repo.getRecord':
        return this.getRecord(req);
      case 'com.atproto.identity.resolveHandle':
        return this.resolveHandle(req);
      default:
        break;
    }
    const denied = this.checkAccess(req);
    if (denied) return denied;
    switch (nsid) {
      case 'app.bsky.notification.listNotifications':
        return this.listNotifications(req);
      case 'app.bsky.feed.searchPosts':
        return this.searchPosts(req);
      case 'app.bsky.actor.getProfiles':
        return this.getProfiles(req);
      case 'com.atproto.repo.createRecord':
        return req.method === 'POST' ? this.createRecord(req) : this.methodNotAllowed();
      default:
        return xrpcError(501, 'MethodNotImplemented', 'Method Not Implemented');
    }
  }

  private methodNotAllowed(): FakeResponse {
    return xrpcError(405, 'InvalidRequest', 'Method Not Allowed');
  }

  private bearer(req: RecordedRequest): string | null {
    const h = req.headers.authorization;
    return typeof h === 'string' && h.startsWith('Bearer ') ? h.slice(7) : null;
  }

  private checkAccess(req: RecordedRequest): FakeResponse | null {
    const token = this.bearer(req);
    if (!token) return xrpcError(401, 'AuthenticationRequired', 'Authentication Required');
    const t = this.accessTokens.get(token);
    if (!t) return xrpcError(400, 'InvalidToken', 'Token could not be verified');
    if (t.expired) return xrpcError(400, 'ExpiredToken', 'Token has expired');
    return null;
  }

  private createSession(req: RecordedRequest): FakeResponse {
    const body = req.json as { identifier?: unknown; password?: unknown } | undefined;
    if (typeof body?.identifier !== 'string' || typeof body.password !== 'string') {
      return xrpcError(400, 'InvalidRequest', 'Input must have the property "identifier"');
    }
    const id = body.identifier.toLowerCase();
    const matches = id === this.account.handle || id === this.account.email || id === this.account.did;
    if (!matches || body.password !== this.account.password) {
      return xrpcError(401, 'AuthenticationRequired', 'Invalid identifier or password');
    }
    return { status: 200, body: { ...this.issueSession(), email: this.account.email, active: true } };
  }

  private refreshSession(req: RecordedRequest): FakeResponse {
    const token = this.bearer(req);
    if (!token) return xrpcError(401, 'AuthenticationRequired', 'Authentication Required');
    if (!this.refreshTokens.has(token)) return xrpcError(400, 'ExpiredToken', 'Token has been revoked');
    this.refreshTokens.delete(token); // refresh tokens rotate
    return { status: 200, body: { ...this.issueSession(), active: true } };
  }

  private limit(req: RecordedRequest, def: number): number | FakeResponse {
    const raw = req.query.get('limit');
    const n = raw === null ? def : Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > 100) {
      return xrpcError(400, 'InvalidRequest', 'Error: Params must have the property "limit" between 1 and 100');
    }
    return Math.min(n, this.pageSize);
  }

  private listNotifications(req: RecordedRequest): FakeResponse {
    const limit = this.limit(req, 50);
    if (typeof limit !== 'number') return limit;
    const reasons = req.query.getAll('reasons');
    const all = this.notifications.filter((n) => reasons.length === 0 || reasons.includes(n.reason));
    const { page, cursor } = this.pageOf(all, req.query.get('cursor'), limit);
    return { status: 200, body: { notifications: page, ...(cursor ? { cursor } : {}), priority: false } };
  }

  private searchPosts(req: RecordedRequest): FakeResponse {
    const q = (req.query.get('q') ?? '').trim().toLowerCase();
    if (!q) return xrpcError(400, 'InvalidRequest', 'Error: Params must have the property "q"');
    const limit = this.limit(req, 25);
    if (typeof limit !== 'number') return limit;
    const hits = this.posts.filter((p) => {
      const text = (p.record as { text?: unknown }).text;
      return typeof text === 'string' && text.toLowerCase().includes(q);
    });
    const { page, cursor } = this.pageOf(hits, req.query.get('cursor'), limit);
    return { status: 200, body: { posts: page, ...(cursor ? { cursor } : {}), hitsTotal: hits.length } };
  }

  /** Newest `indexedAt` first; the cursor is an opaque token naming the last item served. */
  private pageOf<T extends { uri?: unknown; indexedAt?: unknown }>(
    items: T[],
    cursor: string | null,
    limit: number,
  ): { page: T[]; cursor: string | null } {
    const key = (t: T) => `${String(t.indexedAt)}\u0000${String(t.uri)}`;
    const sorted = [...items].sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0));
    let rest = sorted;
    if (cursor) {
      const after = Buffer.from(cursor, 'base64url').toString('utf8');
      rest = sorted.filter((t) => key(t) < after);
    }
    const page = rest.slice(0, limit);
    const last = page[page.length - 1];
    return { page, cursor: last && rest.length > page.length ? Buffer.from(key(last)).toString('base64url') : null };
  }

  private findProfile(actor: string): BskyProfile | undefined {
    const a = actor.toLowerCase();
    return [...this.profiles.values()].find((p) => p.did === actor || p.handle.toLowerCase() === a);
  }

  private getProfiles(req: RecordedRequest): FakeResponse {
    const actors = req.query.getAll('actors');
    if (actors.length === 0) return xrpcError(400, 'InvalidRequest', 'Error: Params must have the property "actors"');
    if (actors.length > 25)
      return xrpcError(400, 'InvalidRequest', 'Error: actors must not have more than 25 elements');
    const profiles = actors.flatMap((a) => {
      const p = this.findProfile(a);
      return p ? [{ ...p, indexedAt: '2024-01-01T00:00:00.000Z' }] : [];
    });
    return { status: 200, body: { profiles } };
  }

  private resolveHandle(req: RecordedRequest): FakeResponse {
    const p = this.findProfile(req.query.get('handle') ?? '');
    return p ? { status: 200, body: { did: p.did } } : xrpcError(400, 'InvalidRequest', 'Unable to resolve handle');
  }

  private getRecord(req: RecordedRequest): FakeResponse {
    const repo = req.query.get('repo') ?? '';
    const collection = req.query.get('collection') ?? '';
    const rkey = req.query.get('rkey') ?? '';
    if (!repo || !collection || !rkey)
      return xrpcError(400, 'InvalidRequest', 'Error: Params must have the property "rkey"');
    const did = this.findProfile(repo)?.did ?? repo;
    const uri = `at://${did}/${collection}/${rkey}`;
    const rec = this.records.get(uri);
    return rec ? { status: 200, body: rec } : xrpcError(400, 'RecordNotFound', `Could not locate record: ${uri}`);
  }

  private createRecord(req: RecordedRequest): FakeResponse {
    const body = req.json as
      { repo?: unknown; collection?: unknown; rkey?: unknown; record?: Record<string, unknown> } | undefined;
    if (!body || typeof body.repo !== 'string' || typeof body.collection !== 'string' || !body.record) {
      return xrpcError(400, 'InvalidRequest', 'Input must have the properties "repo", "collection" and "record"');
    }
    if (body.repo !== this.account.did && body.repo !== this.account.handle) {
      return xrpcError(403, 'AuthRequiredError', 'Not authorized to write to this repo');
    }
    const record = body.record;
    if (body.collection !== 'app.bsky.feed.post' || record.$type !== 'app.bsky.feed.post') {
      return xrpcError(400, 'InvalidRequest', 'Invalid record: $type must be app.bsky.feed.post');
    }
    if (typeof record.text !== 'string' || typeof record.createdAt !== 'string') {
      return xrpcError(
        400,
        'InvalidRequest',
        'Invalid app.bsky.feed.post record: Record must have the property "text"',
      );
    }
    if (graphemes(record.text) > 300) {
      return xrpcError(
        400,
        'InvalidRequest',
        'Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes',
      );
    }
    const reply = record.reply as { root?: Partial<StrongRef>; parent?: Partial<StrongRef> } | undefined;
    if (reply && (!reply.root?.uri || !reply.root.cid || !reply.parent?.uri || !reply.parent.cid)) {
      return xrpcError(
        400,
        'InvalidRequest',
        'Invalid app.bsky.feed.post record: Record/reply must have root and parent',
      );
    }
    let rkey: string;
    if (body.rkey === undefined) rkey = this.nextRkey();
    else if (typeof body.rkey === 'string' && TID_RE.test(body.rkey)) rkey = body.rkey;
    else return xrpcError(400, 'InvalidRequest', 'Custom rkeys for post records should be a valid TID');
    const uri = `at://${this.account.did}/app.bsky.feed.post/${rkey}`;
    // Today's PDS has no dedicated error for a taken rkey: the repo write fails and it answers 500.
    if (this.records.has(uri)) return xrpcError(500, 'InternalServerError', 'Internal Server Error');
    const stored: StoredRecord = { uri, cid: fakeCid(record), value: record };
    this.records.set(uri, stored);
    this.created.push(stored);
    const parent = reply?.parent?.uri ? this.posts.find((p) => p.uri === reply.parent?.uri) : undefined;
    if (parent) parent.replyCount += 1;
    return {
      status: 200,
      body: {
        uri,
        cid: stored.cid,
        commit: { cid: fakeCid({ commit: uri }), rev: this.nextRkey() },
        validationStatus: 'valid',
      },
    };
  }

  private profileView(p: BskyProfile): Record<string, unknown> {
    return {
      did: p.did,
      handle: p.handle,
      ...(p.displayName ? { displayName: p.displayName } : {}),
      avatar: `https://cdn.bsky.app/img/avatar/plain/${p.did}/bafkreiavatar@jpeg`,
      ...(p.verification ? { verification: p.verification } : {}),
      labels: [],
      createdAt: '2023-05-01T00:00:00.000Z',
      indexedAt: '2024-01-01T00:00:00.000Z',
    };
  }

  private nextRkey(): string {
    // TIDs: microseconds since the epoch (53 bits) and a 10-bit clock id, base32-sortable.
    let n = (BigInt(this.clock) * 1000n + BigInt(++this.rkeySeq)) << 10n;
    let out = '';
    for (let i = 0; i < 13; i++) {
      out = S32.charAt(Number(n & 31n)) + out;
      n >>= 5n;
    }
    return out;
  }
}

import { FakeServer, jsonResponse, type FakeResponse, type RecordedRequest } from './fake-server.js';

/**
 * A fake Reddit speaking the real OAuth API's formats: the token endpoint (`/api/v1/access_token`, HTTP Basic
 * client credentials, `password` and `client_credentials` grants), `Listing` JSON with `after`/`before`
 * fullname paging, `x-ratelimit-*` headers (remaining as a float string, reset in seconds from now), and
 * `POST /api/comment` with write errors inside a 200 (`json.errors`). One server plays both hosts
 * (`www.reddit.com` for tokens, `oauth.reddit.com` for the API): point `authUrl` and `baseUrl` at it.
 *
 * Content is seeded oldest first: `addPost` feeds `/search`, `addComment` feeds `/r/<sub>/comments`.
 */

export interface RedditFakeOptions {
  clientId?: string;
  clientSecret?: string;
  /** The script app's account; `password` grants and comments need it. */
  username?: string;
  password?: string;
  /** Seconds an issued token lives (`expires_in`). */
  tokenTtlSec?: number;
  /** Unix seconds of the first seeded item; each next one is a minute later unless given. */
  startTime?: number;
}

export type RedditThing = { kind: string; data: Record<string, unknown> };

interface IssuedToken {
  grant: 'password' | 'client_credentials';
  username: string | null;
}

interface WriteError {
  errors: unknown[][];
  /** Seconds, as Reddit sends with a RATELIMIT error. */
  ratelimit?: number;
}

export class RedditFake extends FakeServer {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly username: string;
  readonly password: string;
  tokenTtlSec: number;
  /** `x-ratelimit-remaining` of the next API answer (decremented per API request). */
  rateLimitRemaining = 599;
  /** `x-ratelimit-reset`: seconds until the current window ends. */
  rateLimitReset = 420;
  /** Subreddits answering 403 `{reason: "private"}`. */
  readonly privateSubreddits = new Set<string>();
  /** Every comment posted through `POST /api/comment`, in order. */
  readonly posted: RedditThing[] = [];
  /** The form fields of every accepted or refused `POST /api/comment`. */
  readonly commentForms: Record<string, string>[] = [];

  private readonly search: RedditThing[] = [];
  private readonly comments = new Map<string, RedditThing[]>();
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly writeErrors: WriteError[] = [];
  private seq = 0;
  private clock: number;

  constructor(opts: RedditFakeOptions = {}) {
    super();
    this.clientId = opts.clientId ?? 'fake-client-id';
    this.clientSecret = opts.clientSecret ?? 'fake-client-secret';
    this.username = opts.username ?? 'acme_care';
    this.password = opts.password ?? 'hunter2';
    this.tokenTtlSec = opts.tokenTtlSec ?? 3600;
    this.clock = opts.startTime ?? 1_748_779_200;
  }

  /** Seeds a post (t3) that `/search` returns; fields override the generated ones. */
  addPost(fields: Record<string, unknown> & { title: string }): RedditThing {
    const id = this.nextId();
    const created = typeof fields.created_utc === 'number' ? fields.created_utc : this.tick();
    const subreddit = typeof fields.subreddit === 'string' ? fields.subreddit : 'acme';
    const author = typeof fields.author === 'string' ? fields.author : 'some_redditor';
    const slug = fields.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .slice(0, 40);
    const thing: RedditThing = {
      kind: 't3',
      data: {
        id,
        name: `t3_${id}`,
        author,
        author_fullname: accountId(author),
        subreddit,
        subreddit_name_prefixed: `r/${subreddit}`,
        selftext: '',
        selftext_html: null,
        permalink: `/r/${subreddit}/comments/${id}/${slug}/`,
        url: `https://www.reddit.com/r/${subreddit}/comments/${id}/${slug}/`,
        created_utc: created,
        score: 1,
        ups: 1,
        num_comments: 0,
        num_crossposts: 0,
        over_18: false,
        removed_by_category: null,
        ...fields,
      },
    };
    this.search.push(thing);
    return thing;
  }

  /** Seeds a comment (t1) under a post in `subreddit`; `/r/<subreddit>/comments` returns it. */
  addComment(subreddit: string, fields: Record<string, unknown> & { body: string; link_id?: string }): RedditThing {
    const id = this.nextId();
    const created = typeof fields.created_utc === 'number' ? fields.created_utc : this.tick();
    const author = typeof fields.author === 'string' ? fields.author : 'some_redditor';
    const linkId = fields.link_id ?? 't3_zzzzz';
    const article = linkId.replace(/^t3_/, '');
    const thing: RedditThing = {
      kind: 't1',
      data: {
        id,
        name: `t1_${id}`,
        author,
        author_fullname: accountId(author),
        body_html: `<div class="md"><p>${escape(fields.body)}</p>\n</div>`,
        permalink: `/r/${subreddit}/comments/${article}/post/${id}/`,
        parent_id: linkId,
        link_id: linkId,
        subreddit,
        subreddit_name_prefixed: `r/${subreddit}`,
        created_utc: created,
        score: 1,
        ups: 1,
        ...fields,
      },
    };
    this.listFor(subreddit).push(thing);
    return thing;
  }

  /** Seeds any child as-is (e.g. a malformed one) into the search results or a subreddit's comments. */
  addRaw(where: 'search' | { subreddit: string }, child: unknown): void {
    (where === 'search' ? this.search : this.listFor(where.subreddit)).push(child as RedditThing);
  }

  /** Removes a seeded item, as when its author deletes it (its fullname then pages to nothing, like Reddit). */
  remove(fullname: string): void {
    for (const list of [this.search, ...this.comments.values()]) {
      const at = list.findIndex((t) => t.data?.name === fullname);
      if (at !== -1) list.splice(at, 1);
    }
  }

  /** Every token issued so far stops working (the next API call answers 401). */
  revokeTokens(): void {
    this.tokens.clear();
  }

  /** The next `POST /api/comment` answers 200 with these `json.errors` (e.g. `[["RATELIMIT", "…", "ratelimit"]]`). */
  failNextComment(errors: unknown[][], ratelimit?: number): void {
    this.writeErrors.push({ errors, ...(ratelimit !== undefined ? { ratelimit } : {}) });
  }

  /** Builds a 429 answer with Reddit's headers, for `failNext`. */
  static tooManyRequests(resetSec: number): { status: number; headers: Record<string, string>; body: unknown } {
    return {
      status: 429,
      headers: {
        'x-ratelimit-used': '600',
        'x-ratelimit-remaining': '0.0',
        'x-ratelimit-reset': String(resetSec),
      },
      body: { message: 'Too Many Requests', error: 429 },
    };
  }

  protected handle(req: RecordedRequest): FakeResponse {
    if (req.path === '/api/v1/access_token') return this.token(req);
    const issued = this.authenticate(req);
    if (!issued) {
      return jsonResponse(
        401,
        { message: 'Unauthorized', error: 401 },
        { 'www-authenticate': 'Bearer realm="reddit"' },
      );
    }
    const headers = this.rateHeaders();
    if (req.method === 'GET' && req.path === '/search')
      return jsonResponse(200, this.listing(this.search, req), headers);
    const sub = /^\/r\/([A-Za-z0-9_]+)\/comments$/.exec(req.path)?.[1];
    if (req.method === 'GET' && sub) {
      if (this.privateSubreddits.has(sub.toLowerCase())) {
        return jsonResponse(403, { reason: 'private', message: 'Forbidden', error: 403 }, headers);
      }
      const list = this.comments.get(sub.toLowerCase());
      if (!list) return jsonResponse(404, { reason: 'banned', message: 'Not Found', error: 404 }, headers);
      return jsonResponse(200, this.listing(list, req), headers);
    }
    const user = /^\/user\/([A-Za-z0-9_-]+)\/comments$/.exec(req.path)?.[1];
    if (req.method === 'GET' && user) {
      const mine = this.allComments().filter((t) => t.data.author === user);
      return jsonResponse(200, this.listing(mine, req), headers);
    }
    if (req.method === 'GET' && req.path === '/api/info') {
      const ids = new Set((req.query.get('id') ?? '').split(','));
      const found = [...this.search, ...this.allComments()].filter((t) => ids.has(String(t.data?.name)));
      return jsonResponse(200, this.listing(found, req), headers);
    }
    if (req.method === 'POST' && req.path === '/api/comment') return this.comment(req, issued, headers);
    return jsonResponse(404, { message: 'Not Found', error: 404 }, headers);
  }

  private token(req: RecordedRequest): FakeResponse {
    const expected = `Basic ${Buffer.from(`${this.clientId}:${this.clientSecret}`).toString('base64')}`;
    if (req.method !== 'POST') return jsonResponse(405, { message: 'Method Not Allowed', error: 405 });
    if (req.headers.authorization !== expected) return jsonResponse(401, { message: 'Unauthorized', error: 401 });
    const form = new URLSearchParams(req.body);
    const grant = form.get('grant_type');
    let issued: IssuedToken;
    if (grant === 'password') {
      // Reddit answers a wrong password with a 200 carrying an OAuth error.
      if (form.get('username') !== this.username || form.get('password') !== this.password) {
        return jsonResponse(200, { error: 'invalid_grant' });
      }
      issued = { grant: 'password', username: this.username };
    } else if (grant === 'client_credentials') {
      issued = { grant: 'client_credentials', username: null };
    } else {
      return jsonResponse(400, { error: 'unsupported_grant_type' });
    }
    const accessToken = `reddit-token-${this.tokens.size + 1}-${Math.random().toString(36).slice(2, 8)}`;
    this.tokens.set(accessToken, issued);
    return jsonResponse(200, {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: this.tokenTtlSec,
      scope: '*',
    });
  }

  private authenticate(req: RecordedRequest): IssuedToken | undefined {
    const m = /^bearer (.+)$/i.exec(req.headers.authorization ?? '');
    return m?.[1] ? this.tokens.get(m[1]) : undefined;
  }

  private rateHeaders(): Record<string, string> {
    const remaining = Math.max(0, this.rateLimitRemaining);
    this.rateLimitRemaining -= 1;
    return {
      'x-ratelimit-used': String(600 - Math.floor(remaining)),
      'x-ratelimit-remaining': remaining.toFixed(1),
      'x-ratelimit-reset': String(this.rateLimitReset),
    };
  }

  /** Reddit's listing paging over a list kept oldest first: answers newest first. */
  private listing(oldestFirst: RedditThing[], req: RecordedRequest): unknown {
    const all = [...oldestFirst].reverse();
    const limit = Math.min(100, Math.max(1, Number(req.query.get('limit') ?? 25) || 25));
    const after = req.query.get('after');
    const before = req.query.get('before');
    const at = (name: string) => all.findIndex((t) => t.data?.name === name);
    let start: number;
    let end: number;
    if (after) {
      const i = at(after);
      // An unknown or deleted anchor gives an empty page, as on Reddit.
      start = i === -1 ? all.length : i + 1;
      end = Math.min(all.length, start + limit);
    } else if (before) {
      const i = at(before);
      end = i === -1 ? 0 : i;
      start = Math.max(0, end - limit);
    } else {
      start = 0;
      end = Math.min(all.length, limit);
    }
    const children = all.slice(start, end);
    const name = (t: RedditThing | undefined) => (t?.data?.name as string | undefined) ?? null;
    return {
      kind: 'Listing',
      data: {
        after: end < all.length && children.length ? name(children[children.length - 1]) : null,
        before: start > 0 && children.length ? name(children[0]) : null,
        dist: children.length,
        modhash: '',
        geo_filter: null,
        children,
      },
    };
  }

  private comment(req: RecordedRequest, issued: IssuedToken, headers: Record<string, string>): FakeResponse {
    const form = Object.fromEntries(new URLSearchParams(req.body));
    this.commentForms.push(form);
    const injected = this.writeErrors.shift();
    if (injected) return jsonResponse(200, { json: injected }, headers);
    if (issued.grant !== 'password' || !issued.username) {
      return jsonResponse(200, { json: { errors: [['USER_REQUIRED', 'Please log in to do that.', null]] } }, headers);
    }
    const thingId = form.thing_id ?? '';
    const parent = [...this.search, ...this.allComments()].find((t) => t.data?.name === thingId);
    if (!parent) {
      return jsonResponse(
        200,
        { json: { errors: [['DELETED_COMMENT', 'that comment has been deleted', 'parent']] } },
        headers,
      );
    }
    const text = form.text ?? '';
    if (!text.trim())
      return jsonResponse(200, { json: { errors: [['NO_TEXT', 'we need something here', 'text']] } }, headers);
    const subreddit = String(parent.data.subreddit);
    const linkId = parent.kind === 't3' ? thingId : String(parent.data.link_id);
    const reply = this.addComment(subreddit, {
      body: text,
      author: issued.username,
      parent_id: thingId,
      link_id: linkId,
    });
    this.posted.push(reply);
    return jsonResponse(200, { json: { errors: [], data: { things: [reply] } } }, headers);
  }

  private listFor(subreddit: string): RedditThing[] {
    const key = subreddit.toLowerCase();
    let list = this.comments.get(key);
    if (!list) {
      list = [];
      this.comments.set(key, list);
    }
    return list;
  }

  private allComments(): RedditThing[] {
    return [...this.comments.values()].flat().filter((t) => t.kind === 't1');
  }

  private nextId(): string {
    this.seq += 1;
    return (36 ** 5 + this.seq).toString(36); // base36 ids of equal length that grow, like Reddit's
  }

  private tick(): number {
    this.clock += 60;
    return this.clock;
  }
}

/** A stable `t2_` fullname per username. */
function accountId(username: string): string {
  let h = 7;
  for (const ch of username) h = (h * 31 + ch.charCodeAt(0)) % 2_147_483_647;
  return `t2_${h.toString(36)}`;
}

function escape(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

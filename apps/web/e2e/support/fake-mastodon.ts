import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A tiny Mastodon instance on 127.0.0.1 for the poller: `GET /api/v1/notifications` answers the given mention
 * notifications on the first (backfill) request and an empty list once the poller pages with `min_id`/`max_id`.
 */
export class FakeMastodon {
  readonly requests: string[] = [];
  private server: Server | null = null;
  private port = 0;

  constructor(private readonly notifications: unknown[]) {}

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      this.requests.push(url.pathname + url.search);
      req.resume();
      if (req.method === 'GET' && url.pathname === '/api/v1/notifications') {
        const paging = url.searchParams.has('min_id') || url.searchParams.has('max_id');
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(paging ? [] : this.notifications));
        return;
      }
      if (req.method === 'GET' && url.pathname === '/api/v1/accounts/verify_credentials') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: '1', username: 'brand', acct: 'brand' }));
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'Record not found' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** A mention notification as Mastodon sends it: `status.content` is HTML, the rest as the API documents. */
export function mentionNotification(opts: { id: string; content: string; username: string; host?: string }) {
  const host = opts.host ?? 'social.example';
  const now = new Date().toISOString();
  const account = {
    id: `acct-${opts.id}`,
    username: opts.username,
    acct: opts.username,
    display_name: opts.username,
    url: `https://${host}/@${opts.username}`,
    followers_count: 42,
    following_count: 10,
    statuses_count: 100,
    bot: false,
    locked: false,
    created_at: now,
  };
  return {
    id: opts.id,
    type: 'mention',
    created_at: now,
    account,
    status: {
      id: `status-${opts.id}`,
      uri: `https://${host}/users/${opts.username}/statuses/${opts.id}`,
      url: `https://${host}/@${opts.username}/${opts.id}`,
      created_at: now,
      edited_at: null,
      content: opts.content,
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
    },
  };
}

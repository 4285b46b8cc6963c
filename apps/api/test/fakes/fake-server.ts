import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request a fake received, kept for assertions (headers are lower-cased by node). */
export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. `/api/v1/notifications`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Raw body text ('' when none). */
  body: string;
  /** The body parsed as JSON when it is JSON, else undefined. */
  json: unknown;
}

/** What a handler answers: an object/array body is sent as JSON, a string or Buffer as-is. */
export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * An injected failure: answered instead of the normal handler. `drop` closes the socket without an answer
 * (a network error for the client). `match` limits it to some requests (default: any).
 */
export interface InjectedFailure {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  drop?: boolean;
  /**
   * With `drop`: the request is handled first (a post is created) and only then the connection is dropped,
   * like a timeout after the platform acted — the client cannot know the outcome.
   */
  afterHandling?: boolean;
  match?: (req: RecordedRequest) => boolean;
}

interface PendingFailure extends InjectedFailure {
  remaining: number;
}

/**
 * Base of the fake platform servers: node:http on 127.0.0.1 with an ephemeral port, every request recorded,
 * and failures injectable for the next N (matching) requests. Subclasses implement `handle`.
 */
export abstract class FakeServer {
  /** Every request received, in order (including those answered by an injected failure). */
  readonly requests: RecordedRequest[] = [];
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private failures: PendingFailure[] = [];
  private url: string | null = null;

  protected abstract handle(req: RecordedRequest): FakeResponse | Promise<FakeResponse>;

  /** Starts listening; resolves to the base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  async start(): Promise<string> {
    if (this.url) return this.url;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const parsed = new URL(req.url ?? '/', 'http://fake.invalid');
        const recorded: RecordedRequest = {
          method: req.method ?? 'GET',
          path: parsed.pathname,
          query: parsed.searchParams,
          headers: req.headers,
          body,
          json: parseJson(body),
        };
        this.requests.push(recorded);
        void this.answer(recorded, res);
      });
    });
    server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    const { port } = server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this.url;
  }

  /** The base URL; throws when not started. */
  get baseUrl(): string {
    if (!this.url) throw new Error('fake server not started');
    return this.url;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    this.url = null;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The next `count` requests (matching `failure.match`, if given) get this answer instead of the normal one. */
  failNext(count: number, failure: InjectedFailure): this {
    this.failures.push({ ...failure, remaining: count });
    return this;
  }

  /** Drops all pending injected failures. */
  clearFailures(): this {
    this.failures = [];
    return this;
  }

  /** Recorded requests to one path (and method, when given). */
  requestsTo(path: string, method?: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path === path && (!method || r.method === method.toUpperCase()));
  }

  /** Forgets the recorded requests (seeded content and failures stay). */
  clearRequests(): this {
    this.requests.length = 0;
    return this;
  }

  private async answer(req: RecordedRequest, res: ServerResponse): Promise<void> {
    const failure = this.takeFailure(req);
    if (failure?.drop) {
      if (failure.afterHandling) {
        try {
          await this.handle(req);
        } catch {
          // the answer is lost anyway
        }
      }
      res.socket?.destroy();
      return;
    }
    let out: FakeResponse;
    try {
      out = failure
        ? { status: failure.status ?? 500, headers: failure.headers, body: failure.body }
        : await this.handle(req);
    } catch (err) {
      out = {
        status: 500,
        body: { error: 'FakeServerError', message: err instanceof Error ? err.message : String(err) },
      };
    }
    send(res, out);
  }

  private takeFailure(req: RecordedRequest): PendingFailure | undefined {
    const f = this.failures.find((x) => x.remaining > 0 && (!x.match || x.match(req)));
    if (!f) return undefined;
    f.remaining -= 1;
    this.failures = this.failures.filter((x) => x.remaining > 0);
    return f;
  }
}

function parseJson(body: string): unknown {
  if (!body) return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, out: FakeResponse): void {
  const headers: Record<string, string> = { ...out.headers };
  let payload: string | Buffer = '';
  if (typeof out.body === 'string' || Buffer.isBuffer(out.body)) {
    // Strings as UTF-8, Buffers byte for byte (feeds in legacy charsets).
    payload = out.body;
  } else if (out.body !== undefined) {
    payload = JSON.stringify(out.body);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['content-type'] = 'application/json; charset=utf-8';
    }
  }
  res.writeHead(out.status, headers);
  res.end(payload);
}

/** Convenience for handlers: a JSON answer. */
export function jsonResponse(status: number, body: unknown, headers?: Record<string, string>): FakeResponse {
  return { status, body, ...(headers ? { headers } : {}) };
}

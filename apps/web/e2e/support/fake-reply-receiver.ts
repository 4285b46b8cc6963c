import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One POST the receiver got. */
export interface ReceivedReply {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: unknown;
}

/**
 * A partner system taking replies at a mention's `replyWebhookUrl` (SPEC §4) on 127.0.0.1: records every POST
 * and answers `{externalId, url}` like a receiver that created the reply.
 */
export class FakeReplyReceiver {
  readonly received: ReceivedReply[] = [];
  private server: Server | null = null;
  private port = 0;

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(body);
        } catch {
          json = null;
        }
        if (req.method !== 'POST') {
          res.writeHead(405).end();
          return;
        }
        this.received.push({ path: req.url ?? '/', headers: req.headers, body, json });
        const n = this.received.length;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ externalId: `partner-reply-${n}`, url: `https://partner.example/replies/${n}` }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  url(path = '/replies'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** Waits until a POST whose JSON `body` field contains `text` arrived. */
  async waitForReply(text: string, timeoutMs = 20_000): Promise<ReceivedReply> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = this.received.find((r) => {
        const json = r.json as { body?: unknown } | null;
        return typeof json?.body === 'string' && json.body.includes(text);
      });
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no reply containing ${JSON.stringify(text)} arrived; got ${JSON.stringify(this.received)}`);
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

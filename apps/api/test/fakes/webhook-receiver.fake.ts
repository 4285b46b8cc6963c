import { verifyWebhook, type WebhookVerifyResult } from '../../src/modules/source/webhook-signature.js';
import { FakeServer, jsonResponse, type FakeResponse, type RecordedRequest } from './fake-server.js';

/** One POST the receiver got, with the Standard Webhooks headers and whether they verified. */
export interface ReceivedWebhook {
  path: string;
  id: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
  /** Raw body text, as signed. */
  body: string;
  json: unknown;
  verification: WebhookVerifyResult;
  /** A `webhook-id` seen before: answered with the first answer, not processed again. */
  duplicate: boolean;
}

export interface WebhookReceiverOptions {
  /** Clock used to check `webhook-timestamp` (tests with a fixed `ctx.now` pass the same). */
  now?: () => Date;
}

/**
 * A partner system that takes replies at a `replyWebhookUrl` (SPEC §4): verifies the signature with the
 * source's secret (401 when wrong or stale), dedupes on `webhook-id`, and answers `{externalId, url}`.
 * Use `failNext` for 429/5xx and `deliveries` to assert what arrived.
 */
export class WebhookReceiverFake extends FakeServer {
  readonly deliveries: ReceivedWebhook[] = [];
  private readonly answers = new Map<string, FakeResponse>();
  private counter = 0;

  constructor(
    /** The `whsec_…` secret the sender signs with; rotate by assigning a new one (or several). */
    public secret: string | string[],
    private readonly options: WebhookReceiverOptions = {},
  ) {
    super();
  }

  /** The URL to put in a mention's `replyWebhookUrl`. */
  replyUrl(path = '/replies'): string {
    return `${this.baseUrl}${path}`;
  }

  /** Deliveries whose signature verified, duplicates excluded: what the partner acted on. */
  get accepted(): ReceivedWebhook[] {
    return this.deliveries.filter((d) => d.verification.ok && !d.duplicate);
  }

  protected handle(req: RecordedRequest): FakeResponse {
    if (req.method !== 'POST') return jsonResponse(405, { error: 'method not allowed' });
    const header = (name: string) => {
      const v = req.headers[name];
      return Array.isArray(v) ? v.join(' ') : v;
    };
    const id = header('webhook-id');
    const timestamp = header('webhook-timestamp');
    const signature = header('webhook-signature');
    const now = this.options.now?.() ?? new Date();
    const verification = verifyWebhook(this.secret, { id, timestamp, signature }, req.body, now);
    const duplicate = verification.ok && id !== undefined && this.answers.has(id);
    this.deliveries.push({
      path: req.path,
      id,
      timestamp,
      signature,
      body: req.body,
      json: req.json,
      verification,
      duplicate,
    });

    if (!verification.ok) return jsonResponse(401, { error: verification.reason });
    const previous = id !== undefined ? this.answers.get(id) : undefined;
    if (previous) return previous;
    this.counter += 1;
    const answer = jsonResponse(200, {
      externalId: `receiver-reply-${this.counter}`,
      url: `${this.baseUrl}/replies/${this.counter}`,
    });
    if (id !== undefined) this.answers.set(id, answer);
    return answer;
  }
}

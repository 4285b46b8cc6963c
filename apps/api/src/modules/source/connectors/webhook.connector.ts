import { WebhookMentionSchema } from '@dengar/contracts';
import { isPrivateUrl } from '../reply-url-guard.js';
import { signWebhook } from '../webhook-signature.js';
import {
  ConnectorError,
  type Connector,
  type PulledMention,
  type ReplyContext,
  type ReplyRequest,
} from './connector.js';
import { htmlToText, looksLikeHtml, sanitizeHtml } from './html.js';
import { request } from './http.js';

/**
 * Push-only source (SPEC §4): mentions arrive at `POST /api/sources/:id/webhook`, where the ingestion service
 * verifies the signature and hands the items to `parseWebhookMentions`. Replies are POSTed, signed the same
 * way, to the mention's `replyWebhookUrl`.
 */

const PLATFORM = 'Webhook';

export interface WebhookRejection {
  index: number;
  reason: string;
}

/** Validates items one by one: a bad item is rejected with the fields at fault, never the batch. */
export function parseWebhookMentions(items: unknown[]): { mentions: PulledMention[]; rejected: WebhookRejection[] } {
  const mentions: PulledMention[] = [];
  const rejected: WebhookRejection[] = [];
  items.forEach((item, index) => {
    const parsed = WebhookMentionSchema.safeParse(item);
    if (!parsed.success) {
      const reason = parsed.error.issues
        .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
        .join('; ');
      rejected.push({ index, reason });
      return;
    }
    const m = parsed.data;
    // Senders put HTML in `text` more often than in `html`: keep plain text plain either way.
    const textIsHtml = looksLikeHtml(m.text);
    const text = textIsHtml ? htmlToText(m.text) : m.text.trim();
    const html = m.html ? sanitizeHtml(m.html) : textIsHtml ? sanitizeHtml(m.text) : null;
    if (!text) {
      rejected.push({ index, reason: 'text: is empty once HTML is removed' });
      return;
    }
    mentions.push({
      externalId: m.externalId,
      url: m.url ?? null,
      text,
      html: html || null,
      postedAt: new Date(m.postedAt),
      language: m.language ?? null,
      inReplyToExternalId: m.inReplyToExternalId ?? null,
      threadExternalId: m.threadExternalId ?? null,
      replyWebhookUrl: m.replyWebhookUrl ?? null,
      author: {
        externalId: m.author.externalId,
        handle: m.author.handle,
        displayName: m.author.displayName ?? null,
        profileUrl: m.author.profileUrl ?? null,
        followers: m.author.followers ?? null,
        verified: m.author.verified ?? false,
      },
      ...(m.metrics ? { metrics: m.metrics } : {}),
      raw: item,
    });
  });
  return { mentions, rejected };
}

/** The JSON a reply receiver gets (signed with the source's secret, `webhook-id` = idempotencyKey). */
export interface WebhookReplyPayload {
  type: 'reply';
  mentionExternalId: string;
  body: string;
  idempotencyKey: string;
}

async function reply(ctx: ReplyContext, req: ReplyRequest) {
  const target = req.target.replyWebhookUrl;
  if (!target) {
    throw new ConnectorError(
      'config',
      `${PLATFORM}: this mention came without a replyWebhookUrl, reply on the original post`,
    );
  }
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new ConnectorError('config', `The mention's replyWebhookUrl is not a URL: ${target.slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConnectorError('config', `The mention's replyWebhookUrl must be http(s), not ${url.protocol}`);
  }
  if (ctx.config.allowPrivateReplyUrls !== true && (await isPrivateUrl(url.toString()))) {
    throw new ConnectorError(
      'config',
      `Refused to send the reply to ${url.host}: it is a loopback or private address. ` +
        'Enable "allowPrivateReplyUrls" on the source if this receiver is yours.',
    );
  }
  const secret = ctx.config.webhookSecret;
  if (typeof secret !== 'string' || !secret) {
    throw new ConnectorError('config', `${PLATFORM} source has no secret to sign replies with: rotate its secret`);
  }
  const payload: WebhookReplyPayload = {
    type: 'reply',
    mentionExternalId: req.target.externalId,
    body: req.body,
    idempotencyKey: req.idempotencyKey,
  };
  const body = JSON.stringify(payload);
  const timestamp = Math.floor(ctx.now().getTime() / 1000);
  const res = await request(
    url,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        // The receiver dedupes on webhook-id, which is what makes a blind retry safe.
        'webhook-id': req.idempotencyKey,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signWebhook(secret, req.idempotencyKey, timestamp, body),
      },
      body,
    },
    {
      platform: `The reply webhook at ${url.host}`,
      resetAt: () => undefined,
      // A redirect could lead past the private-address check: refuse it (3xx → `rejected`).
      fetch: (input, init) => ctx.fetch(input, { ...init, redirect: 'manual' }),
      now: () => ctx.now(),
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    },
  );
  // The receiver may answer {externalId|id, url} for the reply it created; any other 2xx body is fine too.
  const answer = await readAnswer(res);
  const externalId = [answer.externalId, answer.id].find((v): v is string => typeof v === 'string' && v.trim() !== '');
  const replyUrl = typeof answer.url === 'string' && /^https?:\/\//i.test(answer.url) ? answer.url : null;
  return { externalId: externalId ?? req.idempotencyKey, url: replyUrl };
}

async function readAnswer(res: Response): Promise<Record<string, unknown>> {
  try {
    const body: unknown = JSON.parse(await res.text());
    return body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export const webhookConnector: Connector = {
  kind: 'webhook',
  retrySafe: true,
  replyLimit: () => 10_000,
  // Push only: the ingestion service receives the mentions; the poller has nothing to fetch.
  pull: (ctx) => Promise.resolve({ mentions: [], skipped: [], cursor: ctx.cursor, more: false }),
  reply,
};

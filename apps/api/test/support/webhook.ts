import { randomUUID } from 'node:crypto';
import { signWebhook } from '../../src/modules/source/webhook-signature.js';
import type { Client, TestResponse } from './client.js';

export interface WebhookItem {
  externalId: string;
  text: string;
  postedAt?: string;
  url?: string;
  language?: string;
  inReplyToExternalId?: string;
  threadExternalId?: string;
  replyWebhookUrl?: string;
  author?: { externalId: string; handle: string; displayName?: string; followers?: number; verified?: boolean };
  metrics?: { likes: number; reposts: number; replies: number };
}

export const item = (externalId: string, text: string, author = 'cust-1', extra: Partial<WebhookItem> = {}) => ({
  externalId,
  text,
  postedAt: new Date().toISOString(),
  url: `https://forum.example.com/p/${externalId}`,
  author: { externalId: author, handle: `${author}@forum.example.com`, displayName: author, followers: 10 },
  ...extra,
});

/** Signs and POSTs a delivery the way a Standard Webhooks sender does. */
export async function deliver(
  client: Client,
  sourceId: string,
  secret: string,
  body: unknown,
  opts: { id?: string; timestamp?: number; signature?: string; raw?: string } = {},
): Promise<TestResponse> {
  const raw = opts.raw ?? JSON.stringify(body);
  const id = opts.id ?? `msg_${randomUUID()}`;
  const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
  return client.request('POST', `/api/sources/${sourceId}/webhook`, raw, {
    'webhook-id': id,
    'webhook-timestamp': String(ts),
    'webhook-signature': opts.signature ?? signWebhook(secret, id, ts, raw),
  });
}

/** Creates a webhook source as an admin; returns its id and the secret shown once. */
export async function webhookSource(admin: Client, name = 'Forum', config: Record<string, unknown> = {}) {
  const res = await admin.request('POST', '/api/sources', { kind: 'webhook', name, config });
  if (res.status !== 201) throw new Error(`webhook source: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id as string, secret: res.body.webhookSecret as string };
}

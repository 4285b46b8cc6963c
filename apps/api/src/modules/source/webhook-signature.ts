import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The Standard Webhooks scheme (SPEC §4), both ways: inbound webhooks are verified with the source's secret,
 * replies to a `replyWebhookUrl` are signed with it. Signed content is `${id}.${timestamp}.${rawBody}`,
 * signature `v1,<base64 HMAC-SHA256>`, secret `whsec_<base64 key>`.
 */

export const WEBHOOK_SECRET_PREFIX = 'whsec_';
/** Timestamps further off than this, either way, are refused (replay window). */
export const WEBHOOK_TOLERANCE_SEC = 5 * 60;

export interface WebhookHeaders {
  id?: string | null;
  timestamp?: string | null;
  signature?: string | null;
}

export type WebhookVerifyFailure = 'missing headers' | 'stale timestamp' | 'bad signature';
export type WebhookVerifyResult = { ok: true } | { ok: false; reason: WebhookVerifyFailure };

export function generateWebhookSecret(): string {
  return WEBHOOK_SECRET_PREFIX + randomBytes(24).toString('base64');
}

/** The HMAC key: the base64 part after `whsec_` (a secret without the prefix is taken as bare base64). */
function secretKey(secret: string): Buffer {
  const encoded = secret.startsWith(WEBHOOK_SECRET_PREFIX) ? secret.slice(WEBHOOK_SECRET_PREFIX.length) : secret;
  const key = Buffer.from(encoded, 'base64');
  // An empty key would make every signature forgeable: a broken secret is a bug, not a bad request.
  if (key.length === 0) throw new Error('webhook secret is empty or not base64');
  return key;
}

function hmac(key: Buffer, id: string, timestampSec: number | string, rawBody: string | Buffer): Buffer {
  // The body is hashed as the bytes received: re-encoding parsed JSON would change them.
  return createHmac('sha256', key).update(`${id}.${timestampSec}.`).update(rawBody).digest();
}

export function signWebhook(secret: string, id: string, timestampSec: number, rawBody: string | Buffer): string {
  return `v1,${hmac(secretKey(secret), id, Math.floor(timestampSec), rawBody).toString('base64')}`;
}

/**
 * Checks the headers of an inbound webhook. `signature` may hold several space-separated `v1,…` entries (the
 * sender signs with old and new secret during a rotation); `secret` may likewise be several (our own rotation).
 * A timestamp that is not a whole number of seconds counts as a missing header.
 */
export function verifyWebhook(
  secret: string | readonly string[],
  headers: WebhookHeaders,
  rawBody: string | Buffer,
  now: Date,
): WebhookVerifyResult {
  const id = headers.id?.trim();
  const ts = headers.timestamp?.trim();
  const sig = headers.signature?.trim();
  if (!id || !ts || !sig || !/^\d+$/.test(ts)) return { ok: false, reason: 'missing headers' };
  const nowSec = Math.floor(now.getTime() / 1000);
  if (Math.abs(nowSec - Number(ts)) > WEBHOOK_TOLERANCE_SEC) return { ok: false, reason: 'stale timestamp' };

  const given = sig
    .split(' ')
    .map((entry) => entry.split(','))
    .filter((parts): parts is [string, string] => parts.length === 2 && parts[0] === 'v1' && Boolean(parts[1]))
    .map(([, b64]) => Buffer.from(b64, 'base64'));
  const secrets = typeof secret === 'string' ? [secret] : secret;
  for (const s of secrets) {
    const expected = hmac(secretKey(s), id, ts, rawBody);
    // timingSafeEqual needs equal lengths; a length mismatch leaks nothing about the key.
    if (given.some((g) => g.length === expected.length && timingSafeEqual(g, expected))) return { ok: true };
  }
  return { ok: false, reason: 'bad signature' };
}

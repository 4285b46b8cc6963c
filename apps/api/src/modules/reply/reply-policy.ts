import type { SourceKind } from '@dengar/contracts';
import { graphemeLength } from '../source/connectors/bluesky.connector.js';
import { ConnectorError, type Connector, type ReplyTarget } from '../source/connectors/connector.js';

/**
 * The outbox's rules as pure functions (SPEC §6): how long a reply is on its platform, whether a source can
 * take it at all, and what an attempt's error means for the next one.
 */

export const PLATFORM_LABEL: Record<SourceKind, string> = {
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  reddit: 'Reddit',
  x: 'X',
  rss: 'RSS',
  webhook: 'The reply webhook',
  demo: 'The demo source',
};

/** Attempts before a reply that keeps hitting 429/5xx becomes `failed`. */
export const MAX_ATTEMPTS = 8;
const BASE_BACKOFF_MS = 4_000;
const MAX_BACKOFF_MS = 15 * 60_000;
/** Spread over replies waiting for the same platform reset, so they do not all fire in the same instant. */
const RESET_JITTER_MS = 500;

export const DELIVERY_UNKNOWN = 'delivery unknown — check the post';

/** Length as the platform counts it: Bluesky in graphemes, the others in characters (code points). */
export function replyLength(kind: SourceKind, text: string): number {
  return kind === 'bluesky' ? graphemeLength(text) : [...text].length;
}

/**
 * The platform's length limit for replies to this mention, or null when the reply must be posted by hand
 * (no reply channel: RSS, a webhook mention that came without a `replyWebhookUrl`).
 */
export function replyChannelLimit(
  kind: SourceKind,
  connector: Connector,
  config: Record<string, unknown>,
  target: Pick<ReplyTarget, 'replyWebhookUrl'>,
): number | null {
  if (!connector.reply) return null;
  if (kind === 'webhook' && !target.replyWebhookUrl) return null;
  return connector.replyLimit(config);
}

/** Exponential with jitter (half fixed, half random), from a few seconds up to 15 minutes. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const cap = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, Math.min(attempts - 1, 20)));
  return Math.round(cap / 2 + (random() * cap) / 2);
}

/** After an attempt whose outcome is unknown: how the next one finds out (or gives up). */
export function unknownOutcomePlan(
  connector: Pick<Connector, 'retrySafe' | 'findReply'>,
): 'resend' | 'find' | 'give_up' {
  if (connector.retrySafe) return 'resend';
  if (connector.findReply) return 'find';
  return 'give_up';
}

/**
 * Whether an error proves the platform did not take the post. A 429 or a 4xx answer does; a timeout, a dropped
 * connection, a 5xx (X is known to post and still answer 503) or a 2xx it could not read does not.
 */
export function provesNotPosted(err: unknown): boolean {
  if (!(err instanceof ConnectorError)) return false;
  if (err.kind === 'rate_limited') return true;
  const status = err.status;
  if (status !== undefined && status >= 400 && status < 500) return true;
  // Refusals a connector raised itself before sending anything (bad config, an unusable target).
  return status === undefined && (err.kind === 'config' || err.kind === 'rejected' || err.kind === 'auth');
}

export interface ErrorPlan {
  status: 'queued' | 'sending' | 'failed';
  error: string;
  /** When the next attempt is due (null for `failed`). */
  nextAttemptAt: Date | null;
}

/**
 * What to record after an attempt failed. `attempts` counts this one. `outcomeUnknown`: the platform may have
 * posted (this attempt, or an earlier one that is still unresolved). Such a reply stays `sending`, so that the
 * next attempt looks before it posts again — unless blind retries are safe on the platform, where it is simply
 * `queued` again.
 */
export function planAfterError(
  err: unknown,
  opts: { attempts: number; retrySafe: boolean; outcomeUnknown: boolean; now: Date; random?: () => number },
): ErrorPlan {
  const message =
    err instanceof ConnectorError
      ? err.message
      : `Unexpected error while sending: ${(err instanceof Error ? err.message : String(err)).slice(0, 300)}`;
  const unknown = opts.outcomeUnknown && !opts.retrySafe;
  const transient = !(err instanceof ConnectorError) || err.kind === 'rate_limited' || err.kind === 'unavailable';
  if (!transient) {
    return { status: 'failed', error: unknown ? `${message} (${DELIVERY_UNKNOWN})` : message, nextAttemptAt: null };
  }
  if (opts.attempts >= MAX_ATTEMPTS) {
    return {
      status: 'failed',
      error: `Gave up after ${opts.attempts} attempts: ${message}${unknown ? ` (${DELIVERY_UNKNOWN})` : ''}`,
      nextAttemptAt: null,
    };
  }
  const now = opts.now.getTime();
  const retryAt = err instanceof ConnectorError ? err.retryAt?.getTime() : undefined;
  const random = opts.random ?? Math.random;
  const next =
    retryAt !== undefined && retryAt > now
      ? Math.min(retryAt, now + 24 * 3600_000) + Math.round(random() * RESET_JITTER_MS)
      : now + backoffMs(opts.attempts, random);
  return { status: unknown ? 'sending' : 'queued', error: message, nextAttemptAt: new Date(next) };
}

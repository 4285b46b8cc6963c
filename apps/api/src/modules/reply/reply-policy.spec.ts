import { describe, expect, it } from 'vitest';
import { CONNECTORS } from '../source/connector-registry.js';
import { ConnectorError } from '../source/connectors/connector.js';
import {
  DELIVERY_UNKNOWN,
  MAX_ATTEMPTS,
  backoffMs,
  planAfterError,
  provesNotPosted,
  replyChannelLimit,
  replyLength,
  unknownOutcomePlan,
} from './reply-policy.js';

const now = new Date('2025-06-01T12:00:00.000Z');
const half = () => 0.5;

describe('replyLength', () => {
  it('counts graphemes on Bluesky and characters elsewhere', () => {
    const family = '👨‍👩‍👧';
    expect(replyLength('bluesky', family.repeat(3))).toBe(3);
    expect(replyLength('mastodon', family)).toBe(5);
    expect(replyLength('x', 'héllo')).toBe(5);
    // An astral character is one character, not two UTF-16 units.
    expect(replyLength('x', '😀')).toBe(1);
  });
});

describe('replyChannelLimit', () => {
  it('gives each platform its limit and null where replies are posted by hand', () => {
    expect(replyChannelLimit('bluesky', CONNECTORS.bluesky, {}, {})).toBe(300);
    expect(replyChannelLimit('x', CONNECTORS.x, {}, {})).toBe(280);
    expect(replyChannelLimit('mastodon', CONNECTORS.mastodon, {}, {})).toBe(500);
    expect(replyChannelLimit('rss', CONNECTORS.rss, {}, {})).toBeNull();
    expect(replyChannelLimit('webhook', CONNECTORS.webhook, {}, { replyWebhookUrl: null })).toBeNull();
    expect(replyChannelLimit('webhook', CONNECTORS.webhook, {}, { replyWebhookUrl: 'https://p.example/r' })).toBe(
      10_000,
    );
  });
});

describe('backoffMs', () => {
  it('grows exponentially with jitter and stops at 15 minutes', () => {
    expect(backoffMs(1, () => 0)).toBe(2_000);
    expect(backoffMs(1, () => 1)).toBe(4_000);
    expect(backoffMs(3, half)).toBe(12_000);
    expect(backoffMs(30, () => 1)).toBe(15 * 60_000);
  });
});

describe('unknownOutcomePlan', () => {
  it('resends only where safe, looks where it can, else gives up', () => {
    expect(unknownOutcomePlan(CONNECTORS.mastodon)).toBe('resend');
    expect(unknownOutcomePlan(CONNECTORS.bluesky)).toBe('resend');
    expect(unknownOutcomePlan(CONNECTORS.reddit)).toBe('find');
    expect(unknownOutcomePlan(CONNECTORS.x)).toBe('find');
    expect(unknownOutcomePlan({ retrySafe: false })).toBe('give_up');
  });
});

describe('provesNotPosted', () => {
  it('trusts 429 and 4xx answers, not timeouts, 5xx or unexpected errors', () => {
    expect(provesNotPosted(new ConnectorError('rate_limited', 'x', { status: 429 }))).toBe(true);
    expect(provesNotPosted(new ConnectorError('rejected', 'x', { status: 422 }))).toBe(true);
    expect(provesNotPosted(new ConnectorError('auth', 'x', { status: 401 }))).toBe(true);
    expect(provesNotPosted(new ConnectorError('config', 'missing key'))).toBe(true);
    expect(provesNotPosted(new ConnectorError('unavailable', 'did not answer within 20 s'))).toBe(false);
    expect(provesNotPosted(new ConnectorError('unavailable', 'answered 503', { status: 503 }))).toBe(false);
    expect(provesNotPosted(new ConnectorError('unavailable', 'not JSON', { status: 200 }))).toBe(false);
    expect(provesNotPosted(new TypeError('boom'))).toBe(false);
  });
});

describe('planAfterError', () => {
  const base = { attempts: 1, retrySafe: false, outcomeUnknown: false, now, random: half };

  it('waits for the platform reset on 429', () => {
    const retryAt = new Date(now.getTime() + 60_000);
    const plan = planAfterError(
      new ConnectorError('rate_limited', 'Mastodon rate limit reached (429)', { retryAt }),
      base,
    );
    expect(plan.status).toBe('queued');
    expect(plan.error).toMatch(/rate limit/);
    expect(plan.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(retryAt.getTime());
    expect(plan.nextAttemptAt!.getTime()).toBeLessThanOrEqual(retryAt.getTime() + 500);
  });

  it('backs off exponentially without a reset time', () => {
    const plan = planAfterError(new ConnectorError('unavailable', 'answered 502', { status: 502 }), {
      ...base,
      attempts: 2,
      retrySafe: true,
      outcomeUnknown: true,
    });
    expect(plan).toMatchObject({ status: 'queued' });
    expect(plan.nextAttemptAt!.getTime() - now.getTime()).toBe(backoffMs(2, half));
  });

  it('keeps an unknown outcome `sending` where a blind retry is not safe, so the next attempt looks first', () => {
    const plan = planAfterError(new ConnectorError('unavailable', 'X could not be reached'), {
      ...base,
      outcomeUnknown: true,
    });
    expect(plan.status).toBe('sending');
  });

  it('fails at once on refusals, with the platform message', () => {
    const plan = planAfterError(new ConnectorError('rejected', 'Reddit refused: that comment has been deleted'), base);
    expect(plan).toEqual({
      status: 'failed',
      error: 'Reddit refused: that comment has been deleted',
      nextAttemptAt: null,
    });
    const unknown = planAfterError(new ConnectorError('auth', 'X refused the credentials (401)'), {
      ...base,
      outcomeUnknown: true,
    });
    expect(unknown.error).toContain(DELIVERY_UNKNOWN);
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts`, () => {
    const plan = planAfterError(new ConnectorError('unavailable', 'answered 503', { status: 503 }), {
      ...base,
      attempts: MAX_ATTEMPTS,
    });
    expect(plan.status).toBe('failed');
    expect(plan.error).toMatch(/Gave up after 8 attempts: answered 503/);
    expect(
      planAfterError(new ConnectorError('unavailable', 'answered 503'), { ...base, attempts: MAX_ATTEMPTS - 1 }).status,
    ).not.toBe('failed');
  });

  it('treats an unexpected error as transient with an unknown outcome', () => {
    const plan = planAfterError(new TypeError('cannot read x of undefined'), { ...base, outcomeUnknown: true });
    expect(plan.status).toBe('sending');
    expect(plan.error).toMatch(/^Unexpected error while sending: cannot read/);
  });
});

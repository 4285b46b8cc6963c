import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateWebhookSecret, signWebhook, verifyWebhook } from './webhook-signature.js';

// The Standard Webhooks specification's own example (secret, id, timestamp, payload → signature).
const SPEC_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const SPEC_ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const SPEC_TS = 1614265330;
const SPEC_BODY = '{"test": 2432232314}';
const SPEC_SIGNATURE = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';

const at = (sec: number) => new Date(sec * 1000);

describe('signWebhook', () => {
  it('matches the Standard Webhooks example vector', () => {
    expect(signWebhook(SPEC_SECRET, SPEC_ID, SPEC_TS, SPEC_BODY)).toBe(SPEC_SIGNATURE);
  });

  it('is HMAC-SHA256 over "id.timestamp.body" keyed with the base64-decoded secret', () => {
    const secret = generateWebhookSecret();
    const body = Buffer.from('{"mentions":[{"text":"café €"}]}', 'utf8');
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const expected = createHmac('sha256', key)
      .update(Buffer.concat([Buffer.from('evt_1.1700000000.'), body]))
      .digest('base64');
    expect(signWebhook(secret, 'evt_1', 1700000000, body)).toBe(`v1,${expected}`);
    // A string body signs its UTF-8 bytes, the same as the Buffer.
    expect(signWebhook(secret, 'evt_1', 1700000000, body.toString('utf8'))).toBe(`v1,${expected}`);
  });
});

describe('generateWebhookSecret', () => {
  it('is whsec_ + base64 of 24 random bytes', () => {
    const a = generateWebhookSecret();
    const b = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(a.slice(6), 'base64')).toHaveLength(24);
    expect(a).not.toBe(b);
  });
});

describe('verifyWebhook', () => {
  const headers = { id: SPEC_ID, timestamp: String(SPEC_TS), signature: SPEC_SIGNATURE };

  it('accepts the example vector', () => {
    expect(verifyWebhook(SPEC_SECRET, headers, SPEC_BODY, at(SPEC_TS))).toEqual({ ok: true });
    expect(verifyWebhook(SPEC_SECRET, headers, Buffer.from(SPEC_BODY), at(SPEC_TS + 10))).toEqual({ ok: true });
  });

  it('refuses a changed body, id, timestamp or secret', () => {
    const bad = { ok: false, reason: 'bad signature' };
    expect(verifyWebhook(SPEC_SECRET, headers, '{"test": 2432232315}', at(SPEC_TS))).toEqual(bad);
    expect(verifyWebhook(SPEC_SECRET, { ...headers, id: 'msg_other' }, SPEC_BODY, at(SPEC_TS))).toEqual(bad);
    expect(verifyWebhook(SPEC_SECRET, { ...headers, timestamp: String(SPEC_TS + 1) }, SPEC_BODY, at(SPEC_TS))).toEqual(
      bad,
    );
    expect(verifyWebhook(generateWebhookSecret(), headers, SPEC_BODY, at(SPEC_TS))).toEqual(bad);
    expect(verifyWebhook(SPEC_SECRET, { ...headers, signature: 'v1,AAAA' }, SPEC_BODY, at(SPEC_TS))).toEqual(bad);
    // Only v1 signatures count.
    expect(
      verifyWebhook(
        SPEC_SECRET,
        { ...headers, signature: SPEC_SIGNATURE.replace('v1,', 'v2,') },
        SPEC_BODY,
        at(SPEC_TS),
      ),
    ).toEqual(bad);
  });

  it('allows 5 minutes of clock skew either way, not more', () => {
    expect(verifyWebhook(SPEC_SECRET, headers, SPEC_BODY, at(SPEC_TS + 300)).ok).toBe(true);
    expect(verifyWebhook(SPEC_SECRET, headers, SPEC_BODY, at(SPEC_TS - 300)).ok).toBe(true);
    expect(verifyWebhook(SPEC_SECRET, headers, SPEC_BODY, at(SPEC_TS + 301))).toEqual({
      ok: false,
      reason: 'stale timestamp',
    });
    expect(verifyWebhook(SPEC_SECRET, headers, SPEC_BODY, at(SPEC_TS - 301))).toEqual({
      ok: false,
      reason: 'stale timestamp',
    });
  });

  it('reports missing or malformed headers', () => {
    const missing = { ok: false, reason: 'missing headers' };
    const now = at(SPEC_TS);
    expect(verifyWebhook(SPEC_SECRET, { ...headers, id: undefined }, SPEC_BODY, now)).toEqual(missing);
    expect(verifyWebhook(SPEC_SECRET, { ...headers, timestamp: null }, SPEC_BODY, now)).toEqual(missing);
    expect(verifyWebhook(SPEC_SECRET, { ...headers, signature: '' }, SPEC_BODY, now)).toEqual(missing);
    expect(verifyWebhook(SPEC_SECRET, { ...headers, timestamp: '2021-02-25T15:02:10Z' }, SPEC_BODY, now)).toEqual(
      missing,
    );
  });

  it('accepts any of several space-separated signatures (key rotation)', () => {
    const oldSecret = generateWebhookSecret();
    const newSecret = generateWebhookSecret();
    const body = '{"mentions":[]}';
    const both = `${signWebhook(oldSecret, 'm1', SPEC_TS, body)} ${signWebhook(newSecret, 'm1', SPEC_TS, body)}`;
    const h = { id: 'm1', timestamp: String(SPEC_TS), signature: both };
    expect(verifyWebhook(oldSecret, h, body, at(SPEC_TS)).ok).toBe(true);
    expect(verifyWebhook(newSecret, h, body, at(SPEC_TS)).ok).toBe(true);
    expect(verifyWebhook(generateWebhookSecret(), h, body, at(SPEC_TS))).toEqual({
      ok: false,
      reason: 'bad signature',
    });
    // Our side of a rotation: a signature by either of our current secrets passes.
    const byOld = { ...h, signature: signWebhook(oldSecret, 'm1', SPEC_TS, body) };
    expect(verifyWebhook([newSecret, oldSecret], byOld, body, at(SPEC_TS)).ok).toBe(true);
  });
});

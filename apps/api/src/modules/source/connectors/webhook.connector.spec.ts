import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WebhookReceiverFake } from '../../../../test/fakes/webhook-receiver.fake.js';
import { generateWebhookSecret } from '../webhook-signature.js';
import { ConnectorError, type ReplyContext, type ReplyRequest } from './connector.js';
import { parseWebhookMentions, webhookConnector } from './webhook.connector.js';

const NOW = new Date('2025-03-04T05:06:07Z');

const good = (over: Record<string, unknown> = {}) => ({
  externalId: 'form-1',
  url: 'https://reviews.example/r/1',
  text: 'Kopi Senja delivery was late again',
  postedAt: '2025-03-04T04:00:00+07:00',
  author: { externalId: 'cust-9', handle: 'dewi', followers: 12 },
  ...over,
});

describe('parseWebhookMentions', () => {
  it('keeps the good items and rejects a bad one by index, naming the field', () => {
    const items = [
      good(),
      good({ externalId: 'form-2', author: { externalId: 'cust-10' } }),
      good({ externalId: 'form-3', postedAt: 'yesterday', language: 'english' }),
      'not an object',
      good({ externalId: 'form-4', metrics: { likes: 3 } }),
    ];
    const { mentions, rejected } = parseWebhookMentions(items);
    expect(mentions.map((m) => m.externalId)).toEqual(['form-1', 'form-4']);
    expect(rejected.map((r) => r.index)).toEqual([1, 2, 3]);
    expect(rejected[0]!.reason).toMatch(/^author\.handle: /);
    expect(rejected[1]!.reason).toContain('postedAt: ');
    expect(rejected[1]!.reason).toContain('language: expected an ISO 639-1 code');
    expect(rejected[2]!.reason).not.toBe('');

    const [first, fourth] = mentions;
    expect(first).toMatchObject({
      url: 'https://reviews.example/r/1',
      text: 'Kopi Senja delivery was late again',
      html: null,
      inReplyToExternalId: null,
      replyWebhookUrl: null,
      author: { externalId: 'cust-9', handle: 'dewi', followers: 12, verified: false, displayName: null },
      raw: items[0],
    });
    expect(first!.postedAt.toISOString()).toBe('2025-03-03T21:00:00.000Z');
    // Metrics defaults from the contract fill what the sender left out.
    expect(fourth!.metrics).toEqual({ likes: 3, reposts: 0, replies: 0 });
  });

  it('turns HTML sent as text into plain text and keeps a sanitised html copy', () => {
    const { mentions } = parseWebhookMentions([
      good({ text: '<p>Hello <b>there</b> &amp; thanks</p><script>alert(1)</script>' }),
      good({ externalId: 'x2', text: 'plain', html: '<p onclick="x()">Hi <a href="javascript:evil()">link</a></p>' }),
    ]);
    expect(mentions[0]!.text).toBe('Hello there & thanks');
    expect(mentions[0]!.html).toBe('<p>Hello <b>there</b> &amp; thanks</p>');
    expect(mentions[1]!.text).toBe('plain');
    expect(mentions[1]!.html).toBe('<p>Hi <a>link</a></p>');
  });

  it('rejects an item whose text is only markup', () => {
    const { mentions, rejected } = parseWebhookMentions([good({ text: '<p> </p>' })]);
    expect(mentions).toEqual([]);
    expect(rejected).toEqual([{ index: 0, reason: expect.stringMatching(/^text: /) }]);
  });
});

describe('webhookConnector', () => {
  const secret = generateWebhookSecret();
  const receiver = new WebhookReceiverFake(secret, { now: () => NOW });

  beforeAll(async () => {
    await receiver.start();
  });
  afterAll(async () => {
    await receiver.close();
  });
  beforeEach(() => {
    receiver.clearFailures().clearRequests();
    receiver.deliveries.length = 0;
  });

  const ctx = (config: Record<string, unknown> = {}): ReplyContext => ({
    config: { webhookSecret: secret, allowPrivateReplyUrls: true, ...config },
    state: {},
    saveState: () => Promise.resolve(),
    fetch,
    now: () => NOW,
  });
  const req = (over: Partial<ReplyRequest['target']> = {}, key = 'reply-key-1'): ReplyRequest => ({
    body: 'Sorry about that! We have sent a new order.',
    idempotencyKey: key,
    target: {
      externalId: 'form-1',
      url: null,
      authorHandle: 'dewi',
      replyWebhookUrl: receiver.replyUrl('/hooks/dengar'),
      ...over,
    },
  });

  it('is push-only: pull returns nothing and keeps the cursor', async () => {
    const result = await webhookConnector.pull({
      config: {},
      cursor: { any: 'thing' },
      backfillLimit: 200,
      state: {},
      saveState: () => Promise.resolve(),
      known: () => Promise.resolve(new Set()),
      fetch,
      now: () => NOW,
    });
    expect(result).toEqual({ mentions: [], skipped: [], cursor: { any: 'thing' }, more: false });
    expect(webhookConnector.replyLimit({})).toBe(10_000);
    expect(webhookConnector.retrySafe).toBe(true);
  });

  it('POSTs the reply signed with the source secret, webhook-id = idempotencyKey', async () => {
    const result = await webhookConnector.reply!(ctx(), req());
    expect(result).toEqual({ externalId: 'receiver-reply-1', url: `${receiver.baseUrl}/replies/1` });

    const [d] = receiver.deliveries;
    expect(receiver.deliveries).toHaveLength(1);
    expect(d!.path).toBe('/hooks/dengar');
    expect(d!.json).toEqual({
      type: 'reply',
      mentionExternalId: 'form-1',
      body: 'Sorry about that! We have sent a new order.',
      idempotencyKey: 'reply-key-1',
    });
    expect(d!.id).toBe('reply-key-1');
    expect(d!.timestamp).toBe(String(NOW.getTime() / 1000));
    // Checked independently of our own verifier.
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const expected = createHmac('sha256', key).update(`reply-key-1.${d!.timestamp}.${d!.body}`).digest('base64');
    expect(d!.signature).toBe(`v1,${expected}`);
    expect(d!.verification).toEqual({ ok: true });
  });

  it('a retry with the same key is deduplicated by the receiver and yields the same reply', async () => {
    const first = await webhookConnector.reply!(ctx(), req({}, 'same-key'));
    const again = await webhookConnector.reply!(ctx(), req({}, 'same-key'));
    expect(again).toEqual(first);
    expect(receiver.deliveries.map((d) => d.duplicate)).toEqual([false, true]);
    expect(receiver.accepted).toHaveLength(1);
  });

  it('refuses a loopback replyWebhookUrl unless allowPrivateReplyUrls is set', async () => {
    const err = await webhookConnector.reply!(ctx({ allowPrivateReplyUrls: false }), req()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect((err as ConnectorError).kind).toBe('config');
    expect((err as ConnectorError).message).toMatch(/private/);
    const err2 = await webhookConnector.reply!(ctx({ allowPrivateReplyUrls: undefined }), req()).catch(
      (e: unknown) => e,
    );
    expect((err2 as ConnectorError).kind).toBe('config');
    expect(receiver.requests).toHaveLength(0);
  });

  it('without a replyWebhookUrl (or secret) the reply is a config error, so it becomes manual', async () => {
    const noUrl = await webhookConnector.reply!(ctx(), req({ replyWebhookUrl: null })).catch((e: unknown) => e);
    expect((noUrl as ConnectorError).kind).toBe('config');
    const badUrl = await webhookConnector.reply!(ctx(), req({ replyWebhookUrl: 'ftp://x.example/' })).catch(
      (e: unknown) => e,
    );
    expect((badUrl as ConnectorError).kind).toBe('config');
    const noSecret = await webhookConnector.reply!(ctx({ webhookSecret: undefined }), req()).catch((e: unknown) => e);
    expect((noSecret as ConnectorError).kind).toBe('config');
    expect(receiver.requests).toHaveLength(0);
  });

  it('maps receiver failures: 429 → rate_limited with retryAt, 5xx → unavailable, 401 → auth', async () => {
    receiver.failNext(1, { status: 429, headers: { 'retry-after': '30' }, body: { error: 'slow down' } });
    const limited = (await webhookConnector.reply!(ctx(), req()).catch((e: unknown) => e)) as ConnectorError;
    expect(limited.kind).toBe('rate_limited');
    expect(limited.retryAt).toEqual(new Date(NOW.getTime() + 30_000));

    receiver.failNext(1, { status: 503, body: 'maintenance' });
    const down = (await webhookConnector.reply!(ctx(), req()).catch((e: unknown) => e)) as ConnectorError;
    expect(down.kind).toBe('unavailable');
    expect(down.status).toBe(503);

    // A receiver that cannot verify our signature (wrong secret) answers 401.
    receiver.secret = generateWebhookSecret();
    try {
      const refused = (await webhookConnector.reply!(ctx(), req()).catch((e: unknown) => e)) as ConnectorError;
      expect(refused.kind).toBe('auth');
    } finally {
      receiver.secret = secret;
    }
  });

  it('does not follow a redirect (it could lead past the private-address check)', async () => {
    receiver.failNext(1, { status: 302, headers: { location: `${receiver.baseUrl}/elsewhere` } });
    const err = (await webhookConnector.reply!(ctx(), req()).catch((e: unknown) => e)) as ConnectorError;
    expect(err.kind).toBe('rejected');
    expect(err.status).toBe(302);
    expect(receiver.requests.map((r) => r.path)).toEqual(['/hooks/dengar']);
  });
});

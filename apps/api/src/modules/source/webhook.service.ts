import { WEBHOOK_MAX_BYTES, WEBHOOK_MAX_MENTIONS, WebhookBodySchema, type WebhookResult } from '@dengar/contracts';
import { Injectable } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import { AppException, ErrorCode, NotFoundException, ValidationException } from '../../common/app.exception.js';
import { zodFields } from '../../common/http-exception.filter.js';
import { IngestService } from '../ingest/ingest.service.js';
import type { PulledMention } from './connectors/connector.js';
import { parseWebhookMentions } from './connectors/webhook.connector.js';
import { isPrivateUrl, memoisedLookup } from './reply-url-guard.js';
import { SourceRepository } from './source.repository.js';
import { SourceService } from './source.service.js';
import { verifyWebhook } from './webhook-signature.js';

const header = (h: IncomingHttpHeaders, name: string) => {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
};

/** Inbound webhooks (SPEC §4): signature first, then the envelope, then each item on its own. */
@Injectable()
export class WebhookService {
  constructor(
    private readonly sources: SourceRepository,
    private readonly service: SourceService,
    private readonly ingest: IngestService,
  ) {}

  async receive(
    id: string,
    headers: IncomingHttpHeaders,
    rawBody: Buffer | undefined,
    body: unknown,
  ): Promise<WebhookResult> {
    const source = await this.sources.findById(id);
    if (!source || source.kind !== 'webhook') throw new NotFoundException('Webhook source');
    if (!source.enabled) throw new AppException(ErrorCode.Conflict, 'This webhook source is disabled');
    if (!rawBody) throw new ValidationException([{ path: '(body)', message: 'expected a JSON body' }]);
    if (rawBody.length > WEBHOOK_MAX_BYTES) throw tooLarge('the body is over 1 MB');

    const secrets = this.service.cipher.open(source.secrets);
    const valid = [secrets.webhookSecret];
    if (typeof secrets.previousUntil === 'number' && secrets.previousUntil > Date.now()) {
      valid.push(secrets.previousWebhookSecret);
    }
    const check = verifyWebhook(
      valid.filter((s): s is string => typeof s === 'string'),
      {
        id: header(headers, 'webhook-id'),
        timestamp: header(headers, 'webhook-timestamp'),
        signature: header(headers, 'webhook-signature'),
      },
      rawBody,
      new Date(),
    );
    if (!check.ok) {
      const message =
        check.reason === 'stale timestamp'
          ? 'webhook-timestamp is more than 5 minutes off'
          : check.reason === 'missing headers'
            ? 'webhook-id, webhook-timestamp and webhook-signature headers are required'
            : 'webhook-signature does not match';
      throw new AppException(ErrorCode.Unauthenticated, message);
    }

    const envelope = WebhookBodySchema.safeParse(body);
    if (!envelope.success) throw new ValidationException(zodFields(envelope.error));
    if (envelope.data.mentions.length > WEBHOOK_MAX_MENTIONS) {
      throw tooLarge(`at most ${WEBHOOK_MAX_MENTIONS} mentions per delivery`);
    }
    const rejected: WebhookResult['rejected'] = [];
    const mentions: PulledMention[] = [];
    const allowPrivate = source.config.allowPrivateReplyUrls === true;
    const resolve = memoisedLookup();
    // Item by item, so each rejection keeps the index the sender used.
    for (const [index, item] of envelope.data.mentions.entries()) {
      const parsed = parseWebhookMentions([item]);
      const m = parsed.mentions[0];
      if (!m) {
        rejected.push({ index, reason: parsed.rejected[0]?.reason ?? 'invalid mention' });
      } else if (m.replyWebhookUrl && !allowPrivate && (await isPrivateUrl(m.replyWebhookUrl, resolve))) {
        rejected.push({ index, reason: 'replyWebhookUrl points to a loopback or private address' });
      } else {
        mentions.push(m);
      }
    }
    return this.ingest.ingestWebhook(source, header(headers, 'webhook-id')!, mentions, rejected);
  }
}

function tooLarge(message: string) {
  return new AppException(ErrorCode.PayloadTooLarge, `Payload too large: ${message}`);
}

import {
  CreateSourceRequestSchema,
  ROOM,
  SOURCE_SECRET_KEYS,
  SourceConfigSchemas,
  sourceConfigProblems,
  type CreateSourceRequest,
  type Page,
  type PageQuery,
  type Source,
  type SourceKind,
  type UpdateSourceRequest,
} from '@dengar/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  AppException,
  ErrorCode,
  isUniqueViolation,
  NotFoundException,
  ValidationException,
} from '../../common/app.exception.js';
import { DomainEvents } from '../../common/domain-events.js';
import { zodFields } from '../../common/http-exception.filter.js';
import { decodeCursor, toPage } from '../../common/pagination.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { EventLog, event } from '../event/event-log.service.js';
import { DEFAULT_POLL_INTERVAL, isPolled } from './connector-registry.js';
import { CredentialCipher } from './credential-cipher.js';
import type { SourceEntity } from './source.entity.js';
import { SourceRepository, type HealthRow } from './source.repository.js';
import { generateWebhookSecret } from './webhook-signature.js';

const nameTaken = () =>
  new AppException(ErrorCode.Conflict, 'A source with this name already exists', {
    fields: [{ path: 'name', message: 'is already taken' }],
  });

export const POLL_QUEUE = 'source-poll';

/** Splits a kind's config into what may be shown and the credentials that are sealed. */
function split(kind: SourceKind, config: Record<string, unknown>) {
  const secretKeys = SOURCE_SECRET_KEYS[kind];
  const open: Record<string, unknown> = {};
  const secrets: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(config)) {
    if (v === undefined) continue;
    if (secretKeys.includes(k)) secrets[k] = v;
    else open[k] = v;
  }
  return { open, secrets };
}

function validateConfig(kind: SourceKind, config: Record<string, unknown>): Record<string, unknown> {
  const parsed = (SourceConfigSchemas[kind] as z.ZodType<Record<string, unknown>>).safeParse(config);
  if (!parsed.success) {
    throw new ValidationException(zodFields(parsed.error).map((f) => ({ ...f, path: `config.${f.path}` })));
  }
  const problems = sourceConfigProblems(kind, parsed.data);
  if (problems.length) throw new ValidationException(problems.map(([path, message]) => ({ path, message })));
  return parsed.data;
}

@Injectable()
export class SourceService {
  readonly cipher: CredentialCipher;

  constructor(
    private readonly sources: SourceRepository,
    private readonly domain: DomainEvents,
    private readonly log: EventLog,
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cipher = new CredentialCipher(config.secret);
  }

  toSource(s: SourceEntity, health?: HealthRow, reasons: { reason: string; count: number }[] = []): Source {
    const secrets = Object.keys(this.cipher.open(s.secrets)).filter((k) => SOURCE_SECRET_KEYS[s.kind].includes(k));
    return {
      id: s.id,
      kind: s.kind,
      name: s.name,
      config: s.config,
      secretsSet: secrets.sort(),
      pollIntervalSec: s.pollIntervalSec,
      backfillLimit: s.backfillLimit,
      enabled: s.enabled,
      cursor: s.cursor ?? null,
      status: s.status,
      lastPolledAt: s.lastPolledAt?.toISOString() ?? null,
      nextPollAt: s.enabled && isPolled(s.kind) ? (s.nextPollAt?.toISOString() ?? null) : null,
      lastError: s.lastError,
      webhookUrl: s.kind === 'webhook' ? `/api/sources/${s.id}/webhook` : null,
      health: {
        ingested24h: health?.ingested ?? 0,
        duplicates24h: health?.duplicates ?? 0,
        skipped24h: health?.skipped ?? 0,
        skipReasons: reasons,
      },
      createdAt: s.createdAt.toISOString(),
      updatedAt: s.updatedAt.toISOString(),
    };
  }

  async list(q: PageQuery): Promise<Page<Source>> {
    const after = decodeCursor(q.cursor, 2) as [string, string] | undefined;
    const rows = await this.sources.list(q.limit, after);
    const ids = rows.map((r) => r.id);
    const [health, reasons] = await Promise.all([this.sources.health(ids), this.sources.skipReasons(ids)]);
    return toPage(
      rows,
      q.limit,
      (s) => this.toSource(s, health.get(s.id), reasons.get(s.id)),
      (s) => [s.name, s.id],
    );
  }

  async get(id: string): Promise<Source> {
    const s = await this.sources.findById(id);
    if (!s) throw new NotFoundException('Source');
    const [health, reasons] = await Promise.all([this.sources.health([id]), this.sources.skipReasons([id])]);
    return this.toSource(s, health.get(id), reasons.get(id));
  }

  async create(input: CreateSourceRequest): Promise<Source & { webhookSecret?: string }> {
    const req = CreateSourceRequestSchema.parse(input);
    const config = validateConfig(req.kind, req.config);
    const { open, secrets } = split(req.kind, config);
    const webhookSecret = req.kind === 'webhook' ? generateWebhookSecret() : undefined;
    if (webhookSecret) secrets.webhookSecret = webhookSecret;
    let id: string;
    try {
      id = await this.sources.insert({
        kind: req.kind,
        name: req.name,
        config: open,
        secrets: Object.keys(secrets).length ? this.cipher.seal(secrets) : null,
        pollIntervalSec: req.pollIntervalSec ?? DEFAULT_POLL_INTERVAL[req.kind],
        backfillLimit: req.backfillLimit,
        enabled: req.enabled,
        status: req.enabled ? 'ok' : 'disabled',
        nextPollAt: req.enabled && isPolled(req.kind) ? new Date() : null,
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw nameTaken();
      throw e;
    }
    this.domain.emit('source.changed', { sourceId: id });
    return { ...(await this.get(id)), ...(webhookSecret ? { webhookSecret } : {}) };
  }

  /**
   * Config is merged: keys left out keep their value (credentials included), `null` removes one. Changing
   * config or re-enabling clears an error.
   */
  async update(id: string, input: UpdateSourceRequest): Promise<Source> {
    const current = await this.sources.findById(id);
    if (!current) throw new NotFoundException('Source');
    const data: Partial<SourceEntity> = {};
    if (input.name !== undefined) data.name = input.name;
    if (input.pollIntervalSec !== undefined) data.pollIntervalSec = input.pollIntervalSec;
    if (input.backfillLimit !== undefined) data.backfillLimit = input.backfillLimit;
    if (input.config !== undefined) {
      const stored = this.cipher.open(current.secrets);
      const { webhookSecret, previousWebhookSecret, previousUntil, ...storedSecrets } = stored;
      // `null` clears an optional key (a query, a subreddit list, a stored credential).
      const patched: Record<string, unknown> = { ...current.config, ...storedSecrets, ...input.config };
      for (const [k, v] of Object.entries(input.config)) if (v === null) delete patched[k];
      const merged = validateConfig(current.kind, patched);
      const { open, secrets } = split(current.kind, merged);
      Object.assign(
        secrets,
        webhookSecret === undefined ? {} : { webhookSecret, previousWebhookSecret, previousUntil },
      );
      data.config = open;
      data.secrets = Object.keys(secrets).length ? this.cipher.seal(secrets) : null;
      // New credentials (a refreshed token no longer matches them) start a new connector session.
      data.state = null;
    }
    const enabled = input.enabled ?? current.enabled;
    if (input.enabled !== undefined || input.config !== undefined) {
      data.enabled = enabled;
      data.status = enabled ? 'ok' : 'disabled';
      data.failures = 0;
      data.lastError = null;
      data.nextPollAt = enabled && isPolled(current.kind) ? new Date() : null;
    }
    try {
      await this.ds.transaction(async (em) => {
        await this.sources.update(id, data, em);
        if (data.status && data.status !== current.status) {
          await this.log.record(em, [event('source.updated', [ROOM.managers], { sourceId: id, status: data.status })]);
        }
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw nameTaken();
      throw e;
    }
    this.domain.emit('source.changed', { sourceId: id });
    return this.get(id);
  }

  /** A source with mentions is history the insights need: disable it instead. */
  async remove(id: string): Promise<void> {
    if (!(await this.sources.findById(id))) throw new NotFoundException('Source');
    if (await this.sources.hasMentions(id)) {
      throw new AppException(ErrorCode.Conflict, 'This source has mentions; disable it instead of deleting it', {
        fields: [{ path: 'id', message: 'has mentions' }],
      });
    }
    await this.sources.delete(id);
    this.domain.emit('source.changed', { sourceId: id });
  }

  async rotateWebhookSecret(id: string): Promise<{ webhookSecret: string }> {
    const s = await this.sources.findById(id);
    if (!s) throw new NotFoundException('Source');
    if (s.kind !== 'webhook') {
      throw new AppException(ErrorCode.Unprocessable, 'Only webhook sources have a webhook secret');
    }
    const webhookSecret = generateWebhookSecret();
    const stored = this.cipher.open(s.secrets);
    // The old secret keeps verifying for a day, so the sender can switch without losing deliveries.
    const secrets = {
      ...stored,
      webhookSecret,
      previousWebhookSecret: stored.webhookSecret,
      previousUntil: Date.now() + 24 * 3600 * 1000,
    };
    await this.sources.update(id, { secrets: this.cipher.seal(secrets) });
    return { webhookSecret };
  }

  /** Decrypted config (credentials included) for the connector; never leaves the server. */
  fullConfig(s: SourceEntity): Record<string, unknown> {
    return { ...s.config, ...this.cipher.open(s.secrets) };
  }
}

import { randomUUID } from 'node:crypto';
import { ROOM, type SourceStatus } from '@dengar/contracts';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppException, ErrorCode, NotFoundException } from '../../common/app.exception.js';
import { JobsService } from '../../jobs/jobs.service.js';
import { EventLog, event } from '../event/event-log.service.js';
import { IngestService, LeaseLostError } from '../ingest/ingest.service.js';
import { CONNECTORS, isPolled } from './connector-registry.js';
import { ConnectorError, type PullContext } from './connectors/connector.js';
import type { SourceEntity } from './source.entity.js';
import { SourceRepository } from './source.repository.js';
import { POLL_QUEUE, SourceService } from './source.service.js';

/** How often each instance looks for due sources. The database decides who polls; this only enqueues. */
const TICK_MS = 2_000;
/** Pages one poll commits before yielding to other sources (the rest follows on the next run). */
const MAX_PAGES = 10;
const MAX_BACKOFF_SEC = 3600;
const AUTH_RETRY_SEC = 1800;

/** Exponential with full jitter (AWS's advice), capped. */
export function backoffSeconds(interval: number, failures: number, random = Math.random): number {
  const cap = Math.min(MAX_BACKOFF_SEC, Math.max(interval, 30) * 2 ** Math.min(failures, 10));
  return Math.max(5, Math.round(cap / 2 + (random() * cap) / 2));
}

/**
 * The source's interval, stretched when the platform asks for fewer polls (a feed's `<ttl>`, kept by the
 * connector as `minIntervalSec` in its cursor), at most a day.
 */
export function nextInterval(pollIntervalSec: number, cursor: unknown): number {
  const hint = (cursor as { minIntervalSec?: unknown } | null)?.minIntervalSec;
  const min = typeof hint === 'number' && Number.isFinite(hint) ? Math.min(hint, 86_400) : 0;
  return Math.max(pollIntervalSec, min);
}

export interface PollOutcome {
  status: SourceStatus;
  pages: number;
  accepted: number;
  duplicates: number;
  skipped: number;
  error?: string;
}

/**
 * Polling (SPEC §4, STYLE rule 9): a scheduler tick on every instance claims due sources with SKIP LOCKED and
 * enqueues one pg-boss job per source (a `stately` queue: at most one queued and one running per source);
 * a worker takes the source's lease (a fencing token every page's commit re-checks), pulls pages and hands
 * each to ingestion. A poll that dies is recovered when its lease lapses and pg-boss expires the job.
 * A failing platform only pushes its own source's next poll out.
 */
@Injectable()
export class SourcePoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SourcePoller');
  private timer?: NodeJS.Timeout;
  private ticking = false;
  private stopped = false;

  constructor(
    private readonly sources: SourceRepository,
    private readonly service: SourceService,
    private readonly ingest: IngestService,
    private readonly jobs: JobsService,
    private readonly log: EventLog,
    @InjectDataSource() private readonly ds: DataSource,
  ) {
    jobs.worker<{ sourceId: string }>(
      POLL_QUEUE,
      { concurrency: 4, expireInSeconds: 300, pollingIntervalSeconds: 2, policy: 'stately' },
      async ({ sourceId }) => {
        await this.poll(sourceId);
      },
    );
    jobs.every('source-maintenance', '*/15 * * * *', () => this.sources.prune());
  }

  onApplicationBootstrap() {
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  onApplicationShutdown() {
    this.stopped = true;
    clearInterval(this.timer);
  }

  async tick(): Promise<void> {
    if (this.ticking || this.stopped) return;
    this.ticking = true;
    try {
      for (const id of await this.sources.claimDue(50)) await this.jobs.send(POLL_QUEUE, { sourceId: id }, id);
    } catch (err) {
      this.logger.warn({ err }, 'poll scheduler tick failed');
    } finally {
      this.ticking = false;
    }
  }

  /** `POST /api/sources/:id/poll`: due now, queued now (a worker picks it up within about a second). */
  async pollSoon(id: string): Promise<{ sourceId: string; queued: boolean }> {
    const s = await this.sources.findById(id);
    if (!s) throw new NotFoundException('Source');
    if (!isPolled(s.kind)) {
      throw new AppException(ErrorCode.Unprocessable, 'Webhook sources are pushed to, not polled');
    }
    if (!s.enabled) throw new AppException(ErrorCode.Unprocessable, 'The source is disabled; enable it first');
    await this.sources.update(id, { nextPollAt: new Date() });
    const job = await this.jobs.send(POLL_QUEUE, { sourceId: id }, id);
    return { sourceId: id, queued: job !== null };
  }

  /** One poll of one source, under its lease. Returns null when another worker holds the lease. */
  async poll(sourceId: string): Promise<PollOutcome | null> {
    const token = randomUUID();
    const source = await this.sources.acquireLease(sourceId, token);
    if (!source) return null;
    const connector = CONNECTORS[source.kind];
    const outcome: PollOutcome = { status: 'ok', pages: 0, accepted: 0, duplicates: 0, skipped: 0 };
    let state = this.service.cipher.open(source.state);
    let cursor = source.cursor ?? null;
    try {
      for (let more = true; more && outcome.pages < MAX_PAGES;) {
        const ctx: PullContext = {
          config: this.service.fullConfig(source),
          cursor,
          backfillLimit: source.backfillLimit,
          state,
          saveState: async (next) => {
            state = next;
            await this.sources.update(source.id, { state: this.service.cipher.seal(next) });
          },
          known: (ids) => this.known(source.id, ids),
          fetch: globalThis.fetch,
          now: () => new Date(),
        };
        const page = await connector.pull(ctx);
        const counts = await this.ingest.ingestPage(source, { ...page, cursor: page.cursor }, token);
        cursor = page.cursor ?? null;
        outcome.pages++;
        outcome.accepted += counts.accepted;
        outcome.duplicates += counts.duplicates;
        outcome.skipped += counts.skipped;
        more = page.more;
      }
      await this.finish(source, token, {
        status: 'ok',
        failures: 0,
        lastError: null,
        nextPollAt: new Date(Date.now() + nextInterval(source.pollIntervalSec, cursor) * 1000),
      });
    } catch (err) {
      if (err instanceof LeaseLostError) {
        this.logger.warn({ sourceId }, err.message);
        return outcome;
      }
      const failure = this.failure(source, err);
      outcome.status = failure.status;
      outcome.error = failure.lastError;
      await this.finish(source, token, failure);
    }
    return outcome;
  }

  private failure(source: SourceEntity, err: unknown) {
    const failures = source.failures + 1;
    if (err instanceof ConnectorError) {
      switch (err.kind) {
        case 'rate_limited':
        case 'unavailable': {
          const at = err.retryAt?.getTime();
          // The platform's own reset time plus a little jitter; else exponential back-off.
          const next =
            at && at > Date.now()
              ? at + Math.round(Math.random() * 3000)
              : Date.now() + backoffSeconds(source.pollIntervalSec, failures) * 1000;
          return { status: 'backoff' as const, failures, lastError: err.message, nextPollAt: new Date(next) };
        }
        case 'auth':
        case 'config':
        case 'rejected':
          return {
            status: 'error' as const,
            failures,
            lastError: err.message,
            nextPollAt: new Date(Date.now() + Math.max(source.pollIntervalSec, AUTH_RETRY_SEC) * 1000),
          };
      }
    }
    this.logger.error({ err, sourceId: source.id }, 'poll failed');
    const message = err instanceof Error ? err.message : String(err);
    return {
      status: 'backoff' as const,
      failures,
      lastError: `Unexpected error while polling: ${message.slice(0, 300)}`,
      nextPollAt: new Date(Date.now() + backoffSeconds(source.pollIntervalSec, failures) * 1000),
    };
  }

  private async finish(
    source: SourceEntity,
    token: string,
    data: { status: SourceStatus; failures: number; lastError: string | null; nextPollAt: Date },
  ) {
    const released = await this.sources.releaseLease(source.id, token, { ...data, lastPolledAt: new Date() });
    // Every finished poll tells the Sources screen (health counts, last/next poll) — one event per poll.
    if (released) {
      await this.ds.transaction((em) =>
        this.log.record(em, [event('source.updated', [ROOM.managers], { sourceId: source.id, status: data.status })]),
      );
    }
  }

  private async known(sourceId: string, ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await this.ds.query<{ externalId: string }[]>(
      'SELECT external_id AS "externalId" FROM mentions WHERE source_id = $1 AND external_id = ANY($2::text[])',
      [sourceId, ids],
    );
    return new Set(rows.map((r) => r.externalId));
  }
}

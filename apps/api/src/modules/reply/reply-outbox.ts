import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobsService } from '../../jobs/jobs.service.js';
import { EventLog, type PendingEvent } from '../event/event-log.service.js';
import { CONNECTORS } from '../source/connector-registry.js';
import {
  ConnectorError,
  type ReplyContext,
  type ReplyRequest,
  type ReplyResult,
} from '../source/connectors/connector.js';
import type { SourceEntity } from '../source/source.entity.js';
import { SourceService } from '../source/source.service.js';
import { TicketRepository } from '../ticket/ticket.repository.js';
import {
  DELIVERY_UNKNOWN,
  planAfterError,
  provesNotPosted,
  unknownOutcomePlan,
  type ErrorPlan,
} from './reply-policy.js';
import { ReplyRepository, type ReplyRow, type ReplyUpdate } from './reply.repository.js';
import { REPLY_QUEUE, ReplyService, replyTarget, replyUpdated } from './reply.service.js';

/** How long one attempt owns a reply; a worker that died is presumed dead after this and the reply is taken over. */
export const REPLY_LEASE_SECONDS = 180;
/** Every call of one attempt is cut off before its lease ends, so two attempts never overlap. */
const ATTEMPT_TIMEOUT_MS = 150_000;
/** The sweeper: retries whose time has come, and replies whose worker died (crash recovery). */
const SWEEP_MS = 2_000;

/**
 * The reply outbox (SPEC §6, STYLE rule 9). A sweeper on every instance only enqueues due replies (a stately
 * pg-boss queue keyed by reply: one queued, one running); a job sends one reply. Each attempt first claims the
 * reply in its own committed transaction (`sending`, attempts + 1, a lease), then calls the platform, then
 * records the outcome fenced by that attempt. A reply found still `sending` was left by an attempt whose outcome
 * is unknown: it is posted again only where the platform makes that safe, or after the connector looked and did
 * not find it; otherwise it fails with "delivery unknown — check the post".
 */
@Injectable()
export class ReplyOutbox implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReplyOutbox');
  private timer?: NodeJS.Timeout;
  private sweeping = false;
  private stopped = false;

  constructor(
    private readonly replies: ReplyRepository,
    private readonly service: ReplyService,
    private readonly tickets: TicketRepository,
    private readonly sources: SourceService,
    private readonly log: EventLog,
    private readonly jobs: JobsService,
    @InjectDataSource() private readonly ds: DataSource,
  ) {
    jobs.worker<{ replyId: string }>(
      REPLY_QUEUE,
      { concurrency: 4, expireInSeconds: REPLY_LEASE_SECONDS + 60, pollingIntervalSeconds: 2, policy: 'stately' },
      async ({ replyId }) => {
        await this.send(replyId);
      },
    );
  }

  onApplicationBootstrap() {
    this.timer = setInterval(() => void this.sweep(), SWEEP_MS);
    this.timer.unref();
  }

  onApplicationShutdown() {
    this.stopped = true;
    clearInterval(this.timer);
  }

  async sweep(): Promise<void> {
    if (this.sweeping || this.stopped) return;
    this.sweeping = true;
    try {
      for (const id of await this.replies.due(100)) await this.jobs.send(REPLY_QUEUE, { replyId: id }, id);
    } catch (err) {
      this.logger.warn({ err }, 'reply outbox sweep failed');
    } finally {
      this.sweeping = false;
    }
  }

  /** One attempt at one reply. Does nothing when the reply is not due (another attempt holds it, or it is done). */
  async send(replyId: string): Promise<void> {
    const claimed = await this.claim(replyId);
    if (!claimed) return;
    const { row, wasSending } = claimed;
    const mention = row.inReplyToMentionId ? await this.replies.target(null, row.inReplyToMentionId) : null;
    const source = mention ? await this.replies.source(mention.sourceId) : null;
    if (!mention || !source) {
      await this.finish(row, { status: 'failed', error: 'The post this reply answers no longer exists' });
      return;
    }
    const connector = CONNECTORS[source.kind];
    const req: ReplyRequest = { body: row.body, idempotencyKey: row.idempotencyKey, target: replyTarget(mention) };
    // Until proven otherwise, an earlier attempt that left the reply `sending` may have posted it.
    let earlierUnknown = wasSending;
    try {
      const post = connector.reply?.bind(connector);
      if (!post) throw new ConnectorError('config', 'This source cannot take replies; post it by hand');
      const ctx = this.context(source);
      let result: ReplyResult | null = null;
      if (wasSending) {
        switch (unknownOutcomePlan(connector)) {
          case 'give_up':
            await this.finish(row, { status: 'failed', error: DELIVERY_UNKNOWN });
            return;
          case 'find':
            result = (await connector.findReply?.(ctx, req)) ?? null;
            break;
          case 'resend':
            break;
        }
        earlierUnknown = false;
      }
      result ??= await post(ctx, req);
      await this.recordSent(row, result);
    } catch (err) {
      const plan = planAfterError(err, {
        attempts: row.attempts,
        retrySafe: connector.retrySafe,
        outcomeUnknown: earlierUnknown || !provesNotPosted(err),
        now: new Date(),
      });
      this.logFailure(err, row, plan);
      await this.finish(row, plan);
    }
  }

  private async claim(replyId: string): Promise<{ row: ReplyRow; wasSending: boolean } | null> {
    return this.ds.transaction(async (em) => {
      const current = await this.replies.lockForClaim(em, replyId);
      if (!current || !current.due || (current.status !== 'queued' && current.status !== 'sending')) return null;
      const row = await this.replies.markSending(em, replyId, REPLY_LEASE_SECONDS);
      const ticket = current.status === 'queued' ? await this.replies.ticketRef(em, row.ticketId) : null;
      if (ticket) await this.log.record(em, [replyUpdated(ticket, row)]);
      return { row, wasSending: current.status === 'sending' };
    });
  }

  private context(source: SourceEntity): ReplyContext {
    let config: Record<string, unknown>;
    let state: Record<string, unknown>;
    try {
      config = this.sources.fullConfig(source);
      state = this.sources.cipher.open(source.state);
    } catch {
      throw new ConnectorError(
        'config',
        "The source's credentials cannot be decrypted (was DENGAR_SECRET changed?): enter them again in Settings → Sources",
      );
    }
    return {
      config,
      state,
      saveState: async (next) => {
        state = next;
        await this.replies.saveSourceState(source.id, this.sources.cipher.seal(next));
      },
      fetch: globalThis.fetch,
      now: () => new Date(),
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    };
  }

  /** Sent: the reply, the ticket (first response, `new` → `open`, `replied`) and their live events at once. */
  private async recordSent(row: ReplyRow, result: ReplyResult): Promise<void> {
    await this.ds.transaction(async (em) => {
      // The ticket first, like every other writer of replies (create, retry): one lock order.
      const [ticket] = await this.tickets.lock(em, [row.ticketId]);
      const sent = await this.replies.finishAttempt(em, row.id, row.attempts, {
        status: 'sent',
        error: null,
        externalId: result.externalId.slice(0, 512),
        externalUrl: result.url,
        sentAt: new Date(),
      });
      if (!sent || !ticket) {
        this.logger.warn({ replyId: row.id }, 'a reply was sent after its attempt was taken over');
        return;
      }
      const events: PendingEvent[] = [];
      const after = await this.service.recordResponse(em, ticket, sent, events);
      events.push(replyUpdated(after, sent));
      await this.log.record(em, events);
    });
  }

  private async finish(row: ReplyRow, plan: Omit<ErrorPlan, 'nextAttemptAt'> & { nextAttemptAt?: Date | null }) {
    const update: ReplyUpdate = { status: plan.status, error: plan.error, nextAttemptAt: plan.nextAttemptAt ?? null };
    await this.ds.transaction(async (em) => {
      const next = await this.replies.finishAttempt(em, row.id, row.attempts, update);
      const ticket = next ? await this.replies.ticketRef(em, row.ticketId) : null;
      if (next && ticket) await this.log.record(em, [replyUpdated(ticket, next)]);
    });
  }

  private logFailure(err: unknown, row: ReplyRow, plan: ErrorPlan) {
    const ctx = { replyId: row.id, attempt: row.attempts, next: plan.status, nextAttemptAt: plan.nextAttemptAt };
    if (err instanceof ConnectorError)
      this.logger.warn({ ...ctx, kind: err.kind, error: err.message }, 'reply attempt failed');
    else this.logger.error({ ...ctx, err }, 'reply attempt failed unexpectedly');
  }
}

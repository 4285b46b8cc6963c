import { randomUUID } from 'node:crypto';
import type { CreateReplyRequest, CreateReplyResult, Reply } from '@dengar/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../../common/principal.js';
import { JobsService } from '../../jobs/jobs.service.js';
import { EventLog, event, type PendingEvent } from '../event/event-log.service.js';
import { CONNECTORS } from '../source/connector-registry.js';
import type { ReplyTarget } from '../source/connectors/connector.js';
import { ticketRooms } from '../ticket/ticket-rooms.js';
import { TicketNotFoundException } from '../ticket/ticket.exception.js';
import { TicketRepository, type TicketEventInput, type TicketRow } from '../ticket/ticket.repository.js';
import { TicketWriter } from '../ticket/ticket-writer.js';
import { PLATFORM_LABEL, replyChannelLimit, replyLength } from './reply-policy.js';
import {
  NothingToAnswerException,
  ReplyMentionException,
  ReplyNotFailedException,
  ReplyNotFoundException,
  ReplyTooLongException,
  TicketClosedForRepliesException,
} from './reply.exception.js';
import { ReplyRepository, toReply, type ReplyRow, type ReplyTargetRow } from './reply.repository.js';

/** The outbox's job queue: one job per reply attempt. */
export const REPLY_QUEUE = 'reply-send';

export const replyTarget = (m: ReplyTargetRow): ReplyTarget => ({
  externalId: m.externalId,
  url: m.url,
  authorHandle: m.authorHandle,
  threadExternalId: m.threadExternalId,
  language: m.language,
  replyWebhookUrl: m.replyWebhookUrl,
  ...(m.replyContext ? { replyContext: m.replyContext } : {}),
});

/**
 * Replies (SPEC §6): checked against the platform's limit, stored, and sent through the outbox (or made
 * `manual` where the source has no reply channel). Every status change writes `reply.updated` in its
 * transaction; the ticket hears about a reply once it is sent (or handed over as manual).
 */
@Injectable()
export class ReplyService {
  private readonly logger = new Logger('ReplyService');

  constructor(
    private readonly replies: ReplyRepository,
    private readonly tickets: TicketRepository,
    private readonly writer: TicketWriter,
    private readonly log: EventLog,
    private readonly jobs: JobsService,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  async create(actor: Principal, ticketId: string, input: CreateReplyRequest): Promise<CreateReplyResult> {
    const { reply, typists } = await this.ds.transaction(async (em) => {
      const ticket = await this.tickets.findVisible(em, actor, ticketId, { lock: true });
      if (!ticket) throw new TicketNotFoundException();
      if (ticket.status === 'closed') throw new TicketClosedForRepliesException();
      const mention = await this.replies.targetOnTicket(em, ticket.id, input.inReplyToMentionId);
      if (!mention) {
        if (input.inReplyToMentionId) throw new ReplyMentionException();
        throw new NothingToAnswerException();
      }
      const source = await this.replies.source(mention.sourceId);
      const connector = CONNECTORS[mention.sourceKind];
      const target = replyTarget(mention);
      // The limit needs no credentials (only the open config), so a bad secret never blocks writing a reply.
      const limit = replyChannelLimit(mention.sourceKind, connector, source?.config ?? {}, target);
      if (limit !== null) {
        const text = connector.replyText?.({ body: input.body, target }) ?? input.body;
        const length = replyLength(mention.sourceKind, text);
        if (length > limit) {
          const prefix =
            text.endsWith(input.body) && text !== input.body ? text.slice(0, -input.body.length).trim() : '';
          throw new ReplyTooLongException(length, limit, PLATFORM_LABEL[mention.sourceKind], prefix || undefined);
        }
      }
      const events: PendingEvent[] = [];
      const inserted = await this.replies.insert(em, {
        ticketId: ticket.id,
        authorId: actor.userId,
        body: input.body,
        inReplyToMentionId: mention.mentionId,
        status: limit === null ? 'manual' : 'queued',
        idempotencyKey: randomUUID(),
      });
      // A manual reply is the agent's answer as soon as it is handed over: the ticket counts it as responded.
      const after = inserted.status === 'manual' ? await this.recordResponse(em, ticket, inserted, events) : ticket;
      events.push(replyUpdated(after, inserted));
      await this.log.record(em, events);
      return { reply: inserted, typists: await this.replies.typists(em, ticket.id, actor.userId) };
    });
    if (reply.status === 'queued') await this.enqueue(reply.id);
    return { ...toReply(reply), warning: typingWarning(typists) };
  }

  /** The UI's retry button: a `failed` reply back to `queued`, same idempotency key. */
  async retry(actor: Principal, ticketId: string, replyId: string): Promise<Reply> {
    const reply = await this.ds.transaction(async (em) => {
      const ticket = await this.tickets.findVisible(em, actor, ticketId, { lock: true });
      if (!ticket) throw new TicketNotFoundException();
      const current = await this.replies.lockOnTicket(em, ticket.id, replyId);
      if (!current) throw new ReplyNotFoundException();
      if (current.status !== 'failed') throw new ReplyNotFailedException(current.status);
      if (ticket.status === 'closed') throw new TicketClosedForRepliesException();
      const row = await this.replies.requeue(em, replyId);
      await this.log.record(em, [replyUpdated(ticket, row)]);
      return row;
    });
    await this.enqueue(reply.id);
    return toReply(reply);
  }

  /**
   * The ticket side of a reply that reached the customer (sent, or handed over as manual), in the caller's
   * transaction: the first response time, `new` → `open`, no longer waiting, the `replied` TicketEvent and
   * `ticket.updated`. Returns the ticket as it is now.
   */
  async recordResponse(
    em: EntityManager,
    ticket: TicketRow,
    reply: ReplyRow,
    events: PendingEvent[],
  ): Promise<TicketRow> {
    const now = new Date();
    const set: Record<string, unknown> = { last_activity_at: now, waiting_since: null };
    const changed = ['lastActivityAt'];
    if (ticket.waitingSince) changed.push('waitingSince');
    const ticketEvents: TicketEventInput[] = [
      {
        ticketId: ticket.id,
        type: 'replied',
        actorId: reply.authorId,
        data: { replyId: reply.id, status: reply.status },
      },
    ];
    if (!ticket.firstRespondedAt) {
      set.first_responded_at = now;
      changed.push('firstRespondedAt');
    }
    if (ticket.status === 'new') {
      set.status = 'open';
      changed.push('status');
      ticketEvents.unshift({
        ticketId: ticket.id,
        type: 'status_changed',
        actorId: reply.authorId,
        data: { from: 'new', to: 'open', reason: 'replied', replyId: reply.id },
      });
    }
    const after = await this.writer.update(em, ticket, set, { changed, events, ticketEvents });
    return after ?? ticket;
  }

  /** After commit: a worker takes it at once; if this fails, the outbox sweeper finds the reply anyway. */
  private async enqueue(replyId: string): Promise<void> {
    try {
      await this.jobs.send(REPLY_QUEUE, { replyId }, replyId);
    } catch (err) {
      this.logger.warn({ err, replyId }, 'could not enqueue a reply; the outbox sweeper will pick it up');
    }
  }
}

export const replyUpdated = (ticket: Pick<TicketRow, 'id' | 'teamId' | 'assigneeId'>, row: ReplyRow) =>
  event('reply.updated', ticketRooms(ticket), {
    ticketId: ticket.id,
    teamId: ticket.teamId,
    replyId: row.id,
    status: row.status,
    reply: toReply(row),
  });

function typingWarning(typists: { id: string; name: string }[]): CreateReplyResult['warning'] {
  if (!typists.length) return null;
  const names = typists.map((t) => t.name);
  const who = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return {
    code: 'concurrent_typing',
    message: `${who} ${names.length === 1 ? 'was' : 'were'} typing a reply`,
    userIds: typists.map((t) => t.id),
  };
}

import type { Reply, ReplyStatus, SourceKind } from '@dengar/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { returning, type Queryable } from '../../database/sql.js';
import { CONNECTORS } from '../source/connector-registry.js';
import { SourceEntity } from '../source/source.entity.js';

/** A reply with what its DTO needs from the mention it answers (the post to paste into, for `manual`). */
export interface ReplyRow {
  id: string;
  ticketId: string;
  authorId: string | null;
  body: string;
  inReplyToMentionId: string | null;
  status: ReplyStatus;
  externalId: string | null;
  externalUrl: string | null;
  error: string | null;
  attempts: number;
  idempotencyKey: string;
  nextAttemptAt: Date | null;
  sentAt: Date | null;
  createdAt: Date;
  sourceKind: SourceKind | null;
  mentionUrl: string | null;
  mentionAuthorHandle: string | null;
}

/** The columns of a ReplyRow; they read `REPLY_FROM`'s aliases (`r` the reply). */
export const REPLY_COLUMNS = `r.id, r.ticket_id AS "ticketId", r.author_id AS "authorId", r.body,
  r.in_reply_to_mention_id AS "inReplyToMentionId", r.status, r.external_id AS "externalId",
  r.external_url AS "externalUrl", r.error, r.attempts, r.idempotency_key AS "idempotencyKey",
  r.next_attempt_at AS "nextAttemptAt", r.sent_at AS "sentAt", r.created_at AS "createdAt",
  m.source_kind AS "sourceKind", m.url AS "mentionUrl", a.handle AS "mentionAuthorHandle"`;

export const REPLY_FROM = `FROM replies r LEFT JOIN mentions m ON m.id = r.in_reply_to_mention_id
  LEFT JOIN authors a ON a.id = m.author_id`;

const REPLY_SELECT = `SELECT ${REPLY_COLUMNS} ${REPLY_FROM}`;

/** The text to paste by hand: what the platform would have received (e.g. with Mastodon's `@acct` first). */
function manualText(r: ReplyRow): string {
  const connector = r.sourceKind ? CONNECTORS[r.sourceKind] : undefined;
  if (!connector?.replyText || !r.mentionAuthorHandle) return r.body;
  return connector.replyText({
    body: r.body,
    target: { externalId: '', url: r.mentionUrl, authorHandle: r.mentionAuthorHandle },
  });
}

export const toReply = (r: ReplyRow): Reply => ({
  id: r.id,
  ticketId: r.ticketId,
  authorId: r.authorId,
  body: r.body,
  inReplyToMentionId: r.inReplyToMentionId,
  status: r.status,
  externalId: r.externalId,
  externalUrl: r.externalUrl,
  error: r.error,
  attempts: r.attempts,
  manualText: r.status === 'manual' ? manualText(r) : null,
  postUrl: r.status === 'manual' ? r.mentionUrl : null,
  createdAt: r.createdAt.toISOString(),
  sentAt: r.sentAt?.toISOString() ?? null,
});

/** The mention a reply answers, with what a connector needs to post under it. */
export interface ReplyTargetRow {
  mentionId: string;
  ticketId: string | null;
  sourceId: string;
  sourceKind: SourceKind;
  externalId: string;
  url: string | null;
  language: string | null;
  threadExternalId: string | null;
  replyWebhookUrl: string | null;
  replyContext: Record<string, unknown> | null;
  authorHandle: string;
}

const TARGET_SELECT = `SELECT m.id AS "mentionId", m.ticket_id AS "ticketId", m.source_id AS "sourceId",
  m.source_kind AS "sourceKind", m.external_id AS "externalId", m.url, m.language,
  m.thread_external_id AS "threadExternalId", m.reply_webhook_url AS "replyWebhookUrl",
  m.reply_context AS "replyContext", a.handle AS "authorHandle"
FROM mentions m JOIN authors a ON a.id = m.author_id`;

export interface NewReply {
  ticketId: string;
  authorId: string;
  body: string;
  inReplyToMentionId: string;
  status: 'queued' | 'manual';
  idempotencyKey: string;
}

export interface ReplyUpdate {
  status: ReplyStatus;
  error?: string | null;
  nextAttemptAt?: Date | null;
  externalId?: string | null;
  externalUrl?: string | null;
  sentAt?: Date | null;
}

@Injectable()
export class ReplyRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async find(db: Queryable | null, id: string): Promise<ReplyRow | null> {
    const rows = await (db ?? this.ds).query<ReplyRow[]>(`${REPLY_SELECT} WHERE r.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The ticket's latest mention, or the given one when it belongs to the ticket. */
  async targetOnTicket(db: Queryable, ticketId: string, mentionId?: string): Promise<ReplyTargetRow | null> {
    const rows = mentionId
      ? await db.query<ReplyTargetRow[]>(`${TARGET_SELECT} WHERE m.ticket_id = $1 AND m.id = $2`, [ticketId, mentionId])
      : await db.query<ReplyTargetRow[]>(
          `${TARGET_SELECT} WHERE m.ticket_id = $1 ORDER BY m.posted_at DESC, m.id DESC LIMIT 1`,
          [ticketId],
        );
    return rows[0] ?? null;
  }

  async target(db: Queryable | null, mentionId: string): Promise<ReplyTargetRow | null> {
    const rows = await (db ?? this.ds).query<ReplyTargetRow[]>(`${TARGET_SELECT} WHERE m.id = $1`, [mentionId]);
    return rows[0] ?? null;
  }

  source(id: string): Promise<SourceEntity | null> {
    return this.ds.getRepository(SourceEntity).findOneBy({ id });
  }

  /** Connector state (refreshed tokens), sealed; written at once like the poller does. */
  async saveSourceState(sourceId: string, sealed: string): Promise<void> {
    await this.ds.query('UPDATE sources SET state = $2 WHERE id = $1', [sourceId, sealed]);
  }

  async insert(db: Queryable, r: NewReply): Promise<ReplyRow> {
    const [row] = await db.query<{ id: string }[]>(
      `INSERT INTO replies (ticket_id, author_id, body, in_reply_to_mention_id, status, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [r.ticketId, r.authorId, r.body, r.inReplyToMentionId, r.status, r.idempotencyKey],
    );
    return (await this.find(db, row!.id))!;
  }

  /** Locks one reply of a ticket (for the retry button). */
  async lockOnTicket(db: Queryable, ticketId: string, id: string): Promise<{ status: ReplyStatus } | null> {
    const rows = await db.query<{ status: ReplyStatus }[]>(
      'SELECT status FROM replies WHERE id = $1 AND ticket_id = $2 FOR UPDATE',
      [id, ticketId],
    );
    return rows[0] ?? null;
  }

  /** Locks a reply for a send attempt; `due` when its next attempt (or its lapsed lease) has come. */
  async lockForClaim(db: Queryable, id: string): Promise<{ status: ReplyStatus; due: boolean } | null> {
    const rows = await db.query<{ status: ReplyStatus; due: boolean }[]>(
      `SELECT status, (next_attempt_at IS NULL OR next_attempt_at <= now()) AS due FROM replies WHERE id = $1
       FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * Takes the reply for one attempt: `sending`, one more attempt, and a lease (`next_attempt_at`) after which a
   * worker that died is presumed dead and the sweeper hands the reply to another one.
   */
  async markSending(db: Queryable, id: string, leaseSeconds: number): Promise<ReplyRow> {
    await db.query(
      `UPDATE replies SET status = 'sending', attempts = attempts + 1,
         next_attempt_at = now() + make_interval(secs => $2), updated_at = now()
       WHERE id = $1`,
      [id, leaseSeconds],
    );
    return (await this.find(db, id))!;
  }

  /**
   * Records an attempt's outcome, only while the reply is still this attempt's (`sending` with the same
   * attempt count): a worker that outlived its lease cannot overwrite the attempt that took over.
   */
  async finishAttempt(db: Queryable, id: string, attempt: number, u: ReplyUpdate): Promise<ReplyRow | null> {
    const rows = await returning<{ id: string }>(
      db,
      `UPDATE replies SET status = $3, error = $4, next_attempt_at = $5,
         external_id = coalesce($6, external_id), external_url = coalesce($7, external_url),
         sent_at = coalesce($8, sent_at), updated_at = now()
       WHERE id = $1 AND status = 'sending' AND attempts = $2 RETURNING id`,
      [
        id,
        attempt,
        u.status,
        u.error ?? null,
        u.nextAttemptAt ?? null,
        u.externalId ?? null,
        u.externalUrl ?? null,
        u.sentAt ?? null,
      ],
    );
    return rows.length ? this.find(db, id) : null;
  }

  /** A failed reply back in the outbox, with the same idempotency key and a fresh round of attempts. */
  async requeue(db: Queryable, id: string): Promise<ReplyRow> {
    await db.query(
      `UPDATE replies SET status = 'queued', error = NULL, attempts = 0, next_attempt_at = NULL, updated_at = now()
       WHERE id = $1`,
      [id],
    );
    return (await this.find(db, id))!;
  }

  /** Replies whose next attempt is due, or whose attempt's lease lapsed (its worker died). */
  async due(limit: number): Promise<string[]> {
    const rows = await this.ds.query<{ id: string }[]>(
      `SELECT id FROM replies
       WHERE status IN ('queued', 'sending') AND (next_attempt_at IS NULL OR next_attempt_at <= now())
       ORDER BY next_attempt_at NULLS FIRST LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  /** For the rooms of a reply's live events. */
  async ticketRef(
    db: Queryable | null,
    id: string,
  ): Promise<{ id: string; teamId: string; assigneeId: string | null } | null> {
    const rows = await (db ?? this.ds).query<{ id: string; teamId: string; assigneeId: string | null }[]>(
      'SELECT id, team_id AS "teamId", assignee_id AS "assigneeId" FROM tickets WHERE id = $1',
      [id],
    );
    return rows[0] ?? null;
  }

  /** Other people with a live typing signal on the ticket (SPEC §5 collision warning). */
  typists(db: Queryable, ticketId: string, exceptUserId: string): Promise<{ id: string; name: string }[]> {
    return db.query<{ id: string; name: string }[]>(
      `SELECT DISTINCT u.id, u.name FROM ticket_presence p JOIN users u ON u.id = p.user_id
       WHERE p.ticket_id = $1 AND p.user_id <> $2 AND p.typing_until > now() ORDER BY u.name, u.id`,
      [ticketId, exceptUserId],
    );
  }
}

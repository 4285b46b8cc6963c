import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { returning, type Queryable } from '../../database/sql.js';

export interface AuthorInput {
  externalId: string;
  handle: string;
  displayName: string | null;
  profileUrl: string | null;
  followers: number | null;
  verified: boolean;
  influence: number;
}

export interface MentionInput {
  externalId: string;
  url: string | null;
  text: string;
  html: string | null;
  postedAt: string;
  editedAt: string | null;
  language: string | null;
  sentimentLabel: string;
  sentimentScore: number;
  type: string;
  isSpam: boolean;
  spamReason: string | null;
  likes: number;
  reposts: number;
  replies: number;
  inReplyToExternalId: string | null;
  threadExternalId: string | null;
  replyWebhookUrl: string | null;
  replyContext: Record<string, unknown> | null;
  authorExternalId: string;
  brandIds: string[];
  campaignIds: string[];
  contentHash: string;
}

export interface StoredMention {
  id: string;
  externalId: string;
  authorId: string;
  ticketId: string | null;
  contentHash: string;
}

export interface NewTicket {
  id: string;
  teamId: string;
  brandId: string | null;
  sourceId: string;
  authorId: string;
  subject: string;
  sentimentLabel: string;
  sentimentScore: number;
  priority: string;
  firstResponseDueAt: string;
  lastActivityAt: string;
  waitingSince: string;
  mentionCount: number;
}

/** An author as stored after a page's upsert (what routing rules read). */
export interface StoredAuthor {
  id: string;
  influence: number;
  verified: boolean;
}

/** A stored mention as routing rules read it. */
export interface RoutableMentionRow {
  id: string;
  sourceKind: string;
  sourceId: string;
  brandIds: string[];
  language: string | null;
  sentimentLabel: string;
  type: string;
  text: string;
  authorInfluence: number;
  authorVerified: boolean;
}

export interface TicketUpdate {
  id: string;
  lastActivityAt: string;
  waitingSince: string;
  sentimentLabel: string;
  sentimentScore: number;
  status: string | null;
  added: number;
}

export interface TicketRow {
  id: string;
  number: number;
  status: string;
  teamId: string;
  assigneeId: string | null;
  sentimentScore: number;
  version: number;
}

/** SQL of ingestion: set-based per page (one statement per table, not per row), inside the caller's transaction. */
@Injectable()
export class IngestRepository {
  async knownAuthorCounts(em: EntityManager, kind: string, ids: string[]): Promise<Map<string, number>> {
    if (!ids.length) return new Map();
    const rows = await em.query<{ externalId: string; mentionCount: number }[]>(
      `SELECT external_id AS "externalId", mention_count AS "mentionCount" FROM authors
       WHERE source_kind = $1 AND external_id = ANY($2::text[])`,
      [kind, ids],
    );
    return new Map(rows.map((r) => [r.externalId, r.mentionCount]));
  }

  /** Serialises concurrent pages that touch the same authors or threads (sorted: no deadlocks). */
  async lock(em: EntityManager, keys: string[]): Promise<void> {
    const sorted = [...new Set(keys)].sort();
    if (!sorted.length) return;
    await em.query(
      `SELECT pg_advisory_xact_lock(hashtextextended(k, 4711)) FROM unnest($1::text[]) WITH ORDINALITY AS u(k, i) ORDER BY i`,
      [sorted],
    );
  }

  /** Returns each author (by external id) as stored now, with its merged `verified` and new `influence`. */
  async upsertAuthors(em: EntityManager, kind: string, authors: AuthorInput[]): Promise<Map<string, StoredAuthor>> {
    if (!authors.length) return new Map();
    const sorted = [...authors].sort((a, b) => (a.externalId < b.externalId ? -1 : 1));
    const rows = await em.query<{ id: string; externalId: string; influence: number; verified: boolean }[]>(
      `INSERT INTO authors (source_kind, external_id, handle, display_name, profile_url, followers, verified, influence)
       SELECT $1, a.external_id, a.handle, a.display_name, a.profile_url, coalesce(a.followers, 0), a.verified, a.influence
       FROM jsonb_to_recordset($2::jsonb) AS a(external_id text, handle text, display_name text, profile_url text,
                                              followers int, verified boolean, influence int)
       ON CONFLICT (source_kind, external_id) DO UPDATE SET
         handle = EXCLUDED.handle,
         display_name = coalesce(EXCLUDED.display_name, authors.display_name),
         profile_url = coalesce(EXCLUDED.profile_url, authors.profile_url),
         followers = CASE WHEN EXCLUDED.followers > 0 THEN EXCLUDED.followers ELSE authors.followers END,
         verified = EXCLUDED.verified OR authors.verified,
         influence = EXCLUDED.influence
       RETURNING id, external_id AS "externalId", influence, verified`,
      [
        kind,
        JSON.stringify(
          sorted.map((a) => ({
            external_id: a.externalId,
            handle: a.handle,
            display_name: a.displayName,
            profile_url: a.profileUrl,
            followers: a.followers,
            verified: a.verified,
            influence: a.influence,
          })),
        ),
      ],
    );
    return new Map(rows.map((r) => [r.externalId, { id: r.id, influence: r.influence, verified: r.verified }]));
  }

  /** Inserts what is new; returns the new rows. Existing `(source_id, external_id)` are left to the caller. */
  async insertMentions(
    em: EntityManager,
    sourceId: string,
    kind: string,
    mentions: (MentionInput & { authorId: string })[],
  ): Promise<Map<string, string>> {
    if (!mentions.length) return new Map();
    const rows = await em.query<{ id: string; externalId: string }[]>(
      `INSERT INTO mentions (source_id, source_kind, external_id, url, text, html, posted_at, edited_at, language,
         sentiment_label, sentiment_score, type, is_spam, spam_reason, likes, reposts, replies,
         in_reply_to_external_id, thread_external_id, reply_webhook_url, reply_context, author_id, brand_ids,
         campaign_ids, content_hash)
       SELECT $1, $2, m.external_id, m.url, m.text, m.html, m.posted_at, m.edited_at, m.language,
         m.sentiment_label, m.sentiment_score, m.type, m.is_spam, m.spam_reason, m.likes, m.reposts, m.replies,
         m.in_reply_to_external_id, m.thread_external_id, m.reply_webhook_url, m.reply_context, m.author_id,
         ARRAY(SELECT jsonb_array_elements_text(m.brand_ids))::uuid[],
         ARRAY(SELECT jsonb_array_elements_text(m.campaign_ids))::uuid[], m.content_hash
       FROM jsonb_to_recordset($3::jsonb) AS m(external_id text, url text, text text, html text, posted_at timestamptz,
         edited_at timestamptz, language text, sentiment_label text, sentiment_score real, type text, is_spam boolean,
         spam_reason text, likes int, reposts int, replies int, in_reply_to_external_id text, thread_external_id text,
         reply_webhook_url text, reply_context jsonb, author_id uuid, brand_ids jsonb, campaign_ids jsonb,
         content_hash text)
       ON CONFLICT (source_id, external_id) DO NOTHING
       RETURNING id, external_id AS "externalId"`,
      [
        sourceId,
        kind,
        JSON.stringify(
          mentions.map((m) => ({
            external_id: m.externalId,
            url: m.url,
            text: m.text,
            html: m.html,
            posted_at: m.postedAt,
            edited_at: m.editedAt,
            language: m.language,
            sentiment_label: m.sentimentLabel,
            sentiment_score: m.sentimentScore,
            type: m.type,
            is_spam: m.isSpam,
            spam_reason: m.spamReason,
            likes: m.likes,
            reposts: m.reposts,
            replies: m.replies,
            in_reply_to_external_id: m.inReplyToExternalId,
            thread_external_id: m.threadExternalId,
            reply_webhook_url: m.replyWebhookUrl,
            reply_context: m.replyContext,
            author_id: m.authorId,
            brand_ids: m.brandIds,
            campaign_ids: m.campaignIds,
            content_hash: m.contentHash,
          })),
        ),
      ],
    );
    return new Map(rows.map((r) => [r.externalId, r.id]));
  }

  async insertRaw(em: EntityManager, raws: { mentionId: string; raw: unknown }[]): Promise<void> {
    if (!raws.length) return;
    await em.query(
      `INSERT INTO mention_raw (mention_id, raw)
       SELECT r.mention_id, coalesce(r.raw, 'null'::jsonb) FROM jsonb_to_recordset($1::jsonb) AS r(mention_id uuid, raw jsonb)
       ON CONFLICT (mention_id) DO UPDATE SET raw = EXCLUDED.raw`,
      [JSON.stringify(raws.map((r) => ({ mention_id: r.mentionId, raw: r.raw ?? null })))],
    );
  }

  async existing(em: EntityManager, sourceId: string, externalIds: string[]): Promise<StoredMention[]> {
    if (!externalIds.length) return [];
    return em.query<StoredMention[]>(
      `SELECT id, external_id AS "externalId", author_id AS "authorId", ticket_id AS "ticketId",
              content_hash AS "contentHash"
       FROM mentions WHERE source_id = $1 AND external_id = ANY($2::text[]) FOR UPDATE`,
      [sourceId, externalIds],
    );
  }

  async applyEdit(em: EntityManager, id: string, m: MentionInput): Promise<void> {
    await em.query(
      `UPDATE mentions SET text = $2, html = $3, edited_at = coalesce($4::timestamptz, now()), language = $5,
         sentiment_label = $6, sentiment_score = $7, type = $8, likes = $9, reposts = $10, replies = $11,
         brand_ids = $12::uuid[], campaign_ids = $13::uuid[], content_hash = $14
       WHERE id = $1`,
      [
        id,
        m.text,
        m.html,
        m.editedAt,
        m.language,
        m.sentimentLabel,
        m.sentimentScore,
        m.type,
        m.likes,
        m.reposts,
        m.replies,
        m.brandIds,
        m.campaignIds,
        m.contentHash,
      ],
    );
  }

  async countAuthorMentions(em: EntityManager, counts: Map<string, number>): Promise<void> {
    if (!counts.size) return;
    await em.query(
      `UPDATE authors a SET mention_count = a.mention_count + c.n
       FROM jsonb_to_recordset($1::jsonb) AS c(id uuid, n int) WHERE a.id = c.id`,
      [JSON.stringify([...counts].map(([id, n]) => ({ id, n })))],
    );
  }

  /**
   * SPEC §3 threading, first rule, for a whole page: mentions of this platform that are in a ticket which is not
   * closed and whose id is one of `refs` or whose thread root is one of `threads`.
   */
  async threadCandidates(
    em: EntityManager,
    kind: string,
    refs: string[],
    threads: string[],
  ): Promise<{ externalId: string; threadExternalId: string | null; ticketId: string }[]> {
    if (!refs.length && !threads.length) return [];
    return em.query(
      `SELECT m.external_id AS "externalId", m.thread_external_id AS "threadExternalId", m.ticket_id AS "ticketId"
       FROM mentions m JOIN tickets t ON t.id = m.ticket_id
       WHERE m.source_kind = $1 AND t.status <> 'closed'
         AND (m.external_id = ANY($2::text[]) OR m.thread_external_id = ANY($3::text[]))
       ORDER BY t.last_activity_at DESC`,
      [kind, refs, threads],
    );
  }

  /** Second rule, for a page: each author's latest ticket on this source that is not closed, active in 24 h. */
  async authorTickets(em: EntityManager, sourceId: string, authorIds: string[]): Promise<Map<string, string>> {
    if (!authorIds.length) return new Map();
    const rows = await em.query<{ authorId: string; id: string }[]>(
      `SELECT DISTINCT ON (author_id) author_id AS "authorId", id FROM tickets
       WHERE source_id = $1 AND author_id = ANY($2::uuid[]) AND status <> 'closed'
         AND last_activity_at > now() - interval '24 hours'
       ORDER BY author_id, last_activity_at DESC`,
      [sourceId, authorIds],
    );
    return new Map(rows.map((r) => [r.authorId, r.id]));
  }

  /** Locks the tickets a page joins (in id order) and reads their current state. */
  async lockTickets(em: EntityManager, ids: string[]): Promise<TicketRow[]> {
    if (!ids.length) return [];
    return em.query<TicketRow[]>(
      `SELECT ${TICKET_COLS} FROM tickets t WHERE t.id = ANY($1::uuid[]) ORDER BY t.id FOR UPDATE`,
      [ids],
    );
  }

  /** The transaction's time: what `now()` (and so `created_at`) is for every row it writes. */
  async transactionTime(em: EntityManager): Promise<Date> {
    const [row] = await em.query<{ now: Date }[]>('SELECT now() AS now');
    return row!.now;
  }

  /** Which of these teams exist (a rule may name a team deleted since). */
  async existingTeams(em: EntityManager, ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await em.query<{ id: string }[]>('SELECT id FROM teams WHERE id = ANY($1::uuid[])', [ids]);
    return new Set(rows.map((r) => r.id));
  }

  /** Tags routing put on new tickets; tags deleted since the rule was written are left out. Returns what was added. */
  async addTicketTags(
    em: EntityManager,
    links: { ticketId: string; tagId: string }[],
  ): Promise<{ ticketId: string; tagId: string; name: string; kind: string }[]> {
    if (!links.length) return [];
    return em.query(
      `WITH added AS (
         INSERT INTO ticket_tags (ticket_id, tag_id)
         SELECT l.ticket_id, l.tag_id FROM jsonb_to_recordset($1::jsonb) AS l(ticket_id uuid, tag_id uuid)
         JOIN tags g ON g.id = l.tag_id
         ON CONFLICT DO NOTHING
         RETURNING ticket_id, tag_id)
       SELECT a.ticket_id AS "ticketId", g.id AS "tagId", g.name, g.kind FROM added a JOIN tags g ON g.id = a.tag_id`,
      [JSON.stringify(links.map((l) => ({ ticket_id: l.ticketId, tag_id: l.tagId })))],
    );
  }

  /** Stored mentions as routing rules read them. */
  async routableMentions(db: Queryable, ids: string[]): Promise<RoutableMentionRow[]> {
    if (!ids.length) return [];
    return db.query<RoutableMentionRow[]>(
      `SELECT m.id, m.source_kind AS "sourceKind", m.source_id AS "sourceId", m.brand_ids AS "brandIds", m.language,
         m.sentiment_label AS "sentimentLabel", m.type, m.text, a.influence AS "authorInfluence",
         a.verified AS "authorVerified"
       FROM mentions m JOIN authors a ON a.id = m.author_id WHERE m.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  async defaultTeamId(em: EntityManager): Promise<string> {
    const rows = await em.query<{ id: string }[]>('SELECT id FROM teams WHERE is_default');
    if (!rows[0]) throw new Error('the default team is missing');
    return rows[0].id;
  }

  /**
   * New tickets of a page in one statement; ids and SLA due times are chosen by the caller (`created_at` is the
   * transaction's `now()`, the same instant the due times were computed from). Returns their numbers.
   */
  async insertTickets(em: EntityManager, tickets: NewTicket[]): Promise<Map<string, number>> {
    if (!tickets.length) return new Map();
    const rows = await em.query<{ id: string; number: number }[]>(
      `INSERT INTO tickets (id, team_id, brand_id, source_id, author_id, subject, sentiment_label, sentiment_score,
         priority, first_response_due_at, last_activity_at, waiting_since, mention_count)
       SELECT t.id, t.team_id, t.brand_id, t.source_id, t.author_id, t.subject, t.sentiment_label, t.sentiment_score,
         t.priority, t.first_response_due_at, t.last_activity_at, t.waiting_since, t.mention_count
       FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, team_id uuid, brand_id uuid, source_id uuid, author_id uuid,
         subject text, sentiment_label text, sentiment_score real, priority text, first_response_due_at timestamptz,
         last_activity_at timestamptz, waiting_since timestamptz, mention_count int)
       RETURNING id, number`,
      [
        JSON.stringify(
          tickets.map((t) => ({
            id: t.id,
            team_id: t.teamId,
            brand_id: t.brandId,
            source_id: t.sourceId,
            author_id: t.authorId,
            subject: t.subject,
            sentiment_label: t.sentimentLabel,
            sentiment_score: t.sentimentScore,
            priority: t.priority,
            first_response_due_at: t.firstResponseDueAt,
            last_activity_at: t.lastActivityAt,
            waiting_since: t.waitingSince,
            mention_count: t.mentionCount,
          })),
        ),
      ],
    );
    return new Map(rows.map((r) => [r.id, r.number]));
  }

  /** Customer mentions joined existing tickets: activity, waiting time, sentiment, count and (when set) status. */
  async updateTickets(em: EntityManager, updates: TicketUpdate[]): Promise<Map<string, number>> {
    if (!updates.length) return new Map();
    const rows = await returning<{ id: string; version: number }>(
      em,
      `UPDATE tickets t SET
         last_activity_at = greatest(t.last_activity_at, u.last_activity_at),
         waiting_since = coalesce(t.waiting_since, u.waiting_since),
         sentiment_label = u.sentiment_label, sentiment_score = u.sentiment_score,
         status = coalesce(u.status, t.status),
         resolved_at = CASE WHEN u.status IS NOT NULL THEN NULL ELSE t.resolved_at END,
         snoozed_until = CASE WHEN u.status IS NOT NULL THEN NULL ELSE t.snoozed_until END,
         mention_count = t.mention_count + u.added, version = t.version + 1, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS u(id uuid, last_activity_at timestamptz, waiting_since timestamptz,
         sentiment_label text, sentiment_score real, status text, added int)
       WHERE t.id = u.id
       RETURNING t.id, t.version`,
      [
        JSON.stringify(
          updates.map((u) => ({
            id: u.id,
            last_activity_at: u.lastActivityAt,
            waiting_since: u.waitingSince,
            sentiment_label: u.sentimentLabel,
            sentiment_score: u.sentimentScore,
            status: u.status,
            added: u.added,
          })),
        ),
      ],
    );
    return new Map(rows.map((r) => [r.id, r.version]));
  }

  async setMentionTickets(em: EntityManager, links: { mentionId: string; ticketId: string }[]): Promise<void> {
    if (!links.length) return;
    await em.query(
      `UPDATE mentions m SET ticket_id = l.ticket_id
       FROM jsonb_to_recordset($1::jsonb) AS l(mention_id uuid, ticket_id uuid) WHERE m.id = l.mention_id`,
      [JSON.stringify(links.map((l) => ({ mention_id: l.mentionId, ticket_id: l.ticketId })))],
    );
  }

  async ticketEvents(
    em: EntityManager,
    events: { ticketId: string; type: string; data: Record<string, unknown> }[],
  ): Promise<void> {
    if (!events.length) return;
    await em.query(
      `INSERT INTO ticket_events (ticket_id, type, data)
       SELECT e.ticket_id, e.type, e.data FROM jsonb_to_recordset($1::jsonb) AS e(ticket_id uuid, type text, data jsonb)`,
      [JSON.stringify(events.map((e) => ({ ticket_id: e.ticketId, type: e.type, data: e.data })))],
    );
  }

  /** A webhook delivery id: true when this is its first processing (waits for a concurrent one to finish). */
  async claimDelivery(em: EntityManager, sourceId: string, messageId: string): Promise<boolean> {
    const rows = await em.query<unknown[]>(
      `INSERT INTO webhook_deliveries (source_id, message_id, result) VALUES ($1, $2, '{}')
       ON CONFLICT DO NOTHING RETURNING 1`,
      [sourceId, messageId],
    );
    return rows.length > 0;
  }

  async saveDelivery(em: EntityManager, sourceId: string, messageId: string, result: unknown): Promise<void> {
    await em.query('UPDATE webhook_deliveries SET result = $3 WHERE source_id = $1 AND message_id = $2', [
      sourceId,
      messageId,
      JSON.stringify(result),
    ]);
  }

  async deliveryResult(em: EntityManager, sourceId: string, messageId: string): Promise<unknown> {
    const rows = await em.query<{ result: unknown }[]>(
      'SELECT result FROM webhook_deliveries WHERE source_id = $1 AND message_id = $2',
      [sourceId, messageId],
    );
    return rows[0]?.result ?? null;
  }
}

const TICKET_COLS = `t.id, t.number, t.status, t.team_id AS "teamId", t.assignee_id AS "assigneeId",
  t.sentiment_score AS "sentimentScore", t.version`;

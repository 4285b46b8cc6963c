import type { ListMentionsQuery } from '@dengar/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { endOf, startOf } from '../../common/dates.js';

export interface MentionRow {
  id: string;
  sourceId: string;
  sourceKind: string;
  externalId: string;
  url: string | null;
  text: string;
  html: string | null;
  postedAt: Date;
  ingestedAt: Date;
  editedAt: Date | null;
  language: string | null;
  sentimentLabel: string;
  sentimentScore: number;
  type: string;
  isSpam: boolean;
  likes: number;
  reposts: number;
  replies: number;
  inReplyToExternalId: string | null;
  threadExternalId: string | null;
  brandIds: string[];
  campaignIds: string[];
  ticketId: string | null;
  authorId: string;
  authorHandle: string;
  authorDisplayName: string | null;
  authorProfileUrl: string | null;
  authorFollowers: number;
  authorInfluence: number;
  authorVerified: boolean;
}

const SELECT = `SELECT m.id, m.source_id AS "sourceId", m.source_kind AS "sourceKind", m.external_id AS "externalId",
  m.url, m.text, m.html, m.posted_at AS "postedAt", m.ingested_at AS "ingestedAt", m.edited_at AS "editedAt",
  m.language, m.sentiment_label AS "sentimentLabel", m.sentiment_score AS "sentimentScore", m.type,
  m.is_spam AS "isSpam", m.likes, m.reposts, m.replies, m.in_reply_to_external_id AS "inReplyToExternalId",
  m.thread_external_id AS "threadExternalId", m.brand_ids AS "brandIds", m.campaign_ids AS "campaignIds",
  m.ticket_id AS "ticketId", m.author_id AS "authorId", a.handle AS "authorHandle",
  a.display_name AS "authorDisplayName", a.profile_url AS "authorProfileUrl", a.followers AS "authorFollowers",
  a.influence AS "authorInfluence", a.verified AS "authorVerified"
FROM mentions m JOIN authors a ON a.id = m.author_id`;

/** Agents see mentions of tickets they may see (SPEC §1): their teams' tickets and tickets assigned to them. */
const VISIBLE_TO = `EXISTS (SELECT 1 FROM tickets t WHERE t.id = m.ticket_id AND (t.assignee_id = $VIEWER
  OR t.team_id IN (SELECT team_id FROM team_members WHERE user_id = $VIEWER)))`;

@Injectable()
export class MentionRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async list(
    q: ListMentionsQuery,
    after: [string, string] | undefined,
    viewer?: string,
    timezone = 'UTC',
  ): Promise<MentionRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (q.spam !== 'any') where.push(`m.is_spam = ${p(q.spam === 'true')}`);
    if (q.sourceId) where.push(`m.source_id = ${p(q.sourceId)}`);
    if (q.brandId) where.push(`m.brand_ids @> ARRAY[${p(q.brandId)}]::uuid[]`);
    if (q.campaignId) where.push(`m.campaign_ids @> ARRAY[${p(q.campaignId)}]::uuid[]`);
    if (q.ticketId) where.push(`m.ticket_id = ${p(q.ticketId)}`);
    if (q.authorId) where.push(`m.author_id = ${p(q.authorId)}`);
    if (q.type) where.push(`m.type = ${p(q.type)}`);
    if (q.sentiment) where.push(`m.sentiment_label = ${p(q.sentiment)}`);
    if (q.language) where.push(`m.language = ${p(q.language)}`);
    if (q.from) where.push(`m.posted_at >= ${p(startOf(q.from).toISOString())}`);
    if (q.to) where.push(`m.posted_at < ${p(endOf(q.to).toISOString())}`);
    if (q.weekday !== undefined) {
      where.push(`extract(isodow FROM m.posted_at AT TIME ZONE ${p(timezone)}) = ${p(q.weekday)}`);
    }
    if (q.hour !== undefined) where.push(`extract(hour FROM m.posted_at AT TIME ZONE ${p(timezone)}) = ${p(q.hour)}`);
    if (q.q) where.push(`m.text ILIKE ${p(`%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
    if (after) where.push(`(m.posted_at, m.id) < (${p(after[0])}::timestamptz, ${p(after[1])}::uuid)`);
    if (viewer) {
      const ref = p(viewer);
      where.push(VISIBLE_TO.replaceAll('$VIEWER', () => ref));
    }
    const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY m.posted_at DESC, m.id DESC LIMIT ${p(q.limit + 1)}`;
    return this.ds.query<MentionRow[]>(sql, params);
  }

  async findById(id: string, viewer?: string, em?: EntityManager): Promise<MentionRow | null> {
    const params: unknown[] = [id];
    let sql = `${SELECT} WHERE m.id = $1`;
    if (viewer) {
      params.push(viewer);
      sql += ` AND ${VISIBLE_TO.replaceAll('$VIEWER', () => '$2')}`;
    }
    const rows = await (em ?? this.ds.manager).query<MentionRow[]>(sql, params);
    return rows[0] ?? null;
  }

  async setSpam(em: EntityManager, id: string, isSpam: boolean): Promise<void> {
    await em.query(
      `UPDATE mentions SET is_spam = $2, spam_reason = CASE WHEN $2 THEN 'marked by a person' ELSE NULL END WHERE id = $1`,
      [id, isSpam],
    );
  }
}

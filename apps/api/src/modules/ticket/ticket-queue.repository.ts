import {
  ACTIVE_STATUSES,
  type SourceKind,
  type TagKind,
  type TicketEvent,
  type TicketSort,
  type TicketStatus,
} from '@dengar/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UNASSIGNED_KEY } from './ticket-counter.entity.js';
import { DataSource, type EntityManager } from 'typeorm';
import { returning, type Queryable } from '../../database/sql.js';
import { NOTE_COLUMNS, type NoteRow } from '../note/note.repository.js';
import { REPLY_COLUMNS, REPLY_FROM, type ReplyRow } from '../reply/reply.repository.js';
import {
  DTO_FROM,
  DTO_SELECT,
  TICKET_ROW,
  visibleSql,
  type TicketDtoRow,
  type TicketRow,
} from './ticket.repository.js';
import {
  fromUs,
  orderBy,
  SORT_KEY_SELECT,
  US,
  type ListSql,
  type SortKeyColumns,
  type Viewer,
} from './ticket-query.js';

export type ListRow = TicketDtoRow & SortKeyColumns;

export interface ThreadBound {
  /** Microseconds since the epoch (as text) and id of the oldest item already shown. */
  us: string;
  id: string;
}

/** A thread item's row with its time in microseconds since the epoch (as text), for the cursor. */
export type WithUs<T> = T & { us: string };

export interface EventRow {
  id: string;
  ticketId: string;
  type: string;
  actorId: string | null;
  data: Record<string, unknown>;
  at: Date;
}

export const toEvent = (r: EventRow): TicketEvent => ({
  id: r.id,
  ticketId: r.ticketId,
  type: r.type as TicketEvent['type'],
  actorId: r.actorId,
  data: r.data,
  at: r.at.toISOString(),
});

export interface AuthorRow {
  id: string;
  handle: string;
  displayName: string | null;
  profileUrl: string | null;
  followers: number;
  influence: number;
  verified: boolean;
  sourceKind: SourceKind;
  mentionCount: number;
  firstSeenAt: Date;
}

export interface EarlierTicketRow {
  id: string;
  number: number;
  subject: string;
  status: TicketStatus;
  createdAt: Date;
}

export interface TagRow {
  id: string;
  name: string;
  kind: TagKind;
}

/** `AND` the row (time `col`, id `alias.id`) comes before the bound, its values pushed onto `p`. */
const older = (alias: string, col: string, b: ThreadBound | undefined, p: unknown[]) => {
  if (!b) return '';
  p.push(b.us, b.id);
  return `AND (${alias}.${col}, ${alias}.id) < (${fromUs(`$${p.length - 1}`)}, $${p.length}::uuid)`;
};

/** The queue's reads and the writes of merge and bulk; the one place they touch SQL (STYLE rule 1). */
@Injectable()
export class TicketQueueRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }

  /** Full DTO rows (with sort keys) of the page whose ids `ids` selects, in the sort's order. */
  async page(ids: ListSql, sort: TicketSort): Promise<ListRow[]> {
    return this.ds.query<ListRow[]>(
      `WITH page AS (${ids.sql}) ${DTO_SELECT}, ${SORT_KEY_SELECT} ${DTO_FROM} JOIN page ON page.id = t.id
       ORDER BY ${orderBy(sort)}`,
      ids.params,
    );
  }

  async ids(db: Queryable | null, q: ListSql): Promise<string[]> {
    const rows = await (db ?? this.ds).query<{ id: string }[]>(q.sql, q.params);
    return rows.map((r) => r.id);
  }

  async teamIdsOf(db: Queryable | null, userId: string): Promise<string[]> {
    const rows = await (db ?? this.ds).query<{ teamId: string }[]>(
      'SELECT team_id AS "teamId" FROM team_members WHERE user_id = $1',
      [userId],
    );
    return rows.map((r) => r.teamId);
  }

  /**
   * The view counts from `ticket_counters` only (SPEC §7: never `COUNT(*)` on tickets). Each counter row is
   * summed once per view, so a ticket assigned to me in one of my teams is not counted twice in `team`.
   */
  async counts(
    viewer: Viewer,
    manager: boolean,
  ): Promise<{ mine: number; unassigned: number; team: number; all: number }> {
    const mineTeams = `(SELECT tm.team_id FROM team_members tm WHERE tm.user_id = $1)`;
    const [row] = await this.ds.query<{ mine: number; unassigned: number; team: number; all: number }[]>(
      `SELECT
         coalesce(sum(c.n) FILTER (WHERE c.assignee_key = $1), 0)::int AS mine,
         coalesce(sum(c.n) FILTER (WHERE c.assignee_key = $2 ${manager ? '' : `AND c.team_id IN ${mineTeams}`}), 0)::int
           AS unassigned,
         coalesce(sum(c.n) FILTER (WHERE ${manager ? 'TRUE' : `c.assignee_key = $1 OR c.team_id IN ${mineTeams}`}), 0)::int
           AS team,
         coalesce(sum(c.n), 0)::int AS "all"
       FROM ticket_counters c WHERE c.status = ANY($3::text[])`,
      [viewer.userId, UNASSIGNED_KEY, ACTIVE_STATUSES],
    );
    return row ?? { mine: 0, unassigned: 0, team: 0, all: 0 };
  }

  /** Locks the visible ones of these tickets in id order (the order every multi-ticket change locks in). */
  async lockVisible(em: EntityManager, viewer: Viewer, ids: string[]): Promise<TicketRow[]> {
    if (!ids.length) return [];
    return em.query<TicketRow[]>(
      `SELECT ${TICKET_ROW} FROM tickets t WHERE t.id = ANY($1::uuid[]) AND ${visibleSql(viewer, 't', '$2')}
       ORDER BY t.id FOR UPDATE OF t`,
      [ids, viewer.userId],
    );
  }

  async teamExists(db: Queryable, id: string): Promise<boolean> {
    const rows = await db.query<unknown[]>('SELECT 1 FROM teams WHERE id = $1', [id]);
    return rows.length > 0;
  }

  async isActiveUser(db: Queryable, id: string): Promise<boolean> {
    const rows = await db.query<unknown[]>('SELECT 1 FROM users WHERE id = $1 AND active', [id]);
    return rows.length > 0;
  }

  async tagsByIds(db: Queryable, ids: string[]): Promise<TagRow[]> {
    if (!ids.length) return [];
    return db.query<TagRow[]>('SELECT id, name, kind FROM tags WHERE id = ANY($1::uuid[])', [ids]);
  }

  /** Each ticket's tags. */
  async tagsOf(db: Queryable, ticketIds: string[]): Promise<Map<string, TagRow[]>> {
    const map = new Map<string, TagRow[]>(ticketIds.map((id) => [id, []]));
    if (!ticketIds.length) return map;
    const rows = await db.query<(TagRow & { ticketId: string })[]>(
      `SELECT tt.ticket_id AS "ticketId", g.id, g.name, g.kind FROM ticket_tags tt JOIN tags g ON g.id = tt.tag_id
       WHERE tt.ticket_id = ANY($1::uuid[])`,
      [ticketIds],
    );
    for (const r of rows) map.get(r.ticketId)?.push({ id: r.id, name: r.name, kind: r.kind });
    return map;
  }

  /** Adds tags; returns the pairs that were not there yet. */
  async addTags(
    em: EntityManager,
    pairs: { ticketId: string; tagId: string }[],
    actorId: string,
  ): Promise<{ ticketId: string; tagId: string }[]> {
    if (!pairs.length) return [];
    return em.query<{ ticketId: string; tagId: string }[]>(
      `INSERT INTO ticket_tags (ticket_id, tag_id, added_by_id)
       SELECT p.ticket_id, p.tag_id, $2 FROM jsonb_to_recordset($1::jsonb) AS p(ticket_id uuid, tag_id uuid)
       ON CONFLICT (ticket_id, tag_id) DO NOTHING
       RETURNING ticket_id AS "ticketId", tag_id AS "tagId"`,
      [JSON.stringify(pairs.map((x) => ({ ticket_id: x.ticketId, tag_id: x.tagId }))), actorId],
    );
  }

  async removeTags(
    em: EntityManager,
    pairs: { ticketId: string; tagId: string }[],
  ): Promise<{ ticketId: string; tagId: string }[]> {
    if (!pairs.length) return [];
    return returning<{ ticketId: string; tagId: string }>(
      em,
      `DELETE FROM ticket_tags tt USING jsonb_to_recordset($1::jsonb) AS p(ticket_id uuid, tag_id uuid)
       WHERE tt.ticket_id = p.ticket_id AND tt.tag_id = p.tag_id
       RETURNING tt.ticket_id AS "ticketId", tt.tag_id AS "tagId"`,
      [JSON.stringify(pairs.map((x) => ({ ticket_id: x.ticketId, tag_id: x.tagId })))],
    );
  }

  // --- the thread: newest first, older than a bound, each with its time in µs for the cursor ---

  async replies(ticketId: string, before: ThreadBound | undefined, limit: number): Promise<WithUs<ReplyRow>[]> {
    const p: unknown[] = [ticketId];
    const cond = older('r', 'created_at', before, p);
    p.push(limit);
    return this.ds.query<WithUs<ReplyRow>[]>(
      `SELECT ${REPLY_COLUMNS}, ${US('r.created_at')} AS us ${REPLY_FROM}
       WHERE r.ticket_id = $1 ${cond} ORDER BY r.created_at DESC, r.id DESC LIMIT $${p.length}`,
      p,
    );
  }

  async notes(ticketId: string, before: ThreadBound | undefined, limit: number): Promise<WithUs<NoteRow>[]> {
    const p: unknown[] = [ticketId];
    const cond = older('n', 'created_at', before, p);
    p.push(limit);
    return this.ds.query<WithUs<NoteRow>[]>(
      `SELECT ${NOTE_COLUMNS}, ${US('n.created_at')} AS us
       FROM notes n WHERE n.ticket_id = $1 ${cond} ORDER BY n.created_at DESC, n.id DESC LIMIT $${p.length}`,
      p,
    );
  }

  async events(ticketId: string, before: ThreadBound | undefined, limit: number): Promise<WithUs<EventRow>[]> {
    const p: unknown[] = [ticketId];
    const cond = older('x', 'at', before, p);
    p.push(limit);
    return this.ds.query<WithUs<EventRow>[]>(
      `SELECT x.id, x.ticket_id AS "ticketId", x.type, x.actor_id AS "actorId", x.data, x.at, ${US('x.at')} AS us
       FROM ticket_events x WHERE x.ticket_id = $1 ${cond} ORDER BY x.at DESC, x.id DESC LIMIT $${p.length}`,
      p,
    );
  }

  async author(id: string): Promise<AuthorRow | null> {
    const rows = await this.ds.query<AuthorRow[]>(
      `SELECT id, handle, display_name AS "displayName", profile_url AS "profileUrl", followers, influence, verified,
         source_kind AS "sourceKind", mention_count AS "mentionCount", first_seen_at AS "firstSeenAt"
       FROM authors WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The author's other tickets the viewer may see, newest first. */
  async earlierTickets(viewer: Viewer, authorId: string, exceptId: string, limit: number): Promise<EarlierTicketRow[]> {
    return this.ds.query<EarlierTicketRow[]>(
      `SELECT t.id, t.number, t.subject, t.status, t.created_at AS "createdAt" FROM tickets t
       WHERE t.author_id = $1 AND t.id <> $2 AND ${visibleSql(viewer, 't', '$3')}
       ORDER BY t.created_at DESC, t.id DESC LIMIT $4`,
      [authorId, exceptId, viewer.userId, limit],
    );
  }

  /** What the reply limit depends on: the source's kind and non-secret config, and whether the thread has a reply URL. */
  async replyChannel(
    ticketId: string,
    sourceId: string,
  ): Promise<{ kind: SourceKind; config: Record<string, unknown>; replyUrl: boolean } | null> {
    const rows = await this.ds.query<{ kind: SourceKind; config: Record<string, unknown>; replyUrl: boolean }[]>(
      `SELECT s.kind, s.config,
         coalesce((SELECT m.reply_webhook_url IS NOT NULL FROM mentions m WHERE m.ticket_id = $1
                   ORDER BY m.posted_at DESC, m.id DESC LIMIT 1), false) AS "replyUrl"
       FROM sources s WHERE s.id = $2`,
      [ticketId, sourceId],
    );
    return rows[0] ?? null;
  }

  /**
   * Merge (SPEC §3): mentions, replies, notes and tags of `fromId` move to `intoId`. Returns whether the target
   * gained tags. The tickets' own columns are changed by the caller through TicketWriter.
   */
  async moveThread(
    em: EntityManager,
    fromId: string,
    intoId: string,
  ): Promise<{ tagsAdded: number; tagsMoved: number }> {
    await em.query('UPDATE mentions SET ticket_id = $2 WHERE ticket_id = $1', [fromId, intoId]);
    await em.query('UPDATE replies SET ticket_id = $2 WHERE ticket_id = $1', [fromId, intoId]);
    await em.query('UPDATE notes SET ticket_id = $2 WHERE ticket_id = $1', [fromId, intoId]);
    const added = await em.query<unknown[]>(
      `INSERT INTO ticket_tags (ticket_id, tag_id, added_by_id, added_at)
       SELECT $2, tag_id, added_by_id, added_at FROM ticket_tags WHERE ticket_id = $1
       ON CONFLICT (ticket_id, tag_id) DO NOTHING RETURNING tag_id`,
      [fromId, intoId],
    );
    const moved = await returning<unknown>(em, 'DELETE FROM ticket_tags WHERE ticket_id = $1 RETURNING tag_id', [
      fromId,
    ]);
    return { tagsAdded: added.length, tagsMoved: moved.length };
  }

  /** The target takes over the merged ticket's count, latest activity and earliest waiting time (in SQL: µs kept). */
  async absorb(
    em: EntityManager,
    fromId: string,
    intoId: string,
  ): Promise<{ lastActivityChanged: boolean; waitingChanged: boolean }> {
    const [row] = await returning<{ lastActivityChanged: boolean; waitingChanged: boolean }>(
      em,
      `UPDATE tickets t SET mention_count = t.mention_count + f.mention_count,
         last_activity_at = greatest(t.last_activity_at, f.last_activity_at),
         waiting_since = least(t.waiting_since, f.waiting_since)
       FROM tickets f, tickets o
       WHERE t.id = $2 AND f.id = $1 AND o.id = $2
       RETURNING t.last_activity_at IS DISTINCT FROM o.last_activity_at AS "lastActivityChanged",
         t.waiting_since IS DISTINCT FROM o.waiting_since AS "waitingChanged"`,
      [fromId, intoId],
    );
    return row ?? { lastActivityChanged: false, waitingChanged: false };
  }
}

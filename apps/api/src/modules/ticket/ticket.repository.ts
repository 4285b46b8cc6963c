import type { Ticket } from '@dengar/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { isManager, type Principal } from '../../common/principal.js';
import { returning, type Queryable } from '../../database/sql.js';

/** The ticket row as the services work with it. */
export interface TicketRow {
  id: string;
  number: number;
  status: Ticket['status'];
  priority: Ticket['priority'];
  teamId: string;
  assigneeId: string | null;
  brandId: string | null;
  sourceId: string;
  authorId: string;
  subject: string;
  sentimentLabel: string;
  sentimentScore: number;
  firstResponseDueAt: Date | null;
  firstRespondedAt: Date | null;
  slaBreachedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  snoozedUntil: Date | null;
  lastActivityAt: Date;
  waitingSince: Date | null;
  version: number;
  mentionCount: number;
  mergedIntoId: string | null;
  createdAt: Date;
}

export const TICKET_ROW = `t.id, t.number, t.status, t.priority, t.team_id AS "teamId", t.assignee_id AS "assigneeId",
  t.brand_id AS "brandId", t.source_id AS "sourceId", t.author_id AS "authorId", t.subject,
  t.sentiment_label AS "sentimentLabel", t.sentiment_score AS "sentimentScore",
  t.first_response_due_at AS "firstResponseDueAt", t.first_responded_at AS "firstRespondedAt",
  t.sla_breached_at AS "slaBreachedAt", t.resolved_at AS "resolvedAt", t.closed_at AS "closedAt",
  t.snoozed_until AS "snoozedUntil", t.last_activity_at AS "lastActivityAt", t.waiting_since AS "waitingSince",
  t.version, t.mention_count AS "mentionCount", t.merged_into_id AS "mergedIntoId", t.created_at AS "createdAt"`;

/** The DTO's extra columns: author summary, source kind, the first mention's type and the tags. */
const DTO_EXTRA = `s.kind AS "sourceKind", a.handle AS "authorHandle", a.display_name AS "authorDisplayName",
  a.profile_url AS "authorProfileUrl", a.followers AS "authorFollowers", a.influence AS "authorInfluence",
  a.verified AS "authorVerified",
  (SELECT m.type FROM mentions m WHERE m.ticket_id = t.id ORDER BY m.posted_at, m.id LIMIT 1) AS "type",
  coalesce((SELECT json_agg(json_build_object('id', g.id, 'name', g.name, 'kind', g.kind, 'color', g.color)
      ORDER BY g.kind, g.name)
    FROM ticket_tags tt JOIN tags g ON g.id = tt.tag_id WHERE tt.ticket_id = t.id), '[]'::json) AS "tags"`;

export const DTO_FROM = `FROM tickets t JOIN authors a ON a.id = t.author_id JOIN sources s ON s.id = t.source_id`;
export const DTO_SELECT = `SELECT ${TICKET_ROW}, ${DTO_EXTRA}`;

export interface TicketDtoRow extends TicketRow {
  sourceKind: Ticket['sourceKind'];
  authorHandle: string;
  authorDisplayName: string | null;
  authorProfileUrl: string | null;
  authorFollowers: number | null;
  authorInfluence: number;
  authorVerified: boolean;
  type: Ticket['type'];
  tags: Ticket['tags'];
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const toTicket = (r: TicketDtoRow): Ticket => ({
  id: r.id,
  number: r.number,
  status: r.status,
  priority: r.priority,
  teamId: r.teamId,
  assigneeId: r.assigneeId,
  brandId: r.brandId,
  sourceId: r.sourceId,
  sourceKind: r.sourceKind,
  authorId: r.authorId,
  author: {
    id: r.authorId,
    handle: r.authorHandle,
    displayName: r.authorDisplayName,
    profileUrl: r.authorProfileUrl,
    followers: r.authorFollowers ?? 0,
    influence: r.authorInfluence,
    verified: r.authorVerified,
  },
  subject: r.subject,
  sentiment: { label: r.sentimentLabel as Ticket['sentiment']['label'], score: r.sentimentScore },
  type: r.type,
  firstResponseDueAt: iso(r.firstResponseDueAt),
  firstRespondedAt: iso(r.firstRespondedAt),
  slaBreachedAt: iso(r.slaBreachedAt),
  resolvedAt: iso(r.resolvedAt),
  closedAt: iso(r.closedAt),
  snoozedUntil: iso(r.snoozedUntil),
  lastActivityAt: r.lastActivityAt.toISOString(),
  waitingSince: iso(r.waitingSince),
  version: r.version,
  mentionCount: r.mentionCount,
  mergedIntoId: r.mergedIntoId,
  tags: r.tags,
  createdAt: r.createdAt.toISOString(),
});

/**
 * Team-scoped visibility as SQL (SPEC §1), for every query that reads tickets: managers and admins see all;
 * agents and marketers their teams' tickets and those assigned to them. `$n` is the viewer's user id.
 */
export function visibleSql(p: Pick<Principal, 'role'>, alias: string, param: string): string {
  // Still names the parameter: a statement must use every parameter it is given (PostgreSQL infers their count).
  if (isManager(p)) return `(${param}::uuid IS NOT NULL)`;
  return `(${alias}.assignee_id = ${param} OR ${alias}.team_id IN (SELECT tm.team_id FROM team_members tm WHERE tm.user_id = ${param}))`;
}

export interface TicketEventInput {
  ticketId: string;
  type: string;
  actorId: string | null;
  data: Record<string, unknown>;
}

@Injectable()
export class TicketRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Full DTOs of these tickets (in the caller's transaction when `em` is given). */
  async dtos(db: Queryable | null, ids: string[]): Promise<Map<string, Ticket>> {
    if (!ids.length) return new Map();
    const rows = await (db ?? this.ds).query<TicketDtoRow[]>(`${DTO_SELECT} ${DTO_FROM} WHERE t.id = ANY($1::uuid[])`, [
      ids,
    ]);
    return new Map(rows.map((r) => [r.id, toTicket(r)]));
  }

  /** The ticket when the viewer may see it, else null; `lock` takes a row lock for a change. */
  async findVisible(
    db: Queryable | null,
    p: Pick<Principal, 'userId' | 'role'>,
    id: string,
    opts: { lock?: boolean } = {},
  ): Promise<TicketRow | null> {
    const rows = await (db ?? this.ds).query<TicketRow[]>(
      `SELECT ${TICKET_ROW} FROM tickets t WHERE t.id = $1 AND ${visibleSql(p, 't', '$2')}${opts.lock ? ' FOR UPDATE OF t' : ''}`,
      [id, p.userId],
    );
    return rows[0] ?? null;
  }

  async lock(em: EntityManager, ids: string[]): Promise<TicketRow[]> {
    if (!ids.length) return [];
    return em.query<TicketRow[]>(
      `SELECT ${TICKET_ROW} FROM tickets t WHERE t.id = ANY($1::uuid[]) ORDER BY t.id FOR UPDATE OF t`,
      [ids],
    );
  }

  /**
   * One guarded update: sets the given columns (names are code constants, values bound) and bumps `version`;
   * with `expectVersion` only when the row still has it (STYLE "traps": `@VersionColumn` does not guard this).
   * Returns the new row, or null when the version did not match.
   */
  async update(
    em: EntityManager,
    id: string,
    set: Record<string, unknown>,
    expectVersion?: number,
  ): Promise<TicketRow | null> {
    const cols = Object.keys(set);
    for (const c of cols) if (!/^[a-z_]+$/.test(c)) throw new Error(`bad column ${c}`);
    const params: unknown[] = [id, ...cols.map((c) => set[c])];
    const assignments = cols.map((c, i) => `${c} = $${i + 2}`);
    let where = 't.id = $1';
    if (expectVersion !== undefined) {
      params.push(expectVersion);
      where += ` AND t.version = $${params.length}`;
    }
    const rows = await returning<TicketRow>(
      em,
      `UPDATE tickets t SET ${[...assignments, 'version = t.version + 1', 'updated_at = now()'].join(', ')}
       WHERE ${where} RETURNING ${TICKET_ROW}`,
      params,
    );
    return rows[0] ?? null;
  }

  async addEvents(db: Queryable, events: TicketEventInput[]): Promise<void> {
    if (!events.length) return;
    await db.query(
      `INSERT INTO ticket_events (ticket_id, type, actor_id, data)
       SELECT e.ticket_id, e.type, e.actor_id, e.data
       FROM jsonb_to_recordset($1::jsonb) AS e(ticket_id uuid, type text, actor_id uuid, data jsonb)`,
      [JSON.stringify(events.map((e) => ({ ticket_id: e.ticketId, type: e.type, actor_id: e.actorId, data: e.data })))],
    );
  }
}

import type { TagKind } from '@dengar/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { returning, type Queryable } from '../../database/sql.js';

export interface TagRow {
  id: string;
  name: string;
  kind: TagKind;
  color: string;
  createdAt: Date;
}

const COLUMNS = `g.id, g.name, g.kind, g.color, g.created_at AS "createdAt"`;
/** Outcome tags first (what the resolve flow asks for), then topics, then campaigns. */
export const KIND_RANK = `(CASE g.kind WHEN 'outcome' THEN 0 WHEN 'topic' THEN 1 ELSE 2 END)`;
export const kindRank = (k: TagKind): number => ({ outcome: 0, topic: 1, campaign: 2 })[k];

@Injectable()
export class TagRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }

  async list(kind: TagKind | undefined, limit: number, after?: [number, string, string]): Promise<TagRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (kind) {
      params.push(kind);
      where.push(`g.kind = $${params.length}`);
    }
    if (after) {
      params.push(after[0], after[1], after[2]);
      const n = params.length;
      where.push(`(${KIND_RANK}, g.name, g.id) > ($${n - 2}::int, $${n - 1}::text, $${n}::uuid)`);
    }
    params.push(limit + 1);
    return this.ds.query<TagRow[]>(
      `SELECT ${COLUMNS} FROM tags g ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ${KIND_RANK}, g.name, g.id LIMIT $${params.length}`,
      params,
    );
  }

  async findById(db: Queryable | null, id: string): Promise<TagRow | null> {
    const rows = await (db ?? this.ds).query<TagRow[]>(`SELECT ${COLUMNS} FROM tags g WHERE g.id = $1`, [id]);
    return rows[0] ?? null;
  }

  findByIds(db: Queryable, ids: string[]): Promise<TagRow[]> {
    if (!ids.length) return Promise.resolve([]);
    return db.query<TagRow[]>(`SELECT ${COLUMNS} FROM tags g WHERE g.id = ANY($1::uuid[])`, [ids]);
  }

  async insert(data: { name: string; kind: TagKind; color?: string }): Promise<TagRow> {
    const rows = await this.ds.query<TagRow[]>(
      `INSERT INTO tags AS g (name, kind, color) VALUES ($1, $2, coalesce($3, '#64748b')) RETURNING ${COLUMNS}`,
      [data.name, data.kind, data.color ?? null],
    );
    return rows[0]!;
  }

  async update(id: string, data: { name?: string; kind?: TagKind; color?: string }): Promise<TagRow | null> {
    const rows = await returning<TagRow>(
      this.ds,
      `UPDATE tags g SET name = coalesce($2, g.name), kind = coalesce($3, g.kind), color = coalesce($4, g.color),
         updated_at = now()
       WHERE g.id = $1 RETURNING ${COLUMNS}`,
      [id, data.name ?? null, data.kind ?? null, data.color ?? null],
    );
    return rows[0] ?? null;
  }

  /** Tickets that carry the tag (to lock and announce before it goes). */
  async ticketIdsWith(em: EntityManager, tagId: string): Promise<string[]> {
    const rows = await em.query<{ ticketId: string }[]>(
      'SELECT ticket_id AS "ticketId" FROM ticket_tags WHERE tag_id = $1',
      [tagId],
    );
    return rows.map((r) => r.ticketId);
  }

  /** Deletes the tag; `ticket_tags` rows go with it (ON DELETE CASCADE). */
  async delete(em: EntityManager, id: string): Promise<TagRow | null> {
    const rows = await returning<TagRow>(em, `DELETE FROM tags g WHERE g.id = $1 RETURNING ${COLUMNS}`, [id]);
    return rows[0] ?? null;
  }

  /** The ticket's current tags. */
  ticketTags(em: EntityManager, ticketId: string): Promise<TagRow[]> {
    return em.query<TagRow[]>(
      `SELECT ${COLUMNS} FROM ticket_tags tt JOIN tags g ON g.id = tt.tag_id WHERE tt.ticket_id = $1`,
      [ticketId],
    );
  }

  async addToTicket(em: EntityManager, ticketId: string, tagIds: string[], actorId: string): Promise<void> {
    if (!tagIds.length) return;
    await em.query(
      `INSERT INTO ticket_tags (ticket_id, tag_id, added_by_id)
       SELECT $1, unnest($2::uuid[]), $3 ON CONFLICT DO NOTHING`,
      [ticketId, tagIds, actorId],
    );
  }

  async removeFromTicket(em: EntityManager, ticketId: string, tagIds: string[]): Promise<void> {
    if (!tagIds.length) return;
    await em.query('DELETE FROM ticket_tags WHERE ticket_id = $1 AND tag_id = ANY($2::uuid[])', [ticketId, tagIds]);
  }
}

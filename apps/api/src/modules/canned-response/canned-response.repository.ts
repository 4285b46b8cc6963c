import type { Locale } from '@dengar/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { returning } from '../../database/sql.js';

export interface CannedResponseRow {
  id: string;
  name: string;
  shortcut: string;
  language: Locale;
  body: string;
  createdAt: Date;
  updatedAt: Date;
}

/** What `{{variables}}` are filled from. */
export interface RenderContext {
  number: number;
  authorHandle: string;
  authorDisplayName: string | null;
  brandName: string | null;
  agentName: string | null;
}

const COLUMNS = `c.id, c.name, c.shortcut, c.language, c.body, c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;

/** `%`, `_` and `\` are literal in a search term. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

@Injectable()
export class CannedResponseRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** By shortcut (what the composer's `/` picker shows), then id. */
  list(
    filter: { language?: Locale; q?: string },
    limit: number,
    after?: [string, string],
  ): Promise<CannedResponseRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.language) {
      params.push(filter.language);
      where.push(`c.language = $${params.length}`);
    }
    if (filter.q) {
      params.push(likePattern(filter.q));
      const n = params.length;
      where.push(`(c.shortcut ILIKE $${n} OR c.name ILIKE $${n} OR c.body ILIKE $${n})`);
    }
    if (after) {
      params.push(after[0], after[1]);
      where.push(`(c.shortcut, c.id) > ($${params.length - 1}::text, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    return this.ds.query<CannedResponseRow[]>(
      `SELECT ${COLUMNS} FROM canned_responses c ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY c.shortcut, c.id LIMIT $${params.length}`,
      params,
    );
  }

  async findById(id: string): Promise<CannedResponseRow | null> {
    const rows = await this.ds.query<CannedResponseRow[]>(`SELECT ${COLUMNS} FROM canned_responses c WHERE c.id = $1`, [
      id,
    ]);
    return rows[0] ?? null;
  }

  async insert(d: { name: string; shortcut: string; language: Locale; body: string }): Promise<CannedResponseRow> {
    const rows = await this.ds.query<CannedResponseRow[]>(
      `INSERT INTO canned_responses AS c (name, shortcut, language, body) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      [d.name, d.shortcut, d.language, d.body],
    );
    return rows[0]!;
  }

  async update(
    id: string,
    d: { name?: string; shortcut?: string; language?: Locale; body?: string },
  ): Promise<CannedResponseRow | null> {
    const rows = await returning<CannedResponseRow>(
      this.ds,
      `UPDATE canned_responses c SET name = coalesce($2, c.name), shortcut = coalesce($3, c.shortcut),
         language = coalesce($4, c.language), body = coalesce($5, c.body), updated_at = now()
       WHERE c.id = $1 RETURNING ${COLUMNS}`,
      [id, d.name ?? null, d.shortcut ?? null, d.language ?? null, d.body ?? null],
    );
    return rows[0] ?? null;
  }

  async delete(id: string): Promise<boolean> {
    const rows = await returning<{ id: string }>(this.ds, 'DELETE FROM canned_responses WHERE id = $1 RETURNING id', [
      id,
    ]);
    return rows.length > 0;
  }

  /**
   * The values for a ticket (already checked visible) and agent. A ticket without a brand is about the
   * workspace's own brand (SPEC §3): the oldest own brand stands in.
   */
  async renderContext(ticketId: string, agentId: string): Promise<RenderContext | null> {
    const rows = await this.ds.query<RenderContext[]>(
      `SELECT t.number, a.handle AS "authorHandle", a.display_name AS "authorDisplayName",
         coalesce(b.name, (SELECT ob.name FROM brands ob WHERE ob.kind = 'own' ORDER BY ob.created_at, ob.id LIMIT 1))
           AS "brandName",
         (SELECT u.name FROM users u WHERE u.id = $2) AS "agentName"
       FROM tickets t JOIN authors a ON a.id = t.author_id LEFT JOIN brands b ON b.id = t.brand_id
       WHERE t.id = $1`,
      [ticketId, agentId],
    );
    return rows[0] ?? null;
  }
}

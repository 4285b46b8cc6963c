import type { RoutingActions, RoutingConditions } from '@dengar/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { returning, type Queryable } from '../../database/sql.js';

export interface RoutingRuleRow {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  conditions: RoutingConditions;
  actions: RoutingActions;
  createdAt: Date;
  updatedAt: Date;
}

/** A stored mention as the rules see it (dry runs). */
export interface RoutableMentionRow {
  id: string;
  text: string;
  postedAt: Date;
  sourceKind: string;
  sourceId: string;
  brandIds: string[];
  language: string | null;
  sentimentLabel: string;
  type: string;
  authorInfluence: number;
  authorVerified: boolean;
}

/** Tables a rule may point into; names are code constants, never input. */
export type ReferencedTable = 'teams' | 'tags' | 'sources' | 'brands';

const COLS = `r.id, r.name, r.position, r.enabled, r.conditions, r.actions, r.created_at AS "createdAt",
  r.updated_at AS "updatedAt"`;

@Injectable()
export class RoutingRuleRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  transaction<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(fn);
  }

  /**
   * Serialises changes to the rule list: positions stay 0…n−1 without gaps or duplicates, whatever runs at the
   * same time (rows alone cannot be locked for an insert).
   */
  async lockList(em: EntityManager): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtextextended('routing_rules', 4711))`);
  }

  async all(db: Queryable | null): Promise<RoutingRuleRow[]> {
    return (db ?? this.ds).query<RoutingRuleRow[]>(
      `SELECT ${COLS} FROM routing_rules r ORDER BY r.position, r.created_at, r.id`,
    );
  }

  async findById(db: Queryable | null, id: string): Promise<RoutingRuleRow | null> {
    const rows = await (db ?? this.ds).query<RoutingRuleRow[]>(`SELECT ${COLS} FROM routing_rules r WHERE r.id = $1`, [
      id,
    ]);
    return rows[0] ?? null;
  }

  async count(em: EntityManager): Promise<number> {
    const [row] = await em.query<{ n: number }[]>('SELECT count(*)::int AS n FROM routing_rules');
    return row?.n ?? 0;
  }

  /** Makes room at `position` (every rule there or after moves one down). */
  async shiftFrom(em: EntityManager, position: number): Promise<void> {
    await em.query(
      `UPDATE routing_rules SET position = position + 1, updated_at = clock_timestamp() WHERE position >= $1`,
      [position],
    );
  }

  /** Closes the gap a removed rule left at `position`. */
  async closeGap(em: EntityManager, position: number): Promise<void> {
    await em.query(
      `UPDATE routing_rules SET position = position - 1, updated_at = clock_timestamp() WHERE position > $1`,
      [position],
    );
  }

  async insert(
    em: EntityManager,
    r: { name: string; position: number; enabled: boolean; conditions: RoutingConditions; actions: RoutingActions },
  ): Promise<string> {
    const rows = await em.query<{ id: string }[]>(
      `INSERT INTO routing_rules (name, position, enabled, conditions, actions, created_at, updated_at)
       VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, clock_timestamp(), clock_timestamp()) RETURNING id`,
      [r.name, r.position, r.enabled, JSON.stringify(r.conditions), JSON.stringify(r.actions)],
    );
    return rows[0]!.id;
  }

  async update(
    em: EntityManager,
    id: string,
    set: Partial<Pick<RoutingRuleRow, 'name' | 'enabled' | 'conditions' | 'actions'>>,
  ): Promise<void> {
    await em.query(
      `UPDATE routing_rules SET
         name = coalesce($2, name),
         enabled = coalesce($3, enabled),
         conditions = coalesce($4::jsonb, conditions),
         actions = coalesce($5::jsonb, actions),
         updated_at = clock_timestamp()
       WHERE id = $1`,
      [
        id,
        set.name ?? null,
        set.enabled ?? null,
        set.conditions ? JSON.stringify(set.conditions) : null,
        set.actions ? JSON.stringify(set.actions) : null,
      ],
    );
  }

  /** Deletes a rule; returns the position it had, or null when there was none. */
  async delete(em: EntityManager, id: string): Promise<number | null> {
    const rows = await returning<{ position: number }>(
      em,
      'DELETE FROM routing_rules WHERE id = $1 RETURNING position',
      [id],
    );
    return rows[0]?.position ?? null;
  }

  /** Positions 0…n−1 in the order of `ids` (which the caller checked lists every rule once). */
  async setOrder(em: EntityManager, ids: string[]): Promise<void> {
    await em.query(
      `UPDATE routing_rules r SET position = o.i - 1, updated_at = clock_timestamp()
       FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, i)
       WHERE r.id = o.id AND r.position IS DISTINCT FROM o.i - 1`,
      [ids],
    );
  }

  /** Which of these ids have no row in `table`. */
  async missing(db: Queryable | null, table: ReferencedTable, ids: readonly string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await (db ?? this.ds).query<{ id: string }[]>(
      `SELECT u.id FROM unnest($1::uuid[]) AS u(id) WHERE NOT EXISTS (SELECT 1 FROM ${table} x WHERE x.id = u.id)`,
      [[...new Set(ids)]],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** The workspace's brands by kind. */
  async brandKinds(db: Queryable | null): Promise<{ id: string; kind: 'own' | 'competitor' }[]> {
    return (db ?? this.ds).query('SELECT id, kind FROM brands');
  }

  /** The latest `limit` stored mentions that are not spam, newest first (by posting time, as the Mentions list). */
  async latestMentions(limit: number): Promise<RoutableMentionRow[]> {
    return this.ds.query<RoutableMentionRow[]>(
      `SELECT m.id, m.text, m.posted_at AS "postedAt", m.source_kind AS "sourceKind", m.source_id AS "sourceId",
         m.brand_ids AS "brandIds", m.language, m.sentiment_label AS "sentimentLabel", m.type,
         a.influence AS "authorInfluence", a.verified AS "authorVerified"
       FROM mentions m JOIN authors a ON a.id = m.author_id
       WHERE NOT m.is_spam
       ORDER BY m.posted_at DESC, m.id DESC LIMIT $1`,
      [limit],
    );
  }

  /**
   * A fingerprint of the whole rule table (every column of every row): it changes with any insert, update,
   * reorder or delete, committed by any instance, so a cache compares it instead of trusting timestamps.
   */
  async fingerprint(db: Queryable): Promise<string> {
    const [row] = await db.query<{ fp: string }[]>(
      `SELECT md5(coalesce(string_agg(r::text, ',' ORDER BY r.id), '')) AS fp FROM routing_rules r`,
    );
    return row?.fp ?? '';
  }
}

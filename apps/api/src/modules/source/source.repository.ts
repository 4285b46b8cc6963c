import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type Repository } from 'typeorm';
import { returning } from '../../database/sql.js';
import { SourceEntity } from './source.entity.js';

export interface HealthRow {
  sourceId: string;
  ingested: number;
  duplicates: number;
  skipped: number;
}

/** Lease length of one poll; each committed page extends it. A poll that dies is taken over after this. */
export const LEASE_SECONDS = 120;

@Injectable()
export class SourceRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private repo(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(SourceEntity);
  }

  findById(id: string, em?: EntityManager): Promise<SourceEntity | null> {
    return this.repo(em).findOneBy({ id });
  }

  list(limit: number, after?: [string, string]): Promise<SourceEntity[]> {
    const qb = this.repo()
      .createQueryBuilder('s')
      .orderBy('s.name', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .limit(limit + 1);
    if (after) qb.where('(s.name, s.id) > (:name, :id)', { name: after[0], id: after[1] });
    return qb.getMany();
  }

  async insert(data: Partial<SourceEntity>): Promise<string> {
    const saved = await this.repo().save(this.repo().create(data));
    return saved.id;
  }

  async update(id: string, data: Partial<SourceEntity>, em?: EntityManager): Promise<void> {
    // jsonb columns typed as records trip TypeORM's deep-partial type; the values are plain JSON.
    await this.repo(em).update({ id }, data as Parameters<Repository<SourceEntity>['update']>[1]);
  }

  async hasMentions(id: string): Promise<boolean> {
    const rows = await this.ds.query<unknown[]>('SELECT 1 FROM mentions WHERE source_id = $1 LIMIT 1', [id]);
    return rows.length > 0;
  }

  async delete(id: string): Promise<boolean> {
    const res = await this.repo().delete({ id });
    return (res.affected ?? 0) > 0;
  }

  /** Items stored, duplicated and skipped in the last 24 h, per source. */
  async health(ids: string[]): Promise<Map<string, HealthRow>> {
    if (!ids.length) return new Map();
    const rows = await this.ds.query<HealthRow[]>(
      `SELECT source_id AS "sourceId", sum(ingested)::int AS ingested, sum(duplicates)::int AS duplicates,
              sum(skipped)::int AS skipped
       FROM source_stats WHERE source_id = ANY($1::uuid[]) AND hour > now() - interval '24 hours'
       GROUP BY source_id`,
      [ids],
    );
    return new Map(rows.map((r) => [r.sourceId, r]));
  }

  async skipReasons(ids: string[]): Promise<Map<string, { reason: string; count: number }[]>> {
    if (!ids.length) return new Map();
    const rows = await this.ds.query<{ sourceId: string; reason: string; count: number }[]>(
      `SELECT source_id AS "sourceId", reason, count(*)::int AS count
       FROM source_skips WHERE source_id = ANY($1::uuid[]) AND at > now() - interval '24 hours'
       GROUP BY source_id, reason ORDER BY count(*) DESC, reason`,
      [ids],
    );
    const map = new Map<string, { reason: string; count: number }[]>();
    for (const r of rows) map.set(r.sourceId, [...(map.get(r.sourceId) ?? []), { reason: r.reason, count: r.count }]);
    return map;
  }

  /**
   * Claims sources whose poll is due (across every instance: SKIP LOCKED) and pushes their next poll out
   * provisionally, so a tick on another instance does not enqueue them again.
   */
  async claimDue(limit: number): Promise<string[]> {
    const rows = await returning<{ id: string }>(
      this.ds,
      `UPDATE sources SET next_poll_at = now() + make_interval(secs => greatest(poll_interval_sec, $2))
       WHERE id IN (
         SELECT id FROM sources
         WHERE enabled AND kind <> 'webhook' AND next_poll_at <= now()
           AND (lease_until IS NULL OR lease_until < now())
         ORDER BY next_poll_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING id`,
      [limit, LEASE_SECONDS],
    );
    return rows.map((r) => r.id);
  }

  /** Takes the poll lease (the fencing token later checked by each page's commit); null when someone holds it. */
  async acquireLease(id: string, token: string): Promise<SourceEntity | null> {
    const rows = await returning<{ id: string }>(
      this.ds,
      `UPDATE sources SET lease_token = $2, lease_until = now() + make_interval(secs => $3)
       WHERE id = $1 AND enabled AND (lease_token IS NULL OR lease_until < now()) RETURNING id`,
      [id, token, LEASE_SECONDS],
    );
    return rows.length ? this.findById(id) : null;
  }

  /** Inside a page's transaction: locks the source row and checks this poll still holds the lease. */
  async holdsLease(em: EntityManager, id: string, token: string): Promise<boolean> {
    const rows = await returning(
      em,
      `UPDATE sources SET lease_until = now() + make_interval(secs => $3)
       WHERE id = $1 AND lease_token = $2 RETURNING 1`,
      [id, token, LEASE_SECONDS],
    );
    return rows.length > 0;
  }

  /** Ends a poll: its outcome is written only if this poll still holds the lease (a disabled source stays so). */
  async releaseLease(
    id: string,
    token: string,
    d: { status: string; failures: number; lastError: string | null; nextPollAt: Date; lastPolledAt: Date },
  ): Promise<boolean> {
    const rows = await returning(
      this.ds,
      `UPDATE sources SET lease_token = NULL, lease_until = NULL, failures = $3, last_error = $4,
         status = CASE WHEN enabled THEN $5 ELSE 'disabled' END, next_poll_at = $6, last_polled_at = $7,
         updated_at = now()
       WHERE id = $1 AND lease_token = $2 RETURNING 1`,
      [id, token, d.failures, d.lastError, d.status, d.nextPollAt, d.lastPolledAt],
    );
    return rows.length > 0;
  }

  async addStats(
    em: EntityManager,
    sourceId: string,
    counts: { ingested: number; duplicates: number; skipped: number },
  ): Promise<void> {
    if (!counts.ingested && !counts.duplicates && !counts.skipped) return;
    await em.query(
      `INSERT INTO source_stats (source_id, hour, ingested, duplicates, skipped)
       VALUES ($1, date_trunc('hour', now()), $2, $3, $4)
       ON CONFLICT (source_id, hour) DO UPDATE SET ingested = source_stats.ingested + EXCLUDED.ingested,
         duplicates = source_stats.duplicates + EXCLUDED.duplicates, skipped = source_stats.skipped + EXCLUDED.skipped`,
      [sourceId, counts.ingested, counts.duplicates, counts.skipped],
    );
  }

  async addSkips(em: EntityManager, sourceId: string, skips: { externalId?: string | null; reason: string }[]) {
    if (!skips.length) return;
    await em.query(
      `INSERT INTO source_skips (source_id, external_id, reason)
       SELECT $1, s.external_id, left(s.reason, 300) FROM jsonb_to_recordset($2::jsonb) AS s(external_id text, reason text)`,
      [
        sourceId,
        JSON.stringify(skips.map((s) => ({ external_id: s.externalId?.slice(0, 500) ?? null, reason: s.reason }))),
      ],
    );
  }

  async prune(): Promise<void> {
    await this.ds.query(`DELETE FROM source_skips WHERE at < now() - interval '7 days'`);
    await this.ds.query(`DELETE FROM source_stats WHERE hour < now() - interval '30 days'`);
    await this.ds.query(`DELETE FROM webhook_deliveries WHERE received_at < now() - interval '7 days'`);
  }
}

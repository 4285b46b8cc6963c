import { DEFAULT_SLA_TARGETS, IanaZoneSchema, type BusinessHours, type SlaTargets } from '@dengar/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { returning, type Queryable } from '../../database/sql.js';

export interface SettingsRow {
  timezone: string;
  requireOutcomeTag: boolean;
  businessHours: BusinessHours | null;
  slaTargets: SlaTargets;
  updatedAt: Date;
}

const COLUMNS = `timezone, require_outcome_tag AS "requireOutcomeTag", business_hours AS "businessHours",
  sla_targets AS "slaTargets", updated_at AS "updatedAt"`;

/** The server's zone: `TZ` when it names an IANA zone, else what the runtime resolved, else UTC. */
export function serverTimezone(): string {
  for (const tz of [process.env.TZ, Intl.DateTimeFormat().resolvedOptions().timeZone]) {
    if (tz && IanaZoneSchema.safeParse(tz).success) return tz;
  }
  return 'UTC';
}

/** Creates the single settings row (id 1) with the defaults unless it exists; safe under concurrency. */
export async function ensureSettingsRow(db: Queryable): Promise<void> {
  await db.query(
    `INSERT INTO workspace_settings (id, timezone, sla_targets) VALUES (1, $1, $2::jsonb) ON CONFLICT (id) DO NOTHING`,
    [serverTimezone(), JSON.stringify(DEFAULT_SLA_TARGETS)],
  );
}

/** Column name (snake_case) → value. */
export type SettingsChange = Partial<{
  timezone: string;
  require_outcome_tag: boolean;
  business_hours: BusinessHours | null;
  sla_targets: SlaTargets;
}>;

@Injectable()
export class SettingsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async find(db: Queryable | null): Promise<SettingsRow | null> {
    const rows = await (db ?? this.ds).query<SettingsRow[]>(`SELECT ${COLUMNS} FROM workspace_settings WHERE id = 1`);
    return rows[0] ?? null;
  }

  ensure(db: Queryable | null): Promise<void> {
    return ensureSettingsRow(db ?? this.ds);
  }

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }

  async update(em: EntityManager, change: SettingsChange): Promise<SettingsRow> {
    const cols = Object.keys(change) as (keyof SettingsChange)[];
    const params: unknown[] = cols.map((c) => {
      const v = change[c];
      // jsonb columns take JSON text; `null` business hours clears them.
      return c === 'business_hours' || c === 'sla_targets' ? (v === null ? null : JSON.stringify(v)) : v;
    });
    const sets = cols.map((c, i) =>
      c === 'business_hours' || c === 'sla_targets' ? `${c} = $${i + 1}::jsonb` : `${c} = $${i + 1}`,
    );
    const [row] = await returning<SettingsRow>(
      em,
      `UPDATE workspace_settings SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = 1 RETURNING ${COLUMNS}`,
      params,
    );
    if (!row) throw new Error('workspace_settings row missing');
    return row;
  }
}

import type { HealthResponse } from '@dengar/contracts';
import { migrations } from '@dengar/migrations';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MIGRATIONS_TABLE } from '../../database/data-source.js';
import { JobsService } from '../../jobs/jobs.service.js';
import { SetupService } from '../setup/setup.service.js';

const VERSION = process.env.npm_package_version ?? '0.1.0';

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly jobs: JobsService,
    private readonly setup: SetupService,
  ) {}

  /** Ready only when the database answers, every migration is applied, the workspace is seeded and jobs run. */
  async check(): Promise<HealthResponse> {
    const started = performance.now();
    const unavailable = (error: string): HealthResponse => ({
      status: 'unavailable',
      version: VERSION,
      database: { ok: false, latencyMs: null, error },
      migrations: { ok: false, applied: 0, pending: [], latest: null },
      seed: { admin: false, defaultTeam: false },
      jobs: this.jobs.health(),
    });
    let applied: string[];
    try {
      const rows: { name: string }[] = await this.ds.query(`SELECT name FROM "${MIGRATIONS_TABLE}" ORDER BY id`);
      applied = rows.map((r) => r.name);
    } catch (e) {
      return unavailable(e instanceof Error ? e.message : String(e));
    }
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    const known = migrations.map((m) => new m().name ?? m.name);
    const pending = known.filter((n) => !applied.includes(n));
    const seed = await this.setup.seedState();
    const jobs = this.jobs.health();
    const ok = pending.length === 0 && seed.admin && seed.defaultTeam && jobs.ok;
    return {
      status: ok ? 'ok' : 'unavailable',
      version: VERSION,
      database: { ok: true, latencyMs },
      migrations: {
        ok: pending.length === 0,
        applied: applied.length,
        pending,
        latest: applied[applied.length - 1] ?? null,
      },
      seed,
      jobs,
    };
  }
}

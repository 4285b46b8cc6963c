import { UpdateSettingsRequestSchema, type Settings, type UpdateSettingsRequest } from '@dengar/contracts';
import { Injectable } from '@nestjs/common';
import { isManager, type Principal } from '../../common/principal.js';
import { ForbiddenException } from '../../common/app.exception.js';
import type { Queryable } from '../../database/sql.js';
import { SettingsForbiddenException } from './settings.exception.js';
import { SettingsRepository, type SettingsChange, type SettingsRow } from './settings.repository.js';

const toSettings = (r: SettingsRow): Settings => ({
  timezone: r.timezone,
  requireOutcomeTag: r.requireOutcomeTag,
  businessHours: r.businessHours,
  slaTargets: r.slaTargets,
  updatedAt: r.updatedAt.toISOString(),
});

/** Fields a manager may change; the rest are admin-only (SPEC §9). */
const MANAGER_FIELDS: readonly (keyof UpdateSettingsRequest)[] = ['slaTargets'];

/** The workspace settings: one row, created with defaults (server time zone, SPEC §5 SLA targets) when missing. */
@Injectable()
export class SettingsService {
  constructor(private readonly settings: SettingsRepository) {}

  /** For other modules too: pass the caller's transaction to read what it sees. */
  async get(db?: Queryable): Promise<Settings> {
    const found = await this.settings.find(db ?? null);
    if (found) return toSettings(found);
    await this.settings.ensure(db ?? null);
    const row = await this.settings.find(db ?? null);
    if (!row) throw new Error('workspace_settings row missing after insert');
    return toSettings(row);
  }

  async update(actor: Principal, input: UpdateSettingsRequest): Promise<Settings> {
    const data = UpdateSettingsRequestSchema.parse(input);
    if (!isManager(actor)) throw new ForbiddenException('Only managers and admins change workspace settings');
    const given = (Object.keys(data) as (keyof UpdateSettingsRequest)[]).filter((k) => data[k] !== undefined);
    if (actor.role !== 'admin') {
      const adminOnly = given.filter((k) => !MANAGER_FIELDS.includes(k));
      if (adminOnly.length) throw new SettingsForbiddenException(adminOnly);
    }
    const change: SettingsChange = {};
    if (data.timezone !== undefined) change.timezone = data.timezone;
    if (data.requireOutcomeTag !== undefined) change.require_outcome_tag = data.requireOutcomeTag;
    if (data.businessHours !== undefined) change.business_hours = data.businessHours;
    if (data.slaTargets !== undefined) change.sla_targets = data.slaTargets;
    const row = await this.settings.transaction(async (em) => {
      await this.settings.ensure(em);
      return this.settings.update(em, change);
    });
    return toSettings(row);
  }
}

import { DEFAULT_TEAM_NAME, type Role } from '@dengar/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { hashPassword, randomToken } from '../auth/auth.crypto.js';
import { DEFAULT_POLL_INTERVAL } from '../source/connector-registry.js';
import { DEMO_BRANDS, DEMO_CAMPAIGN } from '../source/connectors/demo.connector.js';

export interface SetupReport {
  adminEmail: string;
  /** Set only on the start that created the admin with a generated password: print it once. */
  generatedAdminPassword?: string;
  demoUsers?: { email: string; role: Role }[];
  demoPassword?: string;
}

// Any fixed 64-bit number: serialises first-start set-up across instances starting at once.
const SETUP_LOCK = 4_711_2026;

const DEMO_TEAMS = ['Customer Care', 'Marketing'] as const;
const DEMO_USERS: { email: string; name: string; role: Role; locale: 'en' | 'id'; teams: string[] }[] = [
  {
    email: 'budi@dengar.local',
    name: 'Budi Santoso',
    role: 'manager',
    locale: 'id',
    teams: ['Customer Care', 'Marketing', DEFAULT_TEAM_NAME],
  },
  {
    email: 'sari@dengar.local',
    name: 'Sari Wulandari',
    role: 'agent',
    locale: 'id',
    teams: ['Customer Care', DEFAULT_TEAM_NAME],
  },
  {
    email: 'alex@dengar.local',
    name: 'Alex Morgan',
    role: 'agent',
    locale: 'en',
    teams: ['Customer Care', DEFAULT_TEAM_NAME],
  },
  { email: 'maya@dengar.local', name: 'Maya Putri', role: 'marketing', locale: 'en', teams: ['Marketing'] },
];

/** First start: the `General` team, the first admin and (unless DENGAR_DEMO=false) a demo workspace. */
@Injectable()
export class SetupService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  async ensureWorkspace(): Promise<SetupReport> {
    return this.ds.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock($1)', [SETUP_LOCK]);
      const report: SetupReport = { adminEmail: this.config.admin.email };
      await em.query(
        `INSERT INTO teams (name, is_default) SELECT $1, true WHERE NOT EXISTS (SELECT 1 FROM teams WHERE is_default)`,
        [DEFAULT_TEAM_NAME],
      );
      const [{ users }] = await em.query<[{ users: number }]>('SELECT count(*)::int AS users FROM users');
      if (users > 0) {
        const [admin] = await em.query<{ email: string }[]>(
          "SELECT email FROM users WHERE role = 'admin' AND active ORDER BY created_at LIMIT 1",
        );
        if (admin) report.adminEmail = admin.email;
        return report;
      }
      const password = this.config.admin.password ?? randomToken(12);
      if (!this.config.admin.password) report.generatedAdminPassword = password;
      const [admin] = await em.query<{ id: string }[]>(
        `INSERT INTO users (email, name, role, password_hash) VALUES ($1, 'Admin', 'admin', $2) RETURNING id`,
        [this.config.admin.email, await hashPassword(password)],
      );
      await em.query('INSERT INTO team_members (team_id, user_id) SELECT id, $1 FROM teams WHERE is_default', [
        admin!.id,
      ]);
      if (this.config.demo) {
        const demoPassword = randomToken(9);
        const hash = await hashPassword(demoPassword);
        for (const name of DEMO_TEAMS) await em.query('INSERT INTO teams (name) VALUES ($1)', [name]);
        for (const u of DEMO_USERS) {
          const [row] = await em.query<{ id: string }[]>(
            'INSERT INTO users (email, name, role, locale, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING id',
            [u.email, u.name, u.role, u.locale, hash],
          );
          await em.query('INSERT INTO team_members (team_id, user_id) SELECT id, $1 FROM teams WHERE name = ANY($2)', [
            row!.id,
            u.teams,
          ]);
        }
        await this.seedListening(em);
        report.demoUsers = DEMO_USERS.map((u) => ({ email: u.email, role: u.role }));
        report.demoPassword = demoPassword;
      }
      return report;
    });
  }

  /** The demo's own brand, a competitor, a running campaign and a live `demo` source (SPEC §10). */
  private async seedListening(em: EntityManager) {
    const brandIds: Record<string, string> = {};
    for (const b of [DEMO_BRANDS.own, DEMO_BRANDS.competitor]) {
      const [row] = await em.query<{ id: string }[]>(
        `INSERT INTO brands (name, kind, keywords, handles, hashtags, excluded_keywords)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [b.name, b.kind, b.keywords, b.handles, b.hashtags, b.excludedKeywords],
      );
      brandIds[b.kind] = row!.id;
    }
    await em.query(
      `INSERT INTO campaigns (name, brand_id, hashtags, keywords, starts_at, ends_at)
       VALUES ($1, $2, $3, $4, now() - interval '7 days', now() + interval '30 days')`,
      [DEMO_CAMPAIGN.name, brandIds.own, DEMO_CAMPAIGN.hashtags, DEMO_CAMPAIGN.keywords],
    );
    await em.query(
      `INSERT INTO sources (kind, name, config, poll_interval_sec, backfill_limit, next_poll_at)
       VALUES ('demo', 'Demo stream', $1, $2, 30, now())`,
      [JSON.stringify({ ratePerMinute: 6 }), DEFAULT_POLL_INTERVAL.demo],
    );
  }

  async seedState(): Promise<{ admin: boolean; defaultTeam: boolean }> {
    const [row] = await this.ds.query<{ admin: boolean; defaultTeam: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM users WHERE role = 'admin' AND active) AS admin,
              EXISTS (SELECT 1 FROM teams WHERE is_default) AS "defaultTeam"`,
    );
    return row ?? { admin: false, defaultTeam: false };
  }
}

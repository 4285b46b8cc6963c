import {
  DEFAULT_OUTCOME_TAGS,
  DEFAULT_TEAM_NAME,
  type Locale,
  type Role,
  type RoutingRule,
  type TagKind,
} from '@dengar/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { hashPassword, randomToken } from '../auth/auth.crypto.js';
import { ensureSettingsRow } from '../settings/settings.repository.js';
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

const DEMO_TEAMS = ['Customer Care', 'Marketing'];
type RoutingRuleSeed = Pick<RoutingRule, 'name' | 'conditions' | 'actions'>;
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

/** One distinct colour per default outcome tag. */
const OUTCOME_TAG_COLORS: Record<(typeof DEFAULT_OUTCOME_TAGS)[number], string> = {
  'resolved-info': '#22c55e',
  refund: '#f59e0b',
  escalated: '#ef4444',
  'sales-lead': '#3b82f6',
  bug: '#a855f7',
  'feature-request': '#06b6d4',
  'praise-shared': '#ec4899',
  'churn-risk': '#f97316',
};

const DEMO_TAGS: { name: string; kind: TagKind; color: string }[] = [
  { name: 'delivery', kind: 'topic', color: '#0ea5e9' },
  { name: 'menu', kind: 'topic', color: '#84cc16' },
  { name: 'mobile-app', kind: 'topic', color: '#6366f1' },
  { name: 'senjafest', kind: 'campaign', color: '#eab308' },
];

const DEMO_CANNED: { name: string; shortcut: string; language: Locale; body: string }[] = [
  {
    name: 'Thanks',
    shortcut: 'thanks',
    language: 'en',
    body: 'Hi {{author.name}}, thank you so much for the kind words about {{brand.name}}! We have shared them with the team. — {{agent.name}}',
  },
  {
    name: 'Order status',
    shortcut: 'order-status',
    language: 'en',
    body: 'Hi {{author.name}}, sorry for the wait! Could you send us your order number by DM so we can check on it? — {{agent.name}}, {{brand.name}} care (ref #{{ticket.number}})',
  },
  {
    name: 'Refund',
    shortcut: 'refund',
    language: 'en',
    body: 'Hi {{author.name}}, we are sorry about this. We have started a refund for you (ref #{{ticket.number}}); it should reach you within 3–5 working days. — {{agent.name}}, {{brand.name}}',
  },
  {
    name: 'Terima kasih',
    shortcut: 'thanks',
    language: 'id',
    body: 'Halo {{author.name}}, terima kasih banyak atas pujiannya untuk {{brand.name}}! Sudah kami sampaikan ke tim. — {{agent.name}}',
  },
  {
    name: 'Status pesanan',
    shortcut: 'order-status',
    language: 'id',
    body: 'Halo {{author.name}}, mohon maaf sudah menunggu! Boleh kirim nomor pesanannya lewat DM supaya kami cek? — {{agent.name}}, tim {{brand.name}} (ref #{{ticket.number}})',
  },
  {
    name: 'Pengembalian dana',
    shortcut: 'refund',
    language: 'id',
    body: 'Halo {{author.name}}, mohon maaf atas kejadian ini. Pengembalian dana sudah kami proses (ref #{{ticket.number}}) dan akan masuk dalam 3–5 hari kerja. — {{agent.name}}, {{brand.name}}',
  },
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
      await ensureSettingsRow(em);
      await this.seedOutcomeTags(em);
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
        await this.seedCareKit(em);
        await this.seedRouting(em);
        report.demoUsers = DEMO_USERS.map((u) => ({ email: u.email, role: u.role }));
        report.demoPassword = demoPassword;
      }
      return report;
    });
  }

  /** SPEC §3's outcome tags, on every workspace whose tag list is empty. */
  private async seedOutcomeTags(em: EntityManager) {
    await em.query(
      `INSERT INTO tags (name, kind, color)
       SELECT t.name, 'outcome', t.color FROM jsonb_to_recordset($1::jsonb) AS t(name text, color text)
       WHERE NOT EXISTS (SELECT 1 FROM tags)`,
      [JSON.stringify(DEFAULT_OUTCOME_TAGS.map((name) => ({ name, color: OUTCOME_TAG_COLORS[name] })))],
    );
  }

  /** The demo's topic and campaign tags and canned responses in English and Indonesian. */
  private async seedCareKit(em: EntityManager) {
    await em.query(
      `INSERT INTO tags (name, kind, color)
       SELECT t.name, t.kind, t.color FROM jsonb_to_recordset($1::jsonb) AS t(name text, kind text, color text)
       ON CONFLICT (name) DO NOTHING`,
      [JSON.stringify(DEMO_TAGS)],
    );
    await em.query(
      `INSERT INTO canned_responses (name, shortcut, language, body)
       SELECT c.name, c.shortcut, c.language, c.body
       FROM jsonb_to_recordset($1::jsonb) AS c(name text, shortcut text, language text, body text)
       ON CONFLICT (shortcut, language) DO NOTHING`,
      [JSON.stringify(DEMO_CANNED)],
    );
  }

  /**
   * The demo's routing (SPEC §5): care work to Customer Care (angry complaints first, as high priority), buying
   * signals and praise to Marketing, and competitors' unhappy customers to Marketing as sales leads (a
   * competitor-only mention opens a ticket only because this rule says so). Customer Care hands tickets out
   * `balanced` to members who are online.
   */
  private async seedRouting(em: EntityManager) {
    const teams = new Map(
      (
        await em.query<{ id: string; name: string }[]>('SELECT id, name FROM teams WHERE name = ANY($1)', [DEMO_TEAMS])
      ).map((t) => [t.name, t.id]),
    );
    const care = teams.get('Customer Care')!;
    const marketing = teams.get('Marketing')!;
    const [lead] = await em.query<{ id: string }[]>("SELECT id FROM tags WHERE name = 'sales-lead'");
    const rules: RoutingRuleSeed[] = [
      {
        name: 'Competitor complaints are sales leads',
        conditions: { brandKind: 'competitor', types: ['complaint', 'purchase_intent'] },
        actions: { teamId: marketing, ...(lead ? { tagIds: [lead.id] } : {}) },
      },
      {
        name: 'Angry complaints first',
        conditions: { brandKind: 'own', types: ['complaint'], sentiments: ['negative'] },
        actions: { teamId: care, priority: 'high' },
      },
      {
        name: 'Questions and complaints to Customer Care',
        conditions: { brandKind: 'own', types: ['question', 'complaint'] },
        actions: { teamId: care },
      },
      {
        name: 'Buying signals and praise to Marketing',
        conditions: { brandKind: 'own', types: ['purchase_intent', 'praise', 'promo'] },
        actions: { teamId: marketing },
      },
    ];
    await em.query(
      `INSERT INTO routing_rules (name, position, conditions, actions)
       SELECT r.name, r.position, r.conditions, r.actions
       FROM jsonb_to_recordset($1::jsonb) AS r(name text, position int, conditions jsonb, actions jsonb)`,
      [JSON.stringify(rules.map((r, position) => ({ ...r, position })))],
    );
    await em.query("UPDATE teams SET assignment_mode = 'balanced' WHERE id = $1", [care]);
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

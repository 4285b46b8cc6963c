import { migrations } from '@dengar/migrations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../src/database/data-source.js';
import { schemaDiff } from '../src/database/schema-diff.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

describe('migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  it('agree with the entities: TypeORM finds nothing to change after they ran', async () => {
    const ds = createDataSource(db.url, { poolSize: 1 });
    await ds.initialize();
    try {
      const diff = await schemaDiff(ds);
      expect(
        diff.up.map((q) => q.query),
        'run `pnpm db:generate <Name>` to write the missing migration',
      ).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });

  it('can all be undone and applied again', async () => {
    const ds = createDataSource(db.url, { poolSize: 1 });
    await ds.initialize();
    try {
      for (let i = 0; i < migrations.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      const left = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('users', 'teams', 'sessions')",
      );
      expect(left[0]!.n).toBe(0);
      const ran = await ds.runMigrations({ transaction: 'each' });
      expect(ran.length).toBe(migrations.length);
      expect((await schemaDiff(ds)).up).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });

  it('fill the care rollups from the tickets already there when CareRollups runs on an upgraded database', async () => {
    const ds = createDataSource(db.url, { poolSize: 1 });
    await ds.initialize();
    try {
      const after = migrations.length - migrations.findIndex((m) => m.name.startsWith('CareRollups'));
      for (let i = 0; i < after; i++) await ds.undoLastMigration({ transaction: 'each' });
      const [team] = await db.query<{ id: string }>(`INSERT INTO teams (name) VALUES ('Upgrade') RETURNING id`);
      const [source] = await db.query<{ id: string }>(
        `INSERT INTO sources (kind, name, poll_interval_sec) VALUES ('webhook', 'Upgrade', 60) RETURNING id`,
      );
      const [author] = await db.query<{ id: string }>(
        `INSERT INTO authors (source_kind, external_id, handle) VALUES ('webhook', 'u1', 'u1') RETURNING id`,
      );
      const [tag] = await db.query<{ id: string }>(
        `INSERT INTO tags (name, kind) VALUES ('Done', 'outcome') RETURNING id`,
      );
      const tickets = await db.query<{ id: string }>(
        `INSERT INTO tickets (team_id, source_id, author_id, subject, sentiment_label, sentiment_score, last_activity_at,
           first_responded_at, created_at)
         SELECT $1, $2, $3, 'Upgrade ' || g, 'neutral', 0, now(), CASE WHEN g = 1 THEN now() END, now()
         FROM generate_series(1, 2) g RETURNING id`,
        [team!.id, source!.id, author!.id],
      );
      await db.query('INSERT INTO ticket_tags (ticket_id, tag_id) VALUES ($1, $2)', [tickets[0]!.id, tag!.id]);

      expect(await ds.runMigrations({ transaction: 'each' })).toHaveLength(after);
      const [care] = await db.query<{ tickets: number; answered: number }>(
        `SELECT sum(tickets)::int AS tickets, sum(fr_count)::int AS answered FROM (
           SELECT tickets, fr_count FROM insights_care_daily UNION ALL SELECT tickets, fr_count FROM insights_care_delta) r`,
      );
      expect(care).toEqual({ tickets: 2, answered: 1 });
      const [outcomes] = await db.query<{ n: number }>(
        `SELECT sum(tickets)::int AS n FROM (SELECT tickets FROM insights_outcome_daily WHERE tag_id = $1
           UNION ALL SELECT tickets FROM insights_outcome_delta WHERE tag_id = $1) r`,
        [tag!.id],
      );
      expect(outcomes!.n).toBe(1);
      await db.query('DELETE FROM tickets WHERE team_id = $1', [team!.id]);
      const [left] = await db.query<{ n: number | null }>(
        `SELECT sum(tickets)::int AS n FROM (SELECT tickets FROM insights_care_daily UNION ALL SELECT tickets FROM insights_care_delta) r`,
      );
      expect(left!.n ?? 0).toBe(0);
      await db.query('DELETE FROM tags WHERE id = $1', [tag!.id]);
      await db.query('DELETE FROM authors WHERE id = $1', [author!.id]);
      await db.query('DELETE FROM sources WHERE id = $1', [source!.id]);
      await db.query('DELETE FROM teams WHERE id = $1', [team!.id]);
    } finally {
      await ds.destroy();
    }
  });

  it('are listed oldest first with unique names', () => {
    const names = migrations.map((m) => m.name);
    const stamps = names.map((n) => Number(/(\d{13})$/.exec(n)?.[1]));
    expect(stamps.every(Number.isFinite)).toBe(true);
    expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);
    expect(new Set(names).size).toBe(names.length);
  });
});

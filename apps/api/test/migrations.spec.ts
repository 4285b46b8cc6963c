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

  it('are listed oldest first with unique names', () => {
    const names = migrations.map((m) => m.name);
    const stamps = names.map((n) => Number(/(\d{13})$/.exec(n)?.[1]));
    expect(stamps.every(Number.isFinite)).toBe(true);
    expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);
    expect(new Set(names).size).toBe(names.length);
  });
});

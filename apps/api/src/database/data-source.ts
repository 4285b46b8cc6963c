import { migrations } from '@dengar/migrations';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

export const MIGRATIONS_TABLE = 'typeorm_migrations';

/** The one set of options the app, the CLI and the tests share. */
export function dataSourceOptions(
  url: string,
  extra: { poolSize?: number; onPoolError?: (e: Error) => void } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    poolSize: extra.poolSize ?? 10,
    applicationName: 'dengar',
    // gen_random_uuid() is built into PostgreSQL 13+; no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    ...(extra.onPoolError ? { poolErrorHandler: extra.onPoolError } : {}),
  };
}

export function createDataSource(url: string, extra?: Parameters<typeof dataSourceOptions>[1]): DataSource {
  return new DataSource(dataSourceOptions(url, extra));
}

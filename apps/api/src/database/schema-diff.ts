import type { DataSource } from 'typeorm';

export interface SchemaDiff {
  up: { query: string; parameters?: unknown[] }[];
  down: { query: string; parameters?: unknown[] }[];
}

/** What TypeORM would change to make the database match the entities; empty when migrations are complete. */
export async function schemaDiff(dataSource: DataSource): Promise<SchemaDiff> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: sql.upQueries.map((q) => ({ query: q.query, parameters: q.parameters })),
    down: sql.downQueries.map((q) => ({ query: q.query, parameters: q.parameters })),
  };
}

/** Anything that runs SQL: a DataSource, an EntityManager or a QueryRunner. */
export interface Queryable {
  query<T = unknown>(sql: string, params?: unknown[]): Promise<T>;
}

/**
 * Rows of an `UPDATE … RETURNING` / `DELETE … RETURNING`. TypeORM's PostgreSQL driver answers those with
 * `[rows, rowCount]` instead of the rows (SELECT and INSERT give the rows), which silently breaks `.length`.
 */
export async function returning<T>(db: Queryable, sql: string, params: unknown[] = []): Promise<T[]> {
  const res = await db.query<unknown>(sql, params);
  if (Array.isArray(res) && res.length === 2 && Array.isArray(res[0]) && typeof res[1] === 'number') {
    return res[0] as T[];
  }
  return res as T[];
}

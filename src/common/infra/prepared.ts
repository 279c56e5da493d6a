import type { EntityManager } from 'typeorm';

type PgQueryable = { query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }> };

/**
 * Runs a hot statement as a named prepared statement: PostgreSQL parses and plans it once per
 * connection instead of on every call. Inside a transaction it runs on the transaction's own
 * connection; outside, on the pool TypeORM owns. Use it for statements on a request's hot path
 * whose planning costs as much as their execution (CTEs, recursive queries, JSON building).
 */
export async function preparedQuery<T>(m: EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
  const runner = m.queryRunner as unknown as { databaseConnection?: PgQueryable; isReleased?: boolean } | undefined;
  const target: PgQueryable = runner?.databaseConnection ?? (m.connection.driver as unknown as { master: PgQueryable }).master;
  return (await target.query({ name, text, values })).rows as T[];
}

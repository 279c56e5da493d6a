import type { EntityManager, QueryRunner } from 'typeorm';

type PgClient = { query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }> };

/**
 * Runs a hot statement as a named prepared statement: PostgreSQL parses and plans it once per
 * connection instead of on every call. Inside a transaction it runs on the transaction's own
 * connection; outside, on a pooled connection checked out for the call. Use it for statements on
 * a request's hot path whose planning costs as much as their execution (CTEs, recursive queries,
 * JSON building).
 *
 * TypeORM's `query()` has no way to name a statement, so this goes to the node-postgres client
 * underneath, reached through the public `QueryRunner.connect()` (which resolves to that client).
 */
export async function preparedQuery<T>(m: EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
  const own: QueryRunner | undefined = m.queryRunner && !m.queryRunner.isReleased ? m.queryRunner : undefined;
  const runner = own ?? m.connection.createQueryRunner();
  try {
    const client = (await runner.connect()) as PgClient;
    return (await client.query({ name, text, values })).rows as T[];
  } finally {
    if (!own) await runner.release();
  }
}

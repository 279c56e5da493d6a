import type { DataSource } from 'typeorm';

export type SchemaDiff = { up: string[]; down: string[] };

/** The SQL TypeORM would generate to make the database match the entities: empty when they agree. */
export async function pendingSchemaChanges(ds: DataSource): Promise<SchemaDiff> {
  const sql = await ds.driver.createSchemaBuilder().log();
  return {
    up: sql.upQueries.map((q) => q.query),
    down: sql.downQueries.map((q) => q.query).reverse(),
  };
}

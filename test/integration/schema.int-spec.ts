import { createDataSource } from '../../src/database/data-source';
import { runMigrations } from '../../src/database/migrate';
import { pendingSchemaChanges } from '../../src/database/schema-drift';
import { createEmptyDatabase } from '../support/databases';

describe('Migrations', () => {
  it('apply to an empty database and leave nothing for the entities to generate', async () => {
    const db = await createEmptyDatabase();
    try {
      const applied = await runMigrations(db.url);
      expect(applied.length).toBeGreaterThan(0);
      expect(await runMigrations(db.url)).toEqual([]);
      const ds = createDataSource(db.url, { poolSize: 1 });
      await ds.initialize();
      try {
        const diff = await pendingSchemaChanges(ds);
        expect(diff.up).toEqual([]);
      } finally {
        await ds.destroy();
      }
    } finally {
      await db.drop();
    }
  });

  it('can be reverted all the way down', async () => {
    const db = await createEmptyDatabase();
    try {
      await runMigrations(db.url);
      const ds = createDataSource(db.url, { poolSize: 1 });
      await ds.initialize();
      try {
        while ((await ds.query(`SELECT count(*)::int AS n FROM migrations`))[0].n > 0) await ds.undoLastMigration();
        const tables = await ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`);
        expect(tables).toEqual([]);
      } finally {
        await ds.destroy();
      }
    } finally {
      await db.drop();
    }
  });
});

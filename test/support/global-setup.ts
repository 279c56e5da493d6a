import { runMigrations } from '../../src/database/migrate';
import { databaseUrl, templateName, withAdmin } from './databases';

// Leftovers of crashed runs are dropped once they are this old (a concurrent run's are younger).
const STALE_AFTER_SECONDS = 3 * 3600;

export default async function globalSetup(): Promise<void> {
  const template = templateName();
  await withAdmin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'mesa\\_t\\_%' OR datname LIKE 'mesa\\_tpl\\_%'`);
    const now = Date.now() / 1000;
    for (const { datname } of rows) {
      const ts = Number(datname.split('_')[2]);
      if (datname.startsWith('mesa_t_') && Number.isFinite(ts) && now - ts > STALE_AFTER_SECONDS) {
        await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      }
    }
    if (rows.some((r) => r.datname === template)) return;
    // Build under a temporary name and rename, so a concurrent run never clones a half-migrated template.
    const building = `${template}_build_${process.pid}`;
    await c.query(`CREATE DATABASE ${building}`);
    try {
      await runMigrations(databaseUrl(building));
      await c.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
    } catch (error) {
      await c.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      const exists = await c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [template]);
      if (!exists.rowCount) throw error;
    }
  });
}

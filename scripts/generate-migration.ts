// Dev helper: `npm run migration:generate -- <verb-object>` writes migrations/<ts>-<verb-object>.ts
// with the SQL that brings a fully migrated scratch database in line with the entities.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDataSource } from '../src/database/data-source';
import { pendingSchemaChanges } from '../src/database/schema-drift';

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[a-z]+(-[a-z0-9]+)+$/.test(name)) {
    throw new Error('usage: generate-migration <verb-object>, e.g. create-tickets');
  }
  const admin = process.env.MIGRATION_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const scratch = `mesa_migration_gen_${process.pid}`;
  const client = new Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${scratch}`);
  const url = new URL(admin);
  url.pathname = `/${scratch}`;
  const ds = createDataSource(url.toString(), { poolSize: 1 });
  try {
    await ds.initialize();
    await ds.runMigrations();
    const diff = await pendingSchemaChanges(ds);
    if (diff.up.length === 0) {
      console.log('No changes: entities and migrations agree.');
      return;
    }
    const ts = Date.now();
    const className = name.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase()) + ts;
    const q = (s: string) => `    await queryRunner.query(${JSON.stringify(s)});`;
    const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${diff.up.map(q).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${diff.down.map(q).join('\n')}
  }
}
`;
    const file = join(__dirname, '..', '..', 'migrations', `${ts}-${name}.ts`);
    writeFileSync(file, body);
    console.log(`Wrote ${file}`);
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await client.query(`DROP DATABASE IF EXISTS ${scratch}`);
    await client.end();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

import { demoLogins, loadDemoData } from '../../src/database/demo-data';
import { createTestDatabase } from '../support/databases';
import { createDataSource } from '../../src/database/data-source';

describe('Demo data', () => {
  it('loads once: an organisation tree, one login per role, catalog services and tickets; a second load changes nothing', async () => {
    const db = await createTestDatabase();
    try {
      const first = await loadDemoData(db.url);
      expect(first.created).toBe(true);
      expect(first.logins.map((l) => l.role).sort()).toEqual(demoLogins().map((l) => l.role).sort());
      const second = await loadDemoData(db.url);
      expect(second.created).toBe(false);
      const ds = await createDataSource(db.url, { poolSize: 1 }).initialize();
      try {
        const [counts] = await ds.query(
          `SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM catalog_services WHERE status = 'active') AS services,
                  (SELECT count(*)::int FROM tickets) AS tickets, (SELECT count(*)::int FROM organisations) AS orgs`,
        );
        expect(counts).toMatchObject({ users: 14, services: 7, tickets: 4, orgs: 9 });
        const numbers = (await ds.query(`SELECT number FROM tickets ORDER BY number`)) as { number: string }[];
        expect(numbers.every((n) => /^\d{4}-\d{6}$/.test(n.number))).toBe(true);
      } finally {
        await ds.destroy();
      }
    } finally {
      await db.drop();
    }
  });
});

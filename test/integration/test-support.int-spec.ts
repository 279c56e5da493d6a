import { createTestApp } from '../support/app';
import { createTestDatabase, withAdmin } from '../support/databases';

jest.mock('../support/databases', () => {
  const actual = jest.requireActual<typeof import('../support/databases')>('../support/databases');
  return { ...actual, createTestDatabase: jest.fn(actual.createTestDatabase) };
});

describe('createTestApp', () => {
  it('drops its database when the app fails to boot', async () => {
    await expect(createTestApp({ env: { SESSION_TTL_HOURS: 'not-a-number' } })).rejects.toThrow(/SESSION_TTL_HOURS/);
    const calls = jest.mocked(createTestDatabase).mock.results;
    expect(calls).toHaveLength(1);
    const { name } = await (calls[0].value as ReturnType<typeof createTestDatabase>);
    const left = await withAdmin((c) => c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]));
    expect(left.rowCount).toBe(0);
  });
});

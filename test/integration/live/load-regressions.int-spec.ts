import { createTestApp, type TestApp } from '../../support/app';
import { createUser } from '../../support/factories';
import { as, login } from '../../support/http';

describe('Load regressions found by the benchmarks', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('keeps answering when more tickets are created at once than the pool has connections', async () => {
    const agent = await createUser(t.dataSource, { roles: ['agent_l1'] });
    const requester = await createUser(t.dataSource, { roles: ['requester'] });
    const s = await login(t.url, agent.email, agent.password);
    // The API pool holds 20 connections; before the fix 40+ concurrent creates deadlocked it for good.
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        as(t.url, s)
          .post('/api/v1/tickets')
          .send({ requesterId: requester.id, title: `Ráfaga ${i}`, description: 'carga' }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(60).fill(201));
    expect(new Set(results.map((r) => r.body.number)).size).toBe(60);
    const list = await as(t.url, s).get('/api/v1/tickets?view=open&pageSize=10').expect(200);
    expect(list.body).toMatchObject({ total: 60, totalCapped: false });
    expect(list.body.items).toHaveLength(10);
  }, 60_000);

  it('numbers the millionth ticket of a year with seven digits instead of colliding', async () => {
    const requester = await createUser(t.dataSource, { roles: ['requester'] });
    const s = await login(t.url, requester.email, requester.password);
    const first = (await as(t.url, s).post('/api/v1/tickets').send({ title: 'uno', description: 'x' }).expect(201)).body;
    const year = first.number.slice(0, 4);
    await t.dataSource.query(`SELECT setval('ticket_number_${year}', 999999)`);
    const big = (await as(t.url, s).post('/api/v1/tickets').send({ title: 'dos', description: 'x' }).expect(201)).body;
    expect(big.number).toBe(`${year}-1000000`);
  });
});

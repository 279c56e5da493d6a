import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApi } from '../../src/api.factory';
import { createTestApp, type TestApp } from '../support/app';
import { createUser } from '../support/factories';
import { as, login } from '../support/http';

/**
 * Resolved sessions are reused from memory for AUTH_CACHE_SECONDS; these tests pin down that
 * nothing that should end or narrow access waits for that, in this process or another one.
 */
describe('Session cache', () => {
  let t: TestApp;
  let second: INestApplication;
  let secondUrl: string;
  beforeAll(async () => {
    t = await createTestApp({ env: { AUTH_CACHE_SECONDS: '60' } });
    // A second API process on the same database and Redis prefix.
    second = await createApi(t.config);
    await second.listen(0, '127.0.0.1');
    secondUrl = `http://127.0.0.1:${(second.getHttpServer().address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  async function eventually(check: () => Promise<boolean>, ms = 2_000): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if (await check()) return true;
      await new Promise((r) => setTimeout(r, 25));
    }
    return check();
  }

  it('narrows access at once when an admin removes a role', async () => {
    const admin = await login(t.url, ...(await createUser(t.dataSource, { roles: ['admin'] }).then((u) => [u.email, u.password] as const)));
    const agent = await createUser(t.dataSource, { roles: ['agent_l1', 'requester'] });
    const s = await login(t.url, agent.email, agent.password);
    await as(t.url, s).get('/api/v1/teams').expect(200);
    await as(secondUrl, s).get('/api/v1/teams').expect(200);
    const user = (await as(t.url, admin).get(`/api/v1/users/${agent.id}`).expect(200)).body;
    await as(t.url, admin)
      .patch(`/api/v1/users/${agent.id}`)
      .send({ roles: ['requester'], version: user.version })
      .expect(200);
    await as(t.url, s).get('/api/v1/teams').expect(403);
    expect(await eventually(async () => (await as(secondUrl, s).get('/api/v1/teams')).status === 403)).toBe(true);
  });

  it('ends a session everywhere on logout', async () => {
    const u = await createUser(t.dataSource, { roles: ['requester'] });
    const s = await login(t.url, u.email, u.password);
    await as(t.url, s).get('/api/v1/me').expect(200);
    await as(secondUrl, s).get('/api/v1/me').expect(200);
    await as(t.url, s).post('/api/v1/auth/logout').send({}).expect(204);
    await as(t.url, s).get('/api/v1/me').expect(401);
    expect(await eventually(async () => (await as(secondUrl, s).get('/api/v1/me')).status === 401)).toBe(true);
  });

  it('ends sessions and tokens of a disabled account, and a revoked token, at once', async () => {
    const admin = await login(t.url, ...(await createUser(t.dataSource, { roles: ['admin'] }).then((u) => [u.email, u.password] as const)));
    const u = await createUser(t.dataSource, { roles: ['agent_l1'] });
    const s = await login(t.url, u.email, u.password);
    const kept = (await as(t.url, s).post('/api/v1/me/tokens').send({ name: 'integración' }).expect(201)).body.token as string;
    const dropped = (await as(t.url, s).post('/api/v1/me/tokens').send({ name: 'otra' }).expect(201)).body;
    await request(t.url).get('/api/v1/me').set('Authorization', `Bearer ${dropped.token}`).expect(200);
    await as(t.url, s).delete(`/api/v1/me/tokens/${dropped.id}`).expect(204);
    await request(t.url).get('/api/v1/me').set('Authorization', `Bearer ${dropped.token}`).expect(401);
    await request(t.url).get('/api/v1/me').set('Authorization', `Bearer ${kept}`).expect(200);
    await request(secondUrl).get('/api/v1/me').set('Authorization', `Bearer ${kept}`).expect(200);

    const user = (await as(t.url, admin).get(`/api/v1/users/${u.id}`).expect(200)).body;
    await as(t.url, admin).patch(`/api/v1/users/${u.id}`).send({ isActive: false, version: user.version }).expect(200);
    await as(t.url, s).get('/api/v1/me').expect(401);
    await request(t.url).get('/api/v1/me').set('Authorization', `Bearer ${kept}`).expect(401);
    expect(await eventually(async () => (await request(secondUrl).get('/api/v1/me').set('Authorization', `Bearer ${kept}`)).status === 401)).toBe(true);
  });
});

import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { createUser } from '../support/factories';
import { as, login } from '../support/http';

describe('API smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers health and readiness', async () => {
    await request(t.url).get('/api/health').expect(200, { status: 'ok' });
    const ready = await request(t.url).get('/api/ready').expect(200);
    expect(ready.body.checks).toEqual({ database: 'ok', redis: 'ok' });
  });

  it('signs in and returns the profile with permissions', async () => {
    const u = await createUser(t.dataSource, { roles: ['agent_l1'] });
    const s = await login(t.url, u.email, u.password);
    const me = await as(t.url, s).get('/api/v1/me').expect(200);
    expect(me.body).toMatchObject({ email: u.email, roles: ['agent_l1'] });
    expect(me.body.permissions).toContain('tickets.work');
  });
});

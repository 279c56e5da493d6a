import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { createUser } from '../support/factories';
import { as, login } from '../support/http';

describe('Hardening', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('tags body-parser failures with the request id', async () => {
    const res = await request(t.url).post('/api/v1/auth/login').set('Content-Type', 'application/json').set('X-Request-Id', 'bad-json-1').send('{"email":').expect(400);
    expect(res.body).toMatchObject({ code: 'REQUEST_MALFORMED_JSON', requestId: 'bad-json-1' });
    expect(res.headers['x-request-id']).toBe('bad-json-1');
    const big = await request(t.url).post('/api/v1/auth/login').set('Content-Type', 'application/json').send(JSON.stringify({ email: 'x'.repeat(200_000) })).expect(413);
    expect(big.body.requestId).toBe(big.headers['x-request-id']);
  });

  it('audits the locations removed together with their organisation', async () => {
    const admin = await createUser(t.dataSource, { roles: ['admin'] });
    const s = await login(t.url, admin.email, admin.password);
    const org = await as(t.url, s).post('/api/v1/organisations').send({ kind: 'dependency', code: 'DEL-LOC', name: 'Con sede' }).expect(201);
    const loc = await as(t.url, s).post(`/api/v1/organisations/${org.body.id}/locations`).send({ name: 'Sede', municipality: 'León' }).expect(201);
    await as(t.url, s).delete(`/api/v1/organisations/${org.body.id}`).expect(204);
    const rows = await t.dataSource.query(`SELECT action, actor_id, old_value FROM audit_log WHERE entity = 'location' AND entity_id = $1 ORDER BY id`, [loc.body.id]);
    expect(rows.map((r: { action: string }) => r.action)).toEqual(['create', 'delete']);
    expect(rows[1]).toMatchObject({ actor_id: admin.id, old_value: expect.objectContaining({ name: 'Sede', municipality: 'León' }) });
  });

  it('does not revive API tokens when a disabled user is enabled again', async () => {
    const admin = await createUser(t.dataSource, { roles: ['admin'] });
    const agent = await createUser(t.dataSource, { roles: ['agent_l1'] });
    const sa = await login(t.url, admin.email, admin.password);
    const sg = await login(t.url, agent.email, agent.password);
    const token = await as(t.url, sg).post('/api/v1/me/tokens').send({ name: 'integración' }).expect(201);
    await as(t.url, sa).patch(`/api/v1/users/${agent.id}`).send({ isActive: false }).expect(200);
    await as(t.url, sa).patch(`/api/v1/users/${agent.id}`).send({ isActive: true }).expect(200);
    await request(t.url).get('/api/v1/me').set('Authorization', `Bearer ${token.body.token}`).expect(401);
  });
});

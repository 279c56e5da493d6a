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
    const res = await request(t.url)
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .set('X-Request-Id', 'bad-json-1')
      .send('{"email":')
      .expect(400);
    expect(res.body).toMatchObject({ code: 'REQUEST_MALFORMED_JSON', requestId: 'bad-json-1' });
    expect(res.headers['x-request-id']).toBe('bad-json-1');
    const big = await request(t.url)
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'x'.repeat(200_000) }))
      .expect(413);
    expect(big.body.requestId).toBe(big.headers['x-request-id']);
  });

  it('keeps multipart bodies to the upload route, as 4xx problems elsewhere', async () => {
    const agent = await createUser(t.dataSource, { roles: ['agent_l1'] });
    const s = await login(t.url, agent.email, agent.password);
    const onJsonRoute = await as(t.url, s).post('/api/v1/teams').field('name', 'Equipo').attach('file', Buffer.from('x'), 'a.txt');
    expect(onJsonRoute.status).toBeGreaterThanOrEqual(400);
    expect(onJsonRoute.status).toBeLessThan(500);
    expect(onJsonRoute.headers['content-type']).toMatch(/application\/problem\+json/);
    const ticket = (await as(t.url, s).post('/api/v1/tickets').send({ requesterId: agent.id, title: 'Adjuntos', description: 'x' }).expect(201)).body;
    const jsonUpload = await as(t.url, s).post(`/api/v1/tickets/${ticket.id}/attachments`).send({ file: 'no es un archivo' }).expect(415);
    expect(jsonUpload.body).toMatchObject({ code: 'REQUEST_UNSUPPORTED_MEDIA_TYPE', errors: [{ field: 'content-type' }] });
    const noFile = await as(t.url, s).post(`/api/v1/tickets/${ticket.id}/attachments`).field('articleId', '00000000-0000-4000-8000-000000000000').expect(400);
    expect(noFile.body.errors.map((e: { field: string }) => e.field)).toContain('file');
    const twoFiles = await as(t.url, s)
      .post(`/api/v1/tickets/${ticket.id}/attachments`)
      .attach('file', Buffer.from('a'), 'a.txt')
      .attach('file', Buffer.from('b'), 'b.txt');
    expect(twoFiles.status).toBe(413);
  });

  it('audits the locations removed together with their organisation', async () => {
    const admin = await createUser(t.dataSource, { roles: ['admin'] });
    const s = await login(t.url, admin.email, admin.password);
    const org = await as(t.url, s).post('/api/v1/organisations').send({ kind: 'dependency', code: 'DEL-LOC', name: 'Con sede' }).expect(201);
    const loc = await as(t.url, s).post(`/api/v1/organisations/${org.body.id}/locations`).send({ name: 'Sede', municipality: 'León' }).expect(201);
    await as(t.url, s).delete(`/api/v1/organisations/${org.body.id}`).expect(204);
    const rows = await t.dataSource.query(`SELECT action, actor_id, old_value FROM audit_log WHERE entity = 'location' AND entity_id = $1 ORDER BY id`, [
      loc.body.id,
    ]);
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

import request from 'supertest';
import { AuthCacheBus } from '../../src/modules/identity/auth-cache.bus';
import { createTestApp, type TestApp } from '../support/app';
import { createUser } from '../support/factories';
import { as, login, type Session } from '../support/http';

/** Personal API tokens: scoped, optionally expiring, made only by a person, and cut off when the owner's credentials or powers change. */
describe('API tokens', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    // The auth cache on, as in production: revocations must not wait for it.
    t = await createTestApp({ env: { AUTH_CACHE_SECONDS: '30' } });
    const a = await createUser(t.dataSource, { roles: ['admin'] });
    admin = await login(t.url, a.email, a.password);
  });
  afterAll(() => t.close());

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function withToken(roles: string[], scope: 'read_only' | 'read_write' = 'read_write') {
    const u = await createUser(t.dataSource, { roles });
    const s = await login(t.url, u.email, u.password);
    const created = await as(t.url, s).post('/api/v1/me/tokens').send({ name: 'integración', scope }).expect(201);
    // Used once, so the process caches it and the tests prove revocation does not wait for the cache.
    await request(t.url).get('/api/v1/me').set(bearer(created.body.token)).expect(200);
    return { u, s, token: created.body.token as string, id: created.body.id as string };
  }

  async function revocationAudit(tokenId: string) {
    return t.dataSource.query(`SELECT field, new_value FROM audit_log WHERE entity = 'api_token' AND entity_id = $1 AND action = 'update' ORDER BY field`, [
      tokenId,
    ]);
  }

  it('never lets a token create another token, whatever its scope', async () => {
    const { token } = await withToken(['agent_l1'], 'read_write');
    const res = await request(t.url).post('/api/v1/me/tokens').set(bearer(token)).send({ name: 'hija', scope: 'read_write' }).expect(403);
    expect(res.body).toMatchObject({ status: 403, code: 'AUTH_SESSION_REQUIRED' });
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM api_tokens WHERE name = 'hija'`)).toEqual([{ n: 0 }]);
  });

  it('never lets a token change the password', async () => {
    const { u, token } = await withToken(['requester'], 'read_write');
    const res = await request(t.url)
      .post('/api/v1/me/password')
      .set(bearer(token))
      .send({ currentPassword: u.password, newPassword: 'Otra#2026clave' })
      .expect(403);
    expect(res.body.code).toBe('AUTH_SESSION_REQUIRED');
  });

  it('lets a read-only token read but refuses every write with AUTH_TOKEN_READ_ONLY', async () => {
    const { token, id } = await withToken(['requester'], 'read_only');
    await request(t.url).get('/api/v1/tickets').set(bearer(token)).expect(200);
    const write = await request(t.url).post('/api/v1/tickets').set(bearer(token)).send({ title: 'Sin red', description: 'No hay conexión' }).expect(403);
    expect(write.body).toMatchObject({ status: 403, code: 'AUTH_TOKEN_READ_ONLY' });
    await request(t.url).delete(`/api/v1/me/tokens/${id}`).set(bearer(token)).expect(403);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM tickets WHERE title = 'Sin red'`)).toEqual([{ n: 0 }]);
  });

  it('lets a read-write token write', async () => {
    const { token } = await withToken(['requester'], 'read_write');
    await request(t.url).post('/api/v1/tickets').set(bearer(token)).send({ title: 'Impresora sin tóner', description: 'Piso 3' }).expect(201);
  });

  it('makes tokens read-only unless asked otherwise, and lists each token’s scope and expiry', async () => {
    const u = await createUser(t.dataSource, { roles: ['agent_l1'] });
    const s = await login(t.url, u.email, u.password);
    const ro = await as(t.url, s).post('/api/v1/me/tokens').send({ name: 'lectura', expiresInDays: 30 }).expect(201);
    expect(ro.body).toMatchObject({ scope: 'read_only', expiresAt: expect.any(String) });
    expect(Date.parse(ro.body.expiresAt) - Date.now()).toBeGreaterThan(29 * 86400_000);
    await as(t.url, s).post('/api/v1/me/tokens').send({ name: 'escritura', scope: 'read_write', expiresInDays: null }).expect(201);
    const bad = await as(t.url, s).post('/api/v1/me/tokens').send({ name: 'rara', scope: 'admin' }).expect(400);
    expect(bad.body.errors).toEqual([{ field: 'scope', message: expect.any(String) }]);
    const list = await as(t.url, s).get('/api/v1/me/tokens').expect(200);
    expect(list.body.items.map((i: { name: string; scope: string; expiresAt: string | null }) => [i.name, i.scope, i.expiresAt === null])).toEqual([
      ['escritura', 'read_write', true],
      ['lectura', 'read_only', false],
    ]);
  });

  it('refuses an expired token', async () => {
    const { token, id } = await withToken(['agent_l1']);
    await t.dataSource.query(`UPDATE api_tokens SET expires_at = now() - interval '1 minute' WHERE id = $1`, [id]);
    t.app.get(AuthCacheBus).invalidateUser((await t.dataSource.query(`SELECT user_id FROM api_tokens WHERE id = $1`, [id]))[0].user_id);
    const res = await request(t.url).get('/api/v1/me').set(bearer(token)).expect(401);
    expect(res.body.code).toBe('AUTH_REQUIRED');
  });

  it('revokes the owner’s tokens when they change their password, and audits why', async () => {
    const { u, s, token, id } = await withToken(['agent_l1']);
    await as(t.url, s).post('/api/v1/me/password').send({ currentPassword: u.password, newPassword: 'Nueva#2026x' }).expect(204);
    await request(t.url).get('/api/v1/me').set(bearer(token)).expect(401);
    expect((await as(t.url, s).get('/api/v1/me/tokens').expect(200)).body.items).toEqual([]);
    expect(await revocationAudit(id)).toEqual([
      { field: 'revokedAt', new_value: expect.any(String) },
      { field: 'revokedBecause', new_value: 'password_changed' },
    ]);
  });

  it('revokes a user’s tokens when an administrator resets their password', async () => {
    const { u, token, id } = await withToken(['agent_l1']);
    await as(t.url, admin).post(`/api/v1/users/${u.id}/password`).send({ newPassword: 'Reinicio#2026' }).expect(204);
    await request(t.url).get('/api/v1/me').set(bearer(token)).expect(401);
    expect((await revocationAudit(id)).map((r: { new_value: unknown }) => r.new_value)).toContain('password_reset');
  });

  it('revokes a user’s tokens when an administrator changes their roles, not on other edits', async () => {
    const { u, token, id } = await withToken(['agent_l1', 'requester']);
    let user = (await as(t.url, admin).get(`/api/v1/users/${u.id}`).expect(200)).body;
    await as(t.url, admin).patch(`/api/v1/users/${u.id}`).send({ phone: '55 1234 5678', version: user.version }).expect(200);
    await request(t.url).get('/api/v1/me').set(bearer(token)).expect(200);
    user = (await as(t.url, admin).get(`/api/v1/users/${u.id}`).expect(200)).body;
    await as(t.url, admin)
      .patch(`/api/v1/users/${u.id}`)
      .send({ roles: ['agent_l1', 'resolver_l2', 'requester'], version: user.version })
      .expect(200);
    await request(t.url).get('/api/v1/me').set(bearer(token)).expect(401);
    expect((await revocationAudit(id)).map((r: { new_value: unknown }) => r.new_value)).toContain('roles_changed');
  });
});

describe('API token creation limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_TOKEN_CREATES: '2' } });
  });
  afterAll(() => t.close());

  it('refuses a third token within the window with 429 and Retry-After, per user', async () => {
    const [u, other] = [await createUser(t.dataSource, { roles: ['requester'] }), await createUser(t.dataSource, { roles: ['requester'] })];
    const s = await login(t.url, u.email, u.password);
    for (const name of ['uno', 'dos']) await as(t.url, s).post('/api/v1/me/tokens').send({ name }).expect(201);
    const third = await as(t.url, s).post('/api/v1/me/tokens').send({ name: 'tres' }).expect(429);
    expect(third.body.code).toBe('REQUEST_RATE_LIMITED');
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM api_tokens WHERE user_id = $1`, [u.id])).toEqual([{ n: 2 }]);
    await as(t.url, await login(t.url, other.email, other.password))
      .post('/api/v1/me/tokens')
      .send({ name: 'uno' })
      .expect(201);
  });
});

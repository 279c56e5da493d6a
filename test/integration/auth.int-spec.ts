import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { createUser } from '../support/factories';
import { as, login } from '../support/http';

describe('Authentication', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Small limits so lockout and IP throttling are reachable in a test.
    t = await createTestApp({ env: { LOGIN_MAX_ATTEMPTS_PER_ACCOUNT_AND_IP: '3', LOGIN_MAX_ATTEMPTS_PER_IP: '6', LOGIN_WINDOW_SECONDS: '60' } });
  });
  afterAll(() => t.close());

  const ip = (n: number) => ({ 'X-Forwarded-For': `10.9.0.${n}` });

  it('sets an httpOnly SameSite=Lax session cookie and a readable CSRF cookie on login', async () => {
    const u = await createUser(t.dataSource, { roles: ['requester'] });
    const res = await request(t.url).post('/api/v1/auth/login').set(ip(1)).send({ email: u.email.toUpperCase(), password: u.password }).expect(200);
    const cookies = ([] as string[]).concat(res.headers['set-cookie']);
    const session = cookies.find((c) => c.startsWith('mesa_session='))!;
    const csrf = cookies.find((c) => c.startsWith('mesa_csrf='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(csrf).not.toMatch(/HttpOnly/i);
    expect(res.body.csrfToken).toBe(decodeURIComponent(csrf.split(';')[0].split('=')[1]));
    expect(res.body.user).toMatchObject({ email: u.email, roles: ['requester'] });
    expect(JSON.stringify(res.body)).not.toMatch(/password/i);
  });

  it('stores the session token hashed, never in clear', async () => {
    const u = await createUser(t.dataSource, { roles: ['requester'] });
    const s = await login(t.url, u.email, u.password);
    const token = decodeURIComponent(s.cookie.match(/mesa_session=([^;]+)/)![1]);
    const rows = await t.dataSource.query(`SELECT token_hash FROM sessions WHERE user_id = $1`, [u.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).not.toContain(token);
    expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stores passwords as argon2id hashes', async () => {
    const admin = await createUser(t.dataSource, { roles: ['admin'] });
    const s = await login(t.url, admin.email, admin.password);
    const created = await as(t.url, s)
      .post('/api/v1/users')
      .send({ email: 'hash.check@test.mesa.local', fullName: 'Hash Check', password: 'Segura#2026', roles: ['requester'] })
      .expect(201);
    const [row] = await t.dataSource.query(`SELECT password_hash FROM users WHERE id = $1`, [created.body.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('rejects a wrong password and an unknown account with the same 401', async () => {
    const u = await createUser(t.dataSource, { roles: ['requester'] });
    const wrong = await request(t.url).post('/api/v1/auth/login').set(ip(2)).send({ email: u.email, password: 'Wrong#123' }).expect(401);
    const unknown = await request(t.url).post('/api/v1/auth/login').set(ip(2)).send({ email: 'nobody@test.mesa.local', password: 'Wrong#123' }).expect(401);
    expect(wrong.body.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(unknown.body).toMatchObject({ code: wrong.body.code, detail: wrong.body.detail });
    expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('refuses an address that failed too often on an account with 429 and Retry-After, even with the right password', async () => {
    const u = await createUser(t.dataSource, { roles: ['requester'] });
    for (let i = 0; i < 3; i++) {
      await request(t.url).post('/api/v1/auth/login').set(ip(10)).send({ email: u.email, password: 'Wrong#123' }).expect(401);
    }
    const locked = await request(t.url).post('/api/v1/auth/login').set(ip(10)).send({ email: u.email, password: u.password }).expect(429);
    expect(locked.body.code).toBe('AUTH_RATE_LIMITED');
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('throttles one IP trying many accounts', async () => {
    for (let i = 0; i < 6; i++) {
      await request(t.url)
        .post('/api/v1/auth/login')
        .set(ip(99))
        .send({ email: `spray${i}@test.mesa.local`, password: 'Wrong#123' })
        .expect(401);
    }
    const blocked = await request(t.url)
      .post('/api/v1/auth/login')
      .set(ip(99))
      .send({ email: 'spray-next@test.mesa.local', password: 'Wrong#123' })
      .expect(429);
    expect(blocked.headers['retry-after']).toBeDefined();
    // Another client address is unaffected.
    const u = await createUser(t.dataSource, { roles: ['requester'] });
    await request(t.url).post('/api/v1/auth/login').set(ip(98)).send({ email: u.email, password: u.password }).expect(200);
  });

  it('clears the account counter after a successful login', async () => {
    const u = await createUser(t.dataSource, { roles: ['requester'] });
    for (let i = 0; i < 2; i++) await request(t.url).post('/api/v1/auth/login').set(ip(30)).send({ email: u.email, password: 'Wrong#123' }).expect(401);
    await request(t.url).post('/api/v1/auth/login').set(ip(30)).send({ email: u.email, password: u.password }).expect(200);
    for (let i = 0; i < 2; i++) await request(t.url).post('/api/v1/auth/login').set(ip(30)).send({ email: u.email, password: 'Wrong#123' }).expect(401);
    await request(t.url).post('/api/v1/auth/login').set(ip(30)).send({ email: u.email, password: u.password }).expect(200);
  });

  it('refuses a disabled account with 403 after a correct password', async () => {
    const u = await createUser(t.dataSource, { roles: ['requester'], isActive: false });
    const res = await request(t.url).post('/api/v1/auth/login').set(ip(40)).send({ email: u.email, password: u.password }).expect(403);
    expect(res.body.code).toBe('AUTH_ACCOUNT_DISABLED');
  });

  it('logs out: the session stops working and is removed', async () => {
    const u = await createUser(t.dataSource, { roles: ['agent_l1'] });
    const s = await login(t.url, u.email, u.password);
    await as(t.url, s).post('/api/v1/auth/logout').expect(204);
    await as(t.url, s).get('/api/v1/me').expect(401);
    expect(await t.dataSource.query(`SELECT 1 FROM sessions WHERE user_id = $1`, [u.id])).toHaveLength(0);
  });

  it('requires the CSRF token on cookie-authenticated writes', async () => {
    const u = await createUser(t.dataSource, { roles: ['agent_l1'] });
    const s = await login(t.url, u.email, u.password);
    const missing = await request(t.url).post('/api/v1/auth/logout').set('Cookie', s.cookie).expect(403);
    expect(missing.body.code).toBe('AUTH_CSRF_INVALID');
    await request(t.url).post('/api/v1/auth/logout').set('Cookie', s.cookie).set('X-CSRF-Token', 'forged').expect(403);
    // A session's token does not work for another session.
    const other = await login(t.url, u.email, u.password);
    await request(t.url).post('/api/v1/auth/logout').set('Cookie', s.cookie).set('X-CSRF-Token', other.csrf).expect(403);
    await as(t.url, s).get('/api/v1/me').expect(200);
  });

  it('answers 401 problem+json without a session', async () => {
    const res = await request(t.url).get('/api/v1/me').expect(401);
    expect(res.body).toMatchObject({ status: 401, code: 'AUTH_REQUIRED' });
    expect(res.body.requestId).toEqual(expect.any(String));
  });

  describe('personal API tokens', () => {
    it('authenticates integrations with a Bearer token shown once, without CSRF', async () => {
      const u = await createUser(t.dataSource, { roles: ['agent_l1'] });
      const s = await login(t.url, u.email, u.password);
      const created = await as(t.url, s).post('/api/v1/me/tokens').send({ name: 'Integración SIGUE', expiresInDays: 30 }).expect(201);
      expect(created.body.token).toMatch(/^mesa_pat_/);
      const list = await as(t.url, s).get('/api/v1/me/tokens').expect(200);
      expect(list.body.items).toHaveLength(1);
      expect(JSON.stringify(list.body)).not.toContain(created.body.token);

      const bearer = { Authorization: `Bearer ${created.body.token}` };
      const me = await request(t.url).get('/api/v1/me').set(bearer).expect(200);
      expect(me.body.email).toBe(u.email);
      // A token never mints another (see api-tokens.int-spec.ts).
      await request(t.url).post('/api/v1/me/tokens').set(bearer).send({ name: 'otro' }).expect(403);
    });

    it('stops accepting a revoked token', async () => {
      const u = await createUser(t.dataSource, { roles: ['agent_l1'] });
      const s = await login(t.url, u.email, u.password);
      const created = await as(t.url, s).post('/api/v1/me/tokens').send({ name: 'temporal' }).expect(201);
      await as(t.url, s).delete(`/api/v1/me/tokens/${created.body.id}`).expect(204);
      const res = await request(t.url).get('/api/v1/me').set('Authorization', `Bearer ${created.body.token}`).expect(401);
      expect(res.body.code).toBe('AUTH_REQUIRED');
      await as(t.url, s).delete(`/api/v1/me/tokens/${created.body.id}`).expect(404);
    });

    it('rejects an expired token', async () => {
      const u = await createUser(t.dataSource, { roles: ['agent_l1'] });
      const s = await login(t.url, u.email, u.password);
      const created = await as(t.url, s).post('/api/v1/me/tokens').send({ name: 'caduca', expiresInDays: 1 }).expect(201);
      await t.dataSource.query(`UPDATE api_tokens SET expires_at = now() - interval '1 minute' WHERE id = $1`, [created.body.id]);
      await request(t.url).get('/api/v1/me').set('Authorization', `Bearer ${created.body.token}`).expect(401);
    });

    it('does not let one user revoke another user’s token', async () => {
      const a = await createUser(t.dataSource, { roles: ['agent_l1'] });
      const b = await createUser(t.dataSource, { roles: ['agent_l1'] });
      const sa = await login(t.url, a.email, a.password);
      const sb = await login(t.url, b.email, b.password);
      const token = await as(t.url, sa).post('/api/v1/me/tokens').send({ name: 'de A' }).expect(201);
      await as(t.url, sb).delete(`/api/v1/me/tokens/${token.body.id}`).expect(404);
      await request(t.url).get('/api/v1/me').set('Authorization', `Bearer ${token.body.token}`).expect(200);
    });
  });

  describe('password change', () => {
    it('names the broken policy rules on the newPassword field', async () => {
      const u = await createUser(t.dataSource, { roles: ['requester'] });
      const s = await login(t.url, u.email, u.password);
      const res = await as(t.url, s).post('/api/v1/me/password').send({ currentPassword: u.password, newPassword: 'abcdefgh' }).expect(400);
      expect(res.body.code).toBe('PASSWORD_POLICY_VIOLATION');
      expect(res.body.errors).toEqual([
        { field: 'newPassword', message: expect.stringMatching(/dígito/) },
        { field: 'newPassword', message: expect.stringMatching(/carácter especial/) },
      ]);
    });

    it('rejects a wrong current password on the currentPassword field', async () => {
      const u = await createUser(t.dataSource, { roles: ['requester'] });
      const s = await login(t.url, u.email, u.password);
      const res = await as(t.url, s).post('/api/v1/me/password').send({ currentPassword: 'Nope#1234', newPassword: 'Nueva#2026x' }).expect(400);
      expect(res.body.errors).toEqual([{ field: 'currentPassword', message: expect.any(String) }]);
    });

    it('changes the password, keeps this session and ends the others', async () => {
      const u = await createUser(t.dataSource, { roles: ['requester'] });
      const here = await login(t.url, u.email, u.password);
      const elsewhere = await login(t.url, u.email, u.password);
      await as(t.url, here).post('/api/v1/me/password').send({ currentPassword: u.password, newPassword: 'Nueva#2026x' }).expect(204);
      await as(t.url, here).get('/api/v1/me').expect(200);
      await as(t.url, elsewhere).get('/api/v1/me').expect(401);
      await request(t.url).post('/api/v1/auth/login').set(ip(50)).send({ email: u.email, password: u.password }).expect(401);
      await request(t.url).post('/api/v1/auth/login').set(ip(50)).send({ email: u.email, password: 'Nueva#2026x' }).expect(200);
      const audit = await t.dataSource.query(`SELECT field, old_value, new_value, actor_id FROM audit_log WHERE entity = 'user' AND entity_id = $1`, [u.id]);
      expect(audit).toEqual([{ field: 'password', old_value: null, new_value: '(changed)', actor_id: u.id }]);
    });
  });
});

import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { createUser } from '../support/factories';
import { as, login, type Session } from '../support/http';

/** Second look at issue 9 as an attacker: each case failed before its fix. */
describe('attack review of issue 9', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function tokenOf(s: Session, scope: 'read_only' | 'read_write' = 'read_write'): Promise<string> {
    return (await as(t.url, s).post('/api/v1/me/tokens').send({ name: 'integración', scope }).expect(201)).body.token as string;
  }

  describe('a leaked administrator token', () => {
    it('cannot set a password (its owner’s or anyone’s): that would turn the token into a lasting sign-in', async () => {
      const a = await createUser(t.dataSource, { roles: ['admin'] });
      const victim = await createUser(t.dataSource, { roles: ['admin'] });
      const token = await tokenOf(await login(t.url, a.email, a.password));
      for (const id of [a.id, victim.id]) {
        const res = await request(t.url).post(`/api/v1/users/${id}/password`).set(bearer(token)).send({ newPassword: 'Robada#2026clave' });
        expect([res.status, res.body.code]).toEqual([403, 'AUTH_SESSION_REQUIRED']);
      }
      await request(t.url).post('/api/v1/auth/login').send({ email: a.email, password: 'Robada#2026clave' }).expect(401);
      await request(t.url).post('/api/v1/auth/login').send({ email: victim.email, password: 'Robada#2026clave' }).expect(401);
    });
  });
});

import { PassThrough } from 'node:stream';
import request from 'supertest';
import { createLogger } from '../../src/common/infra/logging';
import { createTestApp, type TestApp } from '../support/app';
import { createUser } from '../support/factories';
import { as, login } from '../support/http';

describe('Structured logging', () => {
  let t: TestApp;
  const lines: string[] = [];
  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
    t = await createTestApp({ env: { LOG_LEVEL: 'info' }, logStream: stream });
  });
  afterAll(() => t.close());

  it('writes JSON lines with a request id, and never passwords, cookies or tokens', async () => {
    const u = await createUser(t.dataSource, { roles: ['agent_l1'], password: 'Secreta#Unica42' });
    const s = await login(t.url, u.email, u.password);
    const token = await as(t.url, s).post('/api/v1/me/tokens').send({ name: 'log-check' }).expect(201);
    await request(t.url).get('/api/v1/me').set('Authorization', `Bearer ${token.body.token}`).set('X-Request-Id', 'req-log-check-1').expect(200);
    await as(t.url, s).post('/api/v1/me/password').send({ currentPassword: 'Secreta#Unica42', newPassword: 'Otra#Secreta43' }).expect(204);
    await request(t.url).post('/api/v1/auth/login').send({ email: u.email, password: 'Incorrecta#99' }).expect(401);
    await new Promise((r) => setTimeout(r, 100));

    const parsed = lines.map(
      (l) =>
        JSON.parse(l) as {
          msg?: string;
          userId?: string;
          req?: { id?: string; method?: string; url?: string; headers?: unknown };
          res?: { statusCode?: number };
        },
    );
    const tagged = parsed.find((p) => p.req?.id === 'req-log-check-1');
    // The access line: who did what with what outcome, and no request headers at all.
    expect(tagged).toMatchObject({ msg: 'request completed', userId: u.id, req: { method: 'GET', url: '/api/v1/me' }, res: { statusCode: 200 } });
    expect(tagged!.req!.headers).toBeUndefined();
    expect(parsed.find((p) => p.req?.url === '/api/v1/auth/login' && p.res?.statusCode === 401)).toMatchObject({ level: 40 });

    const all = lines.join('\n');
    const sessionToken = decodeURIComponent(s.cookie.match(/mesa_session=([^;]+)/)![1]);
    for (const secret of ['Secreta#Unica42', 'Otra#Secreta43', 'Incorrecta#99', token.body.token, sessionToken, s.csrf]) {
      expect(all).not.toContain(secret);
    }
  });

  it('blanks credentials in any other log line', async () => {
    const out: string[] = [];
    const sink = new PassThrough();
    sink.on('data', (c: Buffer) => out.push(c.toString()));
    createLogger(t.config, sink).warn(
      { req: { headers: { authorization: 'Bearer mesa_pat_x', cookie: 'mesa_session=abc' } }, body: { password: 'Clave#1234' } },
      'careless',
    );
    await new Promise((r) => setImmediate(r));
    expect(out.join('')).not.toMatch(/mesa_pat_x|mesa_session=abc|Clave#1234/);
    expect(out.join('')).toContain('[redacted]');
  });

  it('echoes a generated request id in the response and in problem details', async () => {
    const res = await request(t.url).get('/api/v1/me').expect(401);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });
});

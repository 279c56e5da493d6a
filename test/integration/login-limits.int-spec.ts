import { request as httpRequest } from 'node:http';
import { PassThrough } from 'node:stream';
import { createTestApp, type TestApp } from '../support/app';
import { createUser } from '../support/factories';

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: { code?: string } };

/**
 * A login sent from a chosen loopback source address (all of 127/8 reaches the API on
 * Linux), so a test can be a trusted proxy (127.0.0.2) or any number of distinct clients.
 */
function loginFrom(url: string, source: string, body: { email: string; password: string }, forwardedFor?: string): Promise<Answer> {
  const payload = JSON.stringify(body);
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: hostname,
        port,
        localAddress: source,
        method: 'POST',
        path: '/api/v1/auth/login',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? (JSON.parse(text) as Answer['body']) : {} }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Login limits', () => {
  let t: TestApp;
  const logLines: string[] = [];
  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => logLines.push(...chunk.toString().split('\n').filter(Boolean)));
    t = await createTestApp({
      env: {
        // Only 127.0.0.2 plays the portal; every other loopback address is a client talking to the API directly.
        TRUSTED_PROXIES: '127.0.0.2',
        LOGIN_MAX_ATTEMPTS_PER_ACCOUNT_AND_IP: '5',
        LOGIN_MAX_ATTEMPTS_PER_IP: '8',
        LOGIN_ACCOUNT_DELAY_AFTER: '12',
        LOGIN_ACCOUNT_MAX_DELAY_SECONDS: '4',
        LOGIN_WINDOW_SECONDS: '60',
        LOG_LEVEL: 'info',
      },
      logStream: stream,
    });
  });
  afterAll(() => t.close());

  const auditIps = async (userId: string) =>
    (
      (await t.dataSource.query(`SELECT new_value->>'ip' AS ip FROM audit_log WHERE entity = 'session' AND action = 'create' AND entity_id = $1 ORDER BY id`, [
        userId,
      ])) as { ip: string }[]
    ).map((r) => r.ip);

  it('verifies exactly as many passwords as the limit allows when 40 wrong ones arrive at once', async () => {
    const u = await createUser(t.dataSource, { roles: ['requester'] });
    const answers = await Promise.all(Array.from({ length: 40 }, () => loginFrom(t.url, '127.0.0.10', { email: u.email, password: 'Wrong#123' })));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
    for (const a of answers.filter((x) => x.status === 429)) {
      expect(a.body.code).toBe('AUTH_RATE_LIMITED');
      expect(Number(a.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('lets the owner in from their address while an attacker’s address is locked out of the account', async () => {
    const u = await createUser(t.dataSource, { roles: ['requester'] });
    for (let i = 0; i < 5; i++) expect((await loginFrom(t.url, '127.0.0.11', { email: u.email, password: 'Wrong#123' })).status).toBe(401);
    const attacker = await loginFrom(t.url, '127.0.0.11', { email: u.email, password: u.password });
    expect(attacker.status).toBe(429);
    const retryAfter = Number(attacker.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await loginFrom(t.url, '127.0.0.12', { email: u.email, password: u.password })).status).toBe(200);
  });

  it('keeps an office address open to the accounts that sign in from it while it is blocked for guessing others', async () => {
    // 127.0.0.30 plays a government NAT: the owner has signed in from it before, then someone behind it sprays other accounts.
    const owner = await createUser(t.dataSource, { roles: ['requester'] });
    expect((await loginFrom(t.url, '127.0.0.30', { email: owner.email, password: owner.password })).status).toBe(200);
    for (let i = 0; i < 8; i++) expect((await loginFrom(t.url, '127.0.0.30', { email: `nadie${i}@example.gob.mx`, password: 'Wrong#123' })).status).toBe(401);
    const stranger = await createUser(t.dataSource, { roles: ['requester'] });
    expect((await loginFrom(t.url, '127.0.0.30', { email: stranger.email, password: stranger.password })).status).toBe(429);
    expect((await loginFrom(t.url, '127.0.0.30', { email: owner.email, password: owner.password })).status).toBe(200);
    // The pair limit still holds the known address back from guessing the owner's password.
    for (let i = 0; i < 5; i++) expect((await loginFrom(t.url, '127.0.0.30', { email: owner.email, password: 'Wrong#123' })).status).toBe(401);
    expect((await loginFrom(t.url, '127.0.0.30', { email: owner.email, password: owner.password })).status).toBe(429);
  });

  it('slows an account attacked from many addresses with growing delays instead of locking it', async () => {
    const u = await createUser(t.dataSource, { roles: ['requester'] });
    // 12 failures from 12 addresses: none reaches its own limit, the account's delay starts.
    for (let i = 0; i < 12; i++) expect((await loginFrom(t.url, `127.0.1.${i + 1}`, { email: u.email, password: 'Wrong#123' })).status).toBe(401);
    const waitOne = await loginFrom(t.url, '127.0.1.100', { email: u.email, password: u.password });
    expect(waitOne.status).toBe(429);
    expect(waitOne.headers['retry-after']).toBe('1');
    await sleep(1100);
    expect((await loginFrom(t.url, '127.0.1.101', { email: u.email, password: 'Wrong#123' })).status).toBe(401);
    const waitTwo = await loginFrom(t.url, '127.0.1.100', { email: u.email, password: u.password });
    expect(waitTwo.status).toBe(429);
    expect(waitTwo.headers['retry-after']).toBe('2');
    await sleep(2100);
    // The owner gets in after a short wait, and that clears the account's delay.
    expect((await loginFrom(t.url, '127.0.1.100', { email: u.email, password: u.password })).status).toBe(200);
    expect((await loginFrom(t.url, '127.0.1.102', { email: u.email, password: 'Wrong#123' })).status).toBe(401);
  });

  it('does not delay the owner at an address they signed in from before', async () => {
    const u = await createUser(t.dataSource, { roles: ['requester'] });
    expect((await loginFrom(t.url, '127.0.2.1', { email: u.email, password: u.password })).status).toBe(200);
    for (let i = 0; i < 12; i++) expect((await loginFrom(t.url, `127.0.3.${i + 1}`, { email: u.email, password: 'Wrong#123' })).status).toBe(401);
    expect((await loginFrom(t.url, '127.0.3.100', { email: u.email, password: u.password })).status).toBe(429);
    expect((await loginFrom(t.url, '127.0.2.1', { email: u.email, password: u.password })).status).toBe(200);
  });

  it('counts and records a client talking to the API directly under its own address, whatever X-Forwarded-For it sends', async () => {
    for (let i = 0; i < 8; i++) {
      const a = await loginFrom(t.url, '127.0.0.13', { email: `spray${i}@test.mesa.local`, password: 'Wrong#123' }, `198.51.100.${i + 1}`);
      expect(a.status).toBe(401);
    }
    const blocked = await loginFrom(t.url, '127.0.0.13', { email: 'spray-next@test.mesa.local', password: 'Wrong#123' }, '198.51.100.200');
    expect(blocked.status).toBe(429);

    const u = await createUser(t.dataSource, { roles: ['requester'] });
    expect((await loginFrom(t.url, '127.0.0.14', { email: u.email, password: u.password }, '203.0.113.7')).status).toBe(200);
    expect(await auditIps(u.id)).toEqual(['127.0.0.14']);
    const [session] = await t.dataSource.query(`SELECT ip FROM sessions WHERE user_id = $1`, [u.id]);
    expect(session.ip).toBe('127.0.0.14');
    await sleep(100);
    const accessLines = logLines
      .map((l) => JSON.parse(l) as { req?: { url?: string; remoteAddress?: string } })
      .filter((l) => l.req?.url === '/api/v1/auth/login');
    expect(accessLines.map((l) => l.req!.remoteAddress)).toContain('127.0.0.14');
    expect(accessLines.map((l) => l.req!.remoteAddress)).not.toContain('203.0.113.7');
  });

  it('takes the client address from X-Forwarded-For when a configured proxy sends it', async () => {
    const u = await createUser(t.dataSource, { roles: ['requester'] });
    // The proxy appends the address it saw; what the client wrote before it is not believed.
    expect((await loginFrom(t.url, '127.0.0.2', { email: u.email, password: u.password }, '10.1.1.1, 203.0.113.9')).status).toBe(200);
    expect(await auditIps(u.id)).toEqual(['203.0.113.9']);
    // Limits follow the forwarded address too: one client behind the proxy does not lock out the rest.
    const v = await createUser(t.dataSource, { roles: ['requester'] });
    for (let i = 0; i < 5; i++) expect((await loginFrom(t.url, '127.0.0.2', { email: v.email, password: 'Wrong#123' }, '203.0.113.10')).status).toBe(401);
    expect((await loginFrom(t.url, '127.0.0.2', { email: v.email, password: v.password }, '203.0.113.10')).status).toBe(429);
    expect((await loginFrom(t.url, '127.0.0.2', { email: v.email, password: v.password }, '203.0.113.11')).status).toBe(200);
  });

  it('counts an IPv6 client by its /64, so fresh addresses of one network buy no fresh guesses', async () => {
    const u = await createUser(t.dataSource, { roles: ['requester'] });
    for (let i = 1; i <= 5; i++)
      expect((await loginFrom(t.url, '127.0.0.2', { email: u.email, password: 'Wrong#123' }, `2001:db8:5:6::${i}`)).status).toBe(401);
    expect((await loginFrom(t.url, '127.0.0.2', { email: u.email, password: u.password }, '2001:db8:5:6:ffff::1')).status).toBe(429);
    expect((await loginFrom(t.url, '127.0.0.2', { email: u.email, password: u.password }, '2001:db8:5:7::1')).status).toBe(200);
    expect(await auditIps(u.id)).toEqual(['2001:db8:5:7::1']);
  });
});

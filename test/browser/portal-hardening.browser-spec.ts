import type { Browser } from 'playwright-core';
import { createTestApp, type TestApp } from '../support/app';
import { launchBrowser, startPortal, submitLoginForm, type Portal } from '../support/browser';
import { createUser } from '../support/factories';

jest.setTimeout(60_000);

describe('Portal hardening', () => {
  let app: TestApp;
  let portal: Portal;

  beforeAll(async () => {
    // The API as npm start runs it: the portal, on loopback, is its one trusted proxy.
    app = await createTestApp({ env: { LOGIN_MAX_ATTEMPTS_PER_ACCOUNT_AND_IP: '3' } });
    portal = await startPortal(app.url);
  }, 120_000);

  afterAll(async () => {
    await portal?.stop();
    await app?.close();
  });

  const signIn = (base: string, user: { email: string; password: string }, forwardedFor?: string) =>
    fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });

  const auditIps = async (userId: string) =>
    (
      (await app.dataSource.query(
        `SELECT new_value->>'ip' AS ip FROM audit_log WHERE entity = 'session' AND action = 'create' AND entity_id = $1 ORDER BY id`,
        [userId],
      )) as { ip: string }[]
    ).map((r) => r.ip);

  describe('client address', () => {
    it('replaces the X-Forwarded-For a browser sends with the address that connected', async () => {
      const u = await createUser(app.dataSource, { roles: ['requester'] });
      expect((await signIn(portal.url, u, '203.0.113.50')).status).toBe(200);
      expect(await auditIps(u.id)).toEqual(['127.0.0.1']);

      // A new made-up address per guess does not buy new guesses.
      const v = await createUser(app.dataSource, { roles: ['requester'] });
      for (let i = 0; i < 3; i++) expect((await signIn(portal.url, { email: v.email, password: 'Wrong#123' }, `198.51.100.${i}`)).status).toBe(401);
      const blocked = await signIn(portal.url, { email: v.email, password: 'Wrong#123' }, '198.51.100.99');
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    });

    it('believes X-Forwarded-For from a proxy named in WEB_TRUSTED_PROXIES', async () => {
      const behindProxy = await startPortal(app.url, { env: { WEB_TRUSTED_PROXIES: '127.0.0.1' } });
      try {
        const u = await createUser(app.dataSource, { roles: ['requester'] });
        expect((await signIn(behindProxy.url, u, '10.0.0.1, 203.0.113.51')).status).toBe(200);
        expect(await auditIps(u.id)).toEqual(['203.0.113.51']);
      } finally {
        await behindProxy.stop();
      }
    });
  });

  it('sends a signed-in user to a `next` path with any characters instead of failing', async () => {
    const u = await createUser(app.dataSource, { roles: ['requester'] });
    const login = await signIn(portal.url, u);
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const res = await fetch(`${portal.url}/login?next=/%E3%80%80/x`, { headers: { cookie }, redirect: 'manual' });
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe('/%E3%80%80/x');
    // Still only a path here, however the path is dressed up.
    for (const next of ['/%09/evil.example', '/.//evil.example', '/a/..//evil.example', '/%2e//evil.example', '/./%5Cevil.example', '//evil.example']) {
      const away = await fetch(`${portal.url}/login?next=${next}`, { headers: { cookie }, redirect: 'manual' });
      expect([next, new URL(away.headers.get('location')!, portal.url).origin]).toEqual([next, portal.url]);
    }
  });

  describe('security headers', () => {
    it('sends a nonce-based CSP that forbids framing, nosniff and a referrer policy on pages', async () => {
      const res = await fetch(`${portal.url}/login`);
      expect(res.status).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain(`frame-ancestors 'none'`);
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toContain(`object-src 'none'`);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      // Each page its own nonce.
      const again = await fetch(`${portal.url}/login`);
      expect(again.headers.get('content-security-policy')).not.toBe(csp);
    });

    it('keeps the portal working under that policy: no violations, and signing in works', async () => {
      let browser: Browser | undefined;
      try {
        browser = await launchBrowser();
        const context = await browser.newContext({ baseURL: portal.url, locale: 'es-MX' });
        const page = await context.newPage();
        const violations: string[] = [];
        page.on('console', (m) => {
          if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
        });
        page.on('pageerror', (e) => violations.push(e.message));
        const u = await createUser(app.dataSource, { roles: ['requester'] });
        await page.goto('/login');
        await submitLoginForm(page, u);
        await page.waitForURL((url) => url.pathname === '/solicitante');
        await page.getByRole('navigation', { name: 'Navegación principal' }).waitFor();
        expect(violations).toEqual([]);
      } finally {
        await browser?.close();
      }
    });
  });
});

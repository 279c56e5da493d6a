import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestApp } from '../support/app';
import { expectNoSeriousA11yViolations, fieldByLabel, launchBrowser, logIn, startPortal, type Portal } from '../support/browser';
import { createUser } from '../support/factories';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

jest.setTimeout(60_000);

describe('Profile: personal API tokens', () => {
  let app: TestApp;
  let portal: Portal;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    app = await createTestApp();
    portal = await startPortal(app.url);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
    await app?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ baseURL: portal.url, locale: 'es-MX' });
    page = await context.newPage();
  });

  afterEach(async () => {
    await context?.close();
  });

  const tokensTable = () => page.getByRole('region', { name: 'Tus tokens de API' });

  it('creates a read-only token with an expiry, shows its secret once and lists its scope and expiry', async () => {
    const agent = await createUser(app.dataSource, { roles: ['agent_l1'] });
    await logIn(page, agent, '/agente');
    await page.goto('/perfil');
    await page.getByRole('heading', { level: 2, name: 'Tokens de API' }).waitFor();
    await page.getByText('Aún no tienes tokens de API.').waitFor();
    await page.waitForSelector('form[aria-label="Crear token"] button[type="submit"]:not([disabled])');

    await fieldByLabel(page, 'Nombre del token').fill('Tablero del área');
    await page.getByRole('radio', { name: 'Solo lectura' }).check();
    await page.getByRole('combobox', { name: 'Caducidad' }).click();
    await page.getByRole('option', { name: '90 días' }).click();
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/me/tokens') && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Crear token' }).click(),
    ]);
    expect(response.status()).toBe(201);
    const created = (await response.json()) as { token: string; expiresAt: string };

    const secret = page.getByRole('textbox', { name: 'Tu nuevo token' });
    await secret.waitFor();
    expect(await secret.inputValue()).toBe(created.token);
    const row = tokensTable().getByRole('row', { name: /Tablero del área/ });
    await row.waitFor();
    await row.getByRole('cell', { name: 'Solo lectura', exact: true }).waitFor();
    // The portal writes dates as 27/02/2027 14:05 in the desk's zone (DESK_TIME_ZONE, Mexico City here).
    const day = Object.fromEntries(
      new Intl.DateTimeFormat('es-MX', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'America/Mexico_City' })
        .formatToParts(new Date(created.expiresAt))
        .map((p) => [p.type, p.value]),
    );
    const expires = `${day.day}/${day.month}/${day.year}`;
    await row.getByRole('cell', { name: new RegExp(`^${expires.replace(/\//g, '\\/')}`) }).waitFor();
    await expectNoSeriousA11yViolations(page);

    // Read back from the server: the listing survives a reload, the secret does not.
    await page.reload();
    await tokensTable()
      .getByRole('row', { name: /Tablero del área/ })
      .getByRole('cell', { name: 'Solo lectura', exact: true })
      .waitFor();
    expect(await page.getByRole('textbox', { name: 'Tu nuevo token' }).count()).toBe(0);
    const [stored] = await app.dataSource.query(`SELECT scope, expires_at FROM api_tokens WHERE name = 'Tablero del área'`);
    expect(stored.scope).toBe('read_only');
    expect(new Date(stored.expires_at).getTime() - Date.now()).toBeGreaterThan(89 * 86400_000);
  });

  it('revokes a token from the list', async () => {
    const agent = await createUser(app.dataSource, { roles: ['agent_l1'] });
    await logIn(page, agent, '/agente');
    await page.goto('/perfil');
    await page.waitForSelector('form[aria-label="Crear token"] button[type="submit"]:not([disabled])');
    await fieldByLabel(page, 'Nombre del token').fill('Temporal');
    await page.getByRole('radio', { name: 'Lectura y escritura' }).check();
    await page.getByRole('button', { name: 'Crear token' }).click();
    const row = tokensTable().getByRole('row', { name: /Temporal/ });
    await row.getByRole('cell', { name: 'Lectura y escritura', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Revocar el token Temporal' }).click();
    await page.getByRole('status').getByText('Se revocó el token Temporal.').waitFor();
    await page.getByText('Aún no tienes tokens de API.').waitFor();
    const [stored] = await app.dataSource.query(`SELECT revoked_at FROM api_tokens WHERE name = 'Temporal'`);
    expect(stored.revoked_at).not.toBeNull();
  });
});

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestApp } from '../support/app';
import { expectNoSeriousA11yViolations, launchBrowser, logIn, startPortal, type Portal } from '../support/browser';
import { createUser, type CreatedUser } from '../support/factories';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

jest.setTimeout(120_000);

const PHONE = { width: 390, height: 844 };
const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/calendars-${name}.png`, fullPage: true });

/** Business calendars (issue 12): an admin edits the weekly hours and adds a closed day. */
describe('Business calendars in the portal', () => {
  let app: TestApp;
  let portal: Portal;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let admin: CreatedUser;

  beforeAll(async () => {
    app = await createTestApp();
    portal = await startPortal(app.url);
    browser = await launchBrowser();
    admin = await createUser(app.dataSource, { roles: ['admin'], fullName: 'Ana Administradora' });
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

  const week = async (code: string) =>
    ((await app.dataSource.query(`SELECT week FROM business_calendars WHERE code = $1`, [code])) as { week: Record<string, unknown> }[])[0]!.week;

  it('edits the hours of a day into two intervals, refuses an overlap naming it, and adds a closed day', async () => {
    await logIn(page, admin, '/catalogo');
    await page.getByRole('link', { name: 'Calendarios laborales' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Calendarios laborales' }).waitFor();
    const table = page.getByTestId('calendars');
    await table.getByText('Lun–Vie 09:00–18:00').first().waitFor();
    await table.getByText('Lun–Vie 08:30–17:30').waitFor();
    await expectNoSeriousA11yViolations(page);
    await shot(page, 'list-desktop');

    await table.getByRole('link', { name: 'México (federal)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Calendario: México (federal)' }).waitFor();
    await page.waitForSelector('button:has-text("Guardar cambios"):not([disabled])');
    // The year's national holidays are shown read-only.
    await page.getByTestId('holidays').getByText('Día de la Independencia').waitFor();

    // Monday becomes 09:00–14:00 and 16:00–19:00.
    await page.getByLabel('Lunes, horario 1: hasta').fill('14:00');
    await page.getByRole('button', { name: 'Agregar horario el lunes' }).click();
    await page.getByLabel('Lunes, horario 2: desde').fill('13:00');
    await page.getByLabel('Lunes, horario 2: hasta').fill('19:00');
    await page.getByRole('button', { name: 'Guardar cambios' }).click();
    // Overlap: the server names the second interval's start, shown under it.
    await page.getByText('Los horarios del día deben ir en orden y sin traslaparse.').first().waitFor();
    expect(await page.getByLabel('Lunes, horario 2: desde').getAttribute('aria-invalid')).toBe('true');
    expect((await week('mx'))['1']).toEqual([{ start: '09:00', end: '18:00' }]);

    await page.getByLabel('Lunes, horario 2: desde').fill('16:00');
    await page.getByRole('button', { name: 'Guardar cambios' }).click();
    await page.getByText('Se guardaron los cambios.').waitFor();
    expect((await week('mx'))['1']).toEqual([
      { start: '09:00', end: '14:00' },
      { start: '16:00', end: '19:00' },
    ]);

    await page.getByLabel('Fecha', { exact: true }).fill('2026-11-03');
    await page.getByLabel('Motivo', { exact: true }).fill('Día inhábil decretado');
    await page.getByRole('button', { name: 'Agregar día cerrado' }).click();
    await page.getByTestId('closures').getByText('Día inhábil decretado').waitFor();
    expect(await app.dataSource.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, reason FROM business_calendar_closures`)).toEqual([
      { date: '2026-11-03', reason: 'Día inhábil decretado' },
    ]);
    await expectNoSeriousA11yViolations(page);
    await shot(page, 'detail-desktop');

    await page.setViewportSize(PHONE);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Calendario: México (federal)' }).waitFor();
    await shot(page, 'detail-phone');
    await page.goto('/admin/calendarios');
    await page.getByRole('heading', { level: 1, name: 'Calendarios laborales' }).waitFor();
    await shot(page, 'list-phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('lets the catalog manager pick a service calendar among the active ones', async () => {
    const manager = await createUser(app.dataSource, { roles: ['catalog_manager'] });
    await logIn(page, manager, '/catalogo');
    await page.goto('/catalogo/nuevo');
    const select = page.getByLabel('Calendario laboral');
    await select.waitFor();
    expect(await select.inputValue()).toBe('mx');
    const options = await select.locator('option').allTextContents();
    expect(options).toEqual(expect.arrayContaining(['México (federal)', 'Perú (nacional)']));
  });

  it('keeps the screen from staff who are not admins', async () => {
    const agent = await createUser(app.dataSource, { roles: ['agent_l1'] });
    await logIn(page, agent, '/agente');
    expect(await page.getByRole('link', { name: 'Calendarios laborales' }).count()).toBe(0);
    await page.goto('/admin/calendarios');
    await page
      .getByText(/permiso/i)
      .first()
      .waitFor();
  });
});

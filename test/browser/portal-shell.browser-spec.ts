import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestApp } from '../support/app';
import { expectNoSeriousA11yViolations, launchBrowser, startPortal, type Portal } from '../support/browser';
import { createUser } from '../support/factories';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

// A project's testTimeout in jest.config.js is not applied per project; browser steps need more than 5 s.
jest.setTimeout(60_000);
type ProblemBody = { code?: string; errors?: { field: string; message: string }[] };

/**
 * An input by its visible label. Playwright matches label text including Mantine's
 * aria-hidden required asterisk ("Contraseña *"), so the asterisk is allowed explicitly.
 */
function field(page: Page, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByLabel(new RegExp(`^${escaped}(\\s*\\*)?$`));
}

const ADMIN_ITEMS = [
  { label: 'Usuarios', path: '/admin/usuarios' },
  { label: 'Organizaciones', path: '/admin/organizaciones' },
  { label: 'Equipos', path: '/admin/equipos' },
  { label: 'Calendarios laborales', path: '/admin/calendarios' },
  { label: 'Auditoría', path: '/admin/auditoria' },
];

describe('Portal shell', () => {
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

  const nav = () => page.getByRole('navigation', { name: 'Navegación principal' });
  const navLink = (name: string) => nav().getByRole('link', { name, exact: true });

  async function openLogin(): Promise<void> {
    await page.goto('/login');
    // The submit button is enabled once React has hydrated the form.
    await page.waitForSelector('form button[type="submit"]:not([disabled])');
  }

  async function submitLogin(email: string, password: string): Promise<void> {
    await field(page, 'Correo electrónico').fill(email);
    await field(page, 'Contraseña').fill(password);
    await page.getByRole('button', { name: 'Entrar' }).click();
  }

  async function logIn(user: { email: string; password: string }, landing: string): Promise<void> {
    await openLogin();
    await submitLogin(user.email, user.password);
    await page.waitForURL((url) => url.pathname === landing);
  }

  it('takes a requester to their requests and shows only the requester navigation', async () => {
    const requester = await createUser(app.dataSource, { roles: ['requester'] });
    await logIn(requester, '/solicitante');

    await page.getByRole('heading', { level: 1, name: 'Mis solicitudes' }).waitFor();
    await page.getByText('Aún no tienes solicitudes').waitFor();
    expect(await navLink('Mis solicitudes').count()).toBe(1);
    expect(await navLink('Mi perfil').count()).toBe(1);
    for (const hidden of ['Bandeja de trabajo', ...ADMIN_ITEMS.map((i) => i.label)]) {
      expect(await navLink(hidden).count()).toBe(0);
    }
    await expectNoSeriousA11yViolations(page);

    // The first Tab reaches the skip link.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Saltar al contenido');

    await navLink('Mi perfil').click();
    await page.waitForURL((url) => url.pathname === '/perfil');
    await page.getByRole('heading', { level: 1, name: 'Mi perfil' }).waitFor();
    await page.getByText('Solicitante', { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page);

    // Pages authorise on their own, whatever the navigation shows.
    await page.goto('/agente');
    await page.getByRole('heading', { level: 1, name: 'Acceso denegado' }).waitFor();
    await expectNoSeriousA11yViolations(page);
  });

  it('takes an agent to the work queue without the admin navigation', async () => {
    const agent = await createUser(app.dataSource, { roles: ['agent_l1'] });
    await logIn(agent, '/agente');

    await page.getByRole('heading', { level: 1, name: 'Bandeja de trabajo' }).waitFor();
    expect(await navLink('Bandeja de trabajo').count()).toBe(1);
    expect(await navLink('Usuarios').count()).toBe(0);
    expect(await navLink('Bandeja de trabajo').getAttribute('aria-current')).toBe('page');
    await expectNoSeriousA11yViolations(page);
  });

  it('shows an admin the admin navigation and the admin lists', async () => {
    const admin = await createUser(app.dataSource, { roles: ['admin'], fullName: 'Ana Administradora' });
    await openLogin();
    await submitLogin(admin.email, admin.password);
    await page.waitForURL((url) => url.pathname !== '/login' && url.pathname !== '/');

    for (const item of ADMIN_ITEMS) expect(await navLink(item.label).count()).toBe(1);
    await page.getByText('Ana Administradora').first().waitFor();

    for (const item of ADMIN_ITEMS) {
      await navLink(item.label).click();
      await page.waitForURL((url) => url.pathname === item.path);
      await page.getByRole('heading', { level: 1, name: item.label }).waitFor();
      await page.getByRole('table').waitFor();
      expect(await page.getByRole('columnheader').count()).toBeGreaterThan(0);
      await expectNoSeriousA11yViolations(page);
    }
    // The admin is one of the users listed.
    await page.goto('/admin/usuarios');
    await page.getByRole('cell', { name: admin.email }).waitFor();
  });

  it("shows the server's password-policy error under the new-password field", async () => {
    const requester = await createUser(app.dataSource, { roles: ['requester'] });
    await logIn(requester, '/solicitante');
    await page.goto('/perfil');
    await page.waitForSelector('form button[type="submit"]:not([disabled])');

    const newPassword = field(page, 'Nueva contraseña');
    await field(page, 'Contraseña actual').fill(requester.password);
    await newPassword.fill('SinNumeros#ok');
    await field(page, 'Confirmar nueva contraseña').fill('SinNumeros#ok');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/me/password')),
      page.getByRole('button', { name: 'Cambiar contraseña' }).click(),
    ]);
    expect(response.status()).toBe(400);
    const problem = (await response.json()) as ProblemBody;
    const serverMessage = problem.errors?.find((e) => e.field === 'newPassword')?.message;
    expect(serverMessage).toBeTruthy();

    await page.getByText(serverMessage!, { exact: true }).waitFor();
    expect(await newPassword.getAttribute('aria-invalid')).toBe('true');
    const describedBy = await newPassword.evaluate((input) =>
      (input.getAttribute('aria-describedby') ?? '').split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? ''),
    );
    expect(describedBy).toContain(serverMessage);
    await expectNoSeriousA11yViolations(page);
  });

  it('confirms a valid password change', async () => {
    const requester = await createUser(app.dataSource, { roles: ['requester'] });
    await logIn(requester, '/solicitante');
    await page.goto('/perfil');
    await page.waitForSelector('form button[type="submit"]:not([disabled])');

    await field(page, 'Contraseña actual').fill(requester.password);
    await field(page, 'Nueva contraseña').fill('Otra#clave2027');
    await field(page, 'Confirmar nueva contraseña').fill('Otra#clave2027');
    await page.getByRole('button', { name: 'Cambiar contraseña' }).click();
    await page.getByRole('status').getByText('Contraseña actualizada').waitFor();
  });

  it('logs out to the login page and keeps signed-in pages closed afterwards', async () => {
    const agent = await createUser(app.dataSource, { roles: ['agent_l1'] });
    await logIn(agent, '/agente');

    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await page.waitForURL((url) => url.pathname === '/login');

    await page.goto('/agente');
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
  });

  it('tells the user when the email or password is wrong', async () => {
    const requester = await createUser(app.dataSource, { roles: ['requester'] });
    await openLogin();
    await expectNoSeriousA11yViolations(page);

    await submitLogin(requester.email, 'Incorrecta#2026');
    await page.getByRole('alert').getByText('Correo o contraseña incorrectos').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await expectNoSeriousA11yViolations(page);
  });
});

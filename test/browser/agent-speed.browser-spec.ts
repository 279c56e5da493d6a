import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestApp } from '../support/app';
import { expectNoSeriousA11yViolations, fieldByLabel, launchBrowser, logIn, startPortal, type Portal } from '../support/browser';
import { createUser, type CreatedUser } from '../support/factories';
import { createTeam, openTicket, person, type TicketDto } from '../support/tickets';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

jest.setTimeout(120_000);

const BODY = 'Hola {{requester.firstName}}, tu folio es {{ticket.number}}. Saludos, {{agent.name}}.';

/**
 * Agent speed in the portal (issue 11 items 7 and 9): an admin writes a text module, an agent
 * inserts it into a reply with "::" and the placeholders filled, and finds "Lucía" typing "Lucia".
 * The first two steps share the module, in order.
 */
describe('Text modules and accent-insensitive pickers in the portal', () => {
  let app: TestApp;
  let portal: Portal;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let admin: CreatedUser;
  let agent: CreatedUser;
  let ticket: TicketDto;

  beforeAll(async () => {
    app = await createTestApp();
    admin = await createUser(app.dataSource, { roles: ['admin'], fullName: 'Ana Administradora' });
    agent = await createUser(app.dataSource, { roles: ['agent_l1'], fullName: 'Miguel Ángel Pérez' });
    await createTeam(app.dataSource, { supportLevel: '1', memberIds: [agent.id], name: 'Mesa de servicio' });
    const requester = await person(app, ['requester'], { fullName: 'Lucía Hernández' });
    ticket = await openTicket(requester.api, { title: 'Impresora sin tóner', description: 'La impresora del segundo piso no imprime.' });
    portal = await startPortal(app.url);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
    await app?.close();
  });

  async function open(width: number, height: number): Promise<void> {
    context = await browser.newContext({ baseURL: portal.url, locale: 'es-MX', viewport: { width, height } });
    page = await context.newPage();
  }
  afterEach(async () => {
    await context?.close();
  });

  const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });

  it('lets an admin create a global text module, refusing an unknown placeholder on its field', async () => {
    await open(1440, 1000);
    await logIn(page, admin, '/catalogo');
    await page.getByRole('link', { name: 'Módulos de texto' }).first().click();
    await heading('Módulos de texto').waitFor();
    await page.getByRole('button', { name: 'Nuevo módulo' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Nuevo módulo de texto' }).waitFor();
    await fieldByLabel(page, 'Nombre').fill('Saludo inicial');
    const keywords = page.getByRole('combobox', { name: 'Palabras clave' });
    await keywords.fill('bienvenida');
    await keywords.press('Enter');
    await fieldByLabel(page, 'Texto').fill('Hola {{requester.email}}');
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await dialog.getByText('El marcador {{requester.email}} no existe', { exact: false }).first().waitFor();
    expect(await fieldByLabel(page, 'Texto').getAttribute('aria-invalid')).toBe('true');

    await fieldByLabel(page, 'Texto').fill('Hola {{requester.firstName}}, tu folio es {{ticket.number}}. Saludos, ');
    await dialog.getByRole('button', { name: 'Tu nombre', exact: true }).click();
    await fieldByLabel(page, 'Texto').press('End');
    await fieldByLabel(page, 'Texto').pressSequentially('.');
    expect(await fieldByLabel(page, 'Texto').inputValue()).toBe(BODY);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/text-module-editor.png' });
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await page.getByRole('status').getByText('Se guardó «Saludo inicial».').waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Saludo inicial' }).getByText('Global').waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/text-modules-desktop.png', fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole('listitem').filter({ hasText: 'Saludo inicial' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: '/tmp/text-modules-phone.png', fullPage: true });
  });

  it('lets an agent insert a text module into a reply with "::", placeholders filled, and send it', async () => {
    await open(1440, 1000);
    await logIn(page, agent, '/agente');
    await page.goto(`/agente/tickets/${ticket.id}`);
    await heading('Impresora sin tóner').waitFor();
    await page.waitForSelector('form button[type="submit"]:not([disabled])');
    const reply = page.getByRole('textbox', { name: /Respuesta pública/ });
    await reply.click();
    await reply.pressSequentially('Buen día. ::bienv');
    const option = page.getByRole('option', { name: /Saludo inicial/ });
    await option.waitFor();
    await page.screenshot({ path: '/tmp/text-module-inserter-desktop.png' });
    await reply.press('ArrowDown');
    await reply.press('Enter');
    const filled = `Buen día. Hola Lucía, tu folio es ${ticket.number}. Saludos, Miguel Ángel Pérez.`;
    await page.waitForFunction(
      ([name, text]) => Array.from(document.querySelectorAll('textarea')).some((t) => t.value === text && t.labels?.[0]?.textContent?.includes(name)),
      ['Respuesta pública', filled] as const,
    );
    await page.screenshot({ path: '/tmp/text-module-inserted.png' });
    await page.getByRole('button', { name: 'Enviar respuesta' }).click();
    // Sent: the composer empties and the reply shows in the conversation.
    await page.waitForFunction((el) => (el as HTMLTextAreaElement).value === '', await reply.elementHandle());
    await page.getByText(filled).first().waitFor();
    const articles = (await app.dataSource.query(`SELECT kind, body FROM articles WHERE ticket_id = $1`, [ticket.id])) as { kind: string; body: string }[];
    expect(articles).toEqual([{ kind: 'public', body: filled }]);

    // The button opens the same list on a phone, in a note this time.
    await page.setViewportSize({ width: 390, height: 844 });
    await page
      .locator('label', { hasText: /^Nota interna$/ })
      .first()
      .click();
    await page.getByRole('textbox', { name: /Nota interna/ }).waitFor();
    await page.getByRole('button', { name: 'Módulo de texto' }).click();
    await page.getByRole('option', { name: /Saludo inicial/ }).waitFor();
    await page.screenshot({ path: '/tmp/text-module-inserter-phone.png' });
    await page.getByRole('option', { name: /Saludo inicial/ }).click();
    const note = page.getByRole('textbox', { name: /Nota interna/ });
    await page.waitForFunction(() => Array.from(document.querySelectorAll('textarea')).some((t) => t.value.startsWith('Hola Lucía')));
    expect(await note.inputValue()).toBe(`Hola Lucía, tu folio es ${ticket.number}. Saludos, Miguel Ángel Pérez.`);
  });

  it('finds "Lucía" when the agent types "Lucia" in the requester picker', async () => {
    await open(1440, 1000);
    await logIn(page, agent, '/agente');
    await page.goto('/agente/nuevo');
    await heading('Registrar ticket').waitFor();
    await page.waitForSelector('form button[type="submit"]:not([disabled])');
    const requester = page.getByRole('combobox', { name: /^Solicitante(\s*\*)?$/ });
    await requester.click();
    await requester.fill('Lucia');
    await page.getByRole('option', { name: /Lucía Hernández/ }).click();
    expect(await requester.inputValue()).toContain('Lucía Hernández');
  });
});

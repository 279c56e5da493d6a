import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestApp } from '../support/app';
import { expectNoSeriousA11yViolations, fieldByLabel, launchBrowser, logIn, startPortal, type Portal } from '../support/browser';
import { createOrganisation, createUser, type CreatedUser } from '../support/factories';
import { as, login, type Session } from '../support/http';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

jest.setTimeout(90_000);

const SERVICE = { code: 'CORREO-INST', name: 'Correo institucional', category: 'Comunicaciones', type: 'both', status: 'active' };
const TITLE = 'No puedo enviar correos desde Outlook';
const DESCRIPTION = 'Desde esta mañana Outlook muestra un error al enviar cualquier correo.';
const INTERNAL_NOTE = 'Revisar cuota del buzón en el servidor de correo; posible bloqueo por spam.';
const PUBLIC_REPLY = 'Estamos revisando tu buzón; te avisamos en cuanto quede listo.';
const SOLUTION = 'Se liberó espacio en el buzón y se restableció el envío de correos.';
const ATTACHMENT = { name: 'error-outlook.txt', mimeType: 'text/plain', buffer: Buffer.from('0x800CCC0F: el servidor rechazó la conexión\n') };

/**
 * The ticket life cycle through the portal: a requester opens a request, an agent works it
 * from the queue to resolution, the requester confirms; row-level scope keeps other
 * requesters out; an agent registers a ticket by phone. The steps share one ticket, in order.
 */
describe('Tickets in the portal', () => {
  let app: TestApp;
  let portal: Portal;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let requesterA: CreatedUser;
  let requesterB: CreatedUser;
  let agent: CreatedUser;
  let dataDir: string;
  const ticket = { id: '', number: '' };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'mesa-browser-'));
    app = await createTestApp({ env: { DATA_DIR: dataDir } });
    const [orgA, orgB] = await Promise.all([
      createOrganisation(app.dataSource, { name: 'Secretaría de Finanzas' }),
      createOrganisation(app.dataSource, { name: 'Secretaría de Salud' }),
    ]);
    [requesterA, requesterB, agent] = await Promise.all([
      createUser(app.dataSource, { roles: ['requester'], fullName: 'Rosa Requena', organisationId: orgA.id }),
      createUser(app.dataSource, { roles: ['requester'], fullName: 'Bruno Beltrán', organisationId: orgB.id }),
      createUser(app.dataSource, { roles: ['agent_l1'], fullName: 'Alicia Agente' }),
    ]);
    const manager = await createUser(app.dataSource, { roles: ['catalog_manager'] });
    const session = await login(app.url, manager.email, manager.password);
    const created = await as(app.url, session).post('/api/v1/catalog/services').send(SERVICE);
    if (created.status !== 201) throw new Error(`service not created: ${created.status} ${JSON.stringify(created.body)}`);
    portal = await startPortal(app.url);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    context = await browser.newContext({ baseURL: portal.url, locale: 'es-MX', viewport: { width: 1440, height: 1000 } });
    page = await context.newPage();
  });

  afterEach(async () => {
    await context?.close();
  });

  const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });
  const dialog = () => page.getByRole('dialog');

  const combobox = (label: string) => page.getByRole('combobox', { name: new RegExp(`^${label}(\\s*\\*)?$`) });

  async function chooseOption(label: string, option: string | RegExp): Promise<void> {
    await combobox(label).click();
    await page.getByRole('option', { name: option }).first().click();
  }

  it('lets a requester open a request and see it in "Mis solicitudes" as Nuevo', async () => {
    await logIn(page, requesterA, '/solicitante');
    await page.getByRole('link', { name: 'Nueva solicitud' }).click();
    await page.waitForURL((url) => url.pathname === '/solicitante/nueva');
    await heading('Nueva solicitud').waitFor();
    await page.waitForSelector('form button[type="submit"]:not([disabled])');
    await expectNoSeriousA11yViolations(page);

    // Required fields are checked in the browser first, in Spanish, under each field.
    await page.getByRole('button', { name: 'Enviar solicitud' }).click();
    await page.getByText('Este campo es obligatorio').first().waitFor();
    expect(await fieldByLabel(page, 'Asunto').getAttribute('aria-invalid')).toBe('true');

    await chooseOption('Servicio', SERVICE.name);
    await fieldByLabel(page, 'Asunto').fill(TITLE);
    await fieldByLabel(page, 'Descripción').fill(DESCRIPTION);
    await page.locator('input[type="file"]').setInputFiles(ATTACHMENT);
    await page.getByRole('button', { name: 'Enviar solicitud' }).click();
    await page.waitForURL((url) => /^\/solicitante\/tickets\/[0-9a-f-]{36}$/.test(url.pathname));
    ticket.id = new URL(page.url()).pathname.split('/').pop()!;
    await heading(TITLE).waitFor();
    ticket.number = (await page.getByTestId('ticket-number').textContent())!.trim();
    expect(ticket.number).toMatch(/^\d{4}-\d+$/);
    expect(await page.getByTestId('ticket-state').textContent()).toBe('Nuevo');
    await page.getByText(SERVICE.name).waitFor();
    // The file went up with the request and comes back through the portal.
    const attachment = page.getByRole('link', { name: ATTACHMENT.name });
    await attachment.waitFor();
    const download = await page.request.get((await attachment.getAttribute('href'))!);
    expect(download.status()).toBe(200);
    expect(await download.text()).toBe(ATTACHMENT.buffer.toString());
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('link', { name: 'Volver a mis solicitudes' }).click();
    await page.waitForURL((url) => url.pathname === '/solicitante');
    const row = page.locator(`tr[data-ticket-number="${ticket.number}"]`);
    await row.waitFor();
    expect(await row.getByRole('cell').nth(1).textContent()).toBe(TITLE);
    expect(await row.locator('[data-state]').textContent()).toBe('Nuevo');
    await expectNoSeriousA11yViolations(page);
  });

  it('lets an agent take the ticket from "Sin asignar", add a note and a reply, and resolve it', async () => {
    expect(ticket.id).not.toBe('');
    await logIn(page, agent, '/agente');
    await heading('Bandeja de trabajo').waitFor();
    const views = page.getByRole('navigation', { name: 'Vistas de la bandeja' });
    await views.getByRole('link', { name: /Sin asignar/ }).click();
    await page.waitForURL((url) => url.searchParams.get('view') === 'unassigned');
    expect(await views.getByRole('link', { name: /Sin asignar/ }).getAttribute('aria-current')).toBe('page');
    const row = page.locator(`tr[data-ticket-number="${ticket.number}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Rosa Requena');
    expect(await row.textContent()).toContain(SERVICE.name);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/agent-queue.png', fullPage: true });

    await row.getByRole('link', { name: ticket.number }).click();
    await page.waitForURL((url) => url.pathname === `/agente/tickets/${ticket.id}`);
    await heading(TITLE).waitFor();
    const fields = page.getByTestId('ticket-fields');
    expect(await fields.textContent()).toContain('Secretaría de Finanzas');
    await expectNoSeriousA11yViolations(page);

    const actions = page.getByRole('region', { name: 'Acciones' });
    await actions.getByRole('button', { name: 'Tomar' }).click();
    await page.locator('[data-state="in_progress"]').first().waitFor();
    expect(await fields.textContent()).toContain('Alicia Agente');
    expect(await actions.getByRole('button', { name: 'Tomar' }).count()).toBe(0);

    const composer = page.getByRole('region', { name: 'Agregar a la conversación' });
    await composer.getByText('Nota interna', { exact: true }).click();
    await composer.getByRole('textbox', { name: 'Nota interna' }).fill(INTERNAL_NOTE);
    await composer.getByRole('button', { name: 'Guardar nota interna' }).click();
    const internal = page.locator('li[data-article-kind="internal"]');
    await internal.getByText(INTERNAL_NOTE).waitFor();
    expect(await internal.textContent()).toContain('Nota interna');

    await composer.getByText('Respuesta pública', { exact: true }).click();
    await composer.getByRole('textbox', { name: 'Respuesta pública' }).fill(PUBLIC_REPLY);
    await composer.getByRole('button', { name: 'Enviar respuesta' }).click();
    await page.locator('li[data-article-kind="public"]').getByText(PUBLIC_REPLY).waitFor();

    await actions.getByRole('button', { name: 'Resolver' }).click();
    await dialog().waitFor();
    // The dialog asks for the solution before calling the API.
    await dialog().getByRole('button', { name: 'Resolver' }).click();
    await dialog().getByText('Este campo es obligatorio').waitFor();
    await expectNoSeriousA11yViolations(page);
    await fieldByLabel(page, 'Solución').fill(SOLUTION);
    await dialog().getByRole('button', { name: 'Resolver' }).click();
    await dialog().waitFor({ state: 'detached' });
    await page.locator('[data-state="resolved"]').first().waitFor();

    const history = page.getByTestId('history');
    await history.getByText('Estado: Nuevo → En atención').waitFor();
    await history.getByText('Estado: En atención → Resuelto').waitFor();
    await history.getByText('Asignado a Alicia Agente').waitFor();
    await history.getByText('Nota interna agregada').waitFor();
    await history.getByText(`Archivo adjunto: ${ATTACHMENT.name}`).waitFor();
    expect(await actions.getByRole('button', { name: 'Cerrar' }).count()).toBe(1);
    expect(await actions.getByRole('button', { name: 'Resolver' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/agent-workspace.png', fullPage: true });
  });

  it('shows the requester the public reply but never the internal note, and closes on confirmation', async () => {
    expect(ticket.id).not.toBe('');
    await logIn(page, requesterA, '/solicitante');
    await page.locator(`tr[data-ticket-number="${ticket.number}"] [data-state="resolved"]`).waitFor();
    await page.getByRole('link', { name: ticket.number }).click();
    await page.waitForURL((url) => url.pathname === `/solicitante/tickets/${ticket.id}`);
    await page.getByText(PUBLIC_REPLY).waitFor();
    expect(await page.getByTestId('ticket-solution').textContent()).toBe(SOLUTION);
    const content = await page.content();
    expect(content).not.toContain(INTERNAL_NOTE);
    expect(content).not.toContain('Nota interna');
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('button', { name: 'Confirmar solución' }).click();
    await page.getByRole('status').getByText('Gracias. Tu solicitud quedó cerrada.').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="ticket-state"]')?.textContent === 'Cerrado');
    expect(await page.getByRole('button', { name: 'Confirmar solución' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Cancelar solicitud' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    expect(await page.content()).not.toContain(INTERNAL_NOTE);
  });

  it("shows another organisation's requester the not-found page and none of the ticket", async () => {
    expect(ticket.id).not.toBe('');
    await logIn(page, requesterB, '/solicitante');
    const response = await page.goto(`/solicitante/tickets/${ticket.id}`);
    await heading('No encontramos esa solicitud').waitFor();
    expect(response?.status()).toBe(404);
    const content = await page.content();
    for (const secret of [TITLE, DESCRIPTION, PUBLIC_REPLY, SOLUTION, INTERNAL_NOTE, ticket.number, 'Rosa Requena']) {
      expect(content).not.toContain(secret);
    }
    await expectNoSeriousA11yViolations(page);

    // Their own list does not show it either.
    await page.goto('/solicitante');
    await page.getByText('Aún no tienes solicitudes').waitFor();
    expect(await page.content()).not.toContain(ticket.number);
  });

  it('lets an agent register a ticket by phone on behalf of a requester', async () => {
    await logIn(page, agent, '/agente');
    await page.getByRole('link', { name: 'Registrar ticket' }).click();
    await page.waitForURL((url) => url.pathname === '/agente/nuevo');
    await heading('Registrar ticket').waitFor();
    await page.waitForSelector('form button[type="submit"]:not([disabled])');
    await expectNoSeriousA11yViolations(page);

    // Letter and e-signature are for the desk coordinator and directors only.
    await combobox('Canal').click();
    expect(await page.getByRole('option', { name: 'Oficio' }).count()).toBe(0);
    await page.getByRole('option', { name: 'Teléfono' }).click();

    const requester = combobox('Solicitante');
    await requester.click();
    await requester.fill('Rosa');
    await page.getByRole('option', { name: /Rosa Requena/ }).click();
    await chooseOption('Servicio', SERVICE.name);
    await fieldByLabel(page, 'Título').fill('Impresora del piso 3 sin tóner');
    await fieldByLabel(page, 'Descripción').fill('La solicitante llamó: la impresora compartida no imprime.');
    await chooseOption('Impacto', 'Alto');
    await chooseOption('Urgencia', 'Alto');
    await page.getByRole('button', { name: 'Registrar ticket' }).click();

    await page.waitForURL((url) => /^\/agente\/tickets\/[0-9a-f-]{36}$/.test(url.pathname));
    await heading('Impresora del piso 3 sin tóner').waitFor();
    const fields = page.getByTestId('ticket-fields');
    const text = await fields.textContent();
    expect(text).toContain('Rosa Requena');
    expect(text).toContain('Teléfono');
    expect(text).toContain('Alicia Agente');
    expect(text).toContain(SERVICE.name);
    // Impact and urgency Alto give Crítica in the default matrix.
    expect(await page.locator('[data-priority="critical"]').count()).toBeGreaterThan(0);
    await page.getByTestId('history').getByText('Registrado a nombre del solicitante', { exact: false }).waitFor();
    await expectNoSeriousA11yViolations(page);
  });
  async function sessionOf(user: CreatedUser): Promise<Session> {
    return login(app.url, user.email, user.password);
  }

  it('refreshes the queue and the open ticket live when someone else changes them', async () => {
    await logIn(page, agent, '/agente');
    await page.goto('/agente?view=unassigned');
    // The event stream is open through the portal proxy.
    await page.locator('[data-testid="live-announcement"][data-live-status="live"]').waitFor({ state: 'attached' });
    const before = Number(await page.getByTestId('counter-unassigned').textContent());

    const requester = as(app.url, await sessionOf(requesterA));
    const created = await requester.post('/api/v1/tickets').send({ title: 'La VPN se desconecta cada 5 minutos', description: 'Desde ayer.' });
    expect(created.status).toBe(201);
    const live = created.body as { id: string; number: string };
    // No navigation: the row and the counter arrive by themselves.
    await page.locator(`tr[data-ticket-number="${live.number}"]`).waitFor({ timeout: 15_000 });
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="counter-unassigned"]')?.textContent) === n, before + 1);
    await page.getByTestId('live-announcement').getByText('La bandeja se actualizó', { exact: false }).waitFor();

    await page.getByRole('link', { name: live.number }).click();
    await page.waitForURL((url) => url.pathname === `/agente/tickets/${live.id}`);
    await page.locator('[data-testid="live-announcement"][data-live-status="live"]').waitFor({ state: 'attached' });
    const reply = 'También se cae en la red de la oficina.';
    expect((await requester.post(`/api/v1/tickets/${live.id}/articles`).send({ kind: 'public', body: reply })).status).toBe(201);
    await page.locator('li[data-article-kind="public"]').getByText(reply).waitFor({ timeout: 15_000 });
    await page.getByText('Otra persona actualizó este ticket', { exact: false }).waitFor();
  });

  it('applies a bulk priority change to the selected tickets', async () => {
    const requester = as(app.url, await sessionOf(requesterA));
    const numbers: string[] = [];
    for (const title of ['Monitor sin señal', 'Teclado con teclas trabadas']) {
      const res = await requester.post('/api/v1/tickets').send({ title, description: 'Oficina 204.' });
      expect(res.status).toBe(201);
      numbers.push((res.body as { number: string }).number);
    }
    await logIn(page, agent, '/agente');
    await page.goto('/agente?view=unassigned&q=Oficina');
    for (const number of numbers) {
      await page.getByRole('checkbox', { name: `Seleccionar el ticket ${number}` }).check();
    }
    const bulk = page.getByRole('region', { name: 'Acciones sobre los tickets seleccionados' });
    await bulk.getByText('2 tickets seleccionados').waitFor();
    await expectNoSeriousA11yViolations(page);
    await chooseOption('Acción', 'Cambiar prioridad');
    await chooseOption('Impacto', 'Alto');
    await chooseOption('Urgencia', 'Medio');
    await bulk.getByRole('button', { name: 'Aplicar a la selección' }).click();
    await bulk.getByText('Se actualizaron 2 tickets.').waitFor();
    for (const number of numbers) {
      await page.locator(`tr[data-ticket-number="${number}"] [data-priority="high"]`).waitFor();
    }
  });
});

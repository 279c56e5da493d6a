import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestApp } from '../support/app';
import { expectNoSeriousA11yViolations, fieldByLabel, launchBrowser, logIn, startPortal, type Portal } from '../support/browser';
import { createOrganisation, createUser, type CreatedUser } from '../support/factories';
import { as, login } from '../support/http';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

jest.setTimeout(180_000);

// Seed 003, application access (SIGUE): the authorisation e-mail from the information owner comes with the request.
const SIGUE_FORM = [
  { key: 'nombre', type: 'text', label: 'Nombre del usuario', required: true },
  { key: 'autorizacion', type: 'file', label: 'Correo de autorización del titular', required: true },
];

const PDF = Buffer.from('%PDF-1.4\n% Autorizo el acceso de Rosa Requena a SIGUE\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
// An executable (MZ header) wearing a PDF's name.
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(256, 0x90)]);

/**
 * A service whose form asks for a file can be ordered: the file is uploaded (staged) before the
 * ticket is created, a refused file is marked on its field with nothing created, and the accepted
 * one is on the new ticket.
 */
describe('Request-form files uploaded with the order', () => {
  let app: TestApp;
  let portal: Portal;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let requester: CreatedUser;
  let agent: CreatedUser;
  let manager: CreatedUser;
  let serviceId: string;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'mesa-browser-'));
    app = await createTestApp({ env: { DATA_DIR: dataDir } });
    const org = await createOrganisation(app.dataSource, { name: 'Secretaría de Educación' });
    const m = await createUser(app.dataSource, { roles: ['catalog_manager'], fullName: 'Carla Catálogo' });
    manager = m;
    requester = await createUser(app.dataSource, { roles: ['requester'], fullName: 'Rosa Requena', organisationId: org.id });
    agent = await createUser(app.dataSource, { roles: ['agent_l1'], fullName: 'Alicia Agente' });
    const managerSession = await login(app.url, m.email, m.password);
    const res = await as(app.url, managerSession)
      .post('/api/v1/catalog/services')
      .send({ code: 'SIGUE', name: 'Acceso a SIGUE', category: 'Aplicaciones', type: 'service_request', status: 'active', form: SIGUE_FORM })
      .expect(201);
    serviceId = res.body.id;
    portal = await startPortal(app.url);
    browser = await launchBrowser();
  }, 180_000);

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

  async function shoot(name: string): Promise<void> {
    await page.setViewportSize({ width: 1440, height: 1400 });
    await page.screenshot({ path: `/tmp/${name}-desktop.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(600);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `/tmp/${name}-phone.png`, fullPage: true });
    await page.setViewportSize({ width: 1440, height: 1000 });
  }

  const combobox = (label: string) => page.getByRole('combobox', { name: new RegExp(`^${label}(\\s*\\*)?$`) });
  async function chooseOption(label: string, option: string | RegExp): Promise<void> {
    await combobox(label).click();
    await page.getByRole('option', { name: option }).first().click();
  }
  const tickets = async () => (await app.dataSource.query(`SELECT count(*)::int AS n FROM tickets WHERE service_id = $1`, [serviceId]))[0].n as number;
  // The form's own file field (one file); the page's "Archivos adjuntos" picker takes several.
  const formFileInput = () => page.locator('input[type="file"]:not([multiple])');

  it('refuses an .exe renamed .pdf on its field without creating the ticket, then takes a PDF, which is on the ticket', async () => {
    await logIn(page, requester, '/solicitante');
    await page.goto(`/solicitante/catalogo/${serviceId}`);
    await page.waitForSelector('form button[type="submit"]:not([disabled])');
    await fieldByLabel(page, 'Descripción').fill('Necesito consultar expedientes en SIGUE.');
    await fieldByLabel(page, 'Nombre del usuario').fill('Rosa Requena');

    // Required: the local check asks for it before anything is sent.
    await page.getByRole('button', { name: 'Enviar solicitud' }).click();
    await page.getByText('Correo de autorización del titular es obligatorio').waitFor();

    await formFileInput().setInputFiles([{ name: 'autorizacion.pdf', mimeType: 'application/pdf', buffer: EXE }]);
    await page.getByRole('button', { name: 'Enviar solicitud' }).click();
    const refusal = page.getByText('Archivo rechazado: el contenido es un archivo .exe, no un .pdf.');
    await refusal.waitFor();
    await page.getByText('Revisa los campos marcados').first().waitFor();
    // The message is the file field's own error (its input is the one marked invalid).
    const fileButton = page.locator('[data-field-key="autorizacion"]');
    expect(await fileButton.getAttribute('aria-invalid')).toBe('true');
    expect(await tickets()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await shoot('staged-upload-refused');

    await formFileInput().setInputFiles([{ name: 'autorizacion.pdf', mimeType: 'application/pdf', buffer: PDF }]);
    await page.getByRole('button', { name: 'Enviar solicitud' }).click();
    await page.waitForURL((url) => /^\/solicitante\/tickets\/[0-9a-f-]{36}$/.test(url.pathname));
    const ticketId = page.url().split('/').pop()!;
    // The answer reads as the file, linked; and the file is among the ticket's attachments.
    await page.getByTestId('form-answers').getByRole('link', { name: 'autorizacion.pdf' }).waitFor();
    await page.locator('[data-attachment="autorizacion.pdf"]').first().waitFor();
    expect(await tickets()).toBe(1);
    const [row] = await app.dataSource.query(
      `SELECT a.ticket_id, a.uploaded_by_id FROM attachments a WHERE a.file_name = 'autorizacion.pdf' AND a.ticket_id IS NOT NULL`,
    );
    expect(row).toEqual({ ticket_id: ticketId, uploaded_by_id: requester.id });
    await shoot('staged-upload-ticket');
  });

  it('lets an agent register a phone request with the file the caller e-mailed, on the requester’s ticket', async () => {
    await logIn(page, agent, '/agente');
    await page.goto('/agente/nuevo');
    await page.waitForSelector('form button[type="submit"]:not([disabled])');
    const who = combobox('Solicitante');
    await who.click();
    await who.fill('Rosa');
    await page.getByRole('option', { name: /Rosa Requena/ }).click();
    await chooseOption('Servicio', 'Acceso a SIGUE');
    await fieldByLabel(page, 'Título').fill('Acceso a SIGUE por teléfono');
    await fieldByLabel(page, 'Descripción').fill('La solicitante llamó y envió la autorización por correo.');
    await page.getByTestId('service-form').waitFor();
    await fieldByLabel(page, 'Nombre del usuario').fill('Rosa Requena');
    await formFileInput().setInputFiles([{ name: 'correo-titular.pdf', mimeType: 'application/pdf', buffer: PDF }]);
    await page.getByRole('button', { name: 'Registrar ticket' }).click();
    await page.waitForURL((url) => /^\/agente\/tickets\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByTestId('form-answers').getByRole('link', { name: 'correo-titular.pdf' }).waitFor();
    const [row] = await app.dataSource.query(
      `SELECT t.requester_id, a.uploaded_by_id FROM attachments a JOIN tickets t ON t.id = a.ticket_id WHERE a.file_name = 'correo-titular.pdf'`,
    );
    expect(row).toEqual({ requester_id: requester.id, uploaded_by_id: agent.id });
  });

  it('lets a requester send the file from "Nueva solicitud" too', async () => {
    const before = await tickets();
    await logIn(page, requester, '/solicitante');
    await page.goto('/solicitante/nueva');
    await page.waitForSelector('form button[type="submit"]:not([disabled])');
    await chooseOption('Servicio', 'Acceso a SIGUE');
    await fieldByLabel(page, 'Asunto').fill('Acceso a SIGUE para Control Escolar');
    await fieldByLabel(page, 'Descripción').fill('Adjunto la autorización del titular.');
    await page.getByTestId('service-form').waitFor();
    await fieldByLabel(page, 'Nombre del usuario').fill('Rosa Requena');
    await formFileInput().setInputFiles([{ name: 'autorizacion-escolar.pdf', mimeType: 'application/pdf', buffer: EXE }]);
    await page.getByRole('button', { name: 'Enviar solicitud' }).click();
    await page.getByText('Archivo rechazado: el contenido es un archivo .exe, no un .pdf.').waitFor();
    expect(await tickets()).toBe(before);
    await formFileInput().setInputFiles([{ name: 'autorizacion-escolar.pdf', mimeType: 'application/pdf', buffer: PDF }]);
    await page.getByRole('button', { name: 'Enviar solicitud' }).click();
    await page.waitForURL((url) => /^\/solicitante\/tickets\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByTestId('form-answers').getByRole('link', { name: 'autorizacion-escolar.pdf' }).waitFor();
  });

  it('shows the file field in the catalog manager’s preview, taking no file', async () => {
    await logIn(page, manager, '/catalogo');
    await page.goto(`/catalogo/${serviceId}`);
    await page.waitForSelector('form button[type="submit"]:not([disabled])');
    const preview = page.getByTestId('form-preview');
    const field = preview.locator('[data-field-key="autorizacion"]');
    await field.waitFor();
    expect(await field.isDisabled()).toBe(true);
    // Trying the form out does not ask the manager for a file they cannot choose here.
    await preview.getByRole('textbox', { name: /^Nombre del usuario/ }).fill('Prueba');
    await page.getByRole('button', { name: 'Probar validación' }).click();
    await preview.getByRole('status').filter({ hasText: /.+/ }).waitFor();
    expect(await preview.getByText('Correo de autorización del titular es obligatorio').count()).toBe(0);
    await field.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/staged-upload-preview-desktop.png' });
  });
});

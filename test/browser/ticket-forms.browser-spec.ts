import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestApp } from '../support/app';
import { expectNoSeriousA11yViolations, fieldByLabel, launchBrowser, logIn, startPortal, type Portal } from '../support/browser';
import { createOrganisation, createUser, type CreatedUser } from '../support/factories';
import { as, login, type Session } from '../support/http';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

jest.setTimeout(180_000);

// Seed 003 DGST-P01-PR04 3.c: who authorises and why, only for dialling codes and special permissions.
const AUTHORISED = ['Asignación de clave de marcación', 'Permiso especial de marcación'];
const VOICE_FORM = [
  { key: 'extension', type: 'text', label: 'Número de extensión', required: true },
  {
    key: 'movimiento',
    type: 'select',
    label: 'Tipo de movimiento',
    required: true,
    validation: { options: ['Alta de extensión', 'Baja de extensión', ...AUTHORISED] },
  },
  { key: 'autoriza', type: 'text', label: 'Nombre de quien autoriza', required: true, showWhen: { field: 'movimiento', values: AUTHORISED } },
  { key: 'justificacion', type: 'long_text', label: 'Justificación', required: false, requiredWhen: { field: 'movimiento', values: AUTHORISED } },
];
// DGST-P01-PR05 3.c.9–3.c.11.
const DATA_FORM = [
  {
    key: 'tipo',
    type: 'select',
    label: 'Tipo de solicitud',
    required: true,
    validation: { options: ['Apertura de puertos', 'Bloqueo o desbloqueo de sitios web', 'Acceso a internet'] },
  },
  { key: 'ip', type: 'ipv4_cidr', label: 'Dirección IP', required: true },
  { key: 'puertos', type: 'port_list', label: 'Puertos o servicios', required: true, showWhen: { field: 'tipo', values: ['Apertura de puertos'] } },
  { key: 'url', type: 'url', label: 'URL o sitio web', required: true, showWhen: { field: 'tipo', values: ['Bloqueo o desbloqueo de sitios web'] } },
];

/**
 * Tickets for services with a request form, from the three places a ticket is created: the agent
 * registering a phone call, the requester's "Nueva solicitud", and the catalog order page; with
 * conditional fields, files sent in the same submit, and the server's field errors in place.
 */
describe('Request forms wherever a ticket is created', () => {
  let app: TestApp;
  let portal: Portal;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let requester: CreatedUser;
  let agent: CreatedUser;
  let manager: Session;
  let dataDir: string;
  const services: Record<string, { id: string; version: number }> = {};

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'mesa-browser-'));
    app = await createTestApp({ env: { DATA_DIR: dataDir } });
    const org = await createOrganisation(app.dataSource, { name: 'Secretaría de Educación' });
    let m: CreatedUser;
    [requester, agent, m] = await Promise.all([
      createUser(app.dataSource, { roles: ['requester'], fullName: 'Rosa Requena', organisationId: org.id }),
      createUser(app.dataSource, { roles: ['agent_l1'], fullName: 'Alicia Agente' }),
      createUser(app.dataSource, { roles: ['catalog_manager'], fullName: 'Carla Catálogo' }),
    ]);
    manager = await login(app.url, m.email, m.password);
    for (const [code, name, form] of [
      ['RED-VOZ', 'Red de voz (telefonía)', VOICE_FORM],
      ['RED-DATOS', 'Red de datos', DATA_FORM],
    ] as const) {
      const res = await as(app.url, manager)
        .post('/api/v1/catalog/services')
        .send({ code, name, category: 'Telecomunicaciones', type: 'both', status: 'active', form })
        .expect(201);
      services[code] = { id: res.body.id, version: res.body.version };
    }
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

  const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });
  const combobox = (label: string) => page.getByRole('combobox', { name: new RegExp(`^${label}(\\s*\\*)?$`) });
  async function chooseOption(label: string, option: string | RegExp): Promise<void> {
    await combobox(label).click();
    await page.getByRole('option', { name: option }).first().click();
  }
  const serviceForm = () => page.getByTestId('service-form');
  const isRequired = async (label: string) => (await fieldByLabel(page, label).getAttribute('required')) !== null;

  async function shoot(name: string): Promise<void> {
    await page.setViewportSize({ width: 1440, height: 1800 });
    await page.screenshot({ path: `/tmp/${name}-desktop.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    // The shell folds its navigation away with a transition; let it finish before the picture.
    await page.waitForTimeout(600);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `/tmp/${name}-phone.png`, fullPage: true });
    await page.setViewportSize({ width: 1440, height: 1000 });
  }

  it('lets an agent register a phone ticket with the requester’s form answers, a conditional field appearing, and a file', async () => {
    await logIn(page, agent, '/agente');
    await page.goto('/agente/nuevo');
    await heading('Registrar ticket').waitFor();
    await page.waitForSelector('form button[type="submit"]:not([disabled])');

    const who = combobox('Solicitante');
    await who.click();
    await who.fill('Rosa');
    await page.getByRole('option', { name: /Rosa Requena/ }).click();
    await chooseOption('Servicio', 'Red de voz (telefonía)');
    await chooseOption('Tipo', 'Solicitud de servicio');
    await fieldByLabel(page, 'Título').fill('Permiso de larga distancia para Control Escolar');
    await fieldByLabel(page, 'Descripción').fill('La solicitante llamó: necesita marcar a las oficinas regionales.');

    // The service's form appears; who authorises is not asked for a new extension.
    await serviceForm().waitFor();
    await fieldByLabel(page, 'Número de extensión').fill('5120');
    await chooseOption('Tipo de movimiento', 'Alta de extensión');
    expect(await fieldByLabel(page, 'Nombre de quien autoriza').count()).toBe(0);
    expect(await isRequired('Justificación')).toBe(false);

    // A special permission brings who authorises, and makes the justification obligatory.
    await chooseOption('Tipo de movimiento', 'Permiso especial de marcación');
    await fieldByLabel(page, 'Nombre de quien autoriza').waitFor();
    expect(await isRequired('Nombre de quien autoriza')).toBe(true);
    expect(await isRequired('Justificación')).toBe(true);
    await page.getByRole('button', { name: 'Registrar ticket' }).click();
    await page.getByRole('alert').filter({ hasText: 'Revisa los campos marcados.' }).waitFor();
    await page.getByText('Nombre de quien autoriza es obligatorio cuando Tipo de movimiento es «Permiso especial de marcación»').waitFor();
    await page.getByText('Justificación es obligatorio cuando Tipo de movimiento es «Permiso especial de marcación»').waitFor();
    expect(await fieldByLabel(page, 'Nombre de quien autoriza').getAttribute('aria-invalid')).toBe('true');
    expect(await fieldByLabel(page, 'Nombre de quien autoriza').evaluate((el) => el === document.activeElement)).toBe(true);
    await expectNoSeriousA11yViolations(page);
    await shoot('ticket-forms-agent-register');

    await fieldByLabel(page, 'Nombre de quien autoriza').fill('Mtra. Teresa Aguilar');
    await fieldByLabel(page, 'Justificación').fill('Coordina con oficinas regionales fuera del estado.');
    await page
      .locator('input[type="file"]')
      .setInputFiles([{ name: 'oficio.txt', mimeType: 'text/plain', buffer: Buffer.from('Oficio de autorización 123/2026') }]);
    await page.getByRole('button', { name: 'Registrar ticket' }).click();

    await page.waitForURL((url) => /^\/agente\/tickets\/[0-9a-f-]{36}$/.test(url.pathname));
    await heading('Permiso de larga distancia para Control Escolar').waitFor();
    const answers = page.getByTestId('form-answers');
    await answers.getByText('Mtra. Teresa Aguilar').waitFor();
    expect(await answers.textContent()).toContain('Permiso especial de marcación');
    await page.getByText('oficio.txt').first().waitFor();
    const [stored] = await app.dataSource.query(`SELECT form_data, channel, requester_id FROM tickets WHERE title = $1`, [
      'Permiso de larga distancia para Control Escolar',
    ]);
    expect(stored).toEqual({
      channel: 'phone',
      requester_id: requester.id,
      form_data: {
        extension: '5120',
        movimiento: 'Permiso especial de marcación',
        autoriza: 'Mtra. Teresa Aguilar',
        justificacion: 'Coordina con oficinas regionales fuera del estado.',
      },
    });
  });

  it('lets a requester order from "Nueva solicitud" with the service’s form and a file, and says which file was refused', async () => {
    await logIn(page, requester, '/solicitante');
    await page.getByRole('link', { name: 'Nueva solicitud' }).click();
    await page.waitForURL((url) => url.pathname === '/solicitante/nueva');
    await page.waitForSelector('form button[type="submit"]:not([disabled])');
    await chooseOption('Servicio', 'Red de datos');
    await chooseOption('Tipo', 'Solicitud de servicio');
    await fieldByLabel(page, 'Asunto').fill('Abrir el puerto del sistema de inscripciones');
    await fieldByLabel(page, 'Descripción').fill('Las escuelas deben entrar al sistema desde sus redes.');
    await serviceForm().waitFor();
    await chooseOption('Tipo de solicitud', 'Apertura de puertos');
    await fieldByLabel(page, 'Dirección IP').fill('10.20.30.40');
    expect(await fieldByLabel(page, 'URL o sitio web').count()).toBe(0);
    await fieldByLabel(page, 'Puertos o servicios').fill('443, 8443');
    await page.locator('input[type="file"]').setInputFiles([
      { name: 'diagrama.txt', mimeType: 'text/plain', buffer: Buffer.from('Servidor 10.20.30.40 detrás del firewall') },
      // Not a PDF inside: the server refuses it by its bytes, after the ticket exists.
      { name: 'oficio.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]) },
    ]);
    await expectNoSeriousA11yViolations(page);
    await shoot('ticket-forms-new-request');
    await page.getByRole('button', { name: 'Enviar solicitud' }).click();

    const notice = page.getByRole('alert').filter({ hasText: /Se registró el ticket \d{4}-\d{6}/ });
    await notice.waitFor();
    await notice.getByText(/^oficio\.pdf: Archivo rechazado: el contenido es un archivo \.exe/).waitFor();
    expect(await notice.textContent()).not.toContain('diagrama.txt');
    await expectNoSeriousA11yViolations(page);
    await shoot('ticket-forms-upload-refused');
    await notice.getByRole('link', { name: 'Ir al ticket' }).click();
    await page.waitForURL((url) => /^\/solicitante\/tickets\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByText('diagrama.txt').first().waitFor();
    const answers = page.getByTestId('form-answers');
    await answers.getByText('10.20.30.40').waitFor();
  });

  it('lets a requester order from the catalog with a conditional field and a file', async () => {
    await logIn(page, requester, '/solicitante');
    await page.goto(`/solicitante/catalogo/${services['RED-DATOS'].id}`);
    await page.waitForSelector('form button[type="submit"]:not([disabled])');
    await fieldByLabel(page, 'Descripción').fill('Bloquear un sitio de apuestas en la red escolar.');
    await chooseOption('Tipo de solicitud', 'Bloqueo o desbloqueo de sitios web');
    expect(await fieldByLabel(page, 'Puertos o servicios').count()).toBe(0);
    await fieldByLabel(page, 'Dirección IP').fill('10.20.0.0/16');
    await page.getByRole('button', { name: 'Enviar solicitud' }).click();
    await page.getByText('URL o sitio web es obligatorio cuando Tipo de solicitud es «Bloqueo o desbloqueo de sitios web»').waitFor();
    await fieldByLabel(page, 'URL o sitio web').fill('https://apuestas.example.com');
    await page
      .locator('input[type="file"]')
      .setInputFiles([{ name: 'captura.txt', mimeType: 'text/plain', buffer: Buffer.from('El sitio abre desde el laboratorio 3') }]);
    await page.getByRole('button', { name: 'Enviar solicitud' }).click();
    await page.waitForURL((url) => /^\/solicitante\/tickets\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByText('captura.txt').first().waitFor();
    await page.getByTestId('form-answers').getByText('https://apuestas.example.com/').waitFor();
  });

  it('lets the catalog manager make a field shown and required only for some answers, with a live preview', async () => {
    const m = await createUser(app.dataSource, { roles: ['catalog_manager'], fullName: 'Marta Manager' });
    await logIn(page, m, '/catalogo');
    await page.goto(`/catalogo/${services['RED-DATOS'].id}`);
    await page.waitForSelector('form button[type="submit"]:not([disabled])');
    await page.getByRole('button', { name: 'Agregar campo' }).click();
    const row = page.locator('[data-field-uid]').nth(DATA_FORM.length);
    await row.getByLabel(/^Etiqueta/).fill('Periodo del acceso');
    await row.getByLabel(/^Tipo de dato/).selectOption('date_range');
    await row.getByRole('combobox', { name: 'Mostrar solo cuando' }).click();
    await page.getByRole('option', { name: 'Tipo de solicitud (tipo)' }).click();
    await row.getByRole('combobox', { name: /^tenga uno de estos valores/ }).click();
    await page.getByRole('option', { name: 'Acceso a internet' }).click();
    await page.keyboard.press('Escape');
    await row.getByRole('combobox', { name: 'Obligatorio solo cuando' }).click();
    await page.getByRole('option', { name: 'Tipo de solicitud (tipo)' }).click();
    await row
      .getByRole('combobox', { name: /^tenga uno de estos valores/ })
      .nth(1)
      .click();
    await page.getByRole('option', { name: 'Acceso a internet' }).click();
    await page.keyboard.press('Escape');

    // The preview shows the period only for internet access, marked obligatory.
    const preview = page.getByTestId('form-preview');
    expect(await preview.getByText('Periodo del acceso').count()).toBe(0);
    await preview.getByRole('combobox', { name: /^Tipo de solicitud/ }).click();
    await page.getByRole('option', { name: 'Acceso a internet' }).click();
    await preview.getByText('Periodo del acceso').waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.setViewportSize({ width: 1440, height: 2400 });
    await page.screenshot({ path: '/tmp/ticket-forms-builder-conditions.png' });
    await page.setViewportSize({ width: 1440, height: 1000 });

    await page.getByRole('button', { name: 'Guardar', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/catalogo');
    const [stored] = await app.dataSource.query(`SELECT form FROM catalog_services WHERE id = $1`, [services['RED-DATOS'].id]);
    expect(stored.form.at(-1)).toEqual({
      key: 'periodo_del_acceso',
      type: 'date_range',
      label: 'Periodo del acceso',
      required: false,
      showWhen: { field: 'tipo', values: ['Acceso a internet'] },
      requiredWhen: { field: 'tipo', values: ['Acceso a internet'] },
    });

    // The published version lists the condition in words.
    const [{ version }] = await app.dataSource.query(`SELECT published_version AS version FROM catalog_services WHERE id = $1`, [services['RED-DATOS'].id]);
    await page.goto(`/catalogo/${services['RED-DATOS'].id}/versiones/${version}`);
    const rules = page.getByTestId('version-form').locator('[data-field-key="periodo_del_acceso"]');
    await rules
      .getByText('se muestra solo cuando Tipo de solicitud es: Acceso a internet; obligatorio cuando Tipo de solicitud es: Acceso a internet')
      .waitFor();
    await expectNoSeriousA11yViolations(page);
  });

  it('shows the server’s refusal of an answer under that field', async () => {
    await logIn(page, requester, '/solicitante');
    await page.goto('/solicitante/nueva');
    await page.waitForSelector('form button[type="submit"]:not([disabled])');
    await chooseOption('Servicio', 'Red de voz (telefonía)');
    await chooseOption('Tipo', 'Solicitud de servicio');
    await fieldByLabel(page, 'Asunto').fill('Baja de la extensión 51');
    await fieldByLabel(page, 'Descripción').fill('La persona dejó el área.');
    await fieldByLabel(page, 'Número de extensión').fill('51');
    await chooseOption('Tipo de movimiento', 'Baja de extensión');

    // Meanwhile the catalog manager publishes a stricter form: extensions have 3 to 6 digits.
    const strict = VOICE_FORM.map((f) =>
      f.key === 'extension' ? { ...f, validation: { regex: '^\\d{3,6}$', regexMessage: 'debe tener de 3 a 6 dígitos' } } : f,
    );
    await as(app.url, manager).patch(`/api/v1/catalog/services/${services['RED-VOZ'].id}`).send({ form: strict }).expect(200);

    await page.getByRole('button', { name: 'Enviar solicitud' }).click();
    await page.getByRole('alert').filter({ hasText: 'Revisa los campos marcados.' }).waitFor();
    await page.getByText('Número de extensión debe tener de 3 a 6 dígitos').waitFor();
    expect(await fieldByLabel(page, 'Número de extensión').getAttribute('aria-invalid')).toBe('true');
    expect(page.url()).toMatch(/\/solicitante\/nueva$/);
    await expectNoSeriousA11yViolations(page);
    await shoot('ticket-forms-server-error');
  });
});

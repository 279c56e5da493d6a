import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { createTestApp } from '../support/app';
import { expectNoSeriousA11yViolations, fieldByLabel, launchBrowser, logIn, startPortal, type Portal } from '../support/browser';
import { createOrganisation, createUser, type CreatedUser } from '../support/factories';
import { as, login } from '../support/http';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

jest.setTimeout(120_000);

const SERVICE = {
  code: 'FW-APERTURA',
  name: 'Apertura de puertos en el firewall',
  description: 'Permite el tráfico hacia un servidor institucional desde otras redes.',
  category: 'Redes y seguridad',
};
const DESCRIPTION = 'Necesitamos publicar el nuevo sistema de nómina hacia la red de la Tesorería.';

/**
 * The service catalog through the portal: a catalog manager creates a service, builds its
 * request form with the live preview and publishes it; a requester finds it in the catalog and
 * orders it, with the form's rules checked under each field. The steps share one service.
 */
describe('Service catalog in the portal', () => {
  let app: TestApp;
  let portal: Portal;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let requester: CreatedUser;
  let manager: CreatedUser;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'mesa-browser-'));
    app = await createTestApp({ env: { DATA_DIR: dataDir } });
    const org = await createOrganisation(app.dataSource, { name: 'Secretaría de Finanzas' });
    [requester, manager] = await Promise.all([
      createUser(app.dataSource, { roles: ['requester'], fullName: 'Rosa Requena', organisationId: org.id }),
      createUser(app.dataSource, { roles: ['catalog_manager'], fullName: 'Carla Catálogo' }),
    ]);
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
  const labelled = (scope: Locator, label: string) => scope.getByLabel(new RegExp(`^${label}(\\s*\\*)?$`));

  async function addField(index: number, label: string, type: string, required: boolean): Promise<void> {
    await page.getByRole('button', { name: 'Agregar campo' }).click();
    const field = page.locator('[data-field-uid]').nth(index);
    await labelled(field, 'Etiqueta').fill(label);
    await labelled(field, 'Tipo de dato').selectOption(type);
    if (required) await labelled(field, 'Obligatorio').check();
  }

  it('lets a catalog manager create a service, build its form with a live preview and publish it', async () => {
    await logIn(page, manager, '/catalogo');
    await heading('Catálogo (gestión)').waitFor();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('link', { name: 'Nuevo servicio' }).click();
    await page.waitForURL((url) => url.pathname === '/catalogo/nuevo');
    await heading('Nuevo servicio').waitFor();
    await page.waitForSelector('form button[type="submit"]:not([disabled])');
    await expectNoSeriousA11yViolations(page);

    const sheet = page.getByRole('region', { name: 'Ficha del servicio' });
    await labelled(sheet, 'Clave').fill(SERVICE.code);
    await labelled(sheet, 'Nombre').fill(SERVICE.name);
    await labelled(sheet, 'Descripción').fill(SERVICE.description);
    await labelled(sheet, 'Categoría').fill(SERVICE.category);
    await labelled(sheet, 'Tipo de ticket').selectOption('service_request');
    await sheet.getByLabel('Respuesta (min), prioridad Alta').fill('60');
    await sheet.getByLabel('Resolución (min), prioridad Alta').fill('480');

    await addField(0, 'Dirección IP', 'ipv4_cidr', true);
    await addField(1, 'Puertos', 'port_list', false);
    await addField(2, 'Quién autoriza', 'text', true);
    // The key follows the label until the manager edits it.
    expect(await labelled(page.locator('[data-field-uid]').nth(2), 'Clave').inputValue()).toBe('quien_autoriza');

    // The preview renders the same form the requester will get, and checks it the same way.
    const preview = page.getByTestId('form-preview');
    await labelled(preview, 'Dirección IP').waitFor();
    await labelled(preview, 'Puertos').waitFor();
    await labelled(preview, 'Quién autoriza').waitFor();
    await labelled(preview, 'Puertos').fill('80, 99999');
    await preview.getByRole('button', { name: 'Probar validación' }).click();
    await preview.getByText('Dirección IP es obligatorio').waitFor();
    await preview.getByText(/^Puertos debe ser una lista de puertos/).waitFor();
    expect(await labelled(preview, 'Dirección IP').getAttribute('aria-invalid')).toBe('true');
    await labelled(preview, 'Puertos').fill('80, 443');
    await expectNoSeriousA11yViolations(page);
    // A tall viewport rather than fullPage: the sticky header and preview would land mid-image.
    await page.setViewportSize({ width: 1440, height: 2300 });
    await page.screenshot({ path: '/tmp/catalog-builder.png' });
    await page.setViewportSize({ width: 1440, height: 1000 });

    // Reordering keeps the fields and announces the move.
    await page.getByRole('button', { name: 'Subir el campo Quién autoriza' }).click();
    await page.getByText('Quién autoriza ahora es el campo 2.').waitFor();
    await page.getByRole('button', { name: 'Bajar el campo Quién autoriza' }).click();
    expect(await labelled(page.locator('[data-field-uid]').nth(2), 'Etiqueta').inputValue()).toBe('Quién autoriza');

    // A repeated key is flagged under that field's key, and focus goes there.
    const third = page.locator('[data-field-uid]').nth(2);
    await labelled(third, 'Clave').fill('puertos');
    await page.getByRole('button', { name: 'Guardar borrador' }).click();
    await page.getByRole('alert').filter({ hasText: 'Revisa los campos marcados.' }).waitFor();
    await third.getByText('clave repetida: puertos').waitFor();
    expect(await labelled(third, 'Clave').getAttribute('aria-invalid')).toBe('true');
    expect(await labelled(third, 'Clave').evaluate((el) => el === document.activeElement)).toBe(true);
    await labelled(third, 'Clave').fill('quien_autoriza');
    expect(await labelled(third, 'Clave').getAttribute('aria-invalid')).not.toBe('true');

    await page.getByRole('button', { name: 'Guardar borrador' }).click();
    await page.waitForURL((url) => url.pathname === '/catalogo');
    const row = page.locator(`tr[data-service-code="${SERVICE.code}"]`);
    await row.waitFor();
    expect(await row.locator('[data-status]').textContent()).toBe('Borrador');
    await expectNoSeriousA11yViolations(page);

    // Publishing asks first, and the outcome shows in the same dialog until it is closed.
    await row.getByRole('button', { name: `Publicar ${SERVICE.name}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Publicar el servicio' });
    await dialog.getByRole('button', { name: 'Publicar', exact: true }).click();
    await page.getByRole('dialog', { name: 'Resultado' }).getByText(`Se publicó ${SERVICE.name}.`).waitFor();
    expect(await row.locator('[data-status]').textContent()).toBe('Borrador');
    await page.getByRole('dialog', { name: 'Resultado' }).getByRole('button', { name: 'Cerrar', exact: true }).last().click();
    await row.locator('[data-status="active"]').waitFor();
    expect(await row.locator('[data-status]').textContent()).toBe('Publicado');
    await row.getByRole('button', { name: `Dar de baja ${SERVICE.name}` }).waitFor();
    // router.refresh() re-renders the metadata too; the <title> is briefly absent while it lands.
    await page.waitForFunction(() => document.title !== '');
    await expectNoSeriousA11yViolations(page);

    // The saved form comes back in the editor, in order.
    await row.getByRole('link', { name: `Editar ${SERVICE.name}` }).click();
    await heading(`Editar: ${SERVICE.name}`).waitFor();
    const labels = await page
      .locator('[data-field-uid]')
      .evaluateAll((els) => els.map((el) => (el.querySelector('input[id$="-label"]') as HTMLInputElement).value));
    expect(labels).toEqual(['Dirección IP', 'Puertos', 'Quién autoriza']);
    await expectNoSeriousA11yViolations(page);
  });

  it('lets a requester find the service, see a missing field flagged, and order it', async () => {
    await logIn(page, requester, '/solicitante');
    await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Catálogo de servicios' }).click();
    await page.waitForURL((url) => url.pathname === '/solicitante/catalogo');
    await heading('Catálogo de servicios').waitFor();
    await expectNoSeriousA11yViolations(page);

    await fieldByLabel(page, 'Buscar un servicio').fill('firewall');
    await page.getByRole('button', { name: 'Buscar' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'firewall');
    const card = page.locator(`article[data-service-code="${SERVICE.code}"]`);
    await card.waitFor();
    expect(await card.textContent()).toContain(SERVICE.description);
    expect(await card.textContent()).toContain(SERVICE.category);
    await expectNoSeriousA11yViolations(page);

    await card.getByRole('link', { name: `Solicitar ${SERVICE.name}` }).click();
    await page.waitForURL((url) => /^\/solicitante\/catalogo\/[0-9a-f-]{36}$/.test(url.pathname));
    await heading(`Solicitar: ${SERVICE.name}`).waitFor();
    await page.waitForSelector('form button[type="submit"]:not([disabled])');
    await expectNoSeriousA11yViolations(page);

    await fieldByLabel(page, 'Descripción').fill(DESCRIPTION);
    await fieldByLabel(page, 'Dirección IP').fill('10.20.0.0/24');
    await fieldByLabel(page, 'Puertos').fill('443, 8000-8080');
    await page.getByRole('button', { name: 'Enviar solicitud' }).click();
    await page.getByText('Quién autoriza es obligatorio').waitFor();
    expect(await fieldByLabel(page, 'Quién autoriza').getAttribute('aria-invalid')).toBe('true');
    expect(await fieldByLabel(page, 'Dirección IP').getAttribute('aria-invalid')).not.toBe('true');
    expect(page.url()).toMatch(/\/solicitante\/catalogo\//);
    await expectNoSeriousA11yViolations(page);

    await fieldByLabel(page, 'Quién autoriza').fill('Ing. Marta Salas, Dirección de Infraestructura');
    await page.getByRole('button', { name: 'Enviar solicitud' }).click();
    await page.waitForURL((url) => /^\/solicitante\/tickets\/[0-9a-f-]{36}$/.test(url.pathname));
    await heading(SERVICE.name).waitFor();
    expect(await page.getByTestId('ticket-state').textContent()).toBe('Nuevo');
    await page.getByText(DESCRIPTION).waitFor();
    await expectNoSeriousA11yViolations(page);
  });

  it("lets the organisation's titular see the request form's answers and approve it", async () => {
    const org = await createOrganisation(app.dataSource, { name: 'Secretaría de Administración' });
    const [head, asker] = await Promise.all([
      createUser(app.dataSource, { roles: ['requester'], fullName: 'Tomás Titular', organisationId: org.id }),
      createUser(app.dataSource, { roles: ['requester'], fullName: 'Sara Solicitante', organisationId: org.id }),
    ]);
    await app.dataSource.query('UPDATE organisations SET head_user_id = $1 WHERE id = $2', [head.id, org.id]);

    const managerApi = as(app.url, await login(app.url, manager.email, manager.password));
    const service = await managerApi.post('/api/v1/catalog/services').send({
      code: 'SIGUE-ACCESO',
      name: 'Alta de acceso a SIGUE',
      category: 'Sistemas',
      type: 'service_request',
      status: 'active',
      approval: 'requester_head',
      form: [{ key: 'motivo', type: 'text', label: 'Motivo', required: true }],
    });
    if (service.status !== 201) throw new Error(`service not created: ${service.status} ${JSON.stringify(service.body)}`);

    const askerApi = as(app.url, await login(app.url, asker.email, asker.password));
    const created = await askerApi.post('/api/v1/tickets').send({
      type: 'service_request',
      serviceId: service.body.id,
      title: 'Acceso a SIGUE para la nueva analista',
      description: 'La nueva analista de presupuesto necesita consultar SIGUE.',
      formData: { motivo: 'Acceso a SIGUE' },
    });
    if (created.status !== 201) throw new Error(`ticket not created: ${created.status} ${JSON.stringify(created.body)}`);
    expect(created.body).toMatchObject({ state: 'pending', pendingReason: 'approval' });

    await logIn(page, head, '/solicitante');
    await page.goto(`/solicitante/tickets/${created.body.id}`);
    await heading('Acceso a SIGUE para la nueva analista').waitFor();
    expect(await page.getByTestId('ticket-state').textContent()).toBe('Pendiente · Pendiente de aprobación');
    await page.getByRole('heading', { level: 2, name: 'Datos de la solicitud' }).waitFor();
    const answers = page.getByTestId('form-answers');
    const motivo = answers.locator('[data-field-key="motivo"]');
    expect(await motivo.locator('dt').textContent()).toBe('Motivo');
    expect(await motivo.locator('dd').textContent()).toBe('Acceso a SIGUE');
    const approval = page.getByRole('region', { name: 'Aprobación' });
    await approval.getByRole('button', { name: 'Aprobar' }).waitFor();
    await page.waitForSelector('[data-testid="approval-card"] button:not([disabled])');
    await expectNoSeriousA11yViolations(page);

    await approval.getByRole('button', { name: 'Aprobar' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="ticket-state"]')?.textContent === 'Nuevo');
    expect(await page.getByTestId('approval-card').count()).toBe(0);
    await page.waitForFunction(() => document.title !== '');
    await expectNoSeriousA11yViolations(page);
  });

  it('keeps the management screens away from requesters', async () => {
    await logIn(page, requester, '/solicitante');
    await page.goto('/catalogo');
    await page.getByTestId('forbidden').waitFor();
    expect(await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Catálogo (gestión)' }).count()).toBe(0);
  });
});

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestApp } from '../support/app';
import { expectNoSeriousA11yViolations, launchBrowser, logIn, startPortal, type Portal } from '../support/browser';
import { createOrganisation, createUser, type CreatedUser } from '../support/factories';
import { as, login, type Session } from '../support/http';
import { createTeam } from '../support/tickets';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

jest.setTimeout(120_000);

const target = { responseMinutes: 30, resolutionMinutes: 480 };
const SERVICE = {
  code: 'CORREO-ALTA',
  name: 'Alta de cuenta de correo institucional',
  description: 'Crea la cuenta de correo de una persona de nuevo ingreso.',
  category: 'Cuentas y accesos',
  type: 'service_request',
  status: 'active',
  slaTargets: { critical: target, high: target, medium: target, low: target },
  form: [{ key: 'nombre_completo', type: 'text', label: 'Nombre completo', required: true }],
};
const THIN = { code: 'IMPRESORA', name: 'Instalación de impresora', category: 'Equipo de cómputo', type: 'both', status: 'active' };
const OWNER_PATH = 'Secretaría de Finanzas › Dirección de Tecnologías';

/**
 * The catalog manager's sheet screens: owner area, support teams and visibility in the editor,
 * the versions a published service accumulates, and the documentation indicator. The steps
 * share one service: the indicator counts the sheet the first step completes.
 */
describe('Catalog management in the portal', () => {
  let app: TestApp;
  let portal: Portal;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let manager: CreatedUser;
  let managerSession: Session;
  let serviceId: string;
  const teams: Record<string, string> = {};
  const orgs: Record<string, string> = {};

  beforeAll(async () => {
    app = await createTestApp();
    const finanzas = await createOrganisation(app.dataSource, { name: 'Secretaría de Finanzas' });
    const tecnologias = await createOrganisation(app.dataSource, { kind: 'area', name: 'Dirección de Tecnologías', parentId: finanzas.id });
    const salud = await createOrganisation(app.dataSource, { name: 'Secretaría de Salud' });
    Object.assign(orgs, { finanzas: finanzas.id, tecnologias: tecnologias.id, salud: salud.id });
    for (const [name, supportLevel] of [
      ['Mesa de servicio', '1'],
      ['Redes y comunicaciones', '2'],
      ['Bases de datos', '2'],
      ['Seguridad informática', '3'],
      ['Soporte en sitio', 'field'],
    ] as const) {
      teams[name] = (await createTeam(app.dataSource, { name, supportLevel })).id;
    }
    manager = await createUser(app.dataSource, { roles: ['catalog_manager'], fullName: 'Carla Catálogo' });
    const requester = await createUser(app.dataSource, { roles: ['requester'], organisationId: finanzas.id });
    managerSession = await login(app.url, manager.email, manager.password);
    const requesterApi = as(app.url, await login(app.url, requester.email, requester.password));

    // Both services are "provided" (they have tickets); creating them active publishes v1.
    for (const body of [SERVICE, THIN]) {
      const created = await as(app.url, managerSession).post('/api/v1/catalog/services').send(body);
      if (created.status !== 201) throw new Error(`service not created: ${created.status} ${JSON.stringify(created.body)}`);
      if (body === SERVICE) serviceId = created.body.id;
      const ticket = await requesterApi.post('/api/v1/tickets').send({
        type: 'service_request',
        serviceId: created.body.id,
        title: 'Solicitud de prueba',
        description: 'Para el indicador.',
        formData: body === SERVICE ? { nombre_completo: 'Ana Pérez' } : undefined,
      });
      if (ticket.status !== 201) throw new Error(`ticket not created: ${ticket.status} ${JSON.stringify(ticket.body)}`);
    }
    portal = await startPortal(app.url);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
    await app?.close();
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

  async function chooseOption(label: string, option: string): Promise<void> {
    await combobox(label).click();
    await page.getByRole('option', { name: option, exact: true }).click();
    await page.keyboard.press('Escape');
  }

  async function openEditor(id: string, name: string): Promise<void> {
    await page.goto(`/catalogo/${id}`);
    await heading(`Editar: ${name}`).waitFor();
    await page.waitForSelector('form button[type="submit"]:not([disabled])');
  }

  it('lets a catalog manager set the owner area, support teams and visibility, and lists each version', async () => {
    await logIn(page, manager, '/catalogo');
    await page
      .locator(`tr[data-service-code="${SERVICE.code}"]`)
      .getByRole('link', { name: `Editar ${SERVICE.name}` })
      .click();
    await heading(`Editar: ${SERVICE.name}`).waitFor();
    await page.waitForSelector('form button[type="submit"]:not([disabled])');
    await expectNoSeriousA11yViolations(page);

    await chooseOption('Área responsable', OWNER_PATH);
    // Each level lists only its own teams.
    await combobox('Equipo de nivel 1').click();
    await page.getByRole('option', { name: 'Mesa de servicio' }).waitFor();
    expect(await page.getByRole('option', { name: 'Redes y comunicaciones' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await chooseOption('Equipo de nivel 1', 'Mesa de servicio');
    await chooseOption('Equipo de nivel 2', 'Redes y comunicaciones');
    await chooseOption('Equipo de nivel 3', 'Seguridad informática');
    await chooseOption('Equipo de soporte en campo', 'Soporte en sitio');

    // Restricting the service asks for at least one organisation before anything is sent.
    const visibility = page.getByRole('region', { name: 'Visibilidad' });
    await visibility.getByRole('switch', { name: 'Solo para algunas organizaciones' }).click();
    await page.getByRole('button', { name: 'Guardar', exact: true }).click();
    await visibility.getByText('Elige al menos una organización.').waitFor();
    expect(await combobox('Organizaciones con acceso').getAttribute('aria-invalid')).toBe('true');
    await chooseOption('Organizaciones con acceso', 'Secretaría de Finanzas');
    await expectNoSeriousA11yViolations(page);
    await page.setViewportSize({ width: 1440, height: 2200 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: '/tmp/catalog-editor-sheet.png' });
    await page.setViewportSize({ width: 1440, height: 1000 });

    // Saving a published service publishes version 2.
    await page.getByRole('button', { name: 'Guardar', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/catalogo');
    await page.locator(`tr[data-service-code="${SERVICE.code}"]`).getByText('v2', { exact: true }).waitFor();
    const saved = await as(app.url, managerSession).get(`/api/v1/catalog/services/${serviceId}`);
    expect(saved.body).toMatchObject({
      ownerOrganisationId: orgs.tecnologias,
      teamL1Id: teams['Mesa de servicio'],
      teamL2Id: teams['Redes y comunicaciones'],
      teamL3Id: teams['Seguridad informática'],
      teamFieldId: teams['Soporte en sitio'],
      restricted: true,
      allowedOrganisationIds: [orgs.finanzas],
      publishedVersion: 2,
    });

    // The saved choices come back in the editor, by name.
    await openEditor(serviceId, SERVICE.name);
    expect(await combobox('Área responsable').inputValue()).toBe(OWNER_PATH);
    expect(await combobox('Equipo de nivel 2').inputValue()).toBe('Redes y comunicaciones');

    await page.getByRole('link', { name: 'Historial de versiones' }).click();
    await page.waitForURL((url) => url.pathname === `/catalogo/${serviceId}/versiones`);
    await heading(`Versiones: ${SERVICE.name}`).waitFor();
    const rows = page.locator('tr[data-version]');
    expect(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-version')))).toEqual(['2', '1']);
    const v2 = page.locator('tr[data-version="2"]');
    expect(await v2.textContent()).toContain('En vigor');
    expect(await v2.textContent()).toContain('Carla Catálogo');
    const changes = await v2.getByTestId('version-changes').textContent();
    for (const field of ['Área responsable', 'Equipo de nivel 1', 'Visibilidad', 'Organizaciones con acceso']) expect(changes).toContain(field);
    expect(await page.locator('tr[data-version="1"]').getByTestId('version-changes').textContent()).toBe('Primera publicación');
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/catalog-versions.png', fullPage: true });

    // A past version is shown as it was published, read-only.
    await page.getByRole('link', { name: 'Ver la versión 1' }).click();
    await heading(`Versión 1: ${SERVICE.name}`).waitFor();
    const sheet = page.getByTestId('version-sheet');
    expect(await sheet.locator('tr', { hasText: 'Área responsable' }).locator('td').textContent()).toBe('—');
    expect(await page.getByTestId('version-form').locator('[data-field-key="nombre_completo"]').textContent()).toContain('Nombre completo');
    expect(await page.locator('form').count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/catalog-version-detail.png', fullPage: true });
  });

  it("shows the API's error next to a team that was deleted while the sheet was open", async () => {
    const draft = await as(app.url, managerSession)
      .post('/api/v1/catalog/services')
      .send({ code: 'VPN', name: 'Acceso por VPN', category: 'Redes', type: 'service_request' });
    expect(draft.status).toBe(201);
    await logIn(page, manager, '/catalogo');
    await openEditor(draft.body.id, 'Acceso por VPN');
    await chooseOption('Equipo de nivel 2', 'Bases de datos');
    await app.dataSource.query('DELETE FROM teams WHERE id = $1', [teams['Bases de datos']]);

    await page.getByRole('button', { name: 'Guardar borrador' }).click();
    await page.getByRole('alert').filter({ hasText: 'Revisa los campos marcados.' }).waitFor();
    await page.getByText('La referencia indicada no existe.').waitFor();
    expect(await combobox('Equipo de nivel 2').getAttribute('aria-invalid')).toBe('true');
    expect(page.url()).toContain(`/catalogo/${draft.body.id}`);
    await expectNoSeriousA11yViolations(page);
  });

  it("puts the API's error under a team that changed level while the sheet was open, and moves focus to it", async () => {
    const telefonia = await createTeam(app.dataSource, { name: 'Telefonía IP', supportLevel: '2' });
    const draft = await as(app.url, managerSession)
      .post('/api/v1/catalog/services')
      .send({ code: 'TEL-EXT', name: 'Alta de extensión telefónica', category: 'Telefonía', type: 'service_request' });
    expect(draft.status).toBe(201);
    await logIn(page, manager, '/catalogo');
    await openEditor(draft.body.id, 'Alta de extensión telefónica');
    await chooseOption('Equipo de nivel 2', 'Telefonía IP');
    await app.dataSource.query(`UPDATE teams SET support_level = '3' WHERE id = $1`, [telefonia.id]);

    await page.getByRole('button', { name: 'Guardar borrador' }).click();
    await page.getByRole('alert').filter({ hasText: 'Revisa los campos marcados.' }).waitFor();
    const team = combobox('Equipo de nivel 2');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-invalid') === 'true');
    expect(await team.evaluate((el) => el === document.activeElement)).toBe(true);
    // The message is the field's own description: read with it, and drawn right under it.
    const message = page.locator('[id]', { hasText: /^el equipo no es de nivel 2$/ });
    expect((await team.getAttribute('aria-describedby'))?.split(' ')).toContain(await message.getAttribute('id'));
    const [input, below] = [await team.boundingBox(), await message.boundingBox()];
    expect(below!.y).toBeGreaterThanOrEqual(input!.y + input!.height - 1);
    expect(below!.y).toBeLessThan(input!.y + input!.height + 40);
    expect(Math.abs(below!.x - input!.x)).toBeLessThan(20);
    await page.keyboard.press('Escape');
    await page.screenshot({ path: '/tmp/catalog-editor-server-error.png' });
    await expectNoSeriousA11yViolations(page);

    // Another choice clears the mark, and the sheet saves.
    await chooseOption('Equipo de nivel 2', 'Redes y comunicaciones');
    expect(await team.getAttribute('aria-invalid')).not.toBe('true');
    await page.getByRole('button', { name: 'Guardar borrador' }).click();
    await page.waitForURL((url) => url.pathname === '/catalogo');
    const saved = await as(app.url, managerSession).get(`/api/v1/catalog/services/${draft.body.id}`);
    expect(saved.body.teamL2Id).toBe(teams['Redes y comunicaciones']);
  });

  it('shows the % of documented services and the sheets still to complete', async () => {
    await logIn(page, manager, '/catalogo');
    await page.getByRole('link', { name: 'Indicador de documentación' }).click();
    await page.waitForURL((url) => url.pathname === '/catalogo/indicadores');
    await heading('Indicadores del catálogo').waitFor();
    await page.getByRole('heading', { level: 2, name: '% de servicios documentados en el catálogo' }).waitFor();
    expect(await page.getByTestId('indicator-percentage').textContent()).toBe('50 %');
    expect(await page.getByTestId('indicator-documented').textContent()).toBe('1');
    expect(await page.getByTestId('indicator-provided').textContent()).toBe('2');
    await page.getByText('1 de 2 servicios proporcionados están documentados.').waitFor();
    const thin = page.getByTestId('incomplete-services').locator(`tr[data-service-code="${THIN.code}"]`);
    expect(await thin.textContent()).toContain('Descripción, Área responsable, Equipo de nivel 1, Metas de nivel de servicio de las cuatro prioridades');
    expect(await page.getByTestId('incomplete-services').locator(`tr[data-service-code="${SERVICE.code}"]`).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/catalog-indicator.png', fullPage: true });

    await thin.getByRole('link', { name: `Completar la ficha de ${THIN.name}` }).click();
    await heading(`Editar: ${THIN.name}`).waitFor();
  });

  it('keeps the versions and indicator screens away from people who do not manage the catalog', async () => {
    const agent = await createUser(app.dataSource, { roles: ['agent_l1'] });
    await logIn(page, agent, '/agente');
    for (const path of ['/catalogo/indicadores', `/catalogo/${serviceId}/versiones`, `/catalogo/${serviceId}/versiones/1`]) {
      await page.goto(path);
      await page.getByTestId('forbidden').waitFor();
    }
    expect(await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Catálogo (gestión)' }).count()).toBe(0);
  });
});

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { messages } from '../../web/messages/es-MX';
import { createTestApp } from '../support/app';
import { expectNoSeriousA11yViolations, fieldByLabel, launchBrowser, logIn, startPortal, type Portal } from '../support/browser';
import { createOrganisation, createUser, type CreatedUser } from '../support/factories';
import { createApiToken } from '../support/routes';
import { actOk, createService, createTeam, openTicket, person } from '../support/tickets';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

jest.setTimeout(120_000);

const PHONE = { width: 390, height: 844 };
const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/admin-${name}.png`, fullPage: true });

/** Administration (users, organisations, teams, priority matrix, audit), the coordinators' home, and the lists' behaviour. */
describe('Administration and coordination in the portal', () => {
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

  const hydrated = (p: Page = page) => p.waitForSelector('button[type="submit"]:not([disabled])');

  /** The input itself (Mantine labels the dropdown's listbox with the same label). */
  const input = (label: string) => page.locator('input').and(fieldByLabel(page, label));

  async function pickOption(label: string, option: string) {
    await page
      .getByRole('textbox', { name: label })
      .or(page.getByRole('combobox', { name: label }))
      .first()
      .click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  it('creates a user, edits their roles, resets their password, revokes a token and deactivates them', async () => {
    const area = await createOrganisation(app.dataSource, { kind: 'dependency', name: 'Secretaría de Salud' });
    await logIn(page, admin, '/catalogo');
    await page.goto('/admin/usuarios');
    await page.getByRole('link', { name: 'Nuevo usuario' }).click();
    await page.waitForURL('**/admin/usuarios/nuevo');
    await hydrated();
    await fieldByLabel(page, 'Nombre completo').fill('Lucía Hernández');
    await fieldByLabel(page, 'Correo electrónico').fill('lucia.hernandez@salud.gob.mx');
    await fieldByLabel(page, 'Contraseña inicial').fill('Salud#2026');
    await input('Roles').click();
    await page.getByRole('option', { name: 'Solicitante', exact: true }).click();
    await page.keyboard.press('Escape');
    await input('Organización').click();
    await page.getByRole('option', { name: 'Secretaría de Salud (Dependencia)' }).click();
    await page.getByRole('button', { name: 'Crear' }).click();

    await page.getByText('Se creó el usuario Lucía Hernández.').waitFor();
    const [created] = await app.dataSource.query(`SELECT id, roles, organisation_id FROM users WHERE email = 'lucia.hernandez@salud.gob.mx'`);
    expect(created).toMatchObject({ roles: ['requester'], organisation_id: area.id });
    await page.waitForURL((url) => url.pathname === `/admin/usuarios/${created.id}`);

    // Roles: add the first-level agent role.
    await hydrated();
    await input('Roles').click();
    await page.getByRole('option', { name: 'Agente de mesa de servicio (nivel 1)' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Guardar cambios' }).click();
    await page.getByText('Se guardaron los cambios.').waitFor();
    expect((await app.dataSource.query(`SELECT roles FROM users WHERE id = $1`, [created.id]))[0].roles.sort()).toEqual(['agent_l1', 'requester']);

    // Password reset: the policy's message sits under the field, then a good one goes through.
    const reset = page.getByRole('region', { name: 'Restablecer la contraseña' });
    await fieldByLabel(page, 'Nueva contraseña').fill('corta');
    await reset.getByRole('button', { name: 'Restablecer contraseña' }).click();
    await reset.locator('[aria-invalid="true"]').waitFor();
    await fieldByLabel(page, 'Nueva contraseña').fill('Nueva#Clave2026');
    await reset.getByRole('button', { name: 'Restablecer contraseña' }).click();
    await page.getByText('Se restableció la contraseña de Lucía Hernández.').waitFor();

    // A token made after the reset is listed and revoked after confirmation.
    await createApiToken(app.dataSource, created.id, 'Tablero de salud');
    await page.reload();
    // The creation is announced once: a reload does not repeat it.
    await page.getByRole('heading', { level: 1, name: 'Usuario: Lucía Hernández' }).waitFor();
    expect(await page.getByText('Se creó el usuario Lucía Hernández.').count()).toBe(0);
    const tokens = page.getByRole('region', { name: 'Tokens de API vigentes de Lucía Hernández' });
    await tokens.getByRole('button', { name: 'Revocar el token Tablero de salud' }).click();
    await page.getByRole('dialog', { name: 'Revocar el token' }).getByRole('button', { name: 'Revocar', exact: true }).click();
    await page.getByText('Se revocó el token Tablero de salud.').waitFor();
    expect((await app.dataSource.query(`SELECT count(*)::int AS n FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL`, [created.id]))[0].n).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await shot(page, 'user-desktop');

    // Deactivation asks, then says so.
    await page.getByRole('button', { name: 'Desactivar', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Desactivar la cuenta' });
    await dialog.getByText(/ya no podrá iniciar sesión/).waitFor();
    await dialog.getByRole('button', { name: 'Desactivar', exact: true }).click();
    await page.getByText('Se desactivó la cuenta de Lucía Hernández.').waitFor();
    await page.getByTestId('user-status').filter({ hasText: 'La cuenta está desactivada' }).waitFor();
    expect((await app.dataSource.query(`SELECT is_active FROM users WHERE id = $1`, [created.id]))[0].is_active).toBe(false);

    await page.setViewportSize(PHONE);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Usuario: Lucía Hernández' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'user-phone');
  });

  it('creates an organisation with a location, and a team with its coordinator and members', async () => {
    const [coordinator, resolver] = await Promise.all([
      createUser(app.dataSource, { roles: ['team_coordinator'], fullName: 'Raúl Coordinador' }),
      createUser(app.dataSource, { roles: ['resolver_l2'], fullName: 'Sofía Resolutora' }),
    ]);
    await logIn(page, admin, '/catalogo');
    await page.goto('/admin/organizaciones/nueva');
    await hydrated();
    await fieldByLabel(page, 'Clave').fill('SEDUC');
    await fieldByLabel(page, 'Nombre').fill('Secretaría de Educación');
    await page.getByRole('button', { name: 'Crear' }).click();
    await page.getByText('Se creó la organización Secretaría de Educación.').waitFor();

    await fieldByLabel(page, 'Nombre de la ubicación').fill('Oficinas centrales');
    await fieldByLabel(page, 'Municipio').fill('Guanajuato');
    await page.getByRole('button', { name: 'Agregar ubicación' }).click();
    await page.getByText('Se agregó la ubicación Oficinas centrales.').waitFor();
    await page.getByRole('region', { name: 'Ubicaciones de Secretaría de Educación' }).getByRole('cell', { name: 'Oficinas centrales', exact: true }).waitFor();
    const [org] = await app.dataSource.query(
      `SELECT o.id, l.municipality FROM organisations o JOIN locations l ON l.organisation_id = o.id WHERE o.code = 'SEDUC'`,
    );
    expect(org.municipality).toBe('Guanajuato');
    await expectNoSeriousA11yViolations(page);
    await shot(page, 'organisation-desktop');

    await page.goto('/admin/equipos');
    await page.getByRole('link', { name: 'Nuevo equipo' }).click();
    await page.waitForURL('**/admin/equipos/nuevo');
    await hydrated();
    await fieldByLabel(page, 'Nombre').fill('Redes de voz y datos');
    await pickOption('Coordinador', `Raúl Coordinador (${coordinator.email})`);
    await page.getByRole('button', { name: 'Crear' }).click();
    await page.getByText('Se creó el equipo Redes de voz y datos.').waitFor();

    await pickOption('Persona del personal', `Sofía Resolutora (${resolver.email})`);
    await page.getByRole('button', { name: 'Agregar', exact: true }).click();
    await page.getByText('Se agregó a Sofía Resolutora al equipo.').waitFor();
    await page.getByTestId('team-members').getByRole('cell', { name: 'Sofía Resolutora', exact: true }).waitFor();
    const [team] = await app.dataSource.query(`SELECT id, coordinator_id FROM teams WHERE name = 'Redes de voz y datos'`);
    expect(team.coordinator_id).toBe(coordinator.id);
    expect(await app.dataSource.query(`SELECT user_id FROM team_members WHERE team_id = $1`, [team.id])).toEqual([{ user_id: resolver.id }]);
    await expectNoSeriousA11yViolations(page);
    await shot(page, 'team-desktop');

    // Taking a member off asks first.
    await page.getByRole('button', { name: 'Quitar a Sofía Resolutora del equipo' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Quitar', exact: true }).click();
    await page.getByText('Se quitó a Sofía Resolutora del equipo.').waitFor();
    expect(await app.dataSource.query(`SELECT user_id FROM team_members WHERE team_id = $1`, [team.id])).toEqual([]);

    await page.setViewportSize(PHONE);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Equipo: Redes de voz y datos' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'team-phone');
  });

  it('finds people, organisations and teams by name without accents from the lists', async () => {
    await Promise.all([
      createUser(app.dataSource, { roles: ['requester'], fullName: 'Lucía Búsqueda' }),
      createUser(app.dataSource, { roles: ['requester'], fullName: 'Lucio Otro' }),
    ]);
    await logIn(page, admin, '/catalogo');
    await page.goto('/admin/usuarios');
    const search = page.getByRole('search', { name: 'Buscar personas por nombre o correo' });
    await search.getByRole('searchbox').fill('lucia busq');
    await search.getByRole('button', { name: 'Buscar' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'lucia busq');
    const rows = page.getByRole('table').getByRole('row');
    await page.getByRole('link', { name: /Lucía Búsqueda/ }).waitFor();
    expect(await rows.count()).toBe(2); // the header and Lucía
    expect(await page.getByText('Lucio Otro').count()).toBe(0);
    await search.getByRole('link', { name: 'Quitar búsqueda' }).click();
    await page.waitForURL((url) => !url.searchParams.has('q'));
    await page.getByText('Lucio Otro').waitFor();
    for (const [path, name] of [
      ['/admin/organizaciones', 'Buscar organizaciones por nombre o clave'],
      ['/admin/equipos', 'Buscar equipos por nombre'],
    ] as const) {
      await page.goto(`${path}?q=zzz-nada`);
      expect(await page.getByRole('search', { name }).getByRole('searchbox').inputValue()).toBe('zzz-nada');
      await page.getByText(messages.admin.empty).waitFor();
    }
  });

  it('edits the priority matrix with Spanish labels and shows the cell the server refuses', async () => {
    await logIn(page, admin, '/catalogo');
    await page.goto('/admin/prioridades');
    await page.getByRole('heading', { level: 1, name: 'Matriz de prioridad' }).waitFor();
    await page.waitForSelector('button:has-text("Guardar la matriz"):not([disabled])');
    const cell = (impact: string, urgency: string) => page.locator(`input[aria-label="Prioridad con impacto ${impact} y urgencia ${urgency}"]`);
    expect(await cell('alto', 'alta').inputValue()).toBe('Crítica');
    expect(await cell('bajo', 'baja').inputValue()).toBe('Baja');

    await cell('bajo', 'alta').click();
    await page.getByRole('option', { name: 'Alta', exact: true }).click();
    await page.getByRole('button', { name: 'Guardar la matriz' }).click();
    await page.getByText(/Se guardó la matriz de prioridad/).waitFor();
    expect(await app.dataSource.query(`SELECT priority FROM priority_matrix WHERE impact = 'low' AND urgency = 'high'`)).toEqual([{ priority: 'high' }]);
    await expectNoSeriousA11yViolations(page);
    await shot(page, 'matrix-desktop');

    // More impact may not lower the priority: the server refuses and the cell is marked.
    await cell('alto', 'alta').click();
    await page.getByRole('option', { name: 'Baja', exact: true }).click();
    await page.getByRole('button', { name: 'Guardar la matriz' }).click();
    await page.locator('.mantine-Alert-root[role="alert"]').waitFor();
    await page.locator('[aria-invalid="true"]').first().waitFor();
    expect(await app.dataSource.query(`SELECT priority FROM priority_matrix WHERE impact = 'high' AND urgency = 'high'`)).not.toEqual([{ priority: 'low' }]);

    await page.setViewportSize(PHONE);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Matriz de prioridad' }).waitFor();
    await shot(page, 'matrix-phone');
  });

  it('filters the audit log by actor, entity, action and days, in Spanish', async () => {
    const someone = await createUser(app.dataSource, { roles: ['requester'], fullName: 'Pedro Auditado' });
    await logIn(page, admin, '/catalogo');
    // A change by the admin to look for.
    await page.goto(`/admin/usuarios/${someone.id}`);
    await hydrated();
    await fieldByLabel(page, 'Teléfono').fill('473 735 1500');
    await page.getByRole('button', { name: 'Guardar cambios' }).click();
    await page.getByText('Se guardaron los cambios.').waitFor();

    await page.goto('/admin/auditoria');
    await hydrated();
    await pickOption('Quién', `Ana Administradora`);
    await pickOption('Qué se cambió', 'Usuario');
    await pickOption('Acción', 'Cambio');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date());
    await page.getByLabel('Desde').fill(today);
    await page.getByLabel('Hasta').fill(today);
    await page.getByRole('button', { name: 'Filtrar' }).click();
    await page.waitForURL((url) => url.searchParams.get('entity') === 'user' && url.searchParams.get('action') === 'update');

    const table = page.getByRole('region', { name: 'Bitácora de cambios' });
    const row = table.getByRole('row', { name: /Pedro Auditado/ });
    await row.waitFor();
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('Usuario');
    expect(text).toContain('Cambio');
    expect(text).toContain('Teléfono');
    expect(text).toContain('473 735 1500');
    for (const code of ['user', 'update', 'phone', 'api_token', 'organisation']) expect(text).not.toMatch(new RegExp(`\\b${code}\\b`));
    await expectNoSeriousA11yViolations(page);
    await shot(page, 'audit-desktop');

    // A reversed range is said so, not sent.
    await page.goto(`/admin/auditoria?from=${today}&to=2000-01-01`);
    await page.getByText('La fecha «Hasta» debe ser igual o posterior a «Desde».').waitFor();

    await page.setViewportSize(PHONE);
    await page.goto('/admin/auditoria?entity=user');
    await shot(page, 'audit-phone');
  });

  it('lands coordinators on their overview with the counts of their teams', async () => {
    const [agent, requester, coordinator] = await Promise.all([
      person(app, ['agent_l1']),
      person(app, ['requester']),
      createUser(app.dataSource, { roles: ['team_coordinator'], fullName: 'Elena Coordinadora' }),
    ]);
    const team = await createTeam(app.dataSource, { supportLevel: '2', coordinatorId: coordinator.id, memberIds: [coordinator.id], name: 'Bases de datos' });
    for (const [impact, urgency] of [
      ['high', 'high'],
      ['medium', 'medium'],
      ['low', 'low'],
    ]) {
      const ticket = await openTicket(agent.api, { requesterId: requester.id, channel: 'phone', impact, urgency });
      await actOk(agent.api, ticket.id, 'assign', { teamId: team.id });
    }
    await logIn(page, coordinator, '/coordinacion');
    await page.getByRole('heading', { level: 1, name: 'Panorama de la mesa' }).waitFor();
    expect(await page.getByTestId('overview-open').textContent()).toBe('3');
    const byPriority = page.getByTestId('overview-by-priority');
    expect(await byPriority.locator('[data-key="critical"] [data-count]').textContent()).toBe('1');
    expect(await page.getByTestId('overview-by-team').locator('li').first().textContent()).toContain('Bases de datos');
    expect(await page.getByTestId('overview-by-state').locator('[data-key="assigned"] [data-count]').textContent()).toBe('3');
    await page.getByTestId('overview-oldest-list').getByRole('row').nth(1).waitFor();
    await page.getByRole('link', { name: 'Indicadores del catálogo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Indicadores del catálogo' }).waitFor();
    await page.goto('/coordinacion');
    await expectNoSeriousA11yViolations(page);
    await shot(page, 'coordination-desktop');
    await page.setViewportSize(PHONE);
    await page.reload();
    await page.getByTestId('overview-open').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'coordination-phone');
  });

  it('asks before publishing a service from the list and shows the result in the same place', async () => {
    const manager = await createUser(app.dataSource, { roles: ['catalog_manager'] });
    const service = await createService(app.dataSource, { status: 'draft', name: 'Alta de extensión telefónica' });
    await logIn(page, manager, '/catalogo');
    await page.goto('/catalogo?status=draft');
    const row = page.locator(`tr[data-service-code="${service.code}"]`);
    await row.getByRole('button', { name: 'Publicar Alta de extensión telefónica' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publicar el servicio' });
    await dialog.getByText(/quedará visible en el catálogo/).waitFor();
    await dialog.getByRole('button', { name: 'Cancelar' }).click();
    expect((await app.dataSource.query(`SELECT status FROM catalog_services WHERE id = $1`, [service.id]))[0].status).toBe('draft');

    await row.getByRole('button', { name: 'Publicar Alta de extensión telefónica' }).click();
    await dialog.getByRole('button', { name: 'Publicar', exact: true }).click();
    const result = page.getByRole('dialog', { name: 'Resultado' });
    await result.getByText('Se publicó Alta de extensión telefónica.').waitFor();
    await shot(page, 'publish-result');
    expect((await app.dataSource.query(`SELECT status FROM catalog_services WHERE id = $1`, [service.id]))[0].status).toBe('active');
    await result.getByRole('button', { name: 'Cerrar', exact: true }).last().click();
    // The draft filter drops the published row once the dialog is closed.
    await row.waitFor({ state: 'detached' });
  });

  describe('lists', () => {
    let agent: Awaited<ReturnType<typeof person>>;
    let requester: Awaited<ReturnType<typeof person>>;

    beforeAll(async () => {
      [agent, requester] = await Promise.all([person(app, ['agent_l1']), person(app, ['requester'])]);
      for (let i = 0; i < 4; i++) {
        await openTicket(requester.api, { title: `La impresora del piso ${i + 2} no imprime documentos largos ni a color` });
      }
    });

    it('keeps the queue still under the pointer when selecting tickets for the bulk bar', async () => {
      await logIn(page, agent, '/agente');
      await page.goto('/agente?view=unassigned');
      const firstRow = page.locator('tr[data-ticket-number]').first();
      await firstRow.waitFor();
      await page.waitForSelector('tr[data-ticket-number] input[type="checkbox"]:not([disabled])');
      // Where the row sits in the document (a scroll by the test driver is not the table moving).
      const place = () =>
        firstRow.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return { top: r.top + window.scrollY, left: r.left + window.scrollX, width: r.width, height: r.height };
        });
      const before = await place();
      await firstRow.getByRole('checkbox').check();
      await page.getByRole('region', { name: 'Acciones sobre los tickets seleccionados' }).waitFor();
      expect(await place()).toEqual(before);
      await page.locator('tr[data-ticket-number]').nth(1).getByRole('checkbox').check();
      await page.getByRole('region', { name: 'Acciones sobre los tickets seleccionados' }).getByText('2 tickets seleccionados').waitFor();
      expect(await place()).toEqual(before);
      await shot(page, 'bulk-bar-desktop');
    });

    it('fits the requester’s list and the agent queue on a 390 px phone as cards', async () => {
      await page.setViewportSize(PHONE);
      await logIn(page, requester, '/solicitante');
      await page.locator('tr[data-ticket-number]').first().waitFor();
      const overflow = () =>
        page.evaluate(() => ({
          page: document.documentElement.scrollWidth,
          regions: [...document.querySelectorAll('[role="region"]')].map((r) => r.scrollWidth - r.clientWidth),
        }));
      let o = await overflow();
      expect(o.page).toBeLessThanOrEqual(PHONE.width);
      expect(Math.max(0, ...o.regions)).toBe(0);
      await shot(page, 'requester-phone');

      const agentContext = await browser.newContext({ baseURL: portal.url, locale: 'es-MX', viewport: PHONE });
      const agentPage = await agentContext.newPage();
      try {
        page = agentPage;
        await logIn(page, agent, '/agente');
        await page.goto('/agente?view=unassigned');
        await page.locator('tr[data-ticket-number]').first().waitFor();
        o = await overflow();
        expect(o.page).toBeLessThanOrEqual(PHONE.width);
        expect(Math.max(0, ...o.regions)).toBe(0);
        await shot(page, 'queue-phone');
      } finally {
        await agentContext.close();
      }
    });
  });
});

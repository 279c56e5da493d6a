import type { INestApplicationContext } from '@nestjs/common';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { OutboxRelayService } from '../../src/modules/outbox/outbox-relay.service';
import { createTestApp, type TestApp } from '../support/app';
import { expectNoSeriousA11yViolations, launchBrowser, logIn, startPortal, type Portal } from '../support/browser';
import { actOk, createTeam, openTicket, person, type Person } from '../support/tickets';
import { startWorkerByHand } from '../support/worker';

jest.setTimeout(120_000);

const PHONE = { width: 390, height: 844 };

/**
 * Staff notifications in the portal: the bell counts live, "Requiere mi acción" lists what
 * waits, preferences are kept, and the escalation dialog names the resolver.
 */
describe('Staff notifications in the portal', () => {
  let app: TestApp;
  let worker: INestApplicationContext;
  let portal: Portal;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let requester: Person;
  let agent: Person;
  let coordinator: Person;
  let resolver: Person;
  let otherResolver: Person;
  let team: { id: string };
  const relay = () => worker.get(OutboxRelayService).relayBatch();

  beforeAll(async () => {
    app = await createTestApp();
    worker = await startWorkerByHand(app.config);
    [requester, agent, coordinator, resolver, otherResolver] = await Promise.all([
      person(app, ['requester'], { fullName: 'Rosa Solicitante' }),
      person(app, ['agent_l1'], { fullName: 'Ana Agente' }),
      person(app, ['team_coordinator'], { fullName: 'Carlos Coordinador' }),
      person(app, ['resolver_l2'], { fullName: 'Raúl Resolutor' }),
      person(app, ['resolver_l2'], { fullName: 'Olga Otra' }),
    ]);
    team = await createTeam(app.dataSource, {
      supportLevel: '2',
      name: 'Aplicaciones N2',
      coordinatorId: coordinator.id,
      memberIds: [resolver.id, otherResolver.id],
    });
    portal = await startPortal(app.url);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
    await worker?.close();
    await app?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ baseURL: portal.url, locale: 'es-MX', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });
  afterEach(() => context.close());

  const bellCount = () => page.getByTestId('bell-count').getAttribute('data-count');

  it('counts a new assignment on the bell live, lists it, and opens the ticket from it', async () => {
    await logIn(page, resolver, '/agente');
    await page.getByRole('button', { name: /^Notificaciones, ninguna sin leer$/ }).waitFor();
    expect(await bellCount()).toBe('0');
    // Wait until the page holds the live stream before another user acts.
    await page.locator('[data-live-status="live"]').first().waitFor();

    const ticket = await openTicket(agent.api, { requesterId: requester.id, title: 'El SIAF no abre', impact: 'high', urgency: 'high' });
    await actOk(agent.api, ticket.id, 'assign', { teamId: team.id, assigneeId: resolver.id, reason: 'Conoce el SIAF' });
    await relay();

    await page.getByRole('button', { name: 'Notificaciones, 1 sin leer' }).waitFor({ timeout: 10_000 });
    expect(await bellCount()).toBe('1');
    await page.getByRole('button', { name: 'Notificaciones, 1 sin leer' }).click();
    const item = page.getByTestId('bell-item').first();
    await item.waitFor();
    expect(await item.textContent()).toContain(`Te asignaron el ticket ${ticket.number}`);
    expect(await item.textContent()).toContain('Prioridad Crítica');
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/notify-bell-desktop.png' });
    await item.click();
    await page.waitForURL((url) => url.pathname === `/agente/tickets/${ticket.id}`);
    await page.getByRole('button', { name: /^Notificaciones, ninguna sin leer$/ }).waitFor();

    await page.goto('/notificaciones');
    await page.getByRole('heading', { level: 1, name: 'Notificaciones' }).waitFor();
    expect(await page.getByTestId('notification-row').first().textContent()).toContain(`Te asignaron el ticket ${ticket.number}`);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/notify-page-desktop.png', fullPage: true });
  });

  it('lists what waits for the staff member in "Requiere mi acción", with counts, also on a phone', async () => {
    const assigned = await openTicket(agent.api, { requesterId: requester.id, title: 'Impresora sin red' });
    await actOk(agent.api, assigned.id, 'assign', { teamId: team.id, assigneeId: resolver.id });
    const returned = await openTicket(agent.api, { requesterId: requester.id, title: 'Reporte de nómina vacío' });
    await actOk(agent.api, returned.id, 'assign', { teamId: team.id, assigneeId: resolver.id });
    await actOk(resolver.api, returned.id, 'return-to-coordinator', { reason: 'No es de aplicaciones' });

    await logIn(page, coordinator, '/coordinacion');
    await page.getByRole('link', { name: 'Requiere mi acción' }).click();
    await page.waitForURL((url) => url.pathname === '/agente/requiere-accion');
    await page.getByRole('heading', { level: 1, name: 'Requiere mi acción' }).waitFor();
    const item = page.locator(`[data-testid="my-action-item"][data-reason="returned"]`);
    expect(await item.textContent()).toContain('Reporte de nómina vacío');
    expect(await page.getByTestId('my-action-count-returned').textContent()).toBe('Regresados a ti (1)');
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/notify-my-action-desktop.png', fullPage: true });

    await page.context().close();
    context = await browser.newContext({ baseURL: portal.url, locale: 'es-MX', viewport: PHONE });
    page = await context.newPage();
    await logIn(page, resolver, '/agente');
    await page.goto('/agente/requiere-accion?motivo=assigned');
    await page.locator('[data-testid="my-action-item"][data-reason="assigned"]').first().waitFor();
    expect(await page.locator('[data-testid="my-action-item"]').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Impresora sin red')]),
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: '/tmp/notify-my-action-phone.png', fullPage: true });
    const header = await page.locator('header').boundingBox();
    const logout = await page.getByRole('button', { name: 'Cerrar sesión' }).boundingBox();
    expect(logout!.x + logout!.width).toBeLessThanOrEqual(header!.width);
    await page.goto('/notificaciones');
    await page.getByTestId('notification-row').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: '/tmp/notify-page-phone.png', fullPage: true });
    await page.getByRole('button', { name: /^Notificaciones/ }).click();
    await page.getByTestId('bell-item').first().waitFor();
    // Let the dropdown's opening transition finish before the picture.
    await page.waitForTimeout(400);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: '/tmp/notify-bell-phone.png' });
  });

  it('keeps the channel chosen per kind of notice, and shows approvals as fixed', async () => {
    await logIn(page, otherResolver, '/agente');
    await page.goto('/perfil');
    const select = page.getByRole('combobox', { name: 'Cómo recibir: Tickets nuevos en la cola de tu equipo' });
    expect(await select.inputValue()).toBe('none');
    await select.selectOption('both');
    await page.getByRole('status').filter({ hasText: 'Guardado: Tickets nuevos en la cola de tu equipo.' }).waitFor();
    expect(await page.getByTestId('pref-ticket.approval_requested').textContent()).toBe('Siempre en Mesa y por correo');
    await expectNoSeriousA11yViolations(page);
    await page.locator('#perfil-avisos').screenshot({ path: '/tmp/notify-preferences-desktop.png' });
    // A fresh visit shows what the server kept.
    await page.goto('/agente');
    await page.goto('/perfil');
    await page.waitForFunction(() => (document.querySelector('[data-testid="pref-ticket.team_queue"]') as HTMLSelectElement | null)?.value === 'both');
    const [row] = (await app.dataSource.query(`SELECT channel FROM notification_preferences WHERE user_id = $1 AND kind = 'ticket.team_queue'`, [
      otherResolver.id,
    ])) as { channel: string }[];
    expect(row.channel).toBe('both');

    await page.setViewportSize(PHONE);
    await page.reload();
    await page.locator('#perfil-avisos').scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.locator('#perfil-avisos').screenshot({ path: '/tmp/notify-preferences-phone.png' });
  });

  it('escalates to a team naming its resolver, who is told', async () => {
    const ticket = await openTicket(agent.api, { requesterId: requester.id, title: 'No carga el portal de proveedores' });
    await logIn(page, agent, '/agente');
    await page.goto(`/agente/tickets/${ticket.id}`);
    await page.getByRole('region', { name: 'Acciones' }).getByRole('button', { name: 'Escalar' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('combobox', { name: /^Equipo/ }).click();
    await page.getByRole('option', { name: 'Aplicaciones N2' }).click();
    await dialog.getByRole('combobox', { name: /^Resolutor \(opcional\)/ }).click();
    await page.getByRole('option', { name: /Raúl Resolutor/ }).click();
    await dialog.getByRole('textbox', { name: /^Motivo/ }).fill('Raúl conoce el portal');
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/notify-escalate-desktop.png' });
    await dialog.getByRole('button', { name: 'Escalar' }).click();
    await dialog.waitFor({ state: 'detached' });
    const [row] = (await app.dataSource.query(`SELECT assignee_id, team_id, support_level FROM tickets WHERE id = $1`, [ticket.id])) as {
      assignee_id: string;
      team_id: string;
      support_level: string;
    }[];
    expect(row).toEqual({ assignee_id: resolver.id, team_id: team.id, support_level: '2' });
    await relay();
    const notices = (await resolver.api.get('/api/v1/notifications').expect(200)).body.items as { kind: string; title: string }[];
    expect(notices).toContainEqual(expect.objectContaining({ kind: 'ticket.escalated', title: `Ticket ${ticket.number} escalado a segundo nivel` }));
  });
});

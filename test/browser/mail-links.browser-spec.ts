import type { INestApplicationContext } from '@nestjs/common';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { MailSenderService } from '../../src/modules/mail/mail-sender.service';
import { OutboxRelayService } from '../../src/modules/outbox/outbox-relay.service';
import { createTestApp, type TestApp } from '../support/app';
import { expectNoSeriousA11yViolations, launchBrowser, startPortal, submitLoginForm, type Portal } from '../support/browser';
import { createOrganisation, createUser } from '../support/factories';
import { as, login } from '../support/http';
import { startSmtpServer } from '../support/smtp';
import { startWorkerByHand } from '../support/worker';

jest.setTimeout(120_000);

/**
 * An approver who is not signed in follows the "Rechazar" link of the e-mail Mesa sent them:
 * the portal asks them to sign in, brings them back to the request with the rejection open,
 * and the rejection closes the request.
 */
describe('Links in e-mails', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let app: TestApp;
  let worker: INestApplicationContext;
  let portal: Portal;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await createTestApp({ env: { SMTP_URL: smtp.url } });
    worker = await startWorkerByHand(app.config);
    portal = await startPortal(app.url);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
    await worker?.close();
    await app?.close();
    await smtp?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ baseURL: portal.url, locale: 'es-MX', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });
  afterEach(() => context.close());

  it('takes a signed-out approver through sign-in to the request, ready to reject it', async () => {
    const org = await createOrganisation(app.dataSource, { kind: 'responsible_unit', name: 'Dirección de Egresos' });
    const head = await createUser(app.dataSource, {
      roles: ['requester'],
      fullName: 'Elena Titular',
      organisationId: org.id,
      email: 'elena.titular@example.gob.mx',
    });
    const asker = await createUser(app.dataSource, { roles: ['requester'], organisationId: org.id });
    await app.dataSource.query('UPDATE organisations SET head_user_id = $1 WHERE id = $2', [head.id, org.id]);
    const manager = await createUser(app.dataSource, { roles: ['catalog_manager'] });
    const service = (
      await as(app.url, await login(app.url, manager.email, manager.password))
        .post('/api/v1/catalog/services')
        .send({ code: 'VPN-01', name: 'Acceso por VPN', category: 'Redes', type: 'service_request', status: 'active', approval: 'requester_head' })
        .expect(201)
    ).body;
    const ticket = (
      await as(app.url, await login(app.url, asker.email, asker.password))
        .post('/api/v1/tickets')
        .send({ type: 'service_request', serviceId: service.id, title: 'VPN para trabajo en casa', description: 'Acceso a la red desde casa.' })
        .expect(201)
    ).body;
    await worker.get(OutboxRelayService).relayBatch();
    await worker.get(MailSenderService).sendBatch();

    const mail = smtp.received.find((m) => m.envelopeTo[0] === 'elena.titular@example.gob.mx');
    const link = /Rechazar: (\S+)/.exec(String(mail?.parsed.text))?.[1];
    expect(link).toBeDefined();
    // The e-mail points at PUBLIC_URL; the test's portal runs on another port.
    const target = new URL(link!);
    await page.goto(`${target.pathname}${target.search}`);
    await submitLoginForm(page, head);
    await page.waitForURL((url) => url.pathname === `/solicitante/tickets/${ticket.id}`);

    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expectNoSeriousA11yViolations(page);
    // The approver reads someone else's request (behind the open dialog): no requester actions for them.
    expect(await page.locator('h2', { hasText: /^Solicitud de / }).count()).toBe(1);
    expect(await page.locator('button', { hasText: 'Cancelar solicitud' }).count()).toBe(0);
    await dialog.getByRole('textbox').fill('No es necesario para sus funciones');
    await dialog.getByRole('button', { name: /rechaz/i }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="ticket-state"]')?.textContent?.startsWith('Cerrado'));
    const history = (await app.dataSource.query(`SELECT approval_status, state FROM tickets WHERE id = $1`, [ticket.id])) as {
      approval_status: string;
      state: string;
    }[];
    expect(history[0]).toEqual({ approval_status: 'rejected', state: 'closed' });
  });

  it('lets an approver who holds only staff roles (a director heading the unit) approve from the e-mailed link', async () => {
    const org = await createOrganisation(app.dataSource, { kind: 'responsible_unit', name: 'Dirección de Informática' });
    const director = await createUser(app.dataSource, {
      roles: ['director'],
      fullName: 'Diego Director',
      organisationId: org.id,
      email: 'diego.director@example.gob.mx',
    });
    const asker = await createUser(app.dataSource, { roles: ['requester'], organisationId: org.id });
    await app.dataSource.query('UPDATE organisations SET head_user_id = $1 WHERE id = $2', [director.id, org.id]);
    const manager = await createUser(app.dataSource, { roles: ['catalog_manager'] });
    const service = (
      await as(app.url, await login(app.url, manager.email, manager.password))
        .post('/api/v1/catalog/services')
        .send({ code: 'SIGUE-02', name: 'Acceso a SIGUE', category: 'Aplicaciones', type: 'service_request', status: 'active', approval: 'requester_head' })
        .expect(201)
    ).body;
    const ticket = (
      await as(app.url, await login(app.url, asker.email, asker.password))
        .post('/api/v1/tickets')
        .send({ type: 'service_request', serviceId: service.id, title: 'Consulta de expedientes', description: 'Acceso de lectura.' })
        .expect(201)
    ).body;
    // A note the desk keeps for itself: the director reads the requester's view, so it stays out.
    await app.dataSource.query(`INSERT INTO articles (ticket_id, author_id, kind, body) VALUES ($1, $2, 'internal', $3)`, [
      ticket.id,
      manager.id,
      'Nota interna: revisar con el dueño de la información antes de dar acceso.',
    ]);
    await worker.get(OutboxRelayService).relayBatch();
    await worker.get(MailSenderService).sendBatch();

    const mail = smtp.received.find((m) => m.envelopeTo[0] === 'diego.director@example.gob.mx');
    expect(mail?.parsed.subject).toBe(`La solicitud ${ticket.number} espera tu aprobación`);
    const link = /Aprobar: (\S+)/.exec(String(mail?.parsed.text))?.[1];
    expect(link).toBeDefined();
    const target = new URL(link!);
    await page.goto(`${target.pathname}${target.search}`);
    await submitLoginForm(page, director);
    await page.waitForURL((url) => url.pathname === `/solicitante/tickets/${ticket.id}`);
    expect(await page.getByRole('link', { name: 'Volver a «Requiere mi acción»' }).count()).toBe(1);
    expect(await page.getByText('Nota interna: revisar con el dueño', { exact: false }).count()).toBe(0);
    expect(await page.locator('[data-article-kind="internal"]').count()).toBe(0);
    // Only the requester replies from this page; the approver decides.
    expect(await page.getByRole('button', { name: 'Enviar respuesta' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Aprobar' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="ticket-state"]')?.textContent?.startsWith('Nuevo'));
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/notify-staff-approver-desktop.png', fullPage: true });
    const [row] = (await app.dataSource.query(`SELECT approval_status, state FROM tickets WHERE id = $1`, [ticket.id])) as {
      approval_status: string;
      state: string;
    }[];
    expect(row).toEqual({ approval_status: 'approved', state: 'new' });

    // Any other staff member still finds that requester page closed to them.
    const other = await createUser(app.dataSource, { roles: ['director'] });
    const otherContext = await browser.newContext({ baseURL: portal.url, locale: 'es-MX' });
    const otherPage = await otherContext.newPage();
    await otherPage.goto('/login');
    await submitLoginForm(otherPage, other);
    await otherPage.waitForURL((url) => url.pathname !== '/login');
    await otherPage.goto(`/solicitante/tickets/${ticket.id}`);
    await otherPage.getByText('Acceso denegado').first().waitFor();
    await otherContext.close();
  });

  it('never sends a signed-in user to another site after sign-in', async () => {
    const user = await createUser(app.dataSource, { roles: ['requester'] });
    await page.goto('/login?next=//evil.example/robar');
    await submitLoginForm(page, user);
    await page.waitForURL((url) => url.origin === new URL(portal.url).origin && url.pathname === '/solicitante');
    // Already signed in: the login page forwards to a safe `next` at once.
    await page.goto('/login?next=/perfil');
    await page.waitForURL((url) => url.pathname === '/perfil');
  });
});

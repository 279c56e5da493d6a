import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestApp } from '../support/app';
import { launchBrowser, logIn, startPortal, type Portal } from '../support/browser';
import { actOk, createTeam, openTicket, person, type Person } from '../support/tickets';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

jest.setTimeout(90_000);

/**
 * One language on the agent's ticket page (issue 11, "Spanish"): dates in the zone the API is
 * configured with (DESK_TIME_ZONE, here Lima, not the portal's old hard-coded Mexico City) as
 * 29/11/2026 02:37, channel and link rows as words rather than codes, "Sin responsable" for a
 * ticket that sits with a team.
 */
describe('The desk speaks one language', () => {
  let app: TestApp;
  let portal: Portal;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let agent: Person;
  let ticketId: string;
  let otherNumber: string;

  beforeAll(async () => {
    app = await createTestApp({ env: { DESK_TIME_ZONE: 'America/Lima' } });
    agent = await person(app, ['agent_l1'], { fullName: 'Alicia Agente' });
    const requester = await person(app, ['requester'], { fullName: 'Rosa Requena' });
    const team = await createTeam(app.dataSource, { supportLevel: '2', name: 'Redes y telecomunicaciones' });
    const ticket = await openTicket(agent.api, { requesterId: requester.id, channel: 'phone', title: 'Sin tono en la extensión 4410' });
    const other = await openTicket(agent.api, { requesterId: requester.id, channel: 'phone', title: 'Extensión 4410 sin tono (otra llamada)' });
    ticketId = ticket.id;
    otherNumber = other.number;
    await actOk(agent.api, ticket.id, 'assign', { teamId: team.id });
    const linked = await agent.api.post(`/api/v1/tickets/${ticket.id}/links`, { toTicketId: other.id, kind: 'related_to' });
    if (linked.status !== 201) throw new Error(`link: ${linked.status} ${JSON.stringify(linked.body)}`);
    // 07:37 UTC is 02:37 in Lima and 01:37 in Mexico City.
    await app.dataSource.query(`UPDATE tickets SET created_at = '2026-11-29T07:37:00Z' WHERE id = $1`, [ticket.id]);
    portal = await startPortal(app.url);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
    await app?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ baseURL: portal.url, locale: 'es-MX', timezoneId: 'Europe/Madrid' });
    page = await context.newPage();
  });

  afterEach(async () => {
    await context?.close();
  });

  it('shows the ticket in the desk zone, with words instead of codes', async () => {
    await logIn(page, agent, '/agente');
    await page.goto(`/agente/tickets/${ticketId}`);
    const fields = page.getByTestId('ticket-fields');
    await fields.waitFor();
    await expect(fields.innerText()).resolves.toContain('29/11/2026 02:37');
    await expect(fields.innerText()).resolves.toContain('Sin responsable');
    await expect(fields.innerText()).resolves.toContain('Teléfono');
    const history = await page.getByTestId('history').innerText();
    expect(history).toContain('(canal: teléfono)');
    expect(history).toContain(`Relacionado con ${otherNumber}`);
    expect(history).not.toMatch(/phone|related_to|\(inversa\)/);
    await page.screenshot({ path: '/tmp/desk-language-ticket.png', fullPage: true });
  });
});

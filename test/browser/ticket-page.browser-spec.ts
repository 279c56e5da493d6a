import { mkdtempSync, rmSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestApp } from '../support/app';
import { expectNoSeriousA11yViolations, fieldByLabel, launchBrowser, logIn, startPortal, type Portal } from '../support/browser';
import { createOrganisation, createUser, type CreatedUser } from '../support/factories';
import { as, login } from '../support/http';
import { createTeam } from '../support/tickets';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** A solid-colour PNG of the given size: big enough to see in the preview's screenshot. */
function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const SCREENSHOT_PNG = solidPng(320, 180, [25, 113, 194]);

/** A one-page PDF with a line of text (enough for file-type and for Chromium's viewer). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n' +
    '4 0 obj<</Length 44>>stream\nBT /F1 18 Tf 20 70 Td (Oficio 123/2026) Tj ET\nendstream endobj\n' +
    '5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
type Client = ReturnType<typeof as>;

jest.setTimeout(120_000);

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 1000 };
const ESCALATION_REASON = 'El concentrador VPN rechaza la conexión; lo revisa Redes N2.';
const SOLUTION = 'Se reinició el concentrador VPN y se renovó tu certificado.';
const REJECTION = 'Sigue desconectándose cada cinco minutos.';

/**
 * The ticket page (issue 11, items 4, 8, 10): reasons and solutions in the conversation, the
 * requester's confirmation panel on top, the agent's requester sidebar, file previews,
 * related tickets and merging from dialogs, "Pendiente hasta", keyboard shortcuts.
 */
describe('The ticket page', () => {
  let app: TestApp;
  let portal: Portal;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let requester: CreatedUser;
  let agent: CreatedUser;
  let asRequester: Client;
  let asAgent: Client;
  let teamL2: { id: string };
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'mesa-browser-'));
    app = await createTestApp({ env: { DATA_DIR: dataDir } });
    const org = await createOrganisation(app.dataSource, { name: 'Secretaría de Finanzas' });
    [requester, agent] = await Promise.all([
      createUser(app.dataSource, { roles: ['requester'], fullName: 'Lucía Pérez', organisationId: org.id, isVip: true }),
      createUser(app.dataSource, { roles: ['agent_l1'], fullName: 'Alicia Agente' }),
    ]);
    teamL2 = await createTeam(app.dataSource, { supportLevel: '2', name: 'Redes N2' });
    asRequester = as(app.url, await login(app.url, requester.email, requester.password));
    asAgent = as(app.url, await login(app.url, agent.email, agent.password));
    portal = await startPortal(app.url);
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function open(viewport = DESKTOP) {
    context = await browser.newContext({ baseURL: portal.url, locale: 'es-MX', viewport });
    page = await context.newPage();
  }

  afterEach(async () => {
    await context?.close();
  });

  const dialog = () => page.getByRole('dialog');

  async function newTicket(title: string): Promise<{ id: string; number: string; version: number }> {
    const res = await asRequester.post('/api/v1/tickets').send({ title, description: 'Desde esta mañana.' });
    if (res.status !== 201) throw new Error(`ticket: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; number: string; version: number };
  }

  async function post(client: Client, url: string, body: Record<string, unknown>) {
    const current = await client.get(url.replace(/\/[a-z-]+$/, ''));
    const res = await client.post(url).send({ version: current.body.version, ...body });
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { version: number };
  }

  it('shows the agent the escalation reason as an internal entry, and the requester nothing of it', async () => {
    const ticket = await newTicket('La VPN se desconecta');
    await post(asAgent, `/api/v1/tickets/${ticket.id}/escalate`, { kind: 'functional', teamId: teamL2.id, reason: ESCALATION_REASON });

    await open();
    await logIn(page, agent, '/agente');
    await page.goto(`/agente/tickets/${ticket.id}`);
    const entry = page.locator('li[data-article-origin="escalation"]');
    await entry.getByText(ESCALATION_REASON).waitFor();
    expect(await entry.getAttribute('data-article-kind')).toBe('internal');
    expect(await entry.textContent()).toContain('Motivo del escalamiento');
    expect(await entry.textContent()).toContain('Nota interna');
    await expectNoSeriousA11yViolations(page);
    await context.close();

    await open();
    await logIn(page, requester, '/solicitante');
    await page.goto(`/solicitante/tickets/${ticket.id}`);
    await page.getByRole('heading', { level: 1, name: 'La VPN se desconecta' }).waitFor();
    const content = await page.content();
    expect(content).not.toContain(ESCALATION_REASON);
    expect(content).not.toContain('Motivo del escalamiento');
  });

  it('tells the requester a solution waits for them, puts the panel on top and keeps the solution after they reject it', async () => {
    const ticket = await newTicket('Sin acceso a la VPN');
    await post(asAgent, `/api/v1/tickets/${ticket.id}/transitions`, { to: 'resolved', solution: SOLUTION });

    for (const [viewport, name] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      await open(viewport);
      await logIn(page, requester, '/solicitante');
      const row = page.locator(`tr[data-ticket-number="${ticket.number}"]`);
      await row.getByTestId('awaiting-you').waitFor();
      expect(await row.getByTestId('awaiting-you').textContent()).toBe('Esperando tu confirmación');
      await page.screenshot({ path: `/tmp/convo-requester-list-${name}.png`, fullPage: true });
      await page.goto(`/solicitante/tickets/${ticket.id}`);
      const panel = page.getByTestId('confirmation-panel');
      await panel.waitFor();
      expect(await panel.getByTestId('ticket-solution').textContent()).toBe(SOLUTION);
      // The panel comes before the request's data and the conversation.
      const panelBox = (await panel.boundingBox())!;
      const dataBox = (await page.getByRole('region', { name: 'Tu solicitud' }).boundingBox())!;
      const conversationBox = (await page.getByRole('region', { name: 'Conversación' }).boundingBox())!;
      expect(panelBox.y).toBeLessThan(dataBox.y);
      expect(panelBox.y).toBeLessThan(conversationBox.y);
      expect(panelBox.x + panelBox.width).toBeLessThanOrEqual(viewport.width);
      await expectNoSeriousA11yViolations(page);
      await page.screenshot({ path: `/tmp/convo-requester-ticket-${name}.png`, fullPage: true });
      if (name === 'desktop') await context.close();
    }

    await page.getByTestId('confirmation-panel').getByRole('button', { name: 'No se resolvió' }).click();
    await dialog().waitFor();
    await fieldByLabel(page, 'Explica por qué la solución no resolvió tu solicitud').fill(REJECTION);
    await dialog().getByRole('button', { name: 'Reabrir solicitud' }).click();
    await dialog().waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.querySelector('[data-testid="ticket-state"]')?.textContent === 'En atención');
    expect(await page.getByTestId('confirmation-panel').count()).toBe(0);
    // Both stay in the conversation: the solution they rejected and why.
    await page.locator('li[data-article-origin="solution"]').getByText(SOLUTION).waitFor();
    const rejection = page.locator('li[data-article-origin="rejection"]');
    await rejection.getByText(REJECTION).waitFor();
    expect(await rejection.textContent()).toContain('Tú');
    expect(await rejection.textContent()).toContain('Motivo del rechazo de la solución');
    await page.screenshot({ path: '/tmp/convo-requester-rejected-phone.png', fullPage: true });
  });

  it('tells the requester when the desk waits for their answer', async () => {
    const ticket = await newTicket('Alta en el sistema de nómina');
    await post(asAgent, `/api/v1/tickets/${ticket.id}/transitions`, { to: 'pending', pendingReason: 'requester', reason: '¿Cuál es tu número de empleado?' });
    await open(PHONE);
    await logIn(page, requester, '/solicitante');
    const row = page.locator(`tr[data-ticket-number="${ticket.number}"]`);
    expect(await row.getByTestId('awaiting-you').textContent()).toBe('Esperando tu respuesta');
    await page.goto(`/solicitante/tickets/${ticket.id}`);
    const alert = page.getByTestId('awaiting-reply');
    await alert.waitFor();
    expect((await alert.boundingBox())!.y).toBeLessThan((await page.getByRole('region', { name: 'Tu solicitud' }).boundingBox())!.y);
    await alert.getByRole('link', { name: 'Escribir mi respuesta' }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/convo-requester-awaiting-reply-phone.png', fullPage: true });
  });

  it('gives the agent a requester sidebar, file previews with their size, and "Pendiente hasta"', async () => {
    const other = await newTicket('Impresora atascada');
    const ticket = await newTicket('Pantalla azul al iniciar');
    const upload = await asRequester
      .post(`/api/v1/tickets/${ticket.id}/attachments`)
      .attach('file', SCREENSHOT_PNG, { filename: 'pantallazo.png', contentType: 'image/png' });
    expect(upload.status).toBe(201);
    const pdf = await asRequester
      .post(`/api/v1/tickets/${ticket.id}/attachments`)
      .attach('file', PDF, { filename: 'oficio.pdf', contentType: 'application/pdf' });
    expect(pdf.status).toBe(201);
    await post(asAgent, `/api/v1/tickets/${ticket.id}/take`, {});

    await open();
    await logIn(page, agent, '/agente');
    await page.goto(`/agente/tickets/${ticket.id}`);
    const sidebar = page.getByTestId('requester-sidebar');
    await sidebar.waitFor();
    const text = await sidebar.textContent();
    expect(text).toContain('Lucía Pérez');
    expect(text).toContain(requester.email);
    expect(text).toContain('Secretaría de Finanzas');
    expect(await sidebar.getByTestId('requester-vip').textContent()).toBe('VIP');
    await sidebar.getByRole('link', { name: other.number }).waitFor();
    expect(text).not.toContain(ticket.number);

    const file = page.locator('li[data-attachment="pantallazo.png"]');
    const bytes = SCREENSHOT_PNG.length;
    const size = bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
    expect(await file.textContent()).toContain(size);
    await file.getByRole('button', { name: 'Vista previa de pantallazo.png' }).click();
    await dialog().waitFor();
    expect(await dialog().textContent()).toContain(`pantallazo.png (${size})`);
    const image = dialog().getByRole('img', { name: 'pantallazo.png' });
    await image.waitFor();
    await page.waitForFunction(() => (document.querySelector('[role="dialog"] img') as HTMLImageElement | null)?.naturalWidth === 320);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/convo-preview-desktop.png' });
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    // Through the portal: the preview may be framed by the portal itself, the download by nobody.
    const attachmentId = (await file.getByRole('link', { name: 'pantallazo.png' }).getAttribute('href'))!.split('/')[4];
    const preview = await page.request.get(`/api/v1/attachments/${attachmentId}/preview`);
    expect(preview.headers()['content-type']).toBe('image/png');
    expect(preview.headers()['x-frame-options']).toBe('SAMEORIGIN');
    expect(preview.headers()['content-disposition']).toMatch(/^inline;/);
    const download = await page.request.get(`/api/v1/attachments/${attachmentId}/content`);
    expect(download.headers()['x-frame-options']).toBe('DENY');
    expect(download.headers()['content-disposition']).toMatch(/^attachment;/);

    // A PDF opens framed in the page, as a PDF, and the frame is not refused (X-Frame-Options).
    const pdfResponse = page.waitForResponse((r) => r.url().endsWith(`/api/v1/attachments/${pdf.body.id}/preview`));
    await page.locator('li[data-attachment="oficio.pdf"]').getByRole('button', { name: 'Vista previa de oficio.pdf' }).click();
    expect((await pdfResponse).headers()['content-type']).toBe('application/pdf');
    const frame = await (await dialog().locator('iframe[title="oficio.pdf"]').elementHandle())!.contentFrame();
    await frame!.waitForLoadState();
    expect(frame!.url()).toContain(`/api/v1/attachments/${pdf.body.id}/preview`);
    await page.screenshot({ path: '/tmp/convo-preview-pdf.png' });
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });

    await page.getByRole('region', { name: 'Acciones' }).getByRole('button', { name: 'Pendiente' }).click();
    await dialog().waitFor();
    await page.getByRole('combobox', { name: /^Motivo de pendiente/ }).click();
    await page.getByRole('option', { name: 'Tercero' }).click();
    // A week ahead, as the browser's datetime-local field writes it (local time, minutes).
    const week = new Date(Date.now() + 7 * 86_400_000);
    const local = new Date(week.getTime() - week.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await fieldByLabel(page, 'Pendiente hasta (opcional)').fill(local);
    await dialog().getByRole('button', { name: 'Dejar pendiente' }).click();
    await dialog().waitFor({ state: 'detached' });
    // The ticket's own data (the sidebar lists other tickets, some pending too).
    await page.getByTestId('ticket-fields').getByText('Pendiente hasta').waitFor();
    expect(await page.getByTestId('ticket-fields').textContent()).toContain('En espera de un tercero');
    await page.screenshot({ path: '/tmp/convo-agent-desktop.png', fullPage: true });
    await context.close();

    await open(PHONE);
    await logIn(page, agent, '/agente');
    await page.goto(`/agente/tickets/${ticket.id}`);
    await page.getByTestId('requester-sidebar').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: '/tmp/convo-agent-phone.png', fullPage: true });
  });

  it('lets the agent relate and merge tickets from dialogs, picking the other ticket by its number', async () => {
    const original = await newTicket('El correo no sincroniza');
    const related = await newTicket('Outlook pide la contraseña');
    const duplicate = await newTicket('El correo no sincroniza (otra vez)');

    await open();
    await logIn(page, agent, '/agente');
    await page.goto(`/agente/tickets/${duplicate.id}`);
    const panel = page.getByRole('region', { name: 'Tickets relacionados' });
    await panel.getByText('Sin tickets relacionados.').waitFor();

    await panel.getByRole('button', { name: 'Relacionar' }).click();
    await dialog().waitFor();
    // Nothing picked: the dialog says so before calling the API.
    await dialog().getByRole('button', { name: 'Relacionar' }).click();
    await dialog().getByText('Este campo es obligatorio').waitFor();
    const picker = page.getByRole('combobox', { name: /^Ticket/ });
    await picker.fill(related.number);
    await page.getByRole('option', { name: new RegExp(related.number) }).click();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/convo-link-dialog.png' });
    await dialog().getByRole('button', { name: 'Relacionar' }).click();
    await dialog().waitFor({ state: 'detached' });
    await panel.getByTestId('ticket-links').getByRole('link', { name: related.number }).waitFor();
    expect(await panel.getByTestId('ticket-links').textContent()).toContain('Relacionado con');

    await panel.getByRole('button', { name: 'Fusionar' }).click();
    await dialog().waitFor();
    await page.getByRole('combobox', { name: /^Ticket/ }).fill(original.number);
    await page.getByRole('option', { name: new RegExp(original.number) }).click();
    await dialog().getByRole('button', { name: 'Fusionar' }).click();
    await dialog().waitFor({ state: 'detached' });
    await panel.getByText(`Ticket fusionado con ${original.number}.`).waitFor();
    // The header's badge, the one after the number (the sidebar has badges of other tickets).
    await page.locator('[data-testid="ticket-number"] + [data-state="closed"]').waitFor();
    await panel.getByTestId('ticket-links').getByRole('link', { name: original.number }).waitFor();
    expect(await panel.getByTestId('ticket-links').textContent()).toContain('Duplicado de');
  });

  it('opens the shortcut help with "?" and starts an internal note with "n"', async () => {
    const ticket = await newTicket('Teclado sin respuesta');
    await open();
    await logIn(page, agent, '/agente');
    await page.goto(`/agente/tickets/${ticket.id}`);
    await page.getByRole('heading', { level: 1, name: 'Teclado sin respuesta' }).waitFor();
    await page.waitForSelector('[data-testid="shortcuts-help"]');
    await page.locator('body').click({ position: { x: 5, y: 5 } });

    await page.keyboard.press('?');
    await dialog().getByRole('heading', { name: 'Atajos de teclado' }).waitFor();
    const table = dialog().getByTestId('shortcuts-table');
    for (const label of ['Escribir una respuesta pública', 'Escribir una nota interna', 'Asignar', 'Escalar', 'Resolver', 'Volver a la bandeja']) {
      await table.getByText(label, { exact: true }).waitFor();
    }
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/convo-shortcuts.png' });
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });

    await page.keyboard.press('n');
    const composer = page.getByRole('region', { name: 'Agregar a la conversación' });
    const note = composer.getByRole('textbox', { name: 'Nota interna' });
    await note.waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
    // Typing in the field is text, not shortcuts.
    await page.keyboard.type('a e q');
    expect(await note.inputValue()).toBe('a e q');
    expect(new URL(page.url()).pathname).toBe(`/agente/tickets/${ticket.id}`);

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('a');
    await dialog().getByRole('heading', { name: 'Asignar el ticket' }).waitFor();
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    await page.keyboard.press('q');
    await page.waitForURL((url) => url.pathname === '/agente');
  });
});

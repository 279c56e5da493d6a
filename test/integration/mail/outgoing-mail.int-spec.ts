import type { INestApplicationContext } from '@nestjs/common';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { MailSenderService } from '../../../src/modules/mail/mail-sender.service';
import { OutboxRelayService } from '../../../src/modules/outbox/outbox-relay.service';
import { createTestApp, type TestApp } from '../../support/app';
import { createOrganisation, createUser } from '../../support/factories';
import { as, login } from '../../support/http';
import { startSmtpServer } from '../../support/smtp';
import { startWorkerByHand } from '../../support/worker';

type Smtp = Awaited<ReturnType<typeof startSmtpServer>>;

describe('Outgoing mail over SMTP', () => {
  let t: TestApp;
  let smtp: Smtp;
  let worker: INestApplicationContext;
  const relay = () => worker.get(OutboxRelayService).relayBatch();
  const send = () => worker.get(MailSenderService).sendBatch();

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://mesa.example.gob.mx', MAIL_FROM: 'Mesa de Servicio <mesa@example.gob.mx>' } });
    worker = await startWorkerByHand(t.config);
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
    await smtp.close();
  });
  beforeEach(() => {
    smtp.received.length = 0;
  });

  it('e-mails the owner area and its titular when a service is published, once however often the event is relayed', async () => {
    const head = await createUser(t.dataSource, { roles: ['requester'], fullName: 'Laura Titular', email: 'titular.redes@example.gob.mx' });
    const area = await createOrganisation(t.dataSource, { kind: 'area', name: 'Dirección de Redes' });
    const admin = await login(t.url, ...(await createUser(t.dataSource, { roles: ['admin'] }).then((u) => [u.email, u.password] as const)));
    const org = (await as(t.url, admin).get(`/api/v1/organisations/${area.id}`).expect(200)).body;
    await as(t.url, admin).patch(`/api/v1/organisations/${area.id}`).send({ email: 'no-es-correo', version: org.version }).expect(400);
    await as(t.url, admin)
      .patch(`/api/v1/organisations/${area.id}`)
      .send({ email: 'Redes@Example.gob.mx', headUserId: head.id, version: org.version })
      .expect(200);
    const manager = await login(t.url, ...(await createUser(t.dataSource, { roles: ['catalog_manager'] }).then((u) => [u.email, u.password] as const)));
    const svc = (
      await as(t.url, manager)
        .post('/api/v1/catalog/services')
        .send({ code: 'RED-01', name: 'Alta de nodo de red', category: 'Redes', type: 'service_request', ownerOrganisationId: area.id, status: 'active' })
        .expect(201)
    ).body;

    await relay();
    await t.dataSource.query(`UPDATE outbox SET published_at = NULL`);
    await relay();
    expect(await send()).toEqual({ sent: 2, failed: 0 });
    expect(await send()).toEqual({ sent: 0, failed: 0 });

    expect(smtp.received.map((m) => m.envelopeTo[0]).sort()).toEqual(['redes@example.gob.mx', 'titular.redes@example.gob.mx']);
    const toHead = smtp.received.find((m) => m.envelopeTo[0] === 'titular.redes@example.gob.mx')!;
    expect(toHead.parsed.subject).toBe('Servicio publicado en el catálogo: Alta de nodo de red');
    expect(toHead.parsed.from?.value).toEqual([{ name: 'Mesa de Servicio', address: 'mesa@example.gob.mx' }]);
    expect(toHead.parsed.text).toContain('Hola, Laura Titular:');
    expect(toHead.parsed.text).toContain('RED-01 «Alta de nodo de red», a cargo de Dirección de Redes, se publicó en el catálogo (versión 1)');
    // Handlebars escapes "=" in attributes as &#x3D;, which a mail client decodes back.
    expect(String(toHead.parsed.html).replaceAll('&#x3D;', '=')).toContain(
      `href="https://mesa.example.gob.mx/login?next=${encodeURIComponent(`/catalogo/${svc.id}`)}`,
    );
    expect(toHead.parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(toHead.parsed.messageId).toMatch(/^<[0-9a-f-]{36}@example\.gob\.mx>$/);
    const [row] = (await t.dataSource.query(`SELECT status, attempts, sent_at, message_id FROM mail_messages WHERE to_address = 'redes@example.gob.mx'`)) as {
      status: string;
      attempts: number;
      sent_at: Date;
      message_id: string;
    }[];
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
    expect(row.sent_at).toBeInstanceOf(Date);
  });

  it('sends the approver links to approve or reject that go through sign-in, and tells the requester the outcome', async () => {
    const head = await createUser(t.dataSource, { roles: ['requester'], fullName: 'Jefe del área', email: 'jefe.area@example.gob.mx' });
    const ur = await createOrganisation(t.dataSource, { kind: 'responsible_unit' });
    await t.dataSource.query(`UPDATE organisations SET head_user_id = $1 WHERE id = $2`, [head.id, ur.id]);
    const requester = await createUser(t.dataSource, { roles: ['requester'], organisationId: ur.id, email: 'pide.acceso@example.gob.mx' });
    const manager = await login(t.url, ...(await createUser(t.dataSource, { roles: ['catalog_manager'] }).then((u) => [u.email, u.password] as const)));
    const svc = (
      await as(t.url, manager)
        .post('/api/v1/catalog/services')
        .send({ code: 'SIGUE-01', name: 'Acceso a SIGUE', category: 'Aplicaciones', type: 'service_request', status: 'active', approval: 'requester_head' })
        .expect(201)
    ).body;
    const [sr, sh] = [await login(t.url, requester.email, requester.password), await login(t.url, head.email, head.password)];
    const ticket = (
      await as(t.url, sr)
        .post('/api/v1/tickets')
        .send({ type: 'service_request', serviceId: svc.id, title: 'Acceso de consulta', description: 'Ver notas' })
        .expect(201)
    ).body;
    await relay();
    await send();

    const request = smtp.received.find((m) => m.envelopeTo[0] === 'jefe.area@example.gob.mx')!;
    expect(request.parsed.subject).toBe(`La solicitud ${ticket.number} espera tu aprobación`);
    const page = `/solicitante/tickets/${ticket.id}`;
    expect(request.parsed.text).toContain(`Aprobar: https://mesa.example.gob.mx/login?next=${encodeURIComponent(`${page}?decision=aprobar`)}`);
    expect(request.parsed.text).toContain(`Rechazar: https://mesa.example.gob.mx/login?next=${encodeURIComponent(`${page}?decision=rechazar`)}`);

    smtp.received.length = 0;
    await as(t.url, sh)
      .post(`/api/v1/tickets/${ticket.id}/approval`)
      .send({ version: ticket.version, decision: 'reject', reason: 'No corresponde a sus funciones' })
      .expect(200);
    await relay();
    await send();
    const outcome = smtp.received.find((m) => m.envelopeTo[0] === 'pide.acceso@example.gob.mx')!;
    expect(outcome.parsed.subject).toBe(`Tu solicitud ${ticket.number} no fue aprobada`);
    expect(outcome.parsed.text).toContain('Motivo: No corresponde a sus funciones');
  });

  it('sends each message once when two senders run at the same time', async () => {
    const requester = await createUser(t.dataSource, { roles: ['requester'], email: 'dos.envios@example.gob.mx' });
    const agent = await login(t.url, ...(await createUser(t.dataSource, { roles: ['agent_l1'] }).then((u) => [u.email, u.password] as const)));
    for (const title of ['Uno', 'Dos', 'Tres'])
      await as(t.url, agent).post('/api/v1/tickets').send({ requesterId: requester.id, title, description: 'x' }).expect(201);
    await relay();
    // Two batches at once, as two workers would run them: each claims what the other has not.
    const [a, b] = await Promise.all([send(), send()]);
    expect(a.sent + b.sent).toBeGreaterThanOrEqual(3);
    const mine = smtp.received.filter((m) => m.envelopeTo[0] === 'dos.envios@example.gob.mx');
    expect(mine).toHaveLength(3);
    expect(new Set(mine.map((m) => m.parsed.messageId)).size).toBe(3);
  });

  it('escapes what a person typed in the HTML part', async () => {
    const requester = await createUser(t.dataSource, { roles: ['requester'], email: 'escape@example.gob.mx' });
    const agent = await createUser(t.dataSource, { roles: ['agent_l1'] });
    const [sr, sa] = [await login(t.url, requester.email, requester.password), await login(t.url, agent.email, agent.password)];
    const ticket = (await as(t.url, sr).post('/api/v1/tickets').send({ title: 'Pantalla <img src=x onerror=alert(1)>', description: 'x' }).expect(201)).body;
    await as(t.url, sa)
      .post(`/api/v1/tickets/${ticket.id}/transitions`)
      .send({ to: 'declined', version: ticket.version, reason: '<b>fuera</b> de catálogo' })
      .expect(200);
    await relay();
    await send();
    const mail = smtp.received.find((m) => m.envelopeTo[0] === 'escape@example.gob.mx' && m.parsed.subject?.includes('declinada'))!;
    expect(mail.parsed.html).toContain('Pantalla &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(mail.parsed.html).not.toContain('<img src=x');
    expect(mail.parsed.html).toContain('Motivo: &lt;b&gt;fuera&lt;/b&gt; de catálogo');
  });

  it('retries a temporary failure later and gives up at once on a permanent one, keeping the error', async () => {
    const later = await createUser(t.dataSource, { roles: ['requester'], email: 'buzon@later.test' });
    const gone = await createUser(t.dataSource, { roles: ['requester'], email: 'nadie@reject.test' });
    const agent = await login(t.url, ...(await createUser(t.dataSource, { roles: ['agent_l1'] }).then((u) => [u.email, u.password] as const)));
    for (const r of [later, gone]) {
      const ticket = (await as(t.url, agent).post('/api/v1/tickets').send({ requesterId: r.id, title: 'Sin correo', description: 'x' }).expect(201)).body;
      await as(t.url, agent)
        .post(`/api/v1/tickets/${ticket.id}/transitions`)
        .send({ to: 'declined', version: ticket.version, reason: 'Duplicado' })
        .expect(200);
    }
    await relay();
    const result = await send();
    expect(result.failed).toBeGreaterThanOrEqual(2);

    const rows = (await t.dataSource.query(
      `SELECT to_address, status, attempts, last_error, extract(epoch FROM next_attempt_at - now()) AS wait FROM mail_messages WHERE to_address IN ('buzon@later.test', 'nadie@reject.test') ORDER BY to_address`,
    )) as { to_address: string; status: string; attempts: number; last_error: string; wait: string }[];
    const retried = rows.filter((r) => r.to_address === 'buzon@later.test');
    expect(retried.length).toBeGreaterThan(0);
    expect(retried.every((r) => r.status === 'queued' && r.attempts === 1 && /451/.test(r.last_error))).toBe(true);
    expect(retried.every((r) => Number(r.wait) > 50 && Number(r.wait) <= 60)).toBe(true);
    const failed = rows.filter((r) => r.to_address === 'nadie@reject.test');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((r) => r.status === 'failed' && r.attempts === 1 && /550/.test(r.last_error))).toBe(true);
    // Not due yet: the next batch leaves the temporary failure alone.
    expect((await send()).failed).toBe(0);
  });
});

describe('Outgoing mail without an SMTP server', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  const dataDir = mkdtempSync(join(tmpdir(), 'mesa-mail-'));
  beforeAll(async () => {
    t = await createTestApp({ env: { DATA_DIR: dataDir } });
    worker = await startWorkerByHand(t.config);
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  it('writes each message as an .eml file under the data folder, readable by owner and group only', async () => {
    const requester = await createUser(t.dataSource, { roles: ['requester'], email: 'archivo@example.gob.mx' });
    const agent = await login(t.url, ...(await createUser(t.dataSource, { roles: ['agent_l1'] }).then((u) => [u.email, u.password] as const)));
    const ticket = (
      await as(t.url, agent).post('/api/v1/tickets').send({ requesterId: requester.id, title: 'Impresora sin tóner', description: 'x' }).expect(201)
    ).body;
    await worker.get(OutboxRelayService).relayBatch();
    expect((await worker.get(MailSenderService).sendBatch()).sent).toBe(1);
    const files = readdirSync(join(dataDir, 'mail-out'));
    expect(files).toHaveLength(1);
    // Not world-readable: the message carries the requester's data and links.
    expect(statSync(join(dataDir, 'mail-out', files[0])).mode & 0o777).toBe(0o640);
    const eml = await simpleParser(readFileSync(join(dataDir, 'mail-out', files[0])));
    expect(eml.to && 'text' in eml.to ? eml.to.text : '').toBe('archivo@example.gob.mx');
    expect(eml.subject).toBe(`Recibimos tu solicitud ${ticket.number}: Impresora sin tóner`);
    expect(eml.text).toContain('Hola, Usuario archivo:\n\nRegistramos tu solicitud');
  });
});

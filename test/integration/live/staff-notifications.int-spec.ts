import type { INestApplicationContext } from '@nestjs/common';
import { MailSenderService } from '../../../src/modules/mail/mail-sender.service';
import { OutboxRelayService } from '../../../src/modules/outbox/outbox-relay.service';
import { createTestApp, type TestApp } from '../../support/app';
import { createOrganisation } from '../../support/factories';
import { createApiToken } from '../../support/routes';
import { openTicketEvents, waitFor } from '../../support/sse';
import { startSmtpServer } from '../../support/smtp';
import { actOk, createService, createTeam, openTicket, person, type Person } from '../../support/tickets';
import { startWorkerByHand } from '../../support/worker';

type Smtp = Awaited<ReturnType<typeof startSmtpServer>>;
type Notice = { kind: string; title: string; body: string; link: string | null; readAt: string | null };

/**
 * Staff notifications end to end: the API writes the event, the real worker's relay turns it
 * into in-app rows and rendered mail, the sender delivers to the in-process SMTP server.
 */
describe('Staff notifications', () => {
  let t: TestApp;
  let smtp: Smtp;
  let worker: INestApplicationContext;
  let requester: Person;
  let agent: Person;
  let coordinatorL2: Person;
  let resolverL2: Person;
  let coordinatorL3: Person;
  let resolverL3: Person;
  let watcherL3: Person;
  let director: Person;
  let deskCoordinator: Person;
  let teamL2: { id: string };
  let teamL3: { id: string };

  const deliver = async () => {
    await worker.get(OutboxRelayService).relayBatch();
    await worker.get(MailSenderService).sendBatch();
  };
  const mailsTo = (p: Person) => smtp.received.filter((m) => m.envelopeTo[0] === p.email.toLowerCase());
  const notices = async (p: Person): Promise<Notice[]> => (await p.api.get('/api/v1/notifications').expect(200)).body.items as Notice[];

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://mesa.example.gob.mx' } });
    worker = await startWorkerByHand(t.config);
    [requester, agent, coordinatorL2, resolverL2, coordinatorL3, resolverL3, watcherL3, director, deskCoordinator] = await Promise.all([
      person(t, ['requester'], { fullName: 'Rosa Solicitante' }),
      person(t, ['agent_l1'], { fullName: 'Ana Agente' }),
      person(t, ['team_coordinator'], { fullName: 'Carlos Coordinador' }),
      person(t, ['resolver_l2'], { fullName: 'Raúl Resolutor' }),
      person(t, ['team_coordinator'], { fullName: 'Clara Coordinadora' }),
      person(t, ['resolver_l3'], { fullName: 'Tomás Tercero' }),
      person(t, ['resolver_l3'], { fullName: 'Vera Vigía' }),
      person(t, ['director'], { fullName: 'Diana Directora' }),
      person(t, ['desk_coordinator'], { fullName: 'Mario Mesa' }),
    ]);
    teamL2 = await createTeam(t.dataSource, { supportLevel: '2', name: 'Aplicaciones N2', coordinatorId: coordinatorL2.id, memberIds: [resolverL2.id] });
    teamL3 = await createTeam(t.dataSource, {
      supportLevel: '3',
      name: 'Aplicaciones N3',
      coordinatorId: coordinatorL3.id,
      memberIds: [resolverL3.id, watcherL3.id],
    });
    await deliver();
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });
  beforeEach(() => {
    smtp.received.length = 0;
  });

  async function atLevel2(title: string) {
    const ticket = await openTicket(agent.api, { requesterId: requester.id, title, impact: 'high', urgency: 'high' });
    await actOk(agent.api, ticket.id, 'escalate', { kind: 'functional', teamId: teamL2.id, reason: 'No se resolvió en primer nivel.' });
    await actOk(coordinatorL2.api, ticket.id, 'assign', { teamId: teamL2.id, assigneeId: resolverL2.id, reason: 'Lo atiende Raúl' });
    return ticket;
  }

  it('mails and notifies the resolver a ticket was assigned to, with its priority in Spanish and a link to it', async () => {
    const ticket = await atLevel2('El SIAF no abre');
    await deliver();
    const [mail] = mailsTo(resolverL2);
    expect(mail.parsed.subject).toBe(`Te asignaron el ticket ${ticket.number}`);
    expect(mail.parsed.text).toContain('Hola, Raúl Resolutor:');
    expect(mail.parsed.text).toContain('«El SIAF no abre» está en tu bandeja. Prioridad Crítica. Motivo: Lo atiende Raúl');
    expect(mail.parsed.text).toContain(`https://mesa.example.gob.mx/login?next=${encodeURIComponent(`/agente/tickets/${ticket.id}`)}`);
    expect(mail.parsed.text).not.toMatch(/critical|su cuenta/);
    expect(await notices(resolverL2)).toContainEqual(
      expect.objectContaining({ kind: 'ticket.assigned', link: `/agente/tickets/${ticket.id}`, title: `Te asignaron el ticket ${ticket.number}` }),
    );
    // The coordinator heard of the escalation to their team; the L1 agent who escalated hears nothing of their own act.
    expect(mailsTo(coordinatorL2).map((m) => m.parsed.subject)).toEqual([`Ticket ${ticket.number} escalado a segundo nivel`]);
    expect(mailsTo(agent)).toEqual([]);

    // Relayed again (a worker died before marking the events): nobody is told twice.
    const before = (await notices(resolverL2)).length;
    await t.dataSource.query(`UPDATE outbox SET published_at = NULL WHERE aggregate_id = $1`, [ticket.id]);
    smtp.received.length = 0;
    await deliver();
    expect(smtp.received).toEqual([]);
    expect((await notices(resolverL2)).length).toBe(before);
  });

  it('tells the coordinator of a return, the L3 coordinator and opted-in members of an escalation, and L2 of a proposal to validate', async () => {
    await watcherL3.api.put('/api/v1/notifications/preferences', { kind: 'ticket.team_queue', channel: 'both' }).expect(200);
    const stored = (await watcherL3.api.get('/api/v1/notifications/preferences').expect(200)).body.items as { kind: string; channel: string }[];
    expect(stored.find((p) => p.kind === 'ticket.team_queue')?.channel).toBe('both');
    const ticket = await atLevel2('Error 500 en el SIAF');
    await deliver();
    smtp.received.length = 0;

    await actOk(resolverL2.api, ticket.id, 'return-to-coordinator', { reason: 'Es un defecto del código: requiere tercer nivel.' });
    await deliver();
    expect(mailsTo(coordinatorL2).map((m) => m.parsed.subject)).toEqual([`Te regresaron el ticket ${ticket.number}`]);
    expect(mailsTo(coordinatorL2)[0].parsed.text).toContain('Motivo: Es un defecto del código: requiere tercer nivel.');

    smtp.received.length = 0;
    await actOk(coordinatorL2.api, ticket.id, 'escalate', { kind: 'functional', toLevel: '3', teamId: teamL3.id, reason: 'Defecto en el módulo de pagos' });
    await deliver();
    expect(mailsTo(coordinatorL3).map((m) => m.parsed.subject)).toEqual([`Ticket ${ticket.number} escalado a tercer nivel`]);
    expect(mailsTo(watcherL3).map((m) => m.parsed.subject)).toEqual([`Nuevo ticket en la cola de tu equipo: ${ticket.number}`]);
    // Not opted in: the other L3 member hears nothing of the queue.
    expect(mailsTo(resolverL3)).toEqual([]);

    await actOk(coordinatorL3.api, ticket.id, 'assign', { teamId: teamL3.id, assigneeId: resolverL3.id });
    smtp.received.length = 0;
    await actOk(resolverL3.api, ticket.id, 'proposed-solution', { solution: 'Corregir la validación del importe.' });
    await deliver();
    expect(mailsTo(coordinatorL2).map((m) => m.parsed.subject)).toEqual([`Solución propuesta para el ticket ${ticket.number}`]);
    const validate = (await coordinatorL2.api.get('/api/v1/tickets/my-action').expect(200)).body;
    expect(validate.items).toContainEqual(expect.objectContaining({ id: ticket.id, reason: 'validate' }));

    // Nothing internal ever reached the requester, in-app or by mail.
    expect((await notices(requester)).map((n) => n.kind)).toEqual(expect.not.arrayContaining(['ticket.returned', 'ticket.escalated', 'ticket.assigned']));
    expect((await notices(requester)).every((n) => n.kind === 'ticket.created')).toBe(true);
    expect(mailsTo(requester)).toEqual([]);
  });

  it('names the resolver an escalation goes to, and tells them rather than the coordinator', async () => {
    const ticket = await openTicket(requester.api, { title: 'Reporte de nómina vacío' });
    await actOk(agent.api, ticket.id, 'escalate', { kind: 'functional', teamId: teamL2.id, assigneeId: resolverL2.id, reason: 'Raúl conoce el reporte' });
    await deliver();
    expect(mailsTo(resolverL2).map((m) => m.parsed.subject)).toEqual([`Ticket ${ticket.number} escalado a segundo nivel`]);
    expect(mailsTo(resolverL2)[0].parsed.text).toContain('llegó a ti como resolutor');
    expect(mailsTo(coordinatorL2)).toEqual([]);
  });

  it('tells the assignee of a reopening, and directors of major incidents and hierarchical escalations', async () => {
    const ticket = await atLevel2('Impresora sin red');
    await actOk(resolverL2.api, ticket.id, 'transitions', { to: 'in_progress' });
    await actOk(resolverL2.api, ticket.id, 'transitions', { to: 'resolved', solution: 'Se cambió el cable.' });
    await deliver();
    smtp.received.length = 0;
    await actOk(requester.api, ticket.id, 'transitions', { to: 'in_progress', reason: 'Sigue sin imprimir' });
    await actOk(coordinatorL2.api, ticket.id, 'escalate', { kind: 'hierarchical', reason: 'Tercer reporte de la semana' });
    const major = await openTicket(agent.api, { requesterId: requester.id, title: 'Caída del SAP', isMajor: true });
    await deliver();

    expect(mailsTo(resolverL2).map((m) => m.parsed.subject)).toEqual([`Se reabrió el ticket ${ticket.number}`]);
    expect(mailsTo(resolverL2)[0].parsed.text).toContain('Motivo: Sigue sin imprimir');
    expect(
      mailsTo(director)
        .map((m) => m.parsed.subject)
        .sort(),
    ).toEqual([`Escalamiento jerárquico del ticket ${ticket.number}`, `Incidente mayor: ${major.number}`].sort());
    expect(mailsTo(deskCoordinator).map((m) => m.parsed.subject)).toEqual([`Escalamiento jerárquico del ticket ${ticket.number}`]);
    expect(mailsTo(director).find((m) => m.parsed.subject?.startsWith('Escalamiento'))?.parsed.text).toContain(
      'Prioridad Crítica. Motivo: Tercer reporte de la semana',
    );
    const mine = (await resolverL2.api.get('/api/v1/tickets/my-action').expect(200)).body;
    expect(mine.items).toContainEqual(expect.objectContaining({ id: ticket.id, reason: 'reopened' }));
    expect(mine.counts.reopened).toBeGreaterThanOrEqual(1);
  });

  it('lists each ticket in "Requiere mi acción" with the same fields the queue shows', async () => {
    const ticket = await openTicket(agent.api, { requesterId: requester.id, title: 'Espera al proveedor del enlace' });
    await actOk(agent.api, ticket.id, 'assign', { teamId: teamL2.id, assigneeId: resolverL2.id });
    const mine = (await resolverL2.api.get('/api/v1/tickets/my-action').expect(200)).body.items as { id: string; reason: string }[];
    const queue = (await resolverL2.api.get('/api/v1/tickets?view=mine&pageSize=200').expect(200)).body.items as { id: string }[];
    const { reason, ...item } = mine.find((i) => i.id === ticket.id)!;
    expect(reason).toBe('assigned');
    expect(item).toEqual(queue.find((i) => i.id === ticket.id));
  });

  it('honours each person’s channel per kind, and refuses to silence approvals and major incidents', async () => {
    // A requester is offered only what can reach them: approvals, fixed.
    const offered = (await requester.api.get('/api/v1/notifications/preferences').expect(200)).body.items as { kind: string; mutable: boolean }[];
    expect(offered).toEqual([expect.objectContaining({ kind: 'ticket.approval_requested', mutable: false })]);
    // …and the server holds them to it: a kind never offered to them is refused, nothing stored.
    const notOffered = await requester.api.put('/api/v1/notifications/preferences', { kind: 'ticket.team_queue', channel: 'both' });
    expect(notOffered.status).toBe(400);
    expect(notOffered.body.errors).toEqual([{ field: 'kind', message: expect.any(String) }]);
    expect(await t.dataSource.query(`SELECT 1 FROM notification_preferences WHERE user_id = $1`, [requester.id])).toHaveLength(0);
    const silence = await director.api.put('/api/v1/notifications/preferences', { kind: 'ticket.major_incident', channel: 'none' });
    expect(silence.status).toBe(400);
    expect(silence.body.errors).toEqual([{ field: 'kind', message: expect.stringContaining('no puede cambiarse') }]);
    const approvals = await director.api.put('/api/v1/notifications/preferences', { kind: 'ticket.approval_requested', channel: 'in_app' });
    expect(approvals.status).toBe(400);
    const badChannel = await director.api.put('/api/v1/notifications/preferences', { kind: 'ticket.assigned', channel: 'sms' });
    expect(badChannel.body.errors).toEqual([{ field: 'channel', message: expect.any(String) }]);
    // A stored row for an immutable kind (put there by hand) is ignored all the same.
    await t.dataSource.query(`INSERT INTO notification_preferences (user_id, kind, channel) VALUES ($1, 'ticket.major_incident', 'none')`, [director.id]);

    const prefs = await resolverL2.api.put('/api/v1/notifications/preferences', { kind: 'ticket.assigned', channel: 'in_app' }).expect(200);
    expect(prefs.body.items).toContainEqual(expect.objectContaining({ kind: 'ticket.assigned', channel: 'in_app', mutable: true }));
    expect(prefs.body.items).toContainEqual(expect.objectContaining({ kind: 'ticket.approval_requested', channel: 'both', mutable: false }));
    await coordinatorL2.api.put('/api/v1/notifications/preferences', { kind: 'ticket.escalated', channel: 'email' }).expect(200);

    const before = (await notices(coordinatorL2)).length;
    const ticket = await atLevel2('Sin acceso al portal de proveedores');
    const major = await openTicket(agent.api, { requesterId: requester.id, title: 'Caída del correo', isMajor: true });
    await deliver();
    // In-app only for the resolver's assignment; e-mail only for the coordinator's escalation.
    expect(mailsTo(resolverL2)).toEqual([]);
    expect(await notices(resolverL2)).toContainEqual(expect.objectContaining({ title: `Te asignaron el ticket ${ticket.number}` }));
    expect(mailsTo(coordinatorL2).map((m) => m.parsed.subject)).toEqual([`Ticket ${ticket.number} escalado a segundo nivel`]);
    expect((await notices(coordinatorL2)).length).toBe(before);
    // The director still gets the major incident both ways.
    expect(mailsTo(director).map((m) => m.parsed.subject)).toContain(`Incidente mayor: ${major.number}`);
    expect(await notices(director)).toContainEqual(expect.objectContaining({ title: `Incidente mayor: ${major.number}` }));
    await resolverL2.api.put('/api/v1/notifications/preferences', { kind: 'ticket.assigned', channel: 'both' }).expect(200);
    await coordinatorL2.api.put('/api/v1/notifications/preferences', { kind: 'ticket.escalated', channel: 'both' }).expect(200);
  });

  it('never sends an internal notice to someone who is not desk staff, even if a team names them', async () => {
    const outsider = await person(t, ['requester'], { fullName: 'Fuera de la mesa' });
    const odd = await createTeam(t.dataSource, { supportLevel: '2', coordinatorId: outsider.id });
    const ticket = await openTicket(requester.api, { title: 'Equipo raro' });
    await actOk(agent.api, ticket.id, 'escalate', { kind: 'functional', teamId: odd.id, reason: 'Prueba' });
    await deliver();
    expect(await notices(outsider)).toEqual([]);
    expect(mailsTo(outsider)).toEqual([]);
  });

  it('tells the bell live, on the ticket stream the portal already holds, once the relay has committed', async () => {
    const token = await createApiToken(t.dataSource, resolverL2.id);
    const stream = await openTicketEvents(t.url, { token });
    try {
      await waitFor(() => stream.status === 200, 5000, 'stream open');
      // Give the API's Redis subscription a moment (it subscribes on the first stream).
      await new Promise((r) => setTimeout(r, 300));
      await atLevel2('Monitor parpadea');
      await deliver();
      await waitFor(() => /event: notification/.test(stream.body), 5000, 'notification event');
      const unread = (await resolverL2.api.get('/api/v1/notifications?unread=true').expect(200)).body.unread as number;
      expect(unread).toBeGreaterThan(0);
      await resolverL2.api.post('/api/v1/notifications/read-all').expect(204);
      expect((await resolverL2.api.get('/api/v1/notifications').expect(200)).body.unread).toBe(0);
    } finally {
      stream.close();
    }
  });

  it('reaches the service’s level-2 and level-3 support teams when the catalog changes (GCS 4.1–4.3 act. 5)', async () => {
    const manager = await person(t, ['catalog_manager']);
    const service = await createService(t.dataSource, { teamL2Id: teamL2.id, teamL3Id: teamL3.id });
    const current = (await manager.api.get(`/api/v1/catalog/services/${service.id}`).expect(200)).body;
    await manager.api.patch(`/api/v1/catalog/services/${service.id}`, { description: 'Nueva ficha', version: current.version }).expect(200);
    await deliver();
    for (const p of [resolverL2, coordinatorL2, resolverL3, coordinatorL3, agent]) {
      expect((await notices(p)).some((n) => n.kind.startsWith('catalog.'))).toBe(true);
    }
    expect((await notices(requester)).some((n) => n.kind.startsWith('catalog.'))).toBe(false);
  });

  it('lists an approval waiting for a staff-only approver in "Requiere mi acción"', async () => {
    const unit = await createOrganisation(t.dataSource, { kind: 'responsible_unit', name: 'Dirección de Informática' });
    await t.dataSource.query('UPDATE organisations SET head_user_id = $1 WHERE id = $2', [director.id, unit.id]);
    const asker = await person(t, ['requester'], { organisationId: unit.id });
    const manager = await person(t, ['catalog_manager']);
    const service = (
      await manager.api
        .post('/api/v1/catalog/services', {
          code: 'SIGUE-09',
          name: 'Acceso a SIGUE',
          category: 'Aplicaciones',
          type: 'service_request',
          status: 'active',
          approval: 'requester_head',
        })
        .expect(201)
    ).body;
    const ticket = await openTicket(asker.api, { type: 'service_request', serviceId: service.id, title: 'Consulta de expedientes' });
    const mine = (await director.api.get('/api/v1/tickets/my-action').expect(200)).body;
    expect(mine.items).toContainEqual(expect.objectContaining({ id: ticket.id, reason: 'approval' }));
    expect(mine.counts.approval).toBe(1);
    // A requester has no such view.
    await asker.api.get('/api/v1/tickets/my-action').expect(403);
  });
});

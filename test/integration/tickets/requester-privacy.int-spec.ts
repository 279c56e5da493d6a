import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { HideInternalAttachmentHistory1795943781815 } from '../../../migrations/1795943781815-hide-internal-attachment-history';
import { OutboxRelayService } from '../../../src/modules/outbox/outbox-relay.service';
import { TicketEventsStream } from '../../../src/modules/tickets/ticket-events.stream';
import { WorkerModule } from '../../../src/worker.module';
import { createTestApp, type TestApp } from '../../support/app';
import { createOrganisation, createUser } from '../../support/factories';
import { bearer, createApiToken } from '../../support/routes';
import { actOk, apiAs, createTeam, getTicket, openTicket, ticketUrl, type Person } from '../../support/tickets';
import type { Role } from '../../../src/common/auth/roles';
import { TINY_PNG } from '../../support/files';
import { type EventStream, openTicketEvents, waitFor } from '../../support/sse';

const dataDir = join(tmpdir(), `mesa-test-privacy-${process.pid}`);

// What the desk writes for itself while routing; none of it may reach a requester.
const SECRET = {
  assign: 'Asignado a N2: el solicitante es conflictivo',
  escalate: 'Escalado porque el jefe del solicitante lo exige',
  reassign: 'Reasignado: el resolutor anterior no quiso atenderlo',
  hierarchical: 'Escalamiento jerárquico: lleva tres días sin avance',
  resolve: 'Nota de cierre: el usuario no sabe usar Excel',
  file: 'expediente-disciplinario.pdf',
};

describe('What a requester sees of their tickets (issue 9, items 1, 7, 8 and 9)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let tokens: Map<string, string>;
  const people: Record<'requester' | 'other' | 'agent' | 'coordinatorL2' | 'resolverL2' | 'resolverL2b', Person> = {} as never;
  let teamL2: { id: string };

  async function someone(roles: Role[], organisationId: string | null = null): Promise<Person> {
    const user = await createUser(t.dataSource, { roles, organisationId });
    const token = await createApiToken(t.dataSource, user.id);
    tokens.set(user.id, token);
    return { ...user, api: apiAs(t.url, token) };
  }

  beforeAll(async () => {
    t = await createTestApp({ env: { DATA_DIR: dataDir } });
    worker = await NestFactory.createApplicationContext(WorkerModule.register(t.config), { logger: false });
    await t.app.get(TicketEventsStream).ready();
    tokens = new Map();
    people.requester = await someone(['requester'], (await createOrganisation(t.dataSource)).id);
    people.other = await someone(['requester'], (await createOrganisation(t.dataSource)).id);
    people.agent = await someone(['agent_l1']);
    people.coordinatorL2 = await someone(['team_coordinator']);
    people.resolverL2 = await someone(['resolver_l2']);
    people.resolverL2b = await someone(['resolver_l2']);
    teamL2 = await createTeam(t.dataSource, {
      supportLevel: '2',
      coordinatorId: people.coordinatorL2.id,
      memberIds: [people.resolverL2.id, people.resolverL2b.id],
    });
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const tokenOf = (p: Person) => tokens.get(p.id)!;
  const mentionsAnySecret = (text: string, otherNumber: string) => [...Object.values(SECRET), otherNumber].filter((s) => text.includes(s));

  describe('routing reasons, internal-note files and other requesters’ numbers', () => {
    type Ticket = Awaited<ReturnType<typeof openTicket>>;
    let assigned: Ticket;
    let escalated: Ticket;
    let others: Ticket;
    let mine: EventStream;
    let desk: EventStream;

    beforeAll(async () => {
      const { requester, other, agent, coordinatorL2, resolverL2, resolverL2b } = people;
      mine = await openTicketEvents(t.url, { token: tokenOf(requester) });
      desk = await openTicketEvents(t.url, { token: tokenOf(agent) });
      await t.app.get(TicketEventsStream).ready();
      assigned = await openTicket(requester.api, { title: 'La impresora no imprime' });
      escalated = await openTicket(requester.api, { title: 'Sin acceso a la VPN' });
      others = await openTicket(other.api, { title: 'Ticket de otra dependencia' });
      // Assignment and escalation write their reason on the row that moves the ticket to "assigned".
      await actOk(agent.api, assigned.id, 'assign', { teamId: teamL2.id, assigneeId: resolverL2.id, reason: SECRET.assign });
      await actOk(agent.api, escalated.id, 'escalate', { kind: 'functional', teamId: teamL2.id, reason: SECRET.escalate });
      // Changes with nothing for the requester: a reassignment within the team, a hierarchical escalation, an internal note with a file.
      await actOk(coordinatorL2.api, assigned.id, 'assign', { teamId: teamL2.id, assigneeId: resolverL2b.id, reason: SECRET.reassign });
      await actOk(coordinatorL2.api, escalated.id, 'escalate', { kind: 'hierarchical', reason: SECRET.hierarchical });
      const note = await agent.api.post(ticketUrl(assigned.id, '/articles'), { kind: 'internal', body: 'Ver expediente adjunto' }).expect(201);
      await request(t.url)
        .post(ticketUrl(assigned.id, '/attachments'))
        .set(bearer(tokenOf(agent)))
        .field('articleId', note.body.id)
        .attach('file', Buffer.from('%PDF-1.4'), { filename: SECRET.file, contentType: 'application/pdf' })
        .expect(201);
      // A link names the other requester's ticket in both histories.
      await agent.api.post(ticketUrl(assigned.id, '/links'), { toTicketId: others.id, kind: 'related_to' }).expect(201);
      await actOk(resolverL2b.api, assigned.id, 'transitions', { to: 'resolved', solution: 'Se cambió el cartucho', reason: SECRET.resolve });
      // Both streams carry one ordered channel: once each has the last change, nothing earlier is still on its way.
      await waitFor(() => desk.events.some((e) => e.ticketId === assigned.id && e.kind === 'state'));
      await waitFor(() => mine.events.some((e) => e.ticketId === assigned.id && e.kind === 'state'));
      mine.close();
      desk.close();
      expect((await worker.get(OutboxRelayService).relayBatch()).failed).toBe(0);
    });

    it('shows the requester the history’s states without the desk’s reasons, files or links', async () => {
      const { requester, other, agent } = people;
      const staffText = JSON.stringify((await agent.api.get(ticketUrl(assigned.id, '/history')).expect(200)).body);
      expect(mentionsAnySecret(staffText, others.number)).toEqual(
        expect.arrayContaining([SECRET.assign, SECRET.reassign, SECRET.file, SECRET.resolve, others.number]),
      );
      for (const ticket of [assigned, escalated]) {
        const history = (await requester.api.get(ticketUrl(ticket.id, '/history')).expect(200)).body.items as {
          action: string;
          field: string;
          newValue: string;
          reason: string | null;
        }[];
        expect(mentionsAnySecret(JSON.stringify(history), others.number)).toEqual([]);
        expect(history).toEqual(
          expect.arrayContaining([expect.objectContaining({ action: 'transition', field: 'state', newValue: 'assigned', reason: null })]),
        );
        expect(history.map((h) => h.action)).not.toEqual(expect.arrayContaining(['assign', 'escalate', 'link']));
      }
      const otherHistory = (await other.api.get(ticketUrl(others.id, '/history')).expect(200)).body;
      expect(JSON.stringify(otherHistory)).not.toContain(assigned.number);
    });

    it('streams the requester only changes they can see, without routing details', () => {
      expect(mine.events.map((e) => [e.ticketId === assigned.id ? 'assigned' : 'escalated', e.kind])).toEqual([
        ['assigned', 'created'],
        ['escalated', 'created'],
        ['assigned', 'assigned'],
        ['escalated', 'escalated'],
        ['assigned', 'state'],
      ]);
      for (const event of mine.events) expect(Object.keys(event).sort()).toEqual(['actorId', 'at', 'kind', 'number', 'state', 'ticketId', 'version']);
      expect(desk.events.filter((e) => e.ticketId === assigned.id).map((e) => e.kind)).toEqual(['created', 'assigned', 'assigned', 'article', 'state']);
    });

    it('notifies the requester in the portal without the desk’s reasons', async () => {
      const notifications = (await people.requester.api.get('/api/v1/notifications').expect(200)).body.items as { kind: string }[];
      expect(notifications.map((n) => n.kind).sort()).toEqual(['ticket.created', 'ticket.created', 'ticket.resolved']);
      expect(mentionsAnySecret(JSON.stringify(notifications), others.number)).toEqual([]);
    });

    it('mails the requester without the desk’s reasons', async () => {
      const mails = (await t.dataSource.query(`SELECT template, subject, html, text FROM mail_messages WHERE recipient_id = $1`, [people.requester.id])) as {
        template: string;
      }[];
      expect(mails.map((m) => m.template).sort()).toEqual(['ticket.created', 'ticket.created', 'ticket.resolved']);
      expect(mentionsAnySecret(JSON.stringify(mails), others.number)).toEqual([]);
    });
  });

  it('hides the names of internal-note files recorded before history rows carried the flag', async () => {
    const { requester, agent } = people;
    const ticket = await openTicket(requester.api, { title: 'Historial anterior' });
    const note = await agent.api.post(ticketUrl(ticket.id, '/articles'), { kind: 'internal', body: 'Adjunto el oficio interno' }).expect(201);
    await request(t.url)
      .post(ticketUrl(ticket.id, '/attachments'))
      .set(bearer(tokenOf(agent)))
      .field('articleId', note.body.id)
      .attach('file', Buffer.from('%PDF-1.4'), { filename: 'oficio-interno.pdf', contentType: 'application/pdf' })
      .expect(201);
    await request(t.url)
      .post(ticketUrl(ticket.id, '/attachments'))
      .set(bearer(tokenOf(requester)))
      .attach('file', TINY_PNG, { filename: 'captura.png', contentType: 'image/png' })
      .expect(201);
    // As the rows were written before: every attachment row public.
    await t.dataSource.query(`UPDATE ticket_history SET internal = false WHERE ticket_id = $1 AND action = 'attachment'`, [ticket.id]);
    const runner = t.dataSource.createQueryRunner();
    try {
      await new HideInternalAttachmentHistory1795943781815().up(runner);
    } finally {
      await runner.release();
    }
    const files = ((await requester.api.get(ticketUrl(ticket.id, '/history')).expect(200)).body.items as { action: string; newValue: string }[]).filter(
      (h) => h.action === 'attachment',
    );
    expect(files.map((h) => h.newValue)).toEqual(['captura.png']);
  });

  it('refuses to merge tickets of different requesters, and merges a requester’s own duplicate without the desk’s reason', async () => {
    const { requester, other, agent } = people;
    const original = await openTicket(requester.api, { title: 'Monitor parpadea' });
    const foreign = await openTicket(other.api, { title: 'Mi monitor también parpadea' });
    await other.api.post(ticketUrl(foreign.id, '/articles'), { body: 'Mi extensión es la 4455 y mi CURP es XAXX010101' }).expect(201);
    const refused = await agent.api.post(ticketUrl(foreign.id, '/merge'), {
      intoTicketId: original.id,
      version: (await getTicket(agent.api, foreign.id)).version,
    });
    expect({ status: refused.status, code: refused.body.code, field: refused.body.errors?.[0]?.field }).toEqual({
      status: 409,
      code: 'TICKET_MERGE_INVALID',
      field: 'intoTicketId',
    });
    const articles = (await requester.api.get(ticketUrl(original.id, '/articles')).expect(200)).body.items;
    expect(JSON.stringify(articles)).not.toContain('4455');
    expect((await getTicket(agent.api, foreign.id)).state).toBe('new');

    const duplicate = await openTicket(requester.api, { title: 'Otra vez el monitor' });
    const merged = await agent.api
      .post(ticketUrl(duplicate.id, '/merge'), { intoTicketId: original.id, version: duplicate.version, reason: 'El usuario abre tickets repetidos' })
      .expect(200);
    expect(merged.body.source).toMatchObject({ state: 'closed', mergedIntoId: original.id, closeReason: `Fusionado con ${original.number}` });
    const history = (await requester.api.get(ticketUrl(duplicate.id, '/history')).expect(200)).body.items;
    expect(history).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'merge', field: 'mergedIntoId', newValue: original.number, reason: null })]),
    );
    expect(JSON.stringify(history)).not.toContain('repetidos');
  });

  it('never makes a requester who heads their unit the approver of their own request', async () => {
    const manager = await someone(['catalog_manager']);
    const dependencyHead = await someone(['requester']);
    const ownerHead = await someone(['requester']);
    const dependency = await createOrganisation(t.dataSource, { kind: 'dependency' });
    const unit = await createOrganisation(t.dataSource, { kind: 'responsible_unit', parentId: dependency.id });
    const area = await createOrganisation(t.dataSource, { kind: 'area', parentId: unit.id });
    const ownerDependency = await createOrganisation(t.dataSource, { kind: 'dependency' });
    const ownerArea = await createOrganisation(t.dataSource, { kind: 'responsible_unit', parentId: ownerDependency.id });
    const head = await someone(['requester'], area.id);
    const setHead = (orgId: string, userId: string | null) => t.dataSource.query(`UPDATE organisations SET head_user_id = $1 WHERE id = $2`, [userId, orgId]);
    await setHead(area.id, head.id);
    await setHead(dependency.id, dependencyHead.id);
    const service = (
      await manager.api
        .post('/api/v1/catalog/services', {
          code: `APR-${Date.now()}`,
          name: 'Alta en el sistema de nómina',
          category: 'Aplicaciones',
          type: 'service_request',
          status: 'active',
          approval: 'requester_head',
          ownerOrganisationId: ownerArea.id,
        })
        .expect(201)
    ).body;
    const ask = () =>
      head.api.post('/api/v1/tickets', { type: 'service_request', serviceId: service.id, title: 'Acceso a nómina', description: 'Para revisar plantilla' });

    // The unit above has no titular: the walk goes on to the dependency's.
    expect((await ask().expect(201)).body).toMatchObject({ state: 'pending', approverId: dependencyHead.id });
    // Nobody above heads anything: the owner area's titular approves.
    await setHead(dependency.id, null);
    await setHead(ownerArea.id, ownerHead.id);
    const viaOwner = (await ask().expect(201)).body;
    expect(viaOwner).toMatchObject({ approverId: ownerHead.id });
    // Only the requester could approve: a clear refusal, never self-approval.
    await setHead(ownerArea.id, head.id);
    const refused = await ask();
    expect({ status: refused.status, code: refused.body.code, field: refused.body.errors?.[0]?.field }).toEqual({
      status: 400,
      code: 'TICKET_SERVICE_UNAVAILABLE',
      field: 'serviceId',
    });
    expect(refused.body.detail).toContain('propio solicitante');

    // A request stored before this rule that names its requester as approver cannot be self-approved.
    await t.dataSource.query(`UPDATE tickets SET approver_id = requester_id WHERE id = $1`, [viaOwner.id]);
    const self = await head.api.post(ticketUrl(viaOwner.id, '/approval'), { version: viaOwner.version, decision: 'approve' });
    expect({ status: self.status, code: self.body.code }).toEqual({ status: 403, code: 'TICKET_ACTION_FORBIDDEN' });
  });

  it('skips a disabled titular on the approval walk', async () => {
    const manager = await someone(['catalog_manager']);
    const dependency = await createOrganisation(t.dataSource, { kind: 'dependency' });
    const unit = await createOrganisation(t.dataSource, { kind: 'responsible_unit', parentId: dependency.id });
    const area = await createOrganisation(t.dataSource, { kind: 'area', parentId: unit.id });
    const requester = await someone(['requester'], area.id);
    const [disabledHead, unitHead] = [await someone(['requester']), await someone(['requester'])];
    await t.dataSource.query(`UPDATE users SET is_active = false WHERE id = $1`, [disabledHead.id]);
    await t.dataSource.query(`UPDATE organisations SET head_user_id = $1 WHERE id = $2`, [disabledHead.id, area.id]);
    await t.dataSource.query(`UPDATE organisations SET head_user_id = $1 WHERE id = $2`, [unitHead.id, unit.id]);
    const service = (
      await manager.api
        .post('/api/v1/catalog/services', {
          code: `APR-${Date.now()}`,
          name: 'Alta en el sistema de almacén',
          category: 'Aplicaciones',
          type: 'service_request',
          status: 'active',
          approval: 'requester_head',
        })
        .expect(201)
    ).body;
    const ticket = (
      await requester.api
        .post('/api/v1/tickets', { type: 'service_request', serviceId: service.id, title: 'Acceso a almacén', description: 'Para inventario' })
        .expect(201)
    ).body;
    expect(ticket).toMatchObject({ state: 'pending', approverId: unitHead.id });
  });
});

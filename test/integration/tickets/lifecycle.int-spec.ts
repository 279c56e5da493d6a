import { createTestApp, type TestApp } from '../../support/app';
import { createOrganisation } from '../../support/factories';
import {
  act,
  actOk,
  createService,
  createTeam,
  fieldsOf,
  getTicket,
  historyRows,
  openTicket,
  outboxRows,
  person,
  problemOf,
  TICKETS,
  ticketUrl,
  type HistoryRow,
  type Person,
} from '../../support/tickets';

const DEFAULT_CELLS = [
  { impact: 'high', urgency: 'high', priority: 'critical' },
  { impact: 'high', urgency: 'medium', priority: 'high' },
  { impact: 'high', urgency: 'low', priority: 'medium' },
  { impact: 'medium', urgency: 'high', priority: 'high' },
  { impact: 'medium', urgency: 'medium', priority: 'medium' },
  { impact: 'medium', urgency: 'low', priority: 'low' },
  { impact: 'low', urgency: 'high', priority: 'medium' },
  { impact: 'low', urgency: 'medium', priority: 'low' },
  { impact: 'low', urgency: 'low', priority: 'low' },
];

/** The comparable part of a history row (API or SQL). */
const step = (h: Pick<HistoryRow, 'action' | 'field' | 'oldValue' | 'newValue' | 'actorId'>) => [h.action, h.field, h.oldValue, h.newValue, h.actorId];

describe('ticket life cycle (GIS 2.1–2.3)', () => {
  let t: TestApp;
  let requester: Person;
  let agent: Person;
  let deskCoordinator: Person;
  let admin: Person;
  let deskTeam: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    const org = await createOrganisation(t.dataSource, { kind: 'dependency' });
    [requester, agent, deskCoordinator, admin] = await Promise.all([
      person(t, ['requester'], { organisationId: org.id }),
      person(t, ['agent_l1']),
      person(t, ['desk_coordinator']),
      person(t, ['admin']),
    ]);
    deskTeam = await createTeam(t.dataSource, { supportLevel: '1', memberIds: [agent.id] });
  });
  afterAll(() => t?.close());

  describe('registration', () => {
    it('opens a portal ticket for the requester: numbered, Nuevo, priority from the matrix (medium/medium → medium)', async () => {
      const res = await requester.api.post(TICKETS, { title: 'No enciende el monitor', description: 'El monitor no enciende desde ayer.' }).expect(201);
      expect(res.body).toMatchObject({
        state: 'new',
        channel: 'portal',
        type: 'incident',
        requesterId: requester.id,
        createdById: requester.id,
        impact: 'medium',
        urgency: 'medium',
        priority: 'medium',
        supportLevel: null, // routing is staff-only (issue 9 attack review)
        version: 1,
      });
      expect(res.body.number).toMatch(/^\d{4}-\d{6}$/);
      const rows = await historyRows(t.dataSource, res.body.id);
      expect(rows.map(step)).toEqual([
        ['create', 'state', null, 'new', requester.id],
        ['field', 'priority', null, 'medium', requester.id],
      ]);
      expect((await outboxRows(t.dataSource, res.body.id)).map((o) => o.event)).toEqual(['ticket.created']);
    });

    it.each([
      ['impact', { impact: 'high' }],
      ['urgency', { urgency: 'high' }],
      ['isMajor', { isMajor: true }],
      ['letterNumber', { letterNumber: 'OF-1/2026' }],
    ])('refuses a requester who sets %s (403 naming the field)', async (field, extra) => {
      const res = await requester.api.post(TICKETS, { title: 'Clasificación propia', description: 'Intento clasificar.', ...extra });
      expect(problemOf(res)).toEqual({ status: 403, code: 'TICKET_ACTION_FORBIDDEN', fields: [field] });
    });

    it('refuses a requester who opens a ticket for someone else, but accepts their own id', async () => {
      const other = await person(t, ['requester']);
      const res = await requester.api.post(TICKETS, { title: 'Para un compañero', description: 'Lo pido por otra persona.', requesterId: other.id });
      expect(problemOf(res)).toEqual({ status: 403, code: 'TICKET_ACTION_FORBIDDEN', fields: ['requesterId'] });
      const own = await requester.api.post(TICKETS, { title: 'Para mí', description: 'Lo pido yo.', requesterId: requester.id }).expect(201);
      expect(own.body.requesterId).toBe(requester.id);
      expect(await t.dataSource.query(`SELECT 1 FROM tickets WHERE requester_id = $1`, [other.id])).toHaveLength(0);
    });

    it.each(['phone', 'email', 'letter'])('refuses a requester who registers by channel %s (403 field channel)', async (channel) => {
      const res = await requester.api.post(TICKETS, { title: 'Canal', description: 'Canal no permitido.', channel });
      expect(problemOf(res)).toEqual({ status: 403, code: 'TICKET_CHANNEL_FORBIDDEN', fields: ['channel'] });
    });

    it('lets an agent register a phone call on behalf of the requester', async () => {
      const res = await agent.api
        .post(TICKETS, {
          requesterId: requester.id,
          title: 'Llamada: sin red',
          description: 'Reporta por teléfono que no tiene red.',
          impact: 'high',
          urgency: 'medium',
        })
        .expect(201);
      expect(res.body).toMatchObject({ requesterId: requester.id, createdById: agent.id, channel: 'phone', priority: 'high', state: 'new' });
      const [created] = await historyRows(t.dataSource, res.body.id);
      expect(created).toMatchObject({ action: 'create', actorId: agent.id, reason: 'Registrado a nombre del solicitante (canal: teléfono)' });
    });

    it('rejects an unknown requester on the requesterId field', async () => {
      const res = await agent.api.post(TICKETS, { requesterId: '00000000-0000-4000-8000-000000000000', title: 'Fantasma', description: 'No existe.' });
      expect(problemOf(res)).toEqual({ status: 400, code: 'VALIDATION_FAILED', fields: ['requesterId'] });
    });

    it('lets only the desk coordinator register a letter (oficio), and only with its number', async () => {
      const body = { requesterId: requester.id, channel: 'letter', title: 'Oficio: alta de usuario', description: 'Se recibe oficio solicitando alta.' };
      const byAgent = await agent.api.post(TICKETS, { ...body, letterNumber: 'DGTIT/0001/2026' });
      expect(problemOf(byAgent)).toEqual({ status: 403, code: 'TICKET_CHANNEL_FORBIDDEN', fields: ['channel'] });
      const withoutNumber = await deskCoordinator.api.post(TICKETS, body);
      expect(problemOf(withoutNumber)).toEqual({ status: 400, code: 'VALIDATION_FAILED', fields: ['letterNumber'] });
      const ok = await deskCoordinator.api.post(TICKETS, { ...body, letterNumber: 'DGTIT/0001/2026' }).expect(201);
      expect(ok.body).toMatchObject({ channel: 'letter', letterNumber: 'DGTIT/0001/2026', createdById: deskCoordinator.id, requesterId: requester.id });
    });

    it('gives a VIP requester at least Alta, even with low impact and urgency', async () => {
      const vip = await person(t, ['requester'], { isVip: true });
      const byAgent = await agent.api
        .post(TICKETS, { requesterId: vip.id, title: 'Secretario: mouse', description: 'Cambiar mouse.', impact: 'low', urgency: 'low' })
        .expect(201);
      expect(byAgent.body.priority).toBe('high');
      const byPortal = await openTicket(vip.api);
      expect(byPortal.priority).toBe('high');
      const rows = await historyRows(t.dataSource, byAgent.body.id);
      expect(rows.find((r) => r.field === 'priority')).toMatchObject({ newValue: 'high', reason: expect.stringMatching(/VIP/) });
    });

    it.each(['draft', 'retired'] as const)('refuses a %s catalog service (400 TICKET_SERVICE_UNAVAILABLE on serviceId)', async (status) => {
      const service = await createService(t.dataSource, { status });
      for (const api of [requester.api, agent.api]) {
        const res = await api.post(TICKETS, { serviceId: service.id, title: 'Servicio no activo', description: 'Pido un servicio no activo.' });
        expect(problemOf(res)).toEqual({ status: 400, code: 'TICKET_SERVICE_UNAVAILABLE', fields: ['serviceId'] });
      }
      expect(await t.dataSource.query(`SELECT 1 FROM tickets WHERE service_id = $1`, [service.id])).toHaveLength(0);
    });

    it('accepts an active catalog service and refuses one the portal does not offer to requesters', async () => {
      const active = await createService(t.dataSource);
      const ticket = await openTicket(requester.api, { serviceId: active.id });
      expect(ticket.serviceId).toBe(active.id);
      const deskOnly = await createService(t.dataSource, { portalOrderable: false });
      const res = await requester.api.post(TICKETS, { serviceId: deskOnly.id, title: 'Interno', description: 'Servicio interno.' });
      expect(problemOf(res)).toEqual({ status: 400, code: 'TICKET_SERVICE_UNAVAILABLE', fields: ['serviceId'] });
      await openTicket(agent.api, { requesterId: requester.id, serviceId: deskOnly.id });
    });
  });

  describe('priority', () => {
    it('recomputes the priority when impact or urgency change, with a history row for each field', async () => {
      const ticket = await openTicket(agent.api, { requesterId: requester.id });
      const res = await agent.api
        .patch(ticketUrl(ticket.id), { version: ticket.version, impact: 'high', urgency: 'high', reason: 'Afecta a toda la dirección' })
        .expect(200);
      expect(res.body).toMatchObject({ impact: 'high', urgency: 'high', priority: 'critical', version: ticket.version + 1 });
      const rows = (await historyRows(t.dataSource, ticket.id)).slice(2);
      expect(rows.map(step)).toEqual([
        ['field', 'impact', 'medium', 'high', agent.id],
        ['field', 'urgency', 'medium', 'high', agent.id],
        ['field', 'priority', 'medium', 'critical', agent.id],
      ]);
      expect(rows[0].reason).toBe('Afecta a toda la dirección');
      const lower = await agent.api.patch(ticketUrl(ticket.id), { version: res.body.version, urgency: 'low' }).expect(200);
      expect(lower.body.priority).toBe('medium');
    });

    it('refuses a matrix where more impact gives less priority, naming the cell, and keeps the old one', async () => {
      const cells = DEFAULT_CELLS.map((c) => (c.impact === 'high' && c.urgency === 'medium' ? { ...c, priority: 'low' } : c));
      const res = await admin.api.put('/api/v1/priority-matrix', { cells }).expect(400);
      expect(res.body.code).toBe('PRIORITY_MATRIX_NOT_MONOTONIC');
      const index = cells.findIndex((c) => c.impact === 'high' && c.urgency === 'medium');
      expect(res.body.errors).toEqual([
        {
          field: `cells.${index}.priority`,
          message: 'Impacto alto × urgencia media da Baja, menos que Media con impacto medio: más impacto o urgencia nunca puede bajar la prioridad.',
        },
      ]);
      expect((await agent.api.get('/api/v1/priority-matrix').expect(200)).body.matrix.high.medium).toBe('high');
    });

    it('uses a matrix edited by the admin for new tickets, and only the admin may edit it', async () => {
      const cells = DEFAULT_CELLS.map((c) => (c.impact === 'medium' && c.urgency === 'medium' ? { ...c, priority: 'high' } : c));
      const forbidden = await agent.api.put('/api/v1/priority-matrix', { cells });
      expect(forbidden.status).toBe(403);
      try {
        const res = await admin.api.put('/api/v1/priority-matrix', { cells }).expect(200);
        expect(res.body.matrix.medium.medium).toBe('high');
        expect((await agent.api.get('/api/v1/priority-matrix').expect(200)).body.matrix.medium.medium).toBe('high');
        expect((await openTicket(requester.api)).priority).toBe('high');
      } finally {
        await admin.api.put('/api/v1/priority-matrix', { cells: DEFAULT_CELLS }).expect(200);
      }
      expect((await openTicket(requester.api)).priority).toBe('medium');
    });
  });

  describe('state machine', () => {
    it('walks new → assigned → in progress → pending → (requester replies) → resolved → rejected → resolved → confirmed closed, with history for every step', async () => {
      const opened = await openTicket(requester.api, { title: 'No imprime la impresora del piso 3', description: 'Sale una hoja en blanco.' });
      const id = opened.id;

      const assigned = await actOk(agent.api, id, 'assign', { teamId: deskTeam.id, reason: 'Primer nivel' });
      expect(assigned).toMatchObject({ state: 'assigned', teamId: deskTeam.id, assigneeId: null });

      expect(await actOk(agent.api, id, 'transitions', { to: 'in_progress' })).toMatchObject({ state: 'in_progress', firstResponseAt: expect.any(String) });
      expect(await actOk(agent.api, id, 'transitions', { to: 'pending', pendingReason: 'requester', reason: '¿Qué modelo es?' })).toMatchObject({
        state: 'pending',
        pendingReason: 'requester',
      });

      // The requester's public reply resumes the ticket.
      const reply = await requester.api.post(ticketUrl(id, '/articles'), { body: 'Es una HP LaserJet 400.' }).expect(201);
      expect(reply.body).toMatchObject({ kind: 'public', authorId: requester.id });
      expect(await getTicket(agent.api, id)).toMatchObject({ state: 'in_progress', pendingReason: null });

      const noSolution = await act(agent.api, id, 'transitions', { to: 'resolved' });
      expect(problemOf(noSolution)).toEqual({ status: 400, code: 'TICKET_TRANSITION_INCOMPLETE', fields: ['solution'] });
      const blankSolution = await act(agent.api, id, 'transitions', { to: 'resolved', solution: '   ' });
      expect(fieldsOf(blankSolution)).toEqual(['solution']);
      expect(await actOk(agent.api, id, 'transitions', { to: 'resolved', solution: 'Se reinstaló el controlador.' })).toMatchObject({
        state: 'resolved',
        solution: 'Se reinstaló el controlador.',
        resolvedAt: expect.any(String),
      });

      // The requester rejects the solution: a reason is required, and it counts as a reopening.
      const noReason = await act(requester.api, id, 'transitions', { to: 'in_progress' });
      expect(problemOf(noReason)).toEqual({ status: 400, code: 'TICKET_TRANSITION_INCOMPLETE', fields: ['reason'] });
      expect(await actOk(requester.api, id, 'transitions', { to: 'in_progress', reason: 'Sigue saliendo en blanco.' })).toMatchObject({
        state: 'in_progress',
        reopenCount: 1,
        resolvedAt: null,
      });

      await actOk(agent.api, id, 'transitions', { to: 'resolved', solution: 'Se cambió el tóner.' });
      const closed = await actOk(requester.api, id, 'transitions', { to: 'closed' });
      expect(closed).toMatchObject({ state: 'closed', closedAt: expect.any(String), reopenCount: 1 });

      const api = (await agent.api.get(ticketUrl(id, '/history')).expect(200)).body.items as HistoryRow[];
      const sql = await historyRows(t.dataSource, id);
      expect(api.map(step)).toEqual(sql.map(step));
      expect(sql.map(step)).toEqual([
        ['create', 'state', null, 'new', requester.id],
        ['field', 'priority', null, 'medium', requester.id],
        ['assign', 'teamId', null, deskTeam.id, agent.id],
        ['transition', 'state', 'new', 'assigned', agent.id],
        ['transition', 'state', 'assigned', 'in_progress', agent.id],
        ['transition', 'state', 'in_progress', 'pending', agent.id],
        ['field', 'pendingReason', null, 'requester', agent.id],
        ['article', 'public', null, reply.body.id, requester.id],
        ['transition', 'state', 'pending', 'in_progress', requester.id],
        ['transition', 'state', 'in_progress', 'resolved', agent.id],
        ['field', 'solution', null, 'Se reinstaló el controlador.', agent.id],
        ['transition', 'state', 'resolved', 'in_progress', requester.id],
        ['field', 'reopenCount', '0', '1', requester.id],
        ['transition', 'state', 'in_progress', 'resolved', agent.id],
        ['field', 'solution', 'Se reinstaló el controlador.', 'Se cambió el tóner.', agent.id],
        ['transition', 'state', 'resolved', 'closed', requester.id],
      ]);
      for (const row of [...api, ...sql]) {
        expect(row.actorId).toEqual(expect.any(String));
        expect(Number.isNaN(Date.parse(row.at))).toBe(false);
      }
      expect(sql.find((r) => r.oldValue === 'resolved')?.reason).toBe('Sigue saliendo en blanco.');

      const events = (await outboxRows(t.dataSource, id)).map((o) => o.event);
      expect(events.filter((e) => e === 'ticket.created')).toHaveLength(1);
      expect(events.filter((e) => e === 'ticket.resolved')).toHaveLength(2);
      expect(events.filter((e) => e === 'ticket.closed')).toHaveLength(1);
      expect(events).toContain('ticket.assigned');
    });

    it('tells the desk when a requester’s reply resumes a ticket pending on them (outbox ticket.state_changed)', async () => {
      const ticket = await openTicket(requester.api);
      await agent.api.post(ticketUrl(ticket.id, '/take'), {}).expect(200);
      await actOk(agent.api, ticket.id, 'transitions', { to: 'pending', pendingReason: 'requester', reason: 'Necesito el número de serie.' });
      const paused = (await outboxRows(t.dataSource, ticket.id)).at(-1);
      expect(paused).toMatchObject({ event: 'ticket.state_changed', payload: { from: 'in_progress', to: 'pending' } });

      await requester.api.post(ticketUrl(ticket.id, '/articles'), { body: 'Serie MXL1234.' }).expect(201);
      expect((await getTicket(agent.api, ticket.id)).state).toBe('in_progress');
      // The SLA clock paused on the first event; it must hear that the wait is over.
      expect((await outboxRows(t.dataSource, ticket.id)).at(-1)).toMatchObject({
        event: 'ticket.state_changed',
        payload: expect.objectContaining({ from: 'pending', to: 'in_progress', actorId: requester.id }),
      });
    });

    it('keeps a closed ticket read-only: no replies, notes or edits (409 TICKET_READ_ONLY)', async () => {
      const ticket = await openTicket(requester.api);
      await actOk(agent.api, ticket.id, 'transitions', { to: 'resolved', solution: 'Atendido.' });
      const closed = await actOk(requester.api, ticket.id, 'transitions', { to: 'closed' });
      const before = await historyRows(t.dataSource, ticket.id);

      const reply = await requester.api.post(ticketUrl(ticket.id, '/articles'), { body: 'Una cosa más.' });
      expect(problemOf(reply)).toMatchObject({ status: 409, code: 'TICKET_READ_ONLY' });
      const note = await agent.api.post(ticketUrl(ticket.id, '/articles'), { kind: 'internal', body: 'Nota tardía.' });
      expect(problemOf(note)).toMatchObject({ status: 409, code: 'TICKET_READ_ONLY' });
      const edit = await agent.api.patch(ticketUrl(ticket.id), { version: closed.version, title: 'Otro título' });
      expect(problemOf(edit)).toMatchObject({ status: 409, code: 'TICKET_READ_ONLY' });
      const reassign = await act(agent.api, ticket.id, 'assign', { teamId: deskTeam.id });
      expect(problemOf(reassign)).toMatchObject({ status: 409, code: 'TICKET_READ_ONLY' });

      expect(await getTicket(agent.api, ticket.id)).toMatchObject({ title: ticket.title, version: closed.version });
      expect(await historyRows(t.dataSource, ticket.id)).toEqual(before);
      // Only the solution, written into the conversation when the ticket was resolved.
      expect(await t.dataSource.query(`SELECT origin FROM articles WHERE ticket_id = $1`, [ticket.id])).toEqual([{ origin: 'solution' }]);
    });

    it('answers an illegal transition with 409 and the allowed targets', async () => {
      const ticket = await openTicket(requester.api);
      const res = await act(agent.api, ticket.id, 'transitions', { to: 'closed' });
      expect(problemOf(res)).toEqual({ status: 409, code: 'TICKET_ILLEGAL_TRANSITION', fields: ['to'] });
      expect(res.body.allowed).toEqual(['assigned', 'in_progress', 'pending', 'resolved', 'declined', 'cancelled']);
      const byRequester = await act(requester.api, ticket.id, 'transitions', { to: 'resolved', solution: 'Ya quedó.' });
      expect(problemOf(byRequester)).toMatchObject({ status: 409, code: 'TICKET_ILLEGAL_TRANSITION' });
      expect(byRequester.body.allowed).toEqual(['cancelled']);
      expect((await getTicket(agent.api, ticket.id)).state).toBe('new');
    });

    it('declines a request for a service the desk does not offer only with a reason, and tells the requester (outbox ticket.declined)', async () => {
      const ticket = await openTicket(requester.api, { title: 'Reparar mi auto', description: 'El auto no arranca.' });
      const noReason = await act(agent.api, ticket.id, 'transitions', { to: 'declined' });
      expect(problemOf(noReason)).toEqual({ status: 400, code: 'TICKET_TRANSITION_INCOMPLETE', fields: ['reason'] });
      expect((await outboxRows(t.dataSource, ticket.id)).map((o) => o.event)).toEqual(['ticket.created']);

      const declined = await actOk(agent.api, ticket.id, 'transitions', { to: 'declined', reason: 'No es un servicio del catálogo de TI.' });
      expect(declined).toMatchObject({ state: 'declined', closeReason: 'No es un servicio del catálogo de TI.', closedAt: expect.any(String) });
      const events = await outboxRows(t.dataSource, ticket.id);
      expect(events.map((o) => o.event)).toEqual(['ticket.created', 'ticket.declined']);
      expect(events[1].payload).toMatchObject({ reason: 'No es un servicio del catálogo de TI.', from: 'new', to: 'declined', actorId: agent.id });
      const last = (await historyRows(t.dataSource, ticket.id)).at(-1);
      expect(last).toMatchObject({
        action: 'transition',
        oldValue: 'new',
        newValue: 'declined',
        actorId: agent.id,
        reason: 'No es un servicio del catálogo de TI.',
      });
    });

    it('does not close a letter ticket until the letter’s answer is recorded', async () => {
      const ticket = await openTicket(deskCoordinator.api, { requesterId: requester.id, channel: 'letter', letterNumber: 'DGTIT/0042/2026' });
      await actOk(agent.api, ticket.id, 'transitions', { to: 'resolved', solution: 'Se atendió lo solicitado en el oficio.' });

      const early = await act(agent.api, ticket.id, 'transitions', { to: 'closed' });
      expect(problemOf(early)).toEqual({ status: 409, code: 'TICKET_LETTER_ANSWER_REQUIRED', fields: ['letterAnswer'] });
      const byRequester = await act(requester.api, ticket.id, 'transitions', { to: 'closed' });
      expect(problemOf(byRequester)).toMatchObject({ status: 409, code: 'TICKET_LETTER_ANSWER_REQUIRED' });

      const { version } = await getTicket(agent.api, ticket.id);
      const answered = await agent.api.patch(ticketUrl(ticket.id), { version, letterAnswer: 'Oficio DGTIT/0050/2026 de respuesta.' }).expect(200);
      expect(answered.body.letterAnswer).toBe('Oficio DGTIT/0050/2026 de respuesta.');
      expect((await historyRows(t.dataSource, ticket.id)).at(-1)).toMatchObject({ action: 'field', field: 'letterAnswer', actorId: agent.id });

      expect(await actOk(agent.api, ticket.id, 'transitions', { to: 'closed' })).toMatchObject({ state: 'closed' });
      expect((await outboxRows(t.dataSource, ticket.id)).map((o) => o.event)).toContain('ticket.closed');
    });

    it('lets the requester withdraw an open ticket with a reason, but not edit it', async () => {
      const ticket = await openTicket(requester.api);
      const edit = await requester.api.patch(ticketUrl(ticket.id), { version: ticket.version, title: 'Cambio' });
      expect(edit.status).toBe(403);
      const cancelled = await actOk(requester.api, ticket.id, 'transitions', { to: 'cancelled', reason: 'Ya se resolvió solo.' });
      expect(cancelled).toMatchObject({ state: 'cancelled', closeReason: 'Ya se resolvió solo.' });
      expect((await historyRows(t.dataSource, ticket.id)).at(-1)).toMatchObject({ action: 'transition', newValue: 'cancelled', actorId: requester.id });
    });
  });
});

import { createTestApp, type TestApp } from '../../support/app';
import {
  act,
  actOk,
  createService,
  createTeam,
  getTicket,
  historyRows,
  openTicket,
  outboxRows,
  person,
  problemOf,
  ticketUrl,
  type Person,
} from '../../support/tickets';

describe('ticket escalation (GIS 2.2–2.3)', () => {
  let t: TestApp;
  let requester: Person;
  let agent: Person;
  let coordinatorL2: Person;
  let resolverL2: Person;
  let coordinatorL3: Person;
  let resolverL3: Person;
  let outsider: Person;
  let teamL2: { id: string };
  let teamL3: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    [requester, agent, coordinatorL2, resolverL2, coordinatorL3, resolverL3, outsider] = await Promise.all([
      person(t, ['requester']),
      person(t, ['agent_l1']),
      person(t, ['team_coordinator']),
      person(t, ['resolver_l2']),
      person(t, ['team_coordinator']),
      person(t, ['resolver_l3']),
      person(t, ['resolver_l2']),
    ]);
    teamL2 = await createTeam(t.dataSource, { supportLevel: '2', name: 'Redes N2', coordinatorId: coordinatorL2.id, memberIds: [resolverL2.id] });
    teamL3 = await createTeam(t.dataSource, { supportLevel: '3', name: 'Redes N3', coordinatorId: coordinatorL3.id, memberIds: [resolverL3.id] });
  });
  afterAll(() => t?.close());

  /** A ticket escalated by 1st level to the L2 team and handed to the L2 resolver. */
  async function atLevel2(title = 'Sin acceso a la VPN') {
    const ticket = await openTicket(requester.api, { title });
    await actOk(agent.api, ticket.id, 'escalate', { kind: 'functional', teamId: teamL2.id, reason: 'Requiere revisar el concentrador VPN.' });
    await actOk(coordinatorL2.api, ticket.id, 'assign', { teamId: teamL2.id, assigneeId: resolverL2.id, reason: 'Lo atiende Redes N2' });
    return ticket;
  }

  it('escalates functionally from 1st to 2nd level only with a reason', async () => {
    const ticket = await openTicket(requester.api);
    const { version } = ticket;
    const noReason = await agent.api.post(ticketUrl(ticket.id, '/escalate'), { version, kind: 'functional', teamId: teamL2.id });
    expect(problemOf(noReason)).toEqual({ status: 400, code: 'REQUEST_INVALID', fields: ['reason'] });
    const blank = await agent.api.post(ticketUrl(ticket.id, '/escalate'), { version, kind: 'functional', teamId: teamL2.id, reason: '  ' });
    expect(problemOf(blank)).toMatchObject({ status: 400, fields: ['reason'] });

    const res = await agent.api
      .post(ticketUrl(ticket.id, '/escalate'), { version, kind: 'functional', teamId: teamL2.id, reason: 'No se resolvió en primer nivel.' })
      .expect(200);
    expect(res.body).toMatchObject({ supportLevel: '2', teamId: teamL2.id, state: 'assigned', version: version + 1 });
    const rows = (await historyRows(t.dataSource, ticket.id)).slice(2);
    expect(rows[0]).toMatchObject({
      action: 'escalate',
      field: 'supportLevel',
      oldValue: '1',
      newValue: '2',
      actorId: agent.id,
      reason: 'No se resolvió en primer nivel.',
    });
    expect(rows.map((r) => [r.action, r.field, r.newValue])).toEqual(
      expect.arrayContaining([
        ['assign', 'teamId', teamL2.id],
        ['transition', 'state', 'assigned'],
      ]),
    );
    const escalated = (await outboxRows(t.dataSource, ticket.id)).filter((o) => o.event === 'ticket.escalated');
    expect(escalated).toEqual([expect.objectContaining({ payload: expect.objectContaining({ kind: 'functional', to: '2', teamId: teamL2.id }) })]);
  });

  it('takes the 2nd-level team from the catalog service when none is given', async () => {
    const service = await createService(t.dataSource, { teamL2Id: teamL2.id });
    const ticket = await openTicket(requester.api, { serviceId: service.id });
    const res = await actOk(agent.api, ticket.id, 'escalate', { kind: 'functional', reason: 'Pasa a segundo nivel.' });
    expect(res).toMatchObject({ supportLevel: '2', teamId: teamL2.id });
  });

  it('asks for the target team when neither the request nor the service names one', async () => {
    const ticket = await openTicket(requester.api);
    const res = await act(agent.api, ticket.id, 'escalate', { kind: 'functional', reason: 'Pasa a segundo nivel.' });
    expect(problemOf(res)).toEqual({ status: 400, code: 'VALIDATION_FAILED', fields: ['teamId'] });
    expect((await getTicket(agent.api, ticket.id)).supportLevel).toBe('1');
  });

  it('refuses a functional escalation to a team of another level than the one escalated to', async () => {
    const ticket = await openTicket(requester.api);
    // 1st level → 2nd level, but the team given is the 3rd-level one.
    const res = await act(agent.api, ticket.id, 'escalate', { kind: 'functional', teamId: teamL3.id, reason: 'Directo a tercer nivel.' });
    expect(problemOf(res)).toMatchObject({ status: 400, fields: ['teamId'] });
    const current = await getTicket(agent.api, ticket.id);
    expect({ supportLevel: current.supportLevel, teamId: current.teamId }).toEqual({ supportLevel: '1', teamId: null });
  });

  it('follows the full path: L2 may not jump to L3, returns to its coordinator, who escalates; L3 proposes and L2 validates', async () => {
    const ticket = await atLevel2();

    // GIS 2.3: a 2nd-level resolver does not escalate to 3rd level themself.
    const jump = await act(resolverL2.api, ticket.id, 'escalate', { kind: 'functional', toLevel: '3', teamId: teamL3.id, reason: 'Es del firewall.' });
    expect(problemOf(jump)).toMatchObject({ status: 409, code: 'TICKET_ESCALATION_NOT_ALLOWED' });
    expect(jump.body.hint).toBe('return_to_coordinator');

    const noReason = await act(resolverL2.api, ticket.id, 'return-to-coordinator', {});
    expect(problemOf(noReason)).toMatchObject({ status: 400, fields: ['reason'] });
    const returned = await actOk(resolverL2.api, ticket.id, 'return-to-coordinator', { reason: 'Es una regla del firewall central: requiere tercer nivel.' });
    expect(returned).toMatchObject({ assigneeId: coordinatorL2.id, teamId: teamL2.id, supportLevel: '2', state: 'assigned' });
    expect((await historyRows(t.dataSource, ticket.id)).filter((r) => r.field === 'returnedToCoordinator')).toEqual([
      expect.objectContaining({ action: 'escalate', newValue: coordinatorL2.id, actorId: resolverL2.id, reason: expect.stringContaining('firewall') }),
    ]);

    const toL3 = await actOk(coordinatorL2.api, ticket.id, 'escalate', {
      kind: 'functional',
      toLevel: '3',
      teamId: teamL3.id,
      reason: 'Validado por la coordinación de Redes N2.',
    });
    expect(toL3).toMatchObject({ supportLevel: '3', teamId: teamL3.id, state: 'assigned' });

    // 3rd level does not resolve on its own: it proposes, 2nd level validates (GIS 2.3 act. 6).
    const l3Resolves = await act(resolverL3.api, ticket.id, 'transitions', { to: 'resolved', solution: 'Se abrió el puerto 443.' });
    expect(problemOf(l3Resolves)).toMatchObject({ status: 409, code: 'TICKET_VALIDATION_REQUIRED' });
    const proposed = await actOk(resolverL3.api, ticket.id, 'proposed-solution', { solution: 'Se abrió el puerto 443 en el firewall central.' });
    expect(proposed.proposedSolution).toBe('Se abrió el puerto 443 en el firewall central.');

    const seenByRequester = await getTicket(requester.api, ticket.id);
    expect(seenByRequester.proposedSolution).toBeNull();
    const requesterHistory = await requester.api.get(ticketUrl(ticket.id, '/history')).expect(200);
    expect(JSON.stringify(requesterHistory.body)).not.toContain('puerto 443');
    expect(JSON.stringify(await requester.api.get(ticketUrl(ticket.id)).then((r) => r.body))).not.toContain('puerto 443');

    // The 2nd-level resolver who handed it up must still reach it to validate and record the solution.
    const reach = await resolverL2.api.get(ticketUrl(ticket.id));
    expect(problemOf(reach)).toMatchObject({ status: 200 });
    const validated = await resolverL2.api.post(ticketUrl(ticket.id, '/transitions'), {
      version: proposed.version,
      to: 'resolved',
      solution: 'Validado: se abrió el puerto 443 en el firewall central.',
    });
    expect(problemOf(validated)).toMatchObject({ status: 200 });
    expect(validated.body).toMatchObject({ state: 'resolved', solution: 'Validado: se abrió el puerto 443 en el firewall central.' });
  });

  it('lets the L2 coordinator validate and record a 3rd-level solution', async () => {
    const ticket = await atLevel2('Switch del piso 2 sin enlace');
    await actOk(coordinatorL2.api, ticket.id, 'escalate', { kind: 'functional', toLevel: '3', teamId: teamL3.id, reason: 'Falla de hardware.' });
    const proposed = await actOk(resolverL3.api, ticket.id, 'proposed-solution', { solution: 'Cambiar el módulo SFP.' });
    expect(problemOf(await coordinatorL2.api.get(ticketUrl(ticket.id)))).toMatchObject({ status: 200 });
    const res = await coordinatorL2.api.post(ticketUrl(ticket.id, '/transitions'), {
      version: proposed.version,
      to: 'resolved',
      solution: 'Se cambió el módulo SFP.',
    });
    expect(problemOf(res)).toMatchObject({ status: 200 });
  });

  it('does not let a 2nd-level resolver skip the coordinator by assigning the ticket to the 3rd-level team', async () => {
    const ticket = await atLevel2('Enlace caído en oficinas regionales');
    const res = await act(resolverL2.api, ticket.id, 'assign', { teamId: teamL3.id, reason: 'Mejor que lo vea N3.' });
    expect(problemOf(res)).toMatchObject({ status: 409, code: 'TICKET_ESCALATION_NOT_ALLOWED' });
    expect((await getTicket(agent.api, ticket.id)).supportLevel).toBe('2');
  });

  it('records a hierarchical escalation by a coordinator, and hides it from the requester', async () => {
    const ticket = await atLevel2('Caída del portal de trámites');
    const byAgent = await act(agent.api, ticket.id, 'escalate', { kind: 'hierarchical', reason: 'Urge.' });
    expect(problemOf(byAgent)).toMatchObject({ status: 409, code: 'TICKET_ESCALATION_NOT_ALLOWED', fields: ['kind'] });

    const res = await actOk(coordinatorL2.api, ticket.id, 'escalate', { kind: 'hierarchical', reason: 'Sin solución en 4 horas; se informa a la dirección.' });
    expect(res.hierarchicalEscalatedAt).toEqual(expect.any(String));
    expect(res).toMatchObject({ supportLevel: '2', teamId: teamL2.id, assigneeId: resolverL2.id });
    const events = (await outboxRows(t.dataSource, ticket.id)).filter((o) => o.event === 'ticket.escalated');
    expect(events.at(-1)?.payload).toMatchObject({ kind: 'hierarchical', priority: 'medium', actorId: coordinatorL2.id });
    expect((await historyRows(t.dataSource, ticket.id)).at(-1)).toMatchObject({ action: 'escalate', field: 'hierarchical', actorId: coordinatorL2.id });

    const seen = await getTicket(requester.api, ticket.id);
    expect(seen.hierarchicalEscalatedAt).toBeNull();
    const history = await requester.api.get(ticketUrl(ticket.id, '/history')).expect(200);
    expect(JSON.stringify(history.body)).not.toContain('dirección');
    expect((history.body.items as { field: string | null }[]).map((h) => h.field)).not.toContain('hierarchical');
  });

  it('tells the requester more time is needed: history and outbox ticket.more_time', async () => {
    const ticket = await atLevel2('Respaldo de base de datos');
    const noReason = await act(resolverL2.api, ticket.id, 'more-time', {});
    expect(problemOf(noReason)).toMatchObject({ status: 400, fields: ['reason'] });
    await actOk(resolverL2.api, ticket.id, 'more-time', { reason: 'Se requiere una ventana de mantenimiento el sábado.' });
    expect((await historyRows(t.dataSource, ticket.id)).at(-1)).toMatchObject({
      action: 'more_time',
      actorId: resolverL2.id,
      reason: 'Se requiere una ventana de mantenimiento el sábado.',
    });
    expect((await outboxRows(t.dataSource, ticket.id)).at(-1)).toMatchObject({
      event: 'ticket.more_time',
      payload: expect.objectContaining({ reason: 'Se requiere una ventana de mantenimiento el sábado.', actorId: resolverL2.id }),
    });
    const history = await requester.api.get(ticketUrl(ticket.id, '/history')).expect(200);
    expect(JSON.stringify(history.body)).toContain('ventana de mantenimiento');
  });

  it('refuses to assign a resolver who is not in the given team (400 on assigneeId)', async () => {
    const ticket = await openTicket(requester.api);
    const res = await act(agent.api, ticket.id, 'assign', { teamId: teamL2.id, assigneeId: outsider.id });
    expect(problemOf(res)).toEqual({ status: 400, code: 'VALIDATION_FAILED', fields: ['assigneeId'] });
    const requesterAsAssignee = await act(agent.api, ticket.id, 'assign', { assigneeId: requester.id });
    expect(problemOf(requesterAsAssignee)).toEqual({ status: 400, code: 'VALIDATION_FAILED', fields: ['assigneeId'] });
    const coordinator = await actOk(agent.api, ticket.id, 'assign', { teamId: teamL2.id, assigneeId: coordinatorL2.id });
    expect(coordinator).toMatchObject({ teamId: teamL2.id, assigneeId: coordinatorL2.id, supportLevel: '2' });
  });
});

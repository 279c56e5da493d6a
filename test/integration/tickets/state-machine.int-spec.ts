import { createTestApp, type TestApp } from '../../support/app';
import { createOrganisation } from '../../support/factories';
import { act, actOk, getTicket, historyRows, openTicket, outboxRows, person, problemOf, ticketUrl, type Person } from '../../support/tickets';

/**
 * Issue 10, item 3: merge and approval change a ticket's state through the same state machine as
 * a transition — the same history row and outbox event, and refused when the rules refuse.
 */
describe('State changes outside /transitions go through the state machine', () => {
  let t: TestApp;
  let requester: Person;
  let head: Person;
  let agent: Person;
  let serviceId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const dep = await createOrganisation(t.dataSource, { kind: 'dependency' });
    const unit = await createOrganisation(t.dataSource, { kind: 'responsible_unit', parentId: dep.id });
    const area = await createOrganisation(t.dataSource, { kind: 'area', parentId: unit.id });
    head = await person(t, ['requester'], { fullName: 'Titular de la unidad' });
    await t.dataSource.query(`UPDATE organisations SET head_user_id = $1 WHERE id = $2`, [head.id, unit.id]);
    requester = await person(t, ['requester'], { organisationId: area.id });
    agent = await person(t, ['agent_l1']);
    const manager = await person(t, ['catalog_manager']);
    const svc = await manager.api
      .post('/api/v1/catalog/services', {
        code: 'APROB',
        name: 'Acceso con aprobación',
        category: 'Aplicaciones',
        type: 'service_request',
        status: 'active',
        approval: 'requester_head',
      })
      .expect(201);
    serviceId = svc.body.id;
  });
  afterAll(() => t.close());

  const requestNeedingApproval = () => openTicket(requester.api, { type: 'service_request', serviceId });

  describe('merge', () => {
    it('closes the duplicate with the transition row and the state event a transition writes', async () => {
      const original = await openTicket(requester.api, { title: 'No hay red en la sala' });
      const duplicate = await openTicket(requester.api, { title: 'Sin red en la sala de juntas' });
      await actOk(agent.api, duplicate.id, 'transitions', { to: 'in_progress' });
      const merged = await act(agent.api, duplicate.id, 'merge', { intoTicketId: original.id, reason: 'Mismo caso' });
      expect(merged.status).toBe(200);

      const closing = (await historyRows(t.dataSource, duplicate.id)).filter((r) => r.action === 'transition').at(-1);
      expect(closing).toMatchObject({
        field: 'state',
        oldValue: 'in_progress',
        newValue: 'closed',
        actorId: agent.id,
        reason: `Fusionado con ${original.number}`,
      });
      const started = (await outboxRows(t.dataSource, duplicate.id)).find((o) => o.payload.to === 'in_progress');
      const closed = (await outboxRows(t.dataSource, duplicate.id)).at(-1);
      // The requester is not told "closed" for a merge, but the event has the shape of any transition's.
      expect(closed).toEqual({
        event: 'ticket.state_changed',
        payload: {
          number: duplicate.number,
          from: 'in_progress',
          to: 'closed',
          reason: `Fusionado con ${original.number}`,
          mergedInto: original.number,
          actorId: agent.id,
        },
      });
      expect(
        Object.keys(closed!.payload)
          .filter((k) => k !== 'mergedInto')
          .sort(),
      ).toEqual(Object.keys(started!.payload).sort());
    });

    it('refuses to merge a ticket the state machine does not let close (409 naming the allowed states), moving nothing', async () => {
      const original = await openTicket(requester.api);
      const withdrawn = await openTicket(requester.api);
      await requester.api.post(ticketUrl(withdrawn.id, '/articles'), { body: 'Ya no lo necesito.' }).expect(201);
      await actOk(requester.api, withdrawn.id, 'transitions', { to: 'cancelled', reason: 'Ya se resolvió solo' });
      const before = await historyRows(t.dataSource, withdrawn.id);

      const res = await act(agent.api, withdrawn.id, 'merge', { intoTicketId: original.id });
      expect(problemOf(res)).toMatchObject({ status: 409, code: 'TICKET_ILLEGAL_TRANSITION' });
      expect(res.body.allowed).toEqual([]);
      expect(await getTicket(agent.api, withdrawn.id)).toMatchObject({ state: 'cancelled', mergedIntoId: null });
      expect(await historyRows(t.dataSource, withdrawn.id)).toEqual(before);
      const [{ n }] = (await t.dataSource.query(`SELECT count(*)::int AS n FROM articles WHERE ticket_id = $1`, [withdrawn.id])) as { n: number }[];
      expect(n).toBe(1);
    });
  });

  describe('approval', () => {
    it('rejects a request with the transition row and one approval_rejected event carrying from and to', async () => {
      const ticket = await requestNeedingApproval();
      const rejected = await act(head.api, ticket.id, 'approval', { decision: 'reject', reason: 'No corresponde a tu puesto' });
      expect(rejected.status).toBe(200);
      expect(rejected.body).toMatchObject({
        state: 'closed',
        approvalStatus: 'rejected',
        pendingReason: null,
        closeReason: 'No corresponde a tu puesto',
        closedAt: expect.any(String),
      });

      const rows = (await historyRows(t.dataSource, ticket.id)).slice(-2);
      expect(rows).toEqual([
        expect.objectContaining({ action: 'approval', field: 'approvalStatus', oldValue: 'pending', newValue: 'rejected', actorId: head.id }),
        expect.objectContaining({
          action: 'transition',
          field: 'state',
          oldValue: 'pending',
          newValue: 'closed',
          actorId: head.id,
          reason: 'No corresponde a tu puesto',
        }),
      ]);
      expect((await outboxRows(t.dataSource, ticket.id)).filter((o) => o.event !== 'ticket.created' && o.event !== 'ticket.approval_requested')).toEqual([
        {
          event: 'ticket.approval_rejected',
          payload: { number: ticket.number, from: 'pending', to: 'closed', reason: 'No corresponde a tu puesto', actorId: head.id },
        },
      ]);
    });

    it('refuses a rejection without a reason, as a transition that needs one', async () => {
      const ticket = await requestNeedingApproval();
      const res = await act(head.api, ticket.id, 'approval', { decision: 'reject', reason: '  ' });
      expect(problemOf(res)).toEqual({ status: 400, code: 'TICKET_TRANSITION_INCOMPLETE', fields: ['reason'] });
      expect(await getTicket(requester.api, ticket.id)).toMatchObject({ state: 'pending', approvalStatus: 'pending' });
    });

    it.each(['approve', 'reject'] as const)(
      'refuses to %s a request its requester withdrew (409, no allowed states), leaving it cancelled',
      async (decision) => {
        const ticket = await requestNeedingApproval();
        await actOk(requester.api, ticket.id, 'transitions', { to: 'cancelled', reason: 'Ya no lo necesito' });
        const before = await historyRows(t.dataSource, ticket.id);

        const res = await act(head.api, ticket.id, 'approval', { decision, reason: 'Procede' });
        expect(problemOf(res)).toMatchObject({ status: 409, code: 'TICKET_ILLEGAL_TRANSITION' });
        expect(res.body.allowed).toEqual([]);
        expect(await getTicket(requester.api, ticket.id)).toMatchObject({ state: 'cancelled', closeReason: 'Ya no lo necesito' });
        expect(await historyRows(t.dataSource, ticket.id)).toEqual(before);
      },
    );
  });
});

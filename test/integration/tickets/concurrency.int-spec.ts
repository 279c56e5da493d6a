import { createTestApp, type TestApp } from '../../support/app';
import {
  act,
  createTeam,
  getTicket,
  historyRows,
  openTicket,
  outboxRows,
  person,
  problemOf,
  ticketUrl,
  type Person,
  type TicketDto,
} from '../../support/tickets';

describe('ticket concurrency', () => {
  let t: TestApp;
  let requester: Person;
  let agentA: Person;
  let agentB: Person;
  let team: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    [requester, agentA, agentB] = await Promise.all([person(t, ['requester']), person(t, ['agent_l1']), person(t, ['agent_l1'])]);
    team = await createTeam(t.dataSource, { supportLevel: '1', memberIds: [agentA.id, agentB.id] });
  });
  afterAll(() => t?.close());

  // First in the file on purpose: the year's number sequence does not exist yet, so the
  // creators also race to create it.
  it('gives 30 tickets created at once 30 distinct, well-formed numbers', async () => {
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        (i % 2 ? agentA : agentB).api.post('/api/v1/tickets', { requesterId: requester.id, title: `Alta masiva ${i}`, description: 'Registro concurrente.' }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(30).fill(201));
    const numbers = responses.map((r) => (r.body as TicketDto).number);
    expect(new Set(numbers).size).toBe(30);
    for (const n of numbers) expect(n).toMatch(/^\d{4}-\d{6}$/);
    const [{ n }] = (await t.dataSource.query(`SELECT count(DISTINCT number)::int AS n FROM tickets`)) as { n: number }[];
    expect(n).toBe(30);
  });

  it('lets exactly one of two agents take an unassigned ticket, every time', async () => {
    const tickets = await Promise.all(Array.from({ length: 10 }, (_, i) => openTicket(requester.api, { title: `Para tomar ${i}` })));
    for (const ticket of tickets) {
      const [a, b] = await Promise.all([agentA.api.post(ticketUrl(ticket.id, '/take'), {}), agentB.api.post(ticketUrl(ticket.id, '/take'), {})]);
      const statuses = [a.status, b.status].sort();
      expect({ ticket: ticket.number, statuses }).toEqual({ ticket: ticket.number, statuses: [200, 409] });
      const [winner, winnerRes, loserRes] = a.status === 200 ? [agentA, a, b] : [agentB, b, a];
      expect(loserRes.body.code).toBe('TICKET_ALREADY_TAKEN');
      expect(loserRes.body.current).toMatchObject({ id: ticket.id, assigneeId: winner.id, state: 'in_progress' });
      expect(winnerRes.body).toMatchObject({ assigneeId: winner.id, state: 'in_progress', version: ticket.version + 1 });

      expect(await getTicket(agentA.api, ticket.id)).toMatchObject({ assigneeId: winner.id, state: 'in_progress', firstResponseAt: expect.any(String) });
      const rows = await historyRows(t.dataSource, ticket.id);
      const assigns = rows.filter((r) => r.action === 'assign');
      expect(assigns).toEqual([expect.objectContaining({ field: 'assigneeId', oldValue: null, newValue: winner.id, actorId: winner.id })]);
      expect(rows.filter((r) => r.action === 'transition')).toHaveLength(1);
    }
  });

  it('announces a contested take once in the outbox, naming the winner', async () => {
    const ticket = await openTicket(requester.api, { title: 'Para tomar y avisar' });
    const [a, b] = await Promise.all([agentA.api.post(ticketUrl(ticket.id, '/take'), {}), agentB.api.post(ticketUrl(ticket.id, '/take'), {})]);
    const winner = a.status === 200 ? agentA : agentB;
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    // Same effect as an assignment followed by "En atención": the notifier and SLA clocks must hear of it, once.
    const events = (await outboxRows(t.dataSource, ticket.id)).filter((o) => o.event !== 'ticket.created');
    expect(events).toEqual([{ event: 'ticket.assigned', payload: expect.objectContaining({ assigneeId: winner.id, actorId: winner.id }) }]);
  });

  it('refuses to take a ticket that already has an assignee', async () => {
    const ticket = await openTicket(requester.api);
    await agentA.api.post(ticketUrl(ticket.id, '/take'), {}).expect(200);
    const again = await agentA.api.post(ticketUrl(ticket.id, '/take'), {});
    expect(problemOf(again)).toMatchObject({ status: 409, code: 'TICKET_ALREADY_TAKEN' });
    const other = await agentB.api.post(ticketUrl(ticket.id, '/take'), {});
    expect(problemOf(other)).toMatchObject({ status: 409, code: 'TICKET_ALREADY_TAKEN' });
    expect((await historyRows(t.dataSource, ticket.id)).filter((r) => r.action === 'assign')).toHaveLength(1);
  });

  describe('stale versions (optimistic locking)', () => {
    async function staleTicket(): Promise<{ ticket: TicketDto; stale: number }> {
      const ticket = await openTicket(requester.api);
      // Someone else edits it first.
      const edited = await agentB.api.patch(ticketUrl(ticket.id), { version: ticket.version, category: 'Impresoras' }).expect(200);
      expect(edited.body.version).toBe(ticket.version + 1);
      return { ticket: edited.body as TicketDto, stale: ticket.version };
    }

    it.each([
      ['a transition', (id: string, version: number) => agentA.api.post(ticketUrl(id, '/transitions'), { version, to: 'in_progress' })],
      ['an assignment', (id: string, version: number) => agentA.api.post(ticketUrl(id, '/assign'), { version, teamId: team.id })],
      ['an edit', (id: string, version: number) => agentA.api.patch(ticketUrl(id), { version, title: 'Título pisado' })],
      [
        'an escalation',
        (id: string, version: number) => agentA.api.post(ticketUrl(id, '/escalate'), { version, kind: 'functional', teamId: team.id, reason: 'x' }),
      ],
      ['a more-time notice', (id: string, version: number) => agentA.api.post(ticketUrl(id, '/more-time'), { version, reason: 'x' })],
    ])('answers %s with a stale version with 409 RECORD_VERSION_CONFLICT and the current ticket', async (_label, send) => {
      const { ticket, stale } = await staleTicket();
      const before = await historyRows(t.dataSource, ticket.id);
      const res = await send(ticket.id, stale);
      expect(problemOf(res)).toEqual({ status: 409, code: 'RECORD_VERSION_CONFLICT', fields: ['version'] });
      expect(res.body.current).toMatchObject({ id: ticket.id, version: ticket.version, category: 'Impresoras', state: 'new' });
      expect(await getTicket(agentA.api, ticket.id)).toMatchObject({ version: ticket.version, title: ticket.title, state: 'new', teamId: null });
      expect(await historyRows(t.dataSource, ticket.id)).toEqual(before);
    });

    it('applies exactly one of two edits sent at once with the same version', async () => {
      const ticket = await openTicket(requester.api);
      const [a, b] = await Promise.all([
        agentA.api.patch(ticketUrl(ticket.id), { version: ticket.version, title: 'Versión de A' }),
        agentB.api.patch(ticketUrl(ticket.id), { version: ticket.version, title: 'Versión de B' }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const winner = a.status === 200 ? a : b;
      const loser = a.status === 200 ? b : a;
      expect(loser.body).toMatchObject({ code: 'RECORD_VERSION_CONFLICT', current: { title: winner.body.title, version: ticket.version + 1 } });
      expect((await getTicket(agentA.api, ticket.id)).title).toBe(winner.body.title);
      expect((await historyRows(t.dataSource, ticket.id)).filter((r) => r.field === 'title')).toHaveLength(1);
    });

    it('applies exactly one of two transitions sent at once with the same version', async () => {
      const ticket = await openTicket(requester.api);
      const [resolve, decline] = await Promise.all([
        agentA.api.post(ticketUrl(ticket.id, '/transitions'), { version: ticket.version, to: 'resolved', solution: 'Listo.' }),
        agentB.api.post(ticketUrl(ticket.id, '/transitions'), { version: ticket.version, to: 'declined', reason: 'No aplica.' }),
      ]);
      expect([resolve.status, decline.status].sort()).toEqual([200, 409]);
      const final = await getTicket(agentA.api, ticket.id);
      expect(final.state).toBe(resolve.status === 200 ? 'resolved' : 'declined');
      expect((await historyRows(t.dataSource, ticket.id)).filter((r) => r.action === 'transition')).toHaveLength(1);
    });

    it('lets a requester’s stale confirmation fail with the requester’s view of the ticket', async () => {
      const ticket = await openTicket(requester.api);
      const resolved = await act(agentA.api, ticket.id, 'transitions', { to: 'resolved', solution: 'Listo.' });
      expect(resolved.status).toBe(200);
      const res = await requester.api.post(ticketUrl(ticket.id, '/transitions'), { version: ticket.version, to: 'closed' });
      expect(problemOf(res)).toMatchObject({ status: 409, code: 'RECORD_VERSION_CONFLICT' });
      expect(res.body.current).toMatchObject({ state: 'resolved', version: resolved.body.version, proposedSolution: null, hierarchicalEscalatedAt: null });
    });
  });
});

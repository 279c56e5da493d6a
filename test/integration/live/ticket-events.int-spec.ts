import { TicketEventsStream } from '../../../src/modules/tickets/ticket-events.stream';
import { createTestApp, type TestApp } from '../../support/app';
import { createOrganisation, createUser } from '../../support/factories';
import { as, login } from '../../support/http';
import { openTicketEvents, waitFor } from '../../support/sse';

describe('Live ticket events (SSE over Redis pub/sub)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(TicketEventsStream).ready();
  });
  afterAll(() => t.close());

  it('streams a change to agents and to the ticket’s requester, never to another requester', async () => {
    const orgA = await createOrganisation(t.dataSource);
    const orgB = await createOrganisation(t.dataSource);
    const reqA = await createUser(t.dataSource, { roles: ['requester'], organisationId: orgA.id });
    const reqB = await createUser(t.dataSource, { roles: ['requester'], organisationId: orgB.id });
    const agent = await createUser(t.dataSource, { roles: ['agent_l1'] });
    const [sa, sb, sg] = [
      await login(t.url, reqA.email, reqA.password),
      await login(t.url, reqB.email, reqB.password),
      await login(t.url, agent.email, agent.password),
    ];
    const [la, lb, lg] = [await openTicketEvents(t.url, sa), await openTicketEvents(t.url, sb), await openTicketEvents(t.url, sg)];
    try {
      expect(lg.status).toBe(200);
      await new Promise((r) => setTimeout(r, 200));
      const created = await as(t.url, sa)
        .post('/api/v1/tickets')
        .send({ title: 'Sin red en la oficina', description: 'No hay conexión desde las 9' })
        .expect(201);
      await as(t.url, sg).post(`/api/v1/tickets/${created.body.id}/take`).send({}).expect(200);
      await waitFor(() => lg.events.length >= 2 && la.events.length >= 2);
      expect(lg.events.map((e) => e.kind)).toEqual(['created', 'taken']);
      expect(la.events.map((e) => e.state)).toEqual(['new', 'in_progress']);
      await new Promise((r) => setTimeout(r, 300));
      expect(lb.events).toEqual([]);
    } finally {
      la.close();
      lb.close();
      lg.close();
    }
  });

  it('refuses the stream without a session', async () => {
    const res = await fetch(`${t.url}/api/v1/tickets/events`);
    expect(res.status).toBe(401);
  });
});

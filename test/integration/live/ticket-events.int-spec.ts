import http from 'node:http';
import { TicketEventsStream } from '../../../src/modules/tickets/ticket-events.stream';
import { createTestApp, type TestApp } from '../../support/app';
import { createOrganisation, createUser } from '../../support/factories';
import { as, login, type Session } from '../../support/http';

type Received = { event: string; data: { ticketId: string; kind: string; state: string } }[];

/** Opens an SSE stream with a session cookie and collects `ticket` events until closed. */
function listen(url: string, s: Session): Promise<{ received: Received; close(): void; status: number }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${url}/api/v1/tickets/events`, { headers: { Cookie: s.cookie, Accept: 'text/event-stream' } }, (res) => {
      const received: Received = [];
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let idx: number;
        while ((idx = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, idx);
          buffer = buffer.slice(idx + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (data && event === 'ticket') received.push({ event, data: JSON.parse(data) });
        }
      });
      resolve({ received, close: () => req.destroy(), status: res.statusCode ?? 0 });
    });
    req.on('error', (e) => (e.message.includes('socket hang up') ? undefined : reject(e)));
  });
}

const waitFor = async (fn: () => boolean, ms = 5000) => {
  const start = Date.now();
  while (!fn()) {
    if (Date.now() - start > ms) throw new Error('event not received in time');
    await new Promise((r) => setTimeout(r, 50));
  }
};

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
    const [la, lb, lg] = [await listen(t.url, sa), await listen(t.url, sb), await listen(t.url, sg)];
    try {
      expect(lg.status).toBe(200);
      await new Promise((r) => setTimeout(r, 200));
      const created = await as(t.url, sa)
        .post('/api/v1/tickets')
        .send({ title: 'Sin red en la oficina', description: 'No hay conexión desde las 9' })
        .expect(201);
      await as(t.url, sg).post(`/api/v1/tickets/${created.body.id}/take`).send({}).expect(200);
      await waitFor(() => lg.received.length >= 2 && la.received.length >= 2);
      expect(lg.received.map((e) => e.data.kind)).toEqual(['created', 'taken']);
      expect(la.received.map((e) => e.data.state)).toEqual(['new', 'in_progress']);
      await new Promise((r) => setTimeout(r, 300));
      expect(lb.received).toEqual([]);
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

import type { INestApplicationContext } from '@nestjs/common';
import { OutboxRelayService } from '../../../src/modules/outbox/outbox-relay.service';
import { createTestApp, type TestApp } from '../../support/app';
import { createUser } from '../../support/factories';
import { as, login } from '../../support/http';
import { startWorkerByHand } from '../../support/worker';

describe('Outbox relay and notifications', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  beforeAll(async () => {
    t = await createTestApp();
    worker = await startWorkerByHand(t.config);
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  it('tells the requester their ticket was declined and why, exactly once however often it is relayed', async () => {
    const requester = await createUser(t.dataSource, { roles: ['requester'] });
    const agent = await createUser(t.dataSource, { roles: ['agent_l1'] });
    const director = await createUser(t.dataSource, { roles: ['director'] });
    const [sr, sa, sd] = [
      await login(t.url, requester.email, requester.password),
      await login(t.url, agent.email, agent.password),
      await login(t.url, director.email, director.password),
    ];
    const ticket = (await as(t.url, sr).post('/api/v1/tickets').send({ title: 'Quiero un monitor nuevo', description: 'Para mi casa' }).expect(201)).body;
    await as(t.url, sa)
      .post(`/api/v1/tickets/${ticket.id}/transitions`)
      .send({ to: 'declined', version: ticket.version, reason: 'No es un servicio del catálogo' })
      .expect(200);
    const major = (
      await as(t.url, sa)
        .post('/api/v1/tickets')
        .send({ requesterId: requester.id, title: 'Caída del sistema de nómina', description: 'Todos los usuarios', isMajor: true })
        .expect(201)
    ).body;

    const relay = worker.get(OutboxRelayService);
    const first = await relay.relayBatch();
    expect(first.failed).toBe(0);
    expect(first.published).toBeGreaterThanOrEqual(3);
    // Redelivery: mark everything unpublished again and relay once more.
    await t.dataSource.query(`UPDATE outbox SET published_at = NULL`);
    await relay.relayBatch();

    const mine = await as(t.url, sr).get('/api/v1/notifications').expect(200);
    const declined = mine.body.items.filter((n: { kind: string }) => n.kind === 'ticket.declined');
    expect(declined).toEqual([
      expect.objectContaining({
        title: `Tu solicitud ${ticket.number} fue declinada`,
        body: 'Motivo: No es un servicio del catálogo',
        link: `/solicitante/tickets/${ticket.id}`,
      }),
    ]);
    const directors = await as(t.url, sd).get('/api/v1/notifications?unread=true').expect(200);
    expect(directors.body.items).toEqual([expect.objectContaining({ kind: 'ticket.major_incident', title: `Incidente mayor: ${major.number}` })]);
    await as(t.url, sd).post(`/api/v1/notifications/${directors.body.items[0].id}/read`).expect(204);
    expect((await as(t.url, sd).get('/api/v1/notifications').expect(200)).body.unread).toBe(0);
    // Nobody can mark another person's notification.
    await as(t.url, sr).post(`/api/v1/notifications/${directors.body.items[0].id}/read`).expect(404);
  });
});

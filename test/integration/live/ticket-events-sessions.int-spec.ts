import type { INestApplication } from '@nestjs/common';
import { createApi } from '../../../src/api.factory';
import { LiveConnectionsService } from '../../../src/modules/identity/live-connections.service';
import { TicketEventsStream } from '../../../src/modules/tickets/ticket-events.stream';
import { createTestApp, type TestApp } from '../../support/app';
import { createUser } from '../../support/factories';
import { as, login, type Session } from '../../support/http';
import { type EventStream, openTicketEvents, waitFor } from '../../support/sse';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Well under the 2 s after which every stream re-reads its credential anyway: the end comes from the invalidation itself.
const AT_ONCE_MS = 1_000;

describe('Live ticket events end with their session and are capped per user', () => {
  let t: TestApp;
  let second: INestApplication;
  let secondUrl: string;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp({ env: { AUTH_CACHE_SECONDS: '30', LIVE_STREAMS_PER_USER: '2', LIVE_STREAM_LEASE_SECONDS: '2' } });
    // A second API process on the same database and Redis prefix.
    second = await createApi(t.config);
    await second.listen(0, '127.0.0.1');
    secondUrl = `http://127.0.0.1:${(second.getHttpServer().address() as { port: number }).port}`;
    await t.app.get(TicketEventsStream).ready();
    await second.get(TicketEventsStream).ready();
    const a = await createUser(t.dataSource, { roles: ['admin'] });
    admin = await login(t.url, a.email, a.password);
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  async function signedIn(roles: string[] = ['requester']) {
    const u = await createUser(t.dataSource, { roles });
    return { u, s: await login(t.url, u.email, u.password) };
  }

  async function expectOpen(stream: EventStream) {
    expect(stream.status).toBe(200);
    await sleep(150);
    expect(stream.ended).toBe(false);
  }

  it('ends the stream at once when its session logs out, and keeps other sessions’ streams', async () => {
    const { u, s } = await signedIn();
    const other = await login(t.url, u.email, u.password);
    const [mine, theirs] = [await openTicketEvents(t.url, s), await openTicketEvents(t.url, other)];
    try {
      await expectOpen(mine);
      await as(t.url, s).post('/api/v1/auth/logout').send({}).expect(204);
      await waitFor(() => mine.ended, AT_ONCE_MS, 'stream end after logout');
      await sleep(300);
      expect(theirs.ended).toBe(false);
    } finally {
      mine.close();
      theirs.close();
    }
  });

  it('ends the stream at once when the logout is made through another API process', async () => {
    const { s } = await signedIn();
    const stream = await openTicketEvents(t.url, s);
    try {
      await expectOpen(stream);
      await as(secondUrl, s).post('/api/v1/auth/logout').send({}).expect(204);
      await waitFor(() => stream.ended, AT_ONCE_MS, 'stream end after logout elsewhere');
    } finally {
      stream.close();
    }
  });

  it('ends cookie and token streams at once when the account is disabled, from either process', async () => {
    const { u, s } = await signedIn(['agent_l1']);
    const token = (await as(t.url, s).post('/api/v1/me/tokens').send({ name: 'tablero', scope: 'read_only' }).expect(201)).body.token as string;
    const [here, there] = [await openTicketEvents(t.url, s), await openTicketEvents(secondUrl, { token })];
    try {
      await expectOpen(here);
      await expectOpen(there);
      const user = (await as(t.url, admin).get(`/api/v1/users/${u.id}`).expect(200)).body;
      await as(t.url, admin).patch(`/api/v1/users/${u.id}`).send({ isActive: false, version: user.version }).expect(200);
      await waitFor(() => here.ended && there.ended, AT_ONCE_MS, 'stream end after disabling');
      const again = await openTicketEvents(t.url, s);
      expect(again.status).toBe(401);
      again.close();
    } finally {
      here.close();
      there.close();
    }
  });

  it('ends the stream when the user’s roles change, so the client reconnects with its new scope', async () => {
    const { u, s } = await signedIn(['agent_l1', 'requester']);
    const stream = await openTicketEvents(secondUrl, s);
    try {
      await expectOpen(stream);
      const user = (await as(t.url, admin).get(`/api/v1/users/${u.id}`).expect(200)).body;
      await as(t.url, admin)
        .patch(`/api/v1/users/${u.id}`)
        .send({ roles: ['requester'], version: user.version })
        .expect(200);
      await waitFor(() => stream.ended, AT_ONCE_MS, 'stream end after a role change');
      const again = await openTicketEvents(secondUrl, s);
      await expectOpen(again);
      again.close();
    } finally {
      stream.close();
    }
  });

  it('ends the stream when its session expires', async () => {
    const { u, s } = await signedIn();
    await t.dataSource.query(`UPDATE sessions SET expires_at = now() + interval '1500 milliseconds' WHERE user_id = $1`, [u.id]);
    const stream = await openTicketEvents(t.url, s);
    try {
      await expectOpen(stream);
      await waitFor(() => stream.ended, 2_500, 'stream end at session expiry');
    } finally {
      stream.close();
    }
  });

  it('keeps the stream open when the user changes something that does not touch their access', async () => {
    const { u, s } = await signedIn();
    const stream = await openTicketEvents(t.url, s);
    try {
      await expectOpen(stream);
      const user = (await as(t.url, admin).get(`/api/v1/users/${u.id}`).expect(200)).body;
      await as(t.url, admin).patch(`/api/v1/users/${u.id}`).send({ phone: '55 0000 1111', version: user.version }).expect(200);
      await sleep(2_500);
      expect(stream.ended).toBe(false);
    } finally {
      stream.close();
    }
  });

  it('caps concurrent streams per user across processes with a 429 problem, and frees a slot when a stream closes', async () => {
    const { s } = await signedIn();
    const first = await openTicketEvents(t.url, s);
    const secondStream = await openTicketEvents(secondUrl, s);
    await expectOpen(first);
    await expectOpen(secondStream);
    const refused = await openTicketEvents(t.url, s);
    try {
      expect(refused.status).toBe(429);
      await waitFor(() => refused.ended, 1_000, 'refused response end');
      expect(JSON.parse(refused.body)).toMatchObject({ status: 429, code: 'LIVE_STREAM_LIMIT' });
      // Another user is not affected.
      const other = await openTicketEvents(t.url, (await signedIn()).s);
      await expectOpen(other);
      other.close();

      // Freed by the close itself, well before the 2 s lease would have run out.
      secondStream.close();
      const closedAt = Date.now();
      let third = await openTicketEvents(t.url, s);
      while (third.status !== 200 && Date.now() - closedAt < 1_000) {
        third.close();
        await sleep(50);
        third = await openTicketEvents(t.url, s);
      }
      expect(third.status).toBe(200);
      third.close();
    } finally {
      first.close();
      secondStream.close();
      refused.close();
    }
  });

  it('frees the slots of a process that stopped renewing them (crashed) once their lease runs out', async () => {
    const { s } = await signedIn();
    const [a, b] = [await openTicketEvents(secondUrl, s), await openTicketEvents(secondUrl, s)];
    try {
      await expectOpen(a);
      await expectOpen(b);
      expect((await openTicketEvents(t.url, s)).status).toBe(429);
      // The process freezes: its streams are still open but it renews nothing any more.
      clearInterval(second.get(LiveConnectionsService)['renewal']);
      await sleep(2_300);
      const later = await openTicketEvents(t.url, s);
      await expectOpen(later);
      later.close();
    } finally {
      a.close();
      b.close();
    }
  });
});

describe('Live ticket events with the auth cache turned off', () => {
  let t: TestApp;
  let second: INestApplication;
  let secondUrl: string;
  beforeAll(async () => {
    t = await createTestApp({ env: { AUTH_CACHE_SECONDS: '0' } });
    second = await createApi(t.config);
    await second.listen(0, '127.0.0.1');
    secondUrl = `http://127.0.0.1:${(second.getHttpServer().address() as { port: number }).port}`;
    await t.app.get(TicketEventsStream).ready();
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  it('still hears invalidations from another process, so a logout there ends the stream here', async () => {
    const u = await createUser(t.dataSource, { roles: ['requester'] });
    const s = await login(t.url, u.email, u.password);
    const stream = await openTicketEvents(t.url, s);
    try {
      expect(stream.status).toBe(200);
      await sleep(150);
      await as(secondUrl, s).post('/api/v1/auth/logout').send({}).expect(204);
      await waitFor(() => stream.ended, AT_ONCE_MS, 'stream end after logout elsewhere');
    } finally {
      stream.close();
    }
  });
});

import http from 'node:http';
import request from 'supertest';
import { TicketEventsStream } from '../../src/modules/tickets/ticket-events.stream';
import { createTestApp, type TestApp } from '../support/app';
import { createUser } from '../support/factories';
import { as, login, type Session } from '../support/http';

/** Second look at issue 9 as an attacker: each case failed before its fix. */
describe('attack review of issue 9', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(TicketEventsStream).ready();
  });
  afterAll(() => t.close());

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function tokenOf(s: Session, scope: 'read_only' | 'read_write' = 'read_write'): Promise<string> {
    return (await as(t.url, s).post('/api/v1/me/tokens').send({ name: 'integración', scope }).expect(201)).body.token as string;
  }

  describe('a leaked administrator token', () => {
    it('cannot set a password (its owner’s or anyone’s): that would turn the token into a lasting sign-in', async () => {
      const a = await createUser(t.dataSource, { roles: ['admin'] });
      const victim = await createUser(t.dataSource, { roles: ['admin'] });
      const token = await tokenOf(await login(t.url, a.email, a.password));
      for (const id of [a.id, victim.id]) {
        const res = await request(t.url).post(`/api/v1/users/${id}/password`).set(bearer(token)).send({ newPassword: 'Robada#2026clave' });
        expect([res.status, res.body.code]).toEqual([403, 'AUTH_SESSION_REQUIRED']);
      }
      await request(t.url).post('/api/v1/auth/login').send({ email: a.email, password: 'Robada#2026clave' }).expect(401);
      await request(t.url).post('/api/v1/auth/login').send({ email: victim.email, password: 'Robada#2026clave' }).expect(401);
    });
  });

  describe('a stolen session', () => {
    it('cannot guess the account’s password through the password change without limit', async () => {
      const u = await createUser(t.dataSource, { roles: ['requester'] });
      const s = await login(t.url, u.email, u.password);
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) {
        statuses.push(
          (
            await as(t.url, s)
              .post('/api/v1/me/password')
              .send({ currentPassword: `Adivina#${i}x2026`, newPassword: 'Robada#2026clave' })
          ).status,
        );
      }
      // The sign-in limit for one account from one address (LOGIN_MAX_ATTEMPTS_PER_ACCOUNT_AND_IP, 5).
      expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
      expect(statuses.slice(5)).toEqual([429, 429, 429]);
      const limited = await as(t.url, s).post('/api/v1/me/password').send({ currentPassword: u.password, newPassword: 'Robada#2026clave' });
      expect([limited.status, limited.body.code, limited.headers['retry-after']]).toEqual([429, 'AUTH_RATE_LIMITED', expect.any(String)]);
    });

    it('still lets the owner change their password (and hands the attempt back)', async () => {
      const u = await createUser(t.dataSource, { roles: ['requester'] });
      const s = await login(t.url, u.email, u.password);
      await as(t.url, s).post('/api/v1/me/password').send({ currentPassword: 'Equivocada#2026', newPassword: 'Nueva#2026clave' }).expect(400);
      await as(t.url, s).post('/api/v1/me/password').send({ currentPassword: u.password, newPassword: 'Nueva#2026clave' }).expect(204);
      await login(t.url, u.email, 'Nueva#2026clave');
    });
  });

  describe('a requester reading their ticket', () => {
    it('does not learn of a functional escalation, which the history keeps internal', async () => {
      const [adminU, agentU, requesterU] = await Promise.all([
        createUser(t.dataSource, { roles: ['admin'] }),
        createUser(t.dataSource, { roles: ['agent_l1'] }),
        createUser(t.dataSource, { roles: ['requester'] }),
      ]);
      const [admin, agent, requester] = await Promise.all([adminU, agentU, requesterU].map((u) => login(t.url, u.email, u.password)));
      const team = (
        await as(t.url, admin)
          .post('/api/v1/teams')
          .send({ name: `Redes N2 ${Date.now()}`, supportLevel: '2' })
          .expect(201)
      ).body;
      const ticket = (await as(t.url, requester).post('/api/v1/tickets').send({ title: 'VPN caída', description: 'No conecta desde casa' }).expect(201)).body;
      await as(t.url, agent)
        .post(`/api/v1/tickets/${ticket.id}/escalate`)
        .send({ version: ticket.version, kind: 'functional', teamId: team.id, reason: 'Requiere revisar el concentrador.' })
        .expect(200);
      expect((await as(t.url, agent).get(`/api/v1/tickets/${ticket.id}`).expect(200)).body.supportLevel).toBe('2');

      const history = (await as(t.url, requester).get(`/api/v1/tickets/${ticket.id}/history`).expect(200)).body.items as { field: string | null }[];
      expect(history.map((h) => h.field)).not.toContain('supportLevel');
      const seen = (await as(t.url, requester).get(`/api/v1/tickets/${ticket.id}`).expect(200)).body;
      expect({ supportLevel: seen.supportLevel, escalatedFromTeamId: seen.escalatedFromTeamId }).toEqual({ supportLevel: null, escalatedFromTeamId: null });
      const listed = (await as(t.url, requester).get('/api/v1/tickets').expect(200)).body.items as { id: string; supportLevel: string | null }[];
      expect(listed.find((i) => i.id === ticket.id)?.supportLevel).toBeNull();
    });
  });

  describe('a live stream', () => {
    type Stream = { events: { ticketId: string }[]; close(): void };
    function listen(s: Session): Promise<Stream> {
      return new Promise((resolve, reject) => {
        const req = http.get(`${t.url}/api/v1/tickets/events`, { headers: { Accept: 'text/event-stream', Cookie: s.cookie } }, (res) => {
          const stream: Stream = { events: [], close: () => req.destroy() };
          let buffer = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buffer += chunk;
            for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const data = /^data: (.*)$/m.exec(block);
              if (/^event: ticket$/m.test(block) && data) stream.events.push(JSON.parse(data[1]));
            }
          });
          resolve(stream);
        });
        req.on('error', (e) => (e.message.includes('socket hang up') || e.message.includes('aborted') ? undefined : reject(e)));
      });
    }
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    async function waitFor(fn: () => boolean, what: string) {
      for (const start = Date.now(); !fn(); await sleep(20)) if (Date.now() - start > 3000) throw new Error(`${what}: not within 3 s`);
    }

    it('stops carrying a team’s tickets to a resolver taken off that team', async () => {
      const [adminU, agentU, resolverU, requesterU] = await Promise.all([
        createUser(t.dataSource, { roles: ['admin'] }),
        createUser(t.dataSource, { roles: ['agent_l1'] }),
        createUser(t.dataSource, { roles: ['resolver_l2'] }),
        createUser(t.dataSource, { roles: ['requester'] }),
      ]);
      const [admin, agent, resolver, requester] = await Promise.all([adminU, agentU, resolverU, requesterU].map((u) => login(t.url, u.email, u.password)));
      const team = (
        await as(t.url, admin)
          .post('/api/v1/teams')
          .send({ name: `Redes ${Date.now()}`, supportLevel: '2', memberIds: [resolverU.id] })
          .expect(201)
      ).body;
      const ticket = (await as(t.url, requester).post('/api/v1/tickets').send({ title: 'Sin red en el piso 4', description: 'Nada conecta' }).expect(201)).body;
      await as(t.url, agent).post(`/api/v1/tickets/${ticket.id}/assign`).send({ version: ticket.version, teamId: team.id }).expect(200);

      const stream = await listen(resolver);
      try {
        await sleep(200);
        await as(t.url, agent).post(`/api/v1/tickets/${ticket.id}/articles`).send({ kind: 'internal', body: 'Revisar el switch' }).expect(201);
        await waitFor(() => stream.events.some((e) => e.ticketId === ticket.id), 'the team member hears of the team’s ticket');

        await as(t.url, admin).put(`/api/v1/teams/${team.id}/members`).send({ userIds: [] }).expect(200);
        await as(t.url, resolver).get(`/api/v1/tickets/${ticket.id}`).expect(404);
        await sleep(300);
        const heard = stream.events.length;
        await as(t.url, agent).post(`/api/v1/tickets/${ticket.id}/articles`).send({ kind: 'internal', body: 'El switch del piso 4 falla' }).expect(201);
        await sleep(1500);
        expect(stream.events.slice(heard)).toEqual([]);
      } finally {
        stream.close();
      }
    });
  });
});

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { describeResponse, mapLimit, openApiOperations } from '../support/routes';
import { buildSide, type Caller, callRoute, createSession, insertTicket, pathParamKeys, PATH_FIXTURES, type Side } from '../support/world';

const dataDir = join(tmpdir(), `mesa-test-data-${process.pid}`);

/**
 * Ids that staff reach across organisations by design only through a ticket or their own account:
 * a resolver of another team is an attacker for these. The rest (users, teams, organisations,
 * locations, catalog services) is the desk's shared directory and catalog, which every staff role
 * reads; for those the attacker is a requester of another organisation.
 */
const SCOPED_FOR_STAFF = new Set(['tickets/:id', 'links/:linkId', 'attachments/:id', 'saved-filters/:id', 'notifications/:id', 'tokens/:id']);

type Attack = { op: string; attacker: 'requester B' | 'resolver B'; res?: request.Response; error?: string };

describe("IDOR: every id-taking operation of the OpenAPI document, called with another organisation's ids", () => {
  let t: TestApp;
  let a: Side;
  let b: Side;
  let attackers: Record<Attack['attacker'], Caller>;
  let attacks: Attack[] = [];
  let operations: string[] = [];

  const as = (c: Caller) => ({
    get: (path: string) => request(t.url).get(path).set('Cookie', c.session.cookie),
    post: (path: string, body: object) => request(t.url).post(path).set('Cookie', c.session.cookie).set('X-CSRF-Token', c.session.csrf).send(body),
  });

  beforeAll(async () => {
    t = await createTestApp({ env: { DATA_DIR: dataDir } });
    a = await buildSide(t, 'A');
    b = await buildSide(t, 'B');
    attackers = {
      'requester B': { user: b.requester, principal: 'requester', session: await createSession(t.dataSource, b.requester.id) },
      'resolver B': { user: b.resolver, principal: 'resolver_l2', session: await createSession(t.dataSource, b.resolver.id) },
    };
    operations = [...(await openApiOperations(t.url)).keys()].filter((op) => op.includes('/:')).sort();
    const cases = operations.flatMap((op): Attack[] => {
      const keys = pathParamKeys(op.split(' ')[1]);
      return keys.every((k) => SCOPED_FOR_STAFF.has(k))
        ? [
            { op, attacker: 'requester B' },
            { op, attacker: 'resolver B' },
          ]
        : [{ op, attacker: 'requester B' }];
    });
    attacks = await mapLimit(cases, 4, async (attack) => {
      const [method, path] = attack.op.split(' ');
      try {
        // Path ids are A's; ids in the body are the attacker's own (B's), as a real attacker would send.
        const res = await callRoute(t, { key: attack.op, method, path }, { pathSide: a, ownSide: b, caller: attackers[attack.attacker], ownerId: null });
        return { ...attack, res };
      } catch (error) {
        return { ...attack, error: (error as Error).message };
      }
    });
  });
  afterAll(() => t?.close());

  it('knows a fixture for every path parameter the document declares', () => {
    const unknown = [
      ...new Set(
        operations.flatMap((op) =>
          pathParamKeys(op.split(' ')[1])
            .filter((k) => !PATH_FIXTURES[k])
            .map((k) => `${k} (${op})`),
        ),
      ),
    ];
    expect(unknown).toEqual([]);
    expect(operations.length).toBeGreaterThanOrEqual(40);
  });

  it('answers every one with 403 or 404, never a success or another error that would tell the row exists', () => {
    const leaks = attacks
      .filter((x) => x.error || ![403, 404].includes(x.res!.status))
      .map((x) => `${x.op} as ${x.attacker} with A's ids → ${x.error ?? describeResponse(x.res!)}`);
    expect(leaks).toEqual([]);
  });

  it('tries ticket-scoped and personal ids as a resolver of another team too', () => {
    const asResolver = attacks.filter((x) => x.attacker === 'resolver B').map((x) => x.op);
    expect(asResolver).toEqual(
      expect.arrayContaining([
        'GET /api/v1/tickets/:id',
        'POST /api/v1/tickets/:id/merge',
        'GET /api/v1/attachments/:id/content',
        'DELETE /api/v1/me/tokens/:id',
      ]),
    );
  });

  describe("with the other organisation's ids in the body of the attacker's own request", () => {
    it('does not link, merge into or bulk-edit a ticket of another team', async () => {
      const resolver = as(attackers['resolver B']);
      const own = await insertTicket(t.dataSource, b);
      const link = await resolver.post(`/api/v1/tickets/${own}/links`, { toTicketId: a.ticketId, kind: 'related_to' });
      const merge = await resolver.post(`/api/v1/tickets/${own}/merge`, { version: 1, intoTicketId: a.ticketId });
      const bulk = await resolver.post('/api/v1/tickets/bulk', { ticketIds: [a.ticketId], action: 'priority', impact: 'high', urgency: 'high' });
      expect(link.status).toBeGreaterThanOrEqual(400);
      expect(merge.status).toBeGreaterThanOrEqual(400);
      expect(bulk.body.results).toEqual([expect.objectContaining({ ticketId: a.ticketId, ok: false, status: 404 })]);
      const [row] = await t.dataSource.query(
        `SELECT priority, version, (SELECT count(*)::int FROM ticket_links WHERE to_ticket_id = $1 OR from_ticket_id = $1) AS links FROM tickets WHERE id = $1`,
        [a.ticketId],
      );
      expect(row).toEqual({ priority: 'medium', version: 1, links: 1 });
    });

    it("does not open a ticket for another organisation's requester or on a service restricted to it", async () => {
      const requester = as(attackers['requester B']);
      const count = async () =>
        (
          (await t.dataSource.query(`SELECT count(*)::int AS n FROM tickets WHERE requester_id = $1 OR service_id = $2`, [a.requester.id, a.serviceId])) as {
            n: number;
          }[]
        )[0].n;
      const before = await count();
      const onBehalf = await requester.post('/api/v1/tickets', { title: 'Suplantación', description: 'x', requesterId: a.requester.id });
      const restricted = await requester.post('/api/v1/tickets', { title: 'Servicio ajeno', description: 'x', serviceId: a.serviceId });
      expect(onBehalf.status).toBe(403);
      expect(restricted.status).toBeGreaterThanOrEqual(400);
      expect(restricted.status).toBeLessThan(500);
      expect(await count()).toBe(before);
    });

    it('does not read a file another user staged for a request form, nor learn that it exists', async () => {
      const owner = await createSession(t.dataSource, a.requester.id);
      const staged = await request(t.url)
        .post('/api/v1/attachments/staged')
        .set('Cookie', owner.cookie)
        .set('X-CSRF-Token', owner.csrf)
        .attach('file', Buffer.from('%PDF-1.4\n% autorizacion\n%%EOF\n'), { filename: 'autorizacion.pdf', contentType: 'application/pdf' })
        .expect(201);
      // A's resolver works A's tickets, but a staged file belongs to no ticket yet: it is its uploader's alone.
      const aResolver = await createSession(t.dataSource, a.resolver.id);
      for (const cookie of [attackers['requester B'].session.cookie, attackers['resolver B'].session.cookie, aResolver.cookie]) {
        for (const route of ['content', 'preview']) {
          const res = await request(t.url).get(`/api/v1/attachments/${staged.body.id}/${route}`).set('Cookie', cookie);
          expect(res.status).toBe(404);
          expect(res.body.code).toBe('ATTACHMENT_NOT_FOUND');
        }
      }
    });

    it("lists none of the other organisation's tickets or restricted services, whatever the filter", async () => {
      for (const attacker of Object.values(attackers)) {
        const list = await as(attacker).get(`/api/v1/tickets?requesterId=${a.requester.id}&view=all`);
        expect(list.status).toBe(200);
        expect(list.body.items).toEqual([]);
      }
      const services = await as(attackers['requester B']).get('/api/v1/catalog/services?pageSize=200').expect(200);
      expect(services.body.items.map((s: { id: string }) => s.id)).not.toContain(a.serviceId);
    });
  });
});

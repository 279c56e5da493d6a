import { randomUUID } from 'node:crypto';
import type request from 'supertest';
import { createTestApp, type TestApp } from '../../support/app';
import { createOrganisation } from '../../support/factories';
import { actOk, createTeam, historyRows, openTicket, person, problemOf, TICKETS, ticketUrl, type Person, type TicketDto } from '../../support/tickets';

type ListBody = { items: { id: string }[]; total: number };
const idsOf = (res: request.Response) => (res.body as ListBody).items.map((i) => i.id);

describe('ticket visibility (SPEC security rules)', () => {
  let t: TestApp;
  let admin: Person;
  let agent: Person;
  let dependency: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    [admin, agent] = await Promise.all([person(t, ['admin']), person(t, ['agent_l1'])]);
    dependency = await createOrganisation(t.dataSource, { kind: 'dependency' });
  });
  afterAll(() => t?.close());

  /** dependency → UR → two areas, with a requester in each area. */
  async function unitWithTwoAreas() {
    const ur = await createOrganisation(t.dataSource, { kind: 'responsible_unit', parentId: dependency.id });
    const [areaA, areaB] = await Promise.all([
      createOrganisation(t.dataSource, { kind: 'area', parentId: ur.id }),
      createOrganisation(t.dataSource, { kind: 'area', parentId: ur.id }),
    ]);
    const [a, colleague] = await Promise.all([person(t, ['requester'], { organisationId: areaA.id }), person(t, ['requester'], { organisationId: areaB.id })]);
    return { ur, a, colleague };
  }

  describe('between requesters of different organisations', () => {
    let a: Person;
    let b: Person;
    let ticket: TicketDto;
    const secretTitle = 'Contraseña del SIAFF bloqueada zafiro';
    const secretDescription = 'Mi usuario es jlopez y la contraseña temporal es Tulipan#77.';

    beforeAll(async () => {
      const [orgA, orgB] = await Promise.all([
        createOrganisation(t.dataSource, { kind: 'dependency' }),
        createOrganisation(t.dataSource, { kind: 'dependency' }),
      ]);
      [a, b] = await Promise.all([person(t, ['requester'], { organisationId: orgA.id }), person(t, ['requester'], { organisationId: orgB.id })]);
      ticket = await openTicket(a.api, { title: secretTitle, description: secretDescription });
      await a.api.post(ticketUrl(ticket.id, '/articles'), { body: 'Adjunto más datos: zafiro.' }).expect(201);
      ticket = (await a.api.get(ticketUrl(ticket.id)).expect(200)).body as TicketDto;
      await openTicket(b.api, { title: 'Mi propio ticket', description: 'Del solicitante B.' });
    });

    const leaks = (res: request.Response) => {
      const text = JSON.stringify(res.body) + res.text;
      return [secretTitle, secretDescription, 'zafiro', ticket.number].filter((s) => text.includes(s));
    };

    it.each([
      ['GET', '', null],
      ['GET', '/history', null],
      ['GET', '/articles', null],
      ['POST', '/articles', { body: 'Intento escribir en un ticket ajeno.' }],
      ['POST', '/transitions', { to: 'cancelled', version: 1, reason: 'Lo cancelo yo.' }],
    ] as const)('answers 404 to %s /tickets/:id%s on another requester’s ticket, without leaking it', async (method, suffix, body: object | null) => {
      const res = method === 'GET' ? await b.api.get(ticketUrl(ticket.id, suffix)) : await b.api.post(ticketUrl(ticket.id, suffix), body ?? {});
      expect(problemOf(res)).toMatchObject({ status: 404, code: 'TICKET_NOT_FOUND' });
      expect(leaks(res)).toEqual([]);
    });

    it('answers exactly as for a ticket that does not exist (no existence oracle)', async () => {
      const strip = (res: request.Response) => ({ ...res.body, requestId: undefined });
      const real = await b.api.get(ticketUrl(ticket.id));
      const missing = await b.api.get(ticketUrl(randomUUID()));
      expect(strip(real)).toEqual(strip(missing));
    });

    it.each([
      ['PATCH', '', { version: 1, title: 'Hackeado' }],
      ['POST', '/assign', { version: 1, assigneeId: randomUUID() }],
      ['POST', '/take', {}],
      ['POST', '/escalate', { version: 1, kind: 'functional', reason: 'x' }],
      ['POST', '/return-to-coordinator', { version: 1, reason: 'x' }],
      ['POST', '/proposed-solution', { version: 1, solution: 'x' }],
      ['POST', '/more-time', { version: 1, reason: 'x' }],
    ] as const)('answers 403 to the staff-only %s /tickets/:id%s, without leaking the ticket', async (method, suffix, body: object) => {
      const res = method === 'PATCH' ? await b.api.patch(ticketUrl(ticket.id, suffix), body) : await b.api.post(ticketUrl(ticket.id, suffix), body);
      expect(res.status).toBe(403);
      expect(leaks(res)).toEqual([]);
    });

    it('refuses the staff-only lookup and priority matrix to a requester', async () => {
      const lookup = await b.api.get(`${TICKETS}/lookup?q=${encodeURIComponent('Contraseña')}`);
      expect(lookup.status).toBe(403);
      expect(leaks(lookup)).toEqual([]);
      expect((await b.api.get('/api/v1/priority-matrix')).status).toBe(403);
    });

    it('leaves the ticket untouched after all those attempts', async () => {
      const current = await a.api.get(ticketUrl(ticket.id)).expect(200);
      expect(current.body).toMatchObject({ title: secretTitle, state: 'new', version: ticket.version });
      expect((await historyRows(t.dataSource, ticket.id)).every((h) => h.actorId === a.id)).toBe(true);
      expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM articles WHERE ticket_id = $1`, [ticket.id])).toEqual([{ n: 1 }]);
    });

    it('never lists or finds another requester’s ticket, whatever the filters', async () => {
      for (const query of [
        '',
        '?view=all',
        '?view=open',
        '?view=unassigned',
        `?requesterId=${a.id}`,
        `?organisationId=${ticket.organisationId}`,
        `?q=${encodeURIComponent('zafiro')}`,
        `?q=${encodeURIComponent('contraseña')}`,
        `?q=${ticket.number}`,
        `?q=${ticket.number.slice(0, 5)}`,
      ]) {
        const res = await b.api.get(`${TICKETS}${query}`).expect(200);
        expect({ query, ids: idsOf(res) }).toEqual({ query, ids: expect.not.arrayContaining([ticket.id]) });
        expect(leaks(res)).toEqual([]);
      }
      const own = await b.api.get(TICKETS).expect(200);
      expect(own.body.total).toBe(1);
      // A's own search finds it, so the query itself works.
      expect(idsOf(await a.api.get(`${TICKETS}?q=zafiro`).expect(200))).toEqual([ticket.id]);
    });
  });

  describe('internal notes', () => {
    it('hides internal notes from the requester: articles, history and search', async () => {
      const requester = await person(t, ['requester'], { organisationId: dependency.id });
      const ticket = await openTicket(requester.api, { title: 'El correo no sincroniza', description: 'Outlook no descarga correos.' });
      const note = await agent.api
        .post(ticketUrl(ticket.id, '/articles'), { kind: 'internal', body: 'Sospecho del servidor murciélago; no decirle al usuario.' })
        .expect(201);
      const reply = await agent.api.post(ticketUrl(ticket.id, '/articles'), { kind: 'public', body: 'Estamos revisando su buzón.' }).expect(201);

      const articles = await requester.api.get(ticketUrl(ticket.id, '/articles')).expect(200);
      expect(articles.body.items.map((x: { id: string }) => x.id)).toEqual([reply.body.id]);
      expect(JSON.stringify(articles.body)).not.toMatch(/murci/);
      const staffArticles = await agent.api.get(ticketUrl(ticket.id, '/articles')).expect(200);
      expect(staffArticles.body.items.map((x: { id: string }) => x.id)).toEqual([note.body.id, reply.body.id]);

      const history = await requester.api.get(ticketUrl(ticket.id, '/history')).expect(200);
      expect(JSON.stringify(history.body)).not.toContain(note.body.id);
      const staffHistory = await agent.api.get(ticketUrl(ticket.id, '/history')).expect(200);
      expect(JSON.stringify(staffHistory.body)).toContain(note.body.id);
      const internalRows = (await historyRows(t.dataSource, ticket.id)).filter((h) => h.internal);
      expect(internalRows).toEqual([expect.objectContaining({ action: 'article', field: 'internal', newValue: note.body.id })]);

      for (const q of ['murciélago', 'murcielago', 'servidor']) {
        const mine = await requester.api.get(`${TICKETS}?q=${encodeURIComponent(q)}`).expect(200);
        expect({ q, total: mine.body.total }).toEqual({ q, total: 0 });
        const staff = await agent.api.get(`${TICKETS}?q=${encodeURIComponent(q)}`).expect(200);
        expect({ q, ids: idsOf(staff) }).toEqual({ q, ids: [ticket.id] });
      }
      // The requester's search does work on public text.
      expect(idsOf(await requester.api.get(`${TICKETS}?q=buzon`).expect(200))).toEqual([ticket.id]);
    });

    it('refuses an internal note written by a requester', async () => {
      const requester = await person(t, ['requester']);
      const ticket = await openTicket(requester.api);
      const res = await requester.api.post(ticketUrl(ticket.id, '/articles'), { kind: 'internal', body: 'Nota interna falsa.' });
      expect(problemOf(res)).toEqual({ status: 403, code: 'TICKET_ACTION_FORBIDDEN', fields: ['kind'] });
    });
  });

  describe('unit sharing (organisations.requestersSeeUnitTickets)', () => {
    it('keeps a colleague of the same responsible unit out unless the unit shares its tickets', async () => {
      const { ur, a, colleague } = await unitWithTwoAreas();
      const ticket = await openTicket(a.api, { title: 'Proyector de la sala de juntas', description: 'No proyecta.' });
      expect(ticket.unitId).toBe(ur.id);

      await colleague.api.get(ticketUrl(ticket.id)).expect(404);
      expect(idsOf(await colleague.api.get(TICKETS).expect(200))).toEqual([]);

      const org = await admin.api.get(`/api/v1/organisations/${ur.id}`).expect(200);
      await admin.api.patch(`/api/v1/organisations/${ur.id}`, { version: org.body.version, requestersSeeUnitTickets: true }).expect(200);

      const seen = await colleague.api.get(ticketUrl(ticket.id)).expect(200);
      expect(seen.body.title).toBe('Proyector de la sala de juntas');
      expect(idsOf(await colleague.api.get(TICKETS).expect(200))).toEqual([ticket.id]);
      expect(idsOf(await colleague.api.get(`${TICKETS}?q=proyector`).expect(200))).toEqual([ticket.id]);
      await colleague.api.get(ticketUrl(ticket.id, '/history')).expect(200);
      // Seeing is not owning: only the requester decides on the ticket's state.
      const cancel = await colleague.api.post(ticketUrl(ticket.id, '/transitions'), { version: ticket.version, to: 'cancelled', reason: 'No es mío.' });
      expect(problemOf(cancel)).toMatchObject({ status: 403, code: 'TICKET_ACTION_FORBIDDEN' });

      await admin.api.patch(`/api/v1/organisations/${ur.id}`, { requestersSeeUnitTickets: false }).expect(200);
      await colleague.api.get(ticketUrl(ticket.id)).expect(404);
      expect(idsOf(await colleague.api.get(TICKETS).expect(200))).toEqual([]);
    });

    it('never shares a unit’s tickets with a requester of another unit', async () => {
      const first = await unitWithTwoAreas();
      const second = await unitWithTwoAreas();
      await admin.api.patch(`/api/v1/organisations/${first.ur.id}`, { requestersSeeUnitTickets: true }).expect(200);
      await admin.api.patch(`/api/v1/organisations/${second.ur.id}`, { requestersSeeUnitTickets: true }).expect(200);
      const ticket = await openTicket(first.a.api);
      await second.colleague.api.get(ticketUrl(ticket.id)).expect(404);
      expect(idsOf(await second.colleague.api.get(TICKETS).expect(200))).toEqual([]);
      await first.colleague.api.get(ticketUrl(ticket.id)).expect(200);
    });
  });

  describe('staff scopes', () => {
    it('shows a 2nd-level resolver only the tickets of their teams or assigned to them, and the 1st-level agent all', async () => {
      const resolver = await person(t, ['resolver_l2']);
      const otherResolver = await person(t, ['resolver_l2']);
      const mine = await createTeam(t.dataSource, { supportLevel: '2', memberIds: [resolver.id] });
      const other = await createTeam(t.dataSource, { supportLevel: '2', memberIds: [otherResolver.id] });
      const requester = await person(t, ['requester']);

      const teamTicket = await openTicket(requester.api, { title: 'Para mi equipo' });
      await actOk(agent.api, teamTicket.id, 'assign', { teamId: mine.id });
      const assignedToMe = await openTicket(requester.api, { title: 'Asignado a mí' });
      await actOk(agent.api, assignedToMe.id, 'assign', { assigneeId: resolver.id });
      const otherTeam = await openTicket(requester.api, { title: 'De otro equipo' });
      await actOk(agent.api, otherTeam.id, 'assign', { teamId: other.id });
      const unassigned = await openTicket(requester.api, { title: 'Sin asignar' });

      for (const visible of [teamTicket, assignedToMe]) await resolver.api.get(ticketUrl(visible.id)).expect(200);
      for (const hidden of [otherTeam, unassigned]) {
        for (const suffix of ['', '/history', '/articles']) {
          const res = await resolver.api.get(ticketUrl(hidden.id, suffix));
          expect({ suffix, ...problemOf(res) }).toMatchObject({ suffix, status: 404, code: 'TICKET_NOT_FOUND' });
        }
        const take = await resolver.api.post(ticketUrl(hidden.id, '/take'), {});
        expect(problemOf(take)).toMatchObject({ status: 404, code: 'TICKET_NOT_FOUND' });
        const note = await resolver.api.post(ticketUrl(hidden.id, '/articles'), { kind: 'internal', body: 'No debería poder.' });
        expect(problemOf(note)).toMatchObject({ status: 404 });
      }
      const list = await resolver.api.get(`${TICKETS}?requesterId=${requester.id}`).expect(200);
      expect(idsOf(list).sort()).toEqual([teamTicket.id, assignedToMe.id].sort());
      expect(list.body.total).toBe(2);
      const lookup = await resolver.api.get(`${TICKETS}/lookup?q=${encodeURIComponent('De otro')}`).expect(200);
      expect(lookup.body.items).toEqual([]);

      const all = await agent.api.get(`${TICKETS}?requesterId=${requester.id}`).expect(200);
      expect(all.body.total).toBe(4);
      for (const tk of [teamTicket, assignedToMe, otherTeam, unassigned]) await agent.api.get(ticketUrl(tk.id)).expect(200);
    });
  });
});

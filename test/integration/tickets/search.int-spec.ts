import type request from 'supertest';
import { createTestApp, type TestApp } from '../../support/app';
import { actOk, createTeam, openTicket, person, TICKETS, ticketUrl, type Person, type TicketDto } from '../../support/tickets';

type ListItem = { id: string; number: string; title: string; priority: string; state: string };
const idsOf = (res: request.Response) => (res.body.items as ListItem[]).map((i) => i.id);
const sorted = (ids: string[]) => [...ids].sort();

describe('ticket search and queues', () => {
  let t: TestApp;
  let requester: Person;
  let agent: Person;
  let otherAgent: Person;
  let team: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    [requester, agent, otherAgent] = await Promise.all([person(t, ['requester']), person(t, ['agent_l1']), person(t, ['agent_l1'])]);
    team = await createTeam(t.dataSource, { supportLevel: '1', memberIds: [agent.id] });
  });
  afterAll(() => t?.close());

  const list = (p: Person, query: string) => p.api.get(`${TICKETS}?${query}`).expect(200);

  describe('Spanish full-text search', () => {
    let printer: TicketDto;
    let other: TicketDto;

    beforeAll(async () => {
      printer = await openTicket(requester.api, {
        title: 'Falla en la configuración de la impresora',
        description: 'La impresora del área de nóminas no imprime en red.',
      });
      other = await openTicket(requester.api, { title: 'Alta de cuenta de correo', description: 'Nuevo empleado en recursos humanos.' });
      await agent.api
        .post(ticketUrl(printer.id, '/articles'), { kind: 'public', body: 'Se sustituyó el cartucho de tóner y se reconfiguró el puerto.' })
        .expect(201);
    });

    it.each([
      ['a word without its accent', 'configuracion'],
      ['the accented word', 'configuración'],
      ['another form of a word (stemming)', 'impresoras'],
      ['a word of the description', 'nóminas'],
      ['a word that only appears in a public reply', 'cartucho'],
      ['an unaccented word of a public reply', 'toner'],
      ['two words', 'falla impresora'],
    ])('finds the ticket by %s (q=%s)', async (_label, q) => {
      for (const who of [agent, requester]) {
        const res = await list(who, `q=${encodeURIComponent(q)}`);
        expect(idsOf(res)).toContain(printer.id);
        expect(idsOf(res)).not.toContain(other.id);
      }
    });

    it('finds the ticket by a prefix of its number', async () => {
      const year = printer.number.slice(0, 4);
      const res = await list(agent, `q=${year}-0000&pageSize=200`);
      expect(idsOf(res)).toEqual(expect.arrayContaining([printer.id, other.id]));
      expect((res.body.items as ListItem[]).every((i) => i.number.startsWith(`${year}-0000`))).toBe(true);
      expect(idsOf(await list(agent, `q=${printer.number}`))).toEqual([printer.id]);
      expect(idsOf(await list(requester, `q=${printer.number}`))).toEqual([printer.id]);
    });

    it('finds the ticket by the sequence part of its number, typed without the year', async () => {
      const sequence = printer.number.split('-')[1];
      expect(idsOf(await list(agent, `q=${sequence}`))).toEqual([printer.id]);
      const lookup = await agent.api.get(`${TICKETS}/lookup?q=${sequence}`).expect(200);
      expect(lookup.body.items.map((i: ListItem) => i.id)).toEqual([printer.id]);
    });

    it('finds a ticket by a bare number without leading zeros ("40" is 2026-000040)', async () => {
      const bare = String(Number(other.number.split('-')[1]));
      expect(bare.length).toBeLessThan(3);
      expect(idsOf(await list(agent, `q=${bare}`))).toEqual([other.id]);
      expect(idsOf(await list(requester, `q=${bare}`))).toEqual([other.id]);
    });

    it("finds tickets by the requester's name, ignoring accents, alone or with a word of the ticket", async () => {
      const lucia = await person(t, ['requester'], { fullName: 'Lucía Ángeles Núñez' });
      const hers = await openTicket(agent.api, { requesterId: lucia.id, title: 'Teclado sin respuesta', description: 'Las teclas no responden.' });
      for (const q of ['Lucia', 'lucía angeles', 'nunez teclado'])
        expect({ q, ids: idsOf(await list(agent, `q=${encodeURIComponent(q)}`)) }).toEqual({ q, ids: [hers.id] });
      expect(idsOf(await list(lucia, 'q=Lucia'))).toEqual([hers.id]);
      expect(idsOf(await list(agent, `q=${encodeURIComponent('lucia impresora')}`))).toEqual([]);
      // A rename refreshes the vectors of the requester's tickets.
      await t.dataSource.query(`UPDATE users SET full_name = 'Lucía Ibarra' WHERE id = $1`, [lucia.id]);
      expect(idsOf(await list(agent, 'q=Ibarra'))).toEqual([hers.id]);
      expect(idsOf(await list(agent, 'q=nunez'))).toEqual([]);
    });

    it('finds a ticket by its form answers', async () => {
      const ticket = await openTicket(requester.api, { title: 'Apertura de puertos', description: 'Para el sistema de nómina.' });
      await t.dataSource.query(`UPDATE tickets SET form_data = $2 WHERE id = $1`, [
        ticket.id,
        JSON.stringify({ ip: '10.20.30.40', sitio: 'intranet.guanajuato.gob.mx', motivo: 'Videoconferencias del despacho', modulos: ['Tesorería'] }),
      ]);
      for (const q of ['videoconferencias', 'tesoreria', 'despacho'])
        for (const who of [agent, requester]) expect({ q, ids: idsOf(await list(who, `q=${q}`)) }).toEqual({ q, ids: [ticket.id] });
    });

    it('finds nothing for a word that is in no ticket', async () => {
      const res = await list(agent, 'q=helicóptero');
      expect(res.body).toMatchObject({ items: [], total: 0 });
    });

    it('follows an edited title', async () => {
      const ticket = await openTicket(requester.api, { title: 'Pantalla parpadea', description: 'Desde la mañana.' });
      expect(idsOf(await list(agent, 'q=pantalla'))).toContain(ticket.id);
      await agent.api.patch(ticketUrl(ticket.id), { version: ticket.version, title: 'Monitor parpadea' }).expect(200);
      expect(idsOf(await list(agent, 'q=monitor'))).toContain(ticket.id);
      expect(idsOf(await list(agent, 'q=pantalla'))).not.toContain(ticket.id);
    });

    it('accepts search operators and stray punctuation without failing', async () => {
      for (const q of ['"falla en la" -correo', 'impresora OR correo', '(((', 'a & b | !c', "o'higgins", '%_\\']) {
        const res = await agent.api.get(`${TICKETS}?q=${encodeURIComponent(q)}`);
        expect({ q, status: res.status }).toEqual({ q, status: 200 });
      }
      expect(idsOf(await list(agent, `q=${encodeURIComponent('impresora -correo')}`))).toContain(printer.id);
    });

    it('looks tickets up by title prefix and by number prefix', async () => {
      const byTitle = await agent.api.get(`${TICKETS}/lookup?q=${encodeURIComponent('falla en la conf')}`).expect(200);
      expect(byTitle.body.items).toEqual([{ id: printer.id, number: printer.number, title: printer.title, state: printer.state }]);
      const byNumber = await agent.api.get(`${TICKETS}/lookup?q=${printer.number}`).expect(200);
      expect(byNumber.body.items.map((i: ListItem) => i.id)).toEqual([printer.id]);
      const byYear = await agent.api.get(`${TICKETS}/lookup?q=${printer.number.slice(0, 5)}&limit=20`).expect(200);
      expect(byYear.body.items.map((i: ListItem) => i.id)).toEqual(expect.arrayContaining([printer.id, other.id]));
      const limited = await agent.api.get(`${TICKETS}/lookup?q=${printer.number.slice(0, 5)}&limit=1`).expect(200);
      expect(limited.body.items).toHaveLength(1);
      const wildcard = await agent.api.get(`${TICKETS}/lookup?q=${encodeURIComponent('%')}`).expect(200);
      expect(wildcard.body.items).toEqual([]);
    });
  });

  describe('agent queues', () => {
    let queueRequester: Person;
    let fresh: TicketDto;
    let mine: TicketDto;
    let forTeam: TicketDto;
    let pending: TicketDto;
    let resolved: TicketDto;
    let declined: TicketDto;

    beforeAll(async () => {
      queueRequester = await person(t, ['requester']);
      const open = (title: string, impact: string, urgency: string) => openTicket(agent.api, { requesterId: queueRequester.id, title, impact, urgency });
      fresh = await open('Nuevo sin asignar', 'low', 'medium'); // low
      mine = await open('Tomado por el agente', 'high', 'high'); // critical
      forTeam = await open('Para el equipo', 'high', 'medium'); // high
      pending = await open('Esperando proveedor', 'medium', 'medium'); // medium
      resolved = await open('Ya resuelto', 'medium', 'medium'); // medium
      declined = await open('Fuera de catálogo', 'low', 'low'); // low

      await agent.api.post(ticketUrl(mine.id, '/take'), {}).expect(200);
      await actOk(agent.api, forTeam.id, 'assign', { teamId: team.id });
      await otherAgent.api.post(ticketUrl(pending.id, '/take'), {}).expect(200);
      await actOk(otherAgent.api, pending.id, 'transitions', { to: 'pending', pendingReason: 'third_party' });
      await otherAgent.api.post(ticketUrl(resolved.id, '/take'), {}).expect(200);
      await actOk(otherAgent.api, resolved.id, 'transitions', { to: 'resolved', solution: 'Hecho.' });
      await actOk(agent.api, declined.id, 'transitions', { to: 'declined', reason: 'No es de TI.' });
    });

    const queue = async (who: Person, query: string) => {
      const res = await list(who, `requesterId=${queueRequester.id}&${query}`);
      return { ids: sorted(idsOf(res)), total: res.body.total as number };
    };
    const expected = (...tickets: TicketDto[]) => ({ ids: sorted(tickets.map((x) => x.id)), total: tickets.length });

    it.each([
      ['mine', () => [mine]],
      ['team', () => [forTeam]],
      ['unassigned', () => [fresh, forTeam]],
      ['pending', () => [pending]],
      ['open', () => [fresh, mine, forTeam, pending]],
      ['all', () => [fresh, mine, forTeam, pending, resolved, declined]],
    ])('view=%s returns the right tickets and total', async (view, tickets) => {
      expect(await queue(agent, `view=${view}`)).toEqual(expected(...tickets()));
    });

    it('computes "mine" and "team" per agent', async () => {
      expect(await queue(otherAgent, 'view=mine')).toEqual(expected(pending));
      expect(await queue(otherAgent, 'view=team')).toEqual(expected());
    });

    it('filters by state and by priority, alone and combined with a view', async () => {
      expect(await queue(agent, 'state=resolved,declined')).toEqual(expected(resolved, declined));
      expect(await queue(agent, 'state=in_progress')).toEqual(expected(mine));
      expect(await queue(agent, 'priority=critical,high')).toEqual(expected(mine, forTeam));
      expect(await queue(agent, 'priority=low')).toEqual(expected(fresh, declined));
      expect(await queue(agent, 'view=open&priority=low')).toEqual(expected(fresh));
      expect(await queue(agent, 'state=new&priority=critical')).toEqual(expected());
      expect(await queue(agent, `teamId=${team.id}`)).toEqual(expected(forTeam));
      expect(await queue(agent, `assigneeId=${otherAgent.id}`)).toEqual(expected(pending, resolved));
    });

    it('puts critical first with sort=priority', async () => {
      const res = await list(agent, `requesterId=${queueRequester.id}&sort=priority`);
      const priorities = (res.body.items as ListItem[]).map((i) => i.priority);
      expect(priorities).toEqual(['critical', 'high', 'medium', 'medium', 'low', 'low']);
      expect(res.body.items[0].id).toBe(mine.id);
    });

    it('pages with a stable total, also past the last page', async () => {
      const first = await list(agent, `requesterId=${queueRequester.id}&pageSize=4&page=1`);
      const second = await list(agent, `requesterId=${queueRequester.id}&pageSize=4&page=2`);
      expect(first.body).toMatchObject({ total: 6, page: 1, pageSize: 4 });
      expect(second.body).toMatchObject({ total: 6, page: 2 });
      expect(sorted([...idsOf(first), ...idsOf(second)])).toEqual(expected(fresh, mine, forTeam, pending, resolved, declined).ids);
      const beyond = await list(agent, `requesterId=${queueRequester.id}&pageSize=4&page=5`);
      expect(beyond.body).toMatchObject({ items: [], total: 6 });
    });

    it('shows the requester their own tickets under view=mine', async () => {
      expect(await queue(queueRequester, 'view=mine')).toEqual(expected(fresh, mine, forTeam, pending, resolved, declined));
    });

    it('rejects an unknown view, state or sort with 400 naming the parameter', async () => {
      for (const [query, field] of [
        ['view=everything', 'view'],
        ['state=open', 'state'],
        ['sort=random', 'sort'],
      ]) {
        const res = await agent.api.get(`${TICKETS}?${query}`);
        expect({ query, status: res.status, fields: (res.body.errors as { field: string }[]).map((e) => e.field) }).toEqual({
          query,
          status: 400,
          fields: [expect.stringContaining(field)],
        });
      }
    });
  });
});

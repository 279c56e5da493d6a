import { DEMO_PASSWORD, demoLogins, loadDemoData } from '../../../src/database/demo-data';
import { textModuleErrors } from '../../../src/modules/text-modules/text-module.rules';
import { createTestApp, type TestApp } from '../../support/app';
import { as, login } from '../../support/http';
import { createTeam, fieldsOf, openTicket, person, type Person, type TicketDto } from '../../support/tickets';

const BASE = '/api/v1/text-modules';
type Module = { id: string; name: string; version: number; isActive: boolean; canManage: boolean; scope: string; teamId: string | null };
type AuditRow = { action: string; field: string | null; oldValue: unknown; newValue: unknown };

describe('text modules', () => {
  let t: TestApp;
  let admin: Person;
  let coordinatorA: Person;
  let agentA: Person;
  let agentB: Person;
  let requester: Person;
  let teamA: { id: string };
  let teamB: { id: string };
  let ticket: TicketDto;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, coordinatorA, agentA, agentB] = await Promise.all([
      person(t, ['admin']),
      person(t, ['team_coordinator'], { fullName: 'Carmen Ruiz' }),
      person(t, ['agent_l1'], { fullName: 'Miguel Ángel Pérez' }),
      person(t, ['agent_l1']),
    ]);
    requester = await person(t, ['requester'], { fullName: 'Lucía Hernández' });
    teamA = await createTeam(t.dataSource, { supportLevel: '1', coordinatorId: coordinatorA.id, memberIds: [agentA.id] });
    teamB = await createTeam(t.dataSource, { supportLevel: '1', memberIds: [agentB.id] });
    ticket = await openTicket(requester.api, { title: 'Impresora sin tóner', description: 'No imprime.' });
  });
  afterAll(() => t?.close());

  const names = async (p: Person, query = '') => ((await p.api.get(`${BASE}${query}`).expect(200)).body.items as Module[]).map((m) => m.name);
  const audit = async (id: string) =>
    ((await admin.api.get(`/api/v1/audit?entity=text_module&entityId=${id}&pageSize=50`).expect(200)).body.items as AuditRow[]).reverse();

  let global: Module;
  let ofTeamA: Module;

  it('lets an admin create a global module and a coordinator one for their team, with audit rows', async () => {
    global = (
      await admin.api
        .post(BASE, {
          name: 'Saludo inicial',
          keywords: ['hola', 'bienvenida'],
          body: 'Hola {{requester.firstName}}, soy {{agent.name}}. Tu folio es {{ticket.number}}.',
          scope: 'global',
        })
        .expect(201)
    ).body;
    ofTeamA = (
      await coordinatorA.api.post(BASE, { name: 'Cierre de impresoras', body: 'Se atendió «{{ticket.title}}».', scope: 'team', teamId: teamA.id }).expect(201)
    ).body;
    expect(ofTeamA).toMatchObject({ scope: 'team', teamId: teamA.id, isActive: true, canManage: true });
    expect(await audit(global.id)).toEqual([expect.objectContaining({ action: 'create', field: null })]);
  });

  it('refuses global modules to a coordinator and other teams to them, and everything to agents and requesters', async () => {
    const body = { name: 'X', body: 'Hola', scope: 'global' };
    expect((await coordinatorA.api.post(BASE, body)).status).toBe(403);
    expect((await coordinatorA.api.post(BASE, { ...body, scope: 'team', teamId: teamB.id })).status).toBe(403);
    expect((await agentA.api.post(BASE, { ...body, scope: 'team', teamId: teamA.id })).status).toBe(403);
    expect((await agentA.api.patch(`${BASE}/${ofTeamA.id}`, { version: 1, name: 'Otro' })).status).toBe(403);
    for (const call of [requester.api.get(BASE), requester.api.post(BASE, body), requester.api.get(`${BASE}/${global.id}`)])
      expect((await call).status).toBe(403);
  });

  it("shows a team's module to that team only and global modules to every agent", async () => {
    expect(await names(agentA)).toEqual(['Cierre de impresoras', 'Saludo inicial']);
    expect(await names(agentB)).toEqual(['Saludo inicial']);
    expect((await agentB.api.get(`${BASE}/${ofTeamA.id}`)).status).toBe(404);
    expect((await agentB.api.post(`${BASE}/${ofTeamA.id}/render`, { ticketId: ticket.id })).status).toBe(404);
    expect(await names(coordinatorA, '?view=manage')).toEqual(['Cierre de impresoras']);
    expect(await names(admin, '?view=manage')).toEqual(['Cierre de impresoras', 'Saludo inicial']);
  });

  it('filters by name and keywords ignoring accents', async () => {
    expect(await names(agentA, '?q=BIENVENIDA')).toEqual(['Saludo inicial']);
    expect(await names(agentA, `?q=${encodeURIComponent('impresóras')}`)).toEqual(['Cierre de impresoras']);
  });

  it('fills the placeholders for a ticket the agent may read', async () => {
    const res = await agentA.api.post(`${BASE}/${global.id}/render`, { ticketId: ticket.id }).expect(200);
    expect(res.body).toEqual({ body: `Hola Lucía, soy Miguel Ángel Pérez. Tu folio es ${ticket.number}.` });
    const team = await agentA.api.post(`${BASE}/${ofTeamA.id}/render`, { ticketId: ticket.id }).expect(200);
    expect(team.body.body).toBe('Se atendió «Impresora sin tóner».');
  });

  it('refuses to render for a ticket outside the agent scope', async () => {
    const resolver = await person(t, ['resolver_l2']);
    expect((await resolver.api.post(`${BASE}/${global.id}/render`, { ticketId: ticket.id })).status).toBe(404);
  });

  it('refuses unknown placeholders and bad lengths naming the field', async () => {
    const res = await admin.api.post(BASE, { name: '', keywords: ['x'.repeat(41)], body: 'Hola {{requester.email}}', scope: 'global' }).expect(400);
    expect(fieldsOf(res).sort()).toEqual(['body', 'keywords.0', 'name']);
    expect(JSON.stringify(res.body.errors)).toContain('{{requester.email}}');
    const team = await admin.api.post(BASE, { name: 'Sin equipo', body: 'Hola', scope: 'team' }).expect(400);
    expect(fieldsOf(team)).toEqual(['teamId']);
    const patch = await coordinatorA.api.patch(`${BASE}/${ofTeamA.id}`, { version: ofTeamA.version, body: '{{ticket.secret}}' }).expect(400);
    expect(fieldsOf(patch)).toEqual(['body']);
  });

  it('deactivates a module (agents stop seeing it) with a version check and an audit row', async () => {
    expect((await coordinatorA.api.patch(`${BASE}/${ofTeamA.id}`, { version: 99, isActive: false })).status).toBe(409);
    const off = (await coordinatorA.api.patch(`${BASE}/${ofTeamA.id}`, { version: ofTeamA.version, isActive: false }).expect(200)).body as Module;
    expect(off.isActive).toBe(false);
    expect(await names(agentA)).toEqual(['Saludo inicial']);
    expect((await agentA.api.post(`${BASE}/${ofTeamA.id}/render`, { ticketId: ticket.id })).status).toBe(404);
    expect(await names(coordinatorA, '?view=manage')).toEqual(['Cierre de impresoras']);
    expect((await audit(ofTeamA.id)).map((r) => [r.action, r.field, r.oldValue, r.newValue])).toEqual([
      ['create', null, null, expect.any(Object)],
      ['update', 'isActive', true, false],
    ]);
  });

  it('deletes a module with an audit row', async () => {
    await coordinatorA.api.delete(`${BASE}/${ofTeamA.id}`).expect(204);
    expect((await coordinatorA.api.get(`${BASE}/${ofTeamA.id}`)).status).toBe(404);
    expect((await audit(ofTeamA.id)).map((r) => r.action)).toEqual(['create', 'update', 'delete']);
  });
});

describe('demo text modules', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await loadDemoData(t.databaseUrl);
  });
  afterAll(() => t?.close());

  it('ships valid global modules and one of the desk team, which the demo L1 agent can fill', async () => {
    const rows = (await t.dataSource.query(`SELECT id, name, keywords, body, scope, team_id AS "teamId" FROM text_modules ORDER BY name`)) as {
      id: string;
      name: string;
      keywords: string[];
      body: string;
      scope: 'global' | 'team';
      teamId: string | null;
    }[];
    expect(rows.map((r) => r.scope).sort()).toEqual(['global', 'global', 'global', 'team']);
    for (const r of rows) expect({ name: r.name, errors: textModuleErrors(r) }).toEqual({ name: r.name, errors: [] });
    const agent = as(t.url, await login(t.url, demoLogins().find((l) => l.role === 'agent_l1')!.email, DEMO_PASSWORD));
    const usable = (await agent.get(BASE).expect(200)).body.items as Module[];
    expect(usable).toHaveLength(4);
    const [ticket] = (await t.dataSource.query(`SELECT id, number FROM tickets ORDER BY created_at LIMIT 1`)) as { id: string; number: string }[];
    const greeting = usable.find((m) => m.name === 'Saludo')!;
    const res = await agent.post(`${BASE}/${greeting.id}/render`).send({ ticketId: ticket.id });
    expect(res.status).toBe(200);
    expect(res.body.body).toContain(ticket.number);
    expect(res.body.body).not.toContain('{{');
  });
});

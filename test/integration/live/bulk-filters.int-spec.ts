import { createTestApp, type TestApp } from '../../support/app';
import { createUser } from '../../support/factories';
import { as, login, type Session } from '../../support/http';

describe('Bulk actions and saved filters', () => {
  let t: TestApp;
  let agent: Session;
  let requester: Session;
  let teamId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const a = await createUser(t.dataSource, { roles: ['agent_l1'] });
    const r = await createUser(t.dataSource, { roles: ['requester'] });
    const admin = await createUser(t.dataSource, { roles: ['admin'] });
    [agent, requester] = [await login(t.url, a.email, a.password), await login(t.url, r.email, r.password)];
    const team = await as(t.url, await login(t.url, admin.email, admin.password))
      .post('/api/v1/teams')
      .send({ name: 'Redes', supportLevel: '2' })
      .expect(201);
    teamId = team.body.id;
  });
  afterAll(() => t.close());

  const open = async (title: string) => (await as(t.url, requester).post('/api/v1/tickets').send({ title, description: 'detalle' }).expect(201)).body;

  it('assigns many tickets, validating each and reporting the ones that fail', async () => {
    const a = await open('Bulk uno');
    const b = await open('Bulk dos');
    const c = await open('Bulk tres');
    await as(t.url, requester).post(`/api/v1/tickets/${c.id}/transitions`).send({ to: 'cancelled', version: c.version, reason: 'ya no aplica' }).expect(200);
    const res = await as(t.url, agent)
      .post('/api/v1/tickets/bulk')
      .send({ ticketIds: [a.id, b.id, c.id], action: 'assign', teamId })
      .expect(200);
    expect(res.body.results).toEqual([
      { ticketId: a.id, ok: true },
      { ticketId: b.id, ok: true },
      expect.objectContaining({ ticketId: c.id, ok: false, status: 409, code: 'TICKET_READ_ONLY' }),
    ]);
    const history = await as(t.url, agent).get(`/api/v1/tickets/${a.id}/history`).expect(200);
    expect(history.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'assign', field: 'teamId', newValue: teamId })]));
  });

  it('changes priority in bulk through the matrix and refuses to close tickets that are not resolved', async () => {
    const a = await open('Prioridad uno');
    const res = await as(t.url, agent)
      .post('/api/v1/tickets/bulk')
      .send({ ticketIds: [a.id], action: 'priority', impact: 'high', urgency: 'high' })
      .expect(200);
    expect(res.body.results).toEqual([{ ticketId: a.id, ok: true }]);
    expect((await as(t.url, agent).get(`/api/v1/tickets/${a.id}`).expect(200)).body.priority).toBe('critical');
    const close = await as(t.url, agent)
      .post('/api/v1/tickets/bulk')
      .send({ ticketIds: [a.id], action: 'close' })
      .expect(200);
    expect(close.body.results[0]).toMatchObject({ ok: false, code: 'TICKET_ILLEGAL_TRANSITION' });
  });

  it('keeps bulk actions to staff and reports an unknown ticket as not found', async () => {
    await as(t.url, requester)
      .post('/api/v1/tickets/bulk')
      .send({ ticketIds: ['00000000-0000-4000-8000-000000000001'], action: 'close' })
      .expect(403);
    const res = await as(t.url, agent)
      .post('/api/v1/tickets/bulk')
      .send({ ticketIds: ['00000000-0000-4000-8000-000000000001'], action: 'close' })
      .expect(200);
    expect(res.body.results[0]).toMatchObject({ ok: false, status: 404, code: 'TICKET_NOT_FOUND' });
  });

  it('saves, replaces by name, lists and deletes an agent’s filters', async () => {
    await as(t.url, agent)
      .post('/api/v1/saved-filters')
      .send({ name: 'Críticos', query: { view: 'open', priority: ['critical'] } })
      .expect(201);
    await as(t.url, agent)
      .post('/api/v1/saved-filters')
      .send({ name: 'Críticos', query: { view: 'team', priority: ['critical', 'high'] } })
      .expect(201);
    const list = await as(t.url, agent).get('/api/v1/saved-filters').expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ name: 'Críticos', query: { view: 'team', priority: ['critical', 'high'] } })]);
    await as(t.url, agent).delete(`/api/v1/saved-filters/${list.body.items[0].id}`).expect(204);
    await as(t.url, agent).delete(`/api/v1/saved-filters/${list.body.items[0].id}`).expect(404);
  });
});

describe('Pickers and timelines', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists a team’s members and only staff, and names the people in history and conversation', async () => {
    const admin = await createUser(t.dataSource, { roles: ['admin'] });
    const r2 = await createUser(t.dataSource, { roles: ['resolver_l2'], fullName: 'Ana Torres' });
    const coordinator = await createUser(t.dataSource, { roles: ['team_coordinator'] });
    const requester = await createUser(t.dataSource, { roles: ['requester'], fullName: 'Lucía Hernández' });
    const sa = await login(t.url, admin.email, admin.password);
    const team = await as(t.url, sa)
      .post('/api/v1/teams')
      .send({ name: 'Bases de datos', supportLevel: '2', coordinatorId: coordinator.id, memberIds: [r2.id] })
      .expect(201);
    const members = await as(t.url, sa).get(`/api/v1/users?teamId=${team.body.id}`).expect(200);
    expect(members.body.items.map((u: { id: string }) => u.id).sort()).toEqual([r2.id, coordinator.id].sort());
    const staff = await as(t.url, sa).get('/api/v1/users?staff=true&pageSize=200').expect(200);
    const ids = staff.body.items.map((u: { id: string }) => u.id);
    expect(ids).toEqual(expect.arrayContaining([r2.id, coordinator.id]));
    expect(ids).not.toContain(requester.id);
    expect(ids).not.toContain(admin.id);

    const sr = await login(t.url, requester.email, requester.password);
    const ticket = (await as(t.url, sr).post('/api/v1/tickets').send({ title: 'Consulta', description: 'detalle' }).expect(201)).body;
    await as(t.url, sr).post(`/api/v1/tickets/${ticket.id}/articles`).send({ body: 'Hola' }).expect(201);
    const articles = await as(t.url, sr).get(`/api/v1/tickets/${ticket.id}/articles`).expect(200);
    expect(articles.body.items[0].authorName).toBe('Lucía Hernández');
    const history = await as(t.url, sr).get(`/api/v1/tickets/${ticket.id}/history`).expect(200);
    expect(history.body.items[0].actorName).toBe('Lucía Hernández');
  });
});

import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { createUser } from '../support/factories';
import { as, login, type Session } from '../support/http';
import { bearer, createApiToken } from '../support/routes';
import { actOk, createTeam, openTicket, person, type Person } from '../support/tickets';

/** The administrator's user screen (a user's API tokens) and the coordinators' overview of their tickets. */
describe('administration and coordination', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    const a = await createUser(t.dataSource, { roles: ['admin'] });
    admin = await login(t.url, a.email, a.password);
  });
  afterAll(() => t?.close());

  describe('a user’s API tokens', () => {
    it('lists a user’s live tokens and revokes one, audited as the administrator’s doing', async () => {
      const u = await createUser(t.dataSource, { roles: ['agent_l1'] });
      const keep = await createApiToken(t.dataSource, u.id, 'tablero');
      const revoke = await createApiToken(t.dataSource, u.id, 'script');
      const listed = await as(t.url, admin).get(`/api/v1/users/${u.id}/tokens`).expect(200);
      expect((listed.body.items as { name: string }[]).map((i) => i.name).sort()).toEqual(['script', 'tablero']);
      expect(JSON.stringify(listed.body)).not.toContain(revoke);
      const id = (listed.body.items as { id: string; name: string }[]).find((i) => i.name === 'script')!.id;

      await as(t.url, admin).delete(`/api/v1/users/${u.id}/tokens/${id}`).expect(204);

      await request(t.url).get('/api/v1/me').set(bearer(revoke)).expect(401);
      await request(t.url).get('/api/v1/me').set(bearer(keep)).expect(200);
      const after = await as(t.url, admin).get(`/api/v1/users/${u.id}/tokens`).expect(200);
      expect((after.body.items as { name: string }[]).map((i) => i.name)).toEqual(['tablero']);
      const audit = await t.dataSource.query(`SELECT field, new_value FROM audit_log WHERE entity = 'api_token' AND entity_id = $1 ORDER BY field`, [id]);
      expect(audit).toEqual([
        { field: 'revokedAt', new_value: expect.any(String) },
        { field: 'revokedBecause', new_value: 'revoked_by_admin' },
      ]);
    });

    it('answers 404 for a token of another user under this user’s path, and leaves it alive', async () => {
      const [owner, other] = await Promise.all([createUser(t.dataSource, { roles: ['requester'] }), createUser(t.dataSource, { roles: ['requester'] })]);
      const token = await createApiToken(t.dataSource, owner.id, 'ajeno');
      const [{ id }] = (await t.dataSource.query(`SELECT id FROM api_tokens WHERE user_id = $1`, [owner.id])) as { id: string }[];
      const res = await as(t.url, admin).delete(`/api/v1/users/${other.id}/tokens/${id}`).expect(404);
      expect(res.body).toMatchObject({ code: 'TOKEN_NOT_FOUND', errors: [{ field: 'tokenId' }] });
      await request(t.url).get('/api/v1/me').set(bearer(token)).expect(200);
    });

    it('answers 404 naming the user when the user does not exist', async () => {
      const res = await as(t.url, admin).get('/api/v1/users/00000000-0000-4000-8000-000000000000/tokens').expect(404);
      expect(res.body.code).toBe('USER_NOT_FOUND');
    });
  });

  describe('the audit log', () => {
    it('filters by action as well as by entity', async () => {
      const u = await createUser(t.dataSource, { roles: ['requester'] });
      await as(t.url, admin).patch(`/api/v1/users/${u.id}`).send({ phone: '473 000 0000' }).expect(200);
      const updates = await as(t.url, admin).get(`/api/v1/audit?entity=user&entityId=${u.id}&action=update`).expect(200);
      expect((updates.body.items as { action: string; field: string }[]).map((i) => [i.action, i.field])).toEqual([['update', 'phone']]);
      const creates = await as(t.url, admin).get(`/api/v1/audit?entity=user&entityId=${u.id}&action=create`).expect(200);
      expect(creates.body.items).toEqual([]);
      const bad = await as(t.url, admin).get('/api/v1/audit?action=erase').expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'action' })]);
    });
  });

  describe('the coordinators’ overview', () => {
    let agent: Person;
    let requester: Person;
    let coordinator: Person;
    let director: Person;
    let mine: { id: string };
    let other: { id: string };

    beforeAll(async () => {
      [agent, requester, coordinator, director] = await Promise.all([
        person(t, ['agent_l1']),
        person(t, ['requester']),
        person(t, ['team_coordinator']),
        person(t, ['director']),
      ]);
      mine = await createTeam(t.dataSource, { supportLevel: '2', coordinatorId: coordinator.id, memberIds: [coordinator.id], name: 'Redes y voz' });
      other = await createTeam(t.dataSource, { supportLevel: '2', name: 'Bases de datos' });
      const tickets = await Promise.all([
        openTicket(agent.api, { requesterId: requester.id, channel: 'phone', impact: 'high', urgency: 'high' }),
        openTicket(agent.api, { requesterId: requester.id, channel: 'phone', impact: 'low', urgency: 'low' }),
        openTicket(agent.api, { requesterId: requester.id, channel: 'phone', impact: 'low', urgency: 'low' }),
        openTicket(requester.api),
      ]);
      await actOk(agent.api, tickets[0].id, 'assign', { teamId: mine.id });
      await actOk(agent.api, tickets[1].id, 'assign', { teamId: mine.id });
      await actOk(agent.api, tickets[2].id, 'assign', { teamId: other.id });
      await t.dataSource.query(`UPDATE tickets SET reopen_count = 2 WHERE id = $1`, [tickets[1].id]);
      // A closed ticket counts nowhere.
      await t.dataSource.query(`UPDATE tickets SET state = 'closed' WHERE id = $1`, [tickets[3].id]);
    });

    it('counts a team coordinator’s open tickets by state, team and priority, with the reopened ones', async () => {
      const res = await coordinator.api.get('/api/v1/tickets/overview').expect(200);
      expect(res.body.open).toBe(2);
      expect(res.body.reopenedOpen).toBe(1);
      expect(res.body.byTeam).toEqual([{ teamId: mine.id, teamName: 'Redes y voz', count: 2 }]);
      expect(res.body.byState).toEqual([{ state: 'assigned', count: 2 }]);
      expect([...res.body.byPriority].sort((a: { priority: string }, b: { priority: string }) => a.priority.localeCompare(b.priority))).toEqual([
        { priority: 'critical', count: 1 },
        { priority: 'low', count: 1 },
      ]);
      expect(res.body.reopened).toEqual([expect.objectContaining({ reopenCount: 2, teamName: 'Redes y voz' })]);
      expect(res.body.oldestOpen).toHaveLength(2);
    });

    it('shows a director every open ticket of the desk', async () => {
      const res = await director.api.get('/api/v1/tickets/overview').expect(200);
      const teams = (res.body.byTeam as { teamId: string | null; count: number }[]).filter((r) => r.teamId === mine.id || r.teamId === other.id);
      expect(teams).toEqual(
        expect.arrayContaining([
          { teamId: mine.id, teamName: 'Redes y voz', count: 2 },
          { teamId: other.id, teamName: 'Bases de datos', count: 1 },
        ]),
      );
      expect(res.body.open).toBeGreaterThanOrEqual(3);
      const created = (res.body.oldestOpen as { createdAt: string }[]).map((r) => r.createdAt);
      expect(created).toEqual([...created].sort());
    });

    it('is not for agents or requesters', async () => {
      await agent.api.get('/api/v1/tickets/overview').expect(403);
      await requester.api.get('/api/v1/tickets/overview').expect(403);
    });

    it('lets coordinators and directors read the catalog indicator, not agents', async () => {
      await coordinator.api.get('/api/v1/indicators/documented-services').expect(200);
      await director.api.get('/api/v1/indicators/documented-services').expect(200);
      await agent.api.get('/api/v1/indicators/documented-services').expect(403);
    });
  });
});

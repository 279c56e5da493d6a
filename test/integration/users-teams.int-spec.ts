import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { createOrganisation, createUser, type CreatedUser } from '../support/factories';
import { as, login } from '../support/http';
import { bearer, createApiToken } from '../support/routes';

type AuditRow = { actorId: string | null; action: string; field: string | null; oldValue: unknown; newValue: unknown };

const unique = () => randomBytes(4).toString('hex');
const STRONG = 'Segura#2026';

describe('users and teams administration', () => {
  let t: TestApp;
  let admin: CreatedUser;
  let adminToken: string;
  let agentToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createUser(t.dataSource, { roles: ['admin'] });
    adminToken = await createApiToken(t.dataSource, admin.id);
    agentToken = await createApiToken(t.dataSource, (await createUser(t.dataSource, { roles: ['agent_l1'] })).id);
  });
  afterAll(() => t?.close());

  const by = (token: string) => ({
    get: (path: string) => request(t.url).get(path).set(bearer(token)),
    post: (path: string, body: object) => request(t.url).post(path).set(bearer(token)).send(body),
    put: (path: string, body: object) => request(t.url).put(path).set(bearer(token)).send(body),
    patch: (path: string, body: object) => request(t.url).patch(path).set(bearer(token)).send(body),
    delete: (path: string) => request(t.url).delete(path).set(bearer(token)),
  });
  const api = () => by(adminToken);
  // Setting a password is session-only (an API token cannot): these calls sign the administrator in.
  const resetPassword = async (userId: string, body: object) =>
    as(t.url, await login(t.url, admin.email, admin.password))
      .post(`/api/v1/users/${userId}/password`)
      .send(body);
  const fieldsOf = (res: request.Response) => (res.body.errors as { field: string }[]).map((e) => e.field);

  async function audit(entity: string, entityId: string): Promise<AuditRow[]> {
    const res = await api().get(`/api/v1/audit?entity=${entity}&entityId=${entityId}&pageSize=200`).expect(200);
    return (res.body.items as AuditRow[]).reverse();
  }
  const updates = (rows: AuditRow[]) => rows.filter((r) => r.action === 'update').map((r) => [r.field, r.oldValue, r.newValue]);

  async function newUser(body: Record<string, unknown> = {}) {
    const res = await api().post('/api/v1/users', {
      email: `u-${unique()}@dependencia.gob.mx`,
      fullName: 'Persona de Prueba',
      password: STRONG,
      roles: ['requester'],
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; email: string; version: number; roles: string[]; organisationId: string | null };
  }
  const loginStatus = (email: string, password: string) => request(t.url).post('/api/v1/auth/login').send({ email, password });

  describe('users', () => {
    it('creates a user with a normalised e-mail and returns no password material', async () => {
      const org = await createOrganisation(t.dataSource, { kind: 'dependency' });
      const email = `Ana.Lopez.${unique()}@Finanzas.GOB.MX`;
      const res = await api().post('/api/v1/users', {
        email,
        fullName: '  Ana López  ',
        password: STRONG,
        roles: ['agent_l1', 'agent_l1'],
        organisationId: org.id,
        isVip: true,
        phone: '449 123 4567',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        email: email.toLowerCase(),
        fullName: 'Ana López',
        roles: ['agent_l1'],
        organisationId: org.id,
        isVip: true,
        isActive: true,
        version: 1,
      });
      expect(Object.keys(res.body)).not.toContain('passwordHash');
      expect(JSON.stringify(res.body)).not.toMatch(/argon2|Segura#2026/);

      const [created] = await audit('user', res.body.id);
      expect(created).toMatchObject({
        action: 'create',
        actorId: admin.id,
        newValue: { email: email.toLowerCase(), roles: ['agent_l1'], organisationId: org.id, isVip: true, isActive: true },
      });
      expect(Object.keys(created.newValue as object)).not.toContain('passwordHash');
      expect(JSON.stringify(created)).not.toMatch(/argon2|Segura#2026|password/i);
      await login(t.url, email.toUpperCase(), STRONG);
    });

    it.each([
      ['"abc"', 'abc', ['min_length', 'digit', 'special']],
      ['"abcdefgh"', 'abcdefgh', ['digit', 'special']],
      ['"abcdefg1"', 'abcdefg1', ['special']],
      ['"ab#1"', 'ab#1', ['min_length']],
      ['a long passphrase with no digit', 'contraseña larga sin números', ['digit', 'special']],
      ['a 132-character password', `${'a'.repeat(130)}#1`, ['max_length']],
    ])('rejects the password %s with one message per broken rule', async (_label, password, rules) => {
      const email = `weak-${unique()}@dependencia.gob.mx`;
      const res = await api().post('/api/v1/users', { email, fullName: 'Débil', password, roles: ['requester'] });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('PASSWORD_POLICY_VIOLATION');
      expect(res.body.rules).toEqual(rules);
      expect(fieldsOf(res)).toEqual(rules.map(() => 'password'));
      expect(new Set(res.body.errors.map((e: { message: string }) => e.message)).size).toBe(rules.length);
      expect(await t.dataSource.query(`SELECT 1 FROM users WHERE email = $1`, [email])).toHaveLength(0);
    });

    it('rejects a duplicate e-mail whatever its case, on create and on update', async () => {
      const first = await newUser();
      const dup = await api().post('/api/v1/users', { email: first.email.toUpperCase(), fullName: 'Duplicado', password: STRONG, roles: ['requester'] });
      expect(dup.status).toBe(409);
      expect(dup.body).toMatchObject({ code: 'USER_EMAIL_TAKEN', errors: [{ field: 'email' }] });

      const second = await newUser();
      const rename = await api().patch(`/api/v1/users/${second.id}`, { email: ` ${first.email.toUpperCase()} ` });
      expect(rename.status).toBe(409);
      expect(rename.body).toMatchObject({ code: 'USER_EMAIL_TAKEN', errors: [{ field: 'email' }] });
      expect(updates(await audit('user', second.id))).toEqual([]);
    });

    it('rejects an organisationId that does not exist, naming the field', async () => {
      const res = await api().post('/api/v1/users', {
        email: `org-${unique()}@x.mx`,
        fullName: 'Sin org',
        password: STRONG,
        roles: ['requester'],
        organisationId: randomUUID(),
      });
      expect(res.status).toBe(400);
      expect(fieldsOf(res)).toEqual(['organisationId']);
      const user = await newUser();
      const patch = await api().patch(`/api/v1/users/${user.id}`, { organisationId: randomUUID() });
      expect(patch.status).toBe(400);
      expect(fieldsOf(patch)).toEqual(['organisationId']);
    });

    it('rejects an empty or unknown role list, naming roles', async () => {
      const empty = await api().post('/api/v1/users', { email: `r-${unique()}@x.mx`, fullName: 'Sin roles', password: STRONG, roles: [] });
      expect(empty.status).toBe(400);
      expect(fieldsOf(empty)).toEqual(['roles']);
      const unknown = await api().post('/api/v1/users', { email: `r-${unique()}@x.mx`, fullName: 'Rol raro', password: STRONG, roles: ['superuser'] });
      expect(unknown.status).toBe(400);
      expect(fieldsOf(unknown)[0]).toMatch(/^roles/);
      const user = await newUser();
      const patch = await api().patch(`/api/v1/users/${user.id}`, { roles: [] });
      expect(patch.status).toBe(400);
      expect(fieldsOf(patch)).toEqual(['roles']);
    });

    it('audits each changed field when roles, VIP flag and organisation change', async () => {
      const org = await createOrganisation(t.dataSource, { kind: 'dependency' });
      const user = await newUser();
      const res = await api().patch(`/api/v1/users/${user.id}`, {
        roles: ['agent_l1', 'resolver_l2'],
        isVip: true,
        organisationId: org.id,
        fullName: 'Persona de Prueba',
        version: 1,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ roles: ['agent_l1', 'resolver_l2'], isVip: true, organisationId: org.id, version: 2 });
      const rows = await audit('user', user.id);
      expect(updates(rows)).toEqual([
        ['roles', ['requester'], ['agent_l1', 'resolver_l2']],
        ['organisationId', null, org.id],
        ['isVip', false, true],
      ]);
      expect(rows.every((r) => r.actorId === admin.id)).toBe(true);
    });

    it('refuses an update carrying a stale version', async () => {
      const user = await newUser();
      await api().patch(`/api/v1/users/${user.id}`, { fullName: 'Primera', version: 1 }).expect(200);
      const res = await api().patch(`/api/v1/users/${user.id}`, { fullName: 'Perdida', version: 1 });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'RECORD_VERSION_CONFLICT', errors: [{ field: 'version' }], current: { fullName: 'Primera', version: 2 } });
    });

    it('never shows a password hash or a password in responses or audit rows', async () => {
      const user = await newUser({ password: 'Inicial#2026' });
      expect((await resetPassword(user.id, { newPassword: 'Reiniciada#2026' })).status).toBe(204);
      const s = await login(t.url, user.email, 'Reiniciada#2026');
      await as(t.url, s).post('/api/v1/me/password').send({ currentPassword: 'Reiniciada#2026', newPassword: 'Propia#2026' }).expect(204);
      await api().patch(`/api/v1/users/${user.id}`, { fullName: 'Otra Persona', isVip: true }).expect(200);

      const responses = [
        await api().get(`/api/v1/users/${user.id}`).expect(200),
        await api().get(`/api/v1/users?pageSize=200`).expect(200),
        await as(t.url, s).get('/api/v1/me').expect(200),
        await api().get(`/api/v1/audit?pageSize=200`).expect(200),
      ];
      for (const res of responses) expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|password_hash|\$argon2|Inicial#2026|Reiniciada#2026|Propia#2026/);
      const leaks = await t.dataSource.query(
        `SELECT id FROM audit_log WHERE coalesce(old_value::text, '') || coalesce(new_value::text, '') ~* '(passwordhash|argon2|Inicial#2026|Reiniciada#2026|Propia#2026)'`,
      );
      expect(leaks).toEqual([]);
      expect(updates(await audit('user', user.id)).filter(([field]) => field === 'password')).toHaveLength(2);
    });

    it('ends the sessions and API tokens of a disabled user and refuses their login', async () => {
      const user = await createUser(t.dataSource, { roles: ['agent_l1'] });
      const session = await login(t.url, user.email, user.password);
      const created = await as(t.url, session).post('/api/v1/me/tokens').send({ name: 'integración' }).expect(201);
      const token = created.body.token as string;
      await as(t.url, session).get('/api/v1/me').expect(200);
      await by(token).get('/api/v1/me').expect(200);

      const res = await api().patch(`/api/v1/users/${user.id}`, { isActive: false });
      expect(res.status).toBe(200);
      expect(res.body.isActive).toBe(false);
      expect(updates(await audit('user', user.id))).toEqual([['isActive', true, false]]);

      const cookie = await as(t.url, session).get('/api/v1/me');
      expect([cookie.status, cookie.body.code]).toEqual([401, 'AUTH_REQUIRED']);
      const viaToken = await by(token).get('/api/v1/me');
      expect([viaToken.status, viaToken.body.code]).toEqual([401, 'AUTH_REQUIRED']);
      expect(await t.dataSource.query(`SELECT 1 FROM sessions WHERE user_id = $1`, [user.id])).toHaveLength(0);

      const relogin = await loginStatus(user.email, user.password);
      expect([relogin.status, relogin.body.code]).toEqual([403, 'AUTH_ACCOUNT_DISABLED']);
      const wrong = await loginStatus(user.email, 'Incorrecta#1');
      expect([wrong.status, wrong.body.code]).toEqual([401, 'AUTH_INVALID_CREDENTIALS']);
    });

    it('lets a re-enabled user sign in again', async () => {
      const user = await createUser(t.dataSource, { roles: ['requester'], isActive: false });
      await api().patch(`/api/v1/users/${user.id}`, { isActive: true }).expect(200);
      await login(t.url, user.email, user.password);
    });

    it('ends the user’s sessions on an administrator password reset, and only the new password works', async () => {
      const user = await createUser(t.dataSource, { roles: ['agent_l1'] });
      const first = await login(t.url, user.email, user.password);
      const second = await login(t.url, user.email, user.password);
      expect((await resetPassword(user.id, { newPassword: 'Nueva#Clave2026' })).status).toBe(204);

      for (const s of [first, second]) expect((await as(t.url, s).get('/api/v1/me')).status).toBe(401);
      const old = await loginStatus(user.email, user.password);
      expect([old.status, old.body.code]).toEqual([401, 'AUTH_INVALID_CREDENTIALS']);
      const fresh = await login(t.url, user.email, 'Nueva#Clave2026');
      await as(t.url, fresh).get('/api/v1/me').expect(200);
      expect(updates(await audit('user', user.id))).toEqual([['password', null, '(reset by administrator)']]);
    });

    it('applies the password policy to an administrator reset, naming newPassword', async () => {
      const user = await createUser(t.dataSource, { roles: ['requester'] });
      const res = await resetPassword(user.id, { newPassword: 'corta' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('PASSWORD_POLICY_VIOLATION');
      expect(new Set(fieldsOf(res))).toEqual(new Set(['newPassword']));
      await login(t.url, user.email, user.password);
    });

    it('answers 404 when resetting the password of a user that does not exist', async () => {
      const res = await resetPassword(randomUUID(), { newPassword: 'Nueva#Clave2026' });
      expect([res.status, res.body.code]).toEqual([404, 'USER_NOT_FOUND']);
    });

    it('does not let an administrator disable themselves or drop their own admin role', async () => {
      const disable = await api().patch(`/api/v1/users/${admin.id}`, { isActive: false });
      expect(disable.status).toBe(400);
      expect(fieldsOf(disable)).toEqual(['isActive']);
      const demote = await api().patch(`/api/v1/users/${admin.id}`, { roles: ['agent_l1'] });
      expect(demote.status).toBe(400);
      expect(fieldsOf(demote)).toEqual(['roles']);
      const me = await api().get('/api/v1/me').expect(200);
      expect(me.body.roles).toEqual(['admin']);
      expect(updates(await audit('user', admin.id))).toEqual([]);
    });

    it('lets agent_l1 list users but not create or change them', async () => {
      const user = await newUser();
      await by(agentToken).get('/api/v1/users').expect(200);
      const create = await by(agentToken).post('/api/v1/users', { email: `a-${unique()}@x.mx`, fullName: 'X', password: STRONG, roles: ['admin'] });
      const patch = await by(agentToken).patch(`/api/v1/users/${user.id}`, { roles: ['admin'] });
      expect([create.status, patch.status]).toEqual([403, 403]);
    });
  });

  describe('teams', () => {
    let members: CreatedUser[];
    beforeAll(async () => {
      members = [];
      for (let i = 0; i < 3; i++) members.push(await createUser(t.dataSource, { roles: ['resolver_l2'] }));
    });
    const sorted = (ids: string[]) => [...ids].sort();

    async function newTeam(body: Record<string, unknown> = {}) {
      const res = await api().post('/api/v1/teams', { name: `Equipo ${unique()}`, supportLevel: '2', ...body });
      expect(res.status).toBe(201);
      return res.body as { id: string; name: string; version: number; memberIds: string[]; coordinatorId: string | null };
    }

    it('creates a team with a coordinator and members, auditing both', async () => {
      const [a, b] = members;
      const res = await api().post('/api/v1/teams', {
        name: 'Redes y telecomunicaciones',
        description: 'Segundo nivel de redes',
        supportLevel: '2',
        coordinatorId: a.id,
        memberIds: [a.id, b.id, a.id],
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ name: 'Redes y telecomunicaciones', supportLevel: '2', coordinatorId: a.id, isActive: true, version: 1 });
      expect(sorted(res.body.memberIds)).toEqual(sorted([a.id, b.id]));
      const fetched = await api().get(`/api/v1/teams/${res.body.id}`).expect(200);
      expect(sorted(fetched.body.memberIds)).toEqual(sorted([a.id, b.id]));

      const rows = await audit('team', res.body.id);
      expect(rows.map((r) => [r.action, r.field])).toEqual([
        ['create', null],
        ['update', 'memberIds'],
      ]);
      expect(rows[0].newValue).toMatchObject({ name: 'Redes y telecomunicaciones', coordinatorId: a.id, supportLevel: '2' });
      expect(rows[1]).toMatchObject({ oldValue: [], newValue: sorted([a.id, b.id]) });
      expect(rows.every((r) => r.actorId === admin.id)).toBe(true);
    });

    it('replaces the members with PUT and audits old → new, but not a no-op', async () => {
      const [a, b, c] = members;
      const team = await newTeam({ memberIds: [a.id, b.id] });
      const res = await api()
        .put(`/api/v1/teams/${team.id}/members`, { userIds: [c.id, b.id] })
        .expect(200);
      expect(sorted(res.body.memberIds)).toEqual(sorted([b.id, c.id]));
      await api()
        .put(`/api/v1/teams/${team.id}/members`, { userIds: [b.id, c.id] })
        .expect(200);
      expect(updates(await audit('team', team.id))).toEqual([
        ['memberIds', [], sorted([a.id, b.id])],
        ['memberIds', sorted([a.id, b.id]), sorted([b.id, c.id])],
      ]);
      const emptied = await api().put(`/api/v1/teams/${team.id}/members`, { userIds: [] }).expect(200);
      expect(emptied.body.memberIds).toEqual([]);
    });

    it('updates name, coordinator and level with one audit row per field, and refuses a stale version', async () => {
      const [a, b] = members;
      const team = await newTeam({ name: 'Soporte en sitio', coordinatorId: a.id });
      const res = await api().patch(`/api/v1/teams/${team.id}`, { name: 'Soporte de campo', coordinatorId: b.id, supportLevel: 'field', version: 1 });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: 'Soporte de campo', coordinatorId: b.id, supportLevel: 'field', version: 2 });
      expect(updates(await audit('team', team.id))).toEqual([
        ['name', 'Soporte en sitio', 'Soporte de campo'],
        ['supportLevel', '2', 'field'],
        ['coordinatorId', a.id, b.id],
      ]);
      const stale = await api().patch(`/api/v1/teams/${team.id}`, { name: 'Perdido', version: 1 });
      expect([stale.status, stale.body.code]).toEqual([409, 'RECORD_VERSION_CONFLICT']);
    });

    it('deletes a team and records its last state with its members', async () => {
      const [a] = members;
      const team = await newTeam({ memberIds: [a.id] });
      await api().delete(`/api/v1/teams/${team.id}`).expect(204);
      const gone = await api().get(`/api/v1/teams/${team.id}`);
      expect([gone.status, gone.body.code]).toEqual([404, 'TEAM_NOT_FOUND']);
      expect(await t.dataSource.query(`SELECT 1 FROM team_members WHERE team_id = $1`, [team.id])).toHaveLength(0);
      const rows = await audit('team', team.id);
      expect(rows[rows.length - 1]).toMatchObject({ action: 'delete', actorId: admin.id, oldValue: { name: team.name, memberIds: [a.id] } });
      const again = await api().delete(`/api/v1/teams/${team.id}`);
      expect([again.status, again.body.code]).toEqual([404, 'TEAM_NOT_FOUND']);
    });

    it('rejects an unknown member in PUT members, naming userIds, and keeps the members', async () => {
      const [a] = members;
      const team = await newTeam({ memberIds: [a.id] });
      const res = await api().put(`/api/v1/teams/${team.id}/members`, { userIds: [a.id, randomUUID()] });
      expect(res.status).toBe(400);
      expect(fieldsOf(res)).toEqual(['userIds']);
      expect((await api().get(`/api/v1/teams/${team.id}`).expect(200)).body.memberIds).toEqual([a.id]);
    });

    it('rejects an unknown member on create, naming the memberIds field it was sent in, and creates nothing', async () => {
      const name = `Equipo fantasma ${unique()}`;
      const res = await api().post('/api/v1/teams', { name, supportLevel: '1', memberIds: [randomUUID()] });
      expect(res.status).toBe(400);
      expect(await t.dataSource.query(`SELECT 1 FROM teams WHERE name = $1`, [name])).toHaveLength(0);
      expect(fieldsOf(res)).toEqual(['memberIds']);
    });

    it('rejects an unknown coordinator, naming coordinatorId', async () => {
      const res = await api().post('/api/v1/teams', { name: `Equipo ${unique()}`, supportLevel: '1', coordinatorId: randomUUID() });
      expect(res.status).toBe(400);
      expect(fieldsOf(res)).toEqual(['coordinatorId']);
    });

    it('rejects a duplicate team name with 409 naming name, on create and on rename', async () => {
      const first = await newTeam();
      const dup = await api().post('/api/v1/teams', { name: first.name, supportLevel: '3' });
      expect(dup.status).toBe(409);
      expect(dup.body).toMatchObject({ code: 'TEAM_NAME_TAKEN', errors: [{ field: 'name' }] });
      const second = await newTeam();
      const rename = await api().patch(`/api/v1/teams/${second.id}`, { name: first.name });
      expect(rename.status).toBe(409);
      expect(rename.body).toMatchObject({ code: 'TEAM_NAME_TAKEN', errors: [{ field: 'name' }] });
      expect(updates(await audit('team', second.id))).toEqual([]);
    });

    it('shows teams to agent_l1 but refuses them any change', async () => {
      const team = await newTeam();
      const agent = by(agentToken);
      const list = await agent.get('/api/v1/teams').expect(200);
      expect(list.body.items.map((x: { id: string }) => x.id)).toContain(team.id);
      await agent.get(`/api/v1/teams/${team.id}`).expect(200);
      const attempts = await Promise.all([
        agent.post('/api/v1/teams', { name: `Equipo ${unique()}`, supportLevel: '1' }),
        agent.patch(`/api/v1/teams/${team.id}`, { name: 'Tomado' }),
        agent.put(`/api/v1/teams/${team.id}/members`, { userIds: [] }),
        agent.delete(`/api/v1/teams/${team.id}`),
      ]);
      expect(attempts.map((r) => [r.status, r.body.code])).toEqual(attempts.map(() => [403, 'AUTH_FORBIDDEN']));
      expect((await api().get(`/api/v1/teams/${team.id}`).expect(200)).body.name).toBe(team.name);
    });
  });

  describe('people search', () => {
    const tag = unique();
    beforeAll(async () => {
      for (const fullName of [`Lucía Hernández ${tag}`, `Miguel Ángel Pérez ${tag}`, `Lucio Ramos ${tag}`])
        await createUser(t.dataSource, { roles: ['requester'], fullName });
    });
    const names = async (q: string) =>
      (
        (
          await by(agentToken)
            .get(`/api/v1/users?q=${encodeURIComponent(`${q} ${tag}`)}&pageSize=50`)
            .expect(200)
        ).body.items as { fullName: string }[]
      )
        .map((u) => u.fullName.replace(` ${tag}`, ''))
        .sort();

    it.each([
      ['Lucia', ['Lucía Hernández']],
      ['lucía', ['Lucía Hernández']],
      ['LUCIA hernandez', ['Lucía Hernández']],
      ['Angel', ['Miguel Ángel Pérez']],
      ['ángel perez', ['Miguel Ángel Pérez']],
      ['luci', ['Lucio Ramos', 'Lucía Hernández']],
      ['ramirez', []],
    ])('finds %s ignoring accents and case', async (q, expected) => {
      expect(await names(q)).toEqual(expected);
    });

    it('uses the trigram index for a name search', async () => {
      const qr = t.dataSource.createQueryRunner();
      try {
        // The test database is tiny: forbid the sequential scan to see whether the index can serve the query.
        await qr.query('SET enable_seqscan = off');
        const plan = JSON.stringify(
          await qr.query(
            `EXPLAIN (FORMAT JSON) SELECT id FROM users u WHERE lower(mesa_unaccent(u.full_name || ' ' || u.email)) LIKE lower(mesa_unaccent('%lucia%'))`,
          ),
        );
        expect(plan).toContain('users_search_trgm_idx');
      } finally {
        await qr.query('RESET enable_seqscan');
        await qr.release();
      }
    });
  });
});

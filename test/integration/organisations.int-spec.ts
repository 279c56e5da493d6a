import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { createUser } from '../support/factories';
import { bearer, createApiToken } from '../support/routes';

type AuditRow = {
  id: string;
  actorId: string | null;
  entity: string;
  entityId: string;
  action: string;
  field: string | null;
  oldValue: unknown;
  newValue: unknown;
  requestId: string | null;
};
type Org = { id: string; kind: string; code: string; name: string; parentId: string | null; version: number };

const code = (prefix: string) => `${prefix}-${randomBytes(3).toString('hex')}`;

describe('organisations API', () => {
  let t: TestApp;
  let adminId: string;
  let adminToken: string;
  let agentToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await createUser(t.dataSource, { roles: ['admin'] });
    adminId = admin.id;
    adminToken = await createApiToken(t.dataSource, admin.id);
    agentToken = await createApiToken(t.dataSource, (await createUser(t.dataSource, { roles: ['agent_l1'] })).id);
  });
  afterAll(() => t?.close());

  const as = (token: string) => ({
    get: (path: string) => request(t.url).get(path).set(bearer(token)),
    post: (path: string, body: object) => request(t.url).post(path).set(bearer(token)).send(body),
    patch: (path: string, body: object) => request(t.url).patch(path).set(bearer(token)).send(body),
    delete: (path: string) => request(t.url).delete(path).set(bearer(token)),
  });
  const admin = () => as(adminToken);

  async function createOrg(body: { kind: string; code?: string; name?: string; parentId?: string | null }): Promise<Org> {
    const c = body.code ?? code(body.kind.slice(0, 3).toUpperCase());
    const res = await admin().post('/api/v1/organisations', { name: `Organización ${c}`, ...body, code: c });
    expect(res.status).toBe(201);
    return res.body as Org;
  }
  async function tree(): Promise<{ dep: Org; ur: Org; area: Org }> {
    const dep = await createOrg({ kind: 'dependency' });
    const ur = await createOrg({ kind: 'responsible_unit', parentId: dep.id });
    const area = await createOrg({ kind: 'area', parentId: ur.id });
    return { dep, ur, area };
  }
  async function audit(entity: string, entityId: string): Promise<AuditRow[]> {
    const res = await admin().get(`/api/v1/audit?entity=${entity}&entityId=${entityId}&pageSize=200`).expect(200);
    return res.body.items as AuditRow[];
  }
  const auditCount = async () => Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log`))[0].n);

  describe('hierarchy', () => {
    it('creates a dependency, a responsible unit under it and an area under that', async () => {
      const { dep, ur, area } = await tree();
      expect(dep).toMatchObject({ kind: 'dependency', parentId: null, version: 1 });
      expect(ur).toMatchObject({ kind: 'responsible_unit', parentId: dep.id });
      expect(area).toMatchObject({ kind: 'area', parentId: ur.id });
      const children = await admin().get(`/api/v1/organisations?parentId=${dep.id}`).expect(200);
      expect(children.body.total).toBe(1);
      expect(children.body.items.map((o: Org) => o.id)).toEqual([ur.id]);
      const detail = await admin().get(`/api/v1/organisations/${area.id}`).expect(200);
      expect(detail.body).toMatchObject({ id: area.id, code: area.code, locations: [] });
    });

    it('rejects an area whose parent is a dependency', async () => {
      const dep = await createOrg({ kind: 'dependency' });
      const c = code('AREA');
      const res = await admin().post('/api/v1/organisations', { kind: 'area', code: c, name: 'Área huérfana', parentId: dep.id });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('ORGANISATION_INVALID_PARENT');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['parentId']);
      const rows = await t.dataSource.query(`SELECT 1 FROM organisations WHERE code = $1`, [c]);
      expect(rows).toHaveLength(0);
    });

    it.each([
      ['a responsible unit without a parent', 'responsible_unit', () => null],
      ['a dependency with a parent', 'dependency', (o: { dep: Org }) => o.dep.id],
      ['a responsible unit under an area', 'responsible_unit', (o: { area: Org }) => o.area.id],
      ['an area under an area', 'area', (o: { area: Org }) => o.area.id],
      ['an area without a parent', 'area', () => null],
      ['a responsible unit under an unknown organisation', 'responsible_unit', () => randomUUID()],
    ] as const)('rejects %s', async (_label, kind, parent) => {
      const orgs = await tree();
      const res = await admin().post('/api/v1/organisations', { kind, code: code('BAD'), name: 'Inválida', parentId: parent(orgs) });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'ORGANISATION_INVALID_PARENT', errors: [{ field: 'parentId' }] });
    });

    it('refuses to move an area directly under a dependency', async () => {
      const { dep, area } = await tree();
      const res = await admin().patch(`/api/v1/organisations/${area.id}`, { parentId: dep.id });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'ORGANISATION_INVALID_PARENT', errors: [{ field: 'parentId' }] });
      const after = await admin().get(`/api/v1/organisations/${area.id}`).expect(200);
      expect(after.body.parentId).toBe(area.parentId);
    });

    it('moves an area to another responsible unit', async () => {
      const { dep, area } = await tree();
      const other = await createOrg({ kind: 'responsible_unit', parentId: dep.id });
      const res = await admin().patch(`/api/v1/organisations/${area.id}`, { parentId: other.id }).expect(200);
      expect(res.body).toMatchObject({ parentId: other.id, version: 2 });
      const rows = await audit('organisation', area.id);
      expect(rows[0]).toMatchObject({ action: 'update', field: 'parentId', oldValue: area.parentId, newValue: other.id });
    });
  });

  describe('uniqueness and concurrency', () => {
    it('rejects a duplicate code on create with 409 naming code', async () => {
      const dep = await createOrg({ kind: 'dependency' });
      const res = await admin().post('/api/v1/organisations', { kind: 'dependency', code: dep.code, name: 'Otra' });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'ORGANISATION_CODE_TAKEN', errors: [{ field: 'code' }] });
    });

    it('rejects taking another organisation’s code on update with 409 naming code', async () => {
      const a = await createOrg({ kind: 'dependency' });
      const b = await createOrg({ kind: 'dependency' });
      const res = await admin().patch(`/api/v1/organisations/${b.id}`, { code: a.code });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'ORGANISATION_CODE_TAKEN', errors: [{ field: 'code' }] });
    });

    it('refuses an update carrying a stale version and returns the current record', async () => {
      const dep = await createOrg({ kind: 'dependency' });
      await admin().patch(`/api/v1/organisations/${dep.id}`, { name: 'Primera edición', version: 1 }).expect(200);
      const res = await admin().patch(`/api/v1/organisations/${dep.id}`, { name: 'Edición perdida', version: 1 });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'RECORD_VERSION_CONFLICT', errors: [{ field: 'version' }], current: { name: 'Primera edición', version: 2 } });
      const after = await admin().get(`/api/v1/organisations/${dep.id}`).expect(200);
      expect(after.body).toMatchObject({ name: 'Primera edición', version: 2 });
    });
  });

  describe('deletion', () => {
    it('refuses to delete an organisation that still has children', async () => {
      const { dep, ur } = await tree();
      for (const id of [dep.id, ur.id]) {
        const res = await admin().delete(`/api/v1/organisations/${id}`);
        expect(res.status).toBe(409);
        expect(res.body.code).toBe('ORGANISATION_IN_USE');
        await admin().get(`/api/v1/organisations/${id}`).expect(200);
        expect((await audit('organisation', id)).filter((r) => r.action === 'delete')).toEqual([]);
      }
    });

    it('refuses to delete an organisation its users belong to', async () => {
      const dep = await createOrg({ kind: 'dependency' });
      await createUser(t.dataSource, { roles: ['requester'], organisationId: dep.id });
      const res = await admin().delete(`/api/v1/organisations/${dep.id}`);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('ORGANISATION_IN_USE');
    });

    it('deletes a leaf and records its last state', async () => {
      const { area } = await tree();
      await admin().delete(`/api/v1/organisations/${area.id}`).expect(204);
      const gone = await admin().get(`/api/v1/organisations/${area.id}`);
      expect(gone.status).toBe(404);
      expect(gone.body.code).toBe('ORGANISATION_NOT_FOUND');
      const [row] = await audit('organisation', area.id);
      expect(row).toMatchObject({
        action: 'delete',
        actorId: adminId,
        field: null,
        newValue: null,
        oldValue: { kind: 'area', code: area.code, name: area.name, parentId: area.parentId },
      });
    });

    it('answers 404 when deleting an organisation that does not exist', async () => {
      const res = await admin().delete(`/api/v1/organisations/${randomUUID()}`);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('ORGANISATION_NOT_FOUND');
    });
  });

  describe('locations', () => {
    it('creates, lists, updates and deletes a location, auditing each step', async () => {
      const { area } = await tree();
      const created = await admin()
        .post(`/api/v1/organisations/${area.id}/locations`, {
          name: 'Edificio central',
          building: 'A',
          municipality: 'Aguascalientes',
          state: 'Aguascalientes',
        })
        .expect(201);
      const loc = created.body as { id: string; version: number };
      expect(created.body).toMatchObject({ organisationId: area.id, name: 'Edificio central', building: 'A', address: null, version: 1 });

      const list = await admin().get(`/api/v1/organisations/${area.id}/locations`).expect(200);
      expect(list.body.items.map((l: { id: string }) => l.id)).toEqual([loc.id]);
      const detail = await admin().get(`/api/v1/organisations/${area.id}`).expect(200);
      expect(detail.body.locations.map((l: { id: string }) => l.id)).toEqual([loc.id]);

      const updated = await admin().patch(`/api/v1/locations/${loc.id}`, { name: 'Edificio norte', address: 'Av. Universidad 1', version: 1 }).expect(200);
      expect(updated.body).toMatchObject({ name: 'Edificio norte', address: 'Av. Universidad 1', version: 2 });
      const stale = await admin().patch(`/api/v1/locations/${loc.id}`, { name: 'Perdido', version: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('RECORD_VERSION_CONFLICT');

      await admin().delete(`/api/v1/locations/${loc.id}`).expect(204);
      const again = await admin().patch(`/api/v1/locations/${loc.id}`, { name: 'Fantasma' });
      expect(again.status).toBe(404);
      expect(again.body.code).toBe('LOCATION_NOT_FOUND');
      expect((await admin().get(`/api/v1/organisations/${area.id}/locations`).expect(200)).body.items).toEqual([]);

      const rows = await audit('location', loc.id);
      const summary = rows.map((r) => [r.action, r.field, r.oldValue, r.newValue]).reverse();
      expect(summary).toEqual([
        ['create', null, null, expect.objectContaining({ organisationId: area.id, name: 'Edificio central', municipality: 'Aguascalientes' })],
        ['update', 'name', 'Edificio central', 'Edificio norte'],
        ['update', 'address', null, 'Av. Universidad 1'],
        ['delete', null, expect.objectContaining({ name: 'Edificio norte' }), null],
      ]);
      expect(rows.every((r) => r.actorId === adminId)).toBe(true);
    });

    it('answers 404 for a location under an organisation that does not exist', async () => {
      const res = await admin().post(`/api/v1/organisations/${randomUUID()}/locations`, { name: 'X', municipality: 'Y' });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('ORGANISATION_NOT_FOUND');
    });

    it('rejects a location without a municipality, naming the field', async () => {
      const dep = await createOrg({ kind: 'dependency' });
      const res = await admin().post(`/api/v1/organisations/${dep.id}/locations`, { name: 'Sin municipio' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'municipality', message: 'es obligatorio' }]);
    });
  });

  describe('permissions', () => {
    it('lets agent_l1 read organisations and locations but not change them', async () => {
      const { dep, area } = await tree();
      const agent = as(agentToken);
      await agent.get('/api/v1/organisations').expect(200);
      await agent.get(`/api/v1/organisations/${area.id}`).expect(200);
      await agent.get(`/api/v1/organisations/${area.id}/locations`).expect(200);
      const attempts = [
        agent.post('/api/v1/organisations', { kind: 'dependency', code: code('AGT'), name: 'No' }),
        agent.patch(`/api/v1/organisations/${dep.id}`, { name: 'No' }),
        agent.delete(`/api/v1/organisations/${area.id}`),
        agent.post(`/api/v1/organisations/${area.id}/locations`, { name: 'No', municipality: 'No' }),
        agent.get(`/api/v1/organisations/${dep.id}/history`),
        agent.get(`/api/v1/audit?entity=organisation&entityId=${dep.id}`),
      ];
      for (const res of await Promise.all(attempts)) {
        expect([res.status, res.body.code]).toEqual([403, 'AUTH_FORBIDDEN']);
      }
      const after = await admin().get(`/api/v1/organisations/${dep.id}`).expect(200);
      expect(after.body.name).toBe(dep.name);
    });
  });

  describe('audit trail', () => {
    it('records who created an organisation and its initial fields', async () => {
      const dep = await createOrg({ kind: 'dependency', name: 'Secretaría de Finanzas' });
      const rows = await audit('organisation', dep.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        actorId: adminId,
        entity: 'organisation',
        entityId: dep.id,
        action: 'create',
        field: null,
        oldValue: null,
        newValue: { kind: 'dependency', code: dep.code, name: 'Secretaría de Finanzas', parentId: null, isActive: true, requestersSeeUnitTickets: false },
      });
    });

    it('records a rename as field name old → new, one row per changed field, with the request id', async () => {
      const dep = await createOrg({ kind: 'dependency', name: 'Nombre viejo' });
      const res = await admin().patch(`/api/v1/organisations/${dep.id}`, { name: 'Nombre nuevo', requestersSeeUnitTickets: true, isActive: true }).expect(200);
      const updates = (await audit('organisation', dep.id)).filter((r) => r.action === 'update');
      expect(updates.map((r) => [r.field, r.oldValue, r.newValue]).sort()).toEqual([
        ['name', 'Nombre viejo', 'Nombre nuevo'],
        ['requestersSeeUnitTickets', false, true],
      ]);
      for (const r of updates) expect(r).toMatchObject({ actorId: adminId, requestId: res.headers['x-request-id'] });
    });

    it('writes no audit row and keeps the version for an update that changes nothing', async () => {
      const dep = await createOrg({ kind: 'dependency', name: 'Sin cambios' });
      const res = await admin().patch(`/api/v1/organisations/${dep.id}`, { name: 'Sin cambios' }).expect(200);
      expect(res.body.version).toBe(1);
      expect(await audit('organisation', dep.id)).toHaveLength(1);
    });

    it('shows the same rows in the organisation history as in the audit log', async () => {
      const dep = await createOrg({ kind: 'dependency', name: 'Historia 1' });
      await admin().patch(`/api/v1/organisations/${dep.id}`, { name: 'Historia 2' }).expect(200);
      await admin()
        .patch(`/api/v1/organisations/${dep.id}`, { code: code('HIS') })
        .expect(200);
      const history = await admin().get(`/api/v1/organisations/${dep.id}/history`).expect(200);
      const rows = await audit('organisation', dep.id);
      expect(rows).toHaveLength(3);
      expect(history.body).toMatchObject({ total: 3, items: rows });
      expect(rows.map((r) => r.field)).toEqual(['code', 'name', null]);
    });

    it('leaves neither the change nor an audit row behind when an update fails on a duplicate code', async () => {
      const taken = await createOrg({ kind: 'dependency' });
      const dep = await createOrg({ kind: 'dependency', name: 'Intacta' });
      const before = await auditCount();
      const res = await admin().patch(`/api/v1/organisations/${dep.id}`, { name: 'Renombrada', code: taken.code });
      expect(res.status).toBe(409);
      expect(await auditCount()).toBe(before);
      const after = await admin().get(`/api/v1/organisations/${dep.id}`).expect(200);
      expect(after.body).toMatchObject({ name: 'Intacta', code: dep.code, version: 1 });
    });

    it('rolls the change back when its audit row cannot be written', async () => {
      const dep = await createOrg({ kind: 'dependency', name: 'Atómica' });
      await t.dataSource.query(`
        CREATE FUNCTION test_reject_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit unavailable'; END $$;
        CREATE TRIGGER test_reject_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION test_reject_audit();`);
      try {
        const res = await admin().patch(`/api/v1/organisations/${dep.id}`, { name: 'No debe quedar' });
        expect(res.status).toBe(500);
        expect(res.body.code).toBe('INTERNAL');
        const del = await admin().delete(`/api/v1/organisations/${dep.id}`);
        expect(del.status).toBe(500);
      } finally {
        await t.dataSource.query(`DROP TRIGGER test_reject_audit ON audit_log; DROP FUNCTION test_reject_audit();`);
      }
      const after = await admin().get(`/api/v1/organisations/${dep.id}`).expect(200);
      expect(after.body).toMatchObject({ name: 'Atómica', version: 1 });
    });
  });

  describe('titular', () => {
    // Users are identity's: organisations check the titular through the directory identity registers.
    it('accepts an active user as titular and refuses a disabled or unknown one, naming headUserId', async () => {
      const active = await createUser(t.dataSource, { roles: ['requester'] });
      const disabled = await createUser(t.dataSource, { roles: ['requester'], isActive: false });
      const dep = await createOrg({ kind: 'dependency' });
      const ok = await admin().patch(`/api/v1/organisations/${dep.id}`, { headUserId: active.id, version: dep.version });
      expect({ status: ok.status, headUserId: ok.body.headUserId }).toEqual({ status: 200, headUserId: active.id });
      for (const headUserId of [disabled.id, randomUUID()]) {
        const res = await admin().post('/api/v1/organisations', { kind: 'dependency', code: code('TIT'), name: 'Con titular', headUserId });
        expect({ status: res.status, field: res.body.errors?.[0]?.field }).toEqual({ status: 400, field: 'headUserId' });
      }
    });
  });
});

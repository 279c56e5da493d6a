import type request from 'supertest';
import { ROLES } from '../../src/common/auth/roles';
import { RouteInventory, type RouteInfo } from '../../src/common/auth/route-inventory';
import { createTestApp, type TestApp } from '../support/app';
import { createUser } from '../support/factories';
import {
  bearer,
  bodySchemaOf,
  call,
  createApiToken,
  describeResponse,
  fillPath,
  hasPathParams,
  isWrite,
  type JsonSchema,
  mapLimit,
  type OpenApiOperation,
  openApiOperations,
  problemShapeError,
  routeName,
  wrongTypeFor,
} from '../support/routes';

type Target = { route: RouteInfo; name: string; schema?: JsonSchema };
/** Why a response breaks a battery's rule, or null when it complies. */
type Rule = (res: request.Response, target: Target) => string | null;

const fields = (res: request.Response): string[] => ((res.body?.errors ?? []) as { field: string }[]).map((e) => e.field);

/** Every 4xx must be a complete problem document; a 5xx is always wrong. */
const wellFormed: Rule = (res) => {
  if (res.status >= 500) return `server error ${describeResponse(res)}`;
  if (res.status >= 400) {
    const shape = problemShapeError(res);
    if (shape) return `${res.status} not problem+json: ${shape}`;
  }
  return null;
};

const is4xxProblem: Rule = (res, target) => wellFormed(res, target) ?? (res.status >= 400 && res.status < 500 ? null : `expected a 4xx, got ${describeResponse(res)}`);

const status =
  (expected: number, codes: string[], field?: (target: Target) => string | string[]): Rule =>
  (res, target) => {
    const shape = wellFormed(res, target);
    if (shape) return shape;
    if (res.status !== expected || !codes.includes(res.body.code)) return `expected ${expected} ${codes.join('|')}, got ${describeResponse(res)}`;
    const wanted = field ? [field(target)].flat() : [];
    const missing = wanted.filter((f) => !fields(res).includes(f));
    return missing.length ? `errors do not name ${missing.join(', ')} (${describeResponse(res)})` : null;
  };

/** Body-level rejections: the problem's errors must name a field (at least `body`). */
const bodyRejected = status(400, ['REQUEST_MALFORMED_JSON', 'VALIDATION_FAILED'], () => 'body');

describe('malformed requests on every route', () => {
  let t: TestApp;
  let token: string;
  let writes: Target[];
  let withBody: Target[];
  let withoutBody: Target[];
  let ops: Map<string, OpenApiOperation>;

  beforeAll(async () => {
    t = await createTestApp();
    // Every role at once, so every route's permission check passes and the battery reaches validation.
    const admin = await createUser(t.dataSource, { roles: [...ROLES] });
    token = await createApiToken(t.dataSource, admin.id);
    ops = await openApiOperations(t.url);
    const routes = t.app.get(RouteInventory).routes();
    writes = routes.filter(isWrite).map((route) => ({ route, name: routeName(route), schema: bodySchemaOf(ops.get(routeName(route))) }));
    withBody = writes.filter((w) => w.schema?.properties);
    withoutBody = writes.filter((w) => !w.schema);
  });
  afterAll(() => t?.close());

  /** Sends one request per target as the all-roles user; returns "route → why" for every broken rule. */
  async function run(targets: Target[], build: (target: Target, path: string) => request.Test, rule: Rule): Promise<string[]> {
    const results = await mapLimit(targets, 6, async (target) => {
      const res = await build(target, fillPath(target.route.path)).set(bearer(token));
      return { target, why: rule(res, target) };
    });
    return results.filter((r) => r.why).map((r) => `${r.target.name} → ${r.why}`);
  }
  const raw = (body: string, contentType = 'application/json') => (target: Target, path: string) =>
    call(t.url, target.route.method, path).set('Content-Type', contentType).send(body);
  const json = (body: unknown) => (target: Target, path: string) => call(t.url, target.route.method, path).send(body as object);

  it('finds write routes with and without a documented JSON body', () => {
    expect(withBody.length).toBeGreaterThanOrEqual(10);
    expect(withoutBody.length).toBeGreaterThanOrEqual(4);
    expect(withBody.length + withoutBody.length).toBe(writes.length);
  });

  it('answers malformed JSON with 400 REQUEST_MALFORMED_JSON on every write route', async () => {
    expect(await run(writes, raw('{"a":'), status(400, ['REQUEST_MALFORMED_JSON'], () => 'body'))).toEqual([]);
  });

  it('rejects a bare JSON string body with a problem naming the body', async () => {
    expect(await run(writes, raw('"x"'), bodyRejected)).toEqual([]);
  });

  it('rejects a JSON null body with a problem naming the body', async () => {
    expect(await run(writes, raw('null'), bodyRejected)).toEqual([]);
  });

  it('rejects a JSON array where an object body is expected, and never fails on routes without a body', async () => {
    expect(await run(withBody, json([]), status(400, ['VALIDATION_FAILED'], () => 'body'))).toEqual([]);
    expect(await run(withoutBody, json([{ a: 1 }]), wellFormed)).toEqual([]);
  });

  it('names every field that has the wrong type', async () => {
    const body = (target: Target) => Object.fromEntries(Object.entries(target.schema!.properties!).map(([k, s]) => [k, wrongTypeFor(s)]));
    const rule = status(400, ['VALIDATION_FAILED'], (target) => Object.keys(target.schema!.properties!));
    expect(await run(withBody, (target, path) => call(t.url, target.route.method, path).send(body(target)), rule)).toEqual([]);
  });

  it('rejects a generic wrong-typed body with errors naming fields', async () => {
    const generic = { name: 123, email: [], roles: 'x', password: false, userIds: 'x', kind: 7, code: {}, supportLevel: 1, newPassword: 9 };
    const rule: Rule = (res, target) =>
      status(400, ['VALIDATION_FAILED'])(res, target) ?? (fields(res).some((f) => f !== 'body') ? null : `no field named: ${describeResponse(res)}`);
    expect(await run(withBody, json(generic), rule)).toEqual([]);
  });

  it('names an unknown body field as unknown', async () => {
    const rule: Rule = (res, target) =>
      status(400, ['VALIDATION_FAILED'], () => 'unexpected')(res, target) ??
      ((res.body.errors as { field: string; message: string }[]).find((e) => e.field === 'unexpected')?.message === 'campo desconocido' ? null : 'message is not "campo desconocido"');
    expect(await run(withBody, json({ unexpected: true }), rule)).toEqual([]);
  });

  it('answers a body over the 100 kB limit with 413 REQUEST_TOO_LARGE on every write route', async () => {
    expect(await run(writes, json({ name: 'x'.repeat(200 * 1024) }), status(413, ['REQUEST_TOO_LARGE']))).toEqual([]);
  });

  it('names the path id first when it is not a UUID, on every route with a path id', async () => {
    const routes = t.app.get(RouteInventory).routes().filter((r) => hasPathParams(r.path));
    expect(routes.length).toBeGreaterThanOrEqual(12);
    const targets = routes.map((route) => ({ route, name: routeName(route) }));
    const results = await mapLimit(targets, 6, async (target) => {
      let req = call(t.url, target.route.method, fillPath(target.route.path, () => 'not-a-uuid')).set(bearer(token));
      if (isWrite(target.route)) req = req.send({});
      const res = await req;
      const why = status(400, ['VALIDATION_FAILED'])(res, target) ?? (res.body.errors?.[0]?.field === 'id' ? null : `errors[0] is not id: ${describeResponse(res)}`);
      return why && `${target.name} → ${why}`;
    });
    expect(results.filter(Boolean)).toEqual([]);
  });

  it('never answers a text/plain body with a success or a server error', async () => {
    expect(await run(withBody, raw('{"name":"x"}', 'text/plain'), is4xxProblem)).toEqual([]);
    expect(await run(withoutBody, raw('hello', 'text/plain'), wellFormed)).toEqual([]);
  });

  it('answers a text/plain body on a JSON route with 415 instead of ignoring it', async () => {
    expect(await run(withBody, raw('{"name":"x"}', 'text/plain'), status(415, ['REQUEST_UNSUPPORTED_MEDIA_TYPE']))).toEqual([]);
  });

  it('does not report success for a text/plain update whose body it never read', async () => {
    const created = await call(t.url, 'POST', '/api/v1/teams').set(bearer(token)).send({ name: 'Equipo texto plano', supportLevel: '1' }).expect(201);
    const res = await call(t.url, 'PATCH', `/api/v1/teams/${created.body.id}`)
      .set(bearer(token))
      .set('Content-Type', 'text/plain')
      .send(JSON.stringify({ name: 'Equipo renombrado' }));
    const after = await call(t.url, 'GET', `/api/v1/teams/${created.body.id}`).set(bearer(token)).expect(200);
    expect({ status: res.status, code: res.body.code, name: after.body.name }).toEqual({ status: 415, code: 'REQUEST_UNSUPPORTED_MEDIA_TYPE', name: 'Equipo texto plano' });
  });

  it('answers an unsupported body charset with 415', async () => {
    expect(await run(withBody, raw('{}', 'application/json; charset=latin9'), status(415, ['REQUEST_UNSUPPORTED_MEDIA_TYPE']))).toEqual([]);
  });

  describe('list query parameters', () => {
    let lists: Target[];
    beforeAll(() => {
      lists = t.app
        .get(RouteInventory)
        .routes()
        .filter((r) => r.method === 'GET' && ops.get(routeName(r))?.parameters?.some((p) => p.in === 'query' && p.name === 'page'))
        .map((route) => ({ route, name: routeName(route) }));
    });

    it('finds the paginated list routes', () => {
      expect(lists.map((l) => l.name).sort()).toEqual(
        expect.arrayContaining(['GET /api/v1/audit', 'GET /api/v1/organisations', 'GET /api/v1/teams', 'GET /api/v1/users']),
      );
    });

    it.each([
      ['page=0', 'page'],
      ['page=-1', 'page'],
      ['page=abc', 'page'],
      ['page=1.5', 'page'],
      ['page=1&page=2', 'page'],
      ['pageSize=0', 'pageSize'],
      ['pageSize=1000', 'pageSize'],
      ['pageSize=201', 'pageSize'],
      ['unknownParam=1', 'unknownParam'],
    ])('rejects ?%s with 400 naming %s on every list route', async (query, field) => {
      const got = await run(lists, (_target, path) => call(t.url, 'GET', `${path}?${query}`), status(400, ['VALIDATION_FAILED'], () => field));
      expect(got).toEqual([]);
    });

    it('accepts the largest page size', async () => {
      expect(await run(lists, (_target, path) => call(t.url, 'GET', `${path}?page=1&pageSize=200`), (res) => (res.status === 200 ? null : describeResponse(res)))).toEqual([]);
    });
  });
});

import type request from 'supertest';
import { ROLES } from '../../src/common/auth/roles';
import { RouteInventory, type RouteInfo } from '../../src/common/auth/route-inventory';
import { toProblem } from '../../src/common/errors/problem.filter';
import { createTestApp, type TestApp } from '../support/app';
import { createUser } from '../support/factories';
import { createSession } from '../support/world';
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

const is4xxProblem: Rule = (res, target) =>
  wellFormed(res, target) ?? (res.status >= 400 && res.status < 500 ? null : `expected a 4xx, got ${describeResponse(res)}`);

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
const bodyRejected = status(400, ['REQUEST_MALFORMED_JSON', 'REQUEST_INVALID'], () => 'body');

describe('malformed requests on every route', () => {
  let t: TestApp;
  let token: string;
  /** Session-only routes (password, tokens) refuse API tokens: they get a cookie session with its CSRF token. */
  let sessionAuth: Record<string, string>;
  const authFor = (route: RouteInfo) => (route.sessionOnly ? sessionAuth : bearer(token));
  let writes: Target[];
  let withBody: Target[];
  let withoutBody: Target[];
  let ops: Map<string, OpenApiOperation>;

  beforeAll(async () => {
    t = await createTestApp();
    // Every role at once, so every route's permission check passes and the battery reaches validation.
    const admin = await createUser(t.dataSource, { roles: [...ROLES] });
    token = await createApiToken(t.dataSource, admin.id);
    const session = await createSession(t.dataSource, admin.id);
    sessionAuth = { Cookie: session.cookie, 'X-CSRF-Token': session.csrf };
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
      const res = await build(target, fillPath(target.route.path)).set(authFor(target.route));
      return { target, why: rule(res, target) };
    });
    return results.filter((r) => r.why).map((r) => `${r.target.name} → ${r.why}`);
  }
  const raw =
    (body: string, contentType = 'application/json') =>
    (target: Target, path: string) =>
      call(t.url, target.route.method, path).set('Content-Type', contentType).send(body);
  const json = (body: unknown) => (target: Target, path: string) => call(t.url, target.route.method, path).send(body as object);

  it('finds write routes with and without a documented JSON body', () => {
    expect(withBody.length).toBeGreaterThanOrEqual(10);
    expect(withoutBody.length).toBeGreaterThanOrEqual(4);
    expect(withBody.length + withoutBody.length).toBe(writes.length);
  });

  it('answers malformed JSON with 400 REQUEST_MALFORMED_JSON on every write route', async () => {
    expect(
      await run(
        writes,
        raw('{"a":'),
        status(400, ['REQUEST_MALFORMED_JSON'], () => 'body'),
      ),
    ).toEqual([]);
  });

  it('rejects a bare JSON string body with a problem naming the body', async () => {
    expect(await run(writes, raw('"x"'), bodyRejected)).toEqual([]);
  });

  it('rejects a JSON null body with a problem naming the body', async () => {
    expect(await run(writes, raw('null'), bodyRejected)).toEqual([]);
  });

  it('rejects a JSON array where an object body is expected, and never fails on routes without a body', async () => {
    expect(
      await run(
        withBody,
        json([]),
        status(400, ['REQUEST_INVALID'], () => 'body'),
      ),
    ).toEqual([]);
    expect(await run(withoutBody, json([{ a: 1 }]), wellFormed)).toEqual([]);
  });

  it('names every field that has the wrong type', async () => {
    const body = (target: Target) => Object.fromEntries(Object.entries(target.schema!.properties!).map(([k, s]) => [k, wrongTypeFor(s)]));
    const rule = status(400, ['REQUEST_INVALID'], (target) => Object.keys(target.schema!.properties!));
    expect(await run(withBody, (target, path) => call(t.url, target.route.method, path).send(body(target)), rule)).toEqual([]);
  });

  it('rejects a generic wrong-typed body with errors naming fields', async () => {
    const generic = { name: 123, email: [], roles: 'x', password: false, userIds: 'x', kind: 7, code: {}, supportLevel: 1, newPassword: 9 };
    const rule: Rule = (res, target) =>
      status(400, ['REQUEST_INVALID'])(res, target) ?? (fields(res).some((f) => f !== 'body') ? null : `no field named: ${describeResponse(res)}`);
    expect(await run(withBody, json(generic), rule)).toEqual([]);
  });

  it('names an unknown body field as unknown', async () => {
    const rule: Rule = (res, target) =>
      status(400, ['REQUEST_INVALID'], () => 'unexpected')(res, target) ??
      ((res.body.errors as { field: string; message: string }[]).find((e) => e.field === 'unexpected')?.message === 'campo desconocido'
        ? null
        : 'message is not "campo desconocido"');
    expect(await run(withBody, json({ unexpected: true }), rule)).toEqual([]);
  });

  it('answers a body over the 100 kB limit with 413 REQUEST_TOO_LARGE on every write route', async () => {
    expect(await run(writes, json({ name: 'x'.repeat(200 * 1024) }), status(413, ['REQUEST_TOO_LARGE']))).toEqual([]);
  });

  it('names the path id first when it is not a UUID, on every route with a path id', async () => {
    const routes = t.app
      .get(RouteInventory)
      .routes()
      .filter((r) => hasPathParams(r.path));
    expect(routes.length).toBeGreaterThanOrEqual(12);
    const targets = routes.map((route) => ({ route, name: routeName(route) }));
    const results = await mapLimit(targets, 6, async (target) => {
      let req = call(
        t.url,
        target.route.method,
        fillPath(target.route.path, () => 'not-a-uuid'),
      ).set(authFor(target.route));
      if (isWrite(target.route)) req = req.send({});
      const res = await req;
      const why =
        status(400, ['REQUEST_INVALID'])(res, target) ?? (res.body.errors?.[0]?.field === 'id' ? null : `errors[0] is not id: ${describeResponse(res)}`);
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
    expect({ status: res.status, code: res.body.code, name: after.body.name }).toEqual({
      status: 415,
      code: 'REQUEST_UNSUPPORTED_MEDIA_TYPE',
      name: 'Equipo texto plano',
    });
  });

  it('answers an unsupported body charset with 415', async () => {
    expect(await run(withBody, raw('{}', 'application/json; charset=latin9'), status(415, ['REQUEST_UNSUPPORTED_MEDIA_TYPE']))).toEqual([]);
  });

  describe('hostile text and dates', () => {
    // NUL cannot be stored in a PostgreSQL text column (SQLSTATE 22021); a lone surrogate is not
    // Unicode at all (the driver would silently store U+FFFD). Both must be a 400 naming the field.
    const HOSTILE: [string, string][] = [
      ['NUL', 'a\u0000b'],
      ['a lone high surrogate', 'a\uD800b'],
      ['a lone low surrogate', '\uDC00'],
    ];
    const typeOf = (schema: JsonSchema) => {
      const branch = schema.anyOf?.find((s) => s.type !== 'null') ?? schema;
      return Array.isArray(branch.type) ? branch.type.find((x) => x !== 'null') : branch.type;
    };

    it.each(HOSTILE)('rejects %s in every body field, nested ones too, with 400 naming the field', async (_what, text) => {
      const cases = withBody.flatMap((target) =>
        Object.entries(target.schema!.properties!).flatMap(([prop, schema]) => {
          const out: { target: Target; body: Record<string, unknown>; field: string }[] = [{ target, body: { [prop]: text }, field: prop }];
          const type = typeOf(schema);
          if (type === 'array') out.push({ target, body: { [prop]: [text] }, field: `${prop}.0` });
          if (type === 'object') out.push({ target, body: { [prop]: { clave: text } }, field: `${prop}.clave` });
          return out;
        }),
      );
      expect(cases.length).toBeGreaterThanOrEqual(50);
      const results = await mapLimit(cases, 6, async (c) => {
        const res = await call(t.url, c.target.route.method, fillPath(c.target.route.path)).set(authFor(c.target.route)).send(c.body);
        const why = status(400, ['REQUEST_INVALID'], () => c.field)(res, c.target);
        return why && `${c.target.name} ${JSON.stringify(c.body)} → ${why}`;
      });
      expect(results.filter(Boolean)).toEqual([]);
    });

    it('rejects a hostile key in a free-form object, naming it', async () => {
      const ticket = withBody.find((w) => w.name === 'POST /api/v1/tickets')!;
      const res = await call(t.url, 'POST', '/api/v1/tickets')
        .set(bearer(token))
        .send({ title: 'x', description: 'y', formData: { 'a\u0000': 'b' } });
      expect(status(400, ['REQUEST_INVALID'], () => 'formData.a\u0000')(res, ticket)).toBeNull();
    });

    describe('in query parameters', () => {
      let queried: { target: Target; params: { name: string; schema?: JsonSchema }[] }[];
      beforeAll(() => {
        queried = t.app
          .get(RouteInventory)
          .routes()
          .filter((r) => r.method === 'GET')
          .map((route) => ({
            target: { route, name: routeName(route) },
            params: (ops.get(routeName(route))?.parameters ?? []).filter((p) => p.in === 'query'),
          }))
          .filter((q) => q.params.length);
      });
      const each = () => queried.flatMap((q) => q.params.map((p) => ({ ...q, param: p })));

      it('finds the routes with query parameters, text and date ones among them', () => {
        expect(each().length).toBeGreaterThanOrEqual(20);
        expect(
          each()
            .filter((c) => c.param.schema?.format === 'date-time')
            .map((c) => `${c.target.name}?${c.param.name}`),
        ).toEqual(expect.arrayContaining(['GET /api/v1/audit?from', 'GET /api/v1/audit?to']));
      });

      it.each([
        ['NUL', '%00'],
        ['NUL inside text', 'abc%00def'],
      ])('rejects %s in every query parameter with 400 naming it', async (_what, encoded) => {
        const results = await mapLimit(each(), 6, async (c) => {
          const res = await call(t.url, 'GET', `${fillPath(c.target.route.path)}?${c.param.name}=${encoded}`).set(bearer(token));
          const why = status(400, ['REQUEST_INVALID'], () => c.param.name)(res, c.target);
          return why && `${c.target.name}?${c.param.name} → ${why}`;
        });
        expect(results.filter(Boolean)).toEqual([]);
      });

      it('never fails on an encoded lone surrogate or invalid UTF-8 in any query parameter', async () => {
        // A URL carries bytes: a surrogate's CESU-8 bytes are not UTF-8, so the parser keeps the
        // escape as literal text and no lone surrogate can reach the code; it must still never be a 5xx.
        const results = await mapLimit(each(), 6, async (c) => {
          const res = await call(t.url, 'GET', `${fillPath(c.target.route.path)}?${c.param.name}=%ED%A0%80%FF`).set(bearer(token));
          const why = wellFormed(res, c.target);
          return why && `${c.target.name}?${c.param.name} → ${why}`;
        });
        expect(results.filter(Boolean)).toEqual([]);
      });

      it.each([
        ['the earliest JavaScript date', '-271821-04-20T00:00:00Z'],
        ['the latest JavaScript date', '%2B275760-09-13T00:00:00Z'],
        ['a five-digit year', '10000-01-01'],
        ['year zero', '0000-01-01T00:00:00Z'],
        ['a day that does not exist', '2026-02-30'],
        ['an hour that does not exist', '2026-01-01T24:30:00Z'],
        ['not a date', 'ayer'],
      ])('rejects %s in every date query parameter with 400 naming it', async (_what, value) => {
        const dates = each().filter((c) => c.param.schema?.format === 'date-time');
        expect(dates.length).toBeGreaterThan(0);
        const results = await mapLimit(dates, 6, async (c) => {
          const res = await call(t.url, 'GET', `${fillPath(c.target.route.path)}?${c.param.name}=${value}`).set(bearer(token));
          const why = status(400, ['REQUEST_INVALID'], () => c.param.name)(res, c.target);
          return why && `${c.target.name}?${c.param.name} → ${why}`;
        });
        expect(results.filter(Boolean)).toEqual([]);
      });

      it('answers the reported /audit?from=-271821-04-20T00:00:00Z with 400 naming from', async () => {
        const res = await call(t.url, 'GET', '/api/v1/audit?from=-271821-04-20T00:00:00Z').set(bearer(token));
        expect({ status: res.status, fields: fields(res) }).toEqual({ status: 400, fields: ['from'] });
      });

      it('still accepts ordinary dates', async () => {
        await call(t.url, 'GET', '/api/v1/audit?from=2026-01-01&to=2026-12-31T23:59:59.999-06:00').set(bearer(token)).expect(200);
      });
    });
  });

  describe('PostgreSQL data exceptions (SQLSTATE class 22)', () => {
    // Whatever slips past a validator must still be the client's 400, not an opaque 500.
    it.each([
      ['a timestamp out of range', `SELECT '-271821-04-20T00:00:00Z'::timestamptz`, [], '22009'],
      ['NUL in text', `SELECT $1::text`, ['a\u0000b'], '22021'],
      ['an integer out of range', `SELECT 3000000000::int4`, [], '22003'],
      ['an invalid number', `SELECT 'x'::int`, [], '22P02'],
    ])('answers %s with a 400 problem', async (_what, sql, params, sqlState) => {
      const error = await t.dataSource.query(sql, params).then(
        () => null,
        (e: unknown) => e,
      );
      expect((error as { driverError?: { code?: string } }).driverError?.code).toBe(sqlState);
      const { problem, internal } = toProblem(error, 'req-22');
      expect({ status: problem.status, code: problem.code, internal }).toEqual({ status: 400, code: 'VALIDATION_FAILED', internal: false });
      expect(problem.errors[0]).toEqual({ field: 'body', message: expect.stringContaining(sqlState) });
      expect(problem.detail).not.toMatch(/select|timestamptz/i);
    });
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
      const got = await run(
        lists,
        (_target, path) => call(t.url, 'GET', `${path}?${query}`),
        status(400, ['REQUEST_INVALID'], () => field),
      );
      expect(got).toEqual([]);
    });

    it('accepts the largest page size', async () => {
      expect(
        await run(
          lists,
          (_target, path) => call(t.url, 'GET', `${path}?page=1&pageSize=200`),
          (res) => (res.status === 200 ? null : describeResponse(res)),
        ),
      ).toEqual([]);
    });
  });
});

import request from 'supertest';
import { PERMISSIONS, rolesHave, type Permission } from '../../src/common/auth/permissions';
import { ROLES, type Role } from '../../src/common/auth/roles';
import { RouteInventory, type RouteInfo } from '../../src/common/auth/route-inventory';
import { createTestApp, type TestApp } from '../support/app';
import { createUser } from '../support/factories';
import { login, type Session } from '../support/http';
import { bearer, call, createApiToken, describeResponse, fillPath, isWrite, mapLimit, openApiOperations, problemShapeError, routeName } from '../support/routes';

type Principal = 'anonymous' | Role;
const PRINCIPALS: Principal[] = ['anonymous', ...ROLES];

type Expectation = 'unauthenticated' | 'forbidden' | 'sessionOnly' | 'allowed';
type Outcome = { route: RouteInfo; principal: Principal; expected: Expectation; res: request.Response };

function expectationFor(route: RouteInfo, principal: Principal): Expectation {
  const access = route.access;
  if (!access) throw new Error(`${routeName(route)} has no access rule`);
  if (access.kind === 'public') return 'allowed';
  if (principal === 'anonymous') return 'unauthenticated';
  // The matrix calls with API tokens, which credential-management routes refuse to any role.
  if (route.sessionOnly) return 'sessionOnly';
  return rolesHave([principal], access.permission) ? 'allowed' : 'forbidden';
}

/** Why an outcome breaks the matrix, or null when it matches. */
function mismatch({ route, principal, expected, res }: Outcome): string | null {
  const shape = res.status >= 400 ? problemShapeError(res) : null;
  const code = (res.body as { code?: string } | undefined)?.code;
  const name = `${routeName(route)} as ${principal}`;
  if (expected === 'unauthenticated' && (res.status !== 401 || code !== 'AUTH_REQUIRED')) return `${name} → expected 401 AUTH_REQUIRED, got ${describeResponse(res)}`;
  if (expected === 'forbidden' && (res.status !== 403 || code !== 'AUTH_FORBIDDEN')) return `${name} → expected 403 AUTH_FORBIDDEN, got ${describeResponse(res)}`;
  if (expected === 'sessionOnly' && (res.status !== 403 || code !== 'AUTH_SESSION_REQUIRED')) return `${name} → expected 403 AUTH_SESSION_REQUIRED, got ${describeResponse(res)}`;
  if (expected === 'allowed' && (res.status === 401 || res.status === 403 || res.status >= 500)) return `${name} → expected neither 401, 403 nor 5xx, got ${describeResponse(res)}`;
  if (shape) return `${name} → ${res.status} is not problem+json (${shape})`;
  return null;
}

describe('RBAC matrix (every route × anonymous and every role)', () => {
  let t: TestApp;
  let routes: RouteInfo[];
  const tokens = new Map<Role, string>();
  let outcomes: Outcome[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    routes = t.app.get(RouteInventory).routes();
    for (const role of ROLES) {
      const user = await createUser(t.dataSource, { roles: [role] });
      tokens.set(role, await createApiToken(t.dataSource, user.id, `matrix-${role}`));
    }
    const cases = routes.flatMap((route) => PRINCIPALS.map((principal) => ({ route, principal })));
    outcomes = await mapLimit(cases, 8, async ({ route, principal }) => {
      let req = call(t.url, route.method, fillPath(route.path));
      if (principal !== 'anonymous') req = req.set(bearer(tokens.get(principal)!));
      if (isWrite(route)) req = req.send({});
      return { route, principal, expected: expectationFor(route, principal), res: await req };
    });
  });
  afterAll(() => t?.close());

  it('gives every route an access rule that is public or names a permission of the map', () => {
    const known = Object.keys(PERMISSIONS) as Permission[];
    const bad = routes
      .filter((r) => !(r.access?.kind === 'public' || (r.access?.kind === 'permission' && known.includes(r.access.permission))))
      .map((r) => `${routeName(r)} (${r.handler}): ${JSON.stringify(r.access)}`);
    expect(bad).toEqual([]);
    expect(routes.length).toBeGreaterThanOrEqual(30);
  });

  it('inventories the same routes the OpenAPI document publishes', async () => {
    const documented = [...(await openApiOperations(t.url)).keys()].sort();
    expect(routes.map(routeName).sort()).toEqual(documented);
  });

  it('keeps the public routes to login, health and readiness', () => {
    expect(routes.filter((r) => r.access?.kind === 'public').map(routeName).sort()).toEqual(['GET /api/health', 'GET /api/ready', 'POST /api/v1/auth/login']);
  });

  it.each(PRINCIPALS)('answers every route as %s according to the permission map', (principal) => {
    const mine = outcomes.filter((o) => o.principal === principal);
    expect(mine).toHaveLength(routes.length);
    expect(mine.map(mismatch).filter(Boolean)).toEqual([]);
  });

  it('lets each role through to at least one route and stops it wherever the map withholds a permission', () => {
    for (const role of ROLES) {
      const mine = outcomes.filter((o) => o.principal === role);
      const holdsEverything = (Object.keys(PERMISSIONS) as Permission[]).every((p) => rolesHave([role], p));
      expect(mine.some((o) => o.expected === 'allowed')).toBe(true);
      expect(mine.some((o) => o.expected === 'forbidden')).toBe(!holdsEverything);
    }
  });

  it('answers a garbage or unprefixed Bearer token with 401 on protected routes', async () => {
    for (const token of ['mesa_pat_not-a-real-token', 'not-even-prefixed']) {
      const res = await request(t.url).get('/api/v1/me').set(bearer(token));
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('AUTH_REQUIRED');
    }
  });

  describe('CSRF on cookie sessions', () => {
    let session: Session;
    let adminToken: string;
    beforeAll(async () => {
      const admin = await createUser(t.dataSource, { roles: ['admin'] });
      session = await login(t.url, admin.email, admin.password);
      adminToken = await createApiToken(t.dataSource, admin.id);
    });

    it('refuses every cookie-authenticated write without X-CSRF-Token with 403 AUTH_CSRF_INVALID', async () => {
      const protectedWrites = routes.filter((r) => isWrite(r) && r.access?.kind !== 'public');
      expect(protectedWrites.length).toBeGreaterThan(10);
      const results = await mapLimit(protectedWrites, 6, async (route) => ({
        route,
        res: await call(t.url, route.method, fillPath(route.path)).set('Cookie', session.cookie).send({}),
      }));
      const bad = results
        .filter(({ res }) => res.status !== 403 || res.body.code !== 'AUTH_CSRF_INVALID' || res.body.errors?.[0]?.field !== 'x-csrf-token')
        .map(({ route, res }) => `${routeName(route)} → ${describeResponse(res)}`);
      expect(bad).toEqual([]);
    });

    it('refuses a cookie-authenticated write whose X-CSRF-Token is wrong', async () => {
      const res = await request(t.url)
        .post('/api/v1/teams')
        .set('Cookie', session.cookie)
        .set('X-CSRF-Token', session.csrf.slice(0, -2) + (session.csrf.endsWith('AA') ? 'BB' : 'AA'))
        .send({ name: 'Mesa CSRF', supportLevel: '1' });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('AUTH_CSRF_INVALID');
      const count = await t.dataSource.query(`SELECT count(*)::int AS n FROM teams WHERE name = 'Mesa CSRF'`);
      expect(count[0].n).toBe(0);
    });

    it('accepts a cookie-authenticated write that echoes the session CSRF token', async () => {
      const res = await request(t.url)
        .post('/api/v1/teams')
        .set('Cookie', session.cookie)
        .set('X-CSRF-Token', session.csrf)
        .send({ name: 'Mesa CSRF ok', supportLevel: '1' });
      expect(res.status).toBe(201);
    });

    it('does not ask for X-CSRF-Token on cookie reads', async () => {
      await request(t.url).get('/api/v1/users').set('Cookie', session.cookie).expect(200);
    });

    it('does not ask Bearer-token writes for X-CSRF-Token', async () => {
      const res = await request(t.url).post('/api/v1/teams').set(bearer(adminToken)).send({ name: 'Mesa Bearer', supportLevel: '2' });
      expect(res.status).toBe(201);
    });

    it('keeps the session alive when a logout without X-CSRF-Token is refused', async () => {
      const res = await request(t.url).post('/api/v1/auth/logout').set('Cookie', session.cookie).send();
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('AUTH_CSRF_INVALID');
      await request(t.url).get('/api/v1/me').set('Cookie', session.cookie).expect(200);
    });
  });
});

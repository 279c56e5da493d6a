import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { PERMISSIONS, type Permission } from '../../src/common/auth/permissions';
import type { Role } from '../../src/common/auth/roles';
import { RouteInventory, type RouteInfo } from '../../src/common/auth/route-inventory';
import { createTestApp, type TestApp } from '../support/app';
import { createUser } from '../support/factories';
import { login, type Session } from '../support/http';
import {
  bearer,
  call,
  createApiToken,
  describeResponse,
  fillPath,
  isWrite,
  mapLimit,
  openApiOperations,
  problemShapeError,
  routeName,
} from '../support/routes';
import {
  actsOnSelf,
  baseRoute,
  buildSide,
  type Caller,
  callRoute,
  createSession,
  type Principal,
  PRINCIPAL_COLUMNS,
  PRINCIPALS,
  type Side,
  VARIANTS,
} from '../support/world';
import { responseDriftError } from '../support/responses';
import { ROUTE_ACCESS, ROUTE_ACCESS_COLUMNS } from './route-access.table';

const TABLE_FILE = join(__dirname, 'route-access.table.ts');
const dataDir = join(tmpdir(), `mesa-test-data-${process.pid}`);

/** Statuses that mean "the access checks let the call through" (the body or the state was then refused). */
const PASSED_ACCESS = [400, 409, 413, 415, 422];
function outcomeOf(status: number): string {
  if (status >= 500) return '5xx';
  if (status < 400 || PASSED_ACCESS.includes(status)) return 'ok';
  return String(status);
}

type Result = { key: string; principal: Principal; outcome: string; res: request.Response };

const TEAM_ROLES: Role[] = ['resolver_l2', 'resolver_l3', 'team_coordinator', 'field_technician', 'field_chief'];

describe('Route access table (every route × anonymous, requester, colleague and every staff role)', () => {
  let t: TestApp;
  let routes: RouteInfo[];
  let side: Side;
  const callers = new Map<Principal, Caller>();
  let results: Result[] = [];
  let keys: string[] = [];

  /** A throwaway user with the principal's roles and organisation, for calls that log out, change the password or revoke. */
  async function twin(principal: Principal): Promise<Caller> {
    const base = callers.get(principal)!;
    const user = await createUser(t.dataSource, {
      roles: base.user.roles,
      organisationId: principal === 'requester' || principal === 'colleague' ? side.areaId : null,
    });
    return { user, principal, session: await createSession(t.dataSource, user.id) };
  }

  beforeAll(async () => {
    t = await createTestApp({ env: { DATA_DIR: dataDir } });
    routes = t.app.get(RouteInventory).routes();
    side = await buildSide(t, 'A');
    for (const principal of PRINCIPALS) {
      if (principal === 'anonymous') continue;
      const user =
        principal === 'requester' ? side.requester : principal === 'colleague' ? side.colleague : await createUser(t.dataSource, { roles: [principal] });
      callers.set(principal, { user, principal, session: await createSession(t.dataSource, user.id) });
    }
    // Team-scoped staff work in the ticket's team (the coordinator leads it), so the table shows what each role may do on a ticket it sees.
    for (const role of TEAM_ROLES)
      await t.dataSource.query(`INSERT INTO team_members (team_id, user_id) VALUES ($1, $2)`, [side.teamId, callers.get(role)!.user.id]);
    await t.dataSource.query(`UPDATE teams SET coordinator_id = $2 WHERE id = $1`, [side.teamId, callers.get('team_coordinator')!.user.id]);

    const names = new Set(routes.map(routeName));
    keys = [...names, ...VARIANTS.filter((v) => names.has(baseRoute(v)))].sort(byPathThenMethod);
    const cases = keys.flatMap((key) => PRINCIPALS.map((principal) => ({ key, principal })));
    results = await mapLimit(cases, 4, async ({ key, principal }) => {
      const [method, path] = baseRoute(key).split(' ');
      const caller = principal === 'anonymous' ? null : actsOnSelf(method, path) ? await twin(principal) : callers.get(principal)!;
      const res = await callRoute(t, { key, method, path }, { pathSide: side, ownSide: side, caller, ownerId: caller?.user.id ?? null });
      return { key, principal, outcome: outcomeOf(res.status), res };
    });
    if (process.env.MESA_WRITE_ROUTE_TABLE === '1') writeFileSync(TABLE_FILE, renderTable(keys, results));
  });
  afterAll(() => t?.close());

  it('keeps the table columns in the order of the principals', () => {
    expect(ROUTE_ACCESS_COLUMNS.trim().split(/\s+/)).toEqual(PRINCIPALS.map((p) => PRINCIPAL_COLUMNS[p]));
  });

  it('has a row for every route and a route for every row', () => {
    const rows = Object.keys(ROUTE_ACCESS);
    expect({ routesWithoutRow: keys.filter((k) => !rows.includes(k)), rowsWithoutRoute: rows.filter((r) => !keys.includes(r)) }).toEqual({
      routesWithoutRow: [],
      rowsWithoutRoute: [],
    });
  });

  it('answers every route as every principal with the outcome the table gives', () => {
    const mismatches: string[] = [];
    for (const key of keys) {
      const row = ROUTE_ACCESS[key];
      if (!row) continue;
      const cells = row.trim().split(/\s+/);
      if (cells.length !== PRINCIPALS.length) {
        mismatches.push(`${key}: the row has ${cells.length} cells, expected ${PRINCIPALS.length}`);
        continue;
      }
      PRINCIPALS.forEach((principal, i) => {
        const r = results.find((x) => x.key === key && x.principal === principal)!;
        if (r.outcome !== cells[i]) mismatches.push(`${key} as ${principal}: expected ${cells[i]}, got ${r.outcome} (${describeResponse(r.res)})`);
      });
    }
    expect(mismatches).toEqual([]);
  });

  it('never answers a route with a 5xx, and answers every refusal with problem+json', () => {
    const bad = results
      .filter((r) => r.res.status >= 500 || (r.res.status >= 400 && problemShapeError(r.res)))
      .map((r) => `${r.key} as ${r.principal}: ${describeResponse(r.res)} ${problemShapeError(r.res) ?? ''}`);
    expect(bad).toEqual([]);
  });

  it('answers every success with the status, content type and body schema its route documents', () => {
    const byName = new Map(routes.map((r) => [routeName(r), r]));
    const successes = results.filter((r) => r.res.status < 300);
    const bad = successes
      .map((r) => ({ r, error: responseDriftError(byName.get(baseRoute(r.key))!, r.res) }))
      .filter((x) => x.error)
      .map(({ r, error }) => `${r.key} as ${r.principal}: ${error}`);
    expect(bad).toEqual([]);
    // The walk must reach a real success on most routes, or this check proves little.
    expect(new Set(successes.map((r) => baseRoute(r.key))).size).toBeGreaterThan(routes.length * 0.6);
  });

  it('refuses 401/403 with the codes of the guard or a service, never a bare status', () => {
    const codes: Record<number, string[]> = {
      401: ['AUTH_REQUIRED'],
      403: ['AUTH_FORBIDDEN', 'TICKET_ACTION_FORBIDDEN', 'TICKET_CHANNEL_FORBIDDEN', 'TEXT_MODULE_FORBIDDEN'],
    };
    const bad = results
      .filter((r) => codes[r.res.status] && !codes[r.res.status].includes(r.res.body?.code))
      .map((r) => `${r.key} as ${r.principal}: ${describeResponse(r.res)}`);
    expect(bad).toEqual([]);
  });

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
    expect(
      routes
        .filter((r) => r.access?.kind === 'public')
        .map(routeName)
        .sort(),
    ).toEqual(['GET /api/health', 'GET /api/ready', 'POST /api/v1/auth/login']);
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
      const outcomes = await mapLimit(protectedWrites, 6, async (route) => ({
        route,
        res: await call(t.url, route.method, fillPath(route.path)).set('Cookie', session.cookie).send({}),
      }));
      const bad = outcomes
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

const METHOD_ORDER = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
function byPathThenMethod(a: string, b: string): number {
  const [ma, pa] = a.split(' ');
  const [mb, pb] = b.split(' ');
  return pa.localeCompare(pb) || METHOD_ORDER.indexOf(ma) - METHOD_ORDER.indexOf(mb) || a.localeCompare(b);
}

/** The table file as MESA_WRITE_ROUTE_TABLE=1 writes it: one aligned row per route key, one cell per principal. */
function renderTable(keys: string[], results: Result[]): string {
  const width = Math.max(...keys.map((k) => k.length)) + 4;
  const cell = 5;
  const labels = PRINCIPALS.map((p) => PRINCIPAL_COLUMNS[p].padEnd(cell))
    .join('')
    .trimEnd();
  const rows = keys.map((key) => {
    const cells = PRINCIPALS.map((p) => results.find((r) => r.key === key && r.principal === p)!.outcome.padEnd(cell))
      .join('')
      .trimEnd();
    return `  ${`'${key}':`.padEnd(width)}'${cells}',`;
  });
  return `${TABLE_HEADER}
export const ROUTE_ACCESS_COLUMNS = '${labels}';

export const ROUTE_ACCESS: Record<string, string> = {
  //${' '.repeat(width - 1)}${labels}
${rows.join('\n')}
};
`;
}

const TABLE_HEADER = `/**
 * Who may call what: every API route (and a few body variants) × every principal → the outcome.
 * Reviewed by hand; rows are generated from the running app with
 *   MESA_WRITE_ROUTE_TABLE=1 npx jest --maxWorkers=1 test/integration/rbac-matrix.int-spec.ts
 * and then read against the product rules before committing. A new route without a row, a row
 * without a route, or a changed outcome fails rbac-matrix.int-spec.ts and shows in review.
 *
 * Outcomes:
 *   401  not signed in                      403  refused by the guard or by a role check in a service
 *   404  the row is invisible to the caller  ok   passed every access check: 2xx, or 400/409/413/415/422
 *                                                 because the body or the record's state was refused
 *   (a 5xx always fails the test; any other status is written as is)
 *
 * Principals (columns): anon = no session; req = a requester (area of UR "A", which shares tickets
 * among its requesters); coll = another requester of the same area; then one user per staff role.
 * l2, l3, tco (coordinator), fte and fch are members of the ticket's team; the other staff roles
 * have no team. Everyone signs in with a cookie session (writes send X-CSRF-Token).
 *
 * Fixtures: :id of a ticket is req's ticket, assigned to that team (state "assigned", level 2,
 * version 1, no approver); users/:id is req (a fresh requester for writes); teams/:id the team;
 * organisations/:id req's area; services/:id an active service restricted to req's dependency;
 * notifications, tokens and saved filters belong to the caller. Every write gets fresh rows, and
 * writes under /me and /auth run as a twin of the caller, so calls do not depend on each other.
 * Bodies are valid where the route has one in BODIES (test/support/world.ts); otherwise {} (a
 * 400 then still says "passed the access checks"). Variants: "[internal]" posts an internal
 * note, "[letter]" registers a ticket received by official letter (GIS 2.1: desk coordinator
 * and directors only). The approval row is 403 for everyone who sees the ticket: only the
 * designated approver decides, and none of the principals is.
 *
 * Read against the rules (SPEC "People and roles", "Security rules"): requesters reach only
 * their own and, where their unit shares tickets, their unit's tickets (a colleague may read,
 * reply and attach there, as in Zammad's shared organisations, but not change the state); they
 * never reach users, teams, organisations, audit or configuration. Staff see the directory
 * (users, teams, organisations). The catalog manager has no ticket scope and acts on tickets as
 * a requester. The admin administers (users, teams, organisations, catalog, matrix, audit) and
 * sees every ticket, but does not work them (no assign/take/escalate/queues).
 */`;

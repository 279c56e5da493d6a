import { randomBytes, randomInt } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { ROLES, type Role } from '../../src/common/auth/roles';
import { SESSION_COOKIE } from '../../src/modules/identity/access.guard';
import { API_TOKEN_PREFIX, newSecret, sha256 } from '../../src/modules/identity/secrets';
import type { TestApp } from './app';
import { createOrganisation, createUser, DEFAULT_PASSWORD, type CreatedUser } from './factories';
import { call, isWrite } from './routes';
import { createService, createTeam } from './tickets';
import { TINY_PNG } from './files';

/**
 * Fixtures for the route × principal table and the IDOR sweep: real rows for every kind of id a
 * route takes, so that "allowed" is told apart from 404 and role checks made inside services show.
 */

/** Who calls: nobody, the 13 roles, and a requester's colleague in a unit that shares tickets. */
export type Principal = 'anonymous' | 'colleague' | Role;
export const PRINCIPALS: readonly Principal[] = ['anonymous', 'requester', 'colleague', ...ROLES.filter((r) => r !== 'requester')];

/** Column headers of the route table (short, so a row fits a screen). */
export const PRINCIPAL_COLUMNS: Record<Principal, string> = {
  anonymous: 'anon',
  requester: 'req',
  colleague: 'coll',
  agent_l1: 'l1',
  resolver_l2: 'l2',
  resolver_l3: 'l3',
  team_coordinator: 'tco',
  field_technician: 'fte',
  field_chief: 'fch',
  desk_coordinator: 'dco',
  director: 'dir',
  problem_manager: 'pm',
  change_manager: 'cm',
  catalog_manager: 'cat',
  admin: 'adm',
};

export type CookieSession = { cookie: string; csrf: string };
export type Caller = { user: CreatedUser; session: CookieSession; principal: Principal };

/** A session row written the way SessionsService.create writes it (no login round trip, no argon2). */
export async function createSession(ds: DataSource, userId: string): Promise<CookieSession> {
  const token = newSecret();
  const csrf = newSecret(24);
  await ds.query(`INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at, last_seen_at) VALUES ($1, $2, $3, now() + interval '2 hours', now())`, [
    sha256(token),
    userId,
    csrf,
  ]);
  return { cookie: `${SESSION_COOKIE}=${token}`, csrf };
}

const hex = () => randomBytes(4).toString('hex');
const one = async (ds: DataSource, sql: string, params: unknown[]): Promise<string> => ((await ds.query(sql, params)) as { id: string }[])[0].id;

/** One organisation's world: dependency → UR (shares tickets) → area, its people, team, service and a ticket with everything hanging off it. */
export type Side = {
  label: string;
  dependencyId: string;
  unitId: string;
  areaId: string;
  locationId: string;
  requester: CreatedUser;
  colleague: CreatedUser;
  /** A 2nd-level resolver of this side's team (the team's other staff are added by the caller). */
  resolver: CreatedUser;
  teamId: string;
  /** Active, orderable from the portal, restricted to this side's dependency. */
  serviceId: string;
  /** The requester's ticket, assigned to the team, with a public reply, an attachment and a link. */
  ticketId: string;
  otherTicketId: string;
  linkId: string;
  attachmentId: string;
};

export async function insertTicket(
  ds: DataSource,
  side: Pick<Side, 'requester' | 'areaId' | 'unitId' | 'teamId'>,
  opts: { state?: string; serviceId?: string | null } = {},
): Promise<string> {
  return one(
    ds,
    `INSERT INTO tickets (number, version, type, channel, requester_id, created_by_id, organisation_id, unit_id, service_id, title, description,
                          impact, urgency, priority, state, team_id, support_level)
     VALUES (mesa_next_ticket_number($1), 1, 'incident', 'portal', $2, $2, $3, $4, $5, $6, 'El equipo no enciende.', 'medium', 'medium', 'medium', $7, $8, '2')
     RETURNING id`,
    [
      new Date().getUTCFullYear(),
      side.requester.id,
      side.areaId,
      side.unitId,
      opts.serviceId ?? null,
      `Incidencia ${hex()}`,
      opts.state ?? 'assigned',
      side.teamId,
    ],
  );
}

export const insertLink = (ds: DataSource, from: string, to: string, by: string) =>
  one(ds, `INSERT INTO ticket_links (from_ticket_id, to_ticket_id, kind, created_by_id) VALUES ($1, $2, 'related_to', $3) RETURNING id`, [from, to, by]);

export const insertNotification = (ds: DataSource, recipientId: string) =>
  one(
    ds,
    `INSERT INTO notifications (event_id, recipient_id, kind, title, body, link) VALUES ($1, $2, 'ticket.assigned', 'Aviso', 'Texto', null) RETURNING id`,
    [randomInt(1, 2 ** 47), recipientId],
  );

export const insertToken = (ds: DataSource, userId: string) => {
  const token = API_TOKEN_PREFIX + newSecret();
  return one(ds, `INSERT INTO api_tokens (user_id, name, token_hash, prefix) VALUES ($1, $2, $3, $4) RETURNING id`, [
    userId,
    `token ${hex()}`,
    sha256(token),
    token.slice(0, API_TOKEN_PREFIX.length + 6),
  ]);
};

export const insertSavedFilter = (ds: DataSource, userId: string) =>
  one(ds, `INSERT INTO saved_filters (user_id, name, query) VALUES ($1, $2, '{"view":"mine"}') RETURNING id`, [userId, `Filtro ${hex()}`]);

/** A team text module (canned response) of the given team. */
export const insertTextModule = (ds: DataSource, teamId: string) =>
  one(
    ds,
    `INSERT INTO text_modules (name, keywords, body, scope, team_id, version) VALUES ($1, '{saludo}', 'Hola {{requester.firstName}}', 'team', $2, 1) RETURNING id`,
    [`Saludo ${hex()}`, teamId],
  );

/** A business calendar no service uses (so a write may deactivate or delete it). */
export const insertCalendar = (ds: DataSource) =>
  one(
    ds,
    `INSERT INTO business_calendars (code, name, time_zone, week, holiday_country, version)
     VALUES ($1, 'Calendario de prueba', 'America/Mexico_City', '{"1":[{"start":"09:00","end":"18:00"}]}', 'MX', 1) RETURNING id`,
    [`cal-${hex()}`],
  );

export const insertClosure = (ds: DataSource, calendarId: string) =>
  one(ds, `INSERT INTO business_calendar_closures (calendar_id, date, reason) VALUES ($1, '2026-11-03', 'Día inhábil') RETURNING id`, [calendarId]);

export const insertLocation = (ds: DataSource, organisationId: string) =>
  one(ds, `INSERT INTO locations (organisation_id, name, municipality, version) VALUES ($1, $2, 'León', 1) RETURNING id`, [
    organisationId,
    `Edificio ${hex()}`,
  ]);

async function createRestrictedService(ds: DataSource, organisationId: string, teamId: string): Promise<string> {
  const { id } = await createService(ds, { teamL2Id: teamId });
  await ds.query(`UPDATE catalog_services SET restricted = true, allowed_organisation_ids = ARRAY[$2]::uuid[] WHERE id = $1`, [id, organisationId]);
  return id;
}

/** Builds one organisation's world through SQL and, for the attachment's bytes, the real upload route. */
export async function buildSide(t: TestApp, label: string): Promise<Side> {
  const ds = t.dataSource;
  const dep = await createOrganisation(ds, { kind: 'dependency', name: `Secretaría ${label}` });
  const unit = await createOrganisation(ds, { kind: 'responsible_unit', parentId: dep.id, name: `UR ${label}` });
  await ds.query(`UPDATE organisations SET requesters_see_unit_tickets = true WHERE id = $1`, [unit.id]);
  const area = await createOrganisation(ds, { kind: 'area', parentId: unit.id, name: `Área ${label}` });
  const locationId = await insertLocation(ds, area.id);
  const requester = await createUser(ds, { roles: ['requester'], organisationId: area.id, fullName: `Solicitante ${label}` });
  const colleague = await createUser(ds, { roles: ['requester'], organisationId: area.id, fullName: `Colega ${label}` });
  const resolver = await createUser(ds, { roles: ['resolver_l2'], fullName: `Resolutor ${label}` });
  const team = await createTeam(ds, { supportLevel: '2', memberIds: [resolver.id], name: `Equipo ${label} ${hex()}` });
  const serviceId = await createRestrictedService(ds, dep.id, team.id);
  const base = { requester, areaId: area.id, unitId: unit.id, teamId: team.id };
  const ticketId = await insertTicket(ds, base, { serviceId });
  const otherTicketId = await insertTicket(ds, base);
  const linkId = await insertLink(ds, ticketId, otherTicketId, resolver.id);
  await ds.query(`INSERT INTO articles (ticket_id, author_id, kind, body) VALUES ($1, $2, 'public', 'Sigue sin encender.')`, [ticketId, requester.id]);
  const s = await createSession(ds, requester.id);
  const up = await request(t.url)
    .post(`/api/v1/tickets/${ticketId}/attachments`)
    .set('Cookie', s.cookie)
    .set('X-CSRF-Token', s.csrf)
    .attach('file', TINY_PNG, { filename: 'captura.png', contentType: 'image/png' });
  if (up.status !== 201) throw new Error(`fixture upload: ${up.status} ${JSON.stringify(up.body)}`);
  return {
    label,
    dependencyId: dep.id,
    unitId: unit.id,
    areaId: area.id,
    locationId,
    requester,
    colleague,
    resolver,
    teamId: team.id,
    serviceId,
    ticketId,
    otherTicketId,
    linkId,
    attachmentId: up.body.id as string,
  };
}

/**
 * How to get an id for each path parameter, keyed by the path segment before it and its name
 * (`tickets/:id`, `links/:linkId`). `fresh` makes a new row for a write (a write may delete, close,
 * move or revoke what it touches, and the next call must find the same state); `ownerId` is the
 * caller, for rows that belong to one user (notifications, tokens, saved filters).
 */
type FixtureContext = { t: TestApp; side: Side; ownerId: string | null; fresh: boolean; ids: Record<string, string> };
type Fixture = (c: FixtureContext) => Promise<string> | string;

export const PATH_FIXTURES: Record<string, Fixture> = {
  'tickets/:id': (c) => (c.fresh ? insertTicket(c.t.dataSource, c.side) : c.side.ticketId),
  'links/:linkId': async (c) => {
    if (!c.fresh) return c.side.linkId;
    const other = await insertTicket(c.t.dataSource, c.side);
    return insertLink(c.t.dataSource, c.ids['tickets/:id'], other, c.side.resolver.id);
  },
  'attachments/:id': (c) => c.side.attachmentId,
  'saved-filters/:id': (c) => insertSavedFilter(c.t.dataSource, c.ownerId ?? c.side.resolver.id),
  'notifications/:id': (c) => insertNotification(c.t.dataSource, c.ownerId ?? c.side.requester.id),
  'tokens/:id': (c) => insertToken(c.t.dataSource, c.ownerId ?? c.side.requester.id),
  /** A token of the user in the path (users/:id/tokens/:tokenId, the administrator's user screen). */
  'tokens/:tokenId': (c) => insertToken(c.t.dataSource, c.ids['users/:id']),
  'users/:id': async (c) => (c.fresh ? (await createUser(c.t.dataSource, { roles: ['requester'], organisationId: c.side.areaId })).id : c.side.requester.id),
  'teams/:id': async (c) => (c.fresh ? (await createTeam(c.t.dataSource, { supportLevel: '2' })).id : c.side.teamId),
  'organisations/:id': async (c) => (c.fresh ? (await createOrganisation(c.t.dataSource, { kind: 'area', parentId: c.side.unitId })).id : c.side.areaId),
  'locations/:id': (c) => (c.fresh ? insertLocation(c.t.dataSource, c.side.areaId) : c.side.locationId),
  'text-modules/:id': (c) => insertTextModule(c.t.dataSource, c.side.teamId),
  'calendars/:id': (c) => insertCalendar(c.t.dataSource),
  'closures/:closureId': (c) => insertClosure(c.t.dataSource, c.ids['calendars/:id']),
  'services/:id': (c) => (c.fresh ? createRestrictedService(c.t.dataSource, c.side.dependencyId, c.side.teamId) : c.side.serviceId),
};

/** `tickets/:id`, `links/:linkId`, … for each parameter of an inventory path, in order. */
export function pathParamKeys(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.flatMap((p, i) => (p.startsWith(':') ? [`${parts[i - 1]}/${p}`] : []));
}

/** Fills a path's parameters with real ids; throws naming the parameter when no fixture knows it. */
export async function fillWithFixtures(path: string, c: Omit<FixtureContext, 'ids'>): Promise<{ path: string; ids: Record<string, string> }> {
  const ids: Record<string, string> = {};
  for (const key of pathParamKeys(path)) {
    const fixture = PATH_FIXTURES[key];
    if (!fixture) throw new Error(`no fixture for path parameter "${key}" of ${path}: add one to PATH_FIXTURES in test/support/world.ts`);
    ids[key] = await fixture({ ...c, ids });
  }
  const keys = pathParamKeys(path);
  let i = 0;
  return { path: path.replace(/:[^/]+/g, () => ids[keys[i++]]), ids };
}

/**
 * Request bodies that pass validation, so that a call reaches the service and its row and role
 * checks. `body` sides: `path` is the side whose ids are in the URL, `own` the caller's side
 * (the same in the route table; the attacker's in the IDOR sweep, so a body never smuggles the
 * victim's ids in by accident).
 */
export type BodyContext = { t: TestApp; path: Side; own: Side; ids: Record<string, string>; caller: Caller | null };
export type Body = { json: object } | { upload: { field: string; name: string; type: string; content: Buffer } };
type BodyFn = (c: BodyContext) => Promise<Body> | Body;

const json = (body: object): Body => ({ json: body });

export const BODIES: Record<string, BodyFn> = {
  'POST /api/v1/tickets': () => json({ title: 'No imprime', description: 'La impresora del piso 2 no imprime.' }),
  'POST /api/v1/tickets [letter]': () => json({ title: 'Oficio', description: 'Solicitud por oficio.', channel: 'letter', letterNumber: 'OF-1/2026' }),
  'PATCH /api/v1/tickets/:id': () => json({ version: 1, title: 'Título corregido' }),
  'POST /api/v1/tickets/:id/articles': () => json({ kind: 'public', body: 'Sigue fallando.' }),
  'POST /api/v1/tickets/:id/articles [internal]': () => json({ kind: 'internal', body: 'Nota interna.' }),
  'POST /api/v1/tickets/:id/transitions': () => json({ version: 1, to: 'in_progress' }),
  'POST /api/v1/tickets/:id/assign': (c) => json({ version: 1, teamId: c.own.teamId, assigneeId: c.own.resolver.id }),
  'POST /api/v1/tickets/:id/take': () => json({ version: 1 }),
  'POST /api/v1/tickets/:id/escalate': () => json({ version: 1, kind: 'hierarchical', reason: 'Crítico para la dependencia.' }),
  'POST /api/v1/tickets/:id/return-to-coordinator': () => json({ version: 1, reason: 'Requiere tercer nivel.' }),
  'POST /api/v1/tickets/:id/proposed-solution': () => json({ version: 1, solution: 'Cambiar la fuente de poder.' }),
  'POST /api/v1/tickets/:id/approval': () => json({ version: 1, decision: 'approve' }),
  'POST /api/v1/tickets/:id/more-time': () => json({ version: 1, reason: 'Falta la refacción.' }),
  'POST /api/v1/tickets/:id/links': async (c) => json({ toTicketId: await insertTicket(c.t.dataSource, c.own), kind: 'related_to' }),
  'POST /api/v1/tickets/:id/merge': async (c) => json({ version: 1, intoTicketId: await insertTicket(c.t.dataSource, c.own) }),
  'POST /api/v1/tickets/:id/attachments': () => ({ upload: { field: 'file', name: 'captura.png', type: 'image/png', content: TINY_PNG } }),
  'POST /api/v1/attachments/staged': () => ({ upload: { field: 'file', name: 'autorizacion.png', type: 'image/png', content: TINY_PNG } }),
  'POST /api/v1/tickets/bulk': async (c) =>
    json({ ticketIds: [await insertTicket(c.t.dataSource, c.own)], action: 'priority', impact: 'high', urgency: 'high' }),
  'POST /api/v1/saved-filters': () => json({ name: `Mis tickets ${hex()}`, query: { view: 'mine' } }),
  'POST /api/v1/me/password': () => json({ currentPassword: DEFAULT_PASSWORD, newPassword: 'Nueva#2026clave' }),
  'POST /api/v1/me/tokens': () => json({ name: 'Integración' }),
  'PATCH /api/v1/users/:id': () => json({ fullName: 'Nombre corregido' }),
  'POST /api/v1/users/:id/password': () => json({ newPassword: 'Nueva#2026clave' }),
  'PATCH /api/v1/teams/:id': () => json({ name: `Equipo renombrado ${hex()}` }),
  'PUT /api/v1/teams/:id/members': (c) => json({ userIds: [c.own.resolver.id] }),
  'PATCH /api/v1/organisations/:id': () => json({ name: 'Área renombrada' }),
  'POST /api/v1/organisations/:id/locations': () => json({ name: 'Bodega', municipality: 'León' }),
  'PATCH /api/v1/locations/:id': () => json({ name: 'Edificio renombrado' }),
  'PATCH /api/v1/catalog/services/:id': () => json({ name: `Servicio renombrado ${hex()}` }),
  'POST /api/v1/text-modules': (c) => json({ name: `Saludo ${hex()}`, body: 'Hola {{requester.name}}', scope: 'team', teamId: c.own.teamId }),
  'POST /api/v1/text-modules [global]': () => json({ name: `Saludo ${hex()}`, body: 'Hola {{requester.name}}', scope: 'global' }),
  'PATCH /api/v1/text-modules/:id': () => json({ version: 1, name: `Saludo corregido ${hex()}` }),
  'POST /api/v1/text-modules/:id/render': (c) => json({ ticketId: c.own.ticketId }),
  'POST /api/v1/calendars': () =>
    json({ code: `cal-${hex()}`, name: 'Calendario nuevo', timeZone: 'America/Lima', week: { 1: [{ start: '08:30', end: '17:30' }] }, holidayCountry: 'PE' }),
  'PATCH /api/v1/calendars/:id': () => json({ version: 1, name: `Calendario renombrado ${hex()}` }),
  'POST /api/v1/calendars/:id/closures': () => json({ date: '2026-12-24', reason: 'Día inhábil decretado' }),
};

/** Route keys are `METHOD /path` plus an optional ` [variant]` that sends another body to the same route. */
export const baseRoute = (key: string) => key.replace(/ \[[^\]]+\]$/, '');
export const VARIANTS = Object.keys(BODIES).filter((k) => k !== baseRoute(k));

/** Writes under /me and /auth act on the caller's own account (logout, password, tokens): they get a throwaway twin. */
export const actsOnSelf = (method: string, path: string) => isWrite({ method }) && /^\/api\/v1\/(me|auth)(\/|$)/.test(path);

export type CallSpec = { key: string; method: string; path: string };

/** Performs one call of a route key with real ids and a valid body; returns the response. */
export async function callRoute(
  t: TestApp,
  spec: CallSpec,
  opts: { pathSide: Side; ownSide: Side; caller: Caller | null; ownerId: string | null },
): Promise<request.Response> {
  const write = isWrite(spec);
  const { path, ids } = await fillWithFixtures(spec.path, { t, side: opts.pathSide, ownerId: opts.ownerId, fresh: write });
  let req = call(t.url, spec.method, path);
  if (opts.caller) {
    req = req.set('Cookie', opts.caller.session.cookie);
    if (write) req = req.set('X-CSRF-Token', opts.caller.session.csrf);
  }
  const bodyFn = BODIES[spec.key];
  const body = bodyFn ? await bodyFn({ t, path: opts.pathSide, own: opts.ownSide, ids, caller: opts.caller }) : write ? json({}) : null;
  if (body && 'upload' in body) return req.attach(body.upload.field, body.upload.content, { filename: body.upload.name, contentType: body.upload.type });
  if (body) return req.send(body.json);
  return req;
}

import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { Role, SupportLevel } from '../../src/common/auth/roles';
import type { TicketDto } from '../../src/modules/tickets/tickets.mapper';
import type { TestApp } from './app';
import { createUser, type CreatedUser } from './factories';
import { bearer, createApiToken } from './routes';

export type { TicketDto };

/** supertest calls authenticated by a personal API token (no cookie, no CSRF). */
export type Api = {
  get(path: string): request.Test;
  post(path: string, body?: object): request.Test;
  patch(path: string, body: object): request.Test;
  put(path: string, body: object): request.Test;
  delete(path: string): request.Test;
};

export type Person = CreatedUser & { api: Api };

export function apiAs(url: string, token: string): Api {
  return {
    get: (path) => request(url).get(path).set(bearer(token)),
    post: (path, body = {}) => request(url).post(path).set(bearer(token)).send(body),
    patch: (path, body) => request(url).patch(path).set(bearer(token)).send(body),
    put: (path, body) => request(url).put(path).set(bearer(token)).send(body),
    delete: (path) => request(url).delete(path).set(bearer(token)),
  };
}

/** A user with the given roles and an API client acting as them. */
export async function person(t: TestApp, roles: Role[], opts: { organisationId?: string | null; isVip?: boolean; fullName?: string } = {}): Promise<Person> {
  const user = await createUser(t.dataSource, { roles, ...opts });
  return { ...user, api: apiAs(t.url, await createApiToken(t.dataSource, user.id)) };
}

export const TICKETS = '/api/v1/tickets';
export const ticketUrl = (id: string, suffix = '') => `${TICKETS}/${id}${suffix}`;

export type OpenTicket = {
  type?: string;
  channel?: string;
  requesterId?: string;
  serviceId?: string | null;
  category?: string | null;
  title?: string;
  description?: string;
  impact?: string;
  urgency?: string;
  isMajor?: boolean;
  letterNumber?: string | null;
};

/** Opens a ticket and insists on 201. */
export async function openTicket(api: Api, body: OpenTicket = {}): Promise<TicketDto> {
  const res = await api.post(TICKETS, { title: `Incidencia ${randomBytes(3).toString('hex')}`, description: 'No funciona el equipo de cómputo.', ...body });
  if (res.status !== 201) throw new Error(`open ticket: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as TicketDto;
}

export async function getTicket(api: Api, id: string): Promise<TicketDto> {
  const res = await api.get(ticketUrl(id));
  if (res.status !== 200) throw new Error(`get ticket: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as TicketDto;
}

/** POSTs to a versioned ticket action (transitions, assign, escalate, …) with the ticket's current version. */
export async function act(api: Api, id: string, action: string, body: Record<string, unknown>): Promise<request.Response> {
  const { version } = await getTicket(api, id);
  return api.post(ticketUrl(id, `/${action}`), { version, ...body });
}

/** Same as act, but insists on 200 and returns the ticket. */
export async function actOk(api: Api, id: string, action: string, body: Record<string, unknown>): Promise<TicketDto> {
  const res = await act(api, id, action, body);
  if (res.status !== 200) throw new Error(`${action} ${JSON.stringify(body)}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as TicketDto;
}

export async function createService(
  ds: DataSource,
  opts: {
    status?: 'draft' | 'active' | 'retired';
    type?: 'incident' | 'service_request' | 'both';
    portalOrderable?: boolean;
    name?: string;
    teamL2Id?: string | null;
    teamL3Id?: string | null;
  } = {},
): Promise<{ id: string; code: string }> {
  const code = `SRV-${randomBytes(3).toString('hex')}`;
  const [row] = (await ds.query(
    `INSERT INTO catalog_services (code, name, category, type, status, portal_orderable, team_l2_id, team_l3_id, version)
     VALUES ($1, $2, 'Soporte técnico', $3, $4, $5, $6, $7, 1) RETURNING id`,
    [
      code,
      opts.name ?? `Servicio ${code}`,
      opts.type ?? 'both',
      opts.status ?? 'active',
      opts.portalOrderable ?? true,
      opts.teamL2Id ?? null,
      opts.teamL3Id ?? null,
    ],
  )) as { id: string }[];
  return { id: row.id, code };
}

export async function createTeam(
  ds: DataSource,
  opts: { supportLevel: SupportLevel; coordinatorId?: string | null; memberIds?: string[]; name?: string },
): Promise<{ id: string }> {
  const [row] = (await ds.query(`INSERT INTO teams (name, support_level, coordinator_id, version) VALUES ($1, $2, $3, 1) RETURNING id`, [
    opts.name ?? `Equipo ${opts.supportLevel} ${randomBytes(3).toString('hex')}`,
    opts.supportLevel,
    opts.coordinatorId ?? null,
  ])) as { id: string }[];
  for (const userId of opts.memberIds ?? []) await ds.query(`INSERT INTO team_members (team_id, user_id) VALUES ($1, $2)`, [row.id, userId]);
  return { id: row.id };
}

export type HistoryRow = {
  action: string;
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
  actorId: string | null;
  reason: string | null;
  at: string;
};

/** ticket_history straight from the table, oldest first. */
export async function historyRows(ds: DataSource, ticketId: string): Promise<(HistoryRow & { internal: boolean })[]> {
  const rows = (await ds.query(
    `SELECT action, field, old_value AS "oldValue", new_value AS "newValue", actor_id AS "actorId", reason, at, internal
       FROM ticket_history WHERE ticket_id = $1 ORDER BY at, id`,
    [ticketId],
  )) as (Omit<HistoryRow, 'at'> & { at: Date; internal: boolean })[];
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}

export async function outboxRows(ds: DataSource, ticketId: string): Promise<{ event: string; payload: Record<string, unknown> }[]> {
  return (await ds.query(`SELECT event, payload FROM outbox WHERE aggregate_type = 'ticket' AND aggregate_id = $1 ORDER BY id`, [ticketId])) as {
    event: string;
    payload: Record<string, unknown>;
  }[];
}

export const fieldsOf = (res: request.Response): string[] => ((res.body.errors ?? []) as { field: string }[]).map((e) => e.field);

/** What a failed request answered, for readable assertion messages. */
export const problemOf = (res: request.Response) => ({ status: res.status, code: res.body?.code as string | undefined, fields: fieldsOf(res) });

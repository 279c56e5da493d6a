import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { pageOf, type Page } from '../../common/http/pagination';
import type { SupportLevel } from '../../common/auth/roles';
import { CATALOG_SERVICES_SQL } from '../catalog/catalog.sql';
import { TEAMS_SQL, USERS_SQL } from '../identity/identity.sql';
import { ORGANISATIONS_SQL, unitIdOf } from '../organisations/organisations.sql';
import type { TicketListQuery } from './dto/tickets.dto';
import { type Channel, Ticket, type TicketType } from './entities/ticket.entity';
import type { Priority } from './priority.rules';
import type { PendingReason, TicketState } from './ticket-state.rules';
import type { TicketScope } from './ticket-visibility.rules';
import type { MyActionFacts } from './my-action.rules';

export type TicketNames = {
  requester: string;
  createdBy: string;
  assignee: string | null;
  team: string | null;
  service: string | null;
  organisation: string | null;
};

export type TicketBrief = { id: string; number: string; title: string; state: TicketState; priority: Priority; createdAt: string };

/** Who asked, for the agent's sidebar (issue 11, item 8). */
export type RequesterContext = {
  requester: {
    id: string;
    fullName: string;
    email: string;
    phone: string | null;
    isVip: boolean;
    isActive: boolean;
    organisation: string | null;
    unit: string | null;
  };
  openTickets: TicketBrief[];
  openTotal: number;
  recentTickets: TicketBrief[];
};

/** How many of the requester's other tickets the sidebar lists. */
const SIDEBAR_OPEN = 10;
const SIDEBAR_RECENT = 5;

export type TicketListItem = {
  id: string;
  number: string;
  type: TicketType;
  title: string;
  state: TicketState;
  /** What a Pendiente ticket waits for (the requester's list says "Esperando tu respuesta"). */
  pendingReason: PendingReason | null;
  priority: Priority;
  channel: Channel;
  requesterId: string;
  requesterName: string;
  organisationId: string | null;
  unitId: string | null;
  serviceId: string | null;
  serviceName: string | null;
  teamId: string | null;
  teamName: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  /** Null for requesters: escalation is internal (tickets.mapper.ts). */
  supportLevel: SupportLevel | null;
  isMajor: boolean;
  resolutionDueAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
};

const SORTS: Record<TicketListQuery['sort'], string> = {
  due: 't.resolution_due_at ASC NULLS LAST, t.id ASC',
  '-due': 't.resolution_due_at DESC NULLS LAST, t.id DESC',
  created: 't.created_at ASC, t.id ASC',
  '-created': 't.created_at DESC, t.id DESC',
  priority: `array_position(ARRAY['critical','high','medium','low'], t.priority), t.resolution_due_at ASC NULLS LAST, t.id`,
  updated: 't.updated_at ASC, t.id',
  '-updated': 't.updated_at DESC, t.id DESC',
};

const OPEN = `t.state IN ('new', 'assigned', 'in_progress', 'pending')`;
// Exact totals of huge result sets cost more than the page itself (a common word over 1M tickets:
// ~500 ms); past this many the list says "10 000+" (totalCapped).
export const TOTAL_CAP = 10_000;
// What a person types as a ticket number: "2026-0001", "2026-", "000123", "40".
const NUMBER_LIKE = /^\d{4}-?\d*$|^\d+$/;
const SEQUENCE_ONLY = /^\d{1,6}$/;

/**
 * Number patterns for a typed number: a year prefix as typed, or a bare sequence ("000123", "123")
 * looked up in this and last year's numbers (prefix LIKE, so the text_pattern_ops index serves it):
 * "40" finds 2026-000040.
 */
export function numberPatterns(q: string, now = new Date()): string[] {
  const esc = (s: string) => s.replace(/[\\%_]/g, '\\$&');
  if (!SEQUENCE_ONLY.test(q)) return [esc(q) + '%'];
  const year = now.getUTCFullYear();
  return [year, year - 1].flatMap((y) => [`${y}-${q.padStart(6, '0')}`, `${y}-${q}%`]).concat(q.length === 4 ? [`${q}-%`] : []);
}

/** ORed prefix LIKEs: each can use tickets_number_pattern_idx (LIKE ANY(array) cannot). */
function numberWhere(patterns: string[], p: (v: unknown) => string): string {
  return `(${patterns.map((x) => `t.number LIKE ${p(x)}`).join(' OR ')})`;
}

/** The only place that builds SQL for ticket queues, search and lookups. */
/** The columns toItem reads (aliases r, s, tm, a for requester, service, team, assignee): one list for every query of list items. */
const LIST_ITEM_COLUMNS = `t.id, t.number, t.type, t.title, t.state, t.pending_reason, t.priority, t.channel, t.requester_id, r.full_name AS requester_name,
       t.organisation_id, t.unit_id, t.service_id, s.name AS service_name, t.team_id, tm.name AS team_name,
       t.assignee_id, a.full_name AS assignee_name, t.support_level, t.is_major, t.resolution_due_at,
       t.created_at, t.updated_at, t.version`;

@Injectable()
export class TicketsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** WHERE fragments for the actor's row-level scope ($n placeholders appended to params). */
  private scopeWhere(scope: TicketScope, params: unknown[]): string[] {
    const p = (v: unknown) => `$${params.push(v)}`;
    switch (scope.kind) {
      case 'all':
        return [];
      case 'teams': {
        const me = p(scope.userId);
        const teams = p(scope.teamIds);
        return [
          `(t.assignee_id = ${me} OR t.created_by_id = ${me} OR t.requester_id = ${me} OR t.team_id = ANY(${teams}::uuid[]) OR t.escalated_from_team_id = ANY(${teams}::uuid[]) OR t.approver_id = ${me})`,
        ];
      }
      case 'requester': {
        const me = p(scope.userId);
        return [
          scope.unitId
            ? `(t.requester_id = ${me} OR t.approver_id = ${me} OR t.unit_id = ${p(scope.unitId)})`
            : `(t.requester_id = ${me} OR t.approver_id = ${me})`,
        ];
      }
    }
  }

  async list(scope: TicketScope, actor: { userId: string; teamIds: string[] }, q: TicketListQuery): Promise<Page<TicketListItem> & { totalCapped: boolean }> {
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    const requesterView = scope.kind === 'requester';
    // A requester's own tickets are always in their scope: repeating the scope's OR next to
    // `requester_id = me` made the planner misjudge the row count, join every ticket of the
    // requester and sort them all instead of reading the page off tickets_requester_idx.
    const ownTickets = requesterView && q.view === 'mine';
    const where = ownTickets ? [] : this.scopeWhere(scope, params);
    switch (q.view) {
      case 'mine':
        where.push(requesterView ? `t.requester_id = ${p(actor.userId)}` : `t.assignee_id = ${p(actor.userId)} AND ${OPEN}`);
        break;
      case 'team':
        // One team (the usual case) as an equality: PostgreSQL then walks the queue index in due order
        // and stops at the page; `= ANY(array)` made it fetch and sort every open ticket of the team.
        where.push(`${actor.teamIds.length === 1 ? `t.team_id = ${p(actor.teamIds[0])}` : `t.team_id = ANY(${p(actor.teamIds)}::uuid[])`} AND ${OPEN}`);
        break;
      case 'unassigned':
        where.push(`t.assignee_id IS NULL AND ${OPEN}`);
        break;
      case 'pending':
        where.push(`t.state = 'pending'`);
        break;
      case 'open':
        where.push(OPEN);
        break;
    }
    if (q.state?.length) where.push(`t.state = ANY(${p(q.state)}::text[])`);
    if (q.priority?.length) where.push(`t.priority = ANY(${p(q.priority)}::text[])`);
    if (q.type) where.push(`t.type = ${p(q.type)}`);
    for (const [key, column] of [
      ['serviceId', 'service_id'],
      ['unitId', 'unit_id'],
      ['organisationId', 'organisation_id'],
      ['teamId', 'team_id'],
      ['assigneeId', 'assignee_id'],
      ['requesterId', 'requester_id'],
    ] as const) {
      if (q[key]) where.push(`t.${column} = ${p(q[key])}`);
    }
    if (q.q) {
      if (NUMBER_LIKE.test(q.q)) where.push(numberWhere(numberPatterns(q.q), p));
      else where.push(`t.${requesterView ? 'public_search_vector' : 'search_vector'} @@ websearch_to_tsquery('mesa_es', ${p(q.q)})`);
    }
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const filterParams = [...params];
    const limit = p(q.pageSize);
    const offset = p((q.page - 1) * q.pageSize);
    const rowsQuery = this.dataSource.query(
      `SELECT ${LIST_ITEM_COLUMNS}
         FROM tickets t
         JOIN ${USERS_SQL} r ON r.id = t.requester_id
         LEFT JOIN ${USERS_SQL} a ON a.id = t.assignee_id
         LEFT JOIN ${TEAMS_SQL} tm ON tm.id = t.team_id
         LEFT JOIN ${CATALOG_SERVICES_SQL} s ON s.id = t.service_id
        ${whereSql}
        ORDER BY ${SORTS[q.sort]}
        LIMIT ${limit} OFFSET ${offset}`,
      params,
    ) as Promise<Record<string, unknown>[]>;
    // The page and its (capped) total run side by side; the count needs no joins.
    const [rows, counted] = await Promise.all([rowsQuery, this.cappedCount(whereSql, filterParams)]);
    const items = rows.map(toItem).map((item) => (requesterView ? { ...item, supportLevel: null } : item));
    return { ...pageOf(items, Math.min(counted, TOTAL_CAP), q), totalCapped: counted > TOTAL_CAP };
  }

  private async cappedCount(whereSql: string, params: unknown[]): Promise<number> {
    const [{ n }] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM (SELECT 1 FROM tickets t ${whereSql} LIMIT ${TOTAL_CAP + 1}) x`, params)) as {
      n: number;
    }[];
    return n;
  }

  /** Merge-target and link lookup: number prefix or title prefix/substring (trigram index). */
  async lookup(scope: TicketScope, text: string, limit: number): Promise<Pick<TicketListItem, 'id' | 'number' | 'title' | 'state'>[]> {
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    const where = this.scopeWhere(scope, params);
    const escaped = text.replace(/[\\%_]/g, '\\$&');
    // lower(title) LIKE 'prefix%' is served by tickets_title_lower_idx (text_pattern_ops).
    where.push(NUMBER_LIKE.test(text) ? numberWhere(numberPatterns(text), p) : `lower(t.title) LIKE lower(${p(escaped + '%')})`);
    const rows = (await this.dataSource.query(
      `SELECT t.id, t.number, t.title, t.state FROM tickets t WHERE ${where.join(' AND ')} ORDER BY t.created_at DESC LIMIT ${p(limit)}`,
      params,
    )) as { id: string; number: string; title: string; state: TicketState }[];
    return rows;
  }

  /** Queue counters for the agent's tabs, in one pass over the actor's scope. */
  async counters(
    scope: TicketScope,
    actor: { userId: string; teamIds: string[] },
  ): Promise<Record<'mine' | 'team' | 'unassigned' | 'pending' | 'open', number>> {
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    const where = this.scopeWhere(scope, params);
    const me = p(actor.userId);
    const teams = p(actor.teamIds);
    const [row] = (await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE t.assignee_id = ${me})::int AS mine,
              count(*) FILTER (WHERE t.team_id = ANY(${teams}::uuid[]))::int AS team,
              count(*) FILTER (WHERE t.assignee_id IS NULL)::int AS unassigned,
              count(*) FILTER (WHERE t.state = 'pending')::int AS pending,
              count(*)::int AS open
         FROM tickets t WHERE ${[OPEN, ...where].join(' AND ')}`,
      params,
    )) as Record<'mine' | 'team' | 'unassigned' | 'pending' | 'open', number>[];
    return row;
  }

  /**
   * The coordinators' overview of the open tickets in the actor's scope: counts by state, team and
   * priority, the oldest still open, and the reopened ones (GIS 2.7 follow-up), in three queries.
   */
  async overview(scope: TicketScope, limit: number): Promise<TicketOverview> {
    const params: unknown[] = [];
    const where = [OPEN, ...this.scopeWhere(scope, params)].join(' AND ');
    const counts = (await this.dataSource.query(
      `SELECT t.state, t.priority, t.team_id AS "teamId", tm.name AS "teamName", count(*)::int AS count,
              sum(CASE WHEN t.reopen_count > 0 THEN 1 ELSE 0 END)::int AS reopened
         FROM tickets t LEFT JOIN ${TEAMS_SQL} tm ON tm.id = t.team_id
        WHERE ${where}
        GROUP BY t.state, t.priority, t.team_id, tm.name`,
      params,
    )) as { state: TicketState; priority: Priority; teamId: string | null; teamName: string | null; count: number; reopened: number }[];
    const sum = <K extends string>(key: (r: (typeof counts)[number]) => K) => {
      const out = new Map<K, number>();
      for (const r of counts) out.set(key(r), (out.get(key(r)) ?? 0) + r.count);
      return out;
    };
    const teams = new Map<string | null, { teamId: string | null; teamName: string | null; count: number }>();
    for (const r of counts) {
      const team = teams.get(r.teamId) ?? { teamId: r.teamId, teamName: r.teamName, count: 0 };
      team.count += r.count;
      teams.set(r.teamId, team);
    }
    const listParams = [...params, limit];
    const brief = `SELECT t.id, t.number, t.title, t.state, t.priority, t.created_at AS "createdAt", t.reopen_count AS "reopenCount", tm.name AS "teamName"
                     FROM tickets t LEFT JOIN ${TEAMS_SQL} tm ON tm.id = t.team_id WHERE ${where}`;
    const [oldest, reopened] = (await Promise.all([
      this.dataSource.query(`${brief} ORDER BY t.created_at ASC, t.id LIMIT $${listParams.length}`, listParams),
      this.dataSource.query(`${brief} AND t.reopen_count > 0 ORDER BY t.reopen_count DESC, t.created_at ASC, t.id LIMIT $${listParams.length}`, listParams),
    ])) as OverviewTicketRow[][];
    const byState = sum((r) => r.state);
    const byPriority = sum((r) => r.priority);
    return {
      open: counts.reduce((n, r) => n + r.count, 0),
      reopenedOpen: counts.reduce((n, r) => n + r.reopened, 0),
      byState: [...byState].map(([state, count]) => ({ state, count })),
      byPriority: [...byPriority].map(([priority, count]) => ({ priority, count })),
      byTeam: [...teams.values()].sort((a, b) => b.count - a.count || (a.teamName ?? '').localeCompare(b.teamName ?? '')),
      oldestOpen: oldest.map(toOverviewTicket),
      reopened: reopened.map(toOverviewTicket),
    };
  }

  /**
   * Candidates for "Requiere mi acción" with the facts my-action.rules classifies: open tickets
   * assigned to me, approvals waiting on me, and third-level proposals for the teams I coordinate
   * (the team it was escalated from validates, GIS 2.3 act. 6).
   */
  async myActionCandidates(userId: string): Promise<(TicketListItem & MyActionFacts)[]> {
    const rows = (await this.dataSource.query(
      `WITH mine AS (SELECT id FROM ${TEAMS_SQL} x WHERE x.coordinator_id = $1)
       SELECT ${LIST_ITEM_COLUMNS}, t.reopen_count,
              (t.assignee_id = $1) AS assigned_to_me,
              (t.approver_id = $1 AND t.approval_status = 'pending') AS approval_pending_on_me,
              (t.support_level = '3' AND t.proposed_solution IS NOT NULL AND COALESCE(t.escalated_from_team_id, t.team_id) IN (SELECT id FROM mine)) AS proposal_for_me,
              EXISTS (
                SELECT 1 FROM ticket_history h
                 WHERE h.ticket_id = t.id AND h.field = 'returnedToCoordinator' AND h.new_value = $1::text
                   AND NOT EXISTS (SELECT 1 FROM ticket_history h2 WHERE h2.ticket_id = t.id AND h2.field = 'assigneeId' AND h2.id > h.id AND h2.new_value IS DISTINCT FROM $1::text)
              ) AS returned_to_me
         FROM tickets t
         JOIN ${USERS_SQL} r ON r.id = t.requester_id
         LEFT JOIN ${USERS_SQL} a ON a.id = t.assignee_id
         LEFT JOIN ${TEAMS_SQL} tm ON tm.id = t.team_id
         LEFT JOIN ${CATALOG_SERVICES_SQL} s ON s.id = t.service_id
        WHERE ${OPEN}
          AND (t.assignee_id = $1 OR t.approver_id = $1
               OR (t.support_level = '3' AND t.proposed_solution IS NOT NULL AND COALESCE(t.escalated_from_team_id, t.team_id) IN (SELECT id FROM mine)))
        ORDER BY array_position(ARRAY['critical','high','medium','low'], t.priority), t.resolution_due_at ASC NULLS LAST, t.id
        LIMIT 500`,
      [userId],
    )) as Record<string, unknown>[];
    return rows.map((r) => ({
      ...toItem(r),
      assignedToMe: r.assigned_to_me === true,
      approvalPendingOnMe: r.approval_pending_on_me === true,
      proposalForMe: r.proposal_for_me === true,
      returnedToMe: r.returned_to_me === true,
      reopenCount: Number(r.reopen_count ?? 0),
    }));
  }

  /** The names a ticket's page shows beside its ids, in one round trip. */
  async namesOf(ticketId: string): Promise<TicketNames> {
    const [names] = (await this.dataSource.query(
      `SELECT r.full_name AS requester, c.full_name AS "createdBy", a.full_name AS assignee, tm.name AS team, s.name AS service, o.name AS organisation
         FROM tickets t JOIN ${USERS_SQL} r ON r.id = t.requester_id JOIN ${USERS_SQL} c ON c.id = t.created_by_id
         LEFT JOIN ${USERS_SQL} a ON a.id = t.assignee_id LEFT JOIN ${TEAMS_SQL} tm ON tm.id = t.team_id
         LEFT JOIN ${CATALOG_SERVICES_SQL} s ON s.id = t.service_id LEFT JOIN ${ORGANISATIONS_SQL} o ON o.id = t.organisation_id
        WHERE t.id = $1`,
      [ticketId],
    )) as TicketNames[];
    return names;
  }

  /**
   * The requester of a ticket and their other tickets, open and recently finished, limited to the
   * caller's scope: the sidebar never names a ticket the caller could not open.
   */
  async requesterContext(scope: TicketScope, ticketId: string, requesterId: string): Promise<RequesterContext> {
    const [person] = (await this.dataSource.query(
      `SELECT u.id, u.full_name, u.email, u.phone, u.is_vip, u.is_active, o.name AS organisation, unit.name AS unit
         FROM ${USERS_SQL} u
         LEFT JOIN ${ORGANISATIONS_SQL} o ON o.id = u.organisation_id
         LEFT JOIN ${ORGANISATIONS_SQL} unit ON unit.id = ${unitIdOf('o')} AND unit.id <> o.id
        WHERE u.id = $1`,
      [requesterId],
    )) as {
      id: string;
      full_name: string;
      email: string;
      phone: string | null;
      is_vip: boolean;
      is_active: boolean;
      organisation: string | null;
      unit: string | null;
    }[];
    const params: unknown[] = [requesterId, ticketId];
    const where = [`t.requester_id = $1`, `t.id <> $2`, ...this.scopeWhere(scope, params)].join(' AND ');
    const brief = `t.id, t.number, t.title, t.state, t.priority, t.created_at`;
    const [open, recent, [{ n }]] = (await Promise.all([
      this.dataSource.query(`SELECT ${brief} FROM tickets t WHERE ${where} AND ${OPEN} ORDER BY t.created_at DESC LIMIT ${SIDEBAR_OPEN}`, params),
      this.dataSource.query(
        `SELECT ${brief} FROM tickets t WHERE ${where} AND NOT ${OPEN} ORDER BY coalesce(t.closed_at, t.resolved_at, t.updated_at) DESC LIMIT ${SIDEBAR_RECENT}`,
        params,
      ),
      this.dataSource.query(`SELECT count(*)::int AS n FROM tickets t WHERE ${where} AND ${OPEN}`, params),
    ])) as [Record<string, unknown>[], Record<string, unknown>[], { n: number }[]];
    const toBrief = (r: Record<string, unknown>): TicketBrief => ({
      id: r.id as string,
      number: r.number as string,
      title: r.title as string,
      state: r.state as TicketState,
      priority: r.priority as Priority,
      createdAt: (r.created_at as Date).toISOString(),
    });
    return {
      requester: {
        id: person.id,
        fullName: person.full_name,
        email: person.email,
        phone: person.phone,
        isVip: person.is_vip,
        isActive: person.is_active,
        organisation: person.organisation,
        unit: person.unit,
      },
      openTickets: open.map(toBrief),
      openTotal: n,
      recentTickets: recent.map(toBrief),
    };
  }

  /** Which of these catalog services have tickets (one index probe per service on tickets_service_id_idx). */
  async servicesWithTickets(serviceIds: string[]): Promise<Set<string>> {
    const rows = (await this.dataSource.query(`SELECT s.id FROM unnest($1::uuid[]) AS s(id) WHERE EXISTS (SELECT 1 FROM tickets t WHERE t.service_id = s.id)`, [
      serviceIds,
    ])) as { id: string }[];
    return new Set(rows.map((r) => r.id));
  }

  async byIds(ids: string[]): Promise<Ticket[]> {
    return this.dataSource.getRepository(Ticket).createQueryBuilder('t').where('t.id = ANY(:ids)', { ids }).getMany();
  }
}

type OverviewTicketRow = {
  id: string;
  number: string;
  title: string;
  state: TicketState;
  priority: Priority;
  createdAt: Date;
  reopenCount: number;
  teamName: string | null;
};

export type OverviewTicket = Omit<OverviewTicketRow, 'createdAt'> & { createdAt: string };

export type TicketOverview = {
  open: number;
  reopenedOpen: number;
  byState: { state: TicketState; count: number }[];
  byPriority: { priority: Priority; count: number }[];
  byTeam: { teamId: string | null; teamName: string | null; count: number }[];
  oldestOpen: OverviewTicket[];
  reopened: OverviewTicket[];
};

const toOverviewTicket = (r: OverviewTicketRow): OverviewTicket => ({ ...r, createdAt: r.createdAt.toISOString() });

function toItem(r: Record<string, unknown>): TicketListItem {
  const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : null);
  return {
    id: r.id as string,
    number: r.number as string,
    type: r.type as TicketType,
    title: r.title as string,
    state: r.state as TicketState,
    pendingReason: (r.pending_reason as PendingReason | null) ?? null,
    priority: r.priority as Priority,
    channel: r.channel as Channel,
    requesterId: r.requester_id as string,
    requesterName: r.requester_name as string,
    organisationId: r.organisation_id as string | null,
    unitId: r.unit_id as string | null,
    serviceId: r.service_id as string | null,
    serviceName: r.service_name as string | null,
    teamId: r.team_id as string | null,
    teamName: r.team_name as string | null,
    assigneeId: r.assignee_id as string | null,
    assigneeName: r.assignee_name as string | null,
    supportLevel: r.support_level as SupportLevel,
    isMajor: r.is_major as boolean,
    resolutionDueAt: iso(r.resolution_due_at),
    createdAt: iso(r.created_at) ?? '',
    updatedAt: iso(r.updated_at) ?? '',
    version: r.version as number,
  };
}

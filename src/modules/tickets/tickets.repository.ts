import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { pageOf, type Page } from '../../common/http/pagination';
import type { SupportLevel } from '../../common/auth/roles';
import { CATALOG_SERVICES_SQL } from '../catalog/catalog.sql';
import { TEAMS_SQL, USERS_SQL } from '../identity/identity.sql';
import { ORGANISATIONS_SQL } from '../organisations/organisations.sql';
import type { TicketListQuery } from './dto/tickets.dto';
import { type Channel, Ticket, type TicketType } from './entities/ticket.entity';
import type { Priority } from './priority.rules';
import type { TicketState } from './ticket-state.rules';
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

export type TicketListItem = {
  id: string;
  number: string;
  type: TicketType;
  title: string;
  state: TicketState;
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
// What a person types as a ticket number: "2026-0001", "2026-", "000123".
const NUMBER_LIKE = /^\d{4}-?\d*$|^\d{3,}$/;
const SEQUENCE_ONLY = /^\d{3,6}$/;

/**
 * Number patterns for a typed number: a year prefix as typed, or a bare sequence ("000123", "123")
 * looked up in this and last year's numbers (prefix LIKE, so the text_pattern_ops index serves it).
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
      `SELECT t.id, t.number, t.type, t.title, t.state, t.priority, t.channel, t.requester_id, r.full_name AS requester_name,
              t.organisation_id, t.unit_id, t.service_id, s.name AS service_name, t.team_id, tm.name AS team_name,
              t.assignee_id, a.full_name AS assignee_name, t.support_level, t.is_major, t.resolution_due_at,
              t.created_at, t.updated_at, t.version
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
   * Candidates for "Requiere mi acción" with the facts my-action.rules classifies: open tickets
   * assigned to me, approvals waiting on me, and third-level proposals for the teams I coordinate
   * (the team it was escalated from validates, GIS 2.3 act. 6).
   */
  async myActionCandidates(userId: string): Promise<(TicketListItem & MyActionFacts)[]> {
    const rows = (await this.dataSource.query(
      `WITH mine AS (SELECT id FROM ${TEAMS_SQL} x WHERE x.coordinator_id = $1)
       SELECT t.id, t.number, t.type, t.title, t.state, t.priority, t.channel, t.requester_id, r.full_name AS requester_name,
              t.organisation_id, t.unit_id, t.service_id, s.name AS service_name, t.team_id, tm.name AS team_name,
              t.assignee_id, a.full_name AS assignee_name, t.support_level, t.is_major, t.resolution_due_at,
              t.created_at, t.updated_at, t.version, t.reopen_count,
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

function toItem(r: Record<string, unknown>): TicketListItem {
  const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : null);
  return {
    id: r.id as string,
    number: r.number as string,
    type: r.type as TicketType,
    title: r.title as string,
    state: r.state as TicketState,
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

import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { preparedQuery } from '../../common/infra/prepared';
import { orderableSelect, type OrderableRow } from '../catalog/catalog.sql';
import { USERS_SQL } from '../identity/identity.sql';
import { unitIdOfOrganisation } from '../organisations/organisations.sql';
import { insertOutboxEvents } from '../outbox/outbox.sql';
import type { OutboxEventName } from '../outbox/outbox.service';
import { Ticket } from './entities/ticket.entity';
import { type Level, matrixFrom, type Priority, type PriorityMatrix } from './priority.rules';
import { type HistoryEntry, historyText } from './ticket-history.writer';

export type CreateContext = {
  requester: { id: string; organisationId: string | null; isVip: boolean; isActive: boolean } | null;
  unitId: string | null;
  matrix: PriorityMatrix;
  /** The requested catalog service as CatalogService.orderableFrom() reads it; null without one. */
  service: OrderableRow | null;
};

export type NewTicket = Pick<
  Ticket,
  | 'type'
  | 'channel'
  | 'requesterId'
  | 'createdById'
  | 'organisationId'
  | 'unitId'
  | 'serviceId'
  | 'category'
  | 'title'
  | 'description'
  | 'impact'
  | 'urgency'
  | 'priority'
  | 'state'
  | 'pendingReason'
  | 'approverId'
  | 'approvalStatus'
  | 'isMajor'
  | 'letterNumber'
  | 'formData'
  | 'formVersion'
>;

type ContextRow = {
  id: string;
  organisation_id: string | null;
  is_vip: boolean;
  is_active: boolean;
  unit_id: string | null;
  matrix: { impact: Level; urgency: Level; priority: Priority }[] | null;
  service: OrderableRow | null;
};

const INSERT_COLUMNS = [
  ['type', 'type'],
  ['channel', 'channel'],
  ['requester_id', 'requesterId'],
  ['created_by_id', 'createdById'],
  ['organisation_id', 'organisationId'],
  ['unit_id', 'unitId'],
  ['service_id', 'serviceId'],
  ['category', 'category'],
  ['title', 'title'],
  ['description', 'description'],
  ['impact', 'impact'],
  ['urgency', 'urgency'],
  ['priority', 'priority'],
  ['state', 'state'],
  ['pending_reason', 'pendingReason'],
  ['approver_id', 'approverId'],
  ['approval_status', 'approvalStatus'],
  ['is_major', 'isMajor'],
  ['letter_number', 'letterNumber'],
  ['form_data', 'formData'],
  ['form_version', 'formVersion'],
] as const satisfies readonly (readonly [string, keyof NewTicket])[];

const N = INSERT_COLUMNS.length;

/** The one read ($1 requester, $2 catalog service or null): requester, their unit, the priority matrix and the service. */
export const CREATE_CONTEXT_SQL = `SELECT u.id, u.organisation_id, u.is_vip, u.is_active, ${unitIdOfOrganisation('u.organisation_id')} AS unit_id,
       (SELECT json_agg(json_build_object('impact', impact, 'urgency', urgency, 'priority', priority)) FROM priority_matrix) AS matrix,
       (SELECT row_to_json(svc) FROM (${orderableSelect('$2::uuid', 'u.organisation_id')}) svc) AS service
  FROM (SELECT $1::uuid AS id) wanted
  LEFT JOIN ${USERS_SQL} u ON u.id = wanted.id`;

/** The one write: ticket, history rows and outbox events in a single (atomic) statement. */
export const CREATE_TICKET_SQL = `WITH t AS (
    INSERT INTO tickets (number, version, ${INSERT_COLUMNS.map(([c]) => c).join(', ')})
    VALUES (mesa_next_ticket_number($1), 1, ${INSERT_COLUMNS.map((_, i) => `$${i + 2}`).join(', ')})
    RETURNING *
  ), h AS (
    INSERT INTO ticket_history (ticket_id, actor_id, action, field, old_value, new_value, reason, internal)
    SELECT t.id, $${N + 2}::uuid, e.action, e.field, e.old_value, e.new_value, e.reason, coalesce(e.internal, false)
      FROM t, jsonb_to_recordset($${N + 3}::jsonb) AS e(action text, field text, old_value text, new_value text, reason text, internal boolean)
  ), o AS (
    ${insertOutboxEvents(`SELECT e.event, 'ticket', t.id, e.payload || jsonb_build_object('number', t.number)
      FROM t, jsonb_to_recordset($${N + 4}::jsonb) AS e(event text, payload jsonb)`)}
  )
  SELECT * FROM t`;

/** A request form's staged files: locked and checked before the ticket is written, bound to it after. */
export type StagedFiles = { claim: (m: EntityManager) => Promise<void>; bind: (m: EntityManager, ticketId: string) => Promise<void> };

export type CreatedEvent = { event: OutboxEventName; payload: Record<string, unknown> };

/** Parameters of CREATE_TICKET_SQL. */
export function createTicketParams(year: number, values: NewTicket, actorId: string, history: HistoryEntry[], events: CreatedEvent[]): unknown[] {
  return [
    year,
    ...INSERT_COLUMNS.map(([c, p]) => (c === 'form_data' && values[p] !== null ? JSON.stringify(values[p]) : values[p])),
    actorId,
    JSON.stringify(
      history.map((h) => ({
        action: h.action,
        field: h.field ?? null,
        old_value: historyText(h.oldValue),
        new_value: historyText(h.newValue),
        reason: h.reason ?? null,
        internal: h.internal ?? false,
      })),
    ),
    JSON.stringify(events),
  ];
}

/**
 * Registration is the desk's hottest write, so it takes two round trips instead of eleven: one
 * read gathers what the rules need (requester, their unit, the priority matrix, the service), and one
 * statement writes the ticket, its history and its outbox events together. A single statement
 * is atomic, so no explicit transaction is needed around it. Both are prepared statements: the
 * write's CTEs cost more to plan than to run.
 */
@Injectable()
export class TicketCreateWriter {
  constructor(private readonly dataSource: DataSource) {}

  async context(requesterId: string, serviceId: string | null): Promise<CreateContext> {
    const [row] = await preparedQuery<ContextRow>(this.dataSource.manager, 'mesa_ticket_create_context', CREATE_CONTEXT_SQL, [requesterId, serviceId]);
    return {
      requester: row.id ? { id: row.id, organisationId: row.organisation_id, isVip: row.is_vip, isActive: row.is_active } : null,
      unitId: row.unit_id,
      matrix: matrixFrom(row.matrix ?? []),
      service: row.service,
    };
  }

  /**
   * Inserts the ticket (numbered in `year`) with its history and outbox events; returns the stored
   * row. With staged files (a request form's, TicketAttachmentsService), one transaction claims
   * them, writes the ticket and binds them to it.
   */
  async insert(year: number, values: NewTicket, actorId: string, history: HistoryEntry[], events: CreatedEvent[], files?: StagedFiles): Promise<Ticket> {
    const write = async (m: EntityManager) => {
      const [row] = await preparedQuery<Record<string, unknown>>(
        m,
        'mesa_ticket_create',
        CREATE_TICKET_SQL,
        createTicketParams(year, values, actorId, history, events),
      );
      return this.hydrate(row);
    };
    if (!files) return write(this.dataSource.manager);
    return this.dataSource.transaction(async (m) => {
      await files.claim(m);
      const ticket = await write(m);
      await files.bind(m, ticket.id);
      return ticket;
    });
  }

  /** The returned row as the entity TypeORM would have loaded (pg already parsed dates and JSON). */
  private hydrate(row: Record<string, unknown>): Ticket {
    const ticket = new Ticket();
    for (const column of this.dataSource.getMetadata(Ticket).columns) {
      if (column.isSelect && column.databaseName in row) (ticket as unknown as Record<string, unknown>)[column.propertyName] = row[column.databaseName];
    }
    return ticket;
  }
}

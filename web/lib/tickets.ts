// Ticket DTOs as the API renders them (src/modules/tickets/tickets.mapper.ts, tickets.repository.ts)
// and the value lists the portal offers. Shared by server pages and client components.

import { OPEN_STATES, type TicketState } from '../../src/modules/tickets/ticket-state.rules';
import type { Schemas } from './api-types';

// The API's own value lists (pure rule modules), so the portal cannot drift from them.
export { OPEN_STATES, TICKET_STATES, type TicketState } from '../../src/modules/tickets/ticket-state.rules';
export { LEVELS, PRIORITIES, type Level, type Priority } from '../../src/modules/tickets/priority.rules';
export { SUPPORT_LEVELS, type SupportLevel } from '../../src/common/auth/roles';

export type TicketType = Schemas['Ticket']['type'];
export const TICKET_TYPES = ['incident', 'service_request', 'complaint'] as const satisfies readonly TicketType[];

export type Channel = Schemas['Ticket']['channel'];
export const CHANNELS = ['portal', 'email', 'phone', 'letter', 'e_signature', 'walk_in', 'field'] as const satisfies readonly Channel[];
/** Letter and e-signature tickets are registered only by these roles (GIS 2.1 act. 1). */
export const FORMAL_CHANNELS: readonly Channel[] = ['letter', 'e_signature'];
export const FORMAL_CHANNEL_ROLES = ['desk_coordinator', 'director'];

export const PENDING_REASONS = ['requester', 'third_party', 'scheduled_visit'] as const;
/** The reasons an agent may set; 'approval' is set only by the API while a service awaits its approver. */
export type PendingReason = NonNullable<Schemas['Ticket']['pendingReason']>;

export type ApprovalStatus = NonNullable<Schemas['Ticket']['approvalStatus']>;

/** One field of the request form the ticket was opened with (its label as it read then). */
export type TicketFormField = Schemas['TicketDetail']['formFields'][number];

export const TICKET_VIEWS = ['mine', 'team', 'unassigned', 'pending', 'open', 'all'] as const;
export type TicketView = (typeof TICKET_VIEWS)[number];

export const TICKET_SORTS = ['-created', 'due', 'priority', '-updated'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

export type TicketListItem = Schemas['TicketListItem'];

export type TicketNames = Schemas['TicketDetail']['names'];

/** GET /tickets/:id. */
export type Ticket = Schemas['TicketDetail'];
/** What the writes (create, update, transitions…) answer: the ticket without `names` and `formFields`. */
export type TicketFields = Schemas['Ticket'];

export type ArticleKind = Schemas['Article']['kind'];

export type AttachmentItem = Schemas['Attachment'];

export type Article = Schemas['ArticleWithAuthor'] & {
  /** Present once the API lists attachments with their article. */
  attachments?: AttachmentItem[];
};

export type HistoryItem = Schemas['TicketHistoryEntry'];

export type TicketCounters = Schemas['TicketCounters'];

/** One `event: ticket` of GET /api/v1/tickets/events (a requester's stream carries no team or assignee). */
export type TicketLiveEvent = {
  ticketId: string;
  number: string;
  kind: string;
  state: TicketState;
  teamId?: string | null;
  assigneeId?: string | null;
  version: number;
  actorId: string | null;
  at: string;
};

export type CatalogServiceItem = Pick<
  Schemas['Service'],
  'id' | 'code' | 'name' | 'description' | 'category' | 'subcategory' | 'type' | 'status' | 'portalOrderable' | 'form' | 'leadTimeDays'
>;

export type SavedFilter = Schemas['SavedFilter'];

export type BulkAction = 'assign' | 'priority' | 'close';
export type BulkResult = Schemas['BulkResults']['results'][number];

export function isOpen(state: TicketState): boolean {
  return OPEN_STATES.includes(state);
}

/** A service offers a ticket type when its type matches or is "both"; complaints go anywhere. */
export function serviceAllowsType(service: Pick<CatalogServiceItem, 'type'>, type: TicketType): boolean {
  return service.type === 'both' || type === 'complaint' || service.type === type;
}

// Ticket DTOs as the API renders them (src/modules/tickets/tickets.mapper.ts, tickets.repository.ts)
// and the value lists the portal offers. Shared by server pages and client components.

import type { SupportLevel } from '../../src/common/auth/roles';
import type { Level, Priority } from '../../src/modules/tickets/priority.rules';
import { OPEN_STATES, type TicketState } from '../../src/modules/tickets/ticket-state.rules';

// The API's own value lists (pure rule modules), so the portal cannot drift from them.
export { OPEN_STATES, TICKET_STATES, type TicketState } from '../../src/modules/tickets/ticket-state.rules';
export { LEVELS, PRIORITIES, type Level, type Priority } from '../../src/modules/tickets/priority.rules';
export { SUPPORT_LEVELS, type SupportLevel } from '../../src/common/auth/roles';

export const TICKET_TYPES = ['incident', 'service_request', 'complaint'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export const CHANNELS = ['portal', 'email', 'phone', 'letter', 'e_signature', 'walk_in', 'field'] as const;
export type Channel = (typeof CHANNELS)[number];
/** Letter and e-signature tickets are registered only by these roles (GIS 2.1 act. 1). */
export const FORMAL_CHANNELS: readonly Channel[] = ['letter', 'e_signature'];
export const FORMAL_CHANNEL_ROLES = ['desk_coordinator', 'director'];

export const PENDING_REASONS = ['requester', 'third_party', 'scheduled_visit'] as const;
/** The reasons an agent may set; 'approval' is set only by the API while a service awaits its approver. */
export type PendingReason = (typeof PENDING_REASONS)[number] | 'approval';

export type ApprovalStatus = 'pending' | 'approved' | 'rejected';

/** One field of the request form the ticket was opened with (its label as it read then). */
export type TicketFormField = { key: string; label: string; type: string };


export const TICKET_VIEWS = ['mine', 'team', 'unassigned', 'pending', 'open', 'all'] as const;
export type TicketView = (typeof TICKET_VIEWS)[number];

export const TICKET_SORTS = ['-created', 'due', 'priority', '-updated'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

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
  supportLevel: SupportLevel;
  isMajor: boolean;
  resolutionDueAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type TicketNames = {
  requester: string;
  createdBy: string;
  assignee: string | null;
  team: string | null;
  service: string | null;
  organisation: string | null;
};

export type Ticket = {
  id: string;
  number: string;
  type: TicketType;
  channel: Channel;
  requesterId: string;
  createdById: string;
  organisationId: string | null;
  unitId: string | null;
  serviceId: string | null;
  category: string | null;
  title: string;
  description: string;
  impact: Level;
  urgency: Level;
  priority: Priority;
  state: TicketState;
  pendingReason: PendingReason | null;
  teamId: string | null;
  assigneeId: string | null;
  supportLevel: SupportLevel;
  isMajor: boolean;
  letterNumber: string | null;
  letterAnswer: string | null;
  solution: string | null;
  closeReason: string | null;
  reopenCount: number;
  mergedIntoId: string | null;
  responseDueAt: string | null;
  resolutionDueAt: string | null;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  proposedSolution: string | null;
  hierarchicalEscalatedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  names: TicketNames;
  approverId?: string | null;
  approvalStatus?: ApprovalStatus | null;
  formData?: Record<string, unknown> | null;
  formVersion?: number | null;
  formFields?: TicketFormField[];
};

export type ArticleKind = 'public' | 'internal';

export type AttachmentItem = {
  id: string;
  ticketId: string;
  articleId: string | null;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: string;
};

export type Article = {
  id: string;
  ticketId: string;
  authorId: string | null;
  kind: ArticleKind;
  body: string;
  movedFromTicketId: string | null;
  createdAt: string;
  /** Present once the API lists attachments with their article. */
  attachments?: AttachmentItem[];
};

export type HistoryItem = {
  id: string;
  at: string;
  actorId: string | null;
  action: string;
  field: string | null;
  oldValue: unknown;
  newValue: unknown;
  reason: string | null;
};

export type TicketCounters = Record<'mine' | 'team' | 'unassigned' | 'pending' | 'open', number>;

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

export type CatalogServiceItem = {
  id: string;
  code: string;
  name: string;
  description: string | null;
  category: string;
  subcategory: string | null;
  type: 'incident' | 'service_request' | 'both';
  status: 'draft' | 'active' | 'retired';
  portalOrderable: boolean;
};

export type SavedFilter = { id: string; name: string; query: Record<string, unknown> };

export type BulkAction = 'assign' | 'priority' | 'close';
export type BulkResult = { ticketId: string; ok: boolean; code?: string; detail?: string };

export function isOpen(state: TicketState): boolean {
  return OPEN_STATES.includes(state);
}

/** A service offers a ticket type when its type matches or is "both"; complaints go anywhere. */
export function serviceAllowsType(service: Pick<CatalogServiceItem, 'type'>, type: TicketType): boolean {
  return service.type === 'both' || type === 'complaint' || service.type === type;
}

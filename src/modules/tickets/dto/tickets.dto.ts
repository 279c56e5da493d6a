import { MY_ACTION_REASONS, type MyActionReason } from '../my-action.rules';
import { z } from 'zod';
import { SUPPORT_LEVELS } from '../../../common/auth/roles';
import { pageQuery, pageSchema } from '../../../common/http/pagination';
import { idField, instantField, itemsSchema } from '../../../common/http/response-fields';
import { ARTICLE_KINDS, ARTICLE_ORIGINS } from '../entities/article.entity';
import { LINK_KINDS } from '../entities/ticket-link.entity';
import { CHANNELS, TICKET_TYPES } from '../entities/ticket.entity';
import { SHEET_REQUIREMENTS } from '../../catalog/catalog-indicator.rules';
import { LEVELS, PRIORITIES } from '../priority.rules';
import { APPROVAL_PENDING_REASON, PENDING_REASONS, TICKET_STATES } from '../ticket-state.rules';

const text = (max: number) => z.string().trim().min(1, 'no debe estar vacío').max(max);
const reason = text(4000);
const version = z.number().int().min(1);
const csv = <T extends z.ZodType>(item: T) => z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(20));

export const createTicketBody = z.strictObject({
  type: z.enum(TICKET_TYPES).default('incident'),
  channel: z.enum(CHANNELS).optional(),
  requesterId: z.uuid().optional(),
  serviceId: z.uuid().nullable().optional(),
  category: z.string().trim().max(200).nullable().optional(),
  title: text(200),
  description: text(20000),
  impact: z.enum(LEVELS).optional(),
  urgency: z.enum(LEVELS).optional(),
  isMajor: z.boolean().optional(),
  letterNumber: z.string().trim().min(1).max(100).nullable().optional(),
  /** Answers to the service's request form, validated against the version in force. */
  formData: z.record(z.string().max(50), z.unknown()).optional(),
});
export const updateTicketBody = z.strictObject({
  version,
  type: z.enum(TICKET_TYPES).optional(),
  serviceId: z.uuid().nullable().optional(),
  category: z.string().trim().max(200).nullable().optional(),
  title: text(200).optional(),
  description: text(20000).optional(),
  impact: z.enum(LEVELS).optional(),
  urgency: z.enum(LEVELS).optional(),
  isMajor: z.boolean().optional(),
  letterNumber: z.string().trim().min(1).max(100).nullable().optional(),
  letterAnswer: z.string().trim().min(1).max(20000).nullable().optional(),
  reason: z.string().trim().max(4000).optional(),
});
export const transitionBody = z.strictObject({
  to: z.enum(TICKET_STATES),
  version,
  reason: z.string().trim().max(4000).optional(),
  solution: z.string().trim().max(20000).optional(),
  pendingReason: z.enum(PENDING_REASONS).optional(),
  /** "Pendiente hasta": staff only, with `to: pending`; the assignee is reminded at that instant. */
  pendingUntil: z.iso.datetime({ offset: true, message: 'debe ser una fecha y hora válidas' }).optional(),
});
export const assignBody = z
  .strictObject({
    version,
    teamId: z.uuid().nullable().optional(),
    assigneeId: z.uuid().nullable().optional(),
    reason: z.string().trim().max(4000).optional(),
  })
  .refine((b) => b.teamId || b.assigneeId, { message: 'give a team or an assignee', path: ['assigneeId'] });
export const takeBody = z.strictObject({ version: version.optional() });
export const escalateBody = z.strictObject({
  version,
  kind: z.enum(['functional', 'hierarchical']),
  toLevel: z.enum(SUPPORT_LEVELS).optional(),
  teamId: z.uuid().optional(),
  assigneeId: z.uuid().optional(),
  reason,
});
export const reasonBody = z.strictObject({ version, reason });
export const proposeSolutionBody = z.strictObject({ version, solution: text(20000) });
export const articleBody = z.strictObject({ kind: z.enum(ARTICLE_KINDS).default('public'), body: text(50000) });
export const approvalBody = z.strictObject({ version, decision: z.enum(['approve', 'reject']), reason: z.string().trim().max(4000).optional() });
export const linkBody = z.strictObject({ toTicketId: z.uuid(), kind: z.enum(LINK_KINDS) });
export const mergeBody = z.strictObject({ version, intoTicketId: z.uuid(), reason: z.string().trim().max(4000).optional() });

export const TICKET_VIEWS = ['all', 'mine', 'team', 'unassigned', 'pending', 'open'] as const;
export const TICKET_SORTS = ['due', '-due', 'created', '-created', 'priority', 'updated', '-updated'] as const;
export const ticketListQuery = z.strictObject({
  view: z.enum(TICKET_VIEWS).default('all'),
  state: csv(z.enum(TICKET_STATES)).optional(),
  priority: csv(z.enum(PRIORITIES)).optional(),
  type: z.enum(TICKET_TYPES).optional(),
  serviceId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  organisationId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  assigneeId: z.uuid().optional(),
  requesterId: z.uuid().optional(),
  q: z.string().trim().min(1).max(200).optional(),
  sort: z.enum(TICKET_SORTS).default('-created'),
  ...pageQuery,
});
export const lookupQuery = z.strictObject({ q: z.string().trim().min(1).max(100), limit: z.coerce.number().int().min(1).max(20).default(10) });
export const bulkBody = z.strictObject({
  ticketIds: z.array(z.uuid()).min(1).max(200),
  action: z.enum(['assign', 'priority', 'close']),
  teamId: z.uuid().optional(),
  assigneeId: z.uuid().optional(),
  impact: z.enum(LEVELS).optional(),
  urgency: z.enum(LEVELS).optional(),
  reason: z.string().trim().max(4000).optional(),
});
export const priorityMatrixBody = z.strictObject({
  cells: z.array(z.strictObject({ impact: z.enum(LEVELS), urgency: z.enum(LEVELS), priority: z.enum(PRIORITIES) })).length(9),
});
export const savedFilterBody = z.strictObject({
  name: text(100),
  query: z.record(z.string(), z.union([z.string().max(200), z.array(z.string().max(50)).max(20)])),
});

export type CreateTicketBody = z.output<typeof createTicketBody>;
export type UpdateTicketBody = z.output<typeof updateTicketBody>;
export type TransitionBody = z.output<typeof transitionBody>;
export type AssignBody = z.output<typeof assignBody>;
export type EscalateBody = z.output<typeof escalateBody>;
export type TicketListQuery = z.output<typeof ticketListQuery>;
export type BulkBody = z.output<typeof bulkBody>;

// ---- Responses ----

const id = idField();
const instant = instantField();

export const ticketResponse = z
  .strictObject({
    id,
    number: z.string(),
    type: z.enum(TICKET_TYPES),
    channel: z.enum(CHANNELS),
    requesterId: id,
    createdById: id,
    organisationId: id.nullable(),
    unitId: id.nullable(),
    serviceId: id.nullable(),
    category: z.string().nullable(),
    title: z.string(),
    description: z.string(),
    impact: z.enum(LEVELS),
    urgency: z.enum(LEVELS),
    priority: z.enum(PRIORITIES),
    state: z.enum(TICKET_STATES),
    pendingReason: z.enum([...PENDING_REASONS, APPROVAL_PENDING_REASON]).nullable(),
    /** Staff only (null for requesters): when the assignee is reminded of the pending ticket. */
    pendingUntil: instant.nullable(),
    teamId: id.nullable(),
    assigneeId: id.nullable(),
    /** Staff only: null for requesters, approvers and colleagues (escalation is internal). */
    supportLevel: z.enum(SUPPORT_LEVELS).nullable(),
    escalatedFromTeamId: id.nullable(),
    isMajor: z.boolean(),
    letterNumber: z.string().nullable(),
    letterAnswer: z.string().nullable(),
    solution: z.string().nullable(),
    /** Staff only: null for requesters until the ticket is resolved with it. */
    proposedSolution: z.string().nullable(),
    closeReason: z.string().nullable(),
    reopenCount: z.number().int(),
    mergedIntoId: id.nullable(),
    responseDueAt: instant.nullable(),
    resolutionDueAt: instant.nullable(),
    firstResponseAt: instant.nullable(),
    resolvedAt: instant.nullable(),
    closedAt: instant.nullable(),
    hierarchicalEscalatedAt: instant.nullable(),
    approverId: id.nullable(),
    approvalStatus: z.enum(['pending', 'approved', 'rejected']).nullable(),
    formData: z.record(z.string(), z.unknown()).nullable(),
    formVersion: z.number().int().nullable(),
    createdAt: instant,
    updatedAt: instant,
    version: z.number().int(),
  })
  .meta({ id: 'Ticket' });

/** One ticket with the names its ids stand for and the labels of its form's fields. */
export const ticketDetailResponse = ticketResponse
  .extend({
    names: z.strictObject({
      requester: z.string(),
      createdBy: z.string(),
      assignee: z.string().nullable(),
      team: z.string().nullable(),
      service: z.string().nullable(),
      organisation: z.string().nullable(),
    }),
    formFields: z.array(z.strictObject({ key: z.string(), label: z.string(), type: z.string() })),
  })
  .meta({ id: 'TicketDetail' });

export const ticketListItemResponse = z
  .strictObject({
    id,
    number: z.string(),
    type: z.enum(TICKET_TYPES),
    title: z.string(),
    state: z.enum(TICKET_STATES),
    pendingReason: z.enum([...PENDING_REASONS, APPROVAL_PENDING_REASON]).nullable(),
    priority: z.enum(PRIORITIES),
    channel: z.enum(CHANNELS),
    requesterId: id,
    requesterName: z.string(),
    organisationId: id.nullable(),
    unitId: id.nullable(),
    serviceId: id.nullable(),
    serviceName: z.string().nullable(),
    teamId: id.nullable(),
    teamName: z.string().nullable(),
    assigneeId: id.nullable(),
    assigneeName: z.string().nullable(),
    /** Staff only: null in a requester's list. */
    supportLevel: z.enum(SUPPORT_LEVELS).nullable(),
    isMajor: z.boolean(),
    resolutionDueAt: instant.nullable(),
    createdAt: instant,
    updatedAt: instant,
    version: z.number().int(),
  })
  .meta({ id: 'TicketListItem' });

export const ticketPageResponse = pageSchema(ticketListItemResponse, 'TicketPage', {
  totalCapped: z.boolean().describe('true when `total` stopped counting at the cap (a lower bound)'),
});

export const ticketCountersResponse = z
  .strictObject(
    Object.fromEntries(['mine', 'team', 'unassigned', 'pending', 'open'].map((k) => [k, z.number().int()])) as Record<
      'mine' | 'team' | 'unassigned' | 'pending' | 'open',
      z.ZodNumber
    >,
  )
  .meta({ id: 'TicketCounters' });

const ticketBrief = z.strictObject({
  id,
  number: z.string(),
  title: z.string(),
  state: z.enum(TICKET_STATES),
  priority: z.enum(PRIORITIES),
  createdAt: instant,
});
export const requesterContextResponse = z
  .strictObject({
    requester: z.strictObject({
      id,
      fullName: z.string(),
      email: z.string(),
      phone: z.string().nullable(),
      isVip: z.boolean(),
      isActive: z.boolean(),
      organisation: z.string().nullable(),
      unit: z.string().nullable().describe('the responsible unit (UR) above the organisation, when it is an area'),
    }),
    openTickets: z.array(ticketBrief).describe('other open tickets of the requester the caller may open, newest first (at most 10)'),
    openTotal: z.number().int(),
    recentTickets: z.array(ticketBrief).describe('their recently finished tickets (at most 5)'),
  })
  .meta({ id: 'RequesterContext' });
const overviewTicket = ticketBrief.extend({
  reopenCount: z.number().int(),
  teamName: z.string().nullable(),
});
export const ticketOverviewResponse = z
  .strictObject({
    open: z.number().int(),
    reopenedOpen: z.number().int().describe('open tickets that were reopened at least once'),
    byState: z.array(z.strictObject({ state: z.enum(TICKET_STATES), count: z.number().int() })),
    byPriority: z.array(z.strictObject({ priority: z.enum(PRIORITIES), count: z.number().int() })),
    byTeam: z.array(z.strictObject({ teamId: id.nullable(), teamName: z.string().nullable(), count: z.number().int() })),
    oldestOpen: z.array(overviewTicket),
    reopened: z.array(overviewTicket),
  })
  .meta({ id: 'TicketOverview' });
export const myActionResponse = z
  .strictObject({
    counts: z.strictObject(Object.fromEntries(MY_ACTION_REASONS.map((k) => [k, z.number().int()])) as Record<MyActionReason, z.ZodNumber>),
    items: z.array(ticketListItemResponse.extend({ reason: z.enum(MY_ACTION_REASONS) })),
  })
  .meta({ id: 'MyAction' });

export const ticketLookupResponse = itemsSchema(z.strictObject({ id, number: z.string(), title: z.string(), state: z.enum(TICKET_STATES) }), 'TicketLookup');

export const bulkResponse = z
  .strictObject({
    results: z.array(
      z.strictObject({ ticketId: id, ok: z.boolean(), status: z.number().int().optional(), code: z.string().optional(), detail: z.string().optional() }),
    ),
  })
  .meta({ id: 'BulkResults' });

export const historyEntryResponse = z
  .strictObject({
    id: z.string(),
    at: instant,
    actorId: id.nullable(),
    actorName: z.string().nullable(),
    action: z.string(),
    field: z.string().nullable(),
    oldValue: z.string().nullable(),
    newValue: z.string().nullable(),
    reason: z.string().nullable(),
  })
  .meta({ id: 'TicketHistoryEntry' });
export const historyResponse = itemsSchema(historyEntryResponse, 'TicketHistory');

export const articleResponse = z
  .strictObject({
    id,
    ticketId: id,
    authorId: id.nullable(),
    kind: z.enum(ARTICLE_KINDS),
    /** The action that wrote it (escalation, return, rejection, solution); null for a plain reply or note. */
    origin: z.enum(ARTICLE_ORIGINS).nullable(),
    body: z.string(),
    movedFromTicketId: id.nullable(),
    createdAt: instant,
  })
  .meta({ id: 'Article' });
export const articleWithAuthorResponse = articleResponse.extend({ authorName: z.string().nullable() }).meta({ id: 'ArticleWithAuthor' });
export const articlesResponse = itemsSchema(articleWithAuthorResponse, 'Articles');

export const linkResponse = z
  .strictObject({
    id,
    kind: z.enum(LINK_KINDS),
    direction: z.enum(['outgoing', 'incoming']),
    ticket: z.strictObject({ id, number: z.string(), title: z.string(), state: z.enum(TICKET_STATES) }),
    createdAt: instant,
  })
  .meta({ id: 'TicketLink' });
export const linksResponse = itemsSchema(linkResponse, 'TicketLinks');
export const createdLinkResponse = z.strictObject({ id }).meta({ id: 'CreatedLink' });
export const mergeResponse = z.strictObject({ source: ticketResponse, target: ticketResponse }).meta({ id: 'MergeResult' });

export const attachmentResponse = z
  .strictObject({ id, ticketId: id, articleId: id.nullable(), fileName: z.string(), contentType: z.string(), size: z.number().int(), createdAt: instant })
  .meta({ id: 'Attachment' });
export const attachmentsResponse = itemsSchema(attachmentResponse, 'Attachments');
export const stagedAttachmentResponse = z
  .strictObject({ id, fileName: z.string(), contentType: z.string(), size: z.number().int() })
  .meta({ id: 'StagedAttachment' });

export const savedFilterResponse = z
  .strictObject({ id, name: z.string(), query: z.record(z.string(), z.unknown()), createdAt: instant })
  .meta({ id: 'SavedFilter' });
export const savedFiltersResponse = itemsSchema(savedFilterResponse, 'SavedFilters');

const levelRow = z.strictObject({ high: z.enum(PRIORITIES), medium: z.enum(PRIORITIES), low: z.enum(PRIORITIES) });
export const priorityMatrixResponse = z
  .strictObject({ matrix: z.strictObject({ high: levelRow, medium: levelRow, low: levelRow }).describe('rows are impact, columns urgency') })
  .meta({ id: 'PriorityMatrix' });

const count = z.number().int();
/** The catalog's documentation indicator (GCS 4.1): services that have had tickets and how many are fully documented. */
export const documentedIndicatorResponse = z
  .strictObject({
    provided: count,
    documented: count,
    percentage: z.number().nullable(),
    incomplete: z.array(z.strictObject({ id, code: z.string(), name: z.string(), missing: z.array(z.enum(SHEET_REQUIREMENTS)) })),
  })
  .meta({ id: 'DocumentedIndicator' });

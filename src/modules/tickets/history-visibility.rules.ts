/**
 * What a reader of a ticket may see of each of its history rows (issue 9, item 1). One rule for
 * every channel that carries history or events: the history endpoint, the live stream, in-app
 * notifications and mail. Pure: no Nest, no I/O.
 *
 * Staff see every row as written. Anyone else (the ticket's requester, or another reader such as
 * the approver or a colleague of a unit that shares its tickets) sees only what the desk tells the
 * requester anyway: states, public fields, public replies and files, approvals, "more time". The
 * free-text reasons staff type while routing a ticket (assignment, escalation, edits, most
 * transitions) are working notes, not messages to the requester, so those rows lose their reason.
 * Rows about routing, escalation, internal notes and links to other tickets are hidden, and so is
 * any row this rule does not know: a new kind of history row stays staff-only until it is added here.
 */
export type HistoryViewer = { kind: 'staff' } | { kind: 'requester'; userId: string } | { kind: 'reader'; userId: string };

export type HistoryFacts = {
  action: string;
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
  reason: string | null;
  internal: boolean;
  actorId: string | null;
};

/** show: as written; redact_reason: without its reason; redact: neither values nor reason; hide: not at all. */
export type HistoryDecision = 'show' | 'redact_reason' | 'redact' | 'hide';

/** Ticket fields the requester's own ticket view shows: their changes are visible, the editor's reason is not. */
const PUBLIC_FIELDS: ReadonlySet<string> = new Set([
  'type',
  'serviceId',
  'category',
  'title',
  'description',
  'impact',
  'urgency',
  'priority',
  'isMajor',
  'letterNumber',
  'letterAnswer',
  'pendingReason',
  'solution',
]);

/** Transitions whose reason is addressed to the requester (SPEC: a declined request is told why; a withdrawal names its reason). */
const REASONED_FOR_REQUESTER: ReadonlySet<string> = new Set(['declined', 'cancelled']);

export function historyViewer(actor: { userId: string; staff: boolean }, ticket: { requesterId: string }): HistoryViewer {
  if (actor.staff) return { kind: 'staff' };
  return ticket.requesterId === actor.userId ? { kind: 'requester', userId: actor.userId } : { kind: 'reader', userId: actor.userId };
}

export function historyVisibility(row: HistoryFacts, viewer: HistoryViewer): HistoryDecision {
  const decision = decide(row, viewer);
  return decision === 'redact_reason' && row.reason === null ? 'show' : decision;
}

function decide(row: HistoryFacts, viewer: HistoryViewer): HistoryDecision {
  if (viewer.kind === 'staff') return 'show';
  if (row.internal) return 'hide';
  // Whoever wrote a reason may read it back (a requester's own withdrawal or reopening).
  const own = row.actorId !== null && row.actorId === viewer.userId;
  switch (row.action) {
    case 'create':
      return row.field === 'state' ? 'show' : 'hide';
    case 'transition':
      if (row.field !== 'state') return 'hide';
      // Covers assignment and escalation too: both move the ticket to "assigned" with the router's reason.
      return own || REASONED_FOR_REQUESTER.has(row.newValue ?? '') ? 'show' : 'redact_reason';
    case 'field':
      if (row.field === 'reopenCount') return own ? 'show' : 'redact_reason';
      if (row.field !== null && PUBLIC_FIELDS.has(row.field)) return own ? 'show' : 'redact_reason';
      return 'hide'; // proposedSolution, supportLevel and anything new
    case 'approval':
      // The approver's decision and its reason are addressed to the requester.
      return row.field === 'approvalStatus' ? 'show' : 'hide';
    case 'more_time':
      return 'show'; // GIS 2.3 act. 5: the requester is told why more time is needed
    case 'article':
      return row.field === 'public' ? 'show' : 'hide';
    case 'attachment':
      // A file of an internal note is written with internal = true (handled above).
      return row.field === 'file' ? 'show' : 'hide';
    case 'merge':
      if (row.field !== 'mergedIntoId' && row.field !== 'mergedFrom') return 'hide';
      // Merges stay within one requester (TicketLinksService.merge), so the other number is the
      // requester's own; another reader may not be able to open it, so they see only that a merge happened.
      return viewer.kind === 'requester' ? 'redact_reason' : 'redact';
    case 'reminder': // "Pendiente hasta" fired for the assignee (written internal anyway)
    case 'assign': // routing between teams and resolvers, with the router's reasons
    case 'escalate': // functional and hierarchical escalation, returns to the coordinator
    case 'link': // relations name other requesters' tickets
    default:
      return 'hide';
  }
}

/** The row as the viewer may see it, or null when hidden. */
export function viewHistoryRow<T extends HistoryFacts>(row: T, viewer: HistoryViewer): T | null {
  const decision = historyVisibility(row, viewer);
  switch (decision) {
    case 'show':
      return row;
    case 'redact_reason':
      return { ...row, reason: null };
    case 'redact':
      return { ...row, oldValue: null, newValue: null, reason: null };
    case 'hide':
      return null;
  }
}

/**
 * Who may hear about a change over the live stream: everyone who may see the ticket when the
 * requester would see at least one of its history rows, otherwise staff only (an internal note,
 * a reassignment between teams, a hierarchical escalation).
 */
export function liveAudience(rows: HistoryFacts[], ticket: { requesterId: string }): 'all' | 'staff' {
  const requester: HistoryViewer = { kind: 'requester', userId: ticket.requesterId };
  return rows.some((r) => historyVisibility(r, requester) !== 'hide') ? 'all' : 'staff';
}

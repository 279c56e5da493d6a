/**
 * Ticket life cycle. The seeds name Nuevo, Cerrado and Declinado (GIS 2.1–2.3); the rest is
 * what a mature desk needs (SPEC *Incidents and service requests*). Pure: no Nest, no I/O.
 */
export const TICKET_STATES = ['new', 'assigned', 'in_progress', 'pending', 'resolved', 'closed', 'declined', 'cancelled'] as const;
export type TicketState = (typeof TICKET_STATES)[number];

export const STATE_LABELS: Record<TicketState, string> = {
  new: 'Nuevo',
  assigned: 'Asignado',
  in_progress: 'En atención',
  pending: 'Pendiente',
  resolved: 'Resuelto',
  closed: 'Cerrado',
  declined: 'Declinado',
  cancelled: 'Cancelado',
};

export const PENDING_REASONS = ['requester', 'third_party', 'scheduled_visit'] as const;
/** Set by the system only: a ticket waiting for its service's required approval. */
export const APPROVAL_PENDING_REASON = 'approval' as const;
export type PendingReason = (typeof PENDING_REASONS)[number] | typeof APPROVAL_PENDING_REASON;

export const TERMINAL_STATES: readonly TicketState[] = ['closed', 'declined', 'cancelled'];
export const OPEN_STATES: readonly TicketState[] = ['new', 'assigned', 'in_progress', 'pending'];

/** Allowed edges for desk staff. Requesters have their own, narrower set below. */
const STAFF_EDGES: Record<TicketState, readonly TicketState[]> = {
  new: ['assigned', 'in_progress', 'pending', 'resolved', 'declined', 'cancelled'],
  assigned: ['in_progress', 'pending', 'resolved', 'declined', 'cancelled'],
  in_progress: ['assigned', 'pending', 'resolved', 'cancelled'],
  pending: ['in_progress', 'assigned', 'resolved', 'cancelled'],
  resolved: ['closed', 'in_progress'],
  closed: [],
  declined: [],
  cancelled: [],
};

/** A requester may withdraw an open request, and confirm or reject a resolution. */
const REQUESTER_EDGES: Record<TicketState, readonly TicketState[]> = {
  new: ['cancelled'],
  assigned: ['cancelled'],
  in_progress: ['cancelled'],
  pending: ['cancelled', 'in_progress'],
  resolved: ['closed', 'in_progress'],
  closed: [],
  declined: [],
  cancelled: [],
};

/**
 * The approver of a request decides only while it waits on them: approval sends it to the desk
 * (Nuevo), rejection closes it with the reason.
 */
const APPROVER_EDGES: Record<TicketState, readonly TicketState[]> = {
  new: [],
  assigned: [],
  in_progress: [],
  pending: ['new', 'closed'],
  resolved: [],
  closed: [],
  declined: [],
  cancelled: [],
};

/**
 * Consequences of another action rather than a chosen step: merging a duplicate into its
 * original closes the duplicate, whatever open state it was in.
 */
const SYSTEM_EDGES: Record<TicketState, readonly TicketState[]> = {
  new: ['closed'],
  assigned: ['closed'],
  in_progress: ['closed'],
  pending: ['closed'],
  resolved: ['closed'],
  closed: [],
  declined: [],
  cancelled: [],
};

/** Who moves the ticket: each kind has its own edges. */
export type TransitionActor = 'staff' | 'requester' | 'approver' | 'system';

const EDGES: Record<TransitionActor, Record<TicketState, readonly TicketState[]>> = {
  staff: STAFF_EDGES,
  requester: REQUESTER_EDGES,
  approver: APPROVER_EDGES,
  system: SYSTEM_EDGES,
};

export type TransitionInput = {
  from: TicketState;
  to: TicketState;
  as: TransitionActor;
  /** The ticket waits on its approver (pending for `approval`): the only time an approver moves it. */
  awaitingApproval?: boolean;
  reason?: string | null;
  solution?: string | null;
  pendingReason?: PendingReason | null;
  /** Letter/oficio tickets cannot close until the letter's answer is recorded (SPEC *Channels*). */
  letterAnswerMissing?: boolean;
  hasAssignee?: boolean;
};

export type TransitionDecision =
  | { ok: true; reopen: boolean }
  | { ok: false; code: 'TICKET_ILLEGAL_TRANSITION'; allowed: TicketState[]; message: string }
  | { ok: false; code: 'TICKET_TRANSITION_INCOMPLETE'; field: string; message: string }
  | { ok: false; code: 'TICKET_LETTER_ANSWER_REQUIRED'; message: string };

export function allowedTransitions(from: TicketState, as: TransitionActor, awaitingApproval = false): TicketState[] {
  if (as === 'approver' && !awaitingApproval) return [];
  return [...EDGES[as][from]];
}

/** A ticket is born waiting on its approver when its service requires approval, otherwise Nuevo. */
export function initialState(needsApproval: boolean): TicketState {
  return needsApproval ? 'pending' : 'new';
}

const blank = (s: string | null | undefined) => !s || s.trim().length === 0;

export function decideTransition(input: TransitionInput): TransitionDecision {
  const allowed = allowedTransitions(input.from, input.as, input.awaitingApproval);
  if (!allowed.includes(input.to)) {
    return {
      ok: false,
      code: 'TICKET_ILLEGAL_TRANSITION',
      allowed,
      message: `No se puede pasar de ${STATE_LABELS[input.from]} a ${STATE_LABELS[input.to]}. Permitidos: ${allowed.map((s) => STATE_LABELS[s]).join(', ') || 'ninguno'}.`,
    };
  }
  if (input.to === 'resolved' && blank(input.solution)) {
    return { ok: false, code: 'TICKET_TRANSITION_INCOMPLETE', field: 'solution', message: 'Para resolver se requiere el texto de la solución.' };
  }
  const closedByOthers = input.to === 'closed' && (input.as === 'approver' || input.as === 'system');
  if ((input.to === 'declined' || input.to === 'cancelled' || closedByOthers) && blank(input.reason)) {
    return { ok: false, code: 'TICKET_TRANSITION_INCOMPLETE', field: 'reason', message: 'Se requiere el motivo.' };
  }
  if (input.to === 'pending' && !input.pendingReason) {
    return {
      ok: false,
      code: 'TICKET_TRANSITION_INCOMPLETE',
      field: 'pendingReason',
      message: 'Indica por qué queda pendiente (solicitante, tercero o visita programada).',
    };
  }
  const reopen = input.from === 'resolved' && input.to === 'in_progress';
  if (reopen && blank(input.reason)) {
    return { ok: false, code: 'TICKET_TRANSITION_INCOMPLETE', field: 'reason', message: 'Indica por qué la solución no resolvió la solicitud.' };
  }
  if (input.to === 'assigned' && !input.hasAssignee) {
    return {
      ok: false,
      code: 'TICKET_TRANSITION_INCOMPLETE',
      field: 'assigneeId',
      message: 'Para asignar use la acción de asignación con un equipo o resolutor.',
    };
  }
  if (input.to === 'closed' && input.letterAnswerMissing) {
    return { ok: false, code: 'TICKET_LETTER_ANSWER_REQUIRED', message: 'El ticket se recibió por oficio: registre la respuesta al oficio antes de cerrarlo.' };
  }
  return { ok: true, reopen };
}

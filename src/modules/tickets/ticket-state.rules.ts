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

export type TransitionInput = {
  from: TicketState;
  to: TicketState;
  as: 'staff' | 'requester';
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

export function allowedTransitions(from: TicketState, as: 'staff' | 'requester'): TicketState[] {
  return [...(as === 'staff' ? STAFF_EDGES : REQUESTER_EDGES)[from]];
}

const blank = (s: string | null | undefined) => !s || s.trim().length === 0;

export function decideTransition(input: TransitionInput): TransitionDecision {
  const allowed = allowedTransitions(input.from, input.as);
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
  if ((input.to === 'declined' || input.to === 'cancelled') && blank(input.reason)) {
    return { ok: false, code: 'TICKET_TRANSITION_INCOMPLETE', field: 'reason', message: 'Se requiere el motivo.' };
  }
  if (input.to === 'pending' && !input.pendingReason) {
    return { ok: false, code: 'TICKET_TRANSITION_INCOMPLETE', field: 'pendingReason', message: 'Indique por qué queda pendiente (solicitante, tercero o visita programada).' };
  }
  const reopen = input.from === 'resolved' && input.to === 'in_progress';
  if (reopen && blank(input.reason)) {
    return { ok: false, code: 'TICKET_TRANSITION_INCOMPLETE', field: 'reason', message: 'Indique por qué la solución no resolvió la solicitud.' };
  }
  if (input.to === 'assigned' && !input.hasAssignee) {
    return { ok: false, code: 'TICKET_TRANSITION_INCOMPLETE', field: 'assigneeId', message: 'Para asignar use la acción de asignación con un equipo o resolutor.' };
  }
  if (input.to === 'closed' && input.letterAnswerMissing) {
    return { ok: false, code: 'TICKET_LETTER_ANSWER_REQUIRED', message: 'El ticket se recibió por oficio: registre la respuesta al oficio antes de cerrarlo.' };
  }
  return { ok: true, reopen };
}

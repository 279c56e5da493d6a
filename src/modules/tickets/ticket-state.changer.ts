import { MesaError } from '../../common/errors/mesa-error';
import type { OutboxEventName } from '../outbox/outbox.service';
import type { Ticket } from './entities/ticket.entity';
import type { HistoryEntry } from './ticket-history.writer';
import { decideTransition, type PendingReason, type TicketState, type TransitionActor } from './ticket-state.rules';

export type StateChangeRequest = {
  to: TicketState;
  as: TransitionActor;
  reason?: string | null;
  solution?: string | null;
  pendingReason?: PendingReason | null;
  /** "Pendiente hasta" (checked by pending-reminder.rules before): when the assignee is reminded. */
  pendingUntil?: Date | null;
  /** The reason the requester reads when the ticket closes, if not the transition's reason (a merge points at the original). */
  closeReason?: string | null;
  /** The event that announces this change when its cause has its own (approval, take, assignment); by default one per state. */
  event?: OutboxEventName;
  payload?: Record<string, unknown>;
};

/** What the caller writes in its transaction: the history rows and the one outbox event of the change. */
export type StateChange = { from: TicketState; to: TicketState; history: HistoryEntry[]; event: [OutboxEventName, Record<string, unknown>] };

const OUTBOX_FOR_STATE: Partial<Record<TicketState, OutboxEventName>> = {
  declined: 'ticket.declined',
  resolved: 'ticket.resolved',
  closed: 'ticket.closed',
};

/**
 * The one place a ticket's state is written (a scan in ticket-state.changer.spec.ts keeps it
 * so): asks the state machine, refuses with the rule's error (409 naming the allowed states),
 * and sets the state with the fields that go with it. It returns the history rows and the
 * outbox event, which the caller writes with the ticket in the same transaction.
 */
export function changeState(t: Ticket, req: StateChangeRequest, now = new Date()): StateChange {
  const decision = decideTransition({
    from: t.state,
    to: req.to,
    as: req.as,
    awaitingApproval: t.state === 'pending' && t.pendingReason === 'approval',
    reason: req.reason,
    solution: req.solution,
    pendingReason: req.pendingReason,
    hasAssignee: Boolean(t.assigneeId || t.teamId),
    // The approver decides before the desk has worked the ticket: there is no letter to answer yet.
    letterAnswerMissing: req.as !== 'approver' && (t.channel === 'letter' || t.channel === 'e_signature') && !t.letterAnswer,
  });
  if (!decision.ok) {
    if (decision.code === 'TICKET_ILLEGAL_TRANSITION')
      throw new MesaError(decision.code, decision.message, { field: 'to', extra: { allowed: decision.allowed } });
    if (decision.code === 'TICKET_TRANSITION_INCOMPLETE') throw new MesaError(decision.code, decision.message, { field: decision.field });
    throw new MesaError(decision.code, decision.message, { field: 'letterAnswer' });
  }
  const from = t.state;
  const to = req.to;
  const reason = req.reason ?? null;
  const history: HistoryEntry[] = [{ action: 'transition', field: 'state', oldValue: from, newValue: to, reason }];
  t.state = to;
  t.pendingReason = to === 'pending' ? (req.pendingReason ?? null) : null;
  if (to === 'pending') history.push({ action: 'field', field: 'pendingReason', newValue: req.pendingReason });
  // The reminder belongs to this stay in Pendiente: leaving it (or a new stay without a date) drops it.
  const pendingUntil = to === 'pending' ? (req.pendingUntil ?? null) : null;
  if (pendingUntil || t.pendingUntil) {
    history.push({ action: 'field', field: 'pendingUntil', oldValue: t.pendingUntil, newValue: pendingUntil, internal: true });
  }
  t.pendingUntil = pendingUntil;
  t.pendingRemindedAt = null;
  if (to === 'in_progress' && req.as === 'staff' && !t.firstResponseAt) t.firstResponseAt = now;
  if (to === 'resolved') {
    history.push({ action: 'field', field: 'solution', oldValue: t.solution, newValue: req.solution });
    t.solution = req.solution ?? null;
    t.resolvedAt = now;
  }
  if (to === 'closed') {
    t.closedAt = now;
    if (req.as === 'approver' || req.as === 'system') t.closeReason = req.closeReason ?? reason;
  }
  if (to === 'declined' || to === 'cancelled') {
    t.closeReason = reason;
    t.closedAt = now;
  }
  if (decision.reopen) {
    t.reopenCount += 1;
    t.resolvedAt = null;
    history.push({ action: 'field', field: 'reopenCount', oldValue: t.reopenCount - 1, newValue: t.reopenCount, reason });
  }
  // A reopening has its own event: the assignee is told (staff notifications).
  const event = req.event ?? OUTBOX_FOR_STATE[to] ?? (decision.reopen ? 'ticket.reopened' : 'ticket.state_changed');
  return { from, to, history, event: [event, { number: t.number, from, to, reason, ...req.payload }] };
}

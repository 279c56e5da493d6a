import { allowedTransitions, decideTransition, TICKET_STATES, type TicketState, type TransitionInput } from './ticket-state.rules';

const complete = (from: TicketState, to: TicketState, as: 'staff' | 'requester'): TransitionInput => ({
  from,
  to,
  as,
  reason: 'motivo',
  solution: 'solución',
  pendingReason: 'requester',
  hasAssignee: true,
});

const STAFF_ALLOWED: [TicketState, TicketState][] = [
  ['new', 'assigned'], ['new', 'in_progress'], ['new', 'pending'], ['new', 'resolved'], ['new', 'declined'], ['new', 'cancelled'],
  ['assigned', 'in_progress'], ['assigned', 'pending'], ['assigned', 'resolved'], ['assigned', 'declined'], ['assigned', 'cancelled'],
  ['in_progress', 'assigned'], ['in_progress', 'pending'], ['in_progress', 'resolved'], ['in_progress', 'cancelled'],
  ['pending', 'in_progress'], ['pending', 'assigned'], ['pending', 'resolved'], ['pending', 'cancelled'],
  ['resolved', 'closed'], ['resolved', 'in_progress'],
];
const REQUESTER_ALLOWED: [TicketState, TicketState][] = [
  ['new', 'cancelled'], ['assigned', 'cancelled'], ['in_progress', 'cancelled'], ['pending', 'cancelled'], ['pending', 'in_progress'],
  ['resolved', 'closed'], ['resolved', 'in_progress'],
];

const allPairs = TICKET_STATES.flatMap((from) => TICKET_STATES.map((to) => [from, to] as [TicketState, TicketState]));
const key = ([a, b]: [TicketState, TicketState]) => `${a}->${b}`;

describe('decideTransition', () => {
  describe.each([
    ['staff', STAFF_ALLOWED],
    ['requester', REQUESTER_ALLOWED],
  ] as const)('as %s', (as, allowedList) => {
    const allowed = new Set(allowedList.map(key));
    it.each(allPairs.filter((p) => allowed.has(key(p))))('allows %s → %s', (from, to) => {
      expect(decideTransition(complete(from, to, as)).ok).toBe(true);
    });
    it.each(allPairs.filter((p) => !allowed.has(key(p))))('forbids %s → %s and names the allowed states', (from, to) => {
      const d = decideTransition(complete(from, to, as));
      expect(d).toMatchObject({ ok: false, code: 'TICKET_ILLEGAL_TRANSITION', allowed: allowedTransitions(from, as) });
    });
  });

  it('never leaves a terminal state', () => {
    for (const s of ['closed', 'declined', 'cancelled'] as const) {
      expect(allowedTransitions(s, 'staff')).toEqual([]);
      expect(allowedTransitions(s, 'requester')).toEqual([]);
    }
  });

  it('requires a solution to resolve', () => {
    expect(decideTransition({ ...complete('in_progress', 'resolved', 'staff'), solution: '  ' })).toMatchObject({ ok: false, field: 'solution' });
  });

  it('requires a reason to decline, cancel or reject a resolution', () => {
    expect(decideTransition({ ...complete('new', 'declined', 'staff'), reason: '' })).toMatchObject({ ok: false, field: 'reason' });
    expect(decideTransition({ ...complete('new', 'cancelled', 'requester'), reason: null })).toMatchObject({ ok: false, field: 'reason' });
    expect(decideTransition({ ...complete('resolved', 'in_progress', 'requester'), reason: undefined })).toMatchObject({ ok: false, field: 'reason' });
  });

  it('requires the pending reason', () => {
    expect(decideTransition({ ...complete('in_progress', 'pending', 'staff'), pendingReason: null })).toMatchObject({ ok: false, field: 'pendingReason' });
  });

  it('counts a rejected resolution as a reopen', () => {
    expect(decideTransition(complete('resolved', 'in_progress', 'requester'))).toEqual({ ok: true, reopen: true, clearsPendingReason: false });
    expect(decideTransition(complete('pending', 'in_progress', 'staff'))).toEqual({ ok: true, reopen: false, clearsPendingReason: true });
  });

  it('refuses to close a letter ticket whose answer is not recorded', () => {
    expect(decideTransition({ ...complete('resolved', 'closed', 'staff'), letterAnswerMissing: true })).toMatchObject({ ok: false, code: 'TICKET_LETTER_ANSWER_REQUIRED' });
    expect(decideTransition({ ...complete('resolved', 'closed', 'staff'), letterAnswerMissing: false }).ok).toBe(true);
  });

  it('does not enter Asignado without an assignee', () => {
    expect(decideTransition({ ...complete('in_progress', 'assigned', 'staff'), hasAssignee: false })).toMatchObject({ ok: false, field: 'assigneeId' });
  });
});

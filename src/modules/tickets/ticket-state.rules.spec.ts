import fc from 'fast-check';
import {
  allowedTransitions,
  decideTransition,
  initialState,
  TERMINAL_STATES,
  TICKET_STATES,
  type TicketState,
  type TransitionActor,
  type TransitionInput,
} from './ticket-state.rules';

const complete = (from: TicketState, to: TicketState, as: TransitionActor): TransitionInput => ({
  from,
  to,
  as,
  awaitingApproval: as === 'approver',
  reason: 'motivo',
  solution: 'solución',
  pendingReason: 'requester',
  hasAssignee: true,
});

const STAFF_ALLOWED: [TicketState, TicketState][] = [
  ['new', 'assigned'],
  ['new', 'in_progress'],
  ['new', 'pending'],
  ['new', 'resolved'],
  ['new', 'declined'],
  ['new', 'cancelled'],
  ['assigned', 'in_progress'],
  ['assigned', 'pending'],
  ['assigned', 'resolved'],
  ['assigned', 'declined'],
  ['assigned', 'cancelled'],
  ['in_progress', 'assigned'],
  ['in_progress', 'pending'],
  ['in_progress', 'resolved'],
  ['in_progress', 'cancelled'],
  ['pending', 'in_progress'],
  ['pending', 'assigned'],
  ['pending', 'resolved'],
  ['pending', 'cancelled'],
  ['resolved', 'closed'],
  ['resolved', 'in_progress'],
];
const REQUESTER_ALLOWED: [TicketState, TicketState][] = [
  ['new', 'cancelled'],
  ['assigned', 'cancelled'],
  ['in_progress', 'cancelled'],
  ['pending', 'cancelled'],
  ['pending', 'in_progress'],
  ['resolved', 'closed'],
  ['resolved', 'in_progress'],
];
const APPROVER_ALLOWED: [TicketState, TicketState][] = [
  ['pending', 'new'],
  ['pending', 'closed'],
];
const SYSTEM_ALLOWED: [TicketState, TicketState][] = [
  ['new', 'closed'],
  ['assigned', 'closed'],
  ['in_progress', 'closed'],
  ['pending', 'closed'],
  ['resolved', 'closed'],
];

const allPairs = TICKET_STATES.flatMap((from) => TICKET_STATES.map((to) => [from, to] as [TicketState, TicketState]));
const key = ([a, b]: [TicketState, TicketState]) => `${a}->${b}`;

describe('decideTransition', () => {
  describe.each([
    ['staff', STAFF_ALLOWED],
    ['requester', REQUESTER_ALLOWED],
    ['approver', APPROVER_ALLOWED],
    ['system', SYSTEM_ALLOWED],
  ] as const)('as %s', (as, allowedList) => {
    const allowed = new Set(allowedList.map(key));
    it.each(allPairs.filter((p) => allowed.has(key(p))))('allows %s → %s', (from, to) => {
      expect(decideTransition(complete(from, to, as)).ok).toBe(true);
    });
    it.each(allPairs.filter((p) => !allowed.has(key(p))))('forbids %s → %s and names the allowed states', (from, to) => {
      const d = decideTransition(complete(from, to, as));
      expect(d).toMatchObject({ ok: false, code: 'TICKET_ILLEGAL_TRANSITION', allowed: allowedTransitions(from, as, as === 'approver') });
    });
  });

  it('never leaves a terminal state', () => {
    for (const s of ['closed', 'declined', 'cancelled'] as const) {
      expect(allowedTransitions(s, 'staff')).toEqual([]);
      expect(allowedTransitions(s, 'requester')).toEqual([]);
      expect(allowedTransitions(s, 'approver', true)).toEqual([]);
      expect(allowedTransitions(s, 'system')).toEqual([]);
    }
  });

  it('lets an approver move a request only while it waits on them', () => {
    expect(decideTransition({ ...complete('pending', 'new', 'approver'), awaitingApproval: false })).toMatchObject({
      ok: false,
      code: 'TICKET_ILLEGAL_TRANSITION',
      allowed: [],
    });
    expect(decideTransition(complete('pending', 'new', 'approver'))).toEqual({ ok: true, reopen: false });
  });

  it('requires a reason when an approver rejects or a merge closes', () => {
    expect(decideTransition({ ...complete('pending', 'closed', 'approver'), reason: ' ' })).toMatchObject({
      ok: false,
      code: 'TICKET_TRANSITION_INCOMPLETE',
      field: 'reason',
    });
    expect(decideTransition({ ...complete('in_progress', 'closed', 'system'), reason: null })).toMatchObject({
      ok: false,
      code: 'TICKET_TRANSITION_INCOMPLETE',
      field: 'reason',
    });
  });

  it('refuses to close a merged letter ticket whose answer is not recorded', () => {
    expect(decideTransition({ ...complete('new', 'closed', 'system'), letterAnswerMissing: true })).toMatchObject({
      ok: false,
      code: 'TICKET_LETTER_ANSWER_REQUIRED',
    });
  });

  it('starts a ticket in Nuevo, or Pendiente when its service requires approval', () => {
    expect(initialState(false)).toBe('new');
    expect(initialState(true)).toBe('pending');
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
    expect(decideTransition(complete('resolved', 'in_progress', 'requester'))).toEqual({ ok: true, reopen: true });
    expect(decideTransition(complete('pending', 'in_progress', 'staff'))).toEqual({ ok: true, reopen: false });
  });

  it('refuses to close a letter ticket whose answer is not recorded', () => {
    expect(decideTransition({ ...complete('resolved', 'closed', 'staff'), letterAnswerMissing: true })).toMatchObject({
      ok: false,
      code: 'TICKET_LETTER_ANSWER_REQUIRED',
    });
    expect(decideTransition({ ...complete('resolved', 'closed', 'staff'), letterAnswerMissing: false }).ok).toBe(true);
  });

  it('does not enter Asignado without an assignee', () => {
    expect(decideTransition({ ...complete('in_progress', 'assigned', 'staff'), hasAssignee: false })).toMatchObject({ ok: false, field: 'assigneeId' });
  });
});

describe('state machine properties', () => {
  const actor = fc.constantFrom('staff' as const, 'requester' as const);
  const state = fc.constantFrom(...TICKET_STATES);

  it('reaches every state from Nuevo', () => {
    const seen = new Set<TicketState>(['new']);
    const frontier: TicketState[] = ['new'];
    while (frontier.length) {
      const s = frontier.pop()!;
      for (const to of allowedTransitions(s, 'staff').filter((t) => !seen.has(t))) {
        seen.add(to);
        frontier.push(to);
      }
    }
    expect([...seen].sort()).toEqual([...TICKET_STATES].sort());
  });

  it('can leave every open or resolved state towards a terminal one', () => {
    for (const s of TICKET_STATES.filter((x) => !TERMINAL_STATES.includes(x))) {
      expect(
        allowedTransitions(s, 'staff').some((to) => TERMINAL_STATES.includes(to) || allowedTransitions(to, 'staff').some((t) => TERMINAL_STATES.includes(t))),
      ).toBe(true);
    }
  });

  it('never lets a requester take a step staff could not', () => {
    fc.assert(fc.property(state, (from) => allowedTransitions(from, 'requester').every((to) => allowedTransitions(from, 'staff').includes(to))));
  });

  it('keeps any walk of decided transitions on allowed edges, and a terminal state final', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(state, actor), { maxLength: 40 }), (steps) => {
        let current: TicketState = 'new';
        for (const [to, as] of steps) {
          const decision = decideTransition(complete(current, to, as));
          if (TERMINAL_STATES.includes(current) && decision.ok) return false;
          if (decision.ok) {
            if (!allowedTransitions(current, as).includes(to)) return false;
            current = to;
          } else if (decision.code === 'TICKET_ILLEGAL_TRANSITION' && allowedTransitions(current, as).includes(to)) {
            return false;
          }
        }
        return true;
      }),
    );
  });
});

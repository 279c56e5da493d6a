import fc from 'fast-check';
import { countByReason, MY_ACTION_REASONS, type MyActionFacts, myActionReason } from './my-action.rules';
import { TICKET_STATES } from './ticket-state.rules';

const base: MyActionFacts = { state: 'assigned', assignedToMe: true, approvalPendingOnMe: false, proposalForMe: false, returnedToMe: false, reopenCount: 0 };

describe('myActionReason', () => {
  it.each<[string, Partial<MyActionFacts>, ReturnType<typeof myActionReason>]>([
    ['an assigned ticket', {}, 'assigned'],
    ['a ticket in progress', { state: 'in_progress' }, 'assigned'],
    ['a ticket returned to me as coordinator', { returnedToMe: true }, 'returned'],
    ['a returned ticket I already started', { returnedToMe: true, state: 'in_progress' }, 'assigned'],
    ['a reopened ticket', { state: 'in_progress', reopenCount: 1 }, 'reopened'],
    ['a proposal my team must validate', { assignedToMe: false, proposalForMe: true, state: 'in_progress' }, 'validate'],
    ['an approval waiting for me', { assignedToMe: false, approvalPendingOnMe: true, state: 'pending' }, 'approval'],
    ['a ticket pending on someone else', { state: 'pending' }, null],
    ['a resolved ticket', { state: 'resolved' }, null],
    ['someone else’s ticket', { assignedToMe: false }, null],
    ['a proposal on a closed ticket', { assignedToMe: false, proposalForMe: true, state: 'closed' }, null],
  ])('classifies %s', (_name, facts, expected) => {
    expect(myActionReason({ ...base, ...facts })).toBe(expected);
  });

  it('never asks anything of a closed, cancelled or declined ticket except a pending approval', () => {
    fc.assert(
      fc.property(
        fc.record({
          state: fc.constantFrom(...TICKET_STATES),
          assignedToMe: fc.boolean(),
          approvalPendingOnMe: fc.boolean(),
          proposalForMe: fc.boolean(),
          returnedToMe: fc.boolean(),
          reopenCount: fc.nat(5),
        }),
        (f) => {
          const reason = myActionReason(f);
          if (['closed', 'cancelled', 'declined', 'resolved'].includes(f.state) && !f.approvalPendingOnMe) expect(reason).toBeNull();
          if (!f.assignedToMe && !f.approvalPendingOnMe && !f.proposalForMe) expect(reason).toBeNull();
          if (f.approvalPendingOnMe) expect(reason).toBe('approval');
        },
      ),
    );
  });
});

describe('countByReason', () => {
  it('counts every reason, zero included', () => {
    expect(countByReason(['assigned', 'assigned', 'approval'])).toEqual({ approval: 1, validate: 0, returned: 0, reopened: 0, assigned: 2 });
    expect(Object.keys(countByReason([]))).toEqual([...MY_ACTION_REASONS]);
  });
});

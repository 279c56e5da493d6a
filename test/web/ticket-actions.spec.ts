import { agentActions, functionalTargets, mayEscalateHierarchically, requesterActions } from '../../web/lib/ticket-actions';
import { TICKET_STATES, type TicketState } from '../../web/lib/tickets';

const ticket = (state: TicketState, extra: Partial<Parameters<typeof agentActions>[0]> = {}) => ({
  state,
  assigneeId: null,
  teamId: 't1',
  supportLevel: '1' as const,
  channel: 'portal' as const,
  ...extra,
});
const agent = { id: 'a1', roles: ['agent_l1'] };

describe('portal ticket actions (from the API rules)', () => {
  it.each([
    ['1', ['agent_l1'], ['2', 'field']],
    ['2', ['resolver_l2'], []],
    ['2', ['team_coordinator'], ['3']],
    ['field', ['field_technician'], []],
    ['field', ['field_chief'], ['2', '3']],
    ['3', ['desk_coordinator'], []],
  ] as const)('escalates from level %s as %j to %j', (from, roles, expected) => {
    expect(functionalTargets(from, roles)).toEqual(expected);
  });

  it('offers hierarchical escalation to coordinators and the field chief only', () => {
    expect(['team_coordinator', 'desk_coordinator', 'field_chief', 'agent_l1', 'director'].filter((r) => mayEscalateHierarchically([r]))).toEqual([
      'team_coordinator',
      'desk_coordinator',
      'field_chief',
    ]);
  });

  it.each([
    ['new', ['take', 'assign', 'escalate', 'moreTime', 'pending', 'resolve', 'decline', 'cancel', 'edit']],
    ['pending', ['start', 'assign', 'escalate', 'moreTime', 'resolve', 'cancel', 'edit']],
    ['resolved', ['close', 'reopen', 'edit']],
    ['closed', []],
    ['declined', []],
  ] as const)('offers an L1 agent on a %s ticket exactly %j', (state, expected) => {
    expect([...agentActions(ticket(state), agent)].sort()).toEqual([...expected].sort());
  });

  it('keeps a 3rd-level-only resolver to proposing, not resolving', () => {
    const actions = agentActions(ticket('in_progress', { supportLevel: '3', assigneeId: 'r3' }), { id: 'r3', roles: ['resolver_l3'] });
    expect(actions.has('proposeSolution')).toBe(true);
    expect(actions.has('resolve')).toBe(false);
  });

  it.each(TICKET_STATES.map((s) => [s]))('gives a requester on a %s ticket the actions of the state machine', (state) => {
    const open = ['new', 'assigned', 'in_progress', 'pending'].includes(state);
    expect(requesterActions(state)).toEqual({ confirm: state === 'resolved', reject: state === 'resolved', cancel: open, reply: open || state === 'resolved' });
  });
});

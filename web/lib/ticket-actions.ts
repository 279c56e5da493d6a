// Which actions the workspace offers for a ticket. A mirror of the API's rules
// (src/modules/tickets/ticket-state.rules.ts, escalation.rules.ts) used only to hide buttons
// that cannot succeed; the API decides every call.
import { isOpen, type SupportLevel, type Ticket, type TicketState } from './tickets';

export type AgentAction =
  | 'take'
  | 'start'
  | 'assign'
  | 'escalate'
  | 'returnToCoordinator'
  | 'proposeSolution'
  | 'moreTime'
  | 'pending'
  | 'resolve'
  | 'close'
  | 'reopen'
  | 'decline'
  | 'cancel'
  | 'edit'
  | 'letterAnswer';

type Actor = { id: string; roles: readonly string[] };
type TicketFacts = Pick<Ticket, 'state' | 'assigneeId' | 'teamId' | 'supportLevel' | 'channel'>;

const COORDINATORS = ['team_coordinator', 'desk_coordinator', 'director'];
const HIERARCHICAL = ['team_coordinator', 'desk_coordinator', 'field_chief'];

const hasAny = (roles: readonly string[], wanted: readonly string[]) => roles.some((r) => wanted.includes(r));
const inStates = (state: TicketState, states: readonly TicketState[]) => states.includes(state);

/** Levels a functional escalation may reach from `from` for these roles. */
export function functionalTargets(from: SupportLevel, roles: readonly string[]): SupportLevel[] {
  switch (from) {
    case '1':
      return ['2', 'field'];
    case '2':
      return hasAny(roles, COORDINATORS) ? ['3'] : [];
    case 'field':
      return hasAny(roles, [...COORDINATORS, 'field_chief']) ? ['2', '3'] : [];
    case '3':
      return [];
  }
}

export function mayEscalateHierarchically(roles: readonly string[]): boolean {
  return hasAny(roles, HIERARCHICAL);
}

/** A 3rd-level solution is proposed by 3rd level and recorded by 2nd level (GIS 2.3 act. 6). */
function mayResolve(level: SupportLevel, roles: readonly string[]): boolean {
  return level !== '3' || roles.some((r) => r !== 'resolver_l3' && r !== 'requester');
}

export function agentActions(t: TicketFacts, me: Actor): Set<AgentAction> {
  const actions = new Set<AgentAction>();
  const open = isOpen(t.state);
  const add = (action: AgentAction, when: boolean) => when && actions.add(action);

  add('take', inStates(t.state, ['new', 'assigned']) && !t.assigneeId);
  // Resuming a pending ticket needs no assignee; starting a new or assigned one does (else: take).
  add('start', t.state === 'pending' || (inStates(t.state, ['new', 'assigned']) && Boolean(t.assigneeId)));
  add('assign', open);
  add('escalate', open && (functionalTargets(t.supportLevel, me.roles).length > 0 || mayEscalateHierarchically(me.roles)));
  add(
    'returnToCoordinator',
    open && Boolean(t.teamId) && t.supportLevel === '2' && me.roles.includes('resolver_l2') && !hasAny(me.roles, COORDINATORS),
  );
  add('proposeSolution', open && t.supportLevel === '3' && me.roles.includes('resolver_l3'));
  add('moreTime', open);
  add('pending', inStates(t.state, ['new', 'assigned', 'in_progress']));
  add('resolve', open && mayResolve(t.supportLevel, me.roles));
  add('close', t.state === 'resolved');
  add('reopen', t.state === 'resolved');
  add('decline', inStates(t.state, ['new', 'assigned']));
  add('cancel', open);
  add('edit', open || t.state === 'resolved');
  add('letterAnswer', t.channel === 'letter' || t.channel === 'e_signature');
  return actions;
}

/** What a requester may do with their own ticket (REQUESTER_EDGES in ticket-state.rules.ts). */
export function requesterActions(state: TicketState): { confirm: boolean; reject: boolean; cancel: boolean; reply: boolean } {
  return {
    confirm: state === 'resolved',
    reject: state === 'resolved',
    cancel: isOpen(state),
    reply: isOpen(state) || state === 'resolved',
  };
}

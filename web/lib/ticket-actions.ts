// Which actions the workspace offers for a ticket, decided by the API's own pure rules
// (src/modules/tickets/ticket-state.rules.ts, escalation.rules.ts), as the portal already does for
// request forms: buttons that cannot succeed stay hidden, and the API still decides every call.
import type { Role } from '../../src/common/auth/roles';
import {
  decideFunctionalEscalation,
  mayEscalateHierarchically as mayEscalateHierarchicallyRule,
  mayResolveAtLevel,
} from '../../src/modules/tickets/escalation.rules';
import { allowedTransitions } from '../../src/modules/tickets/ticket-state.rules';
import { isOpen, SUPPORT_LEVELS, type SupportLevel, type Ticket, type TicketState } from './tickets';

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

const hasAny = (roles: readonly string[], wanted: readonly string[]) => roles.some((r) => wanted.includes(r));
const inStates = (state: TicketState, states: readonly TicketState[]) => states.includes(state);
// The portal holds roles as the API sent them; the rules take the API's role type.
const asRoles = (roles: readonly string[]) => roles as readonly Role[];
const staffMay = (from: TicketState, to: TicketState) => allowedTransitions(from, 'staff').includes(to);

/** Levels a functional escalation may reach from `from` for these roles. */
export function functionalTargets(from: SupportLevel, roles: readonly string[]): SupportLevel[] {
  return SUPPORT_LEVELS.filter((to) => to !== from && decideFunctionalEscalation(from, to, asRoles(roles)).ok);
}

export function mayEscalateHierarchically(roles: readonly string[]): boolean {
  return mayEscalateHierarchicallyRule(asRoles(roles));
}

export function agentActions(ticket: TicketFacts, me: Actor): Set<AgentAction> {
  // The API sends the support level to staff (null only to requesters), and this is the staff workspace.
  const t = { ...ticket, supportLevel: ticket.supportLevel ?? '1' };
  const actions = new Set<AgentAction>();
  const open = isOpen(t.state);
  const add = (action: AgentAction, when: boolean) => when && actions.add(action);

  add('take', inStates(t.state, ['new', 'assigned']) && !t.assigneeId);
  // Resuming a pending ticket needs no assignee; starting a new or assigned one does (else: take).
  add('start', t.state === 'pending' || (inStates(t.state, ['new', 'assigned']) && Boolean(t.assigneeId)));
  add('assign', open);
  add('escalate', open && (functionalTargets(t.supportLevel, me.roles).length > 0 || mayEscalateHierarchically(me.roles)));
  add('returnToCoordinator', open && Boolean(t.teamId) && t.supportLevel === '2' && me.roles.includes('resolver_l2') && !hasAny(me.roles, COORDINATORS));
  add('proposeSolution', open && t.supportLevel === '3' && me.roles.includes('resolver_l3'));
  add('moreTime', open);
  add('pending', staffMay(t.state, 'pending'));
  add('resolve', staffMay(t.state, 'resolved') && mayResolveAtLevel(t.supportLevel, asRoles(me.roles)));
  add('close', staffMay(t.state, 'closed'));
  add('reopen', t.state === 'resolved' && staffMay(t.state, 'in_progress'));
  add('decline', staffMay(t.state, 'declined'));
  add('cancel', staffMay(t.state, 'cancelled'));
  add('edit', open || t.state === 'resolved');
  add('letterAnswer', t.channel === 'letter' || t.channel === 'e_signature');
  return actions;
}

/** What a requester may do with their own ticket (REQUESTER_EDGES in ticket-state.rules.ts). */
export function requesterActions(state: TicketState): { confirm: boolean; reject: boolean; cancel: boolean; reply: boolean } {
  const allowed = allowedTransitions(state, 'requester');
  return {
    confirm: state === 'resolved' && allowed.includes('closed'),
    reject: state === 'resolved' && allowed.includes('in_progress'),
    cancel: allowed.includes('cancelled'),
    reply: isOpen(state) || state === 'resolved',
  };
}

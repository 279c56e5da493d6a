import type { Role } from '../../common/auth/roles';

/**
 * Which tickets an actor may see (SPEC *Security rules*): requesters their own (and, where an
 * admin enabled it for their unit, their unit's); desk-wide roles everything; resolver and
 * field roles their teams' tickets plus those assigned to or opened by them.
 */
export type TicketScope = { kind: 'all' } | { kind: 'teams'; userId: string; teamIds: string[] } | { kind: 'requester'; userId: string; unitId: string | null };

const DESK_WIDE: Role[] = ['agent_l1', 'desk_coordinator', 'director', 'problem_manager', 'change_manager', 'admin'];
const TEAM_SCOPED: Role[] = ['resolver_l2', 'resolver_l3', 'team_coordinator', 'field_technician', 'field_chief'];

export function ticketScope(
  actor: { userId: string; roles: readonly Role[] },
  context: { teamIds: string[]; unitWithSharedTickets: string | null },
): TicketScope {
  if (actor.roles.some((r) => DESK_WIDE.includes(r))) return { kind: 'all' };
  if (actor.roles.some((r) => TEAM_SCOPED.includes(r))) return { kind: 'teams', userId: actor.userId, teamIds: context.teamIds };
  return { kind: 'requester', userId: actor.userId, unitId: context.unitWithSharedTickets };
}

/** Staff act on tickets as agents; a user with only the requester role acts as a requester. */
export function isStaff(roles: readonly Role[]): boolean {
  return roles.some((r) => DESK_WIDE.includes(r) || TEAM_SCOPED.includes(r));
}

/** Letter and e-signature tickets are registered only by the desk coordinator and directors (GIS 2.1 act. 1). */
export function mayRegisterChannel(roles: readonly Role[], channel: string): boolean {
  if (channel === 'letter' || channel === 'e_signature') return roles.some((r) => r === 'desk_coordinator' || r === 'director');
  return true;
}

/** Ticket visible under a scope (used by the service after loading one row). */
export type VisibilityFacts = {
  requesterId: string;
  createdById: string;
  assigneeId: string | null;
  teamId: string | null;
  unitId: string | null;
  escalatedFromTeamId?: string | null;
  approverId?: string | null;
};

export function canSee(scope: TicketScope, t: VisibilityFacts): boolean {
  // Whoever must approve a request sees it, whatever their role.
  if (scope.kind !== 'all' && t.approverId != null && t.approverId === scope.userId) return true;
  switch (scope.kind) {
    case 'all':
      return true;
    case 'teams':
      return (
        t.assigneeId === scope.userId ||
        t.createdById === scope.userId ||
        t.requesterId === scope.userId ||
        (t.teamId !== null && scope.teamIds.includes(t.teamId)) ||
        // The 2nd-level team keeps the ticket it escalated: it must validate the 3rd-level solution.
        (t.escalatedFromTeamId != null && scope.teamIds.includes(t.escalatedFromTeamId))
      );
    case 'requester':
      return t.requesterId === scope.userId || (scope.unitId !== null && t.unitId === scope.unitId);
  }
}

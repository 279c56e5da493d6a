import { canSee, isStaff, mayRegisterChannel, ticketScope } from './ticket-visibility.rules';

const ticket = {
  requesterId: 'req',
  createdById: 'agent',
  assigneeId: null as string | null,
  teamId: 'team-a' as string | null,
  unitId: 'unit-1' as string | null,
};

describe('ticket visibility', () => {
  it('lets desk-wide roles see every ticket', () => {
    for (const role of ['agent_l1', 'desk_coordinator', 'director', 'admin'] as const) {
      expect(canSee(ticketScope({ userId: 'x', roles: [role] }, { teamIds: [], unitWithSharedTickets: null }), ticket)).toBe(true);
    }
  });

  it('limits resolvers to their teams, their assignments and what they opened', () => {
    const scope = ticketScope({ userId: 'r2', roles: ['resolver_l2'] }, { teamIds: ['team-b'], unitWithSharedTickets: null });
    expect(canSee(scope, ticket)).toBe(false);
    expect(canSee(scope, { ...ticket, teamId: 'team-b' })).toBe(true);
    expect(canSee(scope, { ...ticket, assigneeId: 'r2' })).toBe(true);
    expect(canSee(scope, { ...ticket, createdById: 'r2' })).toBe(true);
  });

  it('keeps a ticket visible to the 2nd-level team that escalated it to 3rd level', () => {
    const scope = ticketScope({ userId: 'r2', roles: ['resolver_l2'] }, { teamIds: ['team-l2'], unitWithSharedTickets: null });
    expect(canSee(scope, { ...ticket, teamId: 'team-l3', escalatedFromTeamId: 'team-l2' })).toBe(true);
    expect(canSee(scope, { ...ticket, teamId: 'team-l3', escalatedFromTeamId: 'team-other' })).toBe(false);
  });

  it('shows a request to its approver, whatever their role', () => {
    const head = ticketScope({ userId: 'head', roles: ['requester'] }, { teamIds: [], unitWithSharedTickets: null });
    expect(canSee(head, { ...ticket, requesterId: 'other', approverId: 'head' })).toBe(true);
    expect(canSee(head, { ...ticket, requesterId: 'other', approverId: 'someone-else' })).toBe(false);
  });

  it('limits a requester to their own tickets', () => {
    const scope = ticketScope({ userId: 'req', roles: ['requester'] }, { teamIds: [], unitWithSharedTickets: null });
    expect(canSee(scope, ticket)).toBe(true);
    expect(canSee(scope, { ...ticket, requesterId: 'other' })).toBe(false);
  });

  it('shows a requester their unit’s tickets only when the unit shares them', () => {
    const shared = ticketScope({ userId: 'req2', roles: ['requester'] }, { teamIds: [], unitWithSharedTickets: 'unit-1' });
    expect(canSee(shared, ticket)).toBe(true);
    expect(canSee(shared, { ...ticket, unitId: 'unit-2' })).toBe(false);
    const notShared = ticketScope({ userId: 'req2', roles: ['requester'] }, { teamIds: [], unitWithSharedTickets: null });
    expect(canSee(notShared, ticket)).toBe(false);
  });

  it('treats catalog managers without desk roles as requesters', () => {
    expect(isStaff(['catalog_manager'])).toBe(false);
    expect(isStaff(['requester', 'resolver_l3'])).toBe(true);
  });

  it('reserves letter and e-signature registration to the desk coordinator and directors', () => {
    expect(mayRegisterChannel(['agent_l1'], 'letter')).toBe(false);
    expect(mayRegisterChannel(['agent_l1'], 'e_signature')).toBe(false);
    expect(mayRegisterChannel(['desk_coordinator'], 'letter')).toBe(true);
    expect(mayRegisterChannel(['director'], 'e_signature')).toBe(true);
    expect(mayRegisterChannel(['agent_l1'], 'phone')).toBe(true);
  });
});

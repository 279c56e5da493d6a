import fc from 'fast-check';
import { ticketListQuery } from '../../../src/modules/tickets/dto/tickets.dto';
import { TicketsRepository } from '../../../src/modules/tickets/tickets.repository';
import { canSee, type TicketScope, type VisibilityFacts } from '../../../src/modules/tickets/ticket-visibility.rules';
import { createTestApp, type TestApp } from '../../support/app';
import { createOrganisation, createUser } from '../../support/factories';
import { createTeam } from '../../support/tickets';

/**
 * The JS rule (`canSee`, used after loading one ticket) and the SQL scope (queues, search) are two
 * writings of one rule: on random tickets and actors they must pick exactly the same tickets.
 */
describe('ticket visibility: the JS rule and the SQL scope agree', () => {
  let t: TestApp;
  let users: string[];
  let teams: string[];
  let units: string[];

  beforeAll(async () => {
    t = await createTestApp();
    users = [];
    for (let i = 0; i < 4; i++) users.push((await createUser(t.dataSource, { roles: ['requester'] })).id);
    teams = [];
    for (let i = 0; i < 3; i++) teams.push((await createTeam(t.dataSource, { supportLevel: '2' })).id);
    units = [(await createOrganisation(t.dataSource)).id, (await createOrganisation(t.dataSource)).id];
  });
  afterAll(() => t?.close());

  it('on random tickets and scopes', async () => {
    const repository = t.app.get(TicketsRepository);
    const pick = <T>(xs: () => T[]) => fc.nat({ max: 9 }).map((i) => xs()[i % xs().length]);
    const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 2 });
    const facts: fc.Arbitrary<VisibilityFacts> = fc.record({
      requesterId: pick(() => users),
      createdById: pick(() => users),
      assigneeId: maybe(pick(() => users)),
      teamId: maybe(pick(() => teams)),
      unitId: maybe(pick(() => units)),
      escalatedFromTeamId: maybe(pick(() => teams)),
      approverId: maybe(pick(() => users)),
    });
    const scope: fc.Arbitrary<TicketScope> = fc.oneof(
      fc.constant({ kind: 'all' as const }),
      fc.record({ kind: fc.constant('teams' as const), userId: pick(() => users), teamIds: fc.subarray(teams) }),
      fc.record({ kind: fc.constant('requester' as const), userId: pick(() => users), unitId: maybe(pick(() => units)) }),
    );
    const query = ticketListQuery.parse({ pageSize: '200' });

    await fc.assert(
      fc.asyncProperty(fc.array(facts, { minLength: 1, maxLength: 12 }), scope, async (tickets, s) => {
        await t.dataSource.query(`DELETE FROM tickets`);
        const ids: string[] = [];
        for (const [i, f] of tickets.entries()) {
          const [row] = (await t.dataSource.query(
            `INSERT INTO tickets (number, type, channel, requester_id, created_by_id, assignee_id, team_id, unit_id, escalated_from_team_id, approver_id,
                                  title, description, impact, urgency, priority, version)
             VALUES ($1, 'incident', 'portal', $2, $3, $4, $5, $6, $7, $8, 'Propiedad', 'Caso generado', 'medium', 'medium', 'medium', 1) RETURNING id`,
            [`P-${i}-${Date.now()}`, f.requesterId, f.createdById, f.assigneeId, f.teamId, f.unitId, f.escalatedFromTeamId, f.approverId],
          )) as { id: string }[];
          ids.push(row.id);
        }
        const expected = ids.filter((_, i) => canSee(s, tickets[i])).sort();
        const actor = { userId: s.kind === 'all' ? users[0] : s.userId, teamIds: s.kind === 'teams' ? s.teamIds : [] };
        const listed = (await repository.list(s, actor, query)).items.map((x) => x.id).sort();
        expect(listed).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });
});

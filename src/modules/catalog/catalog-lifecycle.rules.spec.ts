import { decideCatalogAction, teamSlotProblems, visibilityProblem } from './catalog-lifecycle.rules';

describe('decideCatalogAction', () => {
  it.each([
    ['draft', 'edit', { ok: true, to: 'draft', newVersion: false }],
    ['draft', 'publish', { ok: true, to: 'active', newVersion: true }],
    ['active', 'edit', { ok: true, to: 'active', newVersion: true }],
    ['active', 'retire', { ok: true, to: 'retired', newVersion: false }],
    ['retired', 'publish', { ok: true, to: 'active', newVersion: true }],
  ] as const)('%s + %s → %j', (status, action, expected) => {
    expect(decideCatalogAction(status, action)).toEqual(expected);
  });

  it.each([
    ['draft', 'retire'],
    ['active', 'publish'],
    ['retired', 'edit'],
    ['retired', 'retire'],
  ] as const)('refuses %s + %s and names what is allowed', (status, action) => {
    expect(decideCatalogAction(status, action)).toMatchObject({ ok: false, allowed: expect.any(Array) });
  });
});

describe('visibilityProblem', () => {
  it('accepts an open service, and a restricted one that names organisations', () => {
    expect(visibilityProblem({ restricted: false, allowedOrganisationIds: [] })).toBeNull();
    expect(visibilityProblem({})).toBeNull();
    expect(visibilityProblem({ restricted: true, allowedOrganisationIds: ['a'] })).toBeNull();
  });

  it('refuses a service restricted to nobody', () => {
    expect(visibilityProblem({ restricted: true, allowedOrganisationIds: [] })).toMatch(/al menos una organización/);
    expect(visibilityProblem({ restricted: true })).toMatch(/al menos una organización/);
  });
});

describe('teamSlotProblems', () => {
  const levels = new Map([
    ['mesa', '1'],
    ['redes', '2'],
    ['campo', 'field'],
  ]);

  it('accepts each slot filled with a team of its level, and empty slots', () => {
    expect(teamSlotProblems({ teamL1Id: 'mesa', teamL2Id: 'redes', teamL3Id: null, teamFieldId: 'campo' }, levels)).toEqual([]);
    expect(teamSlotProblems({}, levels)).toEqual([]);
  });

  it('names every slot holding a team of another level', () => {
    expect(teamSlotProblems({ teamL1Id: 'redes', teamFieldId: 'mesa' }, levels)).toEqual([
      { field: 'teamL1Id', message: 'el equipo no es de nivel 1' },
      { field: 'teamFieldId', message: 'el equipo no es de soporte en campo' },
    ]);
  });

  it('leaves unknown teams to the foreign key', () => {
    expect(teamSlotProblems({ teamL2Id: 'no-existe' }, levels)).toEqual([]);
  });
});

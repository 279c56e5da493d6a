import { decideFunctionalEscalation, mayEscalateHierarchically, mayResolveAtLevel } from './escalation.rules';

describe('decideFunctionalEscalation', () => {
  it('takes 1st level to 2nd level by default, or to field', () => {
    expect(decideFunctionalEscalation('1', undefined, ['agent_l1'])).toEqual({ ok: true, to: '2' });
    expect(decideFunctionalEscalation('1', 'field', ['agent_l1'])).toEqual({ ok: true, to: 'field' });
    expect(decideFunctionalEscalation('1', '3', ['agent_l1']).ok).toBe(false);
  });

  it('makes a 2nd-level resolver return the ticket to the coordinator instead of jumping to 3rd level', () => {
    expect(decideFunctionalEscalation('2', undefined, ['resolver_l2'])).toMatchObject({ ok: false, hint: 'return_to_coordinator' });
    expect(decideFunctionalEscalation('2', '3', ['team_coordinator'])).toEqual({ ok: true, to: '3' });
    expect(decideFunctionalEscalation('2', '3', ['desk_coordinator'])).toEqual({ ok: true, to: '3' });
  });

  it('has nowhere to go functionally from 3rd level', () => {
    expect(decideFunctionalEscalation('3', undefined, ['team_coordinator']).ok).toBe(false);
  });

  it('lets the field chief send a field ticket to 2nd level', () => {
    expect(decideFunctionalEscalation('field', '2', ['field_chief'])).toEqual({ ok: true, to: '2' });
    expect(decideFunctionalEscalation('field', '2', ['field_technician']).ok).toBe(false);
  });
});

describe('hierarchical escalation and validation', () => {
  it('is for coordinators', () => {
    expect(mayEscalateHierarchically(['team_coordinator'])).toBe(true);
    expect(mayEscalateHierarchically(['desk_coordinator'])).toBe(true);
    expect(mayEscalateHierarchically(['resolver_l2'])).toBe(false);
  });

  it('keeps 3rd-level-only staff from resolving a 3rd-level ticket without 2nd-level validation', () => {
    expect(mayResolveAtLevel('3', ['resolver_l3'])).toBe(false);
    expect(mayResolveAtLevel('3', ['resolver_l2'])).toBe(true);
    expect(mayResolveAtLevel('2', ['resolver_l3'])).toBe(true);
  });
});

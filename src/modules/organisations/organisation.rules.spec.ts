import { checkParent } from './organisation.rules';

describe('checkParent', () => {
  it.each([
    ['dependency', null, true],
    ['dependency', 'dependency', false],
    ['responsible_unit', 'dependency', true],
    ['responsible_unit', null, false],
    ['responsible_unit', 'area', false],
    ['responsible_unit', 'responsible_unit', false],
    ['area', 'responsible_unit', true],
    ['area', 'dependency', false],
    ['area', null, false],
    ['area', 'area', false],
  ] as const)('%s under %s → %s', (kind, parentKind, ok) => {
    expect(checkParent(kind, parentKind ? { kind: parentKind } : null).ok).toBe(ok);
  });

  it('explains which parent kind is required, naming kinds in Spanish rather than by code', () => {
    const r = checkParent('area', { kind: 'dependency' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe('la organización superior debe ser de tipo unidad responsable, no dependencia');
    expect(!r.ok && r.reason).not.toMatch(/responsible_unit|dependency/);
  });
});

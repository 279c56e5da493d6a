import { diffFields, snapshot } from './audit.rules';

describe('diffFields', () => {
  const before = { name: 'A', roles: ['agent_l1'], at: new Date('2026-01-01T00:00:00Z'), vip: false, phone: null as string | null };

  it('lists only the fields that changed, with old and new values', () => {
    const after = { ...before, name: 'B', vip: true };
    expect(diffFields(before, after, ['name', 'roles', 'at', 'vip', 'phone'])).toEqual([
      { field: 'name', oldValue: 'A', newValue: 'B' },
      { field: 'vip', oldValue: false, newValue: true },
    ]);
  });

  it('compares arrays and dates by value', () => {
    const after = { ...before, roles: ['agent_l1'], at: new Date('2026-01-01T00:00:00Z') };
    expect(diffFields(before, after, ['roles', 'at'])).toEqual([]);
    expect(diffFields(before, { ...before, roles: ['agent_l1', 'admin'] }, ['roles'])).toEqual([
      { field: 'roles', oldValue: ['agent_l1'], newValue: ['agent_l1', 'admin'] },
    ]);
  });

  it('treats undefined as null', () => {
    expect(diffFields({ phone: null }, { phone: undefined }, ['phone'])).toEqual([]);
  });
});

describe('snapshot', () => {
  it('keeps only the named fields and serialises dates', () => {
    expect(snapshot({ a: 1, b: new Date('2026-01-01T00:00:00Z'), secret: 'x' }, ['a', 'b'])).toEqual({ a: 1, b: '2026-01-01T00:00:00.000Z' });
  });
});

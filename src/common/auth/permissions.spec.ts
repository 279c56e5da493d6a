import { PERMISSIONS, permissionsOf, rolesHave, type Permission } from './permissions';
import { ROLES, type Role } from './roles';

describe('permission map', () => {
  it('gives every role its own profile', () => {
    for (const role of ROLES) expect(rolesHave([role], 'profile.self')).toBe(true);
  });

  it('never lets a requester read other people or work tickets', () => {
    const denied: Permission[] = [
      'users.read',
      'users.manage',
      'tickets.work',
      'teams.read',
      'audit.read',
      'organisations.read',
      'organisations.manage',
      'tickets.settings.read',
      'tickets.overview',
      'catalog.indicators.read',
    ];
    for (const p of denied) expect(rolesHave(['requester'], p)).toBe(false);
  });

  it('keeps administration to the admin role', () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      expect(rolesHave([role], 'users.manage')).toBe(false);
      expect(rolesHave([role], 'audit.read')).toBe(false);
    }
  });

  it('unions the permissions of several roles', () => {
    expect(permissionsOf(['requester', 'agent_l1'])).toEqual(expect.arrayContaining(['tickets.request', 'tickets.work', 'users.read']));
    expect(permissionsOf([])).toEqual([]);
  });

  it('only names known roles', () => {
    for (const roles of Object.values(PERMISSIONS)) {
      for (const r of roles) expect(ROLES).toContain(r as Role);
    }
  });
});

import { ROLES, type Role } from './roles';

const STAFF: Role[] = ROLES.filter((r) => r !== 'requester');
const WORKERS: Role[] = [
  'agent_l1',
  'resolver_l2',
  'resolver_l3',
  'team_coordinator',
  'field_technician',
  'field_chief',
  'desk_coordinator',
  'director',
  'problem_manager',
  'change_manager',
];

/**
 * The declarative permission map: which roles hold each permission. Every route names
 * exactly one permission (or is public). What each route really answers each role, including
 * the checks services make on rows and roles, is pinned by the reviewed table in
 * test/integration/route-access.table.ts, not derived from this map.
 */
export const PERMISSIONS = {
  'profile.self': [...ROLES],
  'tickets.request': ['requester'],
  'tickets.work': WORKERS,
  /** Open, read and reply to tickets: requesters their own, staff per ticket scope (checked per row). */
  'tickets.use': [...ROLES],
  'tickets.configure': ['admin'],
  /** The coordinators' and directors' overview of the tickets in their scope (counts, oldest open, reopenings). */
  'tickets.overview': ['team_coordinator', 'desk_coordinator', 'director'],
  /** Read the desk's ticket settings (priority matrix): who works tickets, and the admin who edits them. */
  'tickets.settings.read': [...WORKERS, 'admin'],
  'catalog.read': [...ROLES],
  'catalog.manage': ['catalog_manager', 'admin'],
  /** The catalog's indicators (GCS 4.1): its manager and the admin, and the coordinators and directors who answer for the desk. */
  'catalog.indicators.read': ['catalog_manager', 'admin', 'team_coordinator', 'desk_coordinator', 'director'],
  'notifications.self': [...ROLES],
  'roles.read': STAFF,
  'users.read': STAFF,
  'users.manage': ['admin'],
  /** The organisation tree, its heads, e-mails and locations: staff only (a requester's own unit comes with /me). */
  'organisations.read': STAFF,
  'organisations.manage': ['admin'],
  'teams.read': STAFF,
  'teams.manage': ['admin'],
  'audit.read': ['admin'],
  /** Text modules: workers list and insert them; admins (global) and team coordinators (their team's, checked per row) manage them. */
  'textModules.use': [...WORKERS, 'admin'],
  /** Business calendars (hours, holidays, closures): staff read them (SLA times are on them); the admin keeps them. */
  'calendars.read': STAFF,
  'calendars.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleHas(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function rolesHave(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((r) => roleHas(r, permission));
}

export function permissionsOf(roles: readonly Role[]): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => rolesHave(roles, p));
}

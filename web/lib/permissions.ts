import type { Me, Permission } from './api-types';
import { messages } from '@/messages/es-MX';

/** `alsoNeeds`: further permissions the item needs (the requester catalog is for those who can order). */
export type NavItem = { href: string; label: string; permission: Permission; alsoNeeds?: Permission[] };

export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/solicitante', label: messages.nav.requester, permission: 'tickets.request' },
  { href: '/solicitante/catalogo', label: messages.nav.catalog, permission: 'catalog.read', alsoNeeds: ['tickets.request'] },
  { href: '/coordinacion', label: messages.nav.coordination, permission: 'tickets.overview' },
  { href: '/agente', label: messages.nav.agent, permission: 'tickets.work' },
  { href: '/agente/requiere-accion', label: messages.notifications.myAction.nav, permission: 'tickets.work' },
  { href: '/catalogo', label: messages.nav.catalogManage, permission: 'catalog.manage' },
  { href: '/modulos-de-texto', label: messages.nav.textModules, permission: 'textModules.use' },
  { href: '/admin/usuarios', label: messages.nav.users, permission: 'users.manage' },
  { href: '/admin/organizaciones', label: messages.nav.organisations, permission: 'organisations.manage' },
  { href: '/admin/equipos', label: messages.nav.teams, permission: 'teams.manage' },
  { href: '/admin/prioridades', label: messages.nav.priorityMatrix, permission: 'tickets.configure' },
  { href: '/admin/calendarios', label: messages.nav.calendars, permission: 'calendars.manage' },
  { href: '/admin/auditoria', label: messages.nav.audit, permission: 'audit.read' },
  { href: '/perfil', label: messages.nav.profile, permission: 'profile.self' },
];

export function can(me: Pick<Me, 'permissions'>, permission: Permission): boolean {
  return me.permissions.includes(permission);
}

export function navItemsFor(me: Pick<Me, 'permissions'>): NavItem[] {
  return NAV_ITEMS.filter((item) => can(me, item.permission) && (item.alsoNeeds ?? []).every((p) => can(me, p)));
}

/**
 * Where `/` sends a user: coordinators and directors to their overview, other staff to their work
 * queue, requesters to their requests.
 */
export function homePathFor(me: Pick<Me, 'permissions'>): string {
  if (can(me, 'tickets.overview')) return '/coordinacion';
  if (can(me, 'tickets.work')) return '/agente';
  if (can(me, 'tickets.request')) return '/solicitante';
  if (can(me, 'catalog.manage')) return '/catalogo';
  return '/perfil';
}

import 'server-only';
import { serverApiGet } from './api-server';
import type { OrganisationItem, Page, UserItem } from './api-types';
import { messages } from '@/messages/es-MX';

export type Option = { value: string; label: string };

/** Organisations to choose from (parent, a user's unit), named with their kind. */
export async function organisationOptions(): Promise<Option[]> {
  const page = (await serverApiGet('organisations', { page: 1, pageSize: 200 })) as Page<OrganisationItem>;
  return page.items
    .filter((o) => o.isActive)
    .map((o) => ({ value: o.id, label: `${o.name} (${messages.organisationKinds[o.kind] ?? o.kind})` }))
    .sort((a, b) => a.label.localeCompare(b.label, 'es'));
}

/** Active desk staff (anyone who can work tickets): team members and coordinators. */
export async function staffOptions(): Promise<Option[]> {
  const page = (await serverApiGet('users', { staff: 'true', isActive: 'true', page: 1, pageSize: 200 })) as Page<UserItem>;
  return page.items.map((u) => ({ value: u.id, label: `${u.fullName} (${u.email})` }));
}

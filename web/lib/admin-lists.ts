import 'server-only';
import { redirect } from 'next/navigation';
import { serverApiGet } from './api-server';
import { ApiError, type Me, type OrganisationItem, type Page, type Permission, type TeamItem, type UserItem } from './api-types';

export const ADMIN_PAGE_SIZE = 50;

export type AdminListPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export type ListResult<T> = { kind: 'ok'; page: Page<T> } | { kind: 'forbidden' };

export function pageFromSearchParams(params: Record<string, string | string[] | undefined>): number {
  const raw = Array.isArray(params.page) ? params.page[0] : params.page;
  const page = Number(raw);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** One page of an admin list; the API's 403 becomes the forbidden message, 401 the login page. */
export async function loadList<T>(path: string, page: number, filters: Record<string, string | undefined> = {}): Promise<ListResult<T>> {
  try {
    return { kind: 'ok', page: (await serverApiGet(path, { ...filters, page, pageSize: ADMIN_PAGE_SIZE })) as Page<T> };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) redirect('/login');
    if (error instanceof ApiError && error.status === 403) return { kind: 'forbidden' };
    throw error;
  }
}

/**
 * Names for ids shown in a list (coordinator, actor, organisation). Best effort: without the
 * permission to list them the API would refuse, so the page shows ids instead.
 */
async function namesOf<T extends { id: string }>(
  me: Pick<Me, 'permissions'>,
  permission: Permission,
  path: string,
  name: (item: T) => string,
): Promise<Map<string, string>> {
  if (!me.permissions.includes(permission)) return new Map();
  try {
    const list = (await serverApiGet(path, { page: 1, pageSize: 200 })) as Page<T>;
    return new Map(list.items.map((item) => [item.id, name(item)]));
  } catch {
    return new Map();
  }
}

export const userNames = (me: Pick<Me, 'permissions'>) => namesOf<UserItem>(me, 'users.manage', 'users', (u) => u.fullName);

export const organisationNames = (me: Pick<Me, 'permissions'>) => namesOf<OrganisationItem>(me, 'organisations.manage', 'organisations', (o) => o.name);

export const teamNames = (me: Pick<Me, 'permissions'>) => namesOf<TeamItem>(me, 'teams.manage', 'teams', (t) => t.name);

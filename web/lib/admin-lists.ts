import 'server-only';
import { redirect } from 'next/navigation';
import { serverApiGet } from './api-server';
import { ApiError, type Page, type UserItem } from './api-types';

export const ADMIN_PAGE_SIZE = 50;

export type ListResult<T> = { kind: 'ok'; page: Page<T> } | { kind: 'forbidden' };

export function pageFromSearchParams(params: Record<string, string | string[] | undefined>): number {
  const raw = Array.isArray(params.page) ? params.page[0] : params.page;
  const page = Number(raw);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** One page of an admin list; the API's 403 becomes the forbidden message, 401 the login page. */
export async function loadList<T>(path: string, page: number): Promise<ListResult<T>> {
  try {
    return { kind: 'ok', page: await serverApiGet<Page<T>>(path, { page, pageSize: ADMIN_PAGE_SIZE }) };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) redirect('/login');
    if (error instanceof ApiError && error.status === 403) return { kind: 'forbidden' };
    throw error;
  }
}

/**
 * Names for ids shown in a list (coordinator, actor). Best effort: without `users.manage`
 * the API refuses and the page shows ids instead.
 */
export async function userNames(): Promise<Map<string, string>> {
  try {
    const users = await serverApiGet<Page<UserItem>>('users', { page: 1, pageSize: 200 });
    return new Map(users.items.map((u) => [u.id, u.fullName]));
  } catch {
    return new Map();
  }
}

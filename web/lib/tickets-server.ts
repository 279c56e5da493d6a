import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { serverApiGet } from './api-server';
import { ApiError, type Page, type TeamItem, type UserItem } from './api-types';
import type { Article, AttachmentItem, CatalogServiceItem, HistoryItem, Ticket } from './tickets';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 401 → login; anything else is the caller's. */
function loginOn401(error: unknown): never {
  if (error instanceof ApiError && error.status === 401) redirect('/login');
  throw error;
}

/**
 * A ticket the caller may see, or the segment's not-found page. The API answers 404 for
 * tickets outside the caller's scope, so another requester's ticket looks like no ticket.
 */
export async function loadTicket(id: string): Promise<Ticket> {
  if (!UUID.test(id)) notFound();
  try {
    return await serverApiGet(`tickets/${id}`);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) notFound();
    return loginOn401(error);
  }
}

/** A GET the page cannot do without: 401 → login, other errors → the error page. */
export async function requiredGet<T>(path: string, query: Record<string, string | number | undefined> = {}): Promise<T> {
  try {
    // A path built by the caller: the caller names what it answers.
    return (await serverApiGet(path, query)) as T;
  } catch (error) {
    return loginOn401(error);
  }
}

export async function loadConversation(id: string): Promise<Article[]> {
  try {
    return (await serverApiGet(`tickets/${id}/articles`)).items;
  } catch (error) {
    return loginOn401(error);
  }
}

export async function loadHistory(id: string): Promise<HistoryItem[]> {
  try {
    return (await serverApiGet(`tickets/${id}/history`)).items;
  } catch (error) {
    return loginOn401(error);
  }
}

/**
 * For endpoints a page can do without (counters, saved filters, attachments): null when the
 * API does not offer them (404) or refuses them, so the page renders without that part.
 */
export async function optionalGet<T>(path: string, query: Record<string, string | number | undefined> = {}): Promise<T | null> {
  try {
    return (await serverApiGet(path, query)) as T;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) redirect('/login');
    if (error instanceof ApiError && error.status < 500) return null;
    throw error;
  }
}

export async function loadAttachments(ticketId: string): Promise<AttachmentItem[]> {
  return (await optionalGet<{ items: AttachmentItem[] }>(`tickets/${ticketId}/attachments`))?.items ?? [];
}

export async function loadServices(): Promise<CatalogServiceItem[]> {
  const page = await optionalGet<Page<CatalogServiceItem>>('catalog/services', { pageSize: 200 });
  return page?.items ?? [];
}

export async function loadTeams(): Promise<TeamItem[]> {
  const page = await optionalGet<Page<TeamItem>>('teams', { pageSize: 200 });
  return (page?.items ?? []).filter((team) => team.isActive !== false);
}

/** Display names for the people a ticket mentions (authors, history actors); best effort. */
export async function loadUserNames(ids: Iterable<string | null>): Promise<Record<string, string>> {
  const unique = [...new Set([...ids].filter((id): id is string => Boolean(id)))].slice(0, 50);
  const users = await Promise.all(unique.map((id) => optionalGet<UserItem>(`users/${id}`)));
  return Object.fromEntries(users.filter((u): u is UserItem => u !== null).map((u) => [u.id, u.fullName]));
}

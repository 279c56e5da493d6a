import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { serverApiGet } from './api-server';
import { ApiError, type OrganisationItem, type Page, type TeamItem } from './api-types';
import type { ServiceDto, ServiceVersion, SheetChoices } from './catalog';
import { optionalGet, requiredGet } from './tickets-server';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A service the caller may see, or the segment's not-found page. Requesters get 404 for
 * services that are not active, not orderable or closed to their organisation.
 */
export async function loadService(id: string): Promise<ServiceDto> {
  if (!UUID.test(id)) notFound();
  try {
    return await serverApiGet(`catalog/services/${id}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) redirect('/login');
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) notFound();
    throw error;
  }
}

/** Every page of a list the caller may read (teams, organisations); empty when refused. */
async function listAll<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  // The API serves at most 200 a page; 20 pages is far beyond any desk's teams or organisations.
  for (let page = 1; page <= 20; page++) {
    const result = await optionalGet<Page<T>>(path, { page, pageSize: 200 });
    if (!result) break;
    items.push(...result.items);
    if (result.items.length === 0 || items.length >= result.total) break;
  }
  return items;
}

/** The teams and organisations a service sheet refers to, for its selects and for names. */
export async function loadSheetChoices(): Promise<SheetChoices> {
  const [teams, organisations, calendars] = await Promise.all([
    listAll<TeamItem>('teams'),
    listAll<OrganisationItem>('organisations'),
    serverApiGet('calendars').then((r) => r.items.map((c) => ({ code: c.code, name: c.name, isActive: c.isActive }))),
  ]);
  return { teams, organisations, calendars };
}

export async function loadVersions(id: string): Promise<ServiceVersion[]> {
  return (await requiredGet<{ items: ServiceVersion[] }>(`catalog/services/${id}/versions`)).items;
}

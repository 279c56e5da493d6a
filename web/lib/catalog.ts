// Catalog DTOs as the API renders them (src/modules/catalog/catalog.service.ts toDto).
import type { OrganisationItem, Schemas, TeamItem } from './api-types';
import type { Priority } from './tickets';

export type ServiceType = Schemas['Service']['type'];
export const SERVICE_TYPES = ['incident', 'service_request', 'both'] as const satisfies readonly ServiceType[];
export type ServiceStatus = Schemas['Service']['status'];
export const SERVICE_STATUSES = ['draft', 'active', 'retired'] as const satisfies readonly ServiceStatus[];
export type Approval = Schemas['Service']['approval'];
export const APPROVALS = ['none', 'requester_head', 'catalog_owner'] as const satisfies readonly Approval[];

export type SlaTargets = Schemas['Service']['slaTargets'];
export type SlaTarget = NonNullable<SlaTargets[Priority]>;

export type ServiceDto = Schemas['Service'];

/** Services by category, in the API's order (category, then name). */
export function byCategory<T extends { category: string }>(services: T[]): { category: string; services: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const s of services) groups.set(s.category, [...(groups.get(s.category) ?? []), s]);
  return [...groups.entries()].map(([category, items]) => ({ category, services: items }));
}

/** The sheet and form as frozen at publication (the API's FIELDS, without ids or row version). */
export type VersionSnapshot = Partial<Omit<ServiceDto, 'id' | 'version' | 'publishedVersion'>>;

/** GET /catalog/services/:id/versions, newest first. */
export type ServiceVersion = Omit<Schemas['ServiceVersions']['items'][number], 'snapshot'> & { snapshot: VersionSnapshot };

/** GET /indicators/documented-services (src/modules/tickets/ticket-indicators.service.ts). */
export type DocumentedIndicator = Schemas['DocumentedIndicator'];

/** The teams and organisations a service sheet refers to, for its selects and to name them. */
/** `calendars`: the business calendars a service may run on (active ones; empty when the caller may not read them). */
export type SheetChoices = { teams: TeamItem[]; organisations: OrganisationItem[]; calendars?: { code: string; name: string; isActive: boolean }[] };

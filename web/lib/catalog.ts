// Catalog DTOs as the API renders them (src/modules/catalog/catalog.service.ts toDto).
import type { OrganisationItem, TeamItem } from './api-types';
import type { FormField } from './request-form';
import type { Priority } from './tickets';

export const SERVICE_TYPES = ['incident', 'service_request', 'both'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];
export const SERVICE_STATUSES = ['draft', 'active', 'retired'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];
export const APPROVALS = ['none', 'requester_head', 'catalog_owner'] as const;
export type Approval = (typeof APPROVALS)[number];

export type SlaTarget = { responseMinutes: number; resolutionMinutes: number };
export type SlaTargets = Partial<Record<Priority, SlaTarget>>;

export type ServiceDto = {
  id: string;
  code: string;
  name: string;
  description: string | null;
  category: string;
  subcategory: string | null;
  type: ServiceType;
  status: ServiceStatus;
  portalOrderable: boolean;
  teamL1Id: string | null;
  teamL2Id: string | null;
  teamL3Id: string | null;
  teamFieldId: string | null;
  ownerOrganisationId: string | null;
  leadTimeDays: number;
  approval: Approval;
  calendarCode: string;
  slaTargets: SlaTargets;
  restricted: boolean;
  allowedOrganisationIds: string[];
  form: FormField[];
  publishedVersion: number;
  version: number;
};

/** Services by category, in the API's order (category, then name). */
export function byCategory<T extends { category: string }>(services: T[]): { category: string; services: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const s of services) groups.set(s.category, [...(groups.get(s.category) ?? []), s]);
  return [...groups.entries()].map(([category, items]) => ({ category, services: items }));
}

/** The sheet and form as frozen at publication (the API's FIELDS, without ids or row version). */
export type VersionSnapshot = Partial<Omit<ServiceDto, 'id' | 'version' | 'publishedVersion'>>;

/** GET /catalog/services/:id/versions, newest first. */
export type ServiceVersion = { version: number; publishedAt: string; publishedById: string | null; snapshot: VersionSnapshot };

/** GET /indicators/documented-services (src/modules/tickets/ticket-indicators.service.ts). */
export type DocumentedIndicator = {
  provided: number;
  documented: number;
  /** Null while no service has tickets. */
  percentage: number | null;
  incomplete: { id: string; code: string; name: string; missing: string[] }[];
};

/** The teams and organisations a service sheet refers to, for its selects and to name them. */
export type SheetChoices = { teams: TeamItem[]; organisations: OrganisationItem[] };

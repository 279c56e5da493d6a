import { serviceAllowsType, TICKET_TYPES, type CatalogServiceItem, type TicketType } from './tickets';

export type ServiceOptionGroup = { group: string; items: { value: string; label: string }[] };

/** Services grouped by category for a Select, in the catalog's order. */
export function serviceOptions(services: CatalogServiceItem[]): ServiceOptionGroup[] {
  const groups = new Map<string, ServiceOptionGroup>();
  for (const s of services) {
    const group = groups.get(s.category) ?? { group: s.category, items: [] };
    group.items.push({ value: s.id, label: s.name });
    groups.set(s.category, group);
  }
  return [...groups.values()];
}

/** The ticket types the chosen service takes; every type while none is chosen. */
export function typesForService(services: CatalogServiceItem[], serviceId: string | null): TicketType[] {
  const selected = services.find((s) => s.id === serviceId);
  return TICKET_TYPES.filter((type) => !selected || serviceAllowsType(selected, type));
}

/** The type to switch to when a newly chosen service does not take the current one; null keeps it. */
export function typeAfterServiceChange(services: CatalogServiceItem[], serviceId: string | null, current: TicketType): TicketType | null {
  const service = services.find((s) => s.id === serviceId);
  if (!service || serviceAllowsType(service, current)) return null;
  return service.type === 'service_request' ? 'service_request' : 'incident';
}

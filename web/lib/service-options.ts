import type { CatalogServiceItem } from './tickets';

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

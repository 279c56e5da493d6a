import type { SlaTargets } from './entities/catalog-service.entity';

/**
 * "% de servicios proporcionados documentados en el catálogo" (seed 004 indicators): services
 * with a complete sheet ÷ services that actually have tickets. A sheet is complete when it says
 * what the service is, who owns it, who supports it, and its SLA targets for every priority.
 */
export type SheetFacts = {
  description: string | null;
  ownerOrganisationId: string | null;
  teamL1Id: string | null;
  slaTargets: SlaTargets;
  status: string;
};

export const SHEET_REQUIREMENTS = ['description', 'ownerOrganisationId', 'teamL1Id', 'slaTargets'] as const;

export function missingFromSheet(s: SheetFacts): (typeof SHEET_REQUIREMENTS)[number][] {
  const missing: (typeof SHEET_REQUIREMENTS)[number][] = [];
  if (!s.description?.trim()) missing.push('description');
  if (!s.ownerOrganisationId) missing.push('ownerOrganisationId');
  if (!s.teamL1Id) missing.push('teamL1Id');
  if ((['critical', 'high', 'medium', 'low'] as const).some((p) => !s.slaTargets?.[p])) missing.push('slaTargets');
  return missing;
}

export function documentedPercentage(provided: SheetFacts[]): { provided: number; documented: number; percentage: number | null } {
  const documented = provided.filter((s) => missingFromSheet(s).length === 0).length;
  return { provided: provided.length, documented, percentage: provided.length ? Math.round((documented / provided.length) * 1000) / 10 : null };
}

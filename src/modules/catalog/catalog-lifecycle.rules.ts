import type { ServiceStatus } from './entities/catalog-service.entity';

/**
 * Alta, edición y baja de servicios (GCS 4.1–4.3): a draft is published (version 1); editing an
 * active service publishes a new version (open tickets keep theirs); a retired service takes no
 * new tickets and can be published again; a retired sheet is not edited.
 */
export type CatalogAction = 'edit' | 'publish' | 'retire';
export type CatalogDecision = { ok: true; to: ServiceStatus; newVersion: boolean } | { ok: false; message: string; allowed: CatalogAction[] };

const ALLOWED: Record<ServiceStatus, CatalogAction[]> = {
  draft: ['edit', 'publish'],
  active: ['edit', 'retire'],
  retired: ['publish'],
};

export function decideCatalogAction(status: ServiceStatus, action: CatalogAction): CatalogDecision {
  if (!ALLOWED[status].includes(action)) {
    return { ok: false, message: `Un servicio en estado ${status} no admite la acción ${action}.`, allowed: ALLOWED[status] };
  }
  switch (action) {
    case 'edit':
      return { ok: true, to: status, newVersion: status === 'active' };
    case 'publish':
      return { ok: true, to: 'active', newVersion: true };
    case 'retire':
      return { ok: true, to: 'retired', newVersion: false };
  }
}

/**
 * A service restricted to some organisations must name at least one: restricted to none, no
 * requester could ever see or order it. Null when the sheet is consistent.
 */
export function visibilityProblem(sheet: { restricted?: boolean | null; allowedOrganisationIds?: string[] | null }): string | null {
  return sheet.restricted && !(sheet.allowedOrganisationIds ?? []).length ? 'elige al menos una organización para un servicio restringido' : null;
}

/** The support level each team slot of a service sheet takes. */
export const TEAM_SLOTS = { teamL1Id: '1', teamL2Id: '2', teamL3Id: '3', teamFieldId: 'field' } as const;
export type TeamSlot = keyof typeof TEAM_SLOTS;

/**
 * Each team slot holds a team of its own support level (level 1 for teamL1Id, … field for
 * teamFieldId). `levels` maps the chosen teams to their level; a team missing from it is left to
 * the foreign key to report.
 */
export function teamSlotProblems(chosen: Partial<Record<TeamSlot, string | null>>, levels: Map<string, string>): { field: TeamSlot; message: string }[] {
  const problems: { field: TeamSlot; message: string }[] = [];
  for (const [slot, level] of Object.entries(TEAM_SLOTS) as [TeamSlot, string][]) {
    const teamId = chosen[slot];
    if (!teamId || !levels.has(teamId)) continue;
    if (levels.get(teamId) !== level)
      problems.push({ field: slot, message: `el equipo no es de ${level === 'field' ? 'soporte en campo' : `nivel ${level}`}` });
  }
  return problems;
}

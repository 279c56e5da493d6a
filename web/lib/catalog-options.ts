// Choices for the service sheet's team and organisation selects.
import type { OrganisationItem, TeamItem } from './api-types';
import { messages } from '@/messages/es-MX';

const t = messages.catalogAdmin;

export type Option = { value: string; label: string };

/** Each team slot of a service and the support level its teams carry. */
export const TEAM_SLOTS = [
  { key: 'teamL1Id', level: '1', label: t.teamL1 },
  { key: 'teamL2Id', level: '2', label: t.teamL2 },
  { key: 'teamL3Id', level: '3', label: t.teamL3 },
  { key: 'teamFieldId', level: 'field', label: t.teamField },
] as const satisfies readonly { key: string; level: TeamItem['supportLevel']; label: string }[];
export type TeamSlot = (typeof TEAM_SLOTS)[number]['key'];

/**
 * Active teams of the slot's level. The current choice stays listed even when it changed level
 * or was deactivated, so the select still names it instead of going blank.
 */
export function teamOptions(teams: TeamItem[], level: TeamItem['supportLevel'], current: string | null): Option[] {
  const options = teams.filter((team) => team.supportLevel === level && team.isActive !== false).map((team) => ({ value: team.id, label: team.name }));
  if (!current || options.some((o) => o.value === current)) return options;
  const team = teams.find((x) => x.id === current);
  if (!team) return [{ value: current, label: t.unknownRecord(current) }, ...options];
  const name = team.supportLevel === level ? team.name : t.otherLevel(team.name, messages.supportLevels[team.supportLevel] ?? team.supportLevel);
  return [{ value: current, label: team.isActive === false ? t.inactive(name) : name }, ...options];
}

/** "Dependencia › Unidad responsable › Área": names repeat across the tree, paths do not. */
export function organisationPaths(organisations: OrganisationItem[]): Map<string, string> {
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const paths = new Map<string, string>();
  for (const org of organisations) {
    const names: string[] = [];
    const seen = new Set<string>();
    for (let at: OrganisationItem | undefined = org; at && !seen.has(at.id); at = at.parentId ? byId.get(at.parentId) : undefined) {
      seen.add(at.id);
      names.unshift(at.name);
    }
    paths.set(org.id, names.join(' › '));
  }
  return paths;
}

/** Active organisations by path, plus the chosen ones even if inactive or unknown. */
export function organisationOptions(organisations: OrganisationItem[], chosen: readonly string[]): Option[] {
  const paths = organisationPaths(organisations);
  const known = new Set(organisations.map((o) => o.id));
  const options = organisations
    .filter((o) => o.isActive || chosen.includes(o.id))
    .map((o) => ({ value: o.id, label: o.isActive ? (paths.get(o.id) ?? o.name) : t.inactive(paths.get(o.id) ?? o.name) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'es-MX'));
  const unknown = chosen.filter((id) => !known.has(id)).map((id) => ({ value: id, label: t.unknownRecord(id) }));
  return [...unknown, ...options];
}

/** A team's name for read-only views; ids the caller cannot resolve stay recognisable. */
export function teamName(teams: TeamItem[], id: string | null | undefined): string | null {
  if (!id) return null;
  return teams.find((team) => team.id === id)?.name ?? t.unknownRecord(id);
}

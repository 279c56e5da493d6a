import type { OrganisationKind } from './entities/organisation.entity';

/** The parent kind each kind requires: dependencia/entidad → UR → área (seed 004 organisation model). */
export const PARENT_KIND: Record<OrganisationKind, OrganisationKind | null> = {
  dependency: null,
  responsible_unit: 'dependency',
  area: 'responsible_unit',
};

/** How people call each kind (messages name the kind, never its code). */
const KIND_LABEL: Record<OrganisationKind, string> = { dependency: 'dependencia', responsible_unit: 'unidad responsable', area: 'área' };

export type ParentCheck = { ok: true } | { ok: false; reason: string };

export function checkParent(kind: OrganisationKind, parent: { kind: OrganisationKind } | null): ParentCheck {
  const expected = PARENT_KIND[kind];
  if (expected === null) return parent ? { ok: false, reason: 'una dependencia no puede tener organización superior' } : { ok: true };
  if (!parent) return { ok: false, reason: `requiere una organización superior de tipo ${KIND_LABEL[expected]}` };
  if (parent.kind !== expected)
    return { ok: false, reason: `la organización superior debe ser de tipo ${KIND_LABEL[expected]}, no ${KIND_LABEL[parent.kind]}` };
  return { ok: true };
}

import type { Role, SupportLevel } from '../../common/auth/roles';

/**
 * Functional escalation (GIS 2.2 act. 4, GIS 2.3): 1st level hands to 2nd level or field;
 * a 2nd-level resolver cannot jump to 3rd level: they return the ticket to their team
 * coordinator, who escalates it. Hierarchical escalation (coordinator → director) is
 * separate and does not move the ticket.
 */
export type EscalationDecision = { ok: true; to: SupportLevel } | { ok: false; message: string; hint?: 'return_to_coordinator' };

const COORDINATORS: Role[] = ['team_coordinator', 'desk_coordinator', 'director'];

export function decideFunctionalEscalation(from: SupportLevel, requested: SupportLevel | undefined, roles: readonly Role[]): EscalationDecision {
  const to = requested ?? (from === '1' ? '2' : from === '2' ? '3' : from);
  if (from === '3' || from === 'field') {
    if (from === 'field' && (to === '2' || to === '3') && roles.some((r) => COORDINATORS.includes(r) || r === 'field_chief')) return { ok: true, to };
    return {
      ok: false,
      message:
        from === '3'
          ? 'El tercer nivel es el último nivel de escalamiento funcional; use el escalamiento jerárquico.'
          : 'Solo el jefe de soporte en campo o un coordinador puede escalar un ticket de campo.',
    };
  }
  if (from === '1') {
    if (to === '2' || to === 'field') return { ok: true, to };
    return { ok: false, message: 'Desde primer nivel se escala a segundo nivel o a soporte en campo.' };
  }
  // from === '2'
  if (to !== '3') return { ok: false, message: 'Desde segundo nivel solo se escala a tercer nivel.' };
  if (!roles.some((r) => COORDINATORS.includes(r))) {
    return { ok: false, message: 'El segundo nivel regresa el ticket a su coordinador, quien lo escala a tercer nivel.', hint: 'return_to_coordinator' };
  }
  return { ok: true, to };
}

export function mayEscalateHierarchically(roles: readonly Role[]): boolean {
  return roles.some((r) => r === 'team_coordinator' || r === 'desk_coordinator' || r === 'field_chief');
}

/** A 3rd-level solution is validated by 2nd level (GIS 2.3 act. 6): 3rd-level-only staff propose, others resolve. */
export function mayResolveAtLevel(level: SupportLevel, roles: readonly Role[]): boolean {
  if (level !== '3') return true;
  return roles.some((r) => r !== 'resolver_l3' && r !== 'requester');
}

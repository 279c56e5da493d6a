/**
 * Which channel carries each kind of staff notification, given the user's preference. Kinds
 * not listed here (what requesters are told about their own requests) always go both ways.
 * Approvals and major incidents cannot be silenced: an approval nobody sees blocks the request,
 * and a major incident must reach the director at once (GIS 2.5).
 */
export const CHANNELS = ['both', 'in_app', 'email', 'none'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  both: 'En Mesa y por correo',
  in_app: 'Solo en Mesa',
  email: 'Solo por correo',
  none: 'No avisarme',
};

type KindRule = { label: string; description: string; default: Channel; mutable: boolean };

export const PREFERENCE_KINDS = {
  'ticket.assigned': { label: 'Ticket asignado a ti', description: 'Cuando te asignan un ticket.', default: 'both', mutable: true },
  'ticket.escalated': {
    label: 'Ticket escalado a tu equipo',
    description: 'Cuando escalan un ticket a tu equipo (como coordinador) o te nombran resolutor.',
    default: 'both',
    mutable: true,
  },
  'ticket.returned': {
    label: 'Ticket regresado a ti como coordinador',
    description: 'Cuando un resolutor te regresa un ticket con sus motivos.',
    default: 'both',
    mutable: true,
  },
  'ticket.solution_proposed': {
    label: 'Solución propuesta por validar',
    description: 'Cuando el tercer nivel propone una solución que tu equipo debe validar.',
    default: 'both',
    mutable: true,
  },
  'ticket.reopened': { label: 'Ticket reabierto', description: 'Cuando se reabre un ticket que atiendes.', default: 'both', mutable: true },
  'ticket.pending_due': {
    label: 'Recordatorio de «Pendiente hasta»',
    description: 'Cuando llega la fecha que indicaste al dejar un ticket en Pendiente.',
    default: 'both',
    mutable: true,
  },
  'ticket.hierarchical_escalation': {
    label: 'Escalamiento jerárquico',
    description: 'Cuando un coordinador escala un ticket a la dirección.',
    default: 'both',
    mutable: true,
  },
  'ticket.team_queue': {
    label: 'Tickets nuevos en la cola de tu equipo',
    description: 'Cuando llega a la cola de tu equipo un ticket sin resolutor.',
    default: 'none',
    mutable: true,
  },
  'ticket.major_incident': { label: 'Incidente mayor', description: 'Avisos de incidente mayor a la dirección.', default: 'both', mutable: false },
  'ticket.approval_requested': {
    label: 'Aprobaciones que esperan tu decisión',
    description: 'Cuando una solicitud requiere tu autorización.',
    default: 'both',
    mutable: false,
  },
  'catalog.changed': {
    label: 'Cambios en el catálogo de servicios',
    description: 'Altas, modificaciones y bajas de servicios que atiendes.',
    default: 'in_app',
    mutable: true,
  },
} as const satisfies Record<string, KindRule>;
export type PreferenceKind = keyof typeof PREFERENCE_KINDS;

/**
 * The kinds a person is offered: desk staff all of them; anyone else only approvals (any
 * titular may be asked to approve), since the other notices never reach them.
 */
export function kindsOffered(isDeskStaff: boolean): PreferenceKind[] {
  const all = Object.keys(PREFERENCE_KINDS) as PreferenceKind[];
  return isDeskStaff ? all : all.filter((k) => k === 'ticket.approval_requested');
}

/** Catalog publications, changes and retirements share one preference. */
export function preferenceKindOf(kind: string): PreferenceKind | null {
  if (kind.startsWith('catalog.')) return 'catalog.changed';
  return kind in PREFERENCE_KINDS ? (kind as PreferenceKind) : null;
}

export type Delivery = { inApp: boolean; email: boolean };

/** The channels a notification of `kind` takes for a user whose stored preference is `stored` (undefined: none stored). */
export function deliveryFor(kind: string, stored: string | undefined): Delivery {
  const key = preferenceKindOf(kind);
  if (!key) return { inApp: true, email: true };
  const rule: KindRule = PREFERENCE_KINDS[key];
  const channel: Channel = rule.mutable && isChannel(stored) ? stored : rule.default;
  return { inApp: channel === 'both' || channel === 'in_app', email: channel === 'both' || channel === 'email' };
}

export const isChannel = (v: unknown): v is Channel => typeof v === 'string' && (CHANNELS as readonly string[]).includes(v);

export type PreferenceDecision = { ok: true; kind: PreferenceKind; channel: Channel } | { ok: false; field: 'kind' | 'channel'; message: string };

/**
 * Whether a user may store this preference: the kind must be one they are offered (kindsOffered)
 * and not one nobody may silence.
 */
export function decidePreference(kind: string, channel: string, isDeskStaff = true): PreferenceDecision {
  if (!(kind in PREFERENCE_KINDS)) return { ok: false, field: 'kind', message: 'Ese tipo de aviso no existe.' };
  if (!kindsOffered(isDeskStaff).includes(kind as PreferenceKind))
    return { ok: false, field: 'kind', message: 'Ese tipo de aviso no te llega; no tiene preferencia.' };
  const rule: KindRule = PREFERENCE_KINDS[kind as PreferenceKind];
  if (!isChannel(channel)) return { ok: false, field: 'channel', message: 'Elige cómo quieres recibir el aviso.' };
  if (!rule.mutable) return { ok: false, field: 'kind', message: `«${rule.label}» se avisa siempre en Mesa y por correo; no puede cambiarse.` };
  return { ok: true, kind: kind as PreferenceKind, channel };
}

import { PRIORITY_LABEL } from './priority.rules';
import { type HistoryFacts, type HistoryViewer, historyVisibility } from './history-visibility.rules';

/**
 * Who hears about what (SPEC: declining and closing tell the requester, more time is explained
 * to the requester, major incidents alert the director of operations at once, GIS 2.5; staff
 * hear of what needs them: assignment, escalation to their team or to them as named resolver
 * (GIS 2.2 act. 4), return to the coordinator (GIS 2.3 act. 4), a third-level proposal to
 * validate (GIS 2.3 act. 6), reopening, hierarchical escalation).
 *
 * Audiences other than `requester` and `approver` are staff-only: the handler drops anyone
 * who is not desk staff, so a requester never receives an internal notice.
 */
export type Audience =
  | 'requester'
  | 'approver'
  /** The assignee (a named resolver), or the team's coordinator while nobody is assigned. */
  | 'assignee_or_team_coordinator'
  /** Whoever validates a third-level proposal: the coordinator of the team it was escalated from (else of its team). */
  | 'validator'
  /** Team members who opted in to hear of tickets arriving at their team's queue (default off). */
  | 'team_queue'
  | 'directors'
  /** Directors and desk coordinators. */
  | 'hierarchy';
export const STAFF_AUDIENCES: readonly Audience[] = ['assignee_or_team_coordinator', 'validator', 'team_queue', 'directors', 'hierarchy'];
/** `reason` is what the e-mail may quote: for the requester, only what history-visibility.rules lets them read. */
export type NotificationPlan = { audience: Audience; kind: string; title: string; body: string; reason: string | null };
/** Facts of the ticket as it stands after the event. */
export type TicketNoticeFacts = { priority: string | null; hasAssignee: boolean; hasTeam: boolean };

const LEVEL_LABELS: Record<string, string> = { '1': 'primer nivel', '2': 'segundo nivel', '3': 'tercer nivel', field: 'soporte en campo' };
const priorityText = (p: string | null) => {
  const label = p ? (PRIORITY_LABEL as Record<string, string>)[p] : undefined;
  return label ? ` Prioridad ${label}.` : '';
};

type Payload = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The history row an event's reason was written on; rows this does not know are hidden by the visibility rule. */
function reasonRow(event: string, p: Payload): HistoryFacts {
  const row = { field: null, oldValue: null, newValue: null, reason: str(p.reason) || null, internal: false, actorId: str(p.actorId) || null };
  switch (event) {
    case 'ticket.declined':
    case 'ticket.resolved':
    case 'ticket.closed':
    case 'ticket.state_changed':
      // The event names the state it entered; only a generic state change carries it in the payload.
      return {
        ...row,
        action: 'transition',
        field: 'state',
        oldValue: str(p.from) || null,
        newValue: event === 'ticket.state_changed' ? str(p.to) || null : event.slice('ticket.'.length),
      };
    case 'ticket.approved':
    case 'ticket.approval_rejected':
      return { ...row, action: 'approval', field: 'approvalStatus' };
    case 'ticket.more_time':
      return { ...row, action: 'more_time' };
    default:
      return { ...row, action: event };
  }
}

/** An event's reason as the viewer may read it (the same rule as the ticket's history). */
export function reasonFor(event: string, p: Payload, viewer: HistoryViewer): string | null {
  const row = reasonRow(event, p);
  return historyVisibility(row, viewer) === 'show' ? row.reason : null;
}

const NO_FACTS: TicketNoticeFacts = { priority: null, hasAssignee: false, hasTeam: false };

export function planTicketNotification(
  event: string,
  number: string,
  title: string,
  p: Payload,
  requesterId: string,
  facts: TicketNoticeFacts = NO_FACTS,
): NotificationPlan[] {
  const forRequester = reasonFor(event, p, { kind: 'requester', userId: requesterId });
  const forStaff = str(p.reason) || null;
  return plan(event, number, title, p, forRequester ?? '', facts).map((n) => ({
    ...n,
    reason: n.audience === 'requester' ? forRequester : STAFF_AUDIENCES.includes(n.audience) ? forStaff : null,
  }));
}

type Planned = Omit<NotificationPlan, 'reason'>;

/** A ticket that reached a team's queue with nobody assigned: members who opted in hear of it. */
function queued(number: string, title: string, f: TicketNoticeFacts): Planned[] {
  return f.hasTeam && !f.hasAssignee
    ? [
        {
          audience: 'team_queue',
          kind: 'ticket.team_queue',
          title: `Nuevo ticket en la cola de tu equipo: ${number}`,
          body: `«${title}» espera resolutor.${priorityText(f.priority)}`,
        },
      ]
    : [];
}

function plan(event: string, number: string, title: string, p: Payload, requesterReason: string, f: TicketNoticeFacts): Planned[] {
  const because = p.reason ? ` Motivo: ${str(p.reason)}` : '';
  switch (event) {
    case 'ticket.created':
      return [
        { audience: 'requester', kind: event, title: `Recibimos tu solicitud ${number}`, body: `«${title}» quedó registrada; te avisaremos de cada avance.` },
        ...queued(number, title, f),
      ];
    case 'ticket.assigned':
      if (p.returned === true)
        return [
          {
            audience: 'assignee_or_team_coordinator',
            kind: 'ticket.returned',
            title: `Te regresaron el ticket ${number}`,
            body: `El resolutor te regresó «${title}» como coordinador.${because}`,
          },
        ];
      return [
        {
          audience: 'assignee_or_team_coordinator',
          kind: event,
          title: f.hasAssignee ? `Te asignaron el ticket ${number}` : `Ticket ${number} asignado a tu equipo`,
          body: `«${title}» está en ${f.hasAssignee ? 'tu bandeja' : 'la cola de tu equipo'}.${priorityText(f.priority)}${because}`,
        },
        ...(p.teamChanged === true ? queued(number, title, f) : []),
      ];
    case 'ticket.solution_proposed':
      return [
        {
          audience: 'validator',
          kind: event,
          title: `Solución propuesta para el ticket ${number}`,
          body: `El tercer nivel propuso una solución para «${title}»: revísala, valídala y regístrala.`,
        },
      ];
    case 'ticket.reopened':
      return [
        {
          audience: 'assignee_or_team_coordinator',
          kind: event,
          title: `Se reabrió el ticket ${number}`,
          body: `«${title}» volvió a En atención.${priorityText(f.priority)}${because}`,
        },
      ];
    case 'ticket.declined':
      return [{ audience: 'requester', kind: event, title: `Tu solicitud ${number} fue declinada`, body: `Motivo: ${requesterReason}` }];
    case 'ticket.resolved':
      return [
        {
          audience: 'requester',
          kind: event,
          title: `Tu solicitud ${number} fue resuelta`,
          body: 'Revisa la solución y confírmala, o recházala indicando por qué.',
        },
      ];
    case 'ticket.closed':
      return [{ audience: 'requester', kind: event, title: `Tu solicitud ${number} se cerró`, body: `«${title}» quedó atendida.` }];
    case 'ticket.more_time':
      return [{ audience: 'requester', kind: event, title: `Tu solicitud ${number} requiere más tiempo`, body: requesterReason }];
    case 'ticket.public_reply':
      return [
        {
          audience: 'requester',
          kind: event,
          title: `Nueva respuesta en tu solicitud ${number}`,
          body: `Hay una respuesta de la mesa de servicio en «${title}».`,
        },
      ];
    case 'ticket.escalated':
      return p.kind === 'hierarchical'
        ? [
            {
              audience: 'hierarchy',
              kind: 'ticket.hierarchical_escalation',
              title: `Escalamiento jerárquico del ticket ${number}`,
              body: `«${title}».${priorityText(str(p.priority) || f.priority)}${because}`,
            },
          ]
        : [
            {
              audience: 'assignee_or_team_coordinator',
              kind: event,
              title: `Ticket ${number} escalado a ${LEVEL_LABELS[str(p.to)] ?? 'otro nivel'}`,
              body: `«${title}» llegó ${f.hasAssignee ? 'a ti como resolutor' : 'a tu equipo'} y requiere tu atención.${priorityText(f.priority)}${because}`,
            },
            ...queued(number, title, f),
          ];
    case 'ticket.major_incident':
      return [
        {
          audience: 'directors',
          kind: event,
          title: `Incidente mayor: ${number}`,
          body: `«${title}».${priorityText(f.priority)} Asigna al equipo para su atención inmediata.`,
        },
      ];
    case 'ticket.approval_requested':
      return [
        {
          audience: 'approver',
          kind: event,
          title: `La solicitud ${number} espera tu aprobación`,
          body: `«${title}» requiere tu autorización para atenderse.`,
        },
      ];
    case 'ticket.approved':
      return [{ audience: 'requester', kind: event, title: `Tu solicitud ${number} fue aprobada`, body: 'La mesa de servicio ya puede atenderla.' }];
    case 'ticket.approval_rejected':
      return [{ audience: 'requester', kind: event, title: `Tu solicitud ${number} no fue aprobada`, body: `Motivo: ${requesterReason}` }];
    default:
      return [];
  }
}

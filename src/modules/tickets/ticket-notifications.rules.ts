import { type HistoryFacts, type HistoryViewer, historyVisibility } from './history-visibility.rules';

/**
 * Who hears about what (SPEC: declining and closing tell the requester, more time is explained
 * to the requester, major incidents alert the director of operations at once, GIS 2.5).
 */
export type Audience = 'requester' | 'assignee_or_team_coordinator' | 'directors' | 'approver';
/** `reason` is what the e-mail may quote: for the requester, only what history-visibility.rules lets them read. */
export type NotificationPlan = { audience: Audience; kind: string; title: string; body: string; reason: string | null };

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

export function planTicketNotification(event: string, number: string, title: string, p: Payload, requesterId: string): NotificationPlan[] {
  const forRequester = reasonFor(event, p, { kind: 'requester', userId: requesterId });
  const forStaff = str(p.reason) || null;
  return plan(event, number, title, p, forRequester ?? '').map((n) => ({
    ...n,
    reason: n.audience === 'requester' ? forRequester : n.audience === 'approver' ? null : forStaff,
  }));
}

function plan(event: string, number: string, title: string, p: Payload, requesterReason: string): Omit<NotificationPlan, 'reason'>[] {
  switch (event) {
    case 'ticket.created':
      return [
        { audience: 'requester', kind: event, title: `Recibimos tu solicitud ${number}`, body: `«${title}» quedó registrada; te avisaremos de cada avance.` },
      ];
    case 'ticket.assigned':
      return [
        {
          audience: 'assignee_or_team_coordinator',
          kind: event,
          title: `Ticket ${number} asignado`,
          body: `«${title}» está en tu bandeja.${p.reason ? ` Motivo: ${str(p.reason)}` : ''}`,
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
              audience: 'directors',
              kind: event,
              title: `Escalamiento jerárquico del ticket ${number}`,
              body: `Prioridad ${str(p.priority)}. Motivo: ${str(p.reason)}`,
            },
          ]
        : [
            {
              audience: 'assignee_or_team_coordinator',
              kind: event,
              title: `Ticket ${number} escalado a nivel ${str(p.to)}`,
              body: `«${title}» requiere tu atención.`,
            },
          ];
    case 'ticket.major_incident':
      return [{ audience: 'directors', kind: event, title: `Incidente mayor: ${number}`, body: `«${title}». Asigne el equipo para su atención inmediata.` }];
    case 'ticket.approval_requested':
      return [
        { audience: 'approver', kind: event, title: `Solicitud ${number} espera su aprobación`, body: `«${title}» requiere su autorización para atenderse.` },
      ];
    case 'ticket.approved':
      return [{ audience: 'requester', kind: event, title: `Tu solicitud ${number} fue aprobada`, body: 'La mesa de servicio ya puede atenderla.' }];
    case 'ticket.approval_rejected':
      return [{ audience: 'requester', kind: event, title: `Tu solicitud ${number} no fue aprobada`, body: `Motivo: ${requesterReason}` }];
    default:
      return [];
  }
}

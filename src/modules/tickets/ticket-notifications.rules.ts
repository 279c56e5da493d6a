/**
 * Who hears about what (SPEC: declining and closing tell the requester, more time is explained
 * to the requester, major incidents alert the director of operations at once, GIS 2.5).
 */
export type Audience = 'requester' | 'assignee_or_team_coordinator' | 'directors' | 'approver';
export type NotificationPlan = { audience: Audience; kind: string; title: string; body: string };

type Payload = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function planTicketNotification(event: string, number: string, title: string, p: Payload): NotificationPlan[] {
  switch (event) {
    case 'ticket.created':
      return [{ audience: 'requester', kind: event, title: `Recibimos tu solicitud ${number}`, body: `«${title}» quedó registrada; te avisaremos de cada avance.` }];
    case 'ticket.assigned':
      return [{ audience: 'assignee_or_team_coordinator', kind: event, title: `Ticket ${number} asignado`, body: `«${title}» está en tu bandeja.${p.reason ? ` Motivo: ${str(p.reason)}` : ''}` }];
    case 'ticket.declined':
      return [{ audience: 'requester', kind: event, title: `Tu solicitud ${number} fue declinada`, body: `Motivo: ${str(p.reason)}` }];
    case 'ticket.resolved':
      return [{ audience: 'requester', kind: event, title: `Tu solicitud ${number} fue resuelta`, body: 'Revisa la solución y confírmala, o recházala indicando por qué.' }];
    case 'ticket.closed':
      return [{ audience: 'requester', kind: event, title: `Tu solicitud ${number} se cerró`, body: `«${title}» quedó atendida.` }];
    case 'ticket.more_time':
      return [{ audience: 'requester', kind: event, title: `Tu solicitud ${number} requiere más tiempo`, body: str(p.reason) }];
    case 'ticket.public_reply':
      return [{ audience: 'requester', kind: event, title: `Nueva respuesta en tu solicitud ${number}`, body: `Hay una respuesta de la mesa de servicio en «${title}».` }];
    case 'ticket.escalated':
      return p.kind === 'hierarchical'
        ? [{ audience: 'directors', kind: event, title: `Escalamiento jerárquico del ticket ${number}`, body: `Prioridad ${str(p.priority)}. Motivo: ${str(p.reason)}` }]
        : [{ audience: 'assignee_or_team_coordinator', kind: event, title: `Ticket ${number} escalado a nivel ${str(p.to)}`, body: `«${title}» requiere tu atención.` }];
    case 'ticket.major_incident':
      return [{ audience: 'directors', kind: event, title: `Incidente mayor: ${number}`, body: `«${title}». Asigne el equipo para su atención inmediata.` }];
    case 'ticket.approval_requested':
      return [{ audience: 'approver', kind: event, title: `Solicitud ${number} espera su aprobación`, body: `«${title}» requiere su autorización para atenderse.` }];
    case 'ticket.approved':
      return [{ audience: 'requester', kind: event, title: `Tu solicitud ${number} fue aprobada`, body: 'La mesa de servicio ya puede atenderla.' }];
    case 'ticket.approval_rejected':
      return [{ audience: 'requester', kind: event, title: `Tu solicitud ${number} no fue aprobada`, body: `Motivo: ${str(p.reason)}` }];
    default:
      return [];
  }
}

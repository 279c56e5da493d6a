import { planTicketNotification } from './ticket-notifications.rules';

describe('planTicketNotification', () => {
  it('tells the requester why a ticket was declined', () => {
    expect(planTicketNotification('ticket.declined', '2026-000001', 'Alta de correo', { reason: 'No es un servicio de la DGTIT' })).toEqual([
      { audience: 'requester', kind: 'ticket.declined', title: 'Tu solicitud 2026-000001 fue declinada', body: 'Motivo: No es un servicio de la DGTIT' },
    ]);
  });

  it('alerts the directors of a major incident and of a hierarchical escalation', () => {
    expect(planTicketNotification('ticket.major_incident', 'N', 'Caída del SAP', {})[0].audience).toBe('directors');
    expect(planTicketNotification('ticket.escalated', 'N', 'x', { kind: 'hierarchical', priority: 'critical', reason: 'r' })[0].audience).toBe('directors');
    expect(planTicketNotification('ticket.escalated', 'N', 'x', { kind: 'functional', to: '2' })[0].audience).toBe('assignee_or_team_coordinator');
  });

  it('explains to the requester that more time is needed', () => {
    expect(planTicketNotification('ticket.more_time', 'N', 'x', { reason: 'Se espera refacción del proveedor' })[0]).toMatchObject({ audience: 'requester', body: 'Se espera refacción del proveedor' });
  });

  it('asks the approver, and tells the requester the decision', () => {
    expect(planTicketNotification('ticket.approval_requested', 'N', 'Acceso', {})[0].audience).toBe('approver');
    expect(planTicketNotification('ticket.approval_rejected', 'N', 'Acceso', { reason: 'No procede' })[0]).toMatchObject({ audience: 'requester', body: 'Motivo: No procede' });
  });

  it('is silent for events nobody needs to hear about', () => {
    expect(planTicketNotification('ticket.state_changed', 'N', 'x', {})).toEqual([]);
  });
});

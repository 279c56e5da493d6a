import { planTicketNotification, reasonFor } from './ticket-notifications.rules';

describe('planTicketNotification', () => {
  it('tells the requester why a ticket was declined', () => {
    expect(planTicketNotification('ticket.declined', '2026-000001', 'Alta de correo', { reason: 'No es un servicio de la DGTIT' }, 'req')).toEqual([
      {
        audience: 'requester',
        kind: 'ticket.declined',
        title: 'Tu solicitud 2026-000001 fue declinada',
        body: 'Motivo: No es un servicio de la DGTIT',
        reason: 'No es un servicio de la DGTIT',
      },
    ]);
  });

  it('alerts the directors of a major incident and of a hierarchical escalation', () => {
    expect(planTicketNotification('ticket.major_incident', 'N', 'Caída del SAP', {}, 'req')[0].audience).toBe('directors');
    expect(planTicketNotification('ticket.escalated', 'N', 'x', { kind: 'hierarchical', priority: 'critical', reason: 'r' }, 'req')[0].audience).toBe(
      'directors',
    );
    expect(planTicketNotification('ticket.escalated', 'N', 'x', { kind: 'functional', to: '2' }, 'req')[0].audience).toBe('assignee_or_team_coordinator');
  });

  it('explains to the requester that more time is needed', () => {
    expect(planTicketNotification('ticket.more_time', 'N', 'x', { reason: 'Se espera refacción del proveedor' }, 'req')[0]).toMatchObject({
      audience: 'requester',
      body: 'Se espera refacción del proveedor',
    });
  });

  it('asks the approver, and tells the requester the decision', () => {
    expect(planTicketNotification('ticket.approval_requested', 'N', 'Acceso', {}, 'req')[0].audience).toBe('approver');
    expect(planTicketNotification('ticket.approval_rejected', 'N', 'Acceso', { reason: 'No procede' }, 'req')[0]).toMatchObject({
      audience: 'requester',
      body: 'Motivo: No procede',
    });
  });

  it('quotes to the requester only the reasons their ticket’s history shows them', () => {
    // A resolution's note and a closing agent's remark are working notes (history-visibility.rules).
    expect(
      reasonFor('ticket.resolved', { to: 'resolved', reason: 'El usuario no sabe usar Excel', actorId: 'agent' }, { kind: 'requester', userId: 'req' }),
    ).toBeNull();
    expect(planTicketNotification('ticket.closed', 'N', 'x', { to: 'closed', reason: 'Cerrado sin respuesta', actorId: 'agent' }, 'req')[0]).toMatchObject({
      audience: 'requester',
      reason: null,
    });
    expect(planTicketNotification('ticket.declined', 'N', 'x', { to: 'declined', reason: 'Fuera del catálogo' }, 'req')[0].reason).toBe('Fuera del catálogo');
    // Staff are told the routing reason; an event the rule does not know quotes nothing to a requester.
    expect(planTicketNotification('ticket.assigned', 'N', 'x', { reason: 'Requiere tercer nivel' }, 'req')[0]).toMatchObject({
      audience: 'assignee_or_team_coordinator',
      reason: 'Requiere tercer nivel',
    });
    expect(reasonFor('ticket.assigned', { reason: 'Requiere tercer nivel' }, { kind: 'requester', userId: 'req' })).toBeNull();
  });

  it('is silent for events nobody needs to hear about', () => {
    expect(planTicketNotification('ticket.state_changed', 'N', 'x', {}, 'req')).toEqual([]);
  });
});

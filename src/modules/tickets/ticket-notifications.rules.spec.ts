import fc from 'fast-check';
import { planTicketNotification, reasonFor, STAFF_AUDIENCES, type TicketNoticeFacts } from './ticket-notifications.rules';

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

  it('alerts the directors of a major incident and the hierarchy of a hierarchical escalation', () => {
    expect(planTicketNotification('ticket.major_incident', 'N', 'Caída del SAP', {}, 'req')[0].audience).toBe('directors');
    expect(planTicketNotification('ticket.escalated', 'N', 'x', { kind: 'hierarchical', priority: 'critical', reason: 'r' }, 'req')[0]).toMatchObject({
      audience: 'hierarchy',
      kind: 'ticket.hierarchical_escalation',
      body: '«x». Prioridad Crítica. Motivo: r',
    });
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

  const facts = (f: Partial<TicketNoticeFacts> = {}): TicketNoticeFacts => ({ priority: 'high', hasAssignee: true, hasTeam: true, ...f });
  const kinds = (event: string, p: Record<string, unknown>, f?: Partial<TicketNoticeFacts>) =>
    planTicketNotification(event, '2026-000007', 'Sin red', p, 'req', facts(f)).map((n) => `${n.audience}:${n.kind}`);

  it.each<[string, string, Record<string, unknown>, Partial<TicketNoticeFacts>, string[]]>([
    ['assigned to a resolver', 'ticket.assigned', {}, {}, ['assignee_or_team_coordinator:ticket.assigned']],
    [
      'assigned to a team nobody has taken',
      'ticket.assigned',
      { teamChanged: true },
      { hasAssignee: false },
      ['assignee_or_team_coordinator:ticket.assigned', 'team_queue:ticket.team_queue'],
    ],
    ['re-assigned within the same team', 'ticket.assigned', { teamChanged: false }, { hasAssignee: false }, ['assignee_or_team_coordinator:ticket.assigned']],
    ['returned to the coordinator', 'ticket.assigned', { returned: true, reason: 'No es de redes' }, {}, ['assignee_or_team_coordinator:ticket.returned']],
    ['escalated to a named resolver', 'ticket.escalated', { kind: 'functional', to: '3' }, {}, ['assignee_or_team_coordinator:ticket.escalated']],
    [
      'escalated to a team',
      'ticket.escalated',
      { kind: 'functional', to: '3' },
      { hasAssignee: false },
      ['assignee_or_team_coordinator:ticket.escalated', 'team_queue:ticket.team_queue'],
    ],
    ['escalated to the director', 'ticket.escalated', { kind: 'hierarchical', priority: 'critical' }, {}, ['hierarchy:ticket.hierarchical_escalation']],
    ['given a proposed solution', 'ticket.solution_proposed', {}, {}, ['validator:ticket.solution_proposed']],
    ['reopened', 'ticket.reopened', { reason: 'Sigue sin red' }, {}, ['assignee_or_team_coordinator:ticket.reopened']],
    ['declared a major incident', 'ticket.major_incident', {}, {}, ['directors:ticket.major_incident']],
    ['registered for a team queue', 'ticket.created', {}, { hasAssignee: false }, ['requester:ticket.created', 'team_queue:ticket.team_queue']],
    ['registered without a team', 'ticket.created', {}, { hasAssignee: false, hasTeam: false }, ['requester:ticket.created']],
  ])('tells the right people when a ticket is %s', (_name, event, p, f, expected) => {
    expect(kinds(event, p, f)).toEqual(expected);
  });

  it('writes priorities and levels in Spanish, never as codes', () => {
    const texts = [
      ...planTicketNotification('ticket.escalated', 'N', 'x', { kind: 'functional', to: '3' }, 'req', facts({ priority: 'critical' })),
      ...planTicketNotification('ticket.assigned', 'N', 'x', {}, 'req', facts({ priority: 'medium' })),
      ...planTicketNotification('ticket.escalated', 'N', 'x', { kind: 'hierarchical', priority: 'low' }, 'req', facts()),
    ].map((n) => `${n.title} ${n.body}`);
    expect(texts.join(' ')).toMatch(/Crítica/);
    expect(texts.join(' ')).toMatch(/tercer nivel/);
    for (const text of texts) expect(text).not.toMatch(/\b(critical|high|medium|low|functional|hierarchical)\b/);
  });

  it('never addresses a staff-only notice to the requester, nor quotes a staff reason to them', () => {
    const events = ['ticket.assigned', 'ticket.escalated', 'ticket.solution_proposed', 'ticket.reopened', 'ticket.major_incident'];
    fc.assert(
      fc.property(
        fc.constantFrom(...events),
        fc.record({
          reason: fc.string(),
          returned: fc.boolean(),
          teamChanged: fc.boolean(),
          kind: fc.constantFrom('functional', 'hierarchical'),
          to: fc.constantFrom('2', '3'),
        }),
        fc.record({ priority: fc.constantFrom('critical', 'high', null), hasAssignee: fc.boolean(), hasTeam: fc.boolean() }),
        (event, p, f) => {
          for (const n of planTicketNotification(event, 'N', 'x', p, 'req', f)) {
            expect(n.audience).not.toBe('requester');
            expect(STAFF_AUDIENCES).toContain(n.audience);
          }
        },
      ),
    );
  });
});

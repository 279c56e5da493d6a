import fc from 'fast-check';
import { LINK_KINDS } from './entities/ticket-link.entity';
import {
  type HistoryDecision,
  type HistoryFacts,
  type HistoryViewer,
  historyViewer,
  historyVisibility,
  liveAudience,
  viewHistoryRow,
} from './history-visibility.rules';

const AGENT = 'agent-1';
const REQUESTER = 'req-1';
const staff: HistoryViewer = { kind: 'staff' };
const requester: HistoryViewer = { kind: 'requester', userId: REQUESTER };
const reader: HistoryViewer = { kind: 'reader', userId: 'colleague' };

const row = (r: Partial<HistoryFacts> & Pick<HistoryFacts, 'action'>): HistoryFacts => ({
  field: null,
  oldValue: null,
  newValue: null,
  reason: null,
  internal: false,
  actorId: AGENT,
  ...r,
});

const EDITABLE = ['type', 'serviceId', 'category', 'title', 'description', 'impact', 'urgency', 'isMajor', 'letterNumber', 'letterAnswer'];

/**
 * Every history row the writers produce (grep `action: '` in src/modules/tickets), with what the
 * requester and another reader (approver, unit colleague) get. Staff always get 'show'.
 */
const TABLE: [string, HistoryFacts, HistoryDecision, HistoryDecision][] = [
  // TicketsService.create
  [
    'create on behalf',
    row({ action: 'create', field: 'state', newValue: 'new', reason: 'Registrado a nombre del solicitante (canal: teléfono)' }),
    'show',
    'show',
  ],
  [
    'priority at creation (VIP)',
    row({ action: 'field', field: 'priority', newValue: 'high', reason: 'Solicitante VIP: prioridad mínima Alta' }),
    'redact_reason',
    'redact_reason',
  ],
  ['approval requested', row({ action: 'approval', field: 'approvalStatus', newValue: 'pending', reason: 'El servicio requiere aprobación' }), 'show', 'show'],
  // TicketsService.update
  ...EDITABLE.map((field): [string, HistoryFacts, HistoryDecision, HistoryDecision] => [
    `edit ${field}`,
    row({ action: 'field', field, oldValue: 'a', newValue: 'b', reason: 'Reclasificado por el agente' }),
    'redact_reason',
    'redact_reason',
  ]),
  ['priority recomputed', row({ action: 'field', field: 'priority', oldValue: 'medium', newValue: 'high' }), 'show', 'show'],
  // TicketsService.addArticle
  ['public reply', row({ action: 'article', field: 'public', newValue: 'art-1' }), 'show', 'show'],
  ['internal note', row({ action: 'article', field: 'internal', newValue: 'art-2', internal: true }), 'hide', 'hide'],
  [
    'requester answer resumes',
    row({ action: 'transition', field: 'state', oldValue: 'pending', newValue: 'in_progress', reason: 'Respuesta del solicitante', actorId: REQUESTER }),
    'show',
    'redact_reason',
  ],
  // TicketWorkflowService.transition
  ...(['in_progress', 'pending', 'resolved', 'closed'] as const).map((to): [string, HistoryFacts, HistoryDecision, HistoryDecision] => [
    `staff transition to ${to}`,
    row({ action: 'transition', field: 'state', oldValue: 'new', newValue: to, reason: 'Nota del agente' }),
    'redact_reason',
    'redact_reason',
  ]),
  [
    'staff transition back to assigned',
    row({ action: 'transition', field: 'state', oldValue: 'in_progress', newValue: 'assigned', reason: 'Vuelve al equipo' }),
    'redact_reason',
    'redact_reason',
  ],
  ['decline', row({ action: 'transition', field: 'state', oldValue: 'new', newValue: 'declined', reason: 'No es un servicio del catálogo' }), 'show', 'show'],
  [
    'withdrawal',
    row({ action: 'transition', field: 'state', oldValue: 'new', newValue: 'cancelled', reason: 'Ya no lo necesito', actorId: REQUESTER }),
    'show',
    'show',
  ],
  [
    'requester rejects the solution',
    row({ action: 'transition', field: 'state', oldValue: 'resolved', newValue: 'in_progress', reason: 'Sigue fallando', actorId: REQUESTER }),
    'show',
    'redact_reason',
  ],
  [
    'reopen count by requester',
    row({ action: 'field', field: 'reopenCount', oldValue: '0', newValue: '1', reason: 'Sigue fallando', actorId: REQUESTER }),
    'show',
    'redact_reason',
  ],
  [
    'reopen count by staff',
    row({ action: 'field', field: 'reopenCount', oldValue: '0', newValue: '1', reason: 'Reabierto por el agente' }),
    'redact_reason',
    'redact_reason',
  ],
  ['pending reason', row({ action: 'field', field: 'pendingReason', newValue: 'third_party' }), 'show', 'show'],
  ['solution', row({ action: 'field', field: 'solution', newValue: 'Se cambió el cable' }), 'show', 'show'],
  // "Pendiente hasta" (issue 11, item 10): the date and its reminder are the desk's own planning.
  ['pending until', row({ action: 'field', field: 'pendingUntil', newValue: '2026-12-01T15:00:00.000Z', internal: true }), 'hide', 'hide'],
  ['pending until, unflagged', row({ action: 'field', field: 'pendingUntil', newValue: '2026-12-01T15:00:00.000Z' }), 'hide', 'hide'],
  [
    'pending reminder fired',
    row({ action: 'reminder', field: 'pendingUntil', newValue: '2026-12-01T15:00:00.000Z', internal: true, actorId: null }),
    'hide',
    'hide',
  ],
  ['pending reminder, unflagged', row({ action: 'reminder', field: 'pendingUntil', newValue: '2026-12-01T15:00:00.000Z', actorId: null }), 'hide', 'hide'],
  // TicketWorkflowService.assign / take / escalate / returnToCoordinator
  ['assign team', row({ action: 'assign', field: 'teamId', newValue: 'team-2', reason: 'El usuario es conflictivo', internal: true }), 'hide', 'hide'],
  ['assign resolver', row({ action: 'assign', field: 'assigneeId', newValue: 'res-2', reason: 'El usuario es conflictivo', internal: true }), 'hide', 'hide'],
  ['take (not flagged internal)', row({ action: 'assign', field: 'assigneeId', newValue: AGENT, reason: 'Tomado por el agente' }), 'hide', 'hide'],
  ['support level on assignment', row({ action: 'field', field: 'supportLevel', oldValue: '1', newValue: '2', internal: true }), 'hide', 'hide'],
  ['support level, unflagged', row({ action: 'field', field: 'supportLevel', oldValue: '1', newValue: '2' }), 'hide', 'hide'],
  [
    'assignment moves to assigned',
    row({ action: 'transition', field: 'state', oldValue: 'new', newValue: 'assigned', reason: 'El usuario es conflictivo' }),
    'redact_reason',
    'redact_reason',
  ],
  [
    'hierarchical escalation',
    row({ action: 'escalate', field: 'hierarchical', newValue: 'director', reason: 'Lleva tres días', internal: true }),
    'hide',
    'hide',
  ],
  [
    'functional escalation',
    row({ action: 'escalate', field: 'supportLevel', oldValue: '2', newValue: '3', reason: 'El proveedor no responde', internal: true }),
    'hide',
    'hide',
  ],
  [
    'escalation, unflagged',
    row({ action: 'escalate', field: 'supportLevel', oldValue: '2', newValue: '3', reason: 'El proveedor no responde' }),
    'hide',
    'hide',
  ],
  [
    'returned to coordinator',
    row({ action: 'escalate', field: 'returnedToCoordinator', newValue: 'coord', reason: 'Requiere tercer nivel', internal: true }),
    'hide',
    'hide',
  ],
  ['proposed solution', row({ action: 'field', field: 'proposedSolution', newValue: 'Reinstalar', internal: true }), 'hide', 'hide'],
  ['proposed solution, unflagged', row({ action: 'field', field: 'proposedSolution', newValue: 'Reinstalar' }), 'hide', 'hide'],
  // decideApproval / moreTime
  ['approved', row({ action: 'approval', field: 'approvalStatus', oldValue: 'pending', newValue: 'approved', actorId: 'head' }), 'show', 'show'],
  [
    'approval rejected',
    row({ action: 'approval', field: 'approvalStatus', oldValue: 'pending', newValue: 'rejected', reason: 'No procede', actorId: 'head' }),
    'show',
    'show',
  ],
  [
    'closed by rejection',
    row({ action: 'transition', field: 'state', oldValue: 'pending', newValue: 'closed', reason: 'No procede', actorId: 'head' }),
    'redact_reason',
    'redact_reason',
  ],
  ['more time', row({ action: 'more_time', reason: 'Esperamos la refacción' }), 'show', 'show'],
  // TicketLinksService.add / remove / merge
  ...LINK_KINDS.flatMap((kind): [string, HistoryFacts, HistoryDecision, HistoryDecision][] => [
    [`link ${kind}`, row({ action: 'link', field: kind, newValue: 'MESA-2026-000099' }), 'hide', 'hide'],
    [`inverse link ${kind}`, row({ action: 'link', field: `${kind} (inversa)`, newValue: 'MESA-2026-000099' }), 'hide', 'hide'],
    [`unlink ${kind}`, row({ action: 'link', field: kind, oldValue: 'MESA-2026-000099' }), 'hide', 'hide'],
  ]),
  ['merged into', row({ action: 'merge', field: 'mergedIntoId', newValue: 'MESA-2026-000010', reason: 'Duplicado' }), 'redact_reason', 'redact'],
  [
    'closed by merge',
    row({ action: 'transition', field: 'state', oldValue: 'new', newValue: 'closed', reason: 'Fusionado con MESA-2026-000010' }),
    'redact_reason',
    'redact_reason',
  ],
  ['merged from', row({ action: 'merge', field: 'mergedFrom', newValue: 'MESA-2026-000011', reason: '2 artículo(s) movidos' }), 'redact_reason', 'redact'],
  // TicketAttachmentsService.upload
  ['public file', row({ action: 'attachment', field: 'file', newValue: 'captura.png' }), 'show', 'show'],
  ['file of an internal note', row({ action: 'attachment', field: 'file', newValue: 'expediente-disciplinario.pdf', internal: true }), 'hide', 'hide'],
  // Rows nobody writes yet default to hidden.
  ['unknown action', row({ action: 'sla_breach', field: 'resolution', newValue: 'x' }), 'hide', 'hide'],
  ['unknown field', row({ action: 'field', field: 'hierarchicalEscalatedAt', newValue: 'x' }), 'hide', 'hide'],
  ['transition of another field', row({ action: 'transition', field: 'approval', newValue: 'x' }), 'hide', 'hide'],
  ['article of unknown kind', row({ action: 'article', field: 'system', newValue: 'x' }), 'hide', 'hide'],
];

describe('history visibility', () => {
  it.each(TABLE)('%s', (_name, facts, forRequester, forReader) => {
    expect(historyVisibility(facts, staff)).toBe('show');
    expect(historyVisibility(facts, requester)).toBe(forRequester);
    expect(historyVisibility(facts, reader)).toBe(forReader);
  });

  it('tells staff, the ticket’s requester and other readers apart', () => {
    expect(historyViewer({ userId: 'x', staff: true }, { requesterId: 'x' })).toEqual({ kind: 'staff' });
    expect(historyViewer({ userId: 'x', staff: false }, { requesterId: 'x' })).toEqual({ kind: 'requester', userId: 'x' });
    expect(historyViewer({ userId: 'y', staff: false }, { requesterId: 'x' })).toEqual({ kind: 'reader', userId: 'y' });
  });

  it('redacts by dropping the reason, or the values and the reason', () => {
    const merged = row({ action: 'merge', field: 'mergedIntoId', newValue: 'MESA-2026-000010', reason: 'Duplicado' });
    expect(viewHistoryRow(merged, requester)).toEqual({ ...merged, reason: null });
    expect(viewHistoryRow(merged, reader)).toEqual({ ...merged, newValue: null, reason: null });
    expect(viewHistoryRow(row({ action: 'link', field: 'related_to', newValue: 'X' }), requester)).toBeNull();
    expect(viewHistoryRow(merged, staff)).toBe(merged);
  });

  it('never shows a non-staff viewer an internal row, a link, an assignment or an escalation, whatever it holds', () => {
    const text = fc.option(fc.string(), { nil: null });
    const facts = fc.record({
      action: fc.oneof(
        fc.constantFrom('create', 'transition', 'field', 'approval', 'more_time', 'article', 'attachment', 'merge', 'assign', 'escalate', 'link'),
        fc.string(),
      ),
      field: text,
      oldValue: text,
      newValue: text,
      reason: text,
      internal: fc.boolean(),
      actorId: text,
    });
    const viewer = fc.constantFrom<HistoryViewer>(requester, reader);
    fc.assert(
      fc.property(facts, viewer, (f, v) => {
        const d = historyVisibility(f, v);
        if (f.internal || ['assign', 'escalate', 'link'].includes(f.action)) return d === 'hide';
        // A transition's reason reaches another reader only where it is meant for the requester.
        if (f.action === 'transition' && d === 'show' && v.kind === 'reader')
          return f.actorId === v.userId || ['declined', 'cancelled'].includes(f.newValue ?? '');
        return true;
      }),
    );
  });

  it('streams a change to requesters only when they would see one of its rows', () => {
    const ticket = { requesterId: REQUESTER };
    expect(liveAudience([row({ action: 'article', field: 'internal', internal: true })], ticket)).toBe('staff');
    expect(liveAudience([row({ action: 'escalate', field: 'hierarchical', internal: true })], ticket)).toBe('staff');
    expect(
      liveAudience([row({ action: 'assign', field: 'teamId', internal: true }), row({ action: 'assign', field: 'assigneeId', internal: true })], ticket),
    ).toBe('staff');
    expect(
      liveAudience([row({ action: 'assign', field: 'teamId', internal: true }), row({ action: 'transition', field: 'state', newValue: 'assigned' })], ticket),
    ).toBe('all');
    expect(liveAudience([row({ action: 'article', field: 'public' })], ticket)).toBe('all');
    expect(liveAudience([], ticket)).toBe('staff');
  });
});

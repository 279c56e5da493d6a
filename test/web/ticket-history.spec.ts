import { LINK_KINDS } from '../../src/modules/tickets/entities/ticket-link.entity';
import { describeHistory } from '../../web/lib/ticket-history';
import type { HistoryItem } from '../../web/lib/tickets';

const ctx = { userName: (id: string) => `Persona ${id}`, teamName: (id: string) => `Equipo ${id}` };
const row = (action: string, field: string | null, oldValue: string | null, newValue: string | null): HistoryItem => ({
  id: 'h1',
  action,
  field,
  oldValue,
  newValue,
  reason: null,
  actorId: null,
  actorName: null,
  at: '2026-11-29T10:00:00Z',
});

// No internal code reaches a person: the rows the history writers produce read as Spanish sentences.
describe('history rows as sentences', () => {
  it.each([
    [row('create', 'state', null, 'new'), 'Ticket registrado'],
    [row('transition', 'state', 'new', 'in_progress'), 'Estado: Nuevo → En atención'],
    [row('field', 'priority', 'low', 'critical'), 'Prioridad: Baja → Crítica'],
    [row('update', 'channel', 'portal', 'phone'), 'Canal: Portal → Teléfono'],
    [row('field', 'requesterId', null, 'u1'), 'Solicitante: Persona u1'],
    [row('assign', 'teamId', null, 't1'), 'Asignado al equipo Equipo t1'],
    [row('assign', 'assigneeId', 'u1', null), 'Sin responsable'],
    [row('link', 'duplicate_of', null, '2026-000040'), 'Duplicado de 2026-000040'],
    [row('link', 'duplicate_of (inversa)', null, '2026-000041'), 'Tiene como duplicado a 2026-000041'],
    [row('link', 'related_to', '2026-000040', null), 'Se quitó la relación «Relacionado con» con 2026-000040'],
    [row('merge', 'mergedIntoId', null, '2026-000040'), 'Fusionado en 2026-000040'],
    [row('merge', 'mergedFrom', null, '2026-000041'), 'Se fusionó aquí el ticket 2026-000041'],
    [row('merge', 'mergedIntoId', null, null), 'Fusionado en otro ticket'],
    [row('approval', 'approvalStatus', 'pending', 'rejected'), 'Aprobación: rechazada'],
  ])('row %# reads %j', (item, expected) => {
    expect(describeHistory(item, ctx)).toBe(expected);
  });

  it.each(LINK_KINDS.flatMap((k) => [k, `${k} (inversa)`]))('link kind %s has a Spanish label', (kind) => {
    const text = describeHistory(row('link', kind, null, '2026-000001'), ctx);
    expect(text).not.toMatch(/_|inversa/);
  });
});

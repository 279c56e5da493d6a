import { auditActionLabel, auditEntityLabel, auditFieldLabel, auditSubject, auditValueLabel } from '../../web/lib/audit-format';
import { homePathFor } from '../../web/lib/permissions';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const names = {
  users: new Map([['u-1', 'Ana López']]),
  organisations: new Map([['o-1', 'Secretaría de Salud']]),
  teams: new Map([['t-1', 'Redes de voz y datos']]),
};

describe('audit log labels', () => {
  it.each([
    ['user', 'Usuario'],
    ['api_token', 'Token de API'],
    ['priority_matrix', 'Matriz de prioridad'],
    ['catalog_service', 'Servicio del catálogo'],
  ])('names the entity %s in Spanish', (code, label) => {
    expect(auditEntityLabel(code)).toBe(label);
  });

  // Every entity the server audits (`entity: '…'` in src/) has a label, so none reaches the screen as a code.
  it('has a Spanish label for every entity the server writes to the audit log', () => {
    const grep = execFileSync('git', ['grep', '-h', '-o', '-E', "entity: '[a-z_]+'", '--', 'src'], { cwd: path.resolve(__dirname, '../..') }).toString();
    const entities = [
      ...new Set(
        grep
          .split('\n')
          .filter(Boolean)
          .map((line) => line.slice("entity: '".length, -1)),
      ),
    ];
    expect(entities).toContain('text_module');
    expect(entities.filter((e) => auditEntityLabel(e) === e)).toEqual([]);
  });

  it('reads a catalog service snapshot and a sign-in without codes', () => {
    const sheet = auditValueLabel('catalog_service', null, { type: 'service_request', approval: 'requester_head', leadTimeDays: 15, teamL2Id: 't-1' }, names);
    expect(sheet).toBe(
      'Tipo: Solicitud de servicio; Aprobación: Titular del área solicitante; Días de anticipación: 15; Equipo de nivel 2: Redes de voz y datos',
    );
    expect(auditValueLabel('session', null, { ip: '10.1.2.3', userAgent: 'Mozilla/5.0' }, names)).toBe('Dirección IP: 10.1.2.3; Navegador: Mozilla/5.0');
  });

  it('shows a business calendar change as hours, country and closed day in words', () => {
    const week = {
      1: [{ start: '09:00', end: '18:00' }],
      2: [{ start: '09:00', end: '18:00' }],
      3: [],
      4: [],
      5: [],
      6: [{ start: '10:00', end: '14:00' }],
      7: [],
    };
    expect(auditEntityLabel('business_calendar')).toBe('Calendario laboral');
    expect(auditValueLabel('business_calendar', 'week', week, names)).toBe('Lun–Mar 09:00–18:00; Sáb 10:00–14:00');
    expect(auditValueLabel('business_calendar', 'holidayCountry', 'PE', names)).toBe('Perú (feriados nacionales)');
    expect(auditValueLabel('business_calendar', 'closures', { date: '2026-11-03', reason: 'Día inhábil' }, names)).toBe('2026-11-03: Día inhábil');
    expect(auditFieldLabel('business_calendar', 'closures')).toBe('Días cerrados');
  });

  it('shows a team module by its team name and scope in words', () => {
    expect(auditValueLabel('text_module', 'teamId', 't-1', names)).toBe('Redes de voz y datos');
    expect(auditValueLabel('text_module', 'scope', 'team', names)).toBe('De un equipo');
  });

  it('names actions and fields in Spanish, and a matrix cell by its impact and urgency', () => {
    expect(['create', 'update', 'delete'].map(auditActionLabel)).toEqual(['Alta', 'Cambio', 'Baja']);
    expect(auditFieldLabel('user', 'isActive')).toBe('Activo');
    expect(auditFieldLabel('api_token', 'revokedBecause')).toBe('Motivo de la revocación');
    expect(auditFieldLabel('priority_matrix', 'low.high')).toBe('Impacto bajo, urgencia alta');
  });

  it('shows values as people read them: roles, yes/no, names for ids, reasons, priorities', () => {
    expect(auditValueLabel('user', 'roles', ['agent_l1', 'admin'], names)).toBe('Agente de mesa de servicio (nivel 1), Administrador');
    expect(auditValueLabel('user', 'isActive', false, names)).toBe('No');
    expect(auditValueLabel('team', 'coordinatorId', 'u-1', names)).toBe('Ana López');
    expect(auditValueLabel('user', 'organisationId', 'o-1', names)).toBe('Secretaría de Salud');
    expect(auditValueLabel('api_token', 'revokedBecause', 'revoked_by_admin', names)).toBe('Revocado por el administrador');
    expect(auditValueLabel('priority_matrix', 'high.high', 'critical', names)).toBe('Crítica');
    expect(auditValueLabel('team', 'supportLevel', 'field', names)).toBe('Campo');
    expect(auditValueLabel('user', 'phone', null, names)).toBe('—');
  });

  it('lists a snapshot’s fields with their labels, leaving empty ones out', () => {
    expect(auditValueLabel('team', null, { name: 'Redes', supportLevel: '2', coordinatorId: null }, names)).toBe('Nombre: Redes; Nivel de soporte: Nivel 2');
  });

  it('names the record when it is a person, an organisation or a team', () => {
    expect(auditSubject('user', 'u-1', names)).toBe('Ana López');
    expect(auditSubject('organisation', 'o-1', names)).toBe('Secretaría de Salud');
    expect(auditSubject('team', 't-1', names)).toBe('Redes de voz y datos');
    expect(auditSubject('priority_matrix', 'default', names)).toBe('—');
  });
});

describe('homePathFor', () => {
  it('sends coordinators and directors to their overview before the queue', () => {
    expect(homePathFor({ permissions: ['tickets.overview', 'tickets.work'] })).toBe('/coordinacion');
    expect(homePathFor({ permissions: ['tickets.work'] })).toBe('/agente');
    expect(homePathFor({ permissions: ['tickets.request'] })).toBe('/solicitante');
  });
});

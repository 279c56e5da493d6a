import fc from 'fast-check';
import {
  canManageTextModule,
  canSeeTextModule,
  canUseTextModule,
  firstName,
  matchesFilter,
  PLACEHOLDERS,
  placeholdersIn,
  renderTextModule,
  textModuleErrors,
  type PlaceholderValues,
  type TextModuleInput,
  type Viewer,
} from './text-module.rules';

const VALUES: PlaceholderValues = {
  'requester.name': 'Lucía Hernández',
  'requester.firstName': 'Lucía',
  'ticket.number': '2026-000040',
  'ticket.title': 'Impresora sin tóner',
  'ticket.service': 'Soporte técnico',
  'agent.name': 'Miguel Ángel Pérez',
  'agent.firstName': 'Miguel',
};

describe('placeholdersIn', () => {
  it.each([
    ['Hola', [], []],
    ['Hola {{requester.name}}', ['requester.name'], []],
    ['{{ ticket.number }} y {{ticket.number}}', ['ticket.number'], []],
    ['{{requester.email}} {{agent.name}}', ['agent.name'], ['requester.email']],
    ['{{}}', [], ['']],
    ['{ {agent.name} }', [], []],
  ])('reads %j', (body, known, unknown) => {
    expect(placeholdersIn(body)).toEqual({ known, unknown });
  });
});

describe('renderTextModule', () => {
  it.each([
    ['Hola {{requester.firstName}}, tu folio es {{ticket.number}}.', 'Hola Lucía, tu folio es 2026-000040.'],
    ['{{ agent.name }}', 'Miguel Ángel Pérez'],
    ['Sin marcadores', 'Sin marcadores'],
    ['{{desconocido}} queda', '{{desconocido}} queda'],
    ['Servicio: {{ticket.service}} — {{ticket.title}}', 'Servicio: Soporte técnico — Impresora sin tóner'],
  ])('fills %j', (body, expected) => {
    expect(renderTextModule(body, VALUES)).toBe(expected);
  });

  it('does not expand a placeholder that arrives inside a value', () => {
    expect(renderTextModule('{{ticket.title}}', { ...VALUES, 'ticket.title': '{{agent.name}}' })).toBe('{{agent.name}}');
  });

  const braceless = fc.string().filter((s) => !s.includes('{') && !s.includes('}'));
  const values = fc.record(Object.fromEntries(PLACEHOLDERS.map((p) => [p, braceless])) as Record<keyof PlaceholderValues, fc.Arbitrary<string>>);
  const token = fc.tuple(fc.constantFrom(...PLACEHOLDERS), fc.constantFrom('', ' ', '  ')).map(([p, s]) => `{{${s}${p}${s}}}`);
  const piece = fc.oneof(fc.string(), token);

  it('never leaves a known placeholder unfilled (property)', () => {
    fc.assert(
      fc.property(fc.array(piece), values, (pieces, vals) => {
        expect(placeholdersIn(renderTextModule(pieces.join(''), vals)).known).toEqual([]);
      }),
    );
  });

  it('leaves text without placeholders unchanged (property)', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes('{{')),
        values,
        (text, vals) => {
          expect(renderTextModule(text, vals)).toBe(text);
        },
      ),
    );
  });
});

describe('textModuleErrors', () => {
  const ok: TextModuleInput = { name: 'Saludo', keywords: ['hola'], body: 'Hola {{requester.name}}', scope: 'global', teamId: null };
  it.each<[string, Partial<TextModuleInput>, string[]]>([
    ['a valid global module', {}, []],
    ['a valid team module', { scope: 'team', teamId: 't1' }, []],
    ['an empty name', { name: '  ' }, ['name']],
    ['a long name', { name: 'x'.repeat(81) }, ['name']],
    ['too many keywords', { keywords: Array.from({ length: 11 }, (_, i) => `k${i}`) }, ['keywords']],
    ['an empty keyword', { keywords: ['a', ' '] }, ['keywords.1']],
    ['a long keyword', { keywords: ['x'.repeat(41)] }, ['keywords.0']],
    ['an empty body', { body: ' ' }, ['body']],
    ['a long body', { body: 'x'.repeat(5001) }, ['body']],
    ['an unknown placeholder', { body: 'Hola {{requester.email}}' }, ['body']],
    ['a team module without team', { scope: 'team' }, ['teamId']],
    ['a global module with a team', { teamId: 't1' }, ['teamId']],
  ])('%s', (_label, change, fields) => {
    expect(textModuleErrors({ ...ok, ...change }).map((e) => e.field)).toEqual(fields);
  });

  it('names the unknown placeholder and the known ones', () => {
    const [error] = textModuleErrors({ ...ok, body: '{{requester.email}}' });
    expect(error.message).toContain('{{requester.email}}');
    expect(error.message).toContain('{{ticket.number}}');
  });
});

describe('text module access', () => {
  const agentOfA: Viewer = { works: true, isAdmin: false, teamIds: ['A'], coordinatedTeamIds: [] };
  const coordinatorOfA: Viewer = { works: true, isAdmin: false, teamIds: [], coordinatedTeamIds: ['A'] };
  const agentOfB: Viewer = { works: true, isAdmin: false, teamIds: ['B'], coordinatedTeamIds: [] };
  const admin: Viewer = { works: false, isAdmin: true, teamIds: [], coordinatedTeamIds: [] };
  const requester: Viewer = { works: false, isAdmin: false, teamIds: [], coordinatedTeamIds: [] };
  const global = { scope: 'global' as const, teamId: null, isActive: true };
  const teamA = { scope: 'team' as const, teamId: 'A', isActive: true };
  const inactiveA = { ...teamA, isActive: false };

  it.each([
    { who: 'agent of A', viewer: agentOfA, label: 'global', m: global, use: true, see: true, manage: false },
    { who: 'agent of A', viewer: agentOfA, label: 'team A', m: teamA, use: true, see: true, manage: false },
    { who: 'agent of A', viewer: agentOfA, label: 'inactive team A', m: inactiveA, use: false, see: false, manage: false },
    { who: 'coordinator of A', viewer: coordinatorOfA, label: 'team A', m: teamA, use: true, see: true, manage: true },
    { who: 'coordinator of A', viewer: coordinatorOfA, label: 'inactive team A', m: inactiveA, use: false, see: true, manage: true },
    { who: 'coordinator of A', viewer: coordinatorOfA, label: 'global', m: global, use: true, see: true, manage: false },
    { who: 'agent of B', viewer: agentOfB, label: 'team A', m: teamA, use: false, see: false, manage: false },
    { who: 'admin', viewer: admin, label: 'team A', m: teamA, use: false, see: true, manage: true },
    { who: 'admin', viewer: admin, label: 'global', m: global, use: false, see: true, manage: true },
    { who: 'requester', viewer: requester, label: 'global', m: global, use: false, see: false, manage: false },
  ])('$who on a $label module: use $use, see $see, manage $manage', ({ viewer, m, use, see, manage }) => {
    expect([canUseTextModule(m, viewer), canSeeTextModule(m, viewer), canManageTextModule(m, viewer)]).toEqual([use, see, manage]);
  });
});

describe('matchesFilter and firstName', () => {
  it.each([
    ['', true],
    ['salu', true],
    ['SALUDO', true],
    ['cierre', true],
    ['solucion', true],
    ['saludo cierre', true],
    ['despedida', false],
  ])('filter %j', (filter, expected) => {
    expect(matchesFilter({ name: 'Saludo y cierre', keywords: ['solución'] }, filter)).toBe(expected);
  });
  it('takes the first word of a name', () => {
    expect(firstName('  Lucía Hernández ')).toBe('Lucía');
    expect(firstName('')).toBe('');
  });
});

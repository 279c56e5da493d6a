import fc from 'fast-check';
import { hostileTextErrors, isHostileText, parseIsoDateTime } from './zod';

describe('isHostileText', () => {
  it.each([
    ['NUL', 'a\u0000b', true],
    ['a lone high surrogate', 'a\uD800', true],
    ['a lone low surrogate', '\uDC00b', true],
    ['two high surrogates', '\uD800\uD800\uDC00', true],
    ['an astral character (a well-formed pair)', 'ok 😀', false],
    ['accents, ñ and ¿', '¿Año de Peña?', false],
    ['other control characters (kept: tabs and new lines are text)', 'a\tb\nc', false],
  ])('%s → %s', (_what, s, hostile) => {
    expect(isHostileText(s)).toBe(hostile);
  });

  it('holds for any well-formed text without NUL, and fails once a NUL is in it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.nat(), (s, at) => {
        const clean = s.split('\u0000').join('');
        const i = at % (clean.length + 1);
        return !isHostileText(clean) && isHostileText(clean.slice(0, i) + '\u0000' + clean.slice(i));
      }),
    );
  });
});

describe('hostileTextErrors', () => {
  it('names every hostile value and key by its path, however deep', () => {
    const errors = hostileTextErrors({ title: 'ok', formData: { nombre: 'a\u0000', lista: ['x', '\uD800'] }, ['k\u0000']: 1 });
    expect(errors.map((e) => e.field)).toEqual(['formData.nombre', 'formData.lista.1', 'k\u0000']);
  });

  it('prefixes a named parameter and calls a bare hostile body "body"', () => {
    expect(hostileTextErrors('\u0000', ['id']).map((e) => e.field)).toEqual(['id']);
    expect(hostileTextErrors('\u0000').map((e) => e.field)).toEqual(['body']);
  });
});

describe('parseIsoDateTime', () => {
  it.each([
    ['2026-01-01', '2026-01-01T00:00:00.000Z'],
    ['2026-12-31T23:59:59.999-06:00', '2027-01-01T05:59:59.999Z'],
    ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00.000Z'],
    ['9999-12-31T23:59:59Z', '9999-12-31T23:59:59.000Z'],
    ['2028-02-29', '2028-02-29T00:00:00.000Z'],
  ])('reads %s', (input, iso) => {
    expect(parseIsoDateTime(input)?.toISOString()).toBe(iso);
  });

  it.each([
    '-271821-04-20T00:00:00Z',
    '+275760-09-13T00:00:00Z',
    '10000-01-01',
    '0000-01-01',
    '2026-02-30',
    '2027-02-29',
    '2026-13-01',
    '2026-01-01T24:30:00Z',
    '2026-01-01T10:61:00Z',
    'ayer',
    '',
    '2026-01-01 10:00',
  ])('refuses %s', (input) => {
    expect(parseIsoDateTime(input)).toBeNull();
  });
});

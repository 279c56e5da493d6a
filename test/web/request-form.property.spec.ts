import fc from 'fast-check';
import { DateTime } from 'luxon';
import { regexes } from 'zod/v4/core';
import { checkFormDefinition, FIELD_TYPES, leadTimeContext, validateForm, type FieldType, type FormField } from '../../src/modules/catalog/request-form.rules';
import { newBuilderField, toFormField, uniqueKey, keyFromLabel, type BuilderField } from '../../web/lib/form-builder';
import { checkRequestForm, emptyValue, toFormData, type InputValue, type InputValues } from '../../web/lib/request-form';

/**
 * The portal's request form and the server's validation agree: for any form the catalog
 * manager's builder can produce, whatever a requester can validly enter in the portal's inputs
 * (strings as typed, dates as the date pickers give them) passes the portal's own check and the
 * server's validateForm.
 */

const word = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnñopqrstuvwxyzáéíóúABCDEFGHIJ0123456789'), minLength: 1, maxLength: 12 });
const label = fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' '));
const bound = (max: number) => fc.option(fc.integer({ min: 0, max }), { nil: undefined });

// A regex the manager may type, with answers that match it by construction.
const PATTERNS: { regex: string; answer: fc.Arbitrary<string> }[] = [
  {
    regex: '^[A-Z]{3}-\\d{4}$',
    answer: fc
      .tuple(fc.string({ unit: fc.constantFrom(...'ABCXYZ'), minLength: 3, maxLength: 3 }), fc.integer({ min: 1000, max: 9999 }))
      .map(([a, n]) => `${a}-${n}`),
  },
  { regex: '^\\d+\\z', answer: fc.bigInt({ min: 0n, max: 10n ** 12n }).map(String) },
];

type Draft = { label: string; type: FieldType; required: boolean; options: string[]; lo?: number; hi?: number; integer: boolean; pattern?: number };

const draft: fc.Arbitrary<Draft> = fc.record({
  label,
  type: fc.constantFrom(...FIELD_TYPES),
  required: fc.boolean(),
  options: fc.uniqueArray(word, { minLength: 1, maxLength: 5 }),
  lo: bound(40),
  hi: bound(80),
  integer: fc.boolean(),
  pattern: fc.option(fc.nat({ max: PATTERNS.length - 1 }), { nil: undefined }),
});

/** Builder rows as the editor fills them in, turned into the definition the API stores. */
function definitionOf(drafts: Draft[]): { fields: FormField[]; patterns: Map<string, number> } {
  const rows: BuilderField[] = [];
  const patterns = new Map<string, number>();
  for (const d of drafts) {
    const row = newBuilderField(
      d.label,
      rows.map((r) => r.key),
    );
    row.key =
      row.key ||
      uniqueKey(
        keyFromLabel(`campo ${rows.length + 1}`),
        rows.map((r) => r.key),
      );
    row.type = d.type;
    row.required = d.required;
    row.options = d.options.join('\n');
    const [lo, hi] = d.lo !== undefined && d.hi !== undefined && d.lo > d.hi ? [d.hi, d.lo] : [d.lo, d.hi];
    if (d.type === 'multi_select') {
      row.min = lo === undefined ? '' : Math.min(lo, d.options.length);
      row.max = hi === undefined ? '' : Math.max(Math.min(hi, d.options.length), row.min === '' ? 0 : row.min, 1);
    } else if (d.type === 'number') {
      row.min = lo ?? '';
      row.max = hi ?? '';
      row.integer = d.integer;
    } else if (d.type === 'text' || d.type === 'long_text') {
      if (d.pattern !== undefined) {
        row.regex = PATTERNS[d.pattern].regex;
        patterns.set(row.key, d.pattern);
      } else {
        row.minLength = lo ?? '';
        row.maxLength = hi === undefined ? '' : Math.max(hi, 1);
      }
    }
    rows.push(row);
  }
  return { fields: rows.map(toFormField), patterns };
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: DateTime) => `${String(d.year).padStart(4, '0')}-${pad(d.month)}-${pad(d.day)}`;

/** What a requester can validly put in the portal's input for one field. */
function answer(f: FormField, pattern: number | undefined, earliest: DateTime): fc.Arbitrary<InputValue> {
  const v = f.validation ?? {};
  const day = fc.integer({ min: 0, max: 3000 }).map((n) => earliest.plus({ days: n }));
  switch (f.type) {
    case 'text':
    case 'long_text': {
      if (pattern !== undefined) return PATTERNS[pattern].answer;
      const min = v.minLength ?? 0;
      const max = Math.min(v.maxLength ?? 500, min + 60);
      return fc
        .string({ unit: fc.constantFrom(...'abcñáé XYZ019.,'), minLength: Math.max(min, 1), maxLength: Math.max(max, 1) })
        .map((s) => `x${s.slice(1).trim()}`.padEnd(Math.max(min, 1), 'x').slice(0, Math.max(max, 1)));
    }
    case 'number': {
      const min = v.min ?? -1e6;
      const max = v.max ?? 1e6;
      return (v.integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true })).map(
        String,
      );
    }
    case 'date':
      return day.map(isoDay);
    case 'date_range':
      return fc.tuple(day, fc.integer({ min: 0, max: 30 })).map(([from, n]) => ({ from: isoDay(from), to: isoDay(from.plus({ days: n })) }));
    case 'select':
      return fc.constantFrom(...v.options!);
    case 'multi_select':
      return fc.subarray(v.options!, { minLength: Math.max(v.min ?? 0, 1), maxLength: Math.min(v.max ?? v.options!.length, v.options!.length) });
    case 'email':
      return fc.stringMatching(regexes.email).filter((s) => s.length <= 254);
    case 'phone':
      return fc
        .tuple(fc.boolean(), fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 7, maxLength: 15 }))
        .map(([plus, digits]) => `${plus ? '+' : ''}${digits.slice(0, 3)} ${digits.slice(3)}`.trim());
    case 'ipv4_cidr':
      return fc
        .tuple(fc.ipV4(), fc.option(fc.integer({ min: 0, max: 32 }), { nil: undefined }))
        .map(([ip, mask]) => (mask === undefined ? ip : `${ip}/${mask}`));
    case 'url':
      return fc.webUrl({ validSchemes: ['http', 'https'] });
    case 'port_list':
      return fc
        .array(fc.tuple(fc.integer({ min: 1, max: 65535 }), fc.nat({ max: 100 })), { minLength: 1, maxLength: 4 })
        .map((ps) => ps.map(([a, n]) => (n % 2 ? `${a}-${Math.min(a + n, 65535)}` : String(a))).join(', '));
    case 'user_picker':
    case 'file':
      return fc.uuid();
  }
}

const ZONES = ['America/Mexico_City', 'America/Lima', 'America/New_York', 'Europe/Madrid', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];

const scenario = fc
  .record({
    drafts: fc.array(draft, { minLength: 1, maxLength: 8 }),
    now: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }),
    deskTimeZone: fc.constantFrom(...ZONES),
    leadTimeDays: fc.integer({ min: 0, max: 60 }),
  })
  .chain(({ drafts, now, deskTimeZone, leadTimeDays }) => {
    const { fields, patterns } = definitionOf(drafts);
    const earliest = DateTime.fromJSDate(now, { zone: deskTimeZone }).startOf('day').plus({ days: leadTimeDays });
    const values = fc.tuple(
      ...fields.map((f) => {
        const valid = answer(f, patterns.get(f.key), earliest);
        return f.required ? valid : fc.oneof(valid, fc.constant(emptyValue(f)));
      }),
    );
    return values.map((vs) => ({ fields, now, deskTimeZone, leadTimeDays, values: Object.fromEntries(fields.map((f, i) => [f.key, vs[i]])) as InputValues }));
  });

describe('request forms: the portal’s answers and the server’s validation', () => {
  it('builds only definitions the server accepts', () => {
    fc.assert(
      fc.property(fc.array(draft, { minLength: 1, maxLength: 8 }), (drafts) => {
        expect(checkFormDefinition(definitionOf(drafts).fields)).toEqual([]);
      }),
    );
  });

  it('accepts every valid answer the portal sends, in any desk zone and lead time', () => {
    fc.assert(
      fc.property(scenario, ({ fields, now, deskTimeZone, leadTimeDays, values }) => {
        expect(checkRequestForm(fields, values, { days: leadTimeDays, deskTimeZone }, now)).toEqual({});
        const ctx = leadTimeContext(now, deskTimeZone, leadTimeDays);
        expect(validateForm(fields, toFormData(fields, values), ctx)).toMatchObject({ ok: true });
      }),
      { numRuns: 150 },
    );
  });
});

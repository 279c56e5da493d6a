import fc from 'fast-check';
import {
  checkFormDefinition,
  formFieldStates,
  earliestRequestDate,
  FIELD_TYPES,
  type FormField,
  isIpv4OrCidr,
  leadTimeContext,
  parsePortList,
  validateForm,
} from './request-form.rules';
import { checkRequestForm } from '../../../web/lib/request-form';

const field = (type: FormField['type'], validation?: FormField['validation'], required = true): FormField => ({
  key: 'f',
  type,
  label: 'Campo',
  required,
  validation,
});
const ok = (f: FormField, value: unknown, ctx = {}) => validateForm([f], { f: value }, ctx);

/** For every field type: values that must pass (with their normalised form) and values that must fail. */
const CASES: Record<(typeof FIELD_TYPES)[number], { f: FormField; valid: [unknown, unknown][]; invalid: unknown[] }> = {
  text: { f: field('text', { minLength: 2, maxLength: 10 }), valid: [['  Ana ', 'Ana']], invalid: ['a', 'x'.repeat(11), 5, ['a']] },
  long_text: { f: field('long_text'), valid: [['Justificación escrita del acceso', 'Justificación escrita del acceso']], invalid: ['x'.repeat(10001), {}] },
  number: {
    f: field('number', { min: 1, max: 9999, integer: true }),
    valid: [
      [42, 42],
      ['1234', 1234],
    ],
    invalid: [0, 10000, 1.5, 'abc', '', true],
  },
  date: {
    f: field('date'),
    valid: [
      ['2026-12-31', '2026-12-31'],
      ['2028-02-29', '2028-02-29'],
    ],
    invalid: ['2026-02-30', '31/12/2026', '2026-1-1', 20261231],
  },
  date_range: {
    f: field('date_range'),
    valid: [
      [
        { from: '2026-12-01', to: '2026-12-15' },
        { from: '2026-12-01', to: '2026-12-15' },
      ],
    ],
    invalid: [{ from: '2026-12-15', to: '2026-12-01' }, { from: '2026-12-01' }, '2026-12-01', { from: 'x', to: 'y' }],
  },
  select: { f: field('select', { options: ['Alta', 'Baja', 'Cambio'] }), valid: [['Baja', 'Baja']], invalid: ['baja', 'Otra', ['Alta']] },
  multi_select: {
    f: field('multi_select', { options: ['Imprimir', 'Ver', 'Ver notas', 'Modificar'], min: 1, max: 3 }),
    valid: [
      [
        ['Ver', 'Imprimir', 'Ver'],
        ['Ver', 'Imprimir'],
      ],
    ],
    invalid: [['Administrador'], ['Ver', 'Imprimir', 'Ver notas', 'Modificar'], 'Ver', [1]],
  },
  email: { f: field('email'), valid: [[' Ana.Torres@Guanajuato.gob.mx ', 'ana.torres@guanajuato.gob.mx']], invalid: ['ana@', 'ana torres@x.mx', 'x'] },
  phone: {
    f: field('phone'),
    valid: [
      ['(473) 735-1500', '(473) 735-1500'],
      ['+52 473 735 1500', '+52 473 735 1500'],
    ],
    invalid: ['12345', 'ext. 1500', '1'.repeat(16)],
  },
  ipv4_cidr: {
    f: field('ipv4_cidr'),
    valid: [
      ['10.0.0.15', '10.0.0.15'],
      ['192.168.10.0/24', '192.168.10.0/24'],
    ],
    invalid: ['256.1.1.1', '10.0.0', '10.0.0.0/33', '010.0.0.1', 'fe80::1'],
  },
  url: {
    f: field('url'),
    valid: [['https://www.sat.gob.mx/portal', 'https://www.sat.gob.mx/portal']],
    invalid: ['ftp://x.mx', 'www.sat.gob.mx', 'javascript:alert(1)'],
  },
  port_list: { f: field('port_list'), valid: [['80, 443,8000-8080', ['80', '443', '8000-8080']]], invalid: ['0', '70000', '443-80', 'http', ''] },
  user_picker: { f: field('user_picker'), valid: [['6F1C2A3B-0000-4000-8000-000000000001', '6f1c2a3b-0000-4000-8000-000000000001']], invalid: ['ana', 42] },
  file: { f: field('file'), valid: [['6f1c2a3b-0000-4000-8000-000000000002', '6f1c2a3b-0000-4000-8000-000000000002']], invalid: ['archivo.pdf'] },
};

describe('validateForm: every field type', () => {
  for (const type of FIELD_TYPES) {
    const c = CASES[type];
    it.each(c.valid)(`${type} accepts %j`, (value, normalised) => {
      expect(ok(c.f, value)).toEqual({ ok: true, values: { f: normalised } });
    });
    it.each(c.invalid.map((v) => [v]))(`${type} rejects %j naming the field`, (value) => {
      const r = ok(c.f, value);
      expect(r.ok).toBe(false);
      if (!r.ok && value !== '') expect(r.errors).toEqual([{ field: 'formData.f', message: expect.stringMatching(/^Campo /) }]);
    });
  }
});

describe('validateForm: form-level rules', () => {
  const fields: FormField[] = [
    { key: 'ip', type: 'ipv4_cidr', label: 'Dirección IP', required: true },
    { key: 'url', type: 'url', label: 'URL', required: false },
  ];

  it('reports every missing required field and every unknown key at once', () => {
    const r = validateForm(fields, { extra: 1 });
    expect(r).toEqual({
      ok: false,
      errors: [
        { field: 'formData.extra', message: 'campo desconocido en este formulario' },
        { field: 'formData.ip', message: 'Dirección IP es obligatorio' },
      ],
    });
  });

  it('omits empty optional fields', () => {
    expect(validateForm(fields, { ip: '10.1.1.1', url: '' })).toEqual({ ok: true, values: { ip: '10.1.1.1' } });
  });

  it('enforces the service lead time on dates and date ranges, naming the rule', () => {
    const ctx = { earliestDate: '2026-12-08', leadTimeDays: 15 };
    const r = validateForm([{ key: 'evento', type: 'date', label: 'Fecha del evento', required: true }], { evento: '2026-12-01' }, ctx);
    expect(r).toEqual({ ok: false, errors: [{ field: 'formData.evento', message: expect.stringContaining('al menos 15 días de anticipación') }] });
    expect(validateForm([{ key: 'evento', type: 'date', label: 'Fecha', required: true }], { evento: '2026-12-08' }, ctx).ok).toBe(true);
    expect(validateForm([{ key: 'r', type: 'date_range', label: 'Periodo', required: true }], { r: { from: '2026-12-07', to: '2026-12-20' } }, ctx).ok).toBe(
      false,
    );
  });

  it('applies a custom regex with its message', () => {
    const ext: FormField = {
      key: 'ext',
      type: 'text',
      label: 'Extensión',
      required: true,
      validation: { regex: '^\\d{4,5}$', regexMessage: 'debe tener 4 o 5 dígitos' },
    };
    expect(validateForm([ext], { ext: '12a4' })).toEqual({ ok: false, errors: [{ field: 'formData.ext', message: 'Extensión debe tener 4 o 5 dígitos' }] });
    expect(validateForm([ext], { ext: '1500' }).ok).toBe(true);
  });
});

describe('admin-supplied patterns run on RE2', () => {
  const words: FormField = { key: 'nombre', type: 'text', label: 'Nombre', required: true, validation: { regex: '^(\\w+\\s?)*$' } };

  it('answers the catastrophic-backtracking pattern of the ReDoS report correctly', () => {
    expect(validateForm([words], { nombre: 'a'.repeat(27) + '!' })).toEqual({
      ok: false,
      errors: [{ field: 'formData.nombre', message: 'Nombre no tiene el formato esperado' }],
    });
    expect(validateForm([words], { nombre: 'Juan Carlos Pérez'.replace('é', 'e') }).ok).toBe(true);
  });

  it('accepts RE2-only syntax, which JavaScript RegExp rejects', () => {
    // `\z` (end of text) exists in RE2 only: proof that the engine in use is RE2.
    const code: FormField = { key: 'code', type: 'text', label: 'Código', required: true, validation: { regex: '^\\d{3}\\z' } };
    expect(checkFormDefinition([code])).toEqual([]);
    expect(validateForm([code], { code: '123' }).ok).toBe(true);
    expect(validateForm([code], { code: '1234' }).ok).toBe(false);
  });

  it.each([
    ['a backreference', '(a)\\1'],
    ['a lookahead', '^(?=.*\\d).+$'],
    ['a lookbehind', '(?<!x)y'],
  ])('refuses %s at save time, naming the field', (_what, regex) => {
    const errors = checkFormDefinition([{ key: 'x', type: 'text', label: 'X', required: false, validation: { regex } }]);
    expect(errors).toEqual([{ field: 'fields.0.validation.regex', message: expect.stringContaining('RE2') }]);
  });

  it('refuses a pattern whose program would make every check slow, and keeps real-world ones', () => {
    const big = checkFormDefinition([{ key: 'x', type: 'text', label: 'X', required: false, validation: { regex: '\\p{L}{1000}' } }]);
    expect(big).toEqual([{ field: 'fields.0.validation.regex', message: expect.stringContaining('demasiado compleja') }]);
    const curp =
      '^[A-Z][AEIOUX][A-Z]{2}\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])[HM](AS|BC|BS|CC|CL|CM|CS|CH|DF|DG|GT|GR|HG|JC|MC|MN|MS|NT|NL|OC|PL|QT|QR|SP|SL|SR|TC|TS|TL|VZ|YN|ZS|NE)[B-DF-HJ-NP-TV-Z]{3}[0-9A-Z]\\d$';
    const field: FormField = { key: 'curp', type: 'text', label: 'CURP', required: true, validation: { regex: curp } };
    expect(checkFormDefinition([field])).toEqual([]);
    expect(validateForm([field], { curp: 'GODE561231HDFRRN09' }).ok).toBe(true);
  });

  it('fails closed on a stored pattern RE2 cannot compile', () => {
    const r = validateForm([{ key: 'x', type: 'text', label: 'X', required: true, validation: { regex: '(a)\\1' } }], { x: 'aa' });
    expect(r.ok).toBe(false);
  });

  it('is what the portal checks with too', () => {
    // The portal's form check (web/lib/request-form.ts) runs these same rules in the browser.
    expect(checkRequestForm([words], { nombre: 'a'.repeat(27) + '!' })).toEqual({ nombre: 'Nombre no tiene el formato esperado' });
    expect(checkRequestForm([{ key: 'x', type: 'text', label: 'X', required: true, validation: { regex: '^\\d+\\z' } }], { x: '42' })).toEqual({});
  });
});

describe('checkFormDefinition', () => {
  it('rejects bad keys, repeated keys, selects without options, inverted bounds and broken regexes', () => {
    const errors = checkFormDefinition([
      { key: 'Bad Key', type: 'text', label: 'x', required: false },
      { key: 'a', type: 'select', label: 'x', required: false },
      { key: 'a', type: 'number', label: 'x', required: false, validation: { min: 5, max: 1 } },
      { key: 'b', type: 'text', label: 'x', required: false, validation: { regex: '(' } },
    ]);
    expect(errors.map((e) => e.field)).toEqual([
      'fields.0.key',
      'fields.1.validation.options',
      'fields.2.key',
      'fields.2.validation.min',
      'fields.3.validation.regex',
    ]);
  });
});

describe('network helpers', () => {
  it('parses port lists and ranges', () => {
    expect(parsePortList('22;80 443')).toEqual(['22', '80', '443']);
    expect(parsePortList('65536')).toBeNull();
  });
  it('checks IPv4 and CIDR blocks', () => {
    expect(isIpv4OrCidr('0.0.0.0/0')).toBe(true);
    expect(isIpv4OrCidr('1.2.3.4/')).toBe(false);
  });
});

describe('lead time in the desk’s zone', () => {
  it('adds the lead time in calendar days across month and year ends', () => {
    const at = (iso: string) => new Date(`${iso}T18:00:00Z`);
    expect(earliestRequestDate(at('2026-11-23'), 'America/Mexico_City', 15)).toBe('2026-12-08');
    expect(earliestRequestDate(at('2026-12-20'), 'America/Mexico_City', 15)).toBe('2027-01-04');
    expect(earliestRequestDate(at('2028-02-20'), 'America/Mexico_City', 9)).toBe('2028-02-29');
    expect(earliestRequestDate(at('2026-11-23'), 'America/Mexico_City', 0)).toBe('2026-11-23');
  });

  it('counts from today in the desk’s zone, not in UTC nor in the machine’s zone', () => {
    // 03:00 UTC on the 24th is still the evening of the 23rd in Mexico City, already the 24th in Madrid.
    const now = new Date('2026-11-24T03:00:00Z');
    expect(earliestRequestDate(now, 'America/Mexico_City', 15)).toBe('2026-12-08');
    expect(earliestRequestDate(now, 'Europe/Madrid', 15)).toBe('2026-12-09');
    expect(earliestRequestDate(now, 'America/Lima', 1)).toBe('2026-11-24');
  });

  it('adds calendar days over a DST change, whatever the hour', () => {
    // New York springs forward on 2026-03-08: a day of 23 hours still counts as one.
    expect(earliestRequestDate(new Date('2026-03-08T04:30:00Z'), 'America/New_York', 1)).toBe('2026-03-08');
    expect(earliestRequestDate(new Date('2026-03-08T23:30:00-04:00'), 'America/New_York', 1)).toBe('2026-03-09');
  });

  it('gives validateForm no earliest date when the service has no lead time', () => {
    expect(leadTimeContext(new Date(), 'America/Mexico_City', 0)).toEqual({ earliestDate: undefined, leadTimeDays: 0 });
  });
});

describe('conditional fields (seed 003 DGST-P01-PR04/PR05)', () => {
  const KINDS = ['Apertura de puertos', 'Bloqueo o desbloqueo de sitios', 'Acceso a internet', 'Conexión a la red'];
  const network: FormField[] = [
    { key: 'tipo', type: 'select', label: 'Tipo de solicitud', required: true, validation: { options: KINDS } },
    {
      key: 'puertos',
      type: 'port_list',
      label: 'Puertos',
      required: false,
      showWhen: { field: 'tipo', values: ['Apertura de puertos'] },
      requiredWhen: { field: 'tipo', values: ['Apertura de puertos'] },
    },
    { key: 'url', type: 'url', label: 'URL', required: true, showWhen: { field: 'tipo', values: ['Bloqueo o desbloqueo de sitios'] } },
    { key: 'notas', type: 'text', label: 'Notas', required: false, requiredWhen: { field: 'tipo', values: ['Acceso a internet'] } },
  ];

  it.each([
    // [answers, expected result]
    [
      { tipo: 'Apertura de puertos', puertos: '443' },
      { ok: true, values: { tipo: 'Apertura de puertos', puertos: ['443'] } },
    ],
    [
      { tipo: 'Apertura de puertos' },
      { ok: false, errors: [{ field: 'formData.puertos', message: 'Puertos es obligatorio cuando Tipo de solicitud es «Apertura de puertos»' }] },
    ],
    [
      { tipo: 'Bloqueo o desbloqueo de sitios' },
      { ok: false, errors: [{ field: 'formData.url', message: 'URL es obligatorio cuando Tipo de solicitud es «Bloqueo o desbloqueo de sitios»' }] },
    ],
    [{ tipo: 'Conexión a la red' }, { ok: true, values: { tipo: 'Conexión a la red' } }],
    [
      { tipo: 'Acceso a internet' },
      { ok: false, errors: [{ field: 'formData.notas', message: 'Notas es obligatorio cuando Tipo de solicitud es «Acceso a internet»' }] },
    ],
    // An answer to a hidden field is dropped, not refused, nor even checked.
    [
      { tipo: 'Conexión a la red', puertos: 'no es un puerto', url: 'https://x.mx' },
      { ok: true, values: { tipo: 'Conexión a la red' } },
    ],
    // With no kind chosen the conditional fields are hidden; only the kind is missing.
    [{}, { ok: false, errors: [{ field: 'formData.tipo', message: 'Tipo de solicitud es obligatorio' }] }],
    // A kind that is not an option shows no conditional field.
    [{ tipo: 'Otro' }, { ok: false, errors: [{ field: 'formData.tipo', message: expect.stringContaining('debe ser una de las opciones') }] }],
  ])('validates %j', (answers, expected) => {
    expect(validateForm(network, answers)).toEqual(expected);
  });

  it('matches a multi_select when any chosen option is listed, and hides fields that hang on a hidden field', () => {
    const fields: FormField[] = [
      { key: 'permisos', type: 'multi_select', label: 'Permisos', required: false, validation: { options: ['Locales', 'Internacional'] } },
      {
        key: 'motivo',
        type: 'select',
        label: 'Motivo',
        required: false,
        showWhen: { field: 'permisos', values: ['Internacional'] },
        validation: { options: ['Viaje', 'Otro'] },
      },
      { key: 'detalle', type: 'text', label: 'Detalle', required: true, showWhen: { field: 'motivo', values: ['Otro'] } },
    ];
    expect(formFieldStates(fields, { permisos: ['Locales', 'Internacional'], motivo: 'Otro' }).detalle).toEqual({
      visible: true,
      required: true,
      requiredBecause: { field: 'motivo', value: 'Otro' },
    });
    // The reason was answered, then international calls were unticked: the detail goes with it.
    expect(formFieldStates(fields, { permisos: ['Locales'], motivo: 'Otro' })).toEqual({
      permisos: { visible: true, required: false },
      motivo: { visible: false, required: false },
      detalle: { visible: false, required: false },
    });
    expect(validateForm(fields, { permisos: ['Locales'], motivo: 'Otro' })).toEqual({ ok: true, values: { permisos: ['Locales'] } });
  });

  it('is what the portal marks and checks too', () => {
    expect(checkRequestForm(network, { tipo: 'Apertura de puertos', puertos: '', url: '', notas: '' })).toEqual({
      puertos: 'Puertos es obligatorio cuando Tipo de solicitud es «Apertura de puertos»',
    });
  });

  it.each([
    [
      'an unknown field',
      { key: 'x', type: 'text', label: 'X', required: false, showWhen: { field: 'nada', values: ['a'] } },
      'fields.1.showWhen.field',
      'no existe el campo «nada»',
    ],
    [
      'itself',
      { key: 'x', type: 'select', label: 'X', required: false, validation: { options: ['a'] }, requiredWhen: { field: 'x', values: ['a'] } },
      'fields.1.requiredWhen.field',
      'sí mismo',
    ],
    [
      'a field that is not an option list',
      { key: 'x', type: 'text', label: 'X', required: false, showWhen: { field: 'nota', values: ['a'] } },
      'fields.1.showWhen.field',
      'no es un campo de opciones',
    ],
    [
      'a value that is not an option',
      { key: 'x', type: 'text', label: 'X', required: false, showWhen: { field: 'tipo', values: ['Alta', 'Mudanza'] } },
      'fields.1.showWhen.values',
      'no son opciones de «Tipo»: Mudanza',
    ],
    [
      'no value',
      { key: 'x', type: 'text', label: 'X', required: false, requiredWhen: { field: 'tipo', values: [] } },
      'fields.1.requiredWhen.values',
      'al menos un valor',
    ],
  ] as [string, FormField, string, string][])('refuses a condition on %s at save time', (_what, bad, field, message) => {
    const base: FormField[] = [
      { key: 'tipo', type: 'select', label: 'Tipo', required: true, validation: { options: ['Alta', 'Baja'] } },
      bad,
      { key: 'nota', type: 'text', label: 'Nota', required: false },
    ];
    expect(checkFormDefinition(base)).toEqual([{ field, message: expect.stringContaining(message) }]);
  });

  it('refuses conditions that go round in a circle, once per cycle', () => {
    const select = (key: string, on: string, kind: 'showWhen' | 'requiredWhen' = 'showWhen'): FormField => ({
      key,
      type: 'select',
      label: key.toUpperCase(),
      required: false,
      validation: { options: ['s'] },
      [kind]: { field: on, values: ['s'] },
    });
    expect(checkFormDefinition([select('a', 'b'), select('b', 'c', 'requiredWhen'), select('c', 'a')])).toEqual([
      { field: 'fields.0.showWhen.field', message: 'las condiciones forman un ciclo: a → b → c → a' },
    ]);
    expect(checkFormDefinition([select('a', 'b'), select('b', 'c'), { ...select('c', 'x'), showWhen: undefined }])).toEqual([]);
  });

  it('never requires a hidden field, and accepts any answers the visible fields accept (property)', () => {
    const OPTIONS = ['a', 'b', 'c'];
    // Random forms of option fields whose conditions point only backwards (so no cycles), with random answers.
    const formArb = fc.integer({ min: 1, max: 6 }).chain((n) =>
      fc.tuple(
        ...Array.from({ length: n }, (_, i) =>
          fc.record({
            multi: fc.boolean(),
            required: fc.boolean(),
            show: i === 0 ? fc.constant(null) : fc.option(fc.record({ on: fc.nat(i - 1), values: fc.subarray(OPTIONS, { minLength: 1 }) })),
            req: i === 0 ? fc.constant(null) : fc.option(fc.record({ on: fc.nat(i - 1), values: fc.subarray(OPTIONS, { minLength: 1 }) })),
            answer: fc.option(fc.oneof(fc.constantFrom(...OPTIONS), fc.subarray(OPTIONS))),
          }),
        ),
      ),
    );
    fc.assert(
      fc.property(formArb, (specs) => {
        const fields: FormField[] = specs.map((s, i) => ({
          key: `f${i}`,
          type: s.multi ? 'multi_select' : 'select',
          label: `F${i}`,
          required: s.required,
          validation: { options: OPTIONS },
          ...(s.show ? { showWhen: { field: `f${s.show.on}`, values: s.show.values } } : {}),
          ...(s.req ? { requiredWhen: { field: `f${s.req.on}`, values: s.req.values } } : {}),
        }));
        expect(checkFormDefinition(fields)).toEqual([]);
        const answers: Record<string, unknown> = {};
        specs.forEach((s, i) => {
          if (s.answer !== null) answers[`f${i}`] = s.answer;
        });
        const states = formFieldStates(fields, answers);
        const result = validateForm(fields, answers);
        for (const f of fields) {
          if (!states[f.key].visible) {
            expect(states[f.key].required).toBe(false);
            if (!result.ok) expect(result.errors.map((e) => e.field)).not.toContain(`formData.${f.key}`);
            else expect(result.values).not.toHaveProperty(f.key);
          }
        }
        // Filling every shown field with a fitting answer always passes.
        const complete: Record<string, unknown> = { ...answers };
        for (const f of fields) if (complete[f.key] === undefined) complete[f.key] = f.type === 'multi_select' ? ['a'] : 'a';
        for (const f of fields) if (f.type === 'select' && Array.isArray(complete[f.key])) complete[f.key] = 'b';
        for (const f of fields) if (f.type === 'multi_select' && typeof complete[f.key] === 'string') complete[f.key] = [complete[f.key]];
        for (const f of fields) if (Array.isArray(complete[f.key]) && !(complete[f.key] as string[]).length) complete[f.key] = ['c'];
        expect(validateForm(fields, complete).ok).toBe(true);
      }),
    );
  });
});

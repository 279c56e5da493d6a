import fc from 'fast-check';
import { readCsvRecords, writeCsv } from '../../common/http/csv';
import { CSV_COLUMNS, fromCsvRow, toCsvRow, type PortableService } from './catalog-transfer.rules';

const service: PortableService = {
  code: 'RED-DATOS',
  name: 'Red de datos',
  description: 'Altas, bajas y cambios en la red, "incluye" VPN',
  category: 'Telecomunicaciones',
  subcategory: null,
  type: 'both',
  status: 'active',
  portalOrderable: true,
  leadTimeDays: 0,
  approval: 'none',
  calendarCode: 'mx',
  ownerOrganisation: 'SFIA-DGTIT',
  teamL1: 'Mesa de Servicio',
  teamL2: 'Redes',
  teamL3: null,
  teamField: null,
  restricted: true,
  allowedOrganisations: ['SEG', 'SFIA'],
  slaTargets: { critical: { responseMinutes: 10, resolutionMinutes: 120 } },
  form: [{ key: 'ip', type: 'ipv4_cidr', label: 'Dirección IP', required: true }],
};

describe('catalog CSV mapping', () => {
  it('round-trips a service through a CSV row', () => {
    const row = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, toCsvRow(service)[i]]));
    expect(fromCsvRow(row)).toEqual({ ok: true, value: service });
  });

  it('reports every bad cell of a row', () => {
    const r = fromCsvRow({ code: 'X', name: 'X', category: 'c', type: 'both', portalOrderable: 'quizá', leadTimeDays: '-3', form: '{nope', extra: '1' });
    expect(r).toEqual({
      ok: false,
      errors: [
        { field: 'leadTimeDays', message: 'debe ser un entero ≥ 0' },
        { field: 'extra', message: 'columna desconocida' },
        { field: 'portalOrderable', message: 'debe ser true o false' },
        { field: 'form', message: 'JSON inválido' },
      ],
    });
  });

  it('defaults optional cells', () => {
    const r = fromCsvRow({ code: 'X', name: 'X', category: 'c', type: 'incident' });
    expect(r.ok && r.value).toMatchObject({ status: 'draft', approval: 'none', portalOrderable: true, restricted: false, form: [], slaTargets: {} });
  });
});

describe('catalog CSV export → import', () => {
  // Cells as the importer keeps them: trimmed, and a blank optional cell means null.
  const text = fc
    .string({ unit: fc.constantFrom('a', 'Ñ', 'é', ' ', ',', '"', "'", '=', '+', '-', '@', '|', '\n', '\t', '{', '0'), minLength: 1, maxLength: 16 })
    .map((s) => s.trim())
    .filter(Boolean);
  const optional = fc.option(text, { nil: null });
  const portable: fc.Arbitrary<PortableService> = fc.record({
    code: text,
    name: text,
    description: optional,
    category: text,
    subcategory: optional,
    type: fc.constantFrom('incident', 'service_request', 'both'),
    status: fc.constantFrom('draft', 'active', 'retired'),
    portalOrderable: fc.boolean(),
    leadTimeDays: fc.nat({ max: 365 }),
    approval: fc.constantFrom('none', 'requester_titular', 'owner_titular'),
    calendarCode: text,
    ownerOrganisation: optional,
    teamL1: optional,
    teamL2: optional,
    teamL3: optional,
    teamField: optional,
    restricted: fc.boolean(),
    allowedOrganisations: fc.array(
      text
        .filter((s) => !s.includes('|'))
        .map((s) => s.trim())
        .filter(Boolean),
      { maxLength: 4 },
    ),
    slaTargets: fc.dictionary(fc.constantFrom('critical', 'high', 'medium', 'low'), fc.record({ responseMinutes: fc.nat(), resolutionMinutes: fc.nat() })),
    form: fc.array(
      fc.record({ key: fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/), type: fc.constantFrom('text', 'date', 'select'), label: text, required: fc.boolean() }),
      { maxLength: 3 },
    ),
  });

  it('imports from an exported file exactly the services that were exported', () => {
    fc.assert(
      fc.property(fc.array(portable, { minLength: 1, maxLength: 5 }), (services) => {
        const file = writeCsv([[...CSV_COLUMNS], ...services.map(toCsvRow)]);
        const imported = readCsvRecords(file).map(fromCsvRow);
        expect(imported).toEqual(services.map((value) => ({ ok: true, value })));
      }),
    );
  });
});

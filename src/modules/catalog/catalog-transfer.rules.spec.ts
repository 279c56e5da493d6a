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

import { leadTimeContext, validateForm, type FormField } from '../../src/modules/catalog/request-form.rules';
import { checkRequestForm, fieldStates, formAnswerKey, toFormData } from '../../web/lib/request-form';

describe('checkRequestForm', () => {
  it('makes the portal and the server refuse the same dates, whatever zone the browser is in', () => {
    const fields: FormField[] = [{ key: 'fecha', type: 'date', label: 'Fecha del evento', required: true }];
    const now = new Date('2026-11-24T03:00:00Z');
    const leadTime = { days: 15, deskTimeZone: 'America/Mexico_City' };
    const server = (fecha: string) => validateForm(fields, { fecha }, leadTimeContext(now, leadTime.deskTimeZone, leadTime.days)).ok;
    const previousTz = process.env.TZ;
    try {
      for (const tz of ['UTC', 'Asia/Tokyo', 'America/Mexico_City', 'Pacific/Honolulu']) {
        process.env.TZ = tz;
        for (const fecha of ['2026-12-07', '2026-12-08', '2026-12-09']) {
          const portal = Object.keys(checkRequestForm(fields, { fecha }, leadTime, now)).length === 0;
          expect({ tz, fecha, portal }).toEqual({ tz, fecha, portal: server(fecha) });
        }
      }
    } finally {
      if (previousTz === undefined) delete process.env.TZ;
      else process.env.TZ = previousTz;
    }
    expect(server('2026-12-07')).toBe(false);
    expect(server('2026-12-08')).toBe(true);
  });
});

describe('conditional fields in the portal (web/lib/request-form)', () => {
  const fields: FormField[] = [
    { key: 'tipo', type: 'select', label: 'Tipo de solicitud', required: true, validation: { options: ['Apertura de puertos', 'Acceso a internet'] } },
    { key: 'puertos', type: 'port_list', label: 'Puertos', required: true, showWhen: { field: 'tipo', values: ['Apertura de puertos'] } },
    { key: 'periodo', type: 'date_range', label: 'Periodo', required: false, requiredWhen: { field: 'tipo', values: ['Acceso a internet'] } },
  ];

  it('sends only the answers of the fields it shows', () => {
    const values = { tipo: 'Acceso a internet', puertos: '443', periodo: { from: '2026-12-01', to: '2026-12-31' } };
    expect(toFormData(fields, values)).toEqual({ tipo: 'Acceso a internet', periodo: { from: '2026-12-01', to: '2026-12-31' } });
    expect(fieldStates(fields, values)).toEqual({
      tipo: { visible: true, required: true },
      puertos: { visible: false, required: false },
      periodo: { visible: true, required: true, requiredBecause: { field: 'tipo', value: 'Acceso a internet' } },
    });
  });

  it('places the server’s form-answer errors on their field, nested ones included', () => {
    expect(formAnswerKey('formData.periodo', fields)).toBe('periodo');
    expect(formAnswerKey('formData.periodo.from', fields)).toBe('periodo');
    expect(formAnswerKey('formData.otro', fields)).toBeNull();
    expect(formAnswerKey('formData', fields)).toBeNull();
    expect(formAnswerKey('title', fields)).toBeNull();
  });
});

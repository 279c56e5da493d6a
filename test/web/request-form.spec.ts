import { leadTimeContext, validateForm, type FormField } from '../../src/modules/catalog/request-form.rules';
import { checkRequestForm } from '../../web/lib/request-form';

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

import { addBusinessTime, businessTimeBetween } from '../../../src/modules/sla/business-time.rules';
import { CalendarsService } from '../../../src/modules/sla/calendars.service';
import { createTestApp, type TestApp } from '../../support/app';
import { fieldsOf, person, type Person } from '../../support/tickets';

const BASE = '/api/v1/calendars';
const OFFICE = [
  { start: '09:00', end: '14:00' },
  { start: '16:00', end: '19:00' },
];
type Calendar = {
  id: string;
  code: string;
  version: number;
  isActive: boolean;
  week: Record<string, { start: string; end: string }[]>;
  closures: { id: string; date: string; reason: string }[];
  holidays: { date: string; name: string }[];
  services: { id: string }[];
  serviceCount: number;
};
type AuditRow = { action: string; field: string | null; oldValue: unknown; newValue: unknown };

describe('business calendars', () => {
  let t: TestApp;
  let admin: Person;
  let agent: Person;
  let manager: Person;
  let requester: Person;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, agent, manager, requester] = await Promise.all([
      person(t, ['admin']),
      person(t, ['agent_l1']),
      person(t, ['catalog_manager']),
      person(t, ['requester']),
    ]);
  });
  afterAll(() => t?.close());

  const audit = async (id: string) =>
    ((await admin.api.get(`/api/v1/audit?entity=business_calendar&entityId=${id}&pageSize=50`).expect(200)).body.items as AuditRow[]).reverse();
  const byCode = async (code: string) => ((await agent.api.get(BASE).expect(200)).body.items as Calendar[]).find((c) => c.code === code)!;

  it('ships a Mexican and a Peruvian calendar, and the one every existing service names', async () => {
    const mx = await byCode('mx');
    const pe = await byCode('pe');
    expect(mx).toMatchObject({ timeZone: 'America/Mexico_City', holidayCountry: 'MX', isActive: true });
    expect(mx.week['1']).toEqual([{ start: '09:00', end: '18:00' }]);
    expect(mx.week['6']).toEqual([]);
    expect(pe).toMatchObject({ timeZone: 'America/Lima', holidayCountry: 'PE' });
    expect(pe.week['5']).toEqual([{ start: '08:30', end: '17:30' }]);
    const detail = (await agent.api.get(`${BASE}/${mx.id}?year=2026`).expect(200)).body as Calendar;
    expect(detail.holidays).toContainEqual({ date: '2026-09-16', name: 'Día de la Independencia' });
    // Holy Thursday is a bank holiday in Mexico, not a federal one.
    expect(detail.holidays.map((h) => h.date)).not.toContain('2026-04-02');
  });

  it('lets staff read but only an admin write; requesters see nothing', async () => {
    await requester.api.get(BASE).expect(403);
    const body = { code: 'x-no', name: 'No', timeZone: 'America/Lima', week: { 1: OFFICE }, holidayCountry: null };
    await agent.api.post(BASE, body).expect(403);
    await manager.api.post(BASE, body).expect(403);
  });

  let jalisco: Calendar;

  it('creates, edits and deactivates a calendar with audit rows, refusing a stale version', async () => {
    jalisco = (
      await admin.api
        .post(BASE, { code: 'mx-jalisco', name: 'Jalisco', timeZone: 'America/Mexico_City', week: { 1: OFFICE, 2: OFFICE }, holidayCountry: 'MX' })
        .expect(201)
    ).body;
    expect(jalisco).toMatchObject({ code: 'mx-jalisco', isActive: true, version: 1, closures: [], services: [] });
    expect(jalisco.week).toEqual({ 1: OFFICE, 2: OFFICE, 3: [], 4: [], 5: [], 6: [], 7: [] });

    const edited = (await admin.api.patch(`${BASE}/${jalisco.id}`, { week: { 1: OFFICE, 6: [{ start: '10:00', end: '14:00' }] }, version: 1 }).expect(200))
      .body as Calendar;
    expect(edited.week['6']).toEqual([{ start: '10:00', end: '14:00' }]);
    expect(edited.week['2']).toEqual([]);
    const stale = await admin.api.patch(`${BASE}/${jalisco.id}`, { name: 'Otro', version: 1 }).expect(409);
    expect(stale.body).toMatchObject({ code: 'RECORD_VERSION_CONFLICT', errors: [{ field: 'version' }] });

    const off = (await admin.api.patch(`${BASE}/${jalisco.id}`, { isActive: false, version: edited.version }).expect(200)).body as Calendar;
    expect(off.isActive).toBe(false);
    jalisco = off;

    const rows = await audit(jalisco.id);
    expect(rows.map((r) => [r.action, r.field])).toEqual([
      ['create', null],
      ['update', 'week'],
      ['update', 'isActive'],
    ]);
  });

  it.each([
    ['code', { code: 'Jalisco Centro' }],
    ['timeZone', { timeZone: 'Mexico/Guadalajara City' }],
    ['holidayCountry', { holidayCountry: 'AR' }],
    ['week.1.0.end', { week: { 1: [{ start: '18:00', end: '09:00' }] } }],
    [
      'week.1.1.start',
      {
        week: {
          1: [
            { start: '09:00', end: '14:00' },
            { start: '13:00', end: '19:00' },
          ],
        },
      },
    ],
    ['week', { week: {} }],
  ])('answers 400 naming %s', async (field, over) => {
    const res = await admin.api
      .post(BASE, { code: 'mx-bad', name: 'Malo', timeZone: 'America/Mexico_City', week: { 1: OFFICE }, holidayCountry: 'MX', ...over })
      .expect(400);
    expect(fieldsOf(res)).toContain(field);
    expect(res.body.detail).toMatch(/[áéíóúñ]|Revisa|Elige/);
  });

  it('refuses a second calendar with the same code', async () => {
    const res = await admin.api
      .post(BASE, { code: 'mx', name: 'Otro', timeZone: 'America/Mexico_City', week: { 1: OFFICE }, holidayCountry: 'MX' })
      .expect(409);
    expect(res.body).toMatchObject({ code: 'CALENDAR_CODE_TAKEN', errors: [{ field: 'code' }] });
  });

  it('makes catalog services name a real calendar, and keeps a used calendar from going away', async () => {
    const bad = await manager.api
      .post('/api/v1/catalog/services', { code: 'CAL-01', name: 'Con calendario', category: 'Soporte', type: 'both', calendarCode: 'marte' })
      .expect(400);
    expect(bad.body.errors).toEqual([{ field: 'calendarCode', message: expect.stringContaining('calendario') }]);
    const csv = ['code,name,category,type,calendarCode', 'CAL-02,Importado,Soporte,both,marte'].join('\n');
    const imported = await manager.api.post('/api/v1/catalog/services/import', { format: 'csv', content: csv }).expect(400);
    expect(fieldsOf(imported)).toEqual(['rows.0.calendarCode']);

    const pe = await byCode('pe');
    const ok = await manager.api
      .post('/api/v1/catalog/services', { code: 'CAL-03', name: 'En Lima', category: 'Soporte', type: 'both', calendarCode: 'pe' })
      .expect(201);
    const used = (await agent.api.get(`${BASE}/${pe.id}`).expect(200)).body as Calendar;
    expect(used.services.map((s) => s.id)).toContain(ok.body.id);
    expect(used.serviceCount).toBeGreaterThanOrEqual(1);

    const deactivate = await admin.api.patch(`${BASE}/${pe.id}`, { isActive: false, version: pe.version }).expect(409);
    expect(deactivate.body).toMatchObject({ code: 'CALENDAR_IN_USE', errors: [{ field: 'isActive', message: expect.stringContaining('En Lima') }] });
    const remove = await admin.api.delete(`${BASE}/${pe.id}`).expect(409);
    expect(remove.body).toMatchObject({ code: 'CALENDAR_IN_USE', errors: [{ field: 'id' }] });
    expect((await byCode('pe')).isActive).toBe(true);

    // An unused calendar may be deleted, with its audit row.
    await admin.api.delete(`${BASE}/${jalisco.id}`).expect(204);
    await agent.api.get(`${BASE}/${jalisco.id}`).expect(404);
    expect((await audit(jalisco.id)).at(-1)).toMatchObject({ action: 'delete' });
  });

  it('adds and removes closures, audited, once per date', async () => {
    const mx = await byCode('mx');
    const added = (await admin.api.post(`${BASE}/${mx.id}/closures`, { date: '2026-11-03', reason: 'Día inhábil decretado' }).expect(201)).body as Calendar;
    expect(added.closures).toEqual([{ id: expect.any(String), date: '2026-11-03', reason: 'Día inhábil decretado' }]);
    const twice = await admin.api.post(`${BASE}/${mx.id}/closures`, { date: '2026-11-03', reason: 'Otra vez' }).expect(409);
    expect(twice.body).toMatchObject({ code: 'CALENDAR_CLOSURE_TAKEN', errors: [{ field: 'date' }] });
    expect(fieldsOf(await admin.api.post(`${BASE}/${mx.id}/closures`, { date: '2026-02-30', reason: 'x' }).expect(400))).toEqual(['date']);
    expect(fieldsOf(await admin.api.post(`${BASE}/${mx.id}/closures`, { date: '2026-12-31', reason: '  ' }).expect(400))).toEqual(['reason']);
    await agent.api.post(`${BASE}/${mx.id}/closures`, { date: '2026-12-31', reason: 'x' }).expect(403);

    const resolved = await t.app.get(CalendarsService).resolveCalendar('mx', '2026-09-01', '2026-11-30');
    expect(resolved.closedDates.has('2026-11-03')).toBe(true);

    const removed = (await admin.api.delete(`${BASE}/${mx.id}/closures/${added.closures[0]!.id}`).expect(200)).body as Calendar;
    expect(removed.closures).toEqual([]);
    const pe = await byCode('pe');
    await admin.api.delete(`${BASE}/${pe.id}/closures/${added.closures[0]!.id}`).expect(404);
    const rows = await audit(mx.id);
    expect(rows.map((r) => [r.action, r.field, r.oldValue, r.newValue])).toEqual([
      ['update', 'closures', null, { date: '2026-11-03', reason: 'Día inhábil decretado' }],
      ['update', 'closures', { date: '2026-11-03', reason: 'Día inhábil decretado' }, null],
    ]);
  });

  it('resolves a calendar with its country holidays and closures over the years a span covers', async () => {
    const calendars = t.app.get(CalendarsService);
    const mx = await calendars.resolveCalendar('mx', '2026-01-01', '2027-01-31');
    expect(mx).toMatchObject({ code: 'mx', timeZone: 'America/Mexico_City' });
    expect(mx.week[1]).toEqual([{ start: '09:00', end: '18:00' }]);
    for (const d of ['2026-09-16', '2026-11-16', '2026-12-25', '2027-01-01']) expect(mx.closedDates.has(d)).toBe(true);
    expect(mx.closedDates.has('2026-09-15')).toBe(false);

    const peCal = await byCode('pe');
    await admin.api.post(`${BASE}/${peCal.id}/closures`, { date: '2026-07-27', reason: 'Día no laborable (decreto)' }).expect(201);
    const pe = await calendars.resolveCalendar('pe', '2026-07-01', '2026-07-31');
    expect(pe.timeZone).toBe('America/Lima');
    expect([...pe.closedDates].filter((d) => d.startsWith('2026-07')).sort()).toEqual(['2026-07-23', '2026-07-27', '2026-07-28', '2026-07-29']);
    expect(pe.closedDates.has('2026-12-09')).toBe(true);
    expect(pe.closedDates.has('2027-01-01')).toBe(false);
    await expect(calendars.resolveCalendar('marte', '2026-01-01', '2026-01-02')).rejects.toMatchObject({ code: 'CALENDAR_NOT_FOUND' });
  });

  // The two halves of the first SLA increment meet: a stored calendar, resolved, drives the arithmetic.
  it('counts business time on a stored calendar, skipping its holidays in its own zone', async () => {
    const mx = await t.app.get(CalendarsService).resolveCalendar('mx', '2026-09-01', '2026-09-30');
    const hour = 3_600_000;
    // Tuesday 15 Sep 17:30 in Mexico City (23:30 UTC) + 1 business hour: the 16th is a federal holiday, so Thursday 09:30.
    expect(addBusinessTime(new Date('2026-09-15T23:30:00Z'), hour, mx).toISOString()).toBe('2026-09-17T15:30:00.000Z');
    // Friday 18 Sep 17:00 → Monday 21 Sep 10:00 is two business hours.
    expect(businessTimeBetween(new Date('2026-09-18T23:00:00Z'), new Date('2026-09-21T16:00:00Z'), mx)).toBe(2 * hour);
  });
});

import fc from 'fast-check';
import {
  calendarErrors,
  closedDates,
  isIanaTimeZone,
  minutesOf,
  normaliseWeek,
  publicHolidays,
  toBusinessCalendar,
  weekErrors,
  yearsCovered,
  type CalendarInput,
} from './calendar.rules';

const OFFICE = { start: '09:00', end: '18:00' };
const input = (over: Partial<CalendarInput> = {}): CalendarInput => ({
  code: 'mx-federal',
  name: 'México federal',
  timeZone: 'America/Mexico_City',
  week: { 1: [OFFICE], 2: [OFFICE], 3: [OFFICE], 4: [OFFICE], 5: [OFFICE] },
  holidayCountry: 'MX',
  ...over,
});

describe('calendar rules', () => {
  it('accepts a Monday-to-Friday office calendar', () => {
    expect(calendarErrors(input())).toEqual([]);
  });

  it.each([
    [
      'a split day',
      [
        { start: '08:00', end: '13:00' },
        { start: '15:00', end: '19:00' },
      ],
    ],
    [
      'touching intervals',
      [
        { start: '08:00', end: '13:00' },
        { start: '13:00', end: '19:00' },
      ],
    ],
    ['a shift to midnight', [{ start: '22:00', end: '24:00' }]],
    ['a whole day', [{ start: '00:00', end: '24:00' }]],
  ])('accepts %s', (_name, day) => {
    expect(weekErrors({ 1: day })).toEqual([]);
  });

  it.each([
    ['a start after the end', [{ start: '18:00', end: '09:00' }], 'week.1.0.end'],
    ['an empty interval', [{ start: '09:00', end: '09:00' }], 'week.1.0.end'],
    ['an hour 24 as start', [{ start: '24:00', end: '24:00' }], 'week.1.0.start'],
    ['a bad minute', [{ start: '09:60', end: '18:00' }], 'week.1.0.start'],
    ['a time without leading zero', [{ start: '9:00', end: '18:00' }], 'week.1.0.start'],
    ['an end past midnight', [{ start: '22:00', end: '24:30' }], 'week.1.0.end'],
    ['overlapping intervals', [OFFICE, { start: '17:00', end: '20:00' }], 'week.1.1.start'],
    [
      'intervals out of order',
      [
        { start: '15:00', end: '19:00' },
        { start: '08:00', end: '13:00' },
      ],
      'week.1.1.start',
    ],
  ])('rejects %s naming the field', (_name, day, field) => {
    expect(weekErrors({ 1: day }).map((e) => e.field)).toEqual([field]);
  });

  it('rejects a day outside 1..7 and a week without any hours', () => {
    expect(weekErrors({ 8: [OFFICE] }).map((e) => e.field)).toEqual(['week.8']);
    expect(weekErrors({}).map((e) => e.field)).toEqual(['week']);
    expect(weekErrors({ 6: [] }).map((e) => e.field)).toEqual(['week']);
  });

  it.each([
    ['code', { code: 'MX Federal' }],
    ['code', { code: 'x'.repeat(41) }],
    ['name', { name: '  ' }],
    ['timeZone', { timeZone: 'Mexico City' }],
    ['timeZone', { timeZone: 'America/Atlantis' }],
    ['holidayCountry', { holidayCountry: 'AR' as never }],
  ])('names %s when it is wrong', (field, over) => {
    expect(calendarErrors(input(over)).map((e) => e.field)).toEqual([field]);
  });

  it.each([
    ['America/Mexico_City', true],
    ['America/Lima', true],
    ['Europe/Madrid', true],
    ['UTC', true],
    ['america/lima', false],
    ['EST', false],
    ['', false],
    ['America/Nowhere', false],
  ])('knows whether %s is an IANA zone', (zone, ok) => {
    expect(isIanaTimeZone(zone)).toBe(ok);
  });

  it('reads times as minutes, 24:00 only as an end', () => {
    expect(minutesOf('00:00')).toBe(0);
    expect(minutesOf('17:30')).toBe(1050);
    expect(minutesOf('24:00')).toBeNull();
    expect(minutesOf('24:00', true)).toBe(1440);
  });

  it('fills the days without hours and drops extra keys of an interval', () => {
    const week = normaliseWeek({ 2: [{ start: '08:30', end: '17:30', extra: 1 } as never] });
    expect(week).toEqual({ 1: [], 2: [{ start: '08:30', end: '17:30' }], 3: [], 4: [], 5: [], 6: [], 7: [] });
  });

  it('lists the years a span touches', () => {
    expect(yearsCovered('2026-12-30', '2027-01-02')).toEqual([2026, 2027]);
    expect(yearsCovered('2026-03-01', '2026-03-01')).toEqual([2026]);
    expect(yearsCovered('2025-06-01', '2028-01-01')).toEqual([2025, 2026, 2027, 2028]);
  });

  it('keeps only public holidays, once per local date', () => {
    const listed = [
      { date: '2026-09-16 00:00:00', type: 'public', name: 'Día de la Independencia' },
      { date: '2026-12-12 00:00:00', type: 'observance', name: 'Día de la Virgen de Guadalupe' },
      { date: '2026-04-02 00:00:00', type: 'optional', name: 'Jueves Santo' },
      { date: '2026-01-01 00:00:00', type: 'public', name: 'Año Nuevo' },
      { date: '2026-01-01 00:00:00', type: 'public', name: 'Año Nuevo (otra fuente)' },
    ];
    expect(publicHolidays(listed)).toEqual([
      { date: '2026-01-01', name: 'Año Nuevo' },
      { date: '2026-09-16', name: 'Día de la Independencia' },
    ]);
    expect([...closedDates(listed, ['2026-11-03'])].sort()).toEqual(['2026-01-01', '2026-09-16', '2026-11-03']);
  });

  it('resolves the stored calendar into the shape the business-time rules read', () => {
    const closed = new Set(['2026-07-28']);
    const cal = toBusinessCalendar({ code: 'pe', timeZone: 'America/Lima', week: { 1: [OFFICE] } }, closed);
    expect(cal).toEqual({ code: 'pe', timeZone: 'America/Lima', week: { 1: [OFFICE], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] }, closedDates: closed });
  });

  it('accepts every sorted, disjoint day and rejects it once two intervals overlap', () => {
    // Cut points in minutes: consecutive pairs are sorted, disjoint intervals.
    const cuts = fc.uniqueArray(fc.integer({ min: 0, max: 1440 }), { minLength: 2, maxLength: 12 }).map((xs) => xs.sort((a, b) => a - b));
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    fc.assert(
      fc.property(cuts, (xs) => {
        const day = [];
        for (let i = 0; i + 1 < xs.length; i += 2) day.push({ start: hhmm(xs[i]!), end: hhmm(xs[i + 1]!) });
        if (day.some((d) => d.start === '24:00')) return;
        expect(weekErrors({ 3: day })).toEqual([]);
        if (day.length >= 2) {
          // Stretching the first interval past the second's start makes an overlap.
          const overlapping = [{ start: day[0]!.start, end: day[1]!.end }, ...day.slice(1)];
          expect(weekErrors({ 3: overlapping }).length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

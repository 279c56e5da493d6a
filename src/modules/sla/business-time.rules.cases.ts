// The calendars and core cases of business-time.rules.spec.ts, in their own file so that the spec
// can re-run them in child processes started under other TZ values (a jest sandbox cannot change
// its own zone: process.env there is a copy, and assigning TZ to it does not reach V8).
// Instants are written with their offset (or as local times of the calendar's zone, read with
// luxon), never with the machine zone.

import { DateTime } from 'luxon';
import type { BusinessCalendar, IsoWeekday, WorkingInterval } from './business-calendar';
import { addBusinessTime, businessTimeBetween } from './business-time.rules';

const HOUR = 3_600_000;
const MINUTE = 60_000;

function weekOf(days: IsoWeekday[], intervals: WorkingInterval[]): Record<IsoWeekday, WorkingInterval[]> {
  const week = { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] } as Record<IsoWeekday, WorkingInterval[]>;
  for (const day of days) week[day] = intervals;
  return week;
}

const WEEKDAYS: IsoWeekday[] = [1, 2, 3, 4, 5];
const EVERY_DAY: IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

export const CALENDARS = {
  /** Mon–Fri 09:00–15:00 in New York (DST), Thanksgiving 2026 closed: the regression calendar. */
  nyOffice: {
    code: 'NY-OFFICE',
    timeZone: 'America/New_York',
    week: weekOf(WEEKDAYS, [{ start: '09:00', end: '15:00' }]),
    closedDates: new Set(['2026-11-26']),
  },
  /** Split shift in Madrid, two holidays. */
  madridSplit: {
    code: 'MAD-SPLIT',
    timeZone: 'Europe/Madrid',
    week: weekOf(WEEKDAYS, [
      { start: '09:00', end: '14:00' },
      { start: '16:00', end: '19:00' },
    ]),
    closedDates: new Set(['2026-12-08', '2026-12-25']),
  },
  /** Night desk every day, 22:00–06:00 modelled as 00:00–06:00 + 22:00–24:00. */
  nyNight: {
    code: 'NY-NIGHT',
    timeZone: 'America/New_York',
    week: weekOf(EVERY_DAY, [
      { start: '00:00', end: '06:00' },
      { start: '22:00', end: '24:00' },
    ]),
    closedDates: new Set<string>(),
  },
  /** Intervals straddling and inside New York's 02:00–03:00 gap and overlap. */
  nySmallHours: {
    code: 'NY-SMALL-HOURS',
    timeZone: 'America/New_York',
    week: weekOf(EVERY_DAY, [
      { start: '01:00', end: '02:00' },
      { start: '02:15', end: '02:45' },
      { start: '03:00', end: '04:00' },
    ]),
    closedDates: new Set<string>(),
  },
  /** Santiago changes its clocks at midnight: the night desk's '24:00' falls in the gap/overlap. */
  santiagoNight: {
    code: 'SCL-NIGHT',
    timeZone: 'America/Santiago',
    week: weekOf(EVERY_DAY, [
      { start: '00:00', end: '06:00' },
      { start: '22:00', end: '24:00' },
    ]),
    closedDates: new Set<string>(),
  },
} satisfies Record<string, BusinessCalendar>;

export type CalendarName = keyof typeof CALENDARS;

/** A local time of the calendar's zone ('2026-11-06T14:00') or an instant with its offset ('…-05:00'). */
export function at(calendar: CalendarName, text: string): Date {
  const parsed = DateTime.fromISO(text, { zone: CALENDARS[calendar].timeZone });
  if (!parsed.isValid) throw new Error(`bad instant ${text}`);
  return parsed.toJSDate();
}

/** An instant as the calendar's zone shows it, with the offset, e.g. '2026-11-09T09:30:00-05:00'. */
export function show(calendar: CalendarName, instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: CALENDARS[calendar].timeZone }).toISO({ suppressMilliseconds: true }) ?? 'invalid';
}

export type AddCase = { name: string; calendar: CalendarName; start: string; durationMs: number; expected: string };
export type BetweenCase = { name: string; calendar: CalendarName; from: string; to: string; expectedMs: number };

export const ADD_CASES: AddCase[] = [
  // Regressions of other desks' SLA engines.
  {
    name: 'escalation at creation: 1 h from Fri 14:30 fires Mon 09:30',
    calendar: 'nyOffice',
    start: '2026-11-06T14:30',
    durationMs: HOUR,
    expected: '2026-11-09T09:30:00-05:00',
  },
  {
    name: 'reminder: 1 business day (6 h) from Tue 10:00 is Wed 10:00, not midnight',
    calendar: 'nyOffice',
    start: '2026-11-10T10:00',
    durationMs: 6 * HOUR,
    expected: '2026-11-11T10:00:00-05:00',
  },
  // Interval ends.
  {
    name: '10 min from 14:55 carries over to 09:05 next working day',
    calendar: 'nyOffice',
    start: '2026-11-09T14:55',
    durationMs: 10 * MINUTE,
    expected: '2026-11-10T09:05:00-05:00',
  },
  {
    name: '10 min from 14:50 is exactly the closing, 15:00',
    calendar: 'nyOffice',
    start: '2026-11-09T14:50',
    durationMs: 10 * MINUTE,
    expected: '2026-11-09T15:00:00-05:00',
  },
  {
    name: 'a whole day from the opening ends at the closing',
    calendar: 'nyOffice',
    start: '2026-11-09T09:00',
    durationMs: 6 * HOUR,
    expected: '2026-11-09T15:00:00-05:00',
  },
  {
    name: '1 min from the closing is 09:01 next day',
    calendar: 'nyOffice',
    start: '2026-11-09T15:00',
    durationMs: MINUTE,
    expected: '2026-11-10T09:01:00-05:00',
  },
  // Outside hours and zero.
  { name: 'zero from the opening is the opening', calendar: 'nyOffice', start: '2026-11-09T09:00', durationMs: 0, expected: '2026-11-09T09:00:00-05:00' },
  { name: 'zero inside hours is the start itself', calendar: 'nyOffice', start: '2026-11-09T11:17', durationMs: 0, expected: '2026-11-09T11:17:00-05:00' },
  { name: 'zero from the closing is the next opening', calendar: 'nyOffice', start: '2026-11-09T15:00', durationMs: 0, expected: '2026-11-10T09:00:00-05:00' },
  { name: 'zero on Saturday is Monday 09:00', calendar: 'nyOffice', start: '2026-11-07T12:00', durationMs: 0, expected: '2026-11-09T09:00:00-05:00' },
  {
    name: 'from Saturday counts from Monday 09:00',
    calendar: 'nyOffice',
    start: '2026-11-07T12:00',
    durationMs: 30 * MINUTE,
    expected: '2026-11-09T09:30:00-05:00',
  },
  { name: 'before opening counts from the opening', calendar: 'nyOffice', start: '2026-11-09T07:00', durationMs: HOUR, expected: '2026-11-09T10:00:00-05:00' },
  {
    name: 'after closing counts from the next opening',
    calendar: 'nyOffice',
    start: '2026-11-09T16:00',
    durationMs: HOUR,
    expected: '2026-11-10T10:00:00-05:00',
  },
  // Holidays and long spans.
  { name: 'Thanksgiving is skipped', calendar: 'nyOffice', start: '2026-11-25T14:00', durationMs: 2 * HOUR, expected: '2026-11-27T10:00:00-05:00' },
  {
    name: 'two weeks across the fall-back weekend',
    calendar: 'nyOffice',
    start: '2026-10-26T09:00',
    durationMs: 60 * HOUR,
    expected: '2026-11-06T15:00:00-05:00',
  },
  {
    name: 'four weeks with Thanksgiving take one day more',
    calendar: 'nyOffice',
    start: '2026-11-16T09:00',
    durationMs: 120 * HOUR,
    expected: '2026-12-14T15:00:00-05:00',
  },
  // Several intervals a day.
  { name: 'the lunch break is skipped', calendar: 'madridSplit', start: '2026-12-07T13:30', durationMs: HOUR, expected: '2026-12-07T16:30:00+01:00' },
  {
    name: 'zero at the morning closing is the afternoon opening',
    calendar: 'madridSplit',
    start: '2026-12-07T14:00',
    durationMs: 0,
    expected: '2026-12-07T16:00:00+01:00',
  },
  {
    name: 'from the break, the afternoon then the next morning',
    calendar: 'madridSplit',
    start: '2026-12-10T15:00',
    durationMs: 5 * HOUR,
    expected: '2026-12-11T11:00:00+01:00',
  },
  { name: 'a holiday Tuesday is skipped', calendar: 'madridSplit', start: '2026-12-07T18:30', durationMs: HOUR, expected: '2026-12-09T09:30:00+01:00' },
  { name: 'spring-forward weekend in Madrid', calendar: 'madridSplit', start: '2026-03-27T18:00', durationMs: 2 * HOUR, expected: '2026-03-30T10:00:00+02:00' },
  // Overnight shifts and DST.
  { name: 'overnight shift runs across midnight', calendar: 'nyNight', start: '2026-11-07T23:30', durationMs: HOUR, expected: '2026-11-08T00:30:00-05:00' },
  { name: 'ending exactly at 24:00 gives midnight', calendar: 'nyNight', start: '2026-11-07T23:00', durationMs: HOUR, expected: '2026-11-08T00:00:00-05:00' },
  {
    name: 'from the 06:00 closing to the 22:00 opening',
    calendar: 'nyNight',
    start: '2026-11-09T06:00',
    durationMs: HOUR,
    expected: '2026-11-09T23:00:00-05:00',
  },
  {
    name: 'spring forward: the night of 8 March has 7 h, so 8 h ends at 23:00 next evening',
    calendar: 'nyNight',
    start: '2026-03-07T22:00',
    durationMs: 8 * HOUR,
    expected: '2026-03-08T23:00:00-04:00',
  },
  {
    name: 'fall back: 2 h from midnight is the second 01:00',
    calendar: 'nyNight',
    start: '2026-11-01T00:00-04:00',
    durationMs: 2 * HOUR,
    expected: '2026-11-01T01:00:00-05:00',
  },
  {
    name: 'spring forward: 01:30 + 1 h jumps the gap to 03:30',
    calendar: 'nySmallHours',
    start: '2026-03-08T01:30-05:00',
    durationMs: HOUR,
    expected: '2026-03-08T03:30:00-04:00',
  },
  {
    name: 'fall back: first 01:30 + 1 h is the second 01:30',
    calendar: 'nySmallHours',
    start: '2026-11-01T01:30-04:00',
    durationMs: HOUR,
    expected: '2026-11-01T01:30:00-05:00',
  },
  {
    name: 'Santiago spring forward at midnight: 23:00 + 1 h 30 is 01:30 after the jump',
    calendar: 'santiagoNight',
    start: '2026-09-05T23:00',
    durationMs: 90 * MINUTE,
    expected: '2026-09-06T01:30:00-03:00',
  },
  {
    name: 'Santiago fall back at midnight: 23:30 + 1 h is the second 23:30',
    calendar: 'santiagoNight',
    start: '2026-04-04T23:30-03:00',
    durationMs: HOUR,
    expected: '2026-04-04T23:30:00-04:00',
  },
];

export const BETWEEN_CASES: BetweenCase[] = [
  {
    name: 'pending over a weekend: Fri 14:00 → Mon 10:00 is 2 h',
    calendar: 'nyOffice',
    from: '2026-11-06T14:00',
    to: '2026-11-09T10:00',
    expectedMs: 2 * HOUR,
  },
  { name: 'empty and reversed ranges are 0', calendar: 'nyOffice', from: '2026-11-09T10:00', to: '2026-11-09T10:00', expectedMs: 0 },
  { name: 'reversed range is 0', calendar: 'nyOffice', from: '2026-11-09T12:00', to: '2026-11-09T10:00', expectedMs: 0 },
  { name: 'a whole weekend is 0', calendar: 'nyOffice', from: '2026-11-06T15:00', to: '2026-11-09T09:00', expectedMs: 0 },
  { name: 'inside one interval', calendar: 'nyOffice', from: '2026-11-09T10:15', to: '2026-11-09T11:00', expectedMs: 45 * MINUTE },
  { name: 'across Thanksgiving', calendar: 'nyOffice', from: '2026-11-25T14:00', to: '2026-11-27T10:00', expectedMs: 2 * HOUR },
  {
    name: 'two weeks across fall back count working hours, not the extra real hour',
    calendar: 'nyOffice',
    from: '2026-10-26T09:00',
    to: '2026-11-06T15:00',
    expectedMs: 60 * HOUR,
  },
  { name: 'split shift over a holiday', calendar: 'madridSplit', from: '2026-12-07T08:00', to: '2026-12-09T10:00', expectedMs: 9 * HOUR },
  { name: 'Madrid spring-forward weekend', calendar: 'madridSplit', from: '2026-03-27T18:00', to: '2026-03-30T10:00', expectedMs: 2 * HOUR },
  { name: 'New York spring-forward night is 7 h', calendar: 'nyNight', from: '2026-03-07T22:00', to: '2026-03-08T06:00', expectedMs: 7 * HOUR },
  { name: 'New York fall-back night is 9 h', calendar: 'nyNight', from: '2026-10-31T22:00', to: '2026-11-01T06:00', expectedMs: 9 * HOUR },
  {
    name: 'Santiago spring-forward night (jump at midnight) is 7 h',
    calendar: 'santiagoNight',
    from: '2026-09-05T22:00',
    to: '2026-09-06T06:00',
    expectedMs: 7 * HOUR,
  },
  {
    name: 'Santiago fall-back night (midnight repeated) is 9 h',
    calendar: 'santiagoNight',
    from: '2026-04-04T22:00-03:00',
    to: '2026-04-05T06:00',
    expectedMs: 9 * HOUR,
  },
  {
    name: 'small hours on the spring-forward day: 02:15–02:45 does not exist',
    calendar: 'nySmallHours',
    from: '2026-03-08T00:00',
    to: '2026-03-08T12:00',
    expectedMs: 2 * HOUR,
  },
  {
    name: 'small hours on the fall-back day: 01:00–02:00 lived twice',
    calendar: 'nySmallHours',
    from: '2026-11-01T00:00',
    to: '2026-11-01T12:00',
    expectedMs: 3.5 * HOUR,
  },
  { name: 'small hours on an ordinary day', calendar: 'nySmallHours', from: '2026-11-02T00:00', to: '2026-11-02T12:00', expectedMs: 2.5 * HOUR },
];

/** Every core case evaluated: [name, actual, expected] — compared by the spec, in and out of process. */
export function evaluateCoreCases(): Array<[string, string | number, string | number]> {
  return [
    ...ADD_CASES.map((c): [string, string, string] => [
      c.name,
      show(c.calendar, addBusinessTime(at(c.calendar, c.start), c.durationMs, CALENDARS[c.calendar])),
      c.expected,
    ]),
    ...BETWEEN_CASES.map((c): [string, number, number] => [
      c.name,
      businessTimeBetween(at(c.calendar, c.from), at(c.calendar, c.to), CALENDARS[c.calendar]),
      c.expectedMs,
    ]),
  ];
}

import type { BusinessCalendar, IsoWeekday, WorkingInterval } from './business-calendar';

/**
 * Business calendars as an admin edits them (issue 12): weekly hours, zone, holiday country.
 * Pure: no Nest, no I/O. The calendars service stores what passes here and resolves it into a
 * BusinessCalendar for the business-time rules.
 */

export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const satisfies readonly IsoWeekday[];
/** Countries whose national public holidays Mesa takes from date-holidays (Mexico federal, Peru national). */
export const HOLIDAY_COUNTRIES = ['MX', 'PE'] as const;
export type HolidayCountry = (typeof HOLIDAY_COUNTRIES)[number];

/** The stored week: every ISO weekday present, a day with no intervals is not worked. */
export type StoredWeek = Record<IsoWeekday, WorkingInterval[]>;

export type FieldError = { field: string; message: string };

export type CalendarInput = {
  code: string;
  name: string;
  timeZone: string;
  week: Partial<Record<string, WorkingInterval[]>>;
  holidayCountry: HolidayCountry | null;
};

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Minutes since local midnight of 'HH:mm' (or 1440 for '24:00'); null when it is not a time of day. */
export function minutesOf(time: string, asEnd = false): number | null {
  if (asEnd && time === '24:00') return 1440;
  if (!TIME.test(time)) return null;
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** Whether `zone` is an IANA zone name this runtime knows, written the way it names it. */
export function isIanaTimeZone(zone: string): boolean {
  if (!zone.includes('/') && zone !== 'UTC') return false;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone === zone;
  } catch {
    return false;
  }
}

/** What is wrong with a week: per interval, bad times, start not before end, overlaps or disorder. */
export function weekErrors(week: Partial<Record<string, WorkingInterval[]>>): FieldError[] {
  const errors: FieldError[] = [];
  for (const key of Object.keys(week)) {
    if (!ISO_WEEKDAYS.some((d) => String(d) === key)) errors.push({ field: `week.${key}`, message: 'El día debe ser del 1 (lunes) al 7 (domingo).' });
  }
  for (const day of ISO_WEEKDAYS) {
    const intervals = week[String(day)] ?? [];
    let previousEnd = -1;
    intervals.forEach((interval, i) => {
      const field = `week.${day}.${i}`;
      const start = minutesOf(interval.start);
      const end = minutesOf(interval.end, true);
      if (start === null) return errors.push({ field: `${field}.start`, message: 'Escribe la hora de inicio como HH:mm (00:00 a 23:59).' });
      if (end === null) return errors.push({ field: `${field}.end`, message: 'Escribe la hora de fin como HH:mm (00:01 a 24:00).' });
      if (start >= end) return errors.push({ field: `${field}.end`, message: 'La hora de fin debe ser posterior a la de inicio.' });
      if (start < previousEnd) {
        errors.push({ field: `${field}.start`, message: 'Los horarios del día deben ir en orden y sin traslaparse.' });
      }
      previousEnd = Math.max(previousEnd, end);
      return undefined;
    });
  }
  if (!errors.length && ISO_WEEKDAYS.every((d) => !(week[String(d)] ?? []).length)) {
    errors.push({ field: 'week', message: 'El calendario necesita al menos un horario de atención en la semana.' });
  }
  return errors;
}

/** Every problem of a calendar's editable fields, each naming its field, in Spanish. */
export function calendarErrors(input: CalendarInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!CODE.test(input.code) || input.code.length > 40) {
    errors.push({ field: 'code', message: 'La clave usa minúsculas, números y guiones (hasta 40 caracteres), p. ej. mx-federal.' });
  }
  if (!input.name.trim()) errors.push({ field: 'name', message: 'Escribe el nombre del calendario.' });
  else if (input.name.trim().length > 200) errors.push({ field: 'name', message: 'El nombre admite hasta 200 caracteres.' });
  if (!isIanaTimeZone(input.timeZone)) {
    errors.push({ field: 'timeZone', message: 'Elige una zona horaria válida, p. ej. America/Mexico_City.' });
  }
  if (input.holidayCountry !== null && !HOLIDAY_COUNTRIES.includes(input.holidayCountry)) {
    errors.push({ field: 'holidayCountry', message: 'Los feriados pueden ser de México o de Perú.' });
  }
  return [...errors, ...weekErrors(input.week)];
}

/** The week with all seven days present and each day's intervals as given (already validated). */
export function normaliseWeek(week: Partial<Record<string, WorkingInterval[]>>): StoredWeek {
  return Object.fromEntries(ISO_WEEKDAYS.map((d) => [d, (week[String(d)] ?? []).map((i) => ({ start: i.start, end: i.end }))])) as StoredWeek;
}

/** Calendar years a span of local dates ('YYYY-MM-DD') touches, in order. */
export function yearsCovered(fromDate: string, toDate: string): number[] {
  const from = Number(fromDate.slice(0, 4));
  const to = Number(toDate.slice(0, 4));
  const years: number[] = [];
  for (let y = from; y <= to; y++) years.push(y);
  return years;
}

/** A holiday as date-holidays lists it: `date` is local 'YYYY-MM-DD hh:mm:ss'. */
export type ListedHoliday = { date: string; type: string; name: string };

/** The country's national public holidays (date-holidays type 'public'; bank, school, optional and observance days are worked). */
export function publicHolidays(listed: readonly ListedHoliday[]): { date: string; name: string }[] {
  const byDate = new Map<string, string>();
  for (const h of listed) {
    if (h.type !== 'public') continue;
    const date = h.date.slice(0, 10);
    if (!byDate.has(date)) byDate.set(date, h.name);
  }
  return [...byDate].map(([date, name]) => ({ date, name })).sort((a, b) => a.date.localeCompare(b.date));
}

/** The local dates with no working time: the public holidays plus the calendar's closures. */
export function closedDates(holidays: readonly ListedHoliday[], closures: readonly string[]): Set<string> {
  return new Set([...publicHolidays(holidays).map((h) => h.date), ...closures]);
}

/** The stored calendar as the business-time rules read it. */
export function toBusinessCalendar(
  stored: { code: string; timeZone: string; week: Partial<Record<string, WorkingInterval[]>> },
  closed: ReadonlySet<string>,
): BusinessCalendar {
  return { code: stored.code, timeZone: stored.timeZone, week: normaliseWeek(stored.week), closedDates: closed };
}

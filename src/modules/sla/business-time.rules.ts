// Business-time arithmetic for the SLA clocks (issue 12): how much working time lies between two
// instants, and when a given amount of working time has elapsed. Pure: no Nest, no I/O, and no
// dependence on the machine's zone — every local reading goes through the calendar's IANA zone.
//
// Conventions (README.md, "SLA business time"):
// - Working time is the union of half-open spans [start, end): an instant exactly at an opening
//   is working, an instant exactly at a closing is not.
// - An interval boundary 'HH:mm' on local date D is the first instant at which the zone's wall
//   clock reads D HH:mm or later. Across a spring-forward gap a boundary inside the gap falls on
//   the jump itself (02:30 → 03:00 in New York), so a 02:00–03:00 interval that day is empty; across
//   a fall-back overlap the boundary is the first pass, and the hour lived twice counts twice
//   (01:00–02:00 on the New York fall-back day is 2 real hours). '24:00' is 00:00 of the next date.
// - addBusinessTime(start, 0) is the next working instant (start itself if it is working).
//   For d > 0 the result is the instant the d-th millisecond of working time ends; when that is
//   exactly a closing, the result is the closing itself (10 business minutes from 14:50 with hours
//   ending 15:00 → 15:00 that day, not the next opening): a timer fires as soon as its time is spent.
// - Arithmetic is day by day and interval by interval, never minute by minute. A calendar without
//   any working time within MAX_IDLE_DAYS of the search point throws SLA_CALENDAR_INVALID instead of
//   searching forever.

import { IANAZone } from 'luxon';
import { MesaError } from '../../common/errors/mesa-error';
import type { BusinessCalendar, IsoWeekday } from './business-calendar';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** How many consecutive local dates without working time end a search (holidays and closures never come close). */
export const MAX_IDLE_DAYS = 3 * 366;

/** A local calendar date, computed with UTC arithmetic on its own fields (zone-free). */
type LocalDate = { y: number; m: number; d: number };

/** One working span in real time: [startMs, endMs). */
export type WorkingSpan = { startMs: number; endMs: number };

const WALL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

// Spanish detail for whoever sees the problem+json; the technical reason rides along for the logs.
function invalid(calendar: BusinessCalendar, reason: string): MesaError {
  return new MesaError('SLA_CALENDAR_INVALID', `El calendario laboral ${calendar.code} no se puede usar para calcular tiempo hábil.`, {
    retryable: false,
    extra: { calendarCode: calendar.code, reason },
  });
}

function zoneOf(calendar: BusinessCalendar): IANAZone {
  const zone = IANAZone.create(calendar.timeZone);
  if (!zone.isValid) throw invalid(calendar, `unknown time zone ${calendar.timeZone}`);
  return zone;
}

function wallMinutes(calendar: BusinessCalendar, hhmm: string): number {
  if (!WALL_TIME.test(hhmm)) throw invalid(calendar, `bad wall-clock time '${hhmm}' (expected HH:mm, 00:00–24:00)`);
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function offsetMs(zone: IANAZone, t: number): number {
  return zone.offset(t) * MINUTE_MS;
}

function localDateOf(zone: IANAZone, t: number): LocalDate {
  const local = new Date(t + offsetMs(zone, t));
  return { y: local.getUTCFullYear(), m: local.getUTCMonth() + 1, d: local.getUTCDate() };
}

function nextDate(date: LocalDate): LocalDate {
  const next = new Date(Date.UTC(date.y, date.m - 1, date.d) + DAY_MS);
  return { y: next.getUTCFullYear(), m: next.getUTCMonth() + 1, d: next.getUTCDate() };
}

function isoDate(date: LocalDate): string {
  return `${String(date.y).padStart(4, '0')}-${String(date.m).padStart(2, '0')}-${String(date.d).padStart(2, '0')}`;
}

function isoWeekday(date: LocalDate): IsoWeekday {
  const sundayZero = new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
  return (sundayZero === 0 ? 7 : sundayZero) as IsoWeekday;
}

/**
 * The first instant at which the wall clock reads `localMs` (a wall time written as if it were UTC)
 * or later. Assumes at most one offset change within ±26 h, which holds for every real zone.
 */
function firstInstantAtOrAfterWall(zone: IANAZone, localMs: number): number {
  const before = offsetMs(zone, localMs - 26 * HOUR_MS);
  const after = offsetMs(zone, localMs + 26 * HOUR_MS);
  if (before === after) return localMs - before;
  const valid = [before, after].map((o) => localMs - o).filter((t) => offsetMs(zone, t) === localMs - t);
  if (valid.length) return Math.min(...valid);
  // The wall time is skipped by a forward jump: the first instant past it is the jump itself.
  // Binary search the transition between the two readings (lo: still the old offset).
  let lo = localMs - after;
  let hi = localMs - before;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (offsetMs(zone, mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

function spansOfDate(calendar: BusinessCalendar, zone: IANAZone, date: LocalDate): WorkingSpan[] {
  if (calendar.closedDates.has(isoDate(date))) return [];
  const intervals = calendar.week[isoWeekday(date)] ?? [];
  if (!intervals.length) return [];
  const midnight = Date.UTC(date.y, date.m - 1, date.d);
  // Fast path: one offset over the whole local day (no transition within a day and a half around it).
  const before = offsetMs(zone, midnight - 36 * HOUR_MS);
  const steady = before === offsetMs(zone, midnight + 60 * HOUR_MS);
  const instant = (minutes: number): number => {
    const localMs = midnight + minutes * MINUTE_MS;
    return steady ? localMs - before : firstInstantAtOrAfterWall(zone, localMs);
  };
  const spans: WorkingSpan[] = [];
  let previousEnd = -Infinity;
  for (const interval of intervals) {
    const start = wallMinutes(calendar, interval.start);
    const end = wallMinutes(calendar, interval.end);
    if (start >= end) throw invalid(calendar, `interval ${interval.start}–${interval.end} does not end after it starts`);
    if (start * MINUTE_MS + midnight < previousEnd) throw invalid(calendar, `intervals of ${isoDate(date)} overlap or are not sorted`);
    previousEnd = end * MINUTE_MS + midnight;
    const startMs = instant(start);
    const endMs = instant(end);
    // An interval wholly inside a spring-forward gap has no working time that day.
    if (endMs > startMs) spans.push({ startMs, endMs });
  }
  return spans;
}

function hasWeeklyHours(calendar: BusinessCalendar): boolean {
  return ([1, 2, 3, 4, 5, 6, 7] as const).some((day) => (calendar.week[day] ?? []).length > 0);
}

/**
 * The working spans that end after `fromMs`, in order, the first one possibly already under way;
 * endless unless `untilMs` bounds the dates searched. Throws rather than loop when MAX_IDLE_DAYS pass without any working time.
 */
function* spansFrom(calendar: BusinessCalendar, fromMs: number, untilMs = Infinity): Generator<WorkingSpan> {
  if (!Number.isFinite(fromMs)) throw new RangeError('business time needs a valid instant');
  if (!hasWeeklyHours(calendar)) throw invalid(calendar, 'no working hours on any weekday');
  const zone = zoneOf(calendar);
  // Spans of earlier local dates end at or before the first instant of this date, hence ≤ fromMs.
  let date = localDateOf(zone, fromMs);
  let idleDays = 0;
  // No span of a date starts before its local midnight read in the largest offset (+14 h).
  while (Date.UTC(date.y, date.m - 1, date.d) - 14 * HOUR_MS < untilMs) {
    const spans = spansOfDate(calendar, zone, date).filter((s) => s.endMs > fromMs);
    if (spans.length) {
      idleDays = 0;
      yield* spans;
    } else if (++idleDays > MAX_IDLE_DAYS) {
      throw invalid(calendar, `no working time in the ${MAX_IDLE_DAYS} days after ${isoDate(date)}`);
    }
    date = nextDate(date);
  }
}

function firstSpanFrom(calendar: BusinessCalendar, fromMs: number): WorkingSpan {
  const first = spansFrom(calendar, fromMs).next();
  if (first.done) throw new Error('unreachable: an unbounded span search ends only by throwing');
  return first.value;
}

/** The working spans of one local date ('YYYY-MM-DD') in real time; empty on closed dates and days without hours. */
export function workingSpansOn(localDate: string, calendar: BusinessCalendar): WorkingSpan[] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate);
  if (!match) throw new RangeError(`bad local date '${localDate}' (expected YYYY-MM-DD)`);
  return spansOfDate(calendar, zoneOf(calendar), { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) });
}

/** Whether `at` lies inside a working span (an opening is working, a closing is not). */
export function isWorkingInstant(at: Date, calendar: BusinessCalendar): boolean {
  const t = at.getTime();
  return firstSpanFrom(calendar, t).startMs <= t;
}

/** `at` itself when it is working, otherwise the next opening. */
export function nextWorkingInstant(at: Date, calendar: BusinessCalendar): Date {
  const t = at.getTime();
  return new Date(Math.max(firstSpanFrom(calendar, t).startMs, t));
}

/**
 * The instant at which `durationMs` of working time has elapsed after `start`. Counting begins at
 * the next working instant; a result exactly at a closing is that closing. Zero → the next working instant.
 * A fractional duration is rounded up to the next whole millisecond.
 */
export function addBusinessTime(start: Date, durationMs: number, calendar: BusinessCalendar): Date {
  if (!Number.isFinite(durationMs) || durationMs < 0) throw new RangeError(`business duration must be a finite number ≥ 0, got ${durationMs}`);
  const t = start.getTime();
  // Instants are whole milliseconds; a fractional share of a target (75 % of it) rounds up so a timer never fires early.
  let remaining = Math.ceil(durationMs);
  for (const span of spansFrom(calendar, t)) {
    const from = Math.max(span.startMs, t);
    if (remaining === 0) return new Date(from);
    const available = span.endMs - from;
    if (remaining <= available) return new Date(from + remaining);
    remaining -= available;
  }
  throw new Error('unreachable: an unbounded span search ends only by throwing');
}

/** Working milliseconds in [a, b); 0 when b ≤ a. */
export function businessTimeBetween(a: Date, b: Date, calendar: BusinessCalendar): number {
  const from = a.getTime();
  const to = b.getTime();
  if (!(to > from)) return 0;
  let total = 0;
  for (const span of spansFrom(calendar, from, to)) {
    if (span.startMs >= to) break;
    total += Math.min(span.endMs, to) - Math.max(span.startMs, from);
  }
  return total;
}

import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { MesaError } from '../../common/errors/mesa-error';
import type { BusinessCalendar } from './business-calendar';
import { ADD_CASES, BETWEEN_CASES, CALENDARS, type CalendarName, at, evaluateCoreCases, show } from './business-time.rules.cases';
import { MAX_IDLE_DAYS, addBusinessTime, businessTimeBetween, isWorkingInstant, nextWorkingInstant, workingSpansOn } from './business-time.rules';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('addBusinessTime', () => {
  it.each(ADD_CASES)('$name', ({ calendar, start, durationMs, expected }) => {
    expect(show(calendar, addBusinessTime(at(calendar, start), durationMs, CALENDARS[calendar]))).toBe(expected);
  });

  it('never lands on midnight for a reminder one business day ahead (regression)', () => {
    const due = addBusinessTime(at('nyOffice', '2026-11-10T10:00'), 6 * HOUR, CALENDARS.nyOffice);
    expect(show('nyOffice', due)).not.toMatch(/T00:00/);
  });

  it('does not fire at creation a 1-hour timer created near closing (regression)', () => {
    const created = at('nyOffice', '2026-11-06T14:30');
    const due = addBusinessTime(created, HOUR, CALENDARS.nyOffice);
    expect(due.getTime() - created.getTime()).toBeGreaterThan(2 * DAY);
  });

  it('rejects a negative or non-finite duration', () => {
    const start = at('nyOffice', '2026-11-09T10:00');
    expect(() => addBusinessTime(start, -1, CALENDARS.nyOffice)).toThrow(RangeError);
    expect(() => addBusinessTime(start, Number.NaN, CALENDARS.nyOffice)).toThrow(RangeError);
  });

  it('rounds a fractional duration up, so a share of a target never fires early', () => {
    const start = at('nyOffice', '2026-11-09T10:00');
    expect(addBusinessTime(start, 0.25, CALENDARS.nyOffice).getTime()).toBe(start.getTime() + 1);
    expect(addBusinessTime(start, 0.75 * 7, CALENDARS.nyOffice).getTime()).toBe(start.getTime() + 6);
  });

  it('adds five years of business time without walking minute by minute', () => {
    const started = performance.now();
    const start = at('madridSplit', '2026-01-05T09:00');
    const due = addBusinessTime(start, 5 * 250 * 8 * HOUR, CALENDARS.madridSplit);
    expect(businessTimeBetween(start, due, CALENDARS.madridSplit)).toBe(5 * 250 * 8 * HOUR);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('businessTimeBetween', () => {
  it.each(BETWEEN_CASES)('$name', ({ calendar, from, to, expectedMs }) => {
    expect(businessTimeBetween(at(calendar, from), at(calendar, to), CALENDARS[calendar])).toBe(expectedMs);
  });
});

describe('workingSpansOn', () => {
  const spans = (calendar: CalendarName, date: string) =>
    workingSpansOn(date, CALENDARS[calendar]).map((s) => [new Date(s.startMs).toISOString(), new Date(s.endMs).toISOString()]);

  it.each<[string, CalendarName, string, string[][]]>([
    ['an ordinary weekday', 'nyOffice', '2026-11-09', [['2026-11-09T14:00:00.000Z', '2026-11-09T20:00:00.000Z']]],
    ['a weekend day', 'nyOffice', '2026-11-07', []],
    ['a closed date', 'nyOffice', '2026-11-26', []],
    [
      'spring forward: 02:15–02:45 is empty, 01:00–02:00 and 03:00–04:00 touch',
      'nySmallHours',
      '2026-03-08',
      [
        ['2026-03-08T06:00:00.000Z', '2026-03-08T07:00:00.000Z'],
        ['2026-03-08T07:00:00.000Z', '2026-03-08T08:00:00.000Z'],
      ],
    ],
    [
      'fall back: 01:00–02:00 lasts two real hours',
      'nySmallHours',
      '2026-11-01',
      [
        ['2026-11-01T05:00:00.000Z', '2026-11-01T07:00:00.000Z'],
        ['2026-11-01T07:15:00.000Z', '2026-11-01T07:45:00.000Z'],
        ['2026-11-01T08:00:00.000Z', '2026-11-01T09:00:00.000Z'],
      ],
    ],
    [
      'Santiago: 24:00 on the spring-forward eve is the jump, where the next night shift starts',
      'santiagoNight',
      '2026-09-05',
      [
        ['2026-09-05T04:00:00.000Z', '2026-09-05T10:00:00.000Z'],
        ['2026-09-06T02:00:00.000Z', '2026-09-06T04:00:00.000Z'],
      ],
    ],
  ])('%s', (_name, calendar, date, expected) => {
    expect(spans(calendar, date)).toEqual(expected);
  });
});

describe('isWorkingInstant and nextWorkingInstant', () => {
  it.each<[CalendarName, string, boolean, string]>([
    ['nyOffice', '2026-11-09T09:00', true, '2026-11-09T09:00:00-05:00'],
    ['nyOffice', '2026-11-09T14:59:59.999', true, '2026-11-09T14:59:59.999-05:00'],
    ['nyOffice', '2026-11-09T15:00', false, '2026-11-10T09:00:00-05:00'],
    ['nyOffice', '2026-11-06T15:00', false, '2026-11-09T09:00:00-05:00'],
    ['nyOffice', '2026-11-25T15:30', false, '2026-11-27T09:00:00-05:00'],
    ['nyNight', '2026-11-09T00:00', true, '2026-11-09T00:00:00-05:00'],
    ['nyNight', '2026-11-09T06:00', false, '2026-11-09T22:00:00-05:00'],
    ['nyNight', '2026-11-09T22:00', true, '2026-11-09T22:00:00-05:00'],
    ['madridSplit', '2026-12-07T14:00', false, '2026-12-07T16:00:00+01:00'],
  ])('%s %s: working %s, next working %s', (calendar, instant, working, next) => {
    expect(isWorkingInstant(at(calendar, instant), CALENDARS[calendar])).toBe(working);
    expect(show(calendar, nextWorkingInstant(at(calendar, instant), CALENDARS[calendar]))).toBe(next);
  });
});

describe('unusable calendars', () => {
  const base = CALENDARS.nyOffice;
  const start = at('nyOffice', '2026-11-09T10:00');
  const errorOf = (calendar: BusinessCalendar): unknown => {
    try {
      addBusinessTime(start, HOUR, calendar);
    } catch (error) {
      return error;
    }
    return null;
  };

  it.each<[string, BusinessCalendar]>([
    ['no hours on any weekday', { ...base, week: { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] } }],
    [
      'every date closed',
      {
        ...base,
        closedDates: new (class extends Set<string> {
          override has(): boolean {
            return true;
          }
        })(),
      },
    ],
    ['a malformed wall time', { ...base, week: { ...base.week, 1: [{ start: '9:00', end: '15:00' }] } }],
    ['an interval ending before it starts', { ...base, week: { ...base.week, 1: [{ start: '15:00', end: '09:00' }] } }],
    [
      'overlapping intervals',
      {
        ...base,
        week: {
          ...base.week,
          1: [
            { start: '09:00', end: '12:00' },
            { start: '11:00', end: '15:00' },
          ],
        },
      },
    ],
    ['an unknown zone', { ...base, timeZone: 'America/Atlantis' }],
  ])('throws SLA_CALENDAR_INVALID, never loops, for %s', (_name, calendar) => {
    const error = errorOf(calendar);
    expect(error).toBeInstanceOf(MesaError);
    expect((error as MesaError).code).toBe('SLA_CALENDAR_INVALID');
    expect((error as MesaError).retryable).toBe(false);
  });

  it(`gives up after ${MAX_IDLE_DAYS} idle days for measures too`, () => {
    const closed = {
      ...base,
      closedDates: new (class extends Set<string> {
        override has(): boolean {
          return true;
        }
      })(),
    };
    expect(() => nextWorkingInstant(start, closed)).toThrow(MesaError);
    // A bounded measure never searches past its end, so it still answers 0.
    expect(businessTimeBetween(start, new Date(start.getTime() + 10 * DAY), closed)).toBe(0);
  });
});

describe('business-time properties', () => {
  const names = Object.keys(CALENDARS) as CalendarName[];
  const calendar = fc.constantFrom(...names);
  // Starts over 2026–2027, so every DST change of the three zones is crossed.
  const instant = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 31) }).map((t) => new Date(t));
  const duration = fc.oneof(fc.integer({ min: 0, max: 3 * HOUR }), fc.integer({ min: 0, max: 40 * DAY }), fc.constantFrom(0, 1, HOUR, 6 * HOUR));
  const runs = { numRuns: 150 };

  it('measuring from the start to start + d gives d back, from any start', () => {
    fc.assert(
      fc.property(calendar, instant, duration, (name, start, d) => {
        const cal = CALENDARS[name];
        expect(businessTimeBetween(start, addBusinessTime(start, d, cal), cal)).toBe(d);
        expect(businessTimeBetween(nextWorkingInstant(start, cal), addBusinessTime(start, d, cal), cal)).toBe(d);
      }),
      runs,
    );
  });

  it('is strictly monotonic in the duration', () => {
    fc.assert(
      fc.property(calendar, instant, duration, duration, (name, start, d1, d2) => {
        fc.pre(d1 !== d2);
        const [short, long] = d1 < d2 ? [d1, d2] : [d2, d1];
        const cal = CALENDARS[name];
        expect(addBusinessTime(start, short, cal).getTime()).toBeLessThan(addBusinessTime(start, long, cal).getTime());
      }),
      runs,
    );
  });

  it('never lands outside working time: inside an interval or exactly at its end', () => {
    fc.assert(
      fc.property(calendar, instant, duration, (name, start, d) => {
        const cal = CALENDARS[name];
        const due = addBusinessTime(start, d, cal);
        // d = 0 is a working instant; otherwise the last millisecond counted was working.
        expect(isWorkingInstant(d === 0 ? due : new Date(due.getTime() - 1), cal)).toBe(true);
        expect(due.getTime()).toBeGreaterThanOrEqual(start.getTime());
      }),
      runs,
    );
  });

  it('is additive: adding d1 then d2 (> 0) is adding d1 + d2', () => {
    fc.assert(
      fc.property(calendar, instant, duration, duration, (name, start, d1, d2) => {
        fc.pre(d2 > 0);
        const cal = CALENDARS[name];
        expect(addBusinessTime(addBusinessTime(start, d1, cal), d2, cal).getTime()).toBe(addBusinessTime(start, d1 + d2, cal).getTime());
      }),
      runs,
    );
  });

  // An independent oracle: step through the range a quarter of an hour at a time (every boundary of
  // these calendars and every DST change of their zones is on a quarter hour) and ask luxon whether
  // the wall clock is inside an interval of that local date. For these calendars this agrees with
  // the first-instant convention, the repeated hours being wholly inside or outside an interval.
  const QUARTER = 15 * 60_000;
  const workingByWallClock = (cal: BusinessCalendar, t: number): boolean => {
    const local = DateTime.fromMillis(t, { zone: cal.timeZone });
    if (cal.closedDates.has(local.toISODate() ?? '')) return false;
    const minutes = local.hour * 60 + local.minute;
    const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
    return cal.week[local.weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7].some((i) => toMinutes(i.start) <= minutes && minutes < toMinutes(i.end));
  };
  // Around every DST change of 2026 in the three zones, plus anywhere in the year.
  const transitions = ['2026-03-08T07:00Z', '2026-11-01T06:00Z', '2026-03-29T01:00Z', '2026-10-25T01:00Z', '2026-04-05T03:00Z', '2026-09-06T04:00Z'].map(
    Date.parse,
  );
  const quarterStart = fc.oneof(
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...transitions), fc.integer({ min: -2 * 24 * 4, max: 2 * 24 * 4 })).map(([t, q]) => t + q * QUARTER) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 365 * 24 * 4 }).map((q) => Date.UTC(2026, 0, 1) + q * QUARTER) },
  );

  it('agrees with a quarter-hour wall-clock oracle, across every DST change', () => {
    fc.assert(
      fc.property(calendar, quarterStart, fc.integer({ min: 0, max: 3 * 24 * 4 }), (name, from, quarters) => {
        const cal = CALENDARS[name];
        let expected = 0;
        for (let q = 0; q < quarters; q++) if (workingByWallClock(cal, from + q * QUARTER)) expected += QUARTER;
        expect(businessTimeBetween(new Date(from), new Date(from + quarters * QUARTER), cal)).toBe(expected);
        expect(isWorkingInstant(new Date(from), cal)).toBe(workingByWallClock(cal, from));
      }),
      { numRuns: 300 },
    );
  });

  it('measures additively over adjacent ranges', () => {
    fc.assert(
      fc.property(calendar, fc.array(instant, { minLength: 3, maxLength: 3 }), (name, points) => {
        const [a, b, c] = [...points].sort((x, y) => x.getTime() - y.getTime());
        const cal = CALENDARS[name];
        expect(businessTimeBetween(a, b, cal) + businessTimeBetween(b, c, cal)).toBe(businessTimeBetween(a, c, cal));
      }),
      { numRuns: 60 },
    );
  });
});

describe('independence from the machine zone', () => {
  // A jest sandbox cannot change its own zone (its process.env is a copy), so the core cases run
  // again in plain node processes started with TZ set; each reports its zone offset as proof.
  const casesFile = resolve(__dirname, 'business-time.rules.cases.ts');
  const child = `
    const Module = require('node:module');
    const fs = require('node:fs');
    const { transformSync } = require('@swc/core');
    Module._extensions['.ts'] = (module, filename) => {
      const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
        filename, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' },
      });
      module._compile(code, filename);
    };
    const { evaluateCoreCases } = require(${JSON.stringify(casesFile)});
    process.stdout.write(JSON.stringify({
      januaryOffset: new Date(2026, 0, 1).getTimezoneOffset(),
      julyOffset: new Date(2026, 6, 1).getTimezoneOffset(),
      results: evaluateCoreCases(),
    }));
  `;

  it('passes the core cases in this process', () => {
    for (const [name, actual, expected] of evaluateCoreCases()) expect([name, actual]).toEqual([name, expected]);
  });

  it.each([
    ['UTC', 0, 0],
    ['America/Mexico_City', 360, 360],
    ['Asia/Kolkata', -330, -330],
    ['America/Santiago', 180, 240],
    ['Pacific/Kiritimati', -840, -840],
  ])('passes the core cases with TZ=%s', (tz, januaryOffset, julyOffset) => {
    const run = spawnSync(process.execPath, ['-e', child], { cwd: resolve(__dirname, '../../..'), env: { TZ: tz }, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as { januaryOffset: number; julyOffset: number; results: Array<[string, unknown, unknown]> };
    expect([report.januaryOffset, report.julyOffset]).toEqual([januaryOffset, julyOffset]);
    expect(report.results).toHaveLength(ADD_CASES.length + BETWEEN_CASES.length);
    for (const [name, actual, expected] of report.results) expect([name, actual]).toEqual([name, expected]);
  });
});

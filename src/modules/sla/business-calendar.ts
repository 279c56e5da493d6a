/**
 * A business calendar as the business-time rules compute on it (issue 12): when the desk works,
 * in its own IANA zone. Pure data, no Nest, no I/O: the calendars service resolves a stored
 * calendar (weekly hours, public holidays from date-holidays, closures) into this shape.
 */

/** 'HH:mm' local wall-clock times; start < end; end may be '24:00' (an overnight shift is two intervals on two days). */
export type WorkingInterval = { start: string; end: string };

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type BusinessCalendar = {
  code: string;
  /** IANA zone the intervals and dates are read in, e.g. America/Mexico_City, America/Lima. */
  timeZone: string;
  /** Working intervals per ISO weekday, sorted and not overlapping; a day with none is not worked. */
  week: Record<IsoWeekday, WorkingInterval[]>;
  /** Local dates ('YYYY-MM-DD') with no working time at all: public holidays and closures. */
  closedDates: ReadonlySet<string>;
};

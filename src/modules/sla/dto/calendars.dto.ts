import { z } from 'zod';
import { idField, instantField } from '../../../common/http/response-fields';
import { HOLIDAY_COUNTRIES } from '../calendar.rules';

// Times, order, overlaps, zone and code format are calendar.rules.ts' (Spanish messages naming
// the field); the schema only bounds what a request may carry.
const interval = z.strictObject({ start: z.string().max(5), end: z.string().max(5) });
const week = z.record(z.string().max(2), z.array(interval).max(12));

export const createCalendarBody = z.strictObject({
  code: z.string().trim().max(100),
  name: z.string().max(500),
  timeZone: z.string().max(100),
  week,
  holidayCountry: z.enum(HOLIDAY_COUNTRIES).nullable(),
});
export const updateCalendarBody = z.strictObject({
  name: z.string().max(500).optional(),
  timeZone: z.string().max(100).optional(),
  week: week.optional(),
  holidayCountry: z.enum(HOLIDAY_COUNTRIES).nullable().optional(),
  isActive: z.boolean().optional(),
  version: z.number().int().min(1),
});
export const calendarQuery = z.strictObject({
  /** The year whose public holidays come with the calendar; the current year in its zone when omitted. */
  year: z.coerce.number().int().min(1970).max(2100).optional(),
});
export const addClosureBody = z.strictObject({
  date: z.iso.date(),
  reason: z.string().max(500),
});

export type CreateCalendarBody = z.output<typeof createCalendarBody>;
export type UpdateCalendarBody = z.output<typeof updateCalendarBody>;
export type AddClosureBody = z.output<typeof addClosureBody>;

const intervalResponse = z.strictObject({ start: z.string(), end: z.string() });
export const calendarSummaryResponse = z
  .strictObject({
    id: idField(),
    code: z.string(),
    name: z.string(),
    timeZone: z.string(),
    week: z.strictObject({
      1: z.array(intervalResponse),
      2: z.array(intervalResponse),
      3: z.array(intervalResponse),
      4: z.array(intervalResponse),
      5: z.array(intervalResponse),
      6: z.array(intervalResponse),
      7: z.array(intervalResponse),
    }),
    holidayCountry: z.enum(HOLIDAY_COUNTRIES).nullable(),
    isActive: z.boolean(),
    /** Catalog services that run on it. */
    serviceCount: z.number().int(),
    createdAt: instantField(),
    updatedAt: instantField(),
    version: z.number().int(),
  })
  .meta({ id: 'BusinessCalendarSummary' });
export const closureResponse = z.strictObject({ id: idField(), date: z.iso.date(), reason: z.string() }).meta({ id: 'BusinessCalendarClosure' });
export const calendarResponse = z
  .strictObject({
    ...calendarSummaryResponse.shape,
    closures: z.array(closureResponse),
    /** The year `holidays` are of. */
    year: z.number().int(),
    /** The country's national public holidays that year (read-only: they come from date-holidays). */
    holidays: z.array(z.strictObject({ date: z.iso.date(), name: z.string() })),
    /** The services that run on it (a calendar in use cannot be deactivated or deleted). */
    services: z.array(z.strictObject({ id: idField(), code: z.string(), name: z.string() })),
  })
  .meta({ id: 'BusinessCalendar' });
export const calendarsResponse = z.strictObject({ items: z.array(calendarSummaryResponse) }).meta({ id: 'BusinessCalendars' });

import { DateTime } from 'luxon';

/** Ticket numbers count per calendar year of the desk's own time zone (2026-000123). */
export function ticketYear(now: Date, zone: string): number {
  return DateTime.fromJSDate(now, { zone }).year;
}

export const TICKET_NUMBER_PATTERN = /^\d{4}-\d{6,}$/;

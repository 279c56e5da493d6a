// Business calendars in the portal: the shapes the admin screen edits and how it shows them.
import type { Schemas } from './api-types';
import { messages } from '@/messages/es-MX';

const t = messages.calendars;

export type CalendarItem = Schemas['BusinessCalendar'];
export type CalendarSummary = Schemas['BusinessCalendarSummary'];
export type Week = CalendarItem['week'];
export type Interval = Week['1'][number];
export const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The zones the screen offers (Mexico's and Peru's), plus the calendar's own when it is another. */
export function zoneOptions(current?: string): { value: string; label: string }[] {
  const zones = Object.keys(t.zones);
  if (current && !zones.includes(current)) zones.push(current);
  return zones.map((z) => ({ value: z, label: t.zones[z] ? `${t.zones[z]} · ${z}` : z }));
}

export const COUNTRY_OPTIONS = [
  { value: 'MX', label: t.countries.MX! },
  { value: 'PE', label: t.countries.PE! },
  { value: '', label: t.noCountry },
];

export const countryLabel = (c: string | null): string => (c ? (t.countries[c] ?? c) : t.noCountry);

/** "Lun–Vie 09:00–18:00" style summary: consecutive days with the same hours are grouped. */
export function weekSummary(week: Week): string {
  const hours = (d: Weekday) => week[d].map((i) => `${i.start}–${i.end}`).join(', ');
  const groups: { from: Weekday; to: Weekday; hours: string }[] = [];
  for (const d of WEEKDAYS) {
    const h = hours(d);
    const last = groups.at(-1);
    if (last && last.hours === h && Number(last.to) + 1 === Number(d)) last.to = d;
    else groups.push({ from: d, to: d, hours: h });
  }
  const worked = groups.filter((g) => g.hours);
  if (!worked.length) return t.noHours;
  return worked.map((g) => `${t.weekdaysShort[g.from]}${g.from === g.to ? '' : `–${t.weekdaysShort[g.to]}`} ${g.hours}`).join('; ');
}

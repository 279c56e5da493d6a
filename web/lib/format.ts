import { messages } from '@/messages/es-MX';

// Until users carry their own zone, the portal shows times in the service desk's zone.
const DISPLAY_TIME_ZONE = 'America/Mexico_City';

const dateTime = new Intl.DateTimeFormat('es-MX', {
  dateStyle: 'short',
  timeStyle: 'medium',
  timeZone: DISPLAY_TIME_ZONE,
});

const timeOnly = new Intl.DateTimeFormat('es-MX', { timeStyle: 'medium', timeZone: DISPLAY_TIME_ZONE });

/** The current time in the desk's zone, for "updated at" notes. */
export function formatNowTime(): string {
  return timeOnly.format(new Date());
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return messages.common.none;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

export function yesNo(value: boolean): string {
  return value ? messages.common.yes : messages.common.no;
}

export function activeLabel(value: boolean): string {
  return value ? messages.common.active : messages.common.inactive;
}

const percent = new Intl.NumberFormat('es-MX', { maximumFractionDigits: 1 });

/** 66.7 → "66.7 %" (the API already rounds to one decimal). */
export function formatPercent(value: number): string {
  return `${percent.format(value)} %`;
}

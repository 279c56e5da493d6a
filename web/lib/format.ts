import { messages } from '@/messages/es-MX';

// Times are shown in the service desk's zone, which the API's configuration names (`GET /me` →
// `deskTimeZone`, DESK_TIME_ZONE). It is one value per deployment, so a module-level setting is
// enough: the portal server sets it whenever it reads the signed-in user (lib/api-server.ts getMe),
// the browser when the portal layout renders (components/desk-time-zone.tsx), before any page does.
const FALLBACK_TIME_ZONE = 'America/Mexico_City';
let displayTimeZone = FALLBACK_TIME_ZONE;

type Formatters = { dateTime: Intl.DateTimeFormat; date: Intl.DateTimeFormat; time: Intl.DateTimeFormat };
const formatters = new Map<string, Formatters>();

function formattersFor(zone: string): Formatters {
  let found = formatters.get(zone);
  if (!found) {
    const base = { timeZone: zone, hourCycle: 'h23' } as const;
    found = {
      dateTime: new Intl.DateTimeFormat('es-MX', { ...base, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }),
      date: new Intl.DateTimeFormat('es-MX', { ...base, day: '2-digit', month: '2-digit', year: 'numeric' }),
      time: new Intl.DateTimeFormat('es-MX', { ...base, hour: '2-digit', minute: '2-digit', second: '2-digit' }),
    };
    formatters.set(zone, found);
  }
  return found;
}

/** Sets the zone every date is shown in; an unknown zone name is ignored (the previous one stays). */
export function setDisplayTimeZone(zone: string | undefined | null): void {
  if (!zone || zone === displayTimeZone) return;
  try {
    formattersFor(zone);
    displayTimeZone = zone;
  } catch {
    // RangeError: not an IANA zone this runtime knows.
  }
}

export function getDisplayTimeZone(): string {
  return displayTimeZone;
}

function parts(format: Intl.DateTimeFormat, date: Date): Record<string, string> {
  return Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
}

/** The current time in the desk's zone, for "updated at" notes: "01:37:05". */
export function formatNowTime(): string {
  const p = parts(formattersFor(displayTimeZone).time, new Date());
  return `${p.hour}:${p.minute}:${p.second}`;
}

/** "29/11/2026 01:37" in the desk's zone; anything that is not a date comes back as given. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p = parts(formattersFor(displayTimeZone).dateTime, date);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** "29/11/2026" in the desk's zone. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p = parts(formattersFor(displayTimeZone).date, date);
  return `${p.day}/${p.month}/${p.year}`;
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

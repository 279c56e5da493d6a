import type { EntityManager } from 'typeorm';
import { CATALOG_SERVICE_CALENDARS_SQL } from '../catalog/catalog.sql';

export type CalendarService = { id: string; code: string; name: string };

/** The catalog services that run on a calendar (through the catalog's fragment: sla never names its table). */
export async function servicesOnCalendar(m: EntityManager, code: string): Promise<CalendarService[]> {
  return m.query(`SELECT s.id, s.code, s.name FROM ${CATALOG_SERVICE_CALENDARS_SQL} s WHERE s.calendar_code = $1 ORDER BY s.name, s.id`, [code]);
}

/** How many services run on each calendar code. */
export async function serviceCounts(m: EntityManager): Promise<Map<string, number>> {
  const rows: { calendar_code: string; n: number }[] = await m.query(
    `SELECT s.calendar_code, count(*)::int AS n FROM ${CATALOG_SERVICE_CALENDARS_SQL} s GROUP BY s.calendar_code`,
  );
  return new Map(rows.map((r) => [r.calendar_code, r.n]));
}

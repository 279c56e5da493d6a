import { Injectable } from '@nestjs/common';
import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { MesaError } from '../../common/errors/mesa-error';
import { violatedConstraint } from '../../common/infra/db-errors';
import { diffFields, snapshot } from '../audit/audit.rules';
import { AuditService } from '../audit/audit.service';
import type { BusinessCalendar } from './business-calendar';
import {
  calendarErrors,
  closedDates,
  type FieldError,
  type HolidayCountry,
  type ListedHoliday,
  normaliseWeek,
  publicHolidays,
  toBusinessCalendar,
  yearsCovered,
} from './calendar.rules';
import { servicesOnCalendar, serviceCounts } from './calendars.queries';
import type { AddClosureBody, CreateCalendarBody, UpdateCalendarBody } from './dto/calendars.dto';
import { BusinessCalendarClosure, BusinessCalendarRecord } from './entities/business-calendar.entity';

const ENTITY = 'business_calendar';
const AUDITED_FIELDS = ['code', 'name', 'timeZone', 'week', 'holidayCountry', 'isActive'] as const;

/** National public holidays of a country in a year as date-holidays lists them (Spanish names). */
function listedHolidays(country: HolidayCountry, year: number): ListedHoliday[] {
  return new Holidays(country, { languages: ['es'] }).getHolidays(year, 'es') as ListedHoliday[];
}

/** Business calendars (issue 12): admins keep them; staff read them; SLA clocks resolve them. */
@Injectable()
export class CalendarsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list() {
    const m = this.dataSource.manager;
    const [rows, counts] = await Promise.all([m.getRepository(BusinessCalendarRecord).find({ order: { name: 'ASC', id: 'ASC' } }), serviceCounts(m)]);
    return { items: rows.map((r) => summary(r, counts.get(r.code) ?? 0)) };
  }

  async get(id: string, year?: number, m: EntityManager = this.dataSource.manager) {
    const row = await this.find(m, id);
    const [closures, services] = await Promise.all([
      m.getRepository(BusinessCalendarClosure).find({ where: { calendarId: id }, order: { date: 'ASC' } }),
      servicesOnCalendar(m, row.code),
    ]);
    const shownYear = year ?? DateTime.fromJSDate(this.clock.now(), { zone: row.timeZone }).year;
    return {
      ...summary(row, services.length),
      closures: closures.map((c) => ({ id: c.id, date: c.date, reason: c.reason })),
      year: shownYear,
      holidays: row.holidayCountry ? publicHolidays(listedHolidays(row.holidayCountry, shownYear)) : [],
      services,
    };
  }

  async create(actor: Actor, body: CreateCalendarBody) {
    const input = { code: body.code, name: body.name, timeZone: body.timeZone, week: body.week, holidayCountry: body.holidayCountry };
    assertValid(calendarErrors(input));
    const id = await this.dataSource.transaction(async (m) => {
      const row = m.create(BusinessCalendarRecord, { ...input, name: input.name.trim(), week: normaliseWeek(input.week), isActive: true });
      await this.save(m, row);
      await this.audit.record(m, actor, { entity: ENTITY, entityId: row.id, action: 'create', snapshot: snapshot(row, AUDITED_FIELDS) });
      return row.id;
    });
    return this.get(id);
  }

  async update(actor: Actor, id: string, body: UpdateCalendarBody) {
    await this.dataSource.transaction(async (m) => {
      const row = await this.find(m, id, true);
      if (body.version !== row.version) {
        throw new MesaError('RECORD_VERSION_CONFLICT', 'Otra persona modificó el calendario; recarga y vuelve a intentar.', { field: 'version' });
      }
      const next = {
        code: row.code,
        name: body.name ?? row.name,
        timeZone: body.timeZone ?? row.timeZone,
        week: body.week ?? row.week,
        holidayCountry: body.holidayCountry === undefined ? row.holidayCountry : body.holidayCountry,
      };
      assertValid(calendarErrors(next));
      if (body.isActive === false && row.isActive) await this.assertUnused(m, row, 'isActive', 'desactivar');
      // jsonb hands intervals back as {end, start}: compare weeks in one key order.
      const before = { ...row, week: normaliseWeek(row.week) };
      Object.assign(row, { ...next, name: next.name.trim(), week: normaliseWeek(next.week) }, body.isActive === undefined ? {} : { isActive: body.isActive });
      const changes = diffFields(before, row, AUDITED_FIELDS);
      if (!changes.length) return;
      await this.save(m, row);
      await this.audit.record(m, actor, { entity: ENTITY, entityId: row.id, action: 'update', changes });
    });
    return this.get(id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const row = await this.find(m, id, true);
      await this.assertUnused(m, row, 'id', 'eliminar');
      await this.audit.record(m, actor, { entity: ENTITY, entityId: row.id, action: 'delete', snapshot: snapshot(row, AUDITED_FIELDS) });
      await m.delete(BusinessCalendarRecord, { id });
    });
  }

  async addClosure(actor: Actor, id: string, body: AddClosureBody) {
    const reason = body.reason.trim();
    if (!reason) throw new MesaError('VALIDATION_FAILED', 'Escribe el motivo del cierre.', { field: 'reason' });
    await this.dataSource.transaction(async (m) => {
      const row = await this.find(m, id, true);
      const closure = m.create(BusinessCalendarClosure, { calendarId: row.id, date: body.date, reason });
      try {
        await m.save(closure);
      } catch (error) {
        if (violatedConstraint(error)?.constraint === 'business_calendar_closures_calendar_id_date_key') {
          throw new MesaError('CALENDAR_CLOSURE_TAKEN', 'Ese día ya está cerrado en este calendario.', { field: 'date' });
        }
        throw error;
      }
      await this.audit.record(m, actor, {
        entity: ENTITY,
        entityId: row.id,
        action: 'update',
        changes: [{ field: 'closures', oldValue: null, newValue: { date: body.date, reason } }],
      });
    });
    return this.get(id);
  }

  async removeClosure(actor: Actor, id: string, closureId: string) {
    await this.dataSource.transaction(async (m) => {
      const row = await this.find(m, id, true);
      const closure = await m.getRepository(BusinessCalendarClosure).findOne({ where: { id: closureId, calendarId: row.id } });
      if (!closure) throw new MesaError('CALENDAR_CLOSURE_NOT_FOUND', 'No existe ese cierre en el calendario.', { field: 'closureId' });
      await m.delete(BusinessCalendarClosure, { id: closure.id });
      await this.audit.record(m, actor, {
        entity: ENTITY,
        entityId: row.id,
        action: 'update',
        changes: [{ field: 'closures', oldValue: { date: closure.date, reason: closure.reason }, newValue: null }],
      });
    });
    return this.get(id);
  }

  /**
   * The calendar as the business-time rules read it, with the local dates closed in every year
   * the span between two local dates ('YYYY-MM-DD', inclusive) touches: the country's public
   * holidays and the calendar's closures.
   */
  async resolveCalendar(code: string, fromDate: string, toDate: string, m: EntityManager = this.dataSource.manager): Promise<BusinessCalendar> {
    const row = await m.getRepository(BusinessCalendarRecord).findOne({ where: { code } });
    if (!row) throw new MesaError('CALENDAR_NOT_FOUND', 'No existe el calendario.', { field: 'calendarCode' });
    const years = yearsCovered(fromDate, toDate);
    const closures: { date: string }[] = await m
      .getRepository(BusinessCalendarClosure)
      .createQueryBuilder('c')
      .select(`to_char(c.date, 'YYYY-MM-DD')`, 'date')
      .where('c.calendar_id = :id AND c.date BETWEEN :from AND :to', { id: row.id, from: `${years[0]}-01-01`, to: `${years.at(-1)}-12-31` })
      .getRawMany();
    const holidays = row.holidayCountry ? years.flatMap((y) => listedHolidays(row.holidayCountry!, y)) : [];
    return toBusinessCalendar(
      row,
      closedDates(
        holidays,
        closures.map((c) => c.date),
      ),
    );
  }

  private async assertUnused(m: EntityManager, row: BusinessCalendarRecord, field: string, verb: string): Promise<void> {
    const services = await servicesOnCalendar(m, row.code);
    if (services.length) {
      const names = services
        .slice(0, 3)
        .map((s) => `«${s.name}»`)
        .join(', ');
      const more = services.length > 3 ? ` y ${services.length - 3} más` : '';
      throw new MesaError('CALENDAR_IN_USE', `No puedes ${verb} el calendario: lo usan ${names}${more}. Cambia primero su calendario en el catálogo.`, {
        field,
      });
    }
  }

  private async find(m: EntityManager, id: string, lock = false): Promise<BusinessCalendarRecord> {
    const row = await m.getRepository(BusinessCalendarRecord).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!row) throw new MesaError('CALENDAR_NOT_FOUND', 'No existe el calendario.', { field: 'id' });
    return row;
  }

  private async save(m: EntityManager, row: BusinessCalendarRecord): Promise<void> {
    try {
      await m.save(row);
    } catch (error) {
      if (violatedConstraint(error)?.constraint === 'business_calendars_code_key') {
        throw new MesaError('CALENDAR_CODE_TAKEN', 'Ya existe un calendario con esa clave.', { field: 'code' });
      }
      throw error;
    }
  }
}

function summary(r: BusinessCalendarRecord, serviceCount: number) {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    timeZone: r.timeZone,
    week: normaliseWeek(r.week),
    holidayCountry: r.holidayCountry,
    isActive: r.isActive,
    serviceCount,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

function assertValid(errors: FieldError[]): void {
  if (errors.length) throw new MesaError('VALIDATION_FAILED', 'Revisa los datos del calendario.', { errors });
}

import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { StoredWeek } from '../calendar.rules';

/**
 * A business calendar as an admin keeps it (issue 12): weekly hours in an IANA zone, the country
 * whose public holidays it observes, and its own closures (business_calendar_closures).
 * Catalog services point at it by `code` (catalog_services_calendar_code_fkey).
 */
@Entity('business_calendars')
@Check('business_calendars_holiday_country_check', `holiday_country IN ('MX', 'PE')`)
export class BusinessCalendarRecord {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index('business_calendars_code_key', { unique: true })
  @Column({ type: 'text' })
  code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) timeZone!: string;
  @Column({ type: 'jsonb' }) week!: StoredWeek;
  @Column({ type: 'text', nullable: true }) holidayCountry!: 'MX' | 'PE' | null;
  @Column({ type: 'boolean', default: true }) isActive!: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}

/** A day a calendar does not work besides its country's public holidays: a state holiday, a decreed "día inhábil". */
@Entity('business_calendar_closures')
@Unique('business_calendar_closures_calendar_id_date_key', ['calendarId', 'date'])
export class BusinessCalendarClosure {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @ForeignKey('business_calendars', { name: 'business_calendar_closures_calendar_id_fkey', onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  calendarId!: string;
  /** Local date in the calendar's zone. */
  @Column({ type: 'date' }) date!: string;
  @Column({ type: 'text' }) reason!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

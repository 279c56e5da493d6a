import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateBusinessCalendars1795958237212 implements MigrationInterface {
  name = 'CreateBusinessCalendars1795958237212';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"business_calendars\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"code\" text NOT NULL, \"name\" text NOT NULL, \"time_zone\" text NOT NULL, \"week\" jsonb NOT NULL, \"holiday_country\" text, \"is_active\" boolean NOT NULL DEFAULT true, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL, CONSTRAINT \"business_calendars_holiday_country_check\" CHECK (holiday_country IN ('MX', 'PE')), CONSTRAINT \"PK_5824d9553787220e55e159fa16b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"business_calendars_code_key\" ON \"business_calendars\"  (\"code\") ");
    await queryRunner.query("CREATE TABLE \"business_calendar_closures\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"calendar_id\" uuid NOT NULL, \"date\" date NOT NULL, \"reason\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"business_calendar_closures_calendar_id_date_key\" UNIQUE (\"calendar_id\", \"date\"), CONSTRAINT \"PK_a829617062ef27bb5bfcf2e510f\" PRIMARY KEY (\"id\"))");
    // Default calendars before the foreign key: every service today says 'mx' (the column's
    // default); 'pe' is Peru's. Office hours of federal/national public offices: Mexico Mon–Fri
    // 09:00–18:00, Peru Mon–Fri 08:30–17:30; admins adjust them in /admin/calendarios.
    const week = (start: string, end: string) => JSON.stringify({ 1: [{ start, end }], 2: [{ start, end }], 3: [{ start, end }], 4: [{ start, end }], 5: [{ start, end }], 6: [], 7: [] });
    await queryRunner.query(
      'INSERT INTO "business_calendars" ("code", "name", "time_zone", "week", "holiday_country", "version") VALUES ($1, $2, $3, $4, $5, 1), ($6, $7, $8, $9, $10, 1)',
      ['mx', 'México (federal)', 'America/Mexico_City', week('09:00', '18:00'), 'MX', 'pe', 'Perú (nacional)', 'America/Lima', week('08:30', '17:30'), 'PE'],
    );
    // A code some service already carries gets a calendar of its own (Mexican hours) rather than a failed migration.
    await queryRunner.query(
      'INSERT INTO "business_calendars" ("code", "name", "time_zone", "week", "holiday_country", "version") SELECT DISTINCT "calendar_code", "calendar_code", $1, $2::jsonb, $3, 1 FROM "catalog_services" WHERE "calendar_code" NOT IN (SELECT "code" FROM "business_calendars")',
      ['America/Mexico_City', week('09:00', '18:00'), 'MX'],
    );
    await queryRunner.query("ALTER TABLE \"catalog_services\" ADD CONSTRAINT \"catalog_services_calendar_code_fkey\" FOREIGN KEY (\"calendar_code\") REFERENCES \"business_calendars\"(\"code\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"business_calendar_closures\" ADD CONSTRAINT \"business_calendar_closures_calendar_id_fkey\" FOREIGN KEY (\"calendar_id\") REFERENCES \"business_calendars\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"business_calendar_closures\" DROP CONSTRAINT \"business_calendar_closures_calendar_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"catalog_services\" DROP CONSTRAINT \"catalog_services_calendar_code_fkey\"");
    await queryRunner.query("DROP TABLE \"business_calendar_closures\"");
    await queryRunner.query("DROP INDEX \"public\".\"business_calendars_code_key\"");
    await queryRunner.query("DROP TABLE \"business_calendars\"");
  }
}

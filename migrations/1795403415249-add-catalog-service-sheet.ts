import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCatalogServiceSheet1795403415249 implements MigrationInterface {
  name = 'AddCatalogServiceSheet1795403415249';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"catalog_service_versions\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"service_id\" uuid NOT NULL, \"version\" integer NOT NULL, \"snapshot\" jsonb NOT NULL, \"published_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"published_by_id\" uuid, CONSTRAINT \"PK_3423931a2e1dd7d199371eae82b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"catalog_service_versions_key\" ON \"catalog_service_versions\"  (\"service_id\", \"version\") ");
    await queryRunner.query("ALTER TABLE \"catalog_services\" ADD \"owner_organisation_id\" uuid");
    await queryRunner.query("ALTER TABLE \"catalog_services\" ADD \"lead_time_days\" integer NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE \"catalog_services\" ADD \"approval\" text NOT NULL DEFAULT 'none'");
    await queryRunner.query("ALTER TABLE \"catalog_services\" ADD \"calendar_code\" text NOT NULL DEFAULT 'mx'");
    await queryRunner.query("ALTER TABLE \"catalog_services\" ADD \"sla_targets\" jsonb NOT NULL DEFAULT '{}'");
    await queryRunner.query("ALTER TABLE \"catalog_services\" ADD \"restricted\" boolean NOT NULL DEFAULT false");
    await queryRunner.query("ALTER TABLE \"catalog_services\" ADD \"allowed_organisation_ids\" uuid array NOT NULL DEFAULT '{}'");
    await queryRunner.query("ALTER TABLE \"catalog_services\" ADD \"form\" jsonb NOT NULL DEFAULT '[]'");
    await queryRunner.query("ALTER TABLE \"catalog_services\" ADD \"published_version\" integer NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE \"catalog_services\" ADD CONSTRAINT \"catalog_services_approval_check\" CHECK (approval IN ('none', 'requester_head', 'catalog_owner'))");
    await queryRunner.query("ALTER TABLE \"catalog_services\" ADD CONSTRAINT \"catalog_services_owner_organisation_id_fkey\" FOREIGN KEY (\"owner_organisation_id\") REFERENCES \"organisations\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"catalog_service_versions\" ADD CONSTRAINT \"catalog_service_versions_service_id_fkey\" FOREIGN KEY (\"service_id\") REFERENCES \"catalog_services\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    // Services already in use become version 1 of themselves, so tickets can point at a version.
    await queryRunner.query(`UPDATE catalog_services SET published_version = 1 WHERE status <> 'draft'`);
    await queryRunner.query(
      `INSERT INTO catalog_service_versions (service_id, version, snapshot)
       SELECT id, 1, jsonb_build_object('code', code, 'name', name, 'category', category, 'type', type, 'form', form, 'leadTimeDays', lead_time_days)
         FROM catalog_services WHERE status <> 'draft'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"catalog_service_versions\" DROP CONSTRAINT \"catalog_service_versions_service_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"catalog_services\" DROP CONSTRAINT \"catalog_services_owner_organisation_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"catalog_services\" DROP CONSTRAINT \"catalog_services_approval_check\"");
    await queryRunner.query("ALTER TABLE \"catalog_services\" DROP COLUMN \"published_version\"");
    await queryRunner.query("ALTER TABLE \"catalog_services\" DROP COLUMN \"form\"");
    await queryRunner.query("ALTER TABLE \"catalog_services\" DROP COLUMN \"allowed_organisation_ids\"");
    await queryRunner.query("ALTER TABLE \"catalog_services\" DROP COLUMN \"restricted\"");
    await queryRunner.query("ALTER TABLE \"catalog_services\" DROP COLUMN \"sla_targets\"");
    await queryRunner.query("ALTER TABLE \"catalog_services\" DROP COLUMN \"calendar_code\"");
    await queryRunner.query("ALTER TABLE \"catalog_services\" DROP COLUMN \"approval\"");
    await queryRunner.query("ALTER TABLE \"catalog_services\" DROP COLUMN \"lead_time_days\"");
    await queryRunner.query("ALTER TABLE \"catalog_services\" DROP COLUMN \"owner_organisation_id\"");
    await queryRunner.query("DROP INDEX \"public\".\"catalog_service_versions_key\"");
    await queryRunner.query("DROP TABLE \"catalog_service_versions\"");
  }
}

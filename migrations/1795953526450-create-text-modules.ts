import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTextModules1795953526450 implements MigrationInterface {
  name = 'CreateTextModules1795953526450';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"text_modules\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"name\" text NOT NULL, \"keywords\" text array NOT NULL DEFAULT '{}', \"body\" text NOT NULL, \"scope\" text NOT NULL, \"team_id\" uuid, \"is_active\" boolean NOT NULL DEFAULT true, \"created_by_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL, CONSTRAINT \"text_modules_team_check\" CHECK ((scope = 'team') = (team_id IS NOT NULL)), CONSTRAINT \"text_modules_scope_check\" CHECK (scope IN ('global', 'team')), CONSTRAINT \"PK_a506b031e39bdbeea572d1778fd\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"text_modules_team_id_idx\" ON \"text_modules\"  (\"team_id\") ");
    await queryRunner.query("ALTER TABLE \"text_modules\" ADD CONSTRAINT \"text_modules_team_id_fkey\" FOREIGN KEY (\"team_id\") REFERENCES \"teams\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"text_modules\" DROP CONSTRAINT \"text_modules_team_id_fkey\"");
    await queryRunner.query("DROP INDEX \"public\".\"text_modules_team_id_idx\"");
    await queryRunner.query("DROP TABLE \"text_modules\"");
  }
}

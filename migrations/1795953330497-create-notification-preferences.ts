import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNotificationPreferences1795953330497 implements MigrationInterface {
  name = 'CreateNotificationPreferences1795953330497';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"notification_preferences\" (\"user_id\" uuid NOT NULL, \"kind\" text NOT NULL, \"channel\" text NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_4beeeb46feaf58d75e124c8ba58\" PRIMARY KEY (\"user_id\", \"kind\"))");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"notification_preferences\"");
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddApprovals1795403938348 implements MigrationInterface {
  name = 'AddApprovals1795403938348';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"organisations\" ADD \"head_user_id\" uuid");
    await queryRunner.query("ALTER TABLE \"tickets\" ADD \"approver_id\" uuid");
    await queryRunner.query("ALTER TABLE \"tickets\" ADD \"approval_status\" text");
    await queryRunner.query("ALTER TABLE \"tickets\" ADD CONSTRAINT \"tickets_approver_id_fkey\" FOREIGN KEY (\"approver_id\") REFERENCES \"users\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"tickets\" DROP CONSTRAINT \"tickets_approver_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"tickets\" DROP COLUMN \"approval_status\"");
    await queryRunner.query("ALTER TABLE \"tickets\" DROP COLUMN \"approver_id\"");
    await queryRunner.query("ALTER TABLE \"organisations\" DROP COLUMN \"head_user_id\"");
  }
}

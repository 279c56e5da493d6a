import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddApiTokenScope1795943533380 implements MigrationInterface {
  name = 'AddApiTokenScope1795943533380';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Tokens issued before scopes existed could write; they keep doing so until revoked.
    await queryRunner.query("ALTER TABLE \"api_tokens\" ADD \"scope\" text NOT NULL DEFAULT 'read_write'");
    await queryRunner.query("ALTER TABLE \"api_tokens\" ADD CONSTRAINT \"api_tokens_scope_check\" CHECK (scope IN ('read_only', 'read_write'))");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"api_tokens\" DROP CONSTRAINT \"api_tokens_scope_check\"");
    await queryRunner.query("ALTER TABLE \"api_tokens\" DROP COLUMN \"scope\"");
  }
}

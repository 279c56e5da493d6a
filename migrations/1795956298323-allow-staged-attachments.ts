import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A file a request form asks for is uploaded before its ticket exists (issue 11 item 1): such a
 * "staged" attachment has no ticket yet, and always an uploader (the only one who may bind it)
 * and no article. The partial index serves the hourly sweep of staged files nobody bound.
 */
export class AllowStagedAttachments1795956298323 implements MigrationInterface {
  name = 'AllowStagedAttachments1795956298323';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "attachments" ALTER COLUMN "ticket_id" DROP NOT NULL');
    await queryRunner.query(
      'ALTER TABLE "attachments" ADD CONSTRAINT "attachments_staged_check" CHECK (ticket_id IS NOT NULL OR (uploaded_by_id IS NOT NULL AND article_id IS NULL))',
    );
    await queryRunner.query('CREATE INDEX "attachments_staged_idx" ON "attachments" ("created_at") WHERE ticket_id IS NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."attachments_staged_idx"');
    await queryRunner.query('ALTER TABLE "attachments" DROP CONSTRAINT "attachments_staged_check"');
    await queryRunner.query('DELETE FROM "attachments" WHERE ticket_id IS NULL');
    await queryRunner.query('ALTER TABLE "attachments" ALTER COLUMN "ticket_id" SET NOT NULL');
  }
}

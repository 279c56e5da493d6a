import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddConversationOriginsAndPendingUntil1795953285556 implements MigrationInterface {
  name = 'AddConversationOriginsAndPendingUntil1795953285556';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Articles written by an action (escalation, return, rejection, solution) say which one, so the conversation can label them.
    await queryRunner.query('ALTER TABLE "articles" ADD "origin" text');
    await queryRunner.query(
      "ALTER TABLE \"articles\" ADD CONSTRAINT \"articles_origin_check\" CHECK (origin IN ('escalation', 'return', 'rejection', 'solution'))",
    );
    // "Pendiente hasta": the reminder to the assignee is a timer stored as data, fired once (reminded_at).
    await queryRunner.query('ALTER TABLE "tickets" ADD "pending_until" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "tickets" ADD "pending_reminded_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query(
      'CREATE INDEX "tickets_pending_until_idx" ON "tickets" ("pending_until") WHERE pending_until IS NOT NULL AND pending_reminded_at IS NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "tickets_pending_until_idx"');
    await queryRunner.query('ALTER TABLE "tickets" DROP COLUMN "pending_reminded_at"');
    await queryRunner.query('ALTER TABLE "tickets" DROP COLUMN "pending_until"');
    await queryRunner.query('ALTER TABLE "articles" DROP CONSTRAINT "articles_origin_check"');
    await queryRunner.query('ALTER TABLE "articles" DROP COLUMN "origin"');
  }
}

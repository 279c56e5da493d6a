import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `tickets_approver_idx` was added to 1795404808140-tune-ticket-queues after that migration had
 * landed, so a database migrated before the edit never got it and requesters' scope
 * (requester_id = me OR approver_id = me) loses its BitmapOr plan there. IF NOT EXISTS makes this
 * a no-op where the edited migration already built the index.
 */
export class IndexTicketApprovers1795943494234 implements MigrationInterface {
  name = 'IndexTicketApprovers1795943494234';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS tickets_approver_idx ON tickets (approver_id) WHERE approver_id IS NOT NULL`);
  }

  async down(): Promise<void> {
    // Nothing: on a database migrated after the edit the index belongs to tune-ticket-queues,
    // whose down drops it (IF EXISTS), so reverting both leaves no trace either way.
  }
}

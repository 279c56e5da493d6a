import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddMailMessages1795407767041 implements MigrationInterface {
  name = 'AddMailMessages1795407767041';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"mail_messages\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"event_id\" bigint, \"template\" text NOT NULL, \"to_address\" text NOT NULL, \"recipient_id\" uuid, \"subject\" text NOT NULL, \"html\" text NOT NULL, \"text\" text NOT NULL, \"status\" text NOT NULL DEFAULT 'queued', \"attempts\" integer NOT NULL DEFAULT '0', \"next_attempt_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"last_error\" text, \"message_id\" text, \"sent_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"mail_messages_status_check\" CHECK (status IN ('queued', 'sent', 'failed')), CONSTRAINT \"PK_1bd6e76ef3b3d4aff7d0510a509\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"mail_messages_event_recipient_key\" ON \"mail_messages\"  (\"event_id\", \"template\", \"to_address\") ");
    // The sender's claim: queued messages by due time (declared on the entity with synchronize: false).
    await queryRunner.query("CREATE INDEX \"mail_messages_due_idx\" ON \"mail_messages\" (\"next_attempt_at\") WHERE status = 'queued'");
    await queryRunner.query("ALTER TABLE \"organisations\" ADD \"email\" text");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"organisations\" DROP COLUMN \"email\"");
    await queryRunner.query("DROP INDEX \"public\".\"mail_messages_due_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"mail_messages_event_recipient_key\"");
    await queryRunner.query("DROP TABLE \"mail_messages\"");
  }
}

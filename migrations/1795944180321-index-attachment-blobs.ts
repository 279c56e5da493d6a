import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IndexAttachmentBlobs1795944180321 implements MigrationInterface {
  name = 'IndexAttachmentBlobs1795944180321';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX \"attachments_sha256_idx\" ON \"attachments\"  (\"sha256\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"attachments_sha256_idx\"");
  }
}

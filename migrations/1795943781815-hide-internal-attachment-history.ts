import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * History rows of files attached to internal notes were written as public, so requesters read
 * their names in the ticket's history (issue 9, item 1). New rows carry `internal`; this marks
 * the old ones. A row is matched by ticket and file name, also on a merged duplicate whose
 * articles moved away; a public file that shares its name with an internal one is hidden too,
 * which errs on the side of the requester seeing less.
 */
export class HideInternalAttachmentHistory1795943781815 implements MigrationInterface {
  name = 'HideInternalAttachmentHistory1795943781815';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE ticket_history h SET internal = true
       WHERE h.action = 'attachment' AND NOT h.internal
         AND EXISTS (SELECT 1 FROM attachments a JOIN articles ar ON ar.id = a.article_id
                      WHERE ar.kind = 'internal' AND a.file_name = h.new_value
                        AND (a.ticket_id = h.ticket_id OR ar.moved_from_ticket_id = h.ticket_id))`);
  }

  async down(): Promise<void> {
    // Nothing to undo: which rows were public before cannot be told apart, and hiding them is correct.
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddTicketEscalatedFromTeam1795402099441 implements MigrationInterface {
  name = 'AddTicketEscalatedFromTeam1795402099441';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"tickets\" ADD \"escalated_from_team_id\" uuid");
    await queryRunner.query("ALTER TABLE \"tickets\" ADD CONSTRAINT \"tickets_escalated_from_team_id_fkey\" FOREIGN KEY (\"escalated_from_team_id\") REFERENCES \"teams\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"tickets\" DROP CONSTRAINT \"tickets_escalated_from_team_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"tickets\" DROP COLUMN \"escalated_from_team_id\"");
  }
}

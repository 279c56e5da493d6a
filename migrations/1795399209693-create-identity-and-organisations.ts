import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdentityAndOrganisations1795399209693 implements MigrationInterface {
  name = 'CreateIdentityAndOrganisations1795399209693';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_log\" (\"id\" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, \"at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"actor_id\" uuid, \"entity\" text NOT NULL, \"entity_id\" text NOT NULL, \"action\" text NOT NULL, \"field\" text, \"old_value\" jsonb, \"new_value\" jsonb, \"request_id\" text, CONSTRAINT \"PK_07fefa57f7f5ab8fc3f52b3ed0b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"audit_log_at_idx\" ON \"audit_log\"  (\"at\") ");
    await queryRunner.query("CREATE INDEX \"audit_log_actor_idx\" ON \"audit_log\"  (\"actor_id\", \"at\") ");
    await queryRunner.query("CREATE INDEX \"audit_log_entity_idx\" ON \"audit_log\"  (\"entity\", \"entity_id\", \"at\") ");
    await queryRunner.query("CREATE TABLE \"organisations\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"kind\" text NOT NULL, \"code\" text NOT NULL, \"name\" text NOT NULL, \"parent_id\" uuid, \"is_active\" boolean NOT NULL DEFAULT true, \"requesters_see_unit_tickets\" boolean NOT NULL DEFAULT false, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL, CONSTRAINT \"organisations_kind_check\" CHECK (kind IN ('dependency', 'responsible_unit', 'area')), CONSTRAINT \"PK_7bf54cba378d5b2f1d4c10ef4df\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"organisations_code_key\" ON \"organisations\"  (\"code\") ");
    await queryRunner.query("CREATE INDEX \"organisations_parent_id_idx\" ON \"organisations\"  (\"parent_id\") ");
    await queryRunner.query("CREATE TABLE \"users\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"email\" text NOT NULL, \"full_name\" text NOT NULL, \"password_hash\" text NOT NULL, \"roles\" text array NOT NULL DEFAULT '{}', \"organisation_id\" uuid, \"is_vip\" boolean NOT NULL DEFAULT false, \"phone\" text, \"is_active\" boolean NOT NULL DEFAULT true, \"password_changed_at\" TIMESTAMP WITH TIME ZONE, \"last_login_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL, CONSTRAINT \"PK_a3ffb1c0c8416b9fc6f907b7433\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"users_email_key\" ON \"users\"  (\"email\") ");
    await queryRunner.query("CREATE INDEX \"users_organisation_id_idx\" ON \"users\"  (\"organisation_id\") ");
    await queryRunner.query("CREATE TABLE \"api_tokens\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"name\" text NOT NULL, \"token_hash\" text NOT NULL, \"prefix\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"expires_at\" TIMESTAMP WITH TIME ZONE, \"last_used_at\" TIMESTAMP WITH TIME ZONE, \"revoked_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_c587455266b5fa8dace7194caac\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"api_tokens_user_id_idx\" ON \"api_tokens\"  (\"user_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"api_tokens_token_hash_key\" ON \"api_tokens\"  (\"token_hash\") ");
    await queryRunner.query("CREATE TABLE \"sessions\" (\"token_hash\" text NOT NULL, \"user_id\" uuid NOT NULL, \"csrf_token\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"last_seen_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"ip\" text, \"user_agent\" text, CONSTRAINT \"PK_abaa9e068cdd390bc5210f79884\" PRIMARY KEY (\"token_hash\"))");
    await queryRunner.query("CREATE INDEX \"sessions_user_id_idx\" ON \"sessions\"  (\"user_id\") ");
    await queryRunner.query("CREATE TABLE \"teams\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"name\" text NOT NULL, \"description\" text, \"support_level\" text NOT NULL, \"coordinator_id\" uuid, \"is_active\" boolean NOT NULL DEFAULT true, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL, CONSTRAINT \"teams_support_level_check\" CHECK (support_level IN ('1', '2', '3', 'field')), CONSTRAINT \"PK_7e5523774a38b08a6236d322403\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"teams_name_key\" ON \"teams\"  (\"name\") ");
    await queryRunner.query("CREATE TABLE \"team_members\" (\"team_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_1d3c06a8217a8785e2af0ec4ab8\" PRIMARY KEY (\"team_id\", \"user_id\"))");
    await queryRunner.query("CREATE INDEX \"team_members_user_id_idx\" ON \"team_members\"  (\"user_id\") ");
    await queryRunner.query("CREATE TABLE \"locations\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"organisation_id\" uuid NOT NULL, \"name\" text NOT NULL, \"building\" text, \"address\" text, \"municipality\" text NOT NULL, \"state\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL, CONSTRAINT \"PK_7cc1c9e3853b94816c094825e74\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"locations_organisation_id_idx\" ON \"locations\"  (\"organisation_id\") ");
    await queryRunner.query("CREATE TABLE \"worker_heartbeats\" (\"worker_id\" text NOT NULL, \"started_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"last_beat_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"beats\" integer NOT NULL DEFAULT '0', CONSTRAINT \"PK_35082e5e316be8465333d9c09d8\" PRIMARY KEY (\"worker_id\"))");
    await queryRunner.query("ALTER TABLE \"organisations\" ADD CONSTRAINT \"organisations_parent_id_fkey\" FOREIGN KEY (\"parent_id\") REFERENCES \"organisations\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"users\" ADD CONSTRAINT \"users_organisation_id_fkey\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisations\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"api_tokens\" ADD CONSTRAINT \"api_tokens_user_id_fkey\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"sessions\" ADD CONSTRAINT \"sessions_user_id_fkey\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"teams\" ADD CONSTRAINT \"teams_coordinator_id_fkey\" FOREIGN KEY (\"coordinator_id\") REFERENCES \"users\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"team_members\" ADD CONSTRAINT \"team_members_team_id_fkey\" FOREIGN KEY (\"team_id\") REFERENCES \"teams\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"team_members\" ADD CONSTRAINT \"team_members_user_id_fkey\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"locations\" ADD CONSTRAINT \"locations_organisation_id_fkey\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"locations\" DROP CONSTRAINT \"locations_organisation_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"team_members\" DROP CONSTRAINT \"team_members_user_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"team_members\" DROP CONSTRAINT \"team_members_team_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"teams\" DROP CONSTRAINT \"teams_coordinator_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"sessions\" DROP CONSTRAINT \"sessions_user_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"api_tokens\" DROP CONSTRAINT \"api_tokens_user_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"users\" DROP CONSTRAINT \"users_organisation_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"organisations\" DROP CONSTRAINT \"organisations_parent_id_fkey\"");
    await queryRunner.query("DROP TABLE \"worker_heartbeats\"");
    await queryRunner.query("DROP INDEX \"public\".\"locations_organisation_id_idx\"");
    await queryRunner.query("DROP TABLE \"locations\"");
    await queryRunner.query("DROP INDEX \"public\".\"team_members_user_id_idx\"");
    await queryRunner.query("DROP TABLE \"team_members\"");
    await queryRunner.query("DROP INDEX \"public\".\"teams_name_key\"");
    await queryRunner.query("DROP TABLE \"teams\"");
    await queryRunner.query("DROP INDEX \"public\".\"sessions_user_id_idx\"");
    await queryRunner.query("DROP TABLE \"sessions\"");
    await queryRunner.query("DROP INDEX \"public\".\"api_tokens_token_hash_key\"");
    await queryRunner.query("DROP INDEX \"public\".\"api_tokens_user_id_idx\"");
    await queryRunner.query("DROP TABLE \"api_tokens\"");
    await queryRunner.query("DROP INDEX \"public\".\"users_organisation_id_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"users_email_key\"");
    await queryRunner.query("DROP TABLE \"users\"");
    await queryRunner.query("DROP INDEX \"public\".\"organisations_parent_id_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"organisations_code_key\"");
    await queryRunner.query("DROP TABLE \"organisations\"");
    await queryRunner.query("DROP INDEX \"public\".\"audit_log_entity_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"audit_log_actor_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"audit_log_at_idx\"");
    await queryRunner.query("DROP TABLE \"audit_log\"");
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTickets1795400761067 implements MigrationInterface {
  name = 'CreateTickets1795400761067';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"catalog_services\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"code\" text NOT NULL, \"name\" text NOT NULL, \"description\" text, \"category\" text NOT NULL, \"subcategory\" text, \"type\" text NOT NULL, \"status\" text NOT NULL DEFAULT 'draft', \"portal_orderable\" boolean NOT NULL DEFAULT true, \"team_l1_id\" uuid, \"team_l2_id\" uuid, \"team_l3_id\" uuid, \"team_field_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL, CONSTRAINT \"catalog_services_status_check\" CHECK (status IN ('draft', 'active', 'retired')), CONSTRAINT \"catalog_services_type_check\" CHECK (type IN ('incident', 'service_request', 'both')), CONSTRAINT \"PK_9e4aadc97608aa2eb56b027ae7e\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"catalog_services_code_key\" ON \"catalog_services\"  (\"code\") ");
    await queryRunner.query("CREATE TABLE \"notifications\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"event_id\" bigint NOT NULL, \"recipient_id\" uuid NOT NULL, \"kind\" text NOT NULL, \"title\" text NOT NULL, \"body\" text NOT NULL, \"link\" text, \"read_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_6a72c3c0f683f6462415e653c3a\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"notifications_recipient_idx\" ON \"notifications\"  (\"recipient_id\", \"created_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"notifications_event_recipient_key\" ON \"notifications\"  (\"event_id\", \"recipient_id\") ");
    await queryRunner.query("CREATE TABLE \"outbox\" (\"id\" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, \"event\" text NOT NULL, \"aggregate_type\" text NOT NULL, \"aggregate_id\" text NOT NULL, \"payload\" jsonb NOT NULL DEFAULT '{}', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"published_at\" TIMESTAMP WITH TIME ZONE, \"attempts\" integer NOT NULL DEFAULT '0', CONSTRAINT \"PK_340ab539f309f03bdaa14aa7649\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"tickets\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"number\" text NOT NULL, \"type\" text NOT NULL, \"channel\" text NOT NULL, \"requester_id\" uuid NOT NULL, \"created_by_id\" uuid NOT NULL, \"organisation_id\" uuid, \"unit_id\" uuid, \"service_id\" uuid, \"category\" text, \"title\" text NOT NULL, \"description\" text NOT NULL, \"impact\" text NOT NULL, \"urgency\" text NOT NULL, \"priority\" text NOT NULL, \"state\" text NOT NULL DEFAULT 'new', \"pending_reason\" text, \"team_id\" uuid, \"assignee_id\" uuid, \"support_level\" text NOT NULL DEFAULT '1', \"is_major\" boolean NOT NULL DEFAULT false, \"letter_number\" text, \"letter_answer\" text, \"letter_answered_at\" TIMESTAMP WITH TIME ZONE, \"solution\" text, \"proposed_solution\" text, \"close_reason\" text, \"reopen_count\" integer NOT NULL DEFAULT '0', \"first_response_at\" TIMESTAMP WITH TIME ZONE, \"resolved_at\" TIMESTAMP WITH TIME ZONE, \"closed_at\" TIMESTAMP WITH TIME ZONE, \"response_due_at\" TIMESTAMP WITH TIME ZONE, \"resolution_due_at\" TIMESTAMP WITH TIME ZONE, \"hierarchical_escalated_at\" TIMESTAMP WITH TIME ZONE, \"merged_into_id\" uuid, \"form_data\" jsonb, \"form_version\" integer, \"search_vector\" tsvector, \"public_search_vector\" tsvector, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL, CONSTRAINT \"tickets_priority_check\" CHECK (priority IN ('critical', 'high', 'medium', 'low')), CONSTRAINT \"tickets_type_check\" CHECK (type IN ('incident', 'service_request', 'complaint')), CONSTRAINT \"tickets_state_check\" CHECK (state IN ('new', 'assigned', 'in_progress', 'pending', 'resolved', 'closed', 'declined', 'cancelled')), CONSTRAINT \"PK_343bc942ae261cf7a1377f48fd0\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"tickets_number_key\" ON \"tickets\"  (\"number\") ");
    await queryRunner.query("CREATE INDEX \"tickets_service_id_idx\" ON \"tickets\"  (\"service_id\") ");
    await queryRunner.query("CREATE INDEX \"tickets_unit_idx\" ON \"tickets\"  (\"unit_id\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"tickets_requester_idx\" ON \"tickets\"  (\"requester_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"articles\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"ticket_id\" uuid NOT NULL, \"author_id\" uuid, \"kind\" text NOT NULL, \"body\" text NOT NULL, \"moved_from_ticket_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"articles_kind_check\" CHECK (kind IN ('public', 'internal')), CONSTRAINT \"PK_0a6e2c450d83e0b6052c2793334\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"articles_ticket_idx\" ON \"articles\"  (\"ticket_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"attachments\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"ticket_id\" uuid NOT NULL, \"article_id\" uuid, \"file_name\" text NOT NULL, \"content_type\" text NOT NULL, \"size\" integer NOT NULL, \"sha256\" text NOT NULL, \"uploaded_by_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_5e1f050bcff31e3084a1d662412\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"attachments_ticket_idx\" ON \"attachments\"  (\"ticket_id\") ");
    await queryRunner.query("CREATE TABLE \"priority_matrix\" (\"impact\" text NOT NULL, \"urgency\" text NOT NULL, \"priority\" text NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_c77809ad29b70de0bbb8f585a18\" PRIMARY KEY (\"impact\", \"urgency\"))");
    await queryRunner.query("CREATE TABLE \"saved_filters\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"name\" text NOT NULL, \"query\" jsonb NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_d30e30ca883a3bd014c9ed983ac\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"saved_filters_user_name_key\" ON \"saved_filters\"  (\"user_id\", \"name\") ");
    await queryRunner.query("CREATE TABLE \"ticket_history\" (\"id\" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, \"ticket_id\" uuid NOT NULL, \"at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"actor_id\" uuid, \"action\" text NOT NULL, \"field\" text, \"old_value\" text, \"new_value\" text, \"reason\" text, \"internal\" boolean NOT NULL DEFAULT false, CONSTRAINT \"PK_6d0f4bc32cc3581d6a016bca30a\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ticket_history_ticket_idx\" ON \"ticket_history\"  (\"ticket_id\", \"at\") ");
    await queryRunner.query("CREATE TABLE \"ticket_links\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"from_ticket_id\" uuid NOT NULL, \"to_ticket_id\" uuid NOT NULL, \"kind\" text NOT NULL, \"created_by_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ticket_links_not_self_check\" CHECK (from_ticket_id <> to_ticket_id), CONSTRAINT \"ticket_links_kind_check\" CHECK (kind IN ('duplicate_of', 'caused_by', 'parent_of', 'related_to')), CONSTRAINT \"PK_8766e8ae6e97368dfa6731a8aed\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ticket_links_to_idx\" ON \"ticket_links\"  (\"to_ticket_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"ticket_links_unique\" ON \"ticket_links\"  (\"from_ticket_id\", \"to_ticket_id\", \"kind\") ");
    await queryRunner.query("ALTER TABLE \"catalog_services\" ADD CONSTRAINT \"catalog_services_team_l1_id_fkey\" FOREIGN KEY (\"team_l1_id\") REFERENCES \"teams\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"catalog_services\" ADD CONSTRAINT \"catalog_services_team_l2_id_fkey\" FOREIGN KEY (\"team_l2_id\") REFERENCES \"teams\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"catalog_services\" ADD CONSTRAINT \"catalog_services_team_l3_id_fkey\" FOREIGN KEY (\"team_l3_id\") REFERENCES \"teams\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"catalog_services\" ADD CONSTRAINT \"catalog_services_team_field_id_fkey\" FOREIGN KEY (\"team_field_id\") REFERENCES \"teams\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"tickets\" ADD CONSTRAINT \"tickets_requester_id_fkey\" FOREIGN KEY (\"requester_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"tickets\" ADD CONSTRAINT \"tickets_created_by_id_fkey\" FOREIGN KEY (\"created_by_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"tickets\" ADD CONSTRAINT \"tickets_organisation_id_fkey\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisations\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"tickets\" ADD CONSTRAINT \"tickets_unit_id_fkey\" FOREIGN KEY (\"unit_id\") REFERENCES \"organisations\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"tickets\" ADD CONSTRAINT \"tickets_service_id_fkey\" FOREIGN KEY (\"service_id\") REFERENCES \"catalog_services\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"tickets\" ADD CONSTRAINT \"tickets_team_id_fkey\" FOREIGN KEY (\"team_id\") REFERENCES \"teams\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"tickets\" ADD CONSTRAINT \"tickets_assignee_id_fkey\" FOREIGN KEY (\"assignee_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"tickets\" ADD CONSTRAINT \"tickets_merged_into_id_fkey\" FOREIGN KEY (\"merged_into_id\") REFERENCES \"tickets\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"articles\" ADD CONSTRAINT \"articles_ticket_id_fkey\" FOREIGN KEY (\"ticket_id\") REFERENCES \"tickets\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"articles\" ADD CONSTRAINT \"articles_author_id_fkey\" FOREIGN KEY (\"author_id\") REFERENCES \"users\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"attachments\" ADD CONSTRAINT \"attachments_ticket_id_fkey\" FOREIGN KEY (\"ticket_id\") REFERENCES \"tickets\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"attachments\" ADD CONSTRAINT \"attachments_article_id_fkey\" FOREIGN KEY (\"article_id\") REFERENCES \"articles\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"saved_filters\" ADD CONSTRAINT \"saved_filters_user_id_fkey\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"ticket_history\" ADD CONSTRAINT \"ticket_history_ticket_id_fkey\" FOREIGN KEY (\"ticket_id\") REFERENCES \"tickets\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"ticket_links\" ADD CONSTRAINT \"ticket_links_from_ticket_id_fkey\" FOREIGN KEY (\"from_ticket_id\") REFERENCES \"tickets\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"ticket_links\" ADD CONSTRAINT \"ticket_links_to_ticket_id_fkey\" FOREIGN KEY (\"to_ticket_id\") REFERENCES \"tickets\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    // --- Hand-written: what TypeORM cannot express (entities mark these indexes synchronize:false) ---
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // Spanish stemming that ignores accents: "configuración" matches "configuracion".
    await queryRunner.query(`CREATE TEXT SEARCH CONFIGURATION mesa_es (COPY = pg_catalog.spanish)`);
    await queryRunner.query(`ALTER TEXT SEARCH CONFIGURATION mesa_es ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem`);
    await queryRunner.query(`
      CREATE FUNCTION mesa_ticket_vectors(t tickets, OUT all_v tsvector, OUT public_v tsvector) LANGUAGE sql STABLE AS $$
        SELECT head || coalesce(setweight(to_tsvector('mesa_es', string_agg(a.body, ' ')), 'C'), ''),
               head || coalesce(setweight(to_tsvector('mesa_es', string_agg(a.body, ' ') FILTER (WHERE a.kind = 'public')), 'C'), '')
          FROM (SELECT setweight(to_tsvector('mesa_es', t.number || ' ' || t.title), 'A') || setweight(to_tsvector('mesa_es', t.description), 'B') AS head) h
          LEFT JOIN articles a ON a.ticket_id = t.id
         GROUP BY head
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION mesa_tickets_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' OR NEW.title IS DISTINCT FROM OLD.title OR NEW.description IS DISTINCT FROM OLD.description OR NEW.number IS DISTINCT FROM OLD.number THEN
          SELECT v.all_v, v.public_v INTO NEW.search_vector, NEW.public_search_vector FROM mesa_ticket_vectors(NEW) v;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER tickets_search BEFORE INSERT OR UPDATE ON tickets FOR EACH ROW EXECUTE FUNCTION mesa_tickets_search_trigger()`);
    await queryRunner.query(`
      CREATE FUNCTION mesa_refresh_ticket_search(tid uuid) RETURNS void LANGUAGE sql AS $$
        UPDATE tickets t SET search_vector = v.all_v, public_search_vector = v.public_v FROM tickets s, LATERAL mesa_ticket_vectors(s) v WHERE t.id = tid AND s.id = tid
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION mesa_articles_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM mesa_refresh_ticket_search(NEW.ticket_id); END IF;
        IF TG_OP IN ('DELETE', 'UPDATE') AND (TG_OP = 'DELETE' OR OLD.ticket_id <> NEW.ticket_id) THEN PERFORM mesa_refresh_ticket_search(OLD.ticket_id); END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER articles_search AFTER INSERT OR DELETE OR UPDATE OF body, kind, ticket_id ON articles FOR EACH ROW EXECUTE FUNCTION mesa_articles_search_trigger()`);
    await queryRunner.query(`CREATE INDEX tickets_search_idx ON tickets USING gin (search_vector)`);
    await queryRunner.query(`CREATE INDEX tickets_public_search_idx ON tickets USING gin (public_search_vector)`);
    await queryRunner.query(`CREATE INDEX tickets_title_trgm_idx ON tickets USING gin (title gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX tickets_number_pattern_idx ON tickets (number text_pattern_ops)`);
    await queryRunner.query(`CREATE INDEX tickets_team_queue_idx ON tickets (team_id, resolution_due_at NULLS LAST, id) WHERE state IN ('new', 'assigned', 'in_progress', 'pending')`);
    await queryRunner.query(`CREATE INDEX tickets_assignee_queue_idx ON tickets (assignee_id, resolution_due_at NULLS LAST, id) WHERE state IN ('new', 'assigned', 'in_progress', 'pending')`);
    await queryRunner.query(`CREATE INDEX outbox_unpublished_idx ON outbox (id) WHERE published_at IS NULL`);
    // Human ticket numbers per year (2026-000123): one sequence per year, created on first use.
    // Sequences never block concurrent creators; a rolled-back create leaves a gap, which is fine.
    await queryRunner.query(`
      CREATE FUNCTION mesa_next_ticket_number(y integer) RETURNS text LANGUAGE plpgsql AS $$
      DECLARE seq text := format('ticket_number_%s', y); n bigint;
      BEGIN
        BEGIN
          n := nextval(seq);
        EXCEPTION WHEN undefined_table THEN
          BEGIN
            EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I', seq);
          EXCEPTION WHEN unique_violation OR duplicate_table THEN NULL;
          END;
          n := nextval(seq);
        END;
        RETURN format('%s-%s', y, lpad(n::text, 6, '0'));
      END $$`);
    await queryRunner.query(`INSERT INTO priority_matrix (impact, urgency, priority) VALUES
      ('high', 'high', 'critical'), ('high', 'medium', 'high'), ('high', 'low', 'medium'),
      ('medium', 'high', 'high'), ('medium', 'medium', 'medium'), ('medium', 'low', 'low'),
      ('low', 'high', 'medium'), ('low', 'medium', 'low'), ('low', 'low', 'low')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION IF EXISTS mesa_next_ticket_number(integer)`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS articles_search ON articles`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS tickets_search ON tickets`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS mesa_articles_search_trigger()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS mesa_refresh_ticket_search(uuid)`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS mesa_tickets_search_trigger()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS mesa_ticket_vectors(tickets)`);
    await queryRunner.query(`DROP INDEX IF EXISTS outbox_unpublished_idx`);
    await queryRunner.query(`DROP INDEX IF EXISTS tickets_assignee_queue_idx`);
    await queryRunner.query(`DROP INDEX IF EXISTS tickets_team_queue_idx`);
    await queryRunner.query(`DROP INDEX IF EXISTS tickets_number_pattern_idx`);
    await queryRunner.query(`DROP INDEX IF EXISTS tickets_title_trgm_idx`);
    await queryRunner.query(`DROP INDEX IF EXISTS tickets_public_search_idx`);
    await queryRunner.query(`DROP INDEX IF EXISTS tickets_search_idx`);
    await queryRunner.query(`DO $$ DECLARE s text; BEGIN FOR s IN SELECT sequencename FROM pg_sequences WHERE sequencename LIKE 'ticket_number_%' LOOP EXECUTE format('DROP SEQUENCE %I', s); END LOOP; END $$`);
    await queryRunner.query("ALTER TABLE \"ticket_links\" DROP CONSTRAINT \"ticket_links_to_ticket_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"ticket_links\" DROP CONSTRAINT \"ticket_links_from_ticket_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"ticket_history\" DROP CONSTRAINT \"ticket_history_ticket_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"saved_filters\" DROP CONSTRAINT \"saved_filters_user_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"attachments\" DROP CONSTRAINT \"attachments_article_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"attachments\" DROP CONSTRAINT \"attachments_ticket_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"articles\" DROP CONSTRAINT \"articles_author_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"articles\" DROP CONSTRAINT \"articles_ticket_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"tickets\" DROP CONSTRAINT \"tickets_merged_into_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"tickets\" DROP CONSTRAINT \"tickets_assignee_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"tickets\" DROP CONSTRAINT \"tickets_team_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"tickets\" DROP CONSTRAINT \"tickets_service_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"tickets\" DROP CONSTRAINT \"tickets_unit_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"tickets\" DROP CONSTRAINT \"tickets_organisation_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"tickets\" DROP CONSTRAINT \"tickets_created_by_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"tickets\" DROP CONSTRAINT \"tickets_requester_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"catalog_services\" DROP CONSTRAINT \"catalog_services_team_field_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"catalog_services\" DROP CONSTRAINT \"catalog_services_team_l3_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"catalog_services\" DROP CONSTRAINT \"catalog_services_team_l2_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"catalog_services\" DROP CONSTRAINT \"catalog_services_team_l1_id_fkey\"");
    await queryRunner.query("DROP INDEX \"public\".\"ticket_links_unique\"");
    await queryRunner.query("DROP INDEX \"public\".\"ticket_links_to_idx\"");
    await queryRunner.query("DROP TABLE \"ticket_links\"");
    await queryRunner.query("DROP INDEX \"public\".\"ticket_history_ticket_idx\"");
    await queryRunner.query("DROP TABLE \"ticket_history\"");
    await queryRunner.query("DROP INDEX \"public\".\"saved_filters_user_name_key\"");
    await queryRunner.query("DROP TABLE \"saved_filters\"");
    await queryRunner.query("DROP TABLE \"priority_matrix\"");
    await queryRunner.query("DROP INDEX \"public\".\"attachments_ticket_idx\"");
    await queryRunner.query("DROP TABLE \"attachments\"");
    await queryRunner.query("DROP INDEX \"public\".\"articles_ticket_idx\"");
    await queryRunner.query("DROP TABLE \"articles\"");
    await queryRunner.query("DROP INDEX \"public\".\"tickets_requester_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"tickets_unit_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"tickets_service_id_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"tickets_number_key\"");
    await queryRunner.query("DROP TABLE \"tickets\"");
    await queryRunner.query("DROP TABLE \"outbox\"");
    await queryRunner.query("DROP INDEX \"public\".\"notifications_event_recipient_key\"");
    await queryRunner.query("DROP INDEX \"public\".\"notifications_recipient_idx\"");
    await queryRunner.query("DROP TABLE \"notifications\"");
    await queryRunner.query("DROP INDEX \"public\".\"catalog_services_code_key\"");
    await queryRunner.query("DROP TABLE \"catalog_services\"");
    await queryRunner.query(`DROP TEXT SEARCH CONFIGURATION IF EXISTS mesa_es`);
  }
}

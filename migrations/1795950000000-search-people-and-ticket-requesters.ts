import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11 item 9. People pickers ignore accents and case ("Lucia" finds "Lucía") through a
 * trigram index on an immutable unaccent wrapper (unaccent() itself is only STABLE, so it cannot
 * be indexed). Ticket search also finds a ticket by its requester's name and its form answers:
 * both join the search vectors (requester name weight B, form answers weight D), which keeps
 * search one GIN probe at 1M tickets. A requester's rename refreshes the vectors of their tickets.
 * The backfill rewrites every ticket once (minutes at 1M tickets; a release step).
 */
export class SearchPeopleAndTicketRequesters1795950000000 implements MigrationInterface {
  name = 'SearchPeopleAndTicketRequesters1795950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION mesa_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
        SELECT public.unaccent('public.unaccent'::regdictionary, $1)
      $$`);
    await queryRunner.query(`CREATE INDEX users_search_trgm_idx ON users USING gin (lower(mesa_unaccent(full_name || ' ' || email)) gin_trgm_ops)`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION mesa_ticket_head_vector(t tickets) RETURNS tsvector LANGUAGE sql STABLE AS $$
        SELECT setweight(to_tsvector('mesa_es', t.number || ' ' || t.title), 'A')
            || setweight(to_tsvector('mesa_es', coalesce((SELECT u.full_name FROM users u WHERE u.id = t.requester_id), '')), 'B')
            || setweight(to_tsvector('mesa_es', t.description), 'B')
            || setweight(coalesce(jsonb_to_tsvector('mesa_es', t.form_data, '["string", "numeric"]'), ''::tsvector), 'D')
      $$`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION mesa_ticket_vectors(t tickets, OUT all_v tsvector, OUT public_v tsvector) LANGUAGE sql STABLE AS $$
        SELECT head || coalesce(setweight(to_tsvector('mesa_es', string_agg(a.body, ' ' ORDER BY a.created_at, a.id)), 'C'), ''),
               head || coalesce(setweight(to_tsvector('mesa_es', string_agg(a.body, ' ' ORDER BY a.created_at, a.id) FILTER (WHERE a.kind = 'public')), 'C'), '')
          FROM (SELECT mesa_ticket_head_vector(t) AS head) h
          LEFT JOIN articles a ON a.ticket_id = t.id
         GROUP BY head
      $$`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION mesa_tickets_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          NEW.search_vector := mesa_ticket_head_vector(NEW);
          NEW.public_search_vector := NEW.search_vector;
        ELSIF NEW.title IS DISTINCT FROM OLD.title OR NEW.description IS DISTINCT FROM OLD.description OR NEW.number IS DISTINCT FROM OLD.number
           OR NEW.requester_id IS DISTINCT FROM OLD.requester_id OR NEW.form_data IS DISTINCT FROM OLD.form_data THEN
          SELECT v.all_v, v.public_v INTO NEW.search_vector, NEW.public_search_vector FROM mesa_ticket_vectors(NEW) v;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION mesa_users_ticket_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE tickets t SET search_vector = v.all_v, public_search_vector = v.public_v
          FROM tickets s, LATERAL mesa_ticket_vectors(s) v WHERE t.requester_id = NEW.id AND s.id = t.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER users_ticket_search AFTER UPDATE OF full_name ON users FOR EACH ROW WHEN (OLD.full_name IS DISTINCT FROM NEW.full_name) EXECUTE FUNCTION mesa_users_ticket_search_trigger()`,
    );
    await queryRunner.query(`UPDATE tickets t SET (search_vector, public_search_vector) = (SELECT v.all_v, v.public_v FROM mesa_ticket_vectors(t) v)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS users_ticket_search ON users`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS mesa_users_ticket_search_trigger()`);
    // The bodies of TuneTicketQueues, so that nothing depends on mesa_ticket_head_vector any more.
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION mesa_ticket_vectors(t tickets, OUT all_v tsvector, OUT public_v tsvector) LANGUAGE sql STABLE AS $$
        SELECT head || coalesce(setweight(to_tsvector('mesa_es', string_agg(a.body, ' ' ORDER BY a.created_at, a.id)), 'C'), ''),
               head || coalesce(setweight(to_tsvector('mesa_es', string_agg(a.body, ' ' ORDER BY a.created_at, a.id) FILTER (WHERE a.kind = 'public')), 'C'), '')
          FROM (SELECT setweight(to_tsvector('mesa_es', t.number || ' ' || t.title), 'A') || setweight(to_tsvector('mesa_es', t.description), 'B') AS head) h
          LEFT JOIN articles a ON a.ticket_id = t.id
         GROUP BY head
      $$`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION mesa_tickets_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          NEW.search_vector := setweight(to_tsvector('mesa_es', NEW.number || ' ' || NEW.title), 'A') || setweight(to_tsvector('mesa_es', NEW.description), 'B');
          NEW.public_search_vector := NEW.search_vector;
        ELSIF NEW.title IS DISTINCT FROM OLD.title OR NEW.description IS DISTINCT FROM OLD.description OR NEW.number IS DISTINCT FROM OLD.number THEN
          SELECT v.all_v, v.public_v INTO NEW.search_vector, NEW.public_search_vector FROM mesa_ticket_vectors(NEW) v;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS mesa_ticket_head_vector(tickets)`);
    await queryRunner.query(`DROP INDEX IF EXISTS users_search_trgm_idx`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS mesa_unaccent(text)`);
    // The vectors keep the requester names and form answers until the tickets are next edited.
  }
}

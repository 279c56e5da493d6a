import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Findings of bench/queue-at-scale and bench/tickets-create (1,000,000 tickets):
 * - ticket numbers past 999,999 in a year were cut to six digits by lpad and collided;
 * - article text was aggregated in plan order, so word positions varied between rebuilds;
 * - a new ticket has no articles: its insert need not aggregate them (halves the trigger cost);
 * - 'newest first' lists and number lookups had no index on created_at; with one, rare words
 *   only stay fast if the planner knows how rare they are (higher statistics on the vectors);
 * - title-prefix lookup through the trigram index took 60-75 ms; a lower(title) prefix index ~12 ms;
 * - requesters' scope ORs requester and approver: the approver side needs its own (partial) index.
 */
export class TuneTicketQueues1795404808140 implements MigrationInterface {
  name = 'TuneTicketQueues1795404808140';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION mesa_next_ticket_number(y integer) RETURNS text LANGUAGE plpgsql AS $$
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
        RETURN format('%s-%s', y, lpad(n::text, greatest(6, length(n::text)), '0'));
      END $$`);
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
    await queryRunner.query(`CREATE INDEX tickets_created_idx ON tickets (created_at DESC, id DESC)`);
    await queryRunner.query(`ALTER TABLE tickets ALTER COLUMN search_vector SET STATISTICS 1000, ALTER COLUMN public_search_vector SET STATISTICS 1000`);
    await queryRunner.query(`CREATE INDEX tickets_title_lower_idx ON tickets (lower(title) text_pattern_ops)`);
    // Requesters' scope is (requester_id = me OR approver_id = me): both sides need an index for a BitmapOr.
    await queryRunner.query(`CREATE INDEX tickets_approver_idx ON tickets (approver_id) WHERE approver_id IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS tickets_approver_idx`);
    await queryRunner.query(`DROP INDEX IF EXISTS tickets_title_lower_idx`);
    await queryRunner.query(`ALTER TABLE tickets ALTER COLUMN search_vector SET STATISTICS -1, ALTER COLUMN public_search_vector SET STATISTICS -1`);
    await queryRunner.query(`DROP INDEX IF EXISTS tickets_created_idx`);
    // The earlier function bodies are those of CreateTickets; restoring them is not needed to drop the schema.
  }
}

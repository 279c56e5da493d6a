/**
 * The outbox write as an SQL fragment, for a writer that must add its events in the same
 * statement as its change (ticket registration: one round trip). The outbox still owns the
 * table: callers hand it rows, never name its columns. Use it only in a repository/writer file.
 */

/** An INSERT of the rows `select` yields, in the order (event, aggregate_type, aggregate_id, payload). */
export const insertOutboxEvents = (select: string): string => `INSERT INTO outbox (event, aggregate_type, aggregate_id, payload) ${select}`;

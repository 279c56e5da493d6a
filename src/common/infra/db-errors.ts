import { QueryFailedError } from 'typeorm';

type PgError = { code?: string; constraint?: string; column?: string };

/** The PostgreSQL constraint a failed query violated, when it was a unique or foreign-key violation. */
export function violatedConstraint(error: unknown): { kind: 'unique' | 'foreign_key'; constraint: string } | null {
  if (!(error instanceof QueryFailedError)) return null;
  const pg = error.driverError as PgError;
  if (pg.code === '23505') return { kind: 'unique', constraint: pg.constraint ?? '' };
  if (pg.code === '23503') return { kind: 'foreign_key', constraint: pg.constraint ?? '' };
  return null;
}

/**
 * A PostgreSQL data exception (SQLSTATE class 22: a value out of range, an invalid byte, a
 * string too long, a bad date) means input got past validation: the client's fault, never a 500.
 * The column, when PostgreSQL names one, is the best field name there is.
 */
export function dataException(error: unknown): { sqlState: string; column: string | null } | null {
  if (!(error instanceof QueryFailedError)) return null;
  const pg = error.driverError as PgError;
  if (typeof pg.code !== 'string' || !pg.code.startsWith('22')) return null;
  return { sqlState: pg.code, column: pg.column ?? null };
}

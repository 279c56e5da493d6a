import { QueryFailedError } from 'typeorm';

type PgError = { code?: string; constraint?: string };

/** The PostgreSQL constraint a failed query violated, when it was a unique or foreign-key violation. */
export function violatedConstraint(error: unknown): { kind: 'unique' | 'foreign_key'; constraint: string } | null {
  if (!(error instanceof QueryFailedError)) return null;
  const pg = error.driverError as PgError;
  if (pg.code === '23505') return { kind: 'unique', constraint: pg.constraint ?? '' };
  if (pg.code === '23503') return { kind: 'foreign_key', constraint: pg.constraint ?? '' };
  return null;
}

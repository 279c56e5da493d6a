/**
 * SQL fragments other modules may join on when a read must be one round trip (ARCHITECTURE.md,
 * "Module boundaries"). Use them only in a repository/queries file.
 */

/**
 * SQL for the id of the responsible unit (UR) an organisation row belongs to: itself for a UR,
 * its parent for an area, none for a dependency. `alias` names the organisations row.
 */
export const unitIdOf = (alias: string): string => `CASE ${alias}.kind WHEN 'responsible_unit' THEN ${alias}.id WHEN 'area' THEN ${alias}.parent_id END`;

/** The UR id of the organisation whose id is the SQL expression `organisationId` (NULL for none or a dependency). */
export const unitIdOfOrganisation = (organisationId: string): string => `(SELECT ${unitIdOf('o')} FROM organisations o WHERE o.id = ${organisationId})`;

/** A query yielding `id` for the organisation `organisationId` (an SQL expression) and everything above it. */
export const ancestorIdsOf = (organisationId: string): string =>
  `WITH RECURSIVE up(id, parent_id) AS (SELECT id, parent_id FROM organisations WHERE id = ${organisationId}
     UNION ALL SELECT o.id, o.parent_id FROM organisations o JOIN up ON o.id = up.parent_id)
   SELECT id FROM up`;

/** Organisations as other modules may join them: `LEFT JOIN ${ORGANISATIONS_SQL} o ON o.id = …`. */
export const ORGANISATIONS_SQL = `(SELECT id, kind, code, name, parent_id, is_active FROM organisations)`;

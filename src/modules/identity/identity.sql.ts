/**
 * SQL fragments other modules may join on when a read must be one round trip (ARCHITECTURE.md,
 * "Module boundaries"). Each is a sub-select over an identity table with the columns identity
 * agrees to share (never password hashes or secrets); PostgreSQL flattens a plain sub-select, so
 * joining it costs what joining the table would. Use them only in a repository/queries file.
 */

/** Users: `JOIN ${USERS_SQL} u ON u.id = …`. */
export const USERS_SQL = `(SELECT id, email, full_name, phone, organisation_id, is_vip, is_active, roles FROM users)`;

/** Teams: `JOIN ${TEAMS_SQL} tm ON tm.id = …`. */
export const TEAMS_SQL = `(SELECT id, name, support_level, coordinator_id, is_active FROM teams)`;

/** Team membership: `JOIN ${TEAM_MEMBERS_SQL} m ON m.team_id = …`. */
export const TEAM_MEMBERS_SQL = `(SELECT team_id, user_id FROM team_members)`;

import { ORGANISATIONS_SQL } from '../organisations/organisations.sql';

/**
 * The signed-in user's profile with their organisation's name ($1 user id): /me is the portal's
 * most frequent call, so it stays one round trip, joining organisations through their fragment.
 */
export const ME_SQL = `SELECT u.id, u.email, u.full_name, u.roles, u.is_vip, u.phone, o.id AS org_id, o.name AS org_name, o.kind AS org_kind
         FROM users u LEFT JOIN ${ORGANISATIONS_SQL} o ON o.id = u.organisation_id WHERE u.id = $1`;

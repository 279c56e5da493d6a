/**
 * SQL fragments of the catalog for reads that must be one round trip (ticket registration reads
 * the requester and the service they order together). Use them only in a repository/queries file.
 */
import { ancestorIdsOf } from '../organisations/organisations.sql';
import type { CatalogServiceRecord as Service } from './entities/catalog-service.entity';

export type OrderableRow = {
  id: string;
  name: string;
  type: Service['type'];
  status: Service['status'];
  portal_orderable: boolean;
  approval: Service['approval'];
  owner_organisation_id: string | null;
  published_version: number;
  snapshot: unknown;
  may_order: boolean;
};

/**
 * The service, its version in force, and whether an organisation may order it (a restricted
 * service is orderable by the organisations it lists and everything below them), as SQL over
 * two expressions: the service id and the requester's organisation (may be null; may refer to
 * an outer query, so registration reads it together with the requester).
 */
export function orderableSelect(serviceId: string, organisationId: string): string {
  return `SELECT s.id, s.name, s.type, s.status, s.portal_orderable, s.approval, s.owner_organisation_id, s.published_version, v.snapshot,
       (NOT s.restricted OR EXISTS (
          SELECT 1 FROM (${ancestorIdsOf(organisationId)}) up WHERE up.id = ANY(s.allowed_organisation_ids))) AS may_order
  FROM catalog_services s
  LEFT JOIN catalog_service_versions v ON v.service_id = s.id AND v.version = s.published_version
 WHERE s.id = ${serviceId}`;
}

export const ORDERABLE_SQL = orderableSelect('$1::uuid', '$2::uuid');

/** Services as other modules may join them: `LEFT JOIN ${CATALOG_SERVICES_SQL} s ON s.id = …`. */
export const CATALOG_SERVICES_SQL = `(SELECT id, code, name, category, type, status FROM catalog_services)`;

/** Which business calendar each service runs on: `FROM ${CATALOG_SERVICE_CALENDARS_SQL} s WHERE s.calendar_code = …`. */
export const CATALOG_SERVICE_CALENDARS_SQL = `(SELECT id, code, name, calendar_code FROM catalog_services)`;

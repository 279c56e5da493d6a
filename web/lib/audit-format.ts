// The audit log in people's words: entity, action, field and value codes become Spanish labels.
import { countryLabel, weekSummary, type Week } from './calendars';
import { formatDateTime } from './format';
import { messages, roleLabel } from '@/messages/es-MX';

const a = messages.admin;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const USER_FIELDS = new Set(['coordinatorId', 'headUserId']);

export type AuditNames = { users: Map<string, string>; organisations: Map<string, string>; teams?: Map<string, string> };

export const auditEntityLabel = (entity: string): string => a.auditEntities[entity] ?? entity;
export const auditActionLabel = (action: string): string => a.auditActions[action] ?? action;

/** `high.medium` of the priority matrix is a cell; other fields have a label. */
export function auditFieldLabel(entity: string, field: string | null): string {
  if (!field) return messages.common.none;
  if (entity === 'priority_matrix') {
    const [impact, urgency] = field.split('.');
    if (impact && urgency) return a.auditMatrixCell(a.priorityMatrix.impactLevels[impact] ?? impact, a.priorityMatrix.urgencyLevels[urgency] ?? urgency);
  }
  return a.auditFields[field] ?? field;
}

/** One value as a person reads it: names for ids, labels for codes, dates in the desk's format. */
export function auditValueLabel(entity: string, field: string | null, value: unknown, names: AuditNames): string {
  if (value === null || value === undefined || value === '') return messages.common.none;
  if (typeof value === 'boolean') return value ? messages.common.yes : messages.common.no;
  if (Array.isArray(value)) {
    if (field === 'roles') return value.map((r) => roleLabel(String(r))).join(', ');
    if (field === 'memberIds') return value.map((id) => names.users.get(String(id)) ?? String(id)).join(', ');
    return value.map((v) => auditValueLabel(entity, field, v, names)).join(', ');
  }
  if (entity === 'business_calendar') {
    if (field === 'week' && typeof value === 'object') return weekSummary(value as Week);
    if (field === 'holidayCountry') return countryLabel(String(value));
    if (field === 'closures' && typeof value === 'object') {
      const c = value as { date?: string; reason?: string };
      return `${c.date ?? ''}: ${c.reason ?? ''}`;
    }
  }
  if (typeof value === 'object') {
    // A create or delete row keeps a snapshot of the record: list its fields with their labels.
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => `${auditFieldLabel(entity, k)}: ${auditValueLabel(entity, k, v, names)}`)
      .join('; ');
  }
  const text = String(value);
  if (entity === 'priority_matrix') return messages.tickets.priorities[text] ?? text;
  if (field && USER_FIELDS.has(field)) return names.users.get(text) ?? text;
  if (field === 'organisationId' || field === 'parentId') return names.organisations.get(text) ?? text;
  if (field === 'teamId' || field === 'teamL1Id' || field === 'teamL2Id' || field === 'teamL3Id' || field === 'teamFieldId')
    return names.teams?.get(text) ?? text;
  if (field === 'ownerOrganisationId' || field === 'allowedOrganisationIds') return names.organisations.get(text) ?? text;
  if (entity === 'catalog_service' && field === 'type') return messages.catalogAdmin.types[text] ?? text;
  if (entity === 'catalog_service' && field === 'approval') return messages.catalogAdmin.approvals[text] ?? text;
  if (field === 'kind') return messages.organisationKinds[text] ?? text;
  if (field === 'supportLevel') return messages.supportLevels[text] ?? text;
  if (ISO_INSTANT.test(text)) return formatDateTime(text);
  return a.auditValues[text] ?? text;
}

/** The record the row is about: a person's or organisation's name where known. */
export function auditSubject(entity: string, entityId: string, names: AuditNames): string {
  if (entity === 'priority_matrix') return messages.common.none;
  if (entity === 'user' || entity === 'session') return names.users.get(entityId) ?? entityId;
  if (entity === 'organisation') return names.organisations.get(entityId) ?? entityId;
  if (entity === 'team') return names.teams?.get(entityId) ?? entityId;
  return entityId;
}

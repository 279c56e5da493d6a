// The catalog manager's service editor as plain data: its values, the checks the browser can make,
// the API body, and where the API's field errors go. Relative imports keep it loadable by the
// unit tests (test/web), which do not know the portal's `@/` alias.
import type { UseFormReturnType } from '@mantine/form';
import { messages } from '../messages/es-MX';
import type { Approval, ServiceDto, ServiceType, SlaTargets } from './catalog';
import { fromFormField, toFormField, type BuilderField } from './form-builder';
import { BOUND_TYPES, checkFormDefinition, OPTION_TYPES, TEXT_TYPES, type FieldType, type FormField } from './request-form';
import { PRIORITIES, type Priority } from './tickets';

const t = messages.catalogAdmin;

export type SlaRow = { responseMinutes: number | ''; resolutionMinutes: number | '' };

/**
 * The editor's values, named as the API names them, so an API field error (`teamL2Id`,
 * `form.0.key`) is already the path of the input that shows it.
 */
export type ServiceValues = {
  code: string;
  name: string;
  description: string;
  category: string;
  subcategory: string;
  type: ServiceType;
  portalOrderable: boolean;
  leadTimeDays: number | '';
  approval: Approval;
  /** The business calendar its SLA times run on (a calendar's code). */
  calendarCode: string;
  slaTargets: Record<Priority, SlaRow>;
  ownerOrganisationId: string | null;
  teamL1Id: string | null;
  teamL2Id: string | null;
  teamL3Id: string | null;
  teamFieldId: string | null;
  restricted: boolean;
  allowedOrganisationIds: string[];
  /** The request form, one builder row per field. */
  form: BuilderField[];
};

export type ServiceForm = UseFormReturnType<ServiceValues>;

export type FieldErrors = Record<string, string>;

export function serviceValuesOf(s?: ServiceDto): ServiceValues {
  const slaTargets = Object.fromEntries(
    PRIORITIES.map((p) => [p, { responseMinutes: s?.slaTargets?.[p]?.responseMinutes ?? '', resolutionMinutes: s?.slaTargets?.[p]?.resolutionMinutes ?? '' }]),
  ) as ServiceValues['slaTargets'];
  return {
    code: s?.code ?? '',
    name: s?.name ?? '',
    description: s?.description ?? '',
    category: s?.category ?? '',
    subcategory: s?.subcategory ?? '',
    type: s?.type ?? 'service_request',
    portalOrderable: s?.portalOrderable ?? true,
    leadTimeDays: s?.leadTimeDays ?? 0,
    approval: s?.approval ?? 'none',
    calendarCode: s?.calendarCode ?? 'mx',
    slaTargets,
    ownerOrganisationId: s?.ownerOrganisationId ?? null,
    teamL1Id: s?.teamL1Id ?? null,
    teamL2Id: s?.teamL2Id ?? null,
    teamL3Id: s?.teamL3Id ?? null,
    teamFieldId: s?.teamFieldId ?? null,
    restricted: s?.restricted ?? false,
    allowedOrganisationIds: s?.allowedOrganisationIds ?? [],
    form: (s?.form ?? []).map(fromFormField),
  };
}

export const leadTimeOf = (v: ServiceValues): number => (v.leadTimeDays === '' ? 0 : v.leadTimeDays);

/** What the browser can tell before sending; the API checks all of it again. */
export function checkServiceValues(v: ServiceValues): FieldErrors {
  const found: FieldErrors = {};
  const required = messages.catalog.required;
  if (!v.code.trim()) found.code = required;
  else if (!/^[A-Za-z0-9._-]+$/.test(v.code.trim())) found.code = t.codeHint;
  if (!v.name.trim()) found.name = required;
  if (!v.category.trim()) found.category = required;
  if (v.restricted && v.allowedOrganisationIds.length === 0) found.allowedOrganisationIds = t.allowedRequired;
  for (const p of PRIORITIES) {
    const { responseMinutes, resolutionMinutes } = v.slaTargets[p];
    if ((responseMinutes === '') !== (resolutionMinutes === '')) found[`slaTargets.${p}`] = t.slaIncomplete;
  }
  const fields = v.form.map(toFormField);
  fields.forEach((f, i) => {
    if (!f.label) found[`form.${i}.label`] = required;
  });
  // The API's own rules, which name the list `fields`; placed as the API's errors are.
  for (const e of checkFormDefinition(fields)) {
    const key = pathForApiField(e.field.replace(/^fields/, 'form'), v);
    if (key && !found[key]) found[key] = e.message;
  }
  return found;
}

/** The body of POST /catalog/services and PATCH /catalog/services/:id, without status or version. */
export function serviceBody(v: ServiceValues) {
  const slaTargets: SlaTargets = {};
  for (const p of PRIORITIES) {
    const { responseMinutes, resolutionMinutes } = v.slaTargets[p];
    if (responseMinutes !== '' && resolutionMinutes !== '') slaTargets[p] = { responseMinutes, resolutionMinutes };
  }
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    description: v.description.trim() || null,
    category: v.category.trim(),
    subcategory: v.subcategory.trim() || null,
    type: v.type,
    portalOrderable: v.portalOrderable,
    leadTimeDays: leadTimeOf(v),
    approval: v.approval,
    calendarCode: v.calendarCode,
    slaTargets,
    ownerOrganisationId: v.ownerOrganisationId,
    teamL1Id: v.teamL1Id,
    teamL2Id: v.teamL2Id,
    teamL3Id: v.teamL3Id,
    teamFieldId: v.teamFieldId,
    restricted: v.restricted,
    allowedOrganisationIds: v.allowedOrganisationIds,
    form: v.form.map(toFormField) satisfies FormField[],
  };
}

const SHEET_FIELDS = new Set([
  'code',
  'name',
  'description',
  'category',
  'subcategory',
  'type',
  'approval',
  'calendarCode',
  'leadTimeDays',
  'ownerOrganisationId',
  'teamL1Id',
  'teamL2Id',
  'teamL3Id',
  'teamFieldId',
]);
/** The row settings that have an input for a field of this type (see form-field-editor.tsx). */
function settingShown(type: FieldType, setting: string): boolean {
  if (['label', 'type', 'key', 'help'].includes(setting)) return true;
  if (setting === 'options') return OPTION_TYPES.includes(type);
  if (setting === 'min' || setting === 'max') return BOUND_TYPES.includes(type);
  if (['minLength', 'maxLength', 'regex', 'regexMessage'].includes(setting)) return TEXT_TYPES.includes(type);
  if (['showWhenField', 'showWhenValues', 'requiredWhenField', 'requiredWhenValues'].includes(setting)) return true;
  return false;
}

/**
 * The editor path that shows an API field error, or null when no input on screen shows it.
 * A list's bad entry (`allowedOrganisationIds.3`) is shown on the list, an SLA target's on its
 * priority's row, and a form field's validation rule (`form.2.validation.options`) on the
 * builder row's setting (`form.2.options`), as the builder keeps a field's settings flat.
 */
export function pathForApiField(field: string, v: ServiceValues): string | null {
  if (SHEET_FIELDS.has(field)) return field;
  if (/^allowedOrganisationIds(\.\d+)?$/.test(field)) return v.restricted ? 'allowedOrganisationIds' : null;
  const sla = /^slaTargets\.(\w+)(\..+)?$/.exec(field);
  if (sla) return (PRIORITIES as readonly string[]).includes(sla[1]) ? `slaTargets.${sla[1]}` : null;
  // A condition's part (`form.2.showWhen.values`) is shown on the row's flat setting (`form.2.showWhenValues`).
  const condition = /^form\.(\d+)\.(showWhen|requiredWhen)\.(field|values)(?:\.\d+)?$/.exec(field);
  if (condition) return v.form[Number(condition[1])] ? `form.${condition[1]}.${condition[2]}${condition[3] === 'field' ? 'Field' : 'Values'}` : null;
  const row = /^form\.(\d+)\.(?:validation\.)?(\w+)$/.exec(field);
  if (row) {
    const f = v.form[Number(row[1])];
    return f && settingShown(f.type, row[2]) ? `form.${row[1]}.${row[2]}` : null;
  }
  return null;
}

/** The API's field errors keyed by the editor path that shows them (the first message per path). */
export function placeApiErrors(errors: readonly { field: string; message: string }[], v: ServiceValues): FieldErrors {
  const placed: FieldErrors = {};
  for (const e of errors) {
    const path = e.field ? pathForApiField(e.field, v) : null;
    if (path && !placed[path]) placed[path] = e.message;
  }
  return placed;
}

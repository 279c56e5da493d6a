// The request-form rules are the API's own (pure, no I/O), so the portal checks a form exactly
// as the server will; the server stays the authority. Lead time is counted in the desk's zone
// (DESK_TIME_ZONE, which the portal reads from GET /me), never the browser's.
import {
  FIELD_TYPES,
  formFieldStates,
  leadTimeContext,
  validateForm,
  type FieldState,
  type FieldType,
  type FormField,
} from '../../src/modules/catalog/request-form.rules';

export { CONDITION_SOURCE_TYPES, FIELD_TYPES, checkFormDefinition } from '../../src/modules/catalog/request-form.rules';
export type { FieldCondition, FieldState, FieldType, FieldValidation, FormField } from '../../src/modules/catalog/request-form.rules';

/**
 * What an input holds while the requester types; turned into the API's shape by toFormData. A
 * `file` field holds the chosen File until the submit stages it (stageFormFiles), then the staged
 * attachment's id.
 */
export type InputValue = string | string[] | { from: string; to: string } | File | null;

/**
 * Stands for a chosen file not uploaded yet, so the local check judges a `file` field as the
 * server will once the file is staged (an id). Never sent: stageFormFiles replaces each File first.
 */
export const PENDING_FILE_ID = '00000000-0000-4000-8000-000000000000';

/** A chosen file (false on the server, where pages render without File). */
export function isFile(v: InputValue | undefined): v is File {
  return typeof File !== 'undefined' && v instanceof File;
}
export type InputValues = Record<string, InputValue>;

export const FIELD_TYPE_LIST: readonly FieldType[] = FIELD_TYPES;
export const OPTION_TYPES: readonly FieldType[] = ['select', 'multi_select'];
export const TEXT_TYPES: readonly FieldType[] = ['text', 'long_text'];
export const BOUND_TYPES: readonly FieldType[] = ['number', 'multi_select'];

export function emptyValue(field: FormField): InputValue {
  if (field.type === 'multi_select') return [];
  if (field.type === 'date_range') return { from: '', to: '' };
  if (field.type === 'select' || field.type === 'user_picker' || field.type === 'file') return null;
  return '';
}

export function emptyValues(fields: FormField[]): InputValues {
  return Object.fromEntries(fields.map((f) => [f.key, emptyValue(f)]));
}

/**
 * The `formData` body: blanks left out (the server treats absent and blank alike), numbers as
 * numbers, and the answers of fields the form does not show now left out too (the server drops
 * them: what is sent is what the requester sees).
 */
export function toFormData(fields: FormField[], values: InputValues): Record<string, unknown> {
  const answers = allAnswers(fields, values);
  const states = formFieldStates(fields, answers);
  return Object.fromEntries(Object.entries(answers).filter(([key]) => states[key]?.visible));
}

/** Which fields are shown and which are obligatory for the answers typed so far (the server's rule). */
export function fieldStates(fields: FormField[], values: InputValues): Record<string, FieldState> {
  return formFieldStates(fields, allAnswers(fields, values));
}

function allAnswers(fields: FormField[], values: InputValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.key];
    if (v === null || v === undefined) continue;
    if (isFile(v)) {
      out[f.key] = PENDING_FILE_ID;
    } else if (typeof v === 'string') {
      if (!v.trim()) continue;
      out[f.key] = f.type === 'number' && Number.isFinite(Number(v)) ? Number(v) : v;
    } else if (Array.isArray(v)) {
      if (v.length) out[f.key] = v;
    } else if (v.from || v.to) {
      out[f.key] = v;
    }
  }
  return out;
}

/** The service's minimum lead time and the desk's IANA zone (`me.deskTimeZone`) its days are counted in. */
export type LeadTime = { days: number; deskTimeZone: string };

/** Errors by field key, with the server's wording; empty when the form would pass. */
export function checkRequestForm(fields: FormField[], values: InputValues, leadTime?: LeadTime, now = new Date()): Record<string, string> {
  const result = validateForm(fields, toFormData(fields, values), leadTime ? leadTimeContext(now, leadTime.deskTimeZone, leadTime.days) : {});
  if (result.ok) return {};
  const out: Record<string, string> = {};
  for (const e of result.errors) {
    const key = e.field.replace(/^formData\./, '');
    if (!out[key]) out[key] = e.message;
  }
  return out;
}

/**
 * A form-answer error from the API (`formData.<key>` or deeper, e.g. `formData.periodo.from`),
 * as the key of the field that shows it; null for any other field.
 */
export function formAnswerKey(apiField: string, fields: FormField[]): string | null {
  const m = /^formData\.([^.]+)/.exec(apiField);
  return m && fields.some((f) => f.key === m[1]) ? m[1] : null;
}

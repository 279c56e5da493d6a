import { DateTime } from 'luxon';
import { isEmailAddress } from '../../common/email.rules';
import { compileFormPattern, PatternTooLargeError } from './form-pattern';

/**
 * Request forms (GCS 4.1–4.3; seed 003 "datos requeridos por servicio"): each catalog service
 * defines the data a request must carry. The server validates submitted values against the
 * form version in force at submit time. Pure: no Nest, no I/O; `today` is passed in.
 */
export const FIELD_TYPES = [
  'text',
  'long_text',
  'number',
  'date',
  'date_range',
  'select',
  'multi_select',
  'email',
  'phone',
  'ipv4_cidr',
  'url',
  'port_list',
  'user_picker',
  'file',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export type FieldValidation = {
  regex?: string;
  regexMessage?: string;
  min?: number;
  max?: number;
  minLength?: number;
  maxLength?: number;
  integer?: boolean;
  options?: string[];
};

/**
 * "When field X has one of these values" (seed 003: DGST-P01-PR05 3.c.9–3.c.11 ports, URL and
 * dates only for some kinds of data-network request; PR04 3.c who authorises and why only for
 * dialling codes and special permissions). X is an option field (select or multi_select) of the
 * same form; a multi_select matches when any of its chosen options is listed.
 */
export type FieldCondition = { field: string; values: string[] };

export type FormField = {
  key: string;
  type: FieldType;
  label: string;
  help?: string;
  required: boolean;
  validation?: FieldValidation;
  /** Asked only while the condition holds; without it the field is always asked. */
  showWhen?: FieldCondition;
  /** Obligatory while the condition holds (and the field is shown), even when `required` is false. */
  requiredWhen?: FieldCondition;
};

/** The field types a condition may depend on: their answers are values from a known list. */
export const CONDITION_SOURCE_TYPES: readonly FieldType[] = ['select', 'multi_select'];
export const CONDITION_KINDS = ['showWhen', 'requiredWhen'] as const;

export type FormValue = string | number | string[] | { from: string; to: string };
export type FormErrors = { field: string; message: string }[];
export type FormResult = { ok: true; values: Record<string, FormValue> } | { ok: false; errors: FormErrors };

/** `earliestDate` (YYYY-MM-DD) enforces the service's minimum lead time on every date the form asks for. */
export type FormContext = { earliestDate?: string; leadTimeDays?: number };

/**
 * The lead-time context at `now`: the first date a request may ask for is today *in the desk's
 * zone* plus the lead time. The server and the portal both call this with the desk's zone (the
 * portal learns it from GET /me), so a requester in another zone, or a browser set to UTC in the
 * evening, is told the same date the server will enforce.
 */
export function leadTimeContext(now: Date, deskTimeZone: string, leadTimeDays: number): FormContext {
  return { earliestDate: leadTimeDays ? earliestRequestDate(now, deskTimeZone, leadTimeDays) : undefined, leadTimeDays };
}

/** Today in `zone` plus `days` calendar days (YYYY-MM-DD); calendar days, so DST changes do not shift it. */
export function earliestRequestDate(now: Date, zone: string, days: number): string {
  return DateTime.fromJSDate(now, { zone }).startOf('day').plus({ days }).toISODate()!;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A calendar date written YYYY-MM-DD that exists (no 2026-02-30): a day, not an instant, so no zone. */
function isDate(v: unknown): v is string {
  return typeof v === 'string' && DATE.test(v) && DateTime.fromISO(v, { zone: 'utc' }).isValid;
}

export function isIpv4OrCidr(v: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(v);
  if (!m) return false;
  const octets = m.slice(1, 5).map(Number);
  if (octets.some((o, i) => o > 255 || (m[i + 1].length > 1 && m[i + 1].startsWith('0')))) return false;
  return m[5] === undefined || Number(m[5]) <= 32;
}

/** "80, 443, 8000-8080" → ["80", "443", "8000-8080"], or null when any part is not a port or range. */
export function parsePortList(v: string): string[] | null {
  const parts = v.split(/[\s,;]+/).filter(Boolean);
  if (!parts.length) return null;
  for (const p of parts) {
    const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(p);
    if (!m) return null;
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (a < 1 || b > 65535 || a > b) return null;
  }
  return parts;
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** Validates one field's value; returns the normalised value or an error message (Spanish, shown to the requester). */
function checkField(f: FormField, raw: unknown, ctx: FormContext): { value: FormValue } | { error: string } {
  const v = f.validation ?? {};
  const tooEarly = (d: string) => ctx.earliestDate !== undefined && d < ctx.earliestDate;
  const leadTimeMessage = `debe ser a partir del ${ctx.earliestDate} (el servicio se solicita con al menos ${ctx.leadTimeDays ?? 0} días de anticipación)`;
  const text = (max: number) => {
    if (typeof raw !== 'string') return { error: 'debe ser texto' };
    const s = raw.trim();
    if (v.minLength !== undefined && s.length < v.minLength) return { error: `debe tener al menos ${v.minLength} caracteres` };
    if (s.length > (v.maxLength ?? max)) return { error: `no debe exceder ${v.maxLength ?? max} caracteres` };
    if (v.regex) {
      const pattern = compileFormPattern(v.regex);
      // A stored pattern RE2 refuses (saved before patterns were checked at save time) fails
      // closed: the manager meant a constraint, so no answer is taken unchecked.
      if (pattern instanceof Error) return { error: 'no se puede validar: el patrón del formulario no es válido (avisa al responsable del catálogo)' };
      if (!pattern.test(s)) return { error: v.regexMessage ?? 'no tiene el formato esperado' };
    }
    return { value: s };
  };
  switch (f.type) {
    case 'text':
      return text(500);
    case 'long_text':
      return text(10000);
    case 'number': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      if (!Number.isFinite(n)) return { error: 'debe ser un número' };
      if (v.integer && !Number.isInteger(n)) return { error: 'debe ser un número entero' };
      if (v.min !== undefined && n < v.min) return { error: `debe ser mayor o igual a ${v.min}` };
      if (v.max !== undefined && n > v.max) return { error: `debe ser menor o igual a ${v.max}` };
      return { value: n };
    }
    case 'date':
      if (!isDate(raw)) return { error: 'debe ser una fecha válida (AAAA-MM-DD)' };
      if (tooEarly(raw)) return { error: leadTimeMessage };
      return { value: raw };
    case 'date_range': {
      const r = raw as { from?: unknown; to?: unknown };
      if (typeof raw !== 'object' || raw === null || !isDate(r.from) || !isDate(r.to))
        return { error: 'debe tener fecha inicial y final válidas (AAAA-MM-DD)' };
      if (r.from > r.to) return { error: 'la fecha inicial debe ser anterior o igual a la final' };
      if (tooEarly(r.from)) return { error: leadTimeMessage };
      return { value: { from: r.from, to: r.to } };
    }
    case 'select':
      if (typeof raw !== 'string' || !(v.options ?? []).includes(raw)) return { error: `debe ser una de las opciones: ${(v.options ?? []).join(', ')}` };
      return { value: raw };
    case 'multi_select': {
      if (!Array.isArray(raw) || raw.some((x) => typeof x !== 'string')) return { error: 'debe ser una lista de opciones' };
      const unknown = raw.filter((x) => !(v.options ?? []).includes(x as string));
      if (unknown.length) return { error: `opciones no válidas: ${unknown.join(', ')}` };
      const unique = [...new Set(raw as string[])];
      if (v.min !== undefined && unique.length < v.min) return { error: `elige al menos ${v.min}` };
      if (v.max !== undefined && unique.length > v.max) return { error: `elige como máximo ${v.max}` };
      return { value: unique };
    }
    case 'email':
      if (typeof raw !== 'string' || !isEmailAddress(raw.trim())) return { error: 'debe ser un correo electrónico válido' };
      return { value: raw.trim().toLowerCase() };
    case 'phone': {
      if (typeof raw !== 'string' || !/^\+?[\d\s().-]+$/.test(raw.trim())) return { error: 'debe ser un teléfono (dígitos, espacios, +, -, paréntesis)' };
      const digits = raw.replace(/\D/g, '').length;
      if (digits < 7 || digits > 15) return { error: 'debe tener entre 7 y 15 dígitos' };
      return { value: raw.trim() };
    }
    case 'ipv4_cidr':
      if (typeof raw !== 'string' || !isIpv4OrCidr(raw.trim()))
        return { error: 'debe ser una dirección IPv4 o un bloque CIDR (p. ej. 10.0.0.15 o 10.0.0.0/24)' };
      return { value: raw.trim() };
    case 'url': {
      if (typeof raw !== 'string') return { error: 'debe ser una URL http(s)' };
      try {
        const u = new URL(raw.trim());
        if (u.protocol !== 'http:' && u.protocol !== 'https:') return { error: 'debe ser una URL http(s)' };
        return { value: u.toString() };
      } catch {
        return { error: 'debe ser una URL http(s)' };
      }
    }
    case 'port_list': {
      const ports = typeof raw === 'string' ? parsePortList(raw) : null;
      if (!ports) return { error: 'debe ser una lista de puertos 1–65535 o rangos (p. ej. 80, 443, 8000-8080)' };
      return { value: ports };
    }
    case 'user_picker':
    case 'file':
      if (typeof raw !== 'string' || !UUID.test(raw)) return { error: f.type === 'file' ? 'debe ser un archivo adjunto' : 'debe ser un usuario' };
      return { value: raw.toLowerCase() };
  }
}

/** Which listed value a condition's field holds now, or null when the condition does not hold. */
function matchedValue(c: FieldCondition, raw: unknown): string | null {
  if (typeof raw === 'string') return c.values.includes(raw) ? raw : null;
  if (Array.isArray(raw)) return (raw.find((x) => typeof x === 'string' && c.values.includes(x)) as string | undefined) ?? null;
  return null;
}

/** Whether a field is shown and whether it is obligatory, with the condition that made it so. */
export type FieldState = { visible: boolean; required: boolean; requiredBecause?: { field: string; value: string } };

/**
 * The live state of every field for the answers given so far: the portal shows, hides and marks
 * fields with it, and validateForm asks for exactly the same. A field whose condition depends on a
 * hidden field is hidden too; a condition cycle (refused when the form is saved) hides its fields
 * rather than looping. Never obligatory while hidden.
 */
export function formFieldStates(fields: FormField[], input: Record<string, unknown>): Record<string, FieldState> {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const visible = new Map<string, boolean>();
  const visiting = new Set<string>();
  const isVisible = (key: string): boolean => {
    const known = visible.get(key);
    if (known !== undefined) return known;
    const f = byKey.get(key);
    if (!f || visiting.has(key)) return false;
    visiting.add(key);
    const c = f.showWhen;
    const shown = !c || (isVisible(c.field) && matchedValue(c, input[c.field]) !== null);
    visiting.delete(key);
    visible.set(key, shown);
    return shown;
  };
  const out: Record<string, FieldState> = {};
  for (const f of fields) {
    if (!isVisible(f.key)) {
      out[f.key] = { visible: false, required: false };
      continue;
    }
    const c = f.requiredWhen;
    const value = c && isVisible(c.field) ? matchedValue(c, input[c.field]) : null;
    // A required field shown only for some answers is required because of that answer: say so.
    const shownFor = f.showWhen ? matchedValue(f.showWhen, input[f.showWhen.field]) : null;
    if (f.required && f.showWhen && shownFor !== null)
      out[f.key] = { visible: true, required: true, requiredBecause: { field: f.showWhen.field, value: shownFor } };
    else if (f.required) out[f.key] = { visible: true, required: true };
    else if (c && value !== null) out[f.key] = { visible: true, required: true, requiredBecause: { field: c.field, value } };
    else out[f.key] = { visible: true, required: false };
  }
  return out;
}

/**
 * Answers to fields the form does not show are dropped, not refused: a requester who picks
 * "Apertura de puertos", types ports and then switches to another kind of request has nothing
 * wrong to fix, and what is stored is exactly what the form showed.
 */
export function validateForm(fields: FormField[], values: Record<string, unknown> | null | undefined, ctx: FormContext = {}): FormResult {
  const input = values ?? {};
  const errors: FormErrors = [];
  const out: Record<string, FormValue> = {};
  const known = new Set(fields.map((f) => f.key));
  for (const key of Object.keys(input)) if (!known.has(key)) errors.push({ field: `formData.${key}`, message: 'campo desconocido en este formulario' });
  const states = formFieldStates(fields, input);
  const labels = new Map(fields.map((f) => [f.key, f.label]));
  for (const f of fields) {
    const state = states[f.key];
    if (!state.visible) continue;
    const raw = input[f.key];
    if (blank(raw)) {
      if (state.requiredBecause) {
        const why = state.requiredBecause;
        errors.push({ field: `formData.${f.key}`, message: `${f.label} es obligatorio cuando ${labels.get(why.field)} es «${why.value}»` });
      } else if (state.required) errors.push({ field: `formData.${f.key}`, message: `${f.label} es obligatorio` });
      continue;
    }
    const r = checkField(f, raw, ctx);
    if ('error' in r) errors.push({ field: `formData.${f.key}`, message: `${f.label} ${r.error}` });
    else out[f.key] = r.value;
  }
  return errors.length ? { ok: false, errors } : { ok: true, values: out };
}

/** Checks a form definition itself (the catalog manager's builder): keys, options, bounds, regexes. */
export function checkFormDefinition(fields: FormField[]): FormErrors {
  const errors: FormErrors = [];
  const seen = new Set<string>();
  fields.forEach((f, i) => {
    const at = (p: string) => `fields.${i}.${p}`;
    if (!/^[a-z][a-z0-9_]{0,49}$/.test(f.key)) errors.push({ field: at('key'), message: 'usa minúsculas, dígitos y _ (empezando con letra)' });
    if (seen.has(f.key)) errors.push({ field: at('key'), message: `clave repetida: ${f.key}` });
    seen.add(f.key);
    const v = f.validation ?? {};
    if ((f.type === 'select' || f.type === 'multi_select') && !(v.options && v.options.length))
      errors.push({ field: at('validation.options'), message: 'indica las opciones' });
    if (v.min !== undefined && v.max !== undefined && v.min > v.max) errors.push({ field: at('validation.min'), message: 'el mínimo supera al máximo' });
    const pattern = v.regex === undefined ? null : compileFormPattern(v.regex);
    if (pattern instanceof PatternTooLargeError) {
      errors.push({ field: at('validation.regex'), message: 'expresión regular demasiado compleja: reduce las repeticiones con {n} (p. ej. usa + o {1,50})' });
    } else if (pattern instanceof Error) {
      errors.push({
        field: at('validation.regex'),
        message: 'expresión regular inválida o no admitida (sintaxis RE2: sin referencias hacia atrás ni búsquedas anticipadas o hacia atrás)',
      });
    }
  });
  errors.push(...checkConditions(fields));
  return errors;
}

/**
 * Conditions must name another option field of the form and values among its options, and must
 * not go round in a circle (a field shown only when a field shown only when it is shown).
 */
function checkConditions(fields: FormField[]): FormErrors {
  const errors: FormErrors = [];
  const byKey = new Map(fields.map((f) => [f.key, f]));
  fields.forEach((f, i) => {
    for (const kind of CONDITION_KINDS) {
      const c = f[kind];
      if (!c) continue;
      const at = (p: string) => `fields.${i}.${kind}.${p}`;
      const source = byKey.get(c.field);
      if (c.field === f.key) {
        errors.push({ field: at('field'), message: 'un campo no puede depender de sí mismo' });
        continue;
      }
      if (!source) {
        errors.push({ field: at('field'), message: `no existe el campo «${c.field}» en este formulario` });
        continue;
      }
      if (!CONDITION_SOURCE_TYPES.includes(source.type)) {
        errors.push({ field: at('field'), message: `«${source.label}» no es un campo de opciones; una condición depende de una lista de opciones` });
        continue;
      }
      if (!c.values.length) {
        errors.push({ field: at('values'), message: 'indica al menos un valor' });
        continue;
      }
      const options = source.validation?.options ?? [];
      const unknown = c.values.filter((value) => !options.includes(value));
      if (unknown.length) errors.push({ field: at('values'), message: `no son opciones de «${source.label}»: ${unknown.join(', ')}` });
    }
  });
  // A cycle through the conditions (both kinds: each names a field this one depends on).
  const dependsOn = (f: FormField) => CONDITION_KINDS.map((k) => f[k]?.field).filter((k): k is string => k !== undefined && k !== f.key && byKey.has(k));
  const done = new Set<string>();
  const reported = new Set<string>();
  const walk = (key: string, path: string[]): void => {
    if (done.has(key)) return;
    const seenAt = path.indexOf(key);
    if (seenAt >= 0) {
      const cycle = path.slice(seenAt);
      const first = cycle.find((k) => !reported.has(k));
      if (first === undefined) return;
      cycle.forEach((k) => reported.add(k));
      const f = byKey.get(first)!;
      const next = cycle[(cycle.indexOf(first) + 1) % cycle.length];
      const kind = CONDITION_KINDS.find((k) => f[k]?.field === next) ?? 'showWhen';
      const i = fields.indexOf(f);
      const loop = [...cycle.slice(cycle.indexOf(first)), ...cycle.slice(0, cycle.indexOf(first)), first];
      errors.push({ field: `fields.${i}.${kind}.field`, message: `las condiciones forman un ciclo: ${loop.join(' → ')}` });
      return;
    }
    for (const next of dependsOn(byKey.get(key)!)) walk(next, [...path, key]);
    done.add(key);
  };
  for (const f of fields) walk(f.key, []);
  return errors;
}

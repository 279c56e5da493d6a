import { type PipeTransform } from '@nestjs/common';
import { z, type ZodError, type ZodType } from 'zod';
import type { FieldError } from '../errors/mesa-error';

// Field messages reach people next to form fields: Spanish first (es-MX UI); codes stay English.
z.config(z.locales.es());

export const FIELD_MESSAGES = {
  required: 'es obligatorio',
  unknown: 'campo desconocido',
  uuid: 'debe ser un UUID',
  empty: 'no debe estar vacío',
  hostileText: 'contiene caracteres no permitidos (NUL o un sustituto UTF-16 suelto)',
  dateTime: 'debe ser una fecha ISO 8601 válida entre los años 0001 y 9999 (AAAA-MM-DD o AAAA-MM-DDTHH:MM:SSZ)',
} as const;
import { MesaError } from '../errors/mesa-error';

export function zodFieldErrors(error: ZodError, prefix?: string): FieldError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return { field: [...(prefix ? [prefix] : []), ...path, issue.keys.join(',')].join('.'), message: FIELD_MESSAGES.unknown };
    }
    const field = [...(prefix ? [prefix] : []), ...path].join('.') || prefix || 'body';
    const message = issue.code === 'invalid_type' && issue.input === undefined ? FIELD_MESSAGES.required : issue.message;
    return { field, message };
  });
}

// NUL cannot be stored in PostgreSQL text (SQLSTATE 22021: a 500 before this check), and a lone
// surrogate is not Unicode: the driver would silently store U+FFFD instead of what was sent.
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const HOSTILE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isHostileText = (s: string): boolean => HOSTILE_TEXT.test(s);

/**
 * Every string anywhere in a request (values and object keys, however deep, free-form objects
 * such as form answers included), named by its path: one check at the edge that no DTO can forget.
 */
export function hostileTextErrors(value: unknown, path: string[] = [], out: FieldError[] = [], depth = 0): FieldError[] {
  const name = (p: string[]) => p.join('.') || 'body';
  if (typeof value === 'string') {
    if (isHostileText(value)) out.push({ field: name(path), message: FIELD_MESSAGES.hostileText });
  } else if (Array.isArray(value)) {
    if (depth < 32) value.forEach((v, i) => hostileTextErrors(v, [...path, String(i)], out, depth + 1));
  } else if (value !== null && typeof value === 'object' && depth < 32) {
    for (const [k, v] of Object.entries(value)) {
      if (isHostileText(k)) out.push({ field: name([...path, k]), message: FIELD_MESSAGES.hostileText });
      else hostileTextErrors(v, [...path, k], out, depth + 1);
    }
  }
  return out;
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** The instant an ISO 8601 date or date-time stands for, or null when it is no real one (2026-02-30, year 0, 24:30). */
export function parseIsoDateTime(s: string): Date | null {
  const m = ISO_DATE_TIME.exec(s);
  if (!m) return null;
  const [y, mo, d, h = '0', mi = '0', sec = '0'] = m.slice(1, 7);
  const probe = new Date(Date.UTC(2000, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec)));
  probe.setUTCFullYear(Number(y));
  const real =
    Number(y) >= 1 &&
    probe.getUTCMonth() === Number(mo) - 1 &&
    probe.getUTCDate() === Number(d) &&
    probe.getUTCHours() === Number(h) &&
    probe.getUTCMinutes() === Number(mi) &&
    probe.getUTCSeconds() === Number(sec);
  if (!real) return null;
  const at = new Date(s);
  return Number.isNaN(at.getTime()) ? null : at;
}

/**
 * The shared date-time input: ISO 8601, years 0001–9999 (four digits: no ±YYYYYY expanded years,
 * which JavaScript accepts and PostgreSQL refuses), a day and time that exist. Gives a Date.
 */
export const isoDateTime = () =>
  z
    .string()
    .meta({ format: 'date-time' })
    .transform((s, ctx) => {
      const at = parseIsoDateTime(s);
      if (at) return at;
      ctx.addIssue({ code: 'custom', message: FIELD_MESSAGES.dateTime });
      return z.NEVER;
    });

/** Validates and converts a body, query or param with a zod schema; failures are 400s naming each field. */
export class ZodPipe<T extends ZodType> implements PipeTransform<unknown, z.output<T>> {
  constructor(
    private readonly schema: T,
    private readonly prefix?: string,
  ) {}

  transform(value: unknown): z.output<T> {
    const hostile = hostileTextErrors(value, this.prefix ? [this.prefix] : []);
    if (hostile.length) throw new MesaError('REQUEST_INVALID', 'La solicitud no es válida.', { errors: hostile });
    const parsed = this.schema.safeParse(value ?? {});
    if (parsed.success) return parsed.data;
    throw new MesaError('REQUEST_INVALID', 'La solicitud no es válida.', { errors: zodFieldErrors(parsed.error, this.prefix) });
  }
}

/** JSON schema for OpenAPI from a zod schema (drops the $schema marker swagger-ui does not want). */
export function openApiSchema(schema: ZodType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

export const uuidParam = z.uuid({ message: FIELD_MESSAGES.uuid });

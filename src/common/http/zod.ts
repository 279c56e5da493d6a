import { type PipeTransform } from '@nestjs/common';
import { z, type ZodError, type ZodType } from 'zod';
import type { FieldError } from '../errors/mesa-error';

// Field messages reach people next to form fields: Spanish first (es-MX UI); codes stay English.
z.config(z.locales.es());

export const FIELD_MESSAGES = { required: 'es obligatorio', unknown: 'campo desconocido', uuid: 'debe ser un UUID', empty: 'no debe estar vacío' } as const;
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

/** Validates and converts a body, query or param with a zod schema; failures are 400s naming each field. */
export class ZodPipe<T extends ZodType> implements PipeTransform<unknown, z.output<T>> {
  constructor(
    private readonly schema: T,
    private readonly prefix?: string,
  ) {}

  transform(value: unknown): z.output<T> {
    const parsed = this.schema.safeParse(value ?? {});
    if (parsed.success) return parsed.data;
    throw new MesaError('VALIDATION_FAILED', 'The request is invalid.', { errors: zodFieldErrors(parsed.error, this.prefix) });
  }
}

/** JSON schema for OpenAPI from a zod schema (drops the $schema marker swagger-ui does not want). */
export function openApiSchema(schema: ZodType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

export const uuidParam = z.uuid({ message: FIELD_MESSAGES.uuid });

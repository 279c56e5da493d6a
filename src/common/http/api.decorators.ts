import { applyDecorators, Body, Param, Query } from '@nestjs/common';
import { ApiBody, ApiParam, ApiQuery } from '@nestjs/swagger';
import { type ZodObject, type ZodType } from 'zod';
import { openApiSchema, uuidParam, ZodPipe } from './zod';

/** Body validated by a zod schema (400 naming each bad field). Pair with ApiZodBody for the docs. */
export const ZodBody = (schema: ZodType) => Body(new ZodPipe(schema));
export const ZodQuery = (schema: ZodType) => Query(new ZodPipe(schema));
/** A UUID path parameter; anything else is a 400 naming the parameter, never a database error. */
export const IdParam = (name = 'id') => Param(name, new ZodPipe(uuidParam, name));

export const ApiZodBody = (schema: ZodType) => ApiBody({ schema: openApiSchema(schema) });

export function ApiZodQuery(schema: ZodObject) {
  const json = openApiSchema(schema) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return applyDecorators(
    ...Object.entries(json.properties ?? {}).map(([name, prop]) => ApiQuery({ name, required: json.required?.includes(name) ?? false, schema: prop })),
  );
}

export const ApiIdParam = (name = 'id') => ApiParam({ name, format: 'uuid', type: String });

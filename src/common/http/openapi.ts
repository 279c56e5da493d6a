import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { z } from 'zod';
import { ERROR_STATUS, type ErrorCode } from '../errors/error-codes';

/** RFC 9457 problem+json, as the global filter renders every error (src/common/errors/problem.filter.ts). */
export const problemSchema = z
  .strictObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
    detail: z.string(),
    errors: z.array(z.strictObject({ field: z.string(), message: z.string() })),
    requestId: z.string().optional(),
  })
  .catchall(z.unknown())
  .meta({ id: 'Problem' });

const COMPONENT_REF = (id: string) => `#/components/schemas/${id}`;

/**
 * The OpenAPI document of the app: operations from the controllers (request schemas from the zod
 * DTOs), every named zod schema (responses declared with ApiZodResponse, the problem) under
 * components.schemas, and the problem+json error answers once for every operation. The schemas are
 * JSON Schema 2020-12 (null as a type), hence OpenAPI 3.1. Works on an app created with
 * `preview: true`, so the portal's types are generated without a database (scripts/api-types.ts).
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Mesa API')
      .setDescription('Mesa service desk REST API. Errors are RFC 9457 problem+json.')
      .setVersion('1')
      .addCookieAuth('mesa_session')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Personal API token (mesa_pat_…)' })
      .build(),
  );
  document.openapi = '3.1.0';
  const named = z.toJSONSchema(z.globalRegistry, { io: 'output', unrepresentable: 'any', uri: COMPONENT_REF }).schemas;
  const schemas = Object.fromEntries(Object.entries(named).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, schema]));
  const problem = {
    description: 'An RFC 9457 problem: `code` says what went wrong, `errors` names each bad field.',
    content: { 'application/problem+json': { schema: { $ref: COMPONENT_REF('Problem') } } },
  };
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...schemas } as never,
    responses: { ...document.components?.responses, Problem: problem },
  };
  for (const operations of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const op = operations[method];
      if (op) op.responses = { ...op.responses, '4XX': { $ref: '#/components/responses/Problem' }, '5XX': { $ref: '#/components/responses/Problem' } };
    }
  }
  return document;
}

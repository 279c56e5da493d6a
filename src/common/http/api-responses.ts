import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiProduces, ApiResponse } from '@nestjs/swagger';
import { z, type ZodType } from 'zod';

export const RESPONSE_KEY = 'mesa:response';

/** What a route answers on success: a JSON body checked against a schema, no body, or a stream or file of the given types. */
export type DocumentedResponse =
  { kind: 'json'; status: number; schema: ZodType; id: string } | { kind: 'none'; status: number } | { kind: 'stream'; status: number; contentTypes: string[] };

/** The component name under which a response schema is published: the id given with `.meta({ id })`. */
export function schemaId(schema: ZodType): string {
  const id = z.globalRegistry.get(schema)?.id;
  if (!id) throw new Error('A response schema needs a name: declare it with .meta({ id: "SomethingDto" })');
  return id;
}

type Handler<T> = (...args: never[]) => T | Promise<T>;

/**
 * The success response of a route: documented under components.schemas (so the portal's generated
 * types name it), and checked at compile time: the handler must return what the schema describes.
 * The integration tests also check real bodies against the schema (test/support/responses.ts).
 */
export function ApiZodResponse<S extends ZodType>(schema: S, status = 200) {
  const id = schemaId(schema);
  const response: DocumentedResponse = { kind: 'json', status, schema, id };
  const decorate = applyDecorators(
    SetMetadata(RESPONSE_KEY, response),
    ApiResponse({ status, description: id, content: { 'application/json': { schema: { $ref: `#/components/schemas/${id}` } } } }),
  );
  return (target: object, key: string | symbol, descriptor: { value?: Handler<z.output<S>> }): void => {
    decorate(target, key, descriptor as PropertyDescriptor);
  };
}

/** A success without a body (204). */
export const ApiNoContent = () => {
  const response: DocumentedResponse = { kind: 'none', status: 204 };
  return applyDecorators(SetMetadata(RESPONSE_KEY, response), ApiResponse({ status: 204, description: 'Done; no body.' }));
};

/** A success whose body is not JSON: a Server-Sent Events stream or a file download. */
export function ApiStreamResponse(contentTypes: string[], description: string) {
  const response: DocumentedResponse = { kind: 'stream', status: 200, contentTypes };
  const content = Object.fromEntries(
    contentTypes.map((type) => [type, { schema: { type: 'string', format: type === 'text/event-stream' ? undefined : 'binary' } }]),
  );
  return applyDecorators(SetMetadata(RESPONSE_KEY, response), ApiProduces(...contentTypes), ApiResponse({ status: 200, description, content }));
}

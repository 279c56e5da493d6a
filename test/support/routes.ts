import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { RouteInfo } from '../../src/common/auth/route-inventory';
import { API_TOKEN_PREFIX, newSecret, sha256 } from '../../src/modules/identity/secrets';

export const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;
export const isWrite = (r: Pick<RouteInfo, 'method'>) => (WRITE_METHODS as readonly string[]).includes(r.method);
export const routeName = (r: Pick<RouteInfo, 'method' | 'path'>) => `${r.method} ${r.path}`;
export const hasPathParams = (path: string) => /\/:[^/]+/.test(path);

/** Replaces every `:param` of an inventory path (a random UUID unless told otherwise). */
export function fillPath(path: string, value: () => string = () => randomUUID()): string {
  return path.replace(/:[^/]+/g, () => value());
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** A supertest request for an inventory method (GET, POST, …). */
/**
 * Reads JSON (or text) bodies as usual, but stops at the headers of an event stream: an SSE
 * route answers 200 and then never ends, which would hang a sweep over every route.
 */
function parseUnlessStream(response: request.Response, done: (err: Error | null, body: unknown) => void): void {
  // At parse time superagent hands over the raw Node response.
  const res = response as unknown as IncomingMessage;
  if (String(res.headers['content-type'] ?? '').startsWith('text/event-stream')) {
    res.destroy();
    done(null, {});
    return;
  }
  let data = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (data += chunk));
  res.on('end', () => {
    try {
      done(null, data ? JSON.parse(data) : {});
    } catch {
      done(null, data);
    }
  });
}

export function call(url: string, method: string, path: string): request.Test {
  return request(url)[method.toLowerCase() as Method](path).buffer(true).parse(parseUnlessStream);
}

/** Inserts a personal API token the way AuthService.createToken stores it; returns the secret. */
export async function createApiToken(ds: DataSource, userId: string, name = 'test'): Promise<string> {
  const token = API_TOKEN_PREFIX + newSecret();
  await ds.query(`INSERT INTO api_tokens (user_id, name, token_hash, prefix) VALUES ($1, $2, $3, $4)`, [
    userId,
    name,
    sha256(token),
    token.slice(0, API_TOKEN_PREFIX.length + 6),
  ]);
  return token;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Runs fn over items with at most `limit` in flight, keeping the input order in the result. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  format?: string;
};
export type OpenApiParameter = { name: string; in: string; schema?: JsonSchema };
export type OpenApiOperation = {
  operationId: string;
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};

/** The OpenAPI operations keyed like the inventory (`PATCH /api/v1/users/:id`). */
export async function openApiOperations(url: string): Promise<Map<string, OpenApiOperation>> {
  const res = await request(url).get('/api/docs/openapi.json').expect(200);
  const paths = res.body.paths as Record<string, Record<string, OpenApiOperation>>;
  const out = new Map<string, OpenApiOperation>();
  for (const [path, ops] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(ops)) {
      out.set(`${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`, op);
    }
  }
  return out;
}

/** The JSON body schema of an operation; a union (oneOf/anyOf of objects) is flattened to all its variants' properties. */
export const bodySchemaOf = (op: OpenApiOperation | undefined): JsonSchema | undefined => {
  const schema = op?.requestBody?.content?.['application/json']?.schema;
  const variants = schema?.oneOf ?? (schema?.properties ? undefined : schema?.anyOf);
  if (!schema || !variants) return schema;
  return { type: 'object', properties: Object.assign({}, ...variants.map((v) => v.properties ?? {})) };
};

/** A JSON value of the wrong type for a schema (a number for a string, a string for anything else). */
export function wrongTypeFor(schema: JsonSchema): unknown {
  const branch = schema.anyOf?.find((s) => s.type !== 'null') ?? schema;
  const type = Array.isArray(branch.type) ? branch.type.find((t) => t !== 'null') : branch.type;
  return type === 'string' || (type === undefined && branch.enum?.every((v) => typeof v === 'string')) ? 12345 : 'not-the-right-type';
}

export type ProblemBody = { type: string; title: string; status: number; code: string; detail: string; errors: { field: string; message: string }[] };

/** Why a response is not an RFC 9457 problem with our fields, or null when it is. */
export function problemShapeError(res: request.Response): string | null {
  const ct = String(res.headers['content-type'] ?? '');
  if (!ct.startsWith('application/problem+json')) return `content-type ${ct || '(none)'}`;
  const b = res.body as Partial<ProblemBody>;
  if (b.status !== res.status) return `body.status ${String(b.status)} ≠ ${res.status}`;
  if (typeof b.code !== 'string' || !b.code) return 'no code';
  if (typeof b.detail !== 'string' || !b.detail) return 'no detail';
  if (typeof b.type !== 'string' || typeof b.title !== 'string') return 'no type/title';
  if (!Array.isArray(b.errors)) return 'no errors array';
  return null;
}

/** A short description of a response for mismatch lists. */
export function describeResponse(res: request.Response): string {
  const b = res.body as Partial<ProblemBody> | undefined;
  const errs = Array.isArray(b?.errors) ? ` errors=${JSON.stringify(b.errors.map((e) => e.field))}` : '';
  return `${res.status}${b?.code ? ` ${b.code}` : ''}${errs}`;
}

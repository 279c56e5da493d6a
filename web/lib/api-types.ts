// DTOs of the Mesa API as the portal sees them (contract: /api/v1, problem+json errors): aliases of
// the generated web/lib/api-schema.d.ts, so a change in the API shows here as a type error.

import type { components } from './api-schema';

/** The API's response schemas, generated from its OpenAPI document (`npm run api:types`). */
export type Schemas = components['schemas'];

export type Me = Schemas['Me'];
export type Permission = Me['permissions'][number];
export type LoginResponse = Schemas['LoginResult'];
export type OrganisationKind = Schemas['Organisation']['kind'];

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export type UserItem = Schemas['User'];
export type OrganisationItem = Schemas['Organisation'];
export type TeamItem = Schemas['Team'];
export type AuditItem = Schemas['AuditEntry'];
export type TextModuleItem = Schemas['TextModule'];

export type FieldError = { field: string; message: string };

/** RFC 9457 problem details as rendered by the API's global filter. */
export type ProblemDetails = {
  type?: string;
  title?: string;
  status?: number;
  code?: string;
  detail?: string;
  errors?: FieldError[];
  requestId?: string;
  /** Codes add their own members (TICKET_ILLEGAL_TRANSITION: `allowed`; conflicts: `current`). */
  [extra: string]: unknown;
};

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: FieldError[];
  /** Seconds to wait, from `Retry-After` (429/503). */
  readonly retryAfter?: number;
  readonly requestId?: string;
  /** The whole problem body, for code-specific members. */
  readonly problem: ProblemDetails;

  constructor(init: {
    status: number;
    code: string;
    detail: string;
    errors?: FieldError[];
    retryAfter?: number;
    requestId?: string;
    problem?: ProblemDetails;
  }) {
    super(`${init.status} ${init.code}: ${init.detail}`);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.retryAfter = init.retryAfter;
    this.requestId = init.requestId;
    this.problem = init.problem ?? {};
  }

  /** The message the API gave for one field, if any. */
  fieldError(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }
}

/** `Retry-After` is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** Builds an ApiError from a failed response, whether or not it carries problem+json. */
export async function toApiError(response: Response): Promise<ApiError> {
  let problem: ProblemDetails = {};
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      problem = (await response.json()) as ProblemDetails;
    } catch {
      problem = {};
    }
  }
  return new ApiError({
    status: response.status,
    code: problem.code ?? `HTTP_${response.status}`,
    detail: problem.detail ?? problem.title ?? response.statusText,
    errors: Array.isArray(problem.errors) ? problem.errors : [],
    retryAfter: parseRetryAfter(response.headers.get('retry-after')),
    requestId: problem.requestId ?? response.headers.get('x-request-id') ?? undefined,
    problem,
  });
}

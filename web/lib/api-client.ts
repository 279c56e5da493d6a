// Browser-side API client: same-origin calls through the portal's /api proxy.
import type { ApiResponseOf, HttpMethod } from './api-paths';
import { ApiError, toApiError } from './api-types';

export { ApiError } from './api-types';
export type { FieldError } from './api-types';

export const CSRF_COOKIE = 'mesa_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

export function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

type ApiRequest = {
  method?: Uppercase<HttpMethod>;
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  signal?: AbortSignal;
};

/** The method a request goes out with: the one given, else POST with a body and GET without. */
type MethodOf<R> = R extends { method: infer M extends string } ? Lowercase<M> & HttpMethod : R extends { body: unknown } ? 'post' : 'get';

/**
 * JSON call to `/api/v1/<path>`. Resolves with the parsed body (undefined for 204) and
 * throws ApiError for any non-2xx answer, or status 0 / code NETWORK_ERROR when the portal
 * cannot be reached. The result is typed by the path and method (web/lib/api-paths.ts).
 */
export async function apiFetch<const P extends string, const R extends ApiRequest = Record<never, never>>(
  path: P,
  request?: R,
): Promise<ApiResponseOf<P, MethodOf<R>>> {
  type T = ApiResponseOf<P, MethodOf<R>>;
  request ??= {} as R;
  const method = request.method ?? (request.body === undefined ? 'GET' : 'POST');
  const url = new URL(`/api/v1/${path.replace(/^\/+/, '')}`, window.location.origin);
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  const headers = new Headers({ accept: 'application/json, application/problem+json' });
  if (request.body !== undefined) headers.set('content-type', 'application/json');
  if (method !== 'GET') {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers.set(CSRF_HEADER, csrf);
  }

  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: request.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', detail: String(error) });
  }

  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Multipart upload to `/api/v1/<path>` (the browser sets the boundary). Same errors as
 * apiFetch.
 */
export async function apiUpload<const P extends string>(path: P, form: FormData): Promise<ApiResponseOf<P, 'post'>> {
  const headers = new Headers({ accept: 'application/json, application/problem+json' });
  const csrf = readCookie(CSRF_COOKIE);
  if (csrf) headers.set(CSRF_HEADER, csrf);
  let response: Response;
  try {
    response = await fetch(new URL(`/api/v1/${path.replace(/^\/+/, '')}`, window.location.origin), {
      method: 'POST',
      headers,
      body: form,
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (error) {
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', detail: String(error) });
  }
  if (!response.ok) throw await toApiError(response);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as ApiResponseOf<P, 'post'>;
}

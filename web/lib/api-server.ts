import 'server-only';
import { cache } from 'react';
import { headers } from 'next/headers';
import { apiBaseUrl } from './api-config';
import type { ApiResponseOf } from './api-paths';
import { ApiError, toApiError, type Me } from './api-types';
import { setDisplayTimeZone } from './format';

/** Headers of the incoming browser request that the API needs to see on server-side calls. */
async function forwardedHeaders(): Promise<Headers> {
  const incoming = await headers();
  const out = new Headers({ accept: 'application/json' });
  for (const name of ['cookie', 'x-request-id', 'user-agent', 'accept-language']) {
    const value = incoming.get(name);
    if (value) out.set(name, value);
  }
  const forwardedFor = incoming.get('x-forwarded-for');
  if (forwardedFor) out.set('x-forwarded-for', forwardedFor);
  return out;
}

/**
 * GET `/api/v1/<path>` straight to the API with the caller's session cookie.
 * Throws ApiError on any non-2xx answer. The result is typed by the path (web/lib/api-paths.ts).
 */
export async function serverApiGet<const P extends string>(path: P, query: Record<string, string | number | undefined> = {}): Promise<ApiResponseOf<P, 'get'>> {
  const url = new URL(`${apiBaseUrl()}/api/v1/${path.replace(/^\/+/, '')}`);
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  let response: Response;
  try {
    response = await fetch(url, { headers: await forwardedHeaders(), cache: 'no-store', redirect: 'manual' });
  } catch (error) {
    throw new ApiError({ status: 502, code: 'PORTAL_API_UNAVAILABLE', detail: String(error) });
  }
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as ApiResponseOf<P, 'get'>;
}

/**
 * The signed-in user, or null when the request carries no valid session.
 * Memoised per request so the layout and the page share one call.
 */
export const getMe = cache(async (): Promise<Me | null> => {
  const incoming = await headers();
  if (!incoming.get('cookie') && !incoming.get('authorization')) return null;
  try {
    const me = await serverApiGet('me');
    setDisplayTimeZone(me.deskTimeZone);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
});

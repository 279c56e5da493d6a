// Same-origin gateway to the API: the browser only ever talks to the portal, so the session
// cookie (SameSite=Lax, httpOnly) is first-party. The target is read per request
// (MESA_API_URL), not baked in at build time like a next.config rewrite would be.
import type { NextRequest } from 'next/server';
import { apiBaseUrl } from '@/lib/api-config';

export const dynamic = 'force-dynamic';

const FORWARDED_REQUEST_HEADERS = [
  'cookie',
  'content-type',
  'authorization',
  'x-csrf-token',
  'x-request-id',
  'accept',
  'accept-language',
  'last-event-id',
  'user-agent',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
];

// Hop-by-hop headers, plus the ones undici invalidates by decoding the body for us.
const DROPPED_RESPONSE_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-encoding', 'content-length', 'set-cookie']);

async function proxy(request: NextRequest): Promise<Response> {
  // The raw pathname keeps the client's percent-encoding; params would hand it back decoded.
  const target = `${apiBaseUrl()}${request.nextUrl.pathname}${request.nextUrl.search}`;

  const headers = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  // x-forwarded-for is exactly the client's address: web/server.ts replaced whatever the
  // browser sent (unless it came through a proxy in WEB_TRUSTED_PROXIES), and the API believes
  // it because the portal is in its TRUSTED_PROXIES.

  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers,
      body: hasBody ? request.body : undefined,
      // Streams the request body (uploads) instead of buffering it.
      ...(hasBody ? { duplex: 'half' } : {}),
      redirect: 'manual',
      cache: 'no-store',
      // A closed tab ends the upstream call too (an event stream would otherwise stay open).
      signal: request.signal,
    } as RequestInit);
  } catch {
    return Response.json(
      {
        type: 'about:blank',
        title: 'Bad Gateway',
        status: 502,
        code: 'PORTAL_API_UNAVAILABLE',
        detail: 'The portal could not reach the API.',
        errors: [],
      },
      { status: 502, headers: { 'content-type': 'application/problem+json' } },
    );
  }

  const responseHeaders = new Headers();
  upstream.headers.forEach((value, name) => {
    if (!DROPPED_RESPONSE_HEADERS.has(name)) responseHeaders.set(name, value);
  });
  // Each cookie separately: joined with commas they would no longer parse (Expires has one).
  for (const cookie of upstream.headers.getSetCookie()) responseHeaders.append('set-cookie', cookie);
  if ((upstream.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    // Server-Sent Events must reach the browser event by event: `no-transform` keeps the
    // portal's gzip (and proxies in front of it) from buffering, X-Accel-Buffering does so for nginx.
    responseHeaders.set('cache-control', 'no-cache, no-transform');
    responseHeaders.set('x-accel-buffering', 'no');
  }

  const nullBody = request.method === 'HEAD' || [101, 204, 205, 304].includes(upstream.status);
  return new Response(nullBody ? null : upstream.body, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers: responseHeaders,
  });
}

export const GET = proxy;
export const HEAD = proxy;
export const POST = proxy;
export const PUT = proxy;
export const PATCH = proxy;
export const DELETE = proxy;
export const OPTIONS = proxy;

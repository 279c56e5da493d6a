// Security headers of the portal's pages (the API sets its own on /api/*, which the gateway passes on).

/**
 * The pages' Content-Security-Policy. Scripts run only with this response's nonce (Next puts it
 * on its own scripts when it finds it in the request's policy, see proxy.ts), and 'strict-dynamic'
 * lets them load the page's chunks. Styles stay 'unsafe-inline': Mantine writes style tags and
 * attributes at run time, and CSS cannot run code. No page may be framed (approval links, the
 * agent workspace: clickjacking).
 */
export function contentSecurityPolicy(nonce: string, options: { dev: boolean }): string {
  return [
    `default-src 'self'`,
    // Next's development server evaluates code for fast refresh; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? ` 'unsafe-eval'` : ''}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}

/** The same on every response of the portal, pages and files alike (next.config.ts). */
export const STATIC_SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // Links in tickets lead elsewhere; the portal's paths (ticket numbers, searches) stay here.
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
];

/**
 * For browsers that predate frame-ancestors: every response but attachment previews, which the
 * ticket page frames (the API sends their own SAMEORIGIN and frame-ancestors 'self').
 */
export const FRAME_DENY_HEADERS = [{ key: 'X-Frame-Options', value: 'DENY' }];

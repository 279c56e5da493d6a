import path from 'node:path';
import type { NextConfig } from 'next';
import { FRAME_DENY_HEADERS, STATIC_SECURITY_HEADERS } from './lib/security-headers';

// The API is reached through app/api/[...path]/route.ts at run time (MESA_API_URL is read per
// request), so one build serves any deployment; no rewrites here on purpose.
const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // npm workspaces hoist next into the repository root.
  turbopack: { root: path.join(__dirname, '..') },
  outputFileTracingRoot: path.join(__dirname, '..'),
  // The Content-Security-Policy needs a nonce per page, so proxy.ts sets it.
  async headers() {
    return [
      { source: '/:path*', headers: STATIC_SECURITY_HEADERS },
      // Attachment previews carry the API's SAMEORIGIN so the ticket page can frame a PDF.
      { source: '/((?!api/v1/attachments/[^/]+/preview$).*)', headers: FRAME_DENY_HEADERS },
    ];
  },
};

export default nextConfig;

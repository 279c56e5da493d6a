import path from 'node:path';
import type { NextConfig } from 'next';

// The API is reached through app/api/[...path]/route.ts at run time (MESA_API_URL is read per
// request), so one build serves any deployment; no rewrites here on purpose.
const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // npm workspaces hoist next into the repository root.
  turbopack: { root: path.join(__dirname, '..') },
  outputFileTracingRoot: path.join(__dirname, '..'),
};

export default nextConfig;

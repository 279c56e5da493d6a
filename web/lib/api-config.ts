// Read at request time, never inlined at build: one build serves every deployment.
export function apiBaseUrl(): string {
  return (process.env.MESA_API_URL ?? 'http://127.0.0.1:3001').replace(/\/+$/, '');
}

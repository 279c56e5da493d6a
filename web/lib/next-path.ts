/**
 * Where to go after signing in (`/login?next=…`, used by links in e-mails): only a path on this
 * portal, never another site (`//evil.example`, `/\evil.example` or `https://…`).
 */
export function safeNextPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 500) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if ([...value].some((ch) => ch.charCodeAt(0) < 0x20)) return null;
  return value;
}

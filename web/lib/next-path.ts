const BASE = 'http://portal.invalid';

/**
 * Where to go after signing in (`/login?next=…`, used by links in e-mails): only a path on this
 * portal, never another site (`//evil.example`, `/\evil.example` or `https://…`). Returned as
 * the URL parser serialises it, percent-encoded: a raw U+3000 (ideographic space) cannot go into a
 * Location header, and redirecting to it was a 500.
 */
export function safeNextPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 500) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if ([...value].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  // Whatever the parser made of it (backslashes, dot segments: `/.//evil.example` becomes
  // `//evil.example`), it must still be here, and still be a path, not a protocol-relative URL.
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (url.origin !== BASE || path.startsWith('//')) return null;
  return path;
}

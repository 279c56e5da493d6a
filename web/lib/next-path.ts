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
  // Whatever the parser made of it (tabs, backslashes, dot segments), it must still be here.
  if (url.origin !== BASE) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

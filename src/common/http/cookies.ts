/**
 * The value of one cookie from a Cookie header, or undefined. The API reads exactly one cookie
 * (the session), so it looks that one up instead of parsing every cookie of every request.
 * Values are percent-decoded as browsers and `res.cookie` encode them; a malformed escape or a
 * quoted value is taken as sent.
 */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  let from = 0;
  while (from < header.length) {
    let end = header.indexOf(';', from);
    if (end === -1) end = header.length;
    const eq = header.indexOf('=', from);
    if (eq !== -1 && eq < end && header.slice(from, eq).trim() === name) {
      let value = header.slice(eq + 1, end).trim();
      if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
      if (!value.includes('%')) return value;
      try {
        return decodeURIComponent(value);
      } catch {
        return value;
      }
    }
    from = end + 1;
  }
  return undefined;
}

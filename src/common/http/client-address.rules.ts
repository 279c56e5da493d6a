// Which address a request came from, for rate limits, audit rows and logs. Used by the API
// and by the portal's server (web/server.ts) alike, so both draw the line in the same place.
// No framework imports: node:net only, for address parsing.
import { BlockList, isIP } from 'node:net';

/** A parsed TRUSTED_PROXIES / WEB_TRUSTED_PROXIES value: the normalised entries, for display and config. */
export type TrustedProxyList = readonly string[];

const LOOPBACK = ['127.0.0.0/8', '::1'];

/**
 * `none`, `loopback`, or a comma-separated list of addresses and CIDR ranges (keywords may be
 * mixed in: `loopback, 10.0.0.5`). Returns the entries with `loopback` expanded, or the reason
 * the value is unusable.
 */
export function parseTrustedProxies(value: string): { ok: true; list: TrustedProxyList } | { ok: false; error: string } {
  const parts = value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return { ok: false, error: 'list proxy addresses or CIDR ranges, or write none' };
  if (parts.includes('none')) {
    return parts.length === 1 ? { ok: true, list: [] } : { ok: false, error: 'none cannot be combined with addresses' };
  }
  const list: string[] = [];
  for (const part of parts) {
    if (part === 'loopback') {
      list.push(...LOOPBACK);
      continue;
    }
    const [address, prefix, extra] = part.split('/');
    const family = isIP(address);
    const maxPrefix = family === 4 ? 32 : 128;
    const bits = prefix === undefined ? maxPrefix : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    if (!family || extra !== undefined || !(bits >= 0 && bits <= maxPrefix)) {
      return { ok: false, error: `"${part}" is not an IP address, a CIDR range (10.0.0.0/8), loopback or none` };
    }
    list.push(prefix === undefined ? normaliseAddress(address)! : `${normaliseAddress(address)!}/${bits}`);
  }
  return { ok: true, list: [...new Set(list)] };
}

/** A predicate over addresses for a parsed list. */
export function trustedProxyMatcher(list: TrustedProxyList): (address: string) => boolean {
  if (list.length === 0) return () => false;
  const blocks = new BlockList();
  for (const entry of list) {
    const [address, prefix] = entry.split('/');
    const type = isIP(address) === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) blocks.addAddress(address, type);
    else blocks.addSubnet(address, Number(prefix), type);
  }
  return (address) => {
    const normal = normaliseAddress(address);
    return normal !== null && blocks.check(normal, isIP(normal) === 4 ? 'ipv4' : 'ipv6');
  };
}

/**
 * One address as written by a socket or a proxy, in canonical form, or null if it is not one:
 * IPv4-mapped IPv6 (`::ffff:10.0.0.1`) becomes IPv4; a port (`10.0.0.1:5000`, `[::1]:5000`),
 * which some load balancers append, is dropped.
 */
export function normaliseAddress(raw: string): string | null {
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped) value = mapped[1];
  const family = isIP(value);
  if (family === 4) return value;
  if (family === 6) return value.toLowerCase();
  return null;
}

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy, in which case
 * the X-Forwarded-For list is read from the right (each proxy appends the address it saw)
 * while the entries are trusted proxies too. The first untrusted entry is the client; anything
 * left of it was written by the client and is not believed. An entry that is not an address
 * stops the walk at the proxy that passed it on, so junk cannot mint fresh addresses.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  isTrusted: (address: string) => boolean,
): string | null {
  let client = socketAddress === undefined ? null : normaliseAddress(socketAddress);
  if (client === null || !isTrusted(client)) return client;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '')).split(',').filter((h) => h.trim() !== '');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normaliseAddress(hops[i]);
    if (hop === null) return client;
    client = hop;
    if (!isTrusted(hop)) return hop;
  }
  return client;
}

// How hard sign-in is throttled. Three limits, all over one window (LOGIN_WINDOW_SECONDS):
//   - per (account, client address): a client that guessed wrong too often is refused for that
//     account until the window ends — the owner, from another address, is not;
//   - per client address, over all accounts: one address spraying passwords;
//   - per account, over all addresses: after some failures every further attempt waits a delay
//     that doubles up to a cap, so a distributed guess slows to a crawl but never locks the owner
//     out for longer than the cap (OWASP ASVS 2.2.1). Addresses the account recently signed in
//     from are exempt from this delay, so the owner at their usual desk is not slowed at all.

export type LoginLimits = {
  maxPerAccountAndIp: number;
  maxPerIp: number;
  windowSeconds: number;
  /** Failures to one account (from anywhere) after which attempts are spaced out. */
  accountDelayAfter: number;
  accountMaxDelaySeconds: number;
};

const FIRST_DELAY_MS = 1000;

/** How long an account makes the next attempt wait after its n-th consecutive failure (n ≥ 1). */
export function accountDelayMs(failures: number, limits: Pick<LoginLimits, 'accountDelayAfter' | 'accountMaxDelaySeconds'>): number {
  if (failures < limits.accountDelayAfter) return 0;
  const cap = limits.accountMaxDelaySeconds * 1000;
  const doublings = failures - limits.accountDelayAfter;
  // 2 ** 60 is well past any cap; stop there so the arithmetic stays exact.
  return Math.min(cap, FIRST_DELAY_MS * 2 ** Math.min(doublings, 60));
}

/**
 * The same schedule as a finite table, for the Redis script that applies it atomically:
 * entry i is the delay after failure i + 1, and the last entry holds for every later failure.
 */
export function accountDelayTable(limits: Pick<LoginLimits, 'accountDelayAfter' | 'accountMaxDelaySeconds'>): number[] {
  const table: number[] = [];
  for (let n = 1; ; n++) {
    const delay = accountDelayMs(n, limits);
    table.push(delay);
    if (delay >= limits.accountMaxDelaySeconds * 1000) return table;
  }
}

/** Retry-After in whole seconds for a wait in milliseconds: rounded up, never 0. */
export function retryAfterSeconds(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / 1000));
}

/**
 * The address a client is counted under. IPv6 clients by their /64: one subscriber or site is
 * handed a whole /64 and could otherwise take a fresh address, and fresh limits, per guess.
 */
export function limiterAddress(address: string): string {
  if (!address.includes(':') || address.includes('.')) return address;
  const [head, tail] = address.split('::');
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const known = [...groups(head), ...groups(tail)];
  const full = tail === undefined ? known : [...groups(head), ...Array<string>(8 - known.length).fill('0'), ...groups(tail)];
  return `${full
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

import type { Actor } from '../../common/auth/actor';

export type CachedAuth = { actor: Actor; csrfToken: string; expiresAtMs: number };

// After an invalidation, a key or user is not cached again for this long: the change that
// caused it commits within this window, so a read racing the commit cannot re-cache old data.
export const INVALIDATION_QUIET_MS = 2_000;

/**
 * Resolved sessions and API tokens kept in process memory for a few seconds, so a busy
 * client does not cost a database round trip per request. Bounded (oldest entries go first);
 * logout, revocation and any change to the user invalidate at once.
 */
export class AuthCache {
  private readonly entries = new Map<string, CachedAuth>();
  private readonly profiles = new Map<string, { value: unknown; expiresAtMs: number }>();
  private readonly quietUntil = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  get(key: string): CachedAuth | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expiresAtMs <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return hit;
  }

  /** Caches until the TTL passes or the credential itself expires, whichever is first. */
  set(key: string, actor: Actor, csrfToken: string, credentialExpiresAtMs: number | null): void {
    if (!this.enabled) return;
    const now = this.now();
    if ((this.quietUntil.get(key) ?? 0) > now || (this.quietUntil.get(userKey(actor.userId)) ?? 0) > now) return;
    const expiresAtMs = Math.min(now + this.ttlMs, credentialExpiresAtMs ?? Number.POSITIVE_INFINITY);
    if (expiresAtMs <= now) return;
    this.entries.delete(key);
    this.entries.set(key, { actor, csrfToken, expiresAtMs });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  /** A user's own profile (GET /me), reused like their session; any change to the user drops it. */
  getProfile<T>(userId: string): T | undefined {
    const hit = this.profiles.get(userId);
    if (!hit) return undefined;
    if (hit.expiresAtMs <= this.now()) {
      this.profiles.delete(userId);
      return undefined;
    }
    return hit.value as T;
  }

  setProfile(userId: string, value: unknown): void {
    if (!this.enabled) return;
    const now = this.now();
    if ((this.quietUntil.get(userKey(userId)) ?? 0) > now) return;
    this.profiles.delete(userId);
    this.profiles.set(userId, { value, expiresAtMs: now + this.ttlMs });
    while (this.profiles.size > this.maxEntries) this.profiles.delete(this.profiles.keys().next().value as string);
  }

  invalidateKey(key: string): void {
    this.entries.delete(key);
    this.quiet(key);
  }

  invalidateUser(userId: string): void {
    for (const [key, entry] of this.entries) if (entry.actor.userId === userId) this.entries.delete(key);
    this.profiles.delete(userId);
    this.quiet(userKey(userId));
  }

  get size(): number {
    return this.entries.size;
  }

  private quiet(key: string): void {
    const now = this.now();
    this.quietUntil.set(key, now + INVALIDATION_QUIET_MS);
    // Forget finished quiet windows now and then so the map stays small.
    if (this.quietUntil.size > 1_000) for (const [k, until] of this.quietUntil) if (until <= now) this.quietUntil.delete(k);
  }
}

const userKey = (userId: string) => `user:${userId}`;
export const sessionKey = (tokenHash: string) => `session:${tokenHash}`;
export const apiTokenKey = (tokenHash: string) => `token:${tokenHash}`;

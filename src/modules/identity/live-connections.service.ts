import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { type Observable, ReplaySubject, Subject } from 'rxjs';
import type { Actor } from '../../common/auth/actor';
import { MesaError } from '../../common/errors/mesa-error';
import { REDIS } from '../../common/infra/infra.module';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { INVALIDATION_QUIET_MS, sessionKey } from './auth-cache';
import { AuthCacheBus } from './auth-cache.bus';
import { SessionsService } from './sessions.service';

/**
 * A long-lived connection (an SSE stream) held for an actor: `ended` fires when it must stop;
 * `rechecked` each time its credential was read again and still stands after a change to the
 * user (a new team, say): what the stream shows may have changed, so it re-reads its scope.
 */
export type LiveConnection = { readonly ended: Observable<void>; readonly rechecked: Observable<void>; close(): void };

type Held = {
  id: string;
  actor: Actor;
  ended: ReplaySubject<void>;
  rechecked: Subject<void>;
  checking: boolean;
  again: boolean;
  timers: Set<NodeJS.Timeout>;
  expiry?: NodeJS.Timeout;
};

// setTimeout's longest delay; a later credential expiry is checked again when this one fires.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Takes a slot: drops expired members (slots of streams whose process died), refuses past the
 * cap, else adds this stream with its lease end. KEYS[1] = the user's set; ARGV = now, lease end,
 * cap, member, key TTL (ms).
 */
const ACQUIRE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1`;

/**
 * Holds each live connection to the credential it was opened with: any invalidation of that
 * session or user (logout, revocation, password change, disabling, a change of roles or
 * organisation), in this process or another, re-reads the credential and ends the connection if
 * it no longer stands as it did. Also caps concurrent connections per user across all processes,
 * with a Redis sorted set of leases, renewed while open, so a crashed process leaks no slot.
 */
@Injectable()
export class LiveConnectionsService implements OnModuleDestroy {
  private readonly logger = new Logger(LiveConnectionsService.name);
  private readonly held = new Map<string, Held>();
  private renewal?: NodeJS.Timeout;
  private stopListening?: () => void;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly bus: AuthCacheBus,
    private readonly sessions: SessionsService,
  ) {}

  async open(actor: Actor): Promise<LiveConnection> {
    const id = randomUUID();
    await this.acquire(actor.userId, id);
    // Replayed: the end may come before the route has subscribed to it.
    const held: Held = { id, actor, ended: new ReplaySubject<void>(1), rechecked: new Subject<void>(), checking: false, again: false, timers: new Set() };
    this.held.set(id, held);
    this.stopListening ??= this.bus.onInvalidation((change) => this.onInvalidation(change));
    this.renewal ??= this.startRenewal();
    // The guard may have answered from the cache: read the credential once to learn its end.
    void this.recheck(held);
    return { ended: held.ended.asObservable(), rechecked: held.rechecked.asObservable(), close: () => this.release(held) };
  }

  private async acquire(userId: string, member: string): Promise<void> {
    const { perUser, leaseSeconds } = this.config.liveStreams;
    const now = Date.now();
    let taken: unknown;
    try {
      taken = await this.redis.eval(ACQUIRE, 1, this.slotsKey(userId), now, now + leaseSeconds * 1000, perUser, member, leaseSeconds * 2000);
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'live stream slot not taken');
      throw new MesaError('SERVICE_BUSY', 'Las actualizaciones en vivo no están disponibles por ahora; inténtalo más tarde.', { retryable: true });
    }
    if (taken !== 1) {
      throw new MesaError('LIVE_STREAM_LIMIT', `Ya tienes ${perUser} conexiones en vivo abiertas (el máximo); cierra alguna pestaña e inténtalo de nuevo.`, {
        extra: { limit: perUser },
      });
    }
  }

  private release(held: Held): void {
    if (!this.held.delete(held.id)) return;
    for (const timer of held.timers) clearTimeout(timer);
    held.ended.complete();
    held.rechecked.complete();
    this.redis
      .zrem(this.slotsKey(held.actor.userId), held.id)
      .catch((err: Error) => this.logger.warn({ err: err.message }, 'live stream slot not released; its lease will expire'));
    if (this.held.size === 0) {
      clearInterval(this.renewal);
      this.renewal = undefined;
    }
  }

  private end(held: Held): void {
    if (!this.held.has(held.id)) return;
    held.ended.next();
    this.release(held);
  }

  private onInvalidation(change: { key?: string; userId?: string }): void {
    for (const held of this.held.values()) {
      const { actor } = held;
      const hit = change.userId === actor.userId || (change.key !== undefined && actor.sessionId !== undefined && change.key === sessionKey(actor.sessionId));
      if (!hit) continue;
      void this.recheck(held);
      // An invalidation is sent inside the changing transaction, and again after its commit by the
      // paths that know to; re-reading once the quiet window has passed covers any that do not.
      this.later(held, INVALIDATION_QUIET_MS);
    }
  }

  private async recheck(held: Held): Promise<void> {
    if (held.checking) {
      held.again = true;
      return;
    }
    held.checking = true;
    try {
      do {
        held.again = false;
        const state = await this.sessions.recheck(held.actor);
        if (!state.valid) return this.end(held);
        if (state.expiresAt) {
          // The session or token ends by itself at expiresAt: the stream with it.
          if (held.expiry) {
            clearTimeout(held.expiry);
            held.timers.delete(held.expiry);
          }
          held.expiry = this.later(held, state.expiresAt.getTime() - Date.now() + 50);
        }
      } while (held.again && this.held.has(held.id));
      if (this.held.has(held.id)) held.rechecked.next();
    } catch (err) {
      // The database is unreachable: keep the stream rather than drop every client at once; the
      // next invalidation or the lease decides again.
      this.logger.warn({ err: (err as Error).message }, 'live stream credential not re-checked');
    } finally {
      held.checking = false;
    }
  }

  private later(held: Held, ms: number): NodeJS.Timeout {
    const timer = setTimeout(
      () => {
        held.timers.delete(timer);
        void this.recheck(held);
      },
      Math.min(Math.max(ms, 0), MAX_TIMER_MS),
    );
    timer.unref();
    held.timers.add(timer);
    return timer;
  }

  /** Renews every open stream's lease in one round trip, three times per lease. */
  private startRenewal(): NodeJS.Timeout {
    const leaseMs = this.config.liveStreams.leaseSeconds * 1000;
    const timer = setInterval(() => {
      const until = Date.now() + leaseMs;
      const pipeline = this.redis.pipeline();
      for (const held of this.held.values()) {
        const key = this.slotsKey(held.actor.userId);
        pipeline.zadd(key, 'XX', until, held.id);
        pipeline.pexpire(key, leaseMs * 2);
      }
      pipeline.exec().catch((err: Error) => this.logger.warn({ err: err.message }, 'live stream leases not renewed'));
    }, leaseMs / 3);
    timer.unref();
    return timer;
  }

  private slotsKey(userId: string): string {
    return `${this.config.redis.prefix}:live-streams:${userId}`;
  }

  onModuleDestroy(): void {
    for (const held of [...this.held.values()]) this.end(held);
    this.stopListening?.();
  }
}

import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import { REDIS } from '../../common/infra/infra.module';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuthCache } from './auth-cache';

type Invalidation = { key?: string; userId?: string; from: string };
export type InvalidationListener = (change: { key?: string; userId?: string }) => void;

/**
 * The process's AuthCache, kept coherent across API processes: an invalidation applies here at
 * once and reaches the others over Redis pub/sub. Listeners (live event streams, which outlast
 * any cache entry) hear every invalidation, local or remote, so the channel carries them even
 * when the cache itself is turned off.
 */
@Injectable()
export class AuthCacheBus implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AuthCacheBus.name);
  readonly cache: AuthCache;
  private readonly channel: string;
  private readonly id = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  private subscriber?: Redis;
  private readonly listeners = new Set<InvalidationListener>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {
    this.cache = new AuthCache(config.authCacheSeconds * 1000);
    this.channel = `${config.redis.prefix}:auth:invalidate`;
  }

  async onModuleInit(): Promise<void> {
    this.subscriber = new Redis(this.config.redis.url, { maxRetriesPerRequest: null });
    this.subscriber.on('message', (_channel: string, raw: string) => {
      try {
        const msg = JSON.parse(raw) as Invalidation;
        if (msg.from === this.id) return;
        if (msg.key) this.cache.invalidateKey(msg.key);
        if (msg.userId) this.cache.invalidateUser(msg.userId);
        this.notify(msg);
      } catch {
        this.logger.warn('ignored a malformed auth invalidation');
      }
    });
    await this.subscriber.subscribe(this.channel);
  }

  invalidateKey(key: string): void {
    this.cache.invalidateKey(key);
    this.notify({ key });
    this.publish({ key, from: this.id });
  }

  invalidateUser(userId: string): void {
    this.cache.invalidateUser(userId);
    this.notify({ userId });
    this.publish({ userId, from: this.id });
  }

  /** Hears every invalidation from now on; returns the function that stops listening. */
  onInvalidation(listener: InvalidationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(change: { key?: string; userId?: string }): void {
    for (const listener of this.listeners) {
      try {
        listener({ key: change.key, userId: change.userId });
      } catch (err) {
        this.logger.warn({ err: (err as Error).message }, 'auth invalidation listener failed');
      }
    }
  }

  private publish(msg: Invalidation): void {
    this.redis.publish(this.channel, JSON.stringify(msg)).catch((err: Error) => this.logger.warn({ err: err.message }, 'auth invalidation not published'));
  }

  async onModuleDestroy(): Promise<void> {
    if (this.subscriber) await this.subscriber.quit().catch(() => this.subscriber?.disconnect());
  }
}

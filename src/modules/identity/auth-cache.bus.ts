import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import { REDIS } from '../../common/infra/infra.module';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuthCache } from './auth-cache';

type Invalidation = { key?: string; userId?: string; from: string };

/**
 * The process's AuthCache, kept coherent across API processes: an invalidation applies here at
 * once and reaches the others over Redis pub/sub.
 */
@Injectable()
export class AuthCacheBus implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AuthCacheBus.name);
  readonly cache: AuthCache;
  private readonly channel: string;
  private readonly id = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  private subscriber?: Redis;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {
    this.cache = new AuthCache(config.authCacheSeconds * 1000);
    this.channel = `${config.redis.prefix}:auth:invalidate`;
  }

  async onModuleInit(): Promise<void> {
    if (!this.cache.enabled) return;
    this.subscriber = new Redis(this.config.redis.url, { maxRetriesPerRequest: null });
    this.subscriber.on('message', (_channel: string, raw: string) => {
      try {
        const msg = JSON.parse(raw) as Invalidation;
        if (msg.from === this.id) return;
        if (msg.key) this.cache.invalidateKey(msg.key);
        if (msg.userId) this.cache.invalidateUser(msg.userId);
      } catch {
        this.logger.warn('ignored a malformed auth invalidation');
      }
    });
    await this.subscriber.subscribe(this.channel);
  }

  invalidateKey(key: string): void {
    this.cache.invalidateKey(key);
    this.publish({ key, from: this.id });
  }

  invalidateUser(userId: string): void {
    this.cache.invalidateUser(userId);
    this.publish({ userId, from: this.id });
  }

  private publish(msg: Invalidation): void {
    if (!this.cache.enabled) return;
    this.redis.publish(this.channel, JSON.stringify(msg)).catch((err: Error) => this.logger.warn({ err: err.message }, 'auth invalidation not published'));
  }

  async onModuleDestroy(): Promise<void> {
    if (this.subscriber) await this.subscriber.quit().catch(() => this.subscriber?.disconnect());
  }
}

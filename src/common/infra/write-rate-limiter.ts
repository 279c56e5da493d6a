import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { MesaError } from '../errors/mesa-error';
import { REDIS } from './infra.module';

export type WriteKind = 'ticketCreates' | 'replies' | 'uploads' | 'tokenCreates';

/**
 * Per-user limits on the writes a requester can repeat cheaply (new tickets, replies, uploads,
 * API tokens),
 * so one account cannot flood the desk or the disk. Counted atomically in Redis, so every API
 * process shares one count. Redis only holds counters: if it is unreachable the write goes
 * through (logged) rather than the desk stopping.
 */
@Injectable()
export class WriteRateLimiter {
  private readonly logger = new Logger(WriteRateLimiter.name);
  private readonly limiters: Record<WriteKind, RateLimiterRedis>;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    const make = (kind: WriteKind) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${config.redis.prefix}:write-limit:${kind}`,
        points: config.writeLimits[kind],
        duration: config.writeLimits.windowSeconds,
      });
    this.limiters = { ticketCreates: make('ticketCreates'), replies: make('replies'), uploads: make('uploads'), tokenCreates: make('tokenCreates') };
  }

  /** Counts one write of `kind` by `userId`; over the limit, a 429 with the seconds to wait. */
  async consume(kind: WriteKind, userId: string): Promise<void> {
    try {
      await this.limiters[kind].consume(userId);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) {
        this.logger.warn({ kind, err: e instanceof Error ? e.message : String(e) }, 'write rate limit not checked: Redis unavailable');
        return;
      }
      const retryAfterSeconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      throw new MesaError(
        'REQUEST_RATE_LIMITED',
        `Hiciste demasiadas operaciones de este tipo en poco tiempo. Intenta de nuevo en ${retryAfterSeconds} segundos.`,
        {
          extra: { retryAfterSeconds, limit: kind },
        },
      );
    }
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { REDIS } from '../../common/infra/infra.module';
import { MesaError } from '../../common/errors/mesa-error';

/**
 * Fixed-window counters of failed logins in Redis, per account and per client IP. Only
 * failures count, so many colleagues behind one government NAT can still sign in.
 * Reaching the account limit locks that account for the rest of the window.
 */
@Injectable()
export class LoginRateLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private keys(email: string, ip: string) {
    const p = this.config.redis.prefix;
    return { account: `${p}:login-fail:acct:${email}`, ip: `${p}:login-fail:ip:${ip}` };
  }

  async assertAllowed(email: string, ip: string): Promise<void> {
    const k = this.keys(email, ip);
    const [[, acct], [, ipCount], [, acctTtl], [, ipTtl]] = (await this.redis
      .multi()
      .get(k.account)
      .get(k.ip)
      .pttl(k.account)
      .pttl(k.ip)
      .exec()) as [unknown, string | number | null][];
    const blocked = [
      Number(acct ?? 0) >= this.config.login.maxPerAccount ? Number(acctTtl) : 0,
      Number(ipCount ?? 0) >= this.config.login.maxPerIp ? Number(ipTtl) : 0,
    ];
    const waitMs = Math.max(...blocked);
    if (waitMs > 0) {
      const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
      throw new MesaError('AUTH_RATE_LIMITED', `Demasiados intentos fallidos. Intente de nuevo en ${retryAfterSeconds} segundos.`, {
        extra: { retryAfterSeconds },
      });
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const k = this.keys(email, ip);
    const window = this.config.login.windowSeconds;
    await this.redis.multi().incr(k.account).expire(k.account, window, 'NX').incr(k.ip).expire(k.ip, window, 'NX').exec();
  }

  async recordSuccess(email: string): Promise<void> {
    await this.redis.del(this.keys(email, '').account);
  }
}

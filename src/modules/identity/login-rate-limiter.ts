import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { REDIS } from '../../common/infra/infra.module';
import { MesaError } from '../../common/errors/mesa-error';
import { accountDelayTable, retryAfterSeconds } from './login-limits.rules';

/**
 * Reserves one attempt before the password is checked, or says how long to wait. One script,
 * so concurrent attempts cannot all read "4 of 5 used" and all go on to verify a password.
 * A refused attempt changes nothing: an address that is locked out cannot push the account's
 * delay further, nor keep its own lock alive.
 *
 * KEYS: 1 (account, client) counter, 2 client counter, 3 account state {n: failures, next: ms}
 * ARGV: 1 pair limit, 2 client limit, 3 window ms, 4… delay after failure 1, 2, … (the last repeats)
 * Returns {reason, waitMs}: reason 'ok', 'pair', 'client' or 'account'.
 */
const RESERVE = `
local function wait_if_full(key, limit)
  if tonumber(redis.call('GET', key) or '0') >= limit then return math.max(redis.call('PTTL', key), 1) end
  return 0
end
local wait = wait_if_full(KEYS[1], tonumber(ARGV[1]))
if wait > 0 then return {'pair', wait} end
wait = wait_if_full(KEYS[2], tonumber(ARGV[2]))
if wait > 0 then return {'client', wait} end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[3], 'n', 'next')
local next_at = tonumber(state[2] or '0')
if now < next_at then return {'account', next_at - now} end
local n = tonumber(state[1] or '0') + 1
local window = tonumber(ARGV[3])
local delay = tonumber(ARGV[3 + math.min(n, #ARGV - 3)])
redis.call('HSET', KEYS[3], 'n', n, 'next', now + delay)
redis.call('PEXPIRE', KEYS[3], math.max(window, delay))
for i = 1, 2 do
  if redis.call('INCR', KEYS[i]) == 1 then redis.call('PEXPIRE', KEYS[i], window) end
end
return {'ok', 0}
`;

/** A correct password: forget this pair's failures and the account's delay, and hand back the client's reserved attempt. */
const RELEASE = `
redis.call('DEL', KEYS[1], KEYS[3])
if tonumber(redis.call('GET', KEYS[2]) or '0') > 0 then redis.call('DECR', KEYS[2]) end
return 0
`;

/**
 * Sign-in throttling in Redis (see login-limits.rules.ts for the three limits). Every attempt is
 * counted before its password is verified; a correct one is handed back, so in effect only
 * failures count and many colleagues behind one government NAT can still sign in.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly delays: number[];

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.delays = accountDelayTable(config.login);
  }

  private keys(email: string, ip: string): [string, string, string] {
    const p = `${this.config.redis.prefix}:login`;
    // JSON keeps the pair unambiguous: IPv6 addresses and e-mail addresses may both hold ':'.
    return [`${p}:pair:${JSON.stringify([email, ip])}`, `${p}:ip:${ip}`, `${p}:acct:${email}`];
  }

  /** Reserves an attempt for this account from this address, or throws AUTH_RATE_LIMITED with Retry-After. */
  async reserve(email: string, ip: string): Promise<void> {
    const { maxPerAccountAndIp, maxPerIp, windowSeconds } = this.config.login;
    const [reason, waitMs] = (await this.redis.eval(RESERVE, 3, ...this.keys(email, ip), maxPerAccountAndIp, maxPerIp, windowSeconds * 1000, ...this.delays)) as [string, number];
    if (reason === 'ok') return;
    const seconds = retryAfterSeconds(waitMs);
    throw new MesaError('AUTH_RATE_LIMITED', `Demasiados intentos fallidos. Intente de nuevo en ${seconds} segundos.`, {
      extra: { retryAfterSeconds: seconds },
    });
  }

  async release(email: string, ip: string): Promise<void> {
    await this.redis.eval(RELEASE, 3, ...this.keys(email, ip));
  }
}

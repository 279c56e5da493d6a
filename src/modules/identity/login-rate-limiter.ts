import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { REDIS } from '../../common/infra/infra.module';
import { MesaError } from '../../common/errors/mesa-error';
import { accountDelayTable, limiterAddress, retryAfterSeconds } from './login-limits.rules';

/**
 * Reserves one attempt before the password is checked, or says how long to wait. One script,
 * so concurrent attempts cannot all read "4 of 5 used" and all go on to verify a password.
 * A refused attempt changes nothing: an address that is locked out cannot push the account's
 * delay further, nor keep its own lock alive. An address the account signed in from lately is
 * exempt from the per-address block and the account's delay; the pair limit still holds it.
 *
 * KEYS: 1 (account, client) counter, 2 client counter, 3 account state {n: failures, next: ms},
 *       4 the account's known addresses (signed in from lately: not delayed)
 * ARGV: 1 pair limit, 2 client limit, 3 window ms, 4 client, 5… delay after failure 1, 2, … (the last repeats)
 * Returns {reason, waitMs}: reason 'ok', 'pair', 'client' or 'account'.
 */
const RESERVE = `
local function wait_if_full(key, limit)
  if tonumber(redis.call('GET', key) or '0') >= limit then return math.max(redis.call('PTTL', key), 1) end
  return 0
end
local wait = wait_if_full(KEYS[1], tonumber(ARGV[1]))
if wait > 0 then return {'pair', wait} end
-- An address the account signed in from lately is its owner's (often a whole office behind one
-- NAT): failures against other accounts from there must not lock the owner out, so only the
-- pair limit holds it back.
local known = redis.call('SISMEMBER', KEYS[4], ARGV[4]) == 1
if not known then
  wait = wait_if_full(KEYS[2], tonumber(ARGV[2]))
  if wait > 0 then return {'client', wait} end
end
local window = tonumber(ARGV[3])
if not known then
  local t = redis.call('TIME')
  local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
  local state = redis.call('HMGET', KEYS[3], 'n', 'next')
  local next_at = tonumber(state[2] or '0')
  if now < next_at then return {'account', next_at - now} end
  local n = tonumber(state[1] or '0') + 1
  local delay = tonumber(ARGV[4 + math.min(n, #ARGV - 4)])
  redis.call('HSET', KEYS[3], 'n', n, 'next', now + delay)
  redis.call('PEXPIRE', KEYS[3], math.max(window, delay))
end
for i = 1, 2 do
  if redis.call('INCR', KEYS[i]) == 1 then redis.call('PEXPIRE', KEYS[i], window) end
end
return {'ok', 0}
`;

/**
 * A correct password: forget this pair's failures and the account's delay, hand back the
 * client's reserved attempt, and remember the address as the account's (ARGV 1 client, 2 ms).
 */
const RELEASE = `
redis.call('DEL', KEYS[1], KEYS[3])
if tonumber(redis.call('GET', KEYS[2]) or '0') > 0 then redis.call('DECR', KEYS[2]) end
redis.call('SADD', KEYS[4], ARGV[1])
redis.call('PEXPIRE', KEYS[4], ARGV[2])
return 0
`;

// How long an address the account signed in from stays exempt from the account's delay.
const KNOWN_ADDRESS_MS = 30 * 86400_000;

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

  private keys(email: string, client: string): [string, string, string, string] {
    const p = `${this.config.redis.prefix}:login`;
    // JSON keeps the pair unambiguous: IPv6 addresses and e-mail addresses may both hold ':'.
    return [`${p}:pair:${JSON.stringify([email, client])}`, `${p}:ip:${client}`, `${p}:acct:${email}`, `${p}:known:${email}`];
  }

  /** Reserves an attempt for this account from this address, or throws AUTH_RATE_LIMITED with Retry-After. */
  async reserve(email: string, ip: string): Promise<void> {
    const { maxPerAccountAndIp, maxPerIp, windowSeconds } = this.config.login;
    const client = limiterAddress(ip);
    const [reason, waitMs] = (await this.redis.eval(
      RESERVE,
      4,
      ...this.keys(email, client),
      maxPerAccountAndIp,
      maxPerIp,
      windowSeconds * 1000,
      client,
      ...this.delays,
    )) as [string, number];
    if (reason === 'ok') return;
    const seconds = retryAfterSeconds(waitMs);
    throw new MesaError('AUTH_RATE_LIMITED', `Demasiados intentos fallidos. Intenta de nuevo en ${seconds} segundos.`, {
      extra: { retryAfterSeconds: seconds },
    });
  }

  async release(email: string, ip: string): Promise<void> {
    const client = limiterAddress(ip);
    await this.redis.eval(RELEASE, 4, ...this.keys(email, client), client, KNOWN_ADDRESS_MS);
  }
}

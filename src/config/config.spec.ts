import { ConfigError, loadConfig } from './config';

const base = { DATABASE_URL: 'postgres://localhost/mesa', REDIS_URL: 'redis://localhost:6379' };

describe('loadConfig', () => {
  it('applies defaults for optional variables', () => {
    const c = loadConfig(base);
    expect(c.port).toBe(3001);
    expect(c.redis.prefix).toBe('mesa');
    expect(c.session.cookieSecure).toBe(false);
    expect(c.login).toEqual({ maxPerAccountAndIp: 5, maxPerIp: 30, windowSeconds: 900, accountDelayAfter: 10, accountMaxDelaySeconds: 60 });
    expect(c.trustedProxies).toEqual(['127.0.0.0/8', '::1']);
  });

  it('reads the trusted proxies and refuses what is not an address', () => {
    expect(loadConfig({ ...base, TRUSTED_PROXIES: '172.31.250.10, 10.0.0.0/8' }).trustedProxies).toEqual(['172.31.250.10', '10.0.0.0/8']);
    expect(loadConfig({ ...base, TRUSTED_PROXIES: 'none' }).trustedProxies).toEqual([]);
    expect(() => loadConfig({ ...base, TRUSTED_PROXIES: 'true' })).toThrow(/TRUSTED_PROXIES: "true" is not an IP address/);
  });

  it('names variables that were replaced instead of silently ignoring them', () => {
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'false' })).toThrow(/TRUST_PROXY: replaced by TRUSTED_PROXIES/);
    expect(() => loadConfig({ ...base, LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '5' })).toThrow(/LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: replaced by/);
  });

  it('makes cookies secure by default in production', () => {
    expect(loadConfig({ ...base, NODE_ENV: 'production' }).session.cookieSecure).toBe(true);
    expect(loadConfig({ ...base, NODE_ENV: 'production', COOKIE_SECURE: 'false' }).session.cookieSecure).toBe(false);
  });

  it('names every missing or bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const vars = (error as ConfigError).problems.map((p) => p.variable).sort();
    expect(vars).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT', 'REDIS_URL']);
    expect((error as ConfigError).message).toContain('DATABASE_URL: is required');
  });

  it('rejects a non-postgres database URL', () => {
    expect(() => loadConfig({ ...base, DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgres/);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ ...base, PORT: '' }).port).toBe(3001);
  });
});

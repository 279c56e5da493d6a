import { ConfigError, loadConfig } from './config';

const base = { DATABASE_URL: 'postgres://localhost/mesa', REDIS_URL: 'redis://localhost:6379' };

describe('loadConfig', () => {
  it('applies defaults for optional variables', () => {
    const c = loadConfig(base);
    expect(c.port).toBe(3001);
    expect(c.redis.prefix).toBe('mesa');
    expect(c.session.cookieSecure).toBe(false);
    expect(c.login.maxPerAccount).toBe(5);
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

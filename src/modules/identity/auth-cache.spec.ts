import type { Actor } from '../../common/auth/actor';
import { AuthCache, INVALIDATION_QUIET_MS, sessionKey } from './auth-cache';

const actor = (userId: string): Actor => ({ userId, email: `${userId}@x.mx`, roles: ['requester'], organisationId: null, via: 'session' });

describe('AuthCache', () => {
  let now = 1_000_000;
  const clock = () => now;
  beforeEach(() => {
    now = 1_000_000;
  });

  it('serves an entry until its TTL passes', () => {
    const c = new AuthCache(5_000, 100, clock);
    c.set(sessionKey('a'), actor('u1'), 'csrf', null);
    now += 4_999;
    expect(c.get(sessionKey('a'))?.actor.userId).toBe('u1');
    now += 1;
    expect(c.get(sessionKey('a'))).toBeUndefined();
  });

  it('never outlives the credential itself', () => {
    const c = new AuthCache(5_000, 100, clock);
    c.set(sessionKey('a'), actor('u1'), 'csrf', now + 1_000);
    now += 1_000;
    expect(c.get(sessionKey('a'))).toBeUndefined();
    c.set(sessionKey('b'), actor('u1'), 'csrf', now - 1);
    expect(c.get(sessionKey('b'))).toBeUndefined();
  });

  it('drops a key and refuses to re-cache it while the change commits', () => {
    const c = new AuthCache(5_000, 100, clock);
    c.set(sessionKey('a'), actor('u1'), 'csrf', null);
    c.invalidateKey(sessionKey('a'));
    expect(c.get(sessionKey('a'))).toBeUndefined();
    c.set(sessionKey('a'), actor('u1'), 'csrf', null);
    expect(c.get(sessionKey('a'))).toBeUndefined();
    now += INVALIDATION_QUIET_MS;
    c.set(sessionKey('a'), actor('u1'), 'csrf', null);
    expect(c.get(sessionKey('a'))).toBeDefined();
  });

  it('drops every credential of a user, leaving other users alone', () => {
    const c = new AuthCache(5_000, 100, clock);
    c.set(sessionKey('a'), actor('u1'), 'x', null);
    c.set(sessionKey('b'), actor('u1'), 'x', null);
    c.set(sessionKey('c'), actor('u2'), 'x', null);
    c.invalidateUser('u1');
    expect([c.get(sessionKey('a')), c.get(sessionKey('b'))]).toEqual([undefined, undefined]);
    expect(c.get(sessionKey('c'))).toBeDefined();
    c.set(sessionKey('d'), actor('u1'), 'x', null);
    expect(c.get(sessionKey('d'))).toBeUndefined();
  });

  it('keeps a profile for the TTL and drops it with its user', () => {
    const c = new AuthCache(5_000, 100, clock);
    c.setProfile('u1', { fullName: 'Ana' });
    c.setProfile('u2', { fullName: 'Luis' });
    expect(c.getProfile('u1')).toEqual({ fullName: 'Ana' });
    c.invalidateUser('u1');
    expect(c.getProfile('u1')).toBeUndefined();
    c.setProfile('u1', { fullName: 'Ana (antes)' });
    expect(c.getProfile('u1')).toBeUndefined();
    now += 5_000;
    expect(c.getProfile('u2')).toBeUndefined();
  });

  it('keeps at most maxEntries, evicting the oldest', () => {
    const c = new AuthCache(5_000, 2, clock);
    c.set('k1', actor('u1'), 'x', null);
    c.set('k2', actor('u2'), 'x', null);
    c.set('k3', actor('u3'), 'x', null);
    expect(c.size).toBe(2);
    expect(c.get('k1')).toBeUndefined();
    expect(c.get('k3')).toBeDefined();
  });

  it('caches nothing when disabled', () => {
    const c = new AuthCache(0, 100, clock);
    c.set('k1', actor('u1'), 'x', null);
    expect(c.get('k1')).toBeUndefined();
  });
});

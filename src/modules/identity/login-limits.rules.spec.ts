import fc from 'fast-check';
import { accountDelayMs, accountDelayTable, limiterAddress, retryAfterSeconds } from './login-limits.rules';

describe('accountDelayMs', () => {
  const limits = { accountDelayAfter: 10, accountMaxDelaySeconds: 60 };
  it.each([
    [1, 0],
    [9, 0],
    [10, 1000],
    [11, 2000],
    [12, 4000],
    [15, 32000],
    [16, 60000],
    [17, 60000],
    [5000, 60000],
  ])('after %i failures waits %i ms', (failures, ms) => {
    expect(accountDelayMs(failures, limits)).toBe(ms);
  });

  it('spaces from the first failure when the threshold is 1', () => {
    expect([1, 2, 3].map((n) => accountDelayMs(n, { accountDelayAfter: 1, accountMaxDelaySeconds: 3 }))).toEqual([1000, 2000, 3000]);
  });

  it('never shrinks and never passes the cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 3600 }), fc.integer({ min: 1, max: 2000 }), (after, cap, n) => {
        const l = { accountDelayAfter: after, accountMaxDelaySeconds: cap };
        expect(accountDelayMs(n + 1, l)).toBeGreaterThanOrEqual(accountDelayMs(n, l));
        expect(accountDelayMs(n, l)).toBeLessThanOrEqual(cap * 1000);
      }),
    );
  });
});

describe('accountDelayTable', () => {
  it('lists the schedule up to the cap', () => {
    expect(accountDelayTable({ accountDelayAfter: 3, accountMaxDelaySeconds: 5 })).toEqual([0, 0, 1000, 2000, 4000, 5000]);
  });

  it('agrees with accountDelayMs for every failure count, the last entry standing for the rest', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 3600 }), fc.integer({ min: 1, max: 500 }), (after, cap, n) => {
        const l = { accountDelayAfter: after, accountMaxDelaySeconds: cap };
        const table = accountDelayTable(l);
        expect(table[Math.min(n, table.length) - 1]).toBe(accountDelayMs(n, l));
      }),
    );
  });
});

describe('retryAfterSeconds', () => {
  it.each([
    [1, 1],
    [0, 1],
    [999, 1],
    [1000, 1],
    [1001, 2],
    [59_500, 60],
  ])('%i ms → %i s', (ms, s) => {
    expect(retryAfterSeconds(ms)).toBe(s);
  });
});

describe('limiterAddress', () => {
  it.each([
    ['203.0.113.5', '203.0.113.5'],
    ['unknown', 'unknown'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::9', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff::', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1:2:3:4', 'fe80:0:0:0::/64'],
    ['64:ff9b::192.0.2.1', '64:ff9b::192.0.2.1'],
  ])('%s is counted as %s', (address, key) => {
    expect(limiterAddress(address)).toBe(key);
  });

  it('counts every address of one /64 as one client', () => {
    const hextet = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
    fc.assert(
      fc.property(fc.array(hextet, { minLength: 8, maxLength: 8 }), fc.array(hextet, { minLength: 4, maxLength: 4 }), (a, b) => {
        expect(limiterAddress([...a.slice(0, 4), ...b].join(':'))).toBe(limiterAddress(a.join(':')));
      }),
    );
  });
});

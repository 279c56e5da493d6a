import fc from 'fast-check';
import { accountDelayMs, accountDelayTable, retryAfterSeconds } from './login-limits.rules';

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

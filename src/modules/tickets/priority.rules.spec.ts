import fc from 'fast-check';
import {
  decidePriority,
  DEFAULT_MATRIX,
  higherOf,
  LEVELS,
  monotonicityViolations,
  PRIORITIES,
  type Level,
  type Priority,
  type PriorityMatrix,
} from './priority.rules';

describe('decidePriority', () => {
  it.each([
    ['high', 'high', 'critical'],
    ['high', 'medium', 'high'],
    ['high', 'low', 'medium'],
    ['medium', 'high', 'high'],
    ['medium', 'medium', 'medium'],
    ['medium', 'low', 'low'],
    ['low', 'high', 'medium'],
    ['low', 'medium', 'low'],
    ['low', 'low', 'low'],
  ] as const)('impact %s × urgency %s → %s', (impact, urgency, expected) => {
    expect(decidePriority(DEFAULT_MATRIX, impact, urgency, false)).toBe(expected);
  });

  it('raises VIP requesters to at least Alta but never lowers Crítica', () => {
    for (const i of LEVELS) {
      for (const u of LEVELS) {
        const p = decidePriority(DEFAULT_MATRIX, i, u, true);
        expect(['critical', 'high']).toContain(p);
      }
    }
    expect(decidePriority(DEFAULT_MATRIX, 'high', 'high', true)).toBe('critical');
    expect(decidePriority(DEFAULT_MATRIX, 'low', 'low', true)).toBe('high');
  });

  it('uses an edited matrix', () => {
    const m: PriorityMatrix = { ...DEFAULT_MATRIX, low: { ...DEFAULT_MATRIX.low, low: 'medium' } };
    expect(decidePriority(m, 'low', 'low', false)).toBe('medium');
  });

  it('is monotonic in the default matrix: more impact or urgency never lowers priority', () => {
    const order = ['low', 'medium', 'high'] as const;
    const rank = (p: string) => ['low', 'medium', 'high', 'critical'].indexOf(p);
    for (let i = 0; i < 3; i++) {
      for (let u = 0; u < 3; u++) {
        const here = rank(DEFAULT_MATRIX[order[i]][order[u]]);
        if (i < 2) expect(rank(DEFAULT_MATRIX[order[i + 1]][order[u]])).toBeGreaterThanOrEqual(here);
        if (u < 2) expect(rank(DEFAULT_MATRIX[order[i]][order[u + 1]])).toBeGreaterThanOrEqual(here);
      }
    }
  });

  it('higherOf picks the more urgent priority', () => {
    expect(higherOf('low', 'high')).toBe('high');
    expect(higherOf('critical', 'high')).toBe('critical');
  });
});

describe('monotonicityViolations', () => {
  it('accepts the default matrix', () => {
    expect(monotonicityViolations(DEFAULT_MATRIX)).toEqual([]);
  });

  it('names the cell that gives less priority for more impact', () => {
    const m: PriorityMatrix = { ...DEFAULT_MATRIX, high: { ...DEFAULT_MATRIX.high, low: 'low' }, medium: { ...DEFAULT_MATRIX.medium, low: 'medium' } };
    expect(monotonicityViolations(m)).toEqual([
      { impact: 'high', urgency: 'low', message: expect.stringContaining('Impacto alto × urgencia baja da Baja, menos que Media con impacto medio') },
    ]);
  });
});

describe('priority properties', () => {
  const priority = fc.constantFrom(...PRIORITIES);
  const level = fc.constantFrom(...LEVELS);
  const matrix: fc.Arbitrary<PriorityMatrix> = fc
    .tuple(...Array.from({ length: 9 }, () => priority))
    .map((cells) => Object.fromEntries(LEVELS.map((i, a) => [i, Object.fromEntries(LEVELS.map((u, b) => [u, cells[a * 3 + b]]))])) as PriorityMatrix);
  const rank = (p: Priority) => PRIORITIES.indexOf(p); // 0 = most urgent
  const levelRank = (l: Level) => LEVELS.indexOf(l); // 0 = most
  const monotonicEverywhere = (m: PriorityMatrix, vip: boolean) =>
    LEVELS.every((i1) =>
      LEVELS.every((u1) =>
        LEVELS.every((i2) =>
          LEVELS.every(
            (u2) =>
              !(levelRank(i2) <= levelRank(i1) && levelRank(u2) <= levelRank(u1)) ||
              rank(decidePriority(m, i2, u2, vip)) <= rank(decidePriority(m, i1, u1, vip)),
          ),
        ),
      ),
    );

  it('a matrix the rule accepts never gives less priority for more impact or urgency, VIP or not', () => {
    fc.assert(fc.property(matrix, fc.boolean(), (m, vip) => monotonicityViolations(m).length > 0 || monotonicEverywhere(m, vip)));
  });

  it('the rule refuses exactly the matrices where more impact or urgency can lower priority', () => {
    fc.assert(fc.property(matrix, (m) => (monotonicityViolations(m).length === 0) === monotonicEverywhere(m, false)));
  });

  it('a VIP requester gets at least Alta and never less than anyone else would', () => {
    fc.assert(
      fc.property(matrix, level, level, (m, i, u) => {
        const vip = decidePriority(m, i, u, true);
        return rank(vip) <= rank('high') && rank(vip) <= rank(decidePriority(m, i, u, false));
      }),
    );
  });

  it('higherOf is commutative, associative and idempotent', () => {
    fc.assert(
      fc.property(
        priority,
        priority,
        priority,
        (a, b, c) => higherOf(a, b) === higherOf(b, a) && higherOf(higherOf(a, b), c) === higherOf(a, higherOf(b, c)) && higherOf(a, a) === a,
      ),
    );
  });
});

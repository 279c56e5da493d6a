import { decidePriority, DEFAULT_MATRIX, higherOf, LEVELS, type PriorityMatrix } from './priority.rules';

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

/**
 * Priority = matrix(impact, urgency) (GIS 2.2 activity 3), configurable by admins; VIP requesters
 * get at least Alta (SPEC *Incidents*, GIS 2.6).
 */
export const LEVELS = ['high', 'medium', 'low'] as const;
export type Level = (typeof LEVELS)[number];
export const PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const PRIORITY_LABELS: Record<Priority, string> = { critical: 'Crítica', high: 'Alta', medium: 'Media', low: 'Baja' };
export const LEVEL_LABELS: Record<Level, string> = { high: 'Alto', medium: 'Medio', low: 'Bajo' };

export type PriorityMatrix = Record<Level, Record<Level, Priority>>;

/** Default 3×3 matrix: rows are impact, columns urgency. */
export const DEFAULT_MATRIX: PriorityMatrix = {
  high: { high: 'critical', medium: 'high', low: 'medium' },
  medium: { high: 'high', medium: 'medium', low: 'low' },
  low: { high: 'medium', medium: 'low', low: 'low' },
};

const rank = (p: Priority) => PRIORITIES.indexOf(p); // 0 = most urgent

export function higherOf(a: Priority, b: Priority): Priority {
  return rank(a) <= rank(b) ? a : b;
}

export function decidePriority(matrix: PriorityMatrix, impact: Level, urgency: Level, requesterIsVip: boolean): Priority {
  const base = matrix[impact][urgency];
  return requesterIsVip ? higherOf(base, 'high') : base;
}

/** Sort key for queues: critical first. */
export const priorityRank = rank;

/** The default matrix with the stored cells laid over it (the table may hold only some cells). */
export function matrixFrom(cells: { impact: Level; urgency: Level; priority: Priority }[]): PriorityMatrix {
  const matrix = structuredClone(DEFAULT_MATRIX);
  for (const c of cells) matrix[c.impact][c.urgency] = c.priority;
  return matrix;
}

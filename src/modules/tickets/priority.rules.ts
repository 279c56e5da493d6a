/**
 * Priority = matrix(impact, urgency) (GIS 2.2 activity 3), configurable by admins; VIP requesters
 * get at least Alta (SPEC *Incidents*, GIS 2.6).
 */
export const LEVELS = ['high', 'medium', 'low'] as const;
export type Level = (typeof LEVELS)[number];
export const PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

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

/** The default matrix with the stored cells laid over it (the table may hold only some cells). */
export function matrixFrom(cells: { impact: Level; urgency: Level; priority: Priority }[]): PriorityMatrix {
  const matrix = structuredClone(DEFAULT_MATRIX);
  for (const c of cells) matrix[c.impact][c.urgency] = c.priority;
  return matrix;
}

const LEVEL_RANK: Record<Level, number> = { low: 0, medium: 1, high: 2 };
export const PRIORITY_LABEL: Record<Priority, string> = { critical: 'Crítica', high: 'Alta', medium: 'Media', low: 'Baja' };
const IMPACT_LABEL: Record<Level, string> = { high: 'alto', medium: 'medio', low: 'bajo' };
const URGENCY_LABEL: Record<Level, string> = { high: 'alta', medium: 'media', low: 'baja' };

export type MatrixViolation = { impact: Level; urgency: Level; message: string };

/**
 * Cells where more impact or more urgency would give a lower priority than a neighbour with
 * less of both: such a matrix makes a ticket less urgent when its requester says it got worse.
 * Every cell is compared with the cell one step lower in impact and one step lower in urgency.
 */
export function monotonicityViolations(matrix: PriorityMatrix): MatrixViolation[] {
  const out: MatrixViolation[] = [];
  for (const impact of LEVELS) {
    for (const urgency of LEVELS) {
      const here = matrix[impact][urgency];
      const lower = [
        ...LEVELS.filter((i) => LEVEL_RANK[i] === LEVEL_RANK[impact] - 1).map((i) => ({ cell: matrix[i][urgency], what: `impacto ${IMPACT_LABEL[i]}` })),
        ...LEVELS.filter((u) => LEVEL_RANK[u] === LEVEL_RANK[urgency] - 1).map((u) => ({ cell: matrix[impact][u], what: `urgencia ${URGENCY_LABEL[u]}` })),
      ];
      for (const l of lower) {
        if (rank(here) > rank(l.cell)) {
          out.push({
            impact,
            urgency,
            message: `Impacto ${IMPACT_LABEL[impact]} × urgencia ${URGENCY_LABEL[urgency]} da ${PRIORITY_LABEL[here]}, menos que ${PRIORITY_LABEL[l.cell]} con ${l.what}: más impacto o urgencia nunca puede bajar la prioridad.`,
          });
        }
      }
    }
  }
  return out;
}

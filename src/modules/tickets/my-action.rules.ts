import type { TicketState } from './ticket-state.rules';

/**
 * "Requiere mi acción": why a ticket waits for this staff member. One reason per ticket, the
 * most pressing first: an approval blocks the request altogether (GCS, approvals), a proposal
 * to validate blocks the third level (GIS 2.3 act. 6), a return hands the coordinator a ticket
 * to redistribute (GIS 2.3 act. 4), a reopening means the solution failed, and then the
 * ordinary work assigned to them.
 */
export const MY_ACTION_REASONS = ['approval', 'validate', 'returned', 'reopened', 'assigned'] as const;
export type MyActionReason = (typeof MY_ACTION_REASONS)[number];

export type MyActionFacts = {
  state: TicketState;
  assignedToMe: boolean;
  /** I am the designated approver and the decision is pending. */
  approvalPendingOnMe: boolean;
  /** A third-level proposal waits and I coordinate the team that validates it. */
  proposalForMe: boolean;
  /** The last hand-over of the ticket was a resolver returning it to me as coordinator. */
  returnedToMe: boolean;
  reopenCount: number;
};

export function myActionReason(f: MyActionFacts): MyActionReason | null {
  if (f.approvalPendingOnMe) return 'approval';
  const open = f.state === 'new' || f.state === 'assigned' || f.state === 'in_progress';
  if (!open) return null;
  if (f.proposalForMe) return 'validate';
  if (!f.assignedToMe) return null;
  if (f.returnedToMe && f.state === 'assigned') return 'returned';
  if (f.reopenCount > 0 && f.state === 'in_progress') return 'reopened';
  return 'assigned';
}

/** Counts per reason, every reason present (zero when none). */
export function countByReason(reasons: MyActionReason[]): Record<MyActionReason, number> {
  const counts = Object.fromEntries(MY_ACTION_REASONS.map((r) => [r, 0])) as Record<MyActionReason, number>;
  for (const r of reasons) counts[r] += 1;
  return counts;
}

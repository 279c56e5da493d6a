/**
 * "Pendiente hasta" (issue 11, item 10): when staff put a ticket in Pendiente they may name the
 * instant its assignee is reminded of it. Pure: no Nest, no I/O, `now` passed in.
 */
import type { TicketState } from './ticket-state.rules';

/** Further ahead than this is a typing mistake, not a plan. */
export const PENDING_UNTIL_MAX_DAYS = 366;

export type PendingUntilInput = { to: TicketState; pendingUntil: Date | null; staff: boolean; now: Date };
export type PendingUntilDecision = { ok: true } | { ok: false; message: string };

export function checkPendingUntil({ to, pendingUntil, staff, now }: PendingUntilInput): PendingUntilDecision {
  if (pendingUntil === null) return { ok: true };
  if (!staff) return { ok: false, message: 'Solo el personal de la mesa indica hasta cuándo queda pendiente.' };
  if (to !== 'pending') return { ok: false, message: 'La fecha de recordatorio solo aplica al pasar a Pendiente.' };
  if (Number.isNaN(pendingUntil.getTime())) return { ok: false, message: 'Indica una fecha y hora válidas.' };
  if (pendingUntil.getTime() <= now.getTime()) return { ok: false, message: 'La fecha de recordatorio debe ser futura.' };
  if (pendingUntil.getTime() - now.getTime() > PENDING_UNTIL_MAX_DAYS * 86_400_000)
    return { ok: false, message: `La fecha de recordatorio no puede estar a más de ${PENDING_UNTIL_MAX_DAYS} días.` };
  return { ok: true };
}

/**
 * Whether the reminder is due: the ticket still waits (Pendiente), its instant has come, and it
 * has not fired. The sweeper's conditional UPDATE states the same condition in SQL, so a second
 * worker or a redelivered job finds nothing to fire.
 */
export function reminderDue(t: { state: TicketState; pendingUntil: Date | null; pendingRemindedAt: Date | null }, now: Date): boolean {
  return t.state === 'pending' && t.pendingUntil !== null && t.pendingRemindedAt === null && t.pendingUntil.getTime() <= now.getTime();
}

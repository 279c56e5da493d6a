import fc from 'fast-check';
import { checkPendingUntil, PENDING_UNTIL_MAX_DAYS, reminderDue } from './pending-reminder.rules';
import { TICKET_STATES } from './ticket-state.rules';

const now = new Date('2026-11-29T12:00:00Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

describe('checkPendingUntil', () => {
  it.each([
    ['no date at all', { to: 'pending', pendingUntil: null, staff: true }, true],
    ['no date from a requester', { to: 'in_progress', pendingUntil: null, staff: false }, true],
    ['a future date when staff put it in Pendiente', { to: 'pending', pendingUntil: at(60), staff: true }, true],
    ['a date from a requester', { to: 'pending', pendingUntil: at(60), staff: false }, false],
    ['a date with another target state', { to: 'resolved', pendingUntil: at(60), staff: true }, false],
    ['a date in the past', { to: 'pending', pendingUntil: at(-1), staff: true }, false],
    ['exactly now', { to: 'pending', pendingUntil: now, staff: true }, false],
    ['more than a year ahead', { to: 'pending', pendingUntil: at((PENDING_UNTIL_MAX_DAYS + 1) * 1440), staff: true }, false],
    ['an invalid date', { to: 'pending', pendingUntil: new Date('nope'), staff: true }, false],
  ] as const)('%s → ok %s', (_name, input, ok) => {
    expect(checkPendingUntil({ ...input, now }).ok).toBe(ok);
  });
});

describe('reminderDue', () => {
  it.each([
    ['pending, due, not fired', { state: 'pending', pendingUntil: at(-1), pendingRemindedAt: null }, true],
    ['pending, due exactly now', { state: 'pending', pendingUntil: now, pendingRemindedAt: null }, true],
    ['pending, not yet due', { state: 'pending', pendingUntil: at(1), pendingRemindedAt: null }, false],
    ['pending, already fired', { state: 'pending', pendingUntil: at(-10), pendingRemindedAt: at(-5) }, false],
    ['pending without a date', { state: 'pending', pendingUntil: null, pendingRemindedAt: null }, false],
    ['left Pendiente', { state: 'in_progress', pendingUntil: at(-1), pendingRemindedAt: null }, false],
  ] as const)('%s → %s', (_name, t, due) => {
    expect(reminderDue(t, now)).toBe(due);
  });

  it('fires at most once: once reminded, no later instant makes it due again', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TICKET_STATES), fc.integer({ min: -10_000, max: 10_000 }), fc.integer({ min: 0, max: 100_000 }), (state, due, later) => {
        const t = { state, pendingUntil: at(due), pendingRemindedAt: at(due) };
        return !reminderDue(t, at(due + later));
      }),
    );
  });
});

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import type { HistoryFacts } from './history-visibility.rules';
import { TicketHistory } from './entities/ticket-history.entity';

export type HistoryEntry = {
  action: string;
  field?: string | null;
  oldValue?: unknown;
  newValue?: unknown;
  reason?: string | null;
  internal?: boolean;
};

/** How a history value is stored: text as is, dates as ISO strings, anything else as JSON. */
export const historyText = (v: unknown): string | null =>
  v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : typeof v === 'string' ? v : JSON.stringify(v);

/** An entry as the stored row will read (what history-visibility.rules decides on). */
export const historyFacts = (e: HistoryEntry, actorId: string | null): HistoryFacts => ({
  action: e.action,
  field: e.field ?? null,
  oldValue: historyText(e.oldValue),
  newValue: historyText(e.newValue),
  reason: e.reason ?? null,
  internal: e.internal ?? false,
  actorId,
});

/** Writes ticket_history rows inside the caller's transaction (no change without its history). */
@Injectable()
export class TicketHistoryWriter {
  async write(m: EntityManager, actor: Pick<Actor, 'userId'> | null, ticketId: string, entries: HistoryEntry[]): Promise<void> {
    if (!entries.length) return;
    await m.insert(
      TicketHistory,
      entries.map((e) => ({
        ticketId,
        actorId: actor?.userId ?? null,
        action: e.action,
        field: e.field ?? null,
        oldValue: historyText(e.oldValue),
        newValue: historyText(e.newValue),
        reason: e.reason ?? null,
        internal: e.internal ?? false,
      })),
    );
  }
}

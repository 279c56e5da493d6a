import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { OutboxService } from '../outbox/outbox.service';
import { TicketHistoryWriter } from './ticket-history.writer';

/** At most this many reminders per run; the next run (a minute later) takes the rest. */
const BATCH = 200;

/**
 * Fires "Pendiente hasta" reminders (issue 11, item 10). The due instant is data
 * (`tickets.pending_until`); this repeatable job claims the due ones with a conditional
 * `UPDATE … WHERE pending_reminded_at IS NULL` and writes, in the same transaction, an internal
 * history row and the `ticket.pending_due` outbox event, whose handler writes the assignee's
 * in-app notification. However many workers or retries run, each reminder fires once, and a
 * ticket that left Pendiente before its instant (pending_until cleared) never fires.
 */
@Injectable()
export class PendingRemindersSweeper {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly historyWriter: TicketHistoryWriter,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sweep(): Promise<{ fired: number }> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (m) => {
      const rows = (await m.query(
        `UPDATE tickets SET pending_reminded_at = $1
          WHERE id IN (SELECT id FROM tickets
                        WHERE state = 'pending' AND pending_until IS NOT NULL AND pending_reminded_at IS NULL AND pending_until <= $1
                        ORDER BY pending_until LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
            AND pending_reminded_at IS NULL
        RETURNING id, number, pending_until, assignee_id`,
        [now],
      )) as [{ id: string; number: string; pending_until: Date; assignee_id: string | null }[], number];
      const fired = rows[0];
      for (const r of fired) {
        await this.historyWriter.write(m, null, r.id, [{ action: 'reminder', field: 'pendingUntil', newValue: r.pending_until, internal: true }]);
        await this.outbox.emit(
          m,
          'ticket.pending_due',
          { type: 'ticket', id: r.id },
          { number: r.number, pendingUntil: r.pending_until.toISOString(), assigneeId: r.assignee_id, deskTimeZone: this.config.deskTimeZone },
        );
      }
      return { fired: fired.length };
    });
  }
}

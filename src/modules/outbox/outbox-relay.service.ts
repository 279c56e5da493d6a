import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { OutboxEvent } from './outbox-event.entity';
import { OutboxHandlerRegistry } from './outbox-handler.registry';
import { NotificationsLive } from './notifications-live.service';

const BATCH = 200;
// After this many failed deliveries an event stays unpublished for an operator to look at.
export const MAX_OUTBOX_ATTEMPTS = 10;

/**
 * Moves committed outbox events to their effects. Rows are claimed with SKIP LOCKED, so any
 * number of workers relay in parallel without taking the same event.
 */
@Injectable()
export class OutboxRelayService {
  private readonly logger = new Logger(OutboxRelayService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: OutboxHandlerRegistry,
    private readonly live: NotificationsLive,
  ) {}

  async relayBatch(): Promise<{ published: number; failed: number }> {
    let published = 0;
    let failed = 0;
    let runner: QueryRunner | undefined;
    try {
      await this.dataSource.transaction(async (m) => {
        runner = m.queryRunner;
        ({ published, failed } = await this.relayIn(m));
      });
    } catch (error) {
      this.live.discard(runner);
      throw error;
    }
    // Only now are the notifications visible to others: the portal's bells may refetch.
    await this.live.flush(runner);
    return { published, failed };
  }

  private async relayIn(m: EntityManager): Promise<{ published: number; failed: number }> {
    let published = 0;
    let failed = 0;
    const rows = await m
      .getRepository(OutboxEvent)
      .createQueryBuilder('o')
      .where('o.published_at IS NULL AND o.attempts < :max', { max: MAX_OUTBOX_ATTEMPTS })
      .orderBy('o.id')
      .limit(BATCH)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    for (const event of rows) {
      try {
        // A savepoint per event: one bad event does not undo the others' effects.
        await m.transaction(async (inner) => {
          for (const handler of this.registry.for(event.event)) await handler(inner, event);
        });
        await m.update(OutboxEvent, { id: event.id }, { publishedAt: new Date(), attempts: event.attempts + 1 });
        published++;
      } catch (error) {
        failed++;
        await m.update(OutboxEvent, { id: event.id }, { attempts: event.attempts + 1 });
        this.logger.warn({ event: event.event, id: event.id, err: error instanceof Error ? error.message : String(error) }, 'outbox event failed');
      }
    }
    return { published, failed };
  }
}

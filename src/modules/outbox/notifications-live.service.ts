import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { filter, map, type Observable, Subject } from 'rxjs';
import type { QueryRunner } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { REDIS } from '../../common/infra/infra.module';

export const notificationsChannel = (config: AppConfig) => `${config.redis.prefix}:notifications`;

/**
 * Tells a user's open portal tabs that their notifications changed. The worker writes
 * notifications inside the relay's transaction, so who to tell is remembered per transaction
 * and published only after it commits (a tab refetching earlier would see nothing new). The
 * API fans the message out on the ticket events stream the portal already holds: the bell takes
 * no extra live-stream slot of the user's LIVE_STREAMS_PER_USER.
 */
@Injectable()
export class NotificationsLive implements OnModuleDestroy {
  private readonly logger = new Logger(NotificationsLive.name);
  private readonly pending = new WeakMap<QueryRunner, Set<string>>();
  private readonly events = new Subject<string>();
  private subscriber?: Redis;
  private subscribed?: Promise<unknown>;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Remembers that these users got a notification in the transaction of `runner`. */
  remember(runner: QueryRunner | undefined, userIds: string[]): void {
    if (!userIds.length) return;
    if (!runner) {
      void this.publish(userIds);
      return;
    }
    const set = this.pending.get(runner) ?? new Set<string>();
    for (const id of userIds) set.add(id);
    this.pending.set(runner, set);
  }

  /** After the transaction of `runner` committed: tell those users. */
  async flush(runner: QueryRunner | undefined): Promise<void> {
    if (!runner) return;
    const set = this.pending.get(runner);
    this.pending.delete(runner);
    if (set?.size) await this.publish([...set]);
  }

  /** The transaction rolled back: nobody is told. */
  discard(runner: QueryRunner | undefined): void {
    if (runner) this.pending.delete(runner);
  }

  /** Best-effort, like ticket events: a lost message only delays the bell until the next page load. */
  async publish(userIds: string[]): Promise<void> {
    await this.redis
      .publish(notificationsChannel(this.config), JSON.stringify({ userIds }))
      .catch((err: Error) => this.logger.warn({ err: err.message }, 'notification signal not published'));
  }

  /** `notification` messages for one user (the stream carries no content: the portal refetches its list). */
  forUser(userId: string): Observable<{ type: string; data: unknown }> {
    this.ensureSubscribed();
    return this.events.pipe(
      filter((id) => id === userId),
      map(() => ({ type: 'notification', data: {} })),
    );
  }

  private ensureSubscribed(): void {
    if (this.subscriber) return;
    this.subscriber = new Redis(this.config.redis.url, { lazyConnect: false, maxRetriesPerRequest: null });
    this.subscribed = this.subscriber
      .subscribe(notificationsChannel(this.config))
      .catch((err: Error) => this.logger.warn({ err: err.message }, 'notification subscription failed'));
    this.subscriber.on('message', (_channel: string, raw: string) => {
      try {
        for (const id of (JSON.parse(raw) as { userIds: string[] }).userIds) this.events.next(id);
      } catch {
        this.logger.warn('ignored a malformed notification signal');
      }
    });
  }

  /** Resolves once subscribed (tests wait on it before causing a notification). */
  async ready(): Promise<void> {
    this.ensureSubscribed();
    await this.subscribed;
  }

  async onModuleDestroy(): Promise<void> {
    this.events.complete();
    if (this.subscriber) await this.subscriber.quit().catch(() => this.subscriber?.disconnect());
  }
}

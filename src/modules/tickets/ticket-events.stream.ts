import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { filter, interval, map, merge, Observable, Subject } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { canSee, type TicketScope } from './ticket-visibility.rules';
import { requesterLiveEvent, ticketEventsChannel, type TicketLiveEvent } from './ticket-events.publisher';

export type SseMessage = { type?: string; data: unknown; id?: string };

// Proxies close idle connections; a comment-only ping every 25 s keeps the stream open.
const KEEPALIVE_MS = 25_000;

/**
 * One Redis subscription per API process fans ticket events out to every SSE client of that
 * process; each client only receives events for tickets its scope allows.
 */
@Injectable()
export class TicketEventsStream implements OnModuleDestroy {
  private readonly logger = new Logger(TicketEventsStream.name);
  private readonly events = new Subject<TicketLiveEvent>();
  private subscriber?: Redis;
  private subscribed?: Promise<unknown>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private ensureSubscribed(): void {
    if (this.subscriber) return;
    const channel = ticketEventsChannel(this.config);
    this.subscriber = new Redis(this.config.redis.url, { lazyConnect: false, maxRetriesPerRequest: null });
    this.subscribed = this.subscriber.subscribe(channel).catch((err: Error) => this.logger.warn({ err: err.message }, 'ticket events subscription failed'));
    this.subscriber.on('message', (_channel: string, raw: string) => {
      try {
        this.events.next(JSON.parse(raw) as TicketLiveEvent);
      } catch {
        this.logger.warn('ignored a malformed ticket event');
      }
    });
  }

  /** Resolves once Redis has confirmed the subscription (tests wait on it before publishing). */
  async ready(): Promise<void> {
    this.ensureSubscribed();
    await this.subscribed;
  }

  forScope(scope: TicketScope): Observable<SseMessage> {
    this.ensureSubscribed();
    const visible = this.events.pipe(
      filter((e) => canSee(scope, e)),
      // Requesters (and approvers, unit colleagues) never hear of internal changes, and get no routing details.
      filter((e) => scope.kind !== 'requester' || e.audience === 'all'),
      map((e): SseMessage => ({ type: 'ticket', data: scope.kind === 'requester' ? requesterLiveEvent(e) : e, id: `${e.ticketId}-${e.version}` })),
    );
    const keepalive = interval(KEEPALIVE_MS).pipe(map((): SseMessage => ({ type: 'ping', data: {} })));
    return merge(visible, keepalive);
  }

  async onModuleDestroy(): Promise<void> {
    this.events.complete();
    if (this.subscriber) await this.subscriber.quit().catch(() => this.subscriber?.disconnect());
  }
}

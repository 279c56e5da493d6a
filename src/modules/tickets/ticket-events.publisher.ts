import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { REDIS } from '../../common/infra/infra.module';
import type { Ticket } from './entities/ticket.entity';
import { liveAudience } from './history-visibility.rules';
import { type HistoryEntry, historyFacts } from './ticket-history.writer';

export type TicketLiveEvent = {
  ticketId: string;
  number: string;
  kind: string;
  state: string;
  teamId: string | null;
  assigneeId: string | null;
  requesterId: string;
  createdById: string;
  unitId: string | null;
  escalatedFromTeamId: string | null;
  approverId: string | null;
  version: number;
  actorId: string | null;
  at: string;
  /** 'staff' when the change's history is hidden from requesters (history-visibility.rules): never streamed to them. */
  audience: 'all' | 'staff';
};

/** What a requester's stream carries of an event: enough to refresh the page, none of the desk's routing. */
export const requesterLiveEvent = (e: TicketLiveEvent) => ({
  ticketId: e.ticketId,
  number: e.number,
  kind: e.kind,
  state: e.state,
  version: e.version,
  actorId: e.actorId,
  at: e.at,
});

export const ticketEventsChannel = (config: AppConfig) => `${config.redis.prefix}:ticket-events`;

/**
 * Live-update fan-out through Redis pub/sub, so every API process's SSE clients hear every change.
 * Published after commit and best-effort: a missed event only delays a screen refresh, no data.
 */
@Injectable()
export class TicketEventsPublisher {
  private readonly logger = new Logger(TicketEventsPublisher.name);

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `history` is what the change wrote: it decides whether requesters hear of it. */
  async publish(kind: string, t: Ticket, actorId: string | null, history: HistoryEntry[]): Promise<void> {
    const event: TicketLiveEvent = {
      ticketId: t.id,
      number: t.number,
      kind,
      state: t.state,
      teamId: t.teamId,
      assigneeId: t.assigneeId,
      requesterId: t.requesterId,
      createdById: t.createdById,
      unitId: t.unitId,
      escalatedFromTeamId: t.escalatedFromTeamId,
      approverId: t.approverId,
      version: t.version,
      actorId,
      at: new Date().toISOString(),
      audience: liveAudience(
        history.map((h) => historyFacts(h, actorId)),
        t,
      ),
    };
    await this.redis
      .publish(ticketEventsChannel(this.config), JSON.stringify(event))
      .catch((err: Error) => this.logger.warn({ err: err.message }, 'live event not published'));
  }
}

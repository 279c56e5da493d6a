import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { REDIS } from '../../common/infra/infra.module';
import type { Ticket } from './entities/ticket.entity';

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
};

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

  async publish(kind: string, t: Ticket, actorId: string | null): Promise<void> {
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
    };
    await this.redis.publish(ticketEventsChannel(this.config), JSON.stringify(event)).catch((err: Error) => this.logger.warn({ err: err.message }, 'live event not published'));
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxEvent } from './outbox-event.entity';

export const OUTBOX_EVENTS = [
  'ticket.created',
  'ticket.assigned',
  'ticket.state_changed',
  'ticket.declined',
  'ticket.resolved',
  'ticket.closed',
  'ticket.more_time',
  'ticket.public_reply',
  'ticket.escalated',
  'ticket.solution_proposed',
  'ticket.reopened',
  'ticket.major_incident',
  'ticket.approval_requested',
  'ticket.approved',
  'ticket.approval_rejected',
  'ticket.pending_due',
  'catalog.published',
  'catalog.changed',
  'catalog.retired',
] as const;
export type OutboxEventName = (typeof OUTBOX_EVENTS)[number];

@Injectable()
export class OutboxService {
  /** Writes the event inside the caller's transaction: it exists exactly when the change does. */
  async emit(m: EntityManager, event: OutboxEventName, aggregate: { type: string; id: string }, payload: Record<string, unknown>): Promise<void> {
    await m.insert(OutboxEvent, { event, aggregateType: aggregate.type, aggregateId: aggregate.id, payload: payload as never });
  }
}

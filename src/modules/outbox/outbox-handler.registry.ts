import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OutboxEvent } from './outbox-event.entity';

/** What a handler receives: other modules see the event through this type, never the entity file. */
export type { OutboxEvent };

/** Runs inside the relay's transaction; must be idempotent (the relay may deliver an event again). */
export type OutboxHandler = (m: EntityManager, event: OutboxEvent) => Promise<void>;

/** Modules register what their events cause; the relay dispatches by event-name prefix. */
@Injectable()
export class OutboxHandlerRegistry {
  private readonly handlers: { prefix: string; handler: OutboxHandler }[] = [];

  register(prefix: string, handler: OutboxHandler): void {
    this.handlers.push({ prefix, handler });
  }

  for(event: string): OutboxHandler[] {
    return this.handlers.filter((h) => event.startsWith(h.prefix)).map((h) => h.handler);
  }
}

import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OutboxEvent } from '../outbox/outbox-event.entity';
import { OutboxHandlerRegistry } from '../outbox/outbox-handler.registry';
import { NotificationsService } from '../outbox/notifications.service';

const TITLES: Record<string, (name: string, version: unknown) => string> = {
  'catalog.published': (name, v) => `Servicio publicado en el catálogo: ${name} (versión ${String(v)})`,
  'catalog.changed': (name, v) => `Servicio modificado en el catálogo: ${name} (versión ${String(v)})`,
  'catalog.retired': (name) => `Servicio dado de baja del catálogo: ${name}`,
};

/** Every catalog change reaches the desk staff (GCS 4.1–4.3); the owner area's e-mail comes with the mail module. */
@Injectable()
export class CatalogNotificationsHandler implements OnModuleInit {
  constructor(
    private readonly registry: OutboxHandlerRegistry,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.registry.register('catalog.', (m, event) => this.handle(m, event));
  }

  async handle(m: EntityManager, event: OutboxEvent): Promise<void> {
    const title = TITLES[event.event];
    if (!title) return;
    const staff = (await m.query(`SELECT id FROM users WHERE roles && ARRAY['agent_l1', 'desk_coordinator']::text[] AND is_active`)) as { id: string }[];
    const name = String(event.payload.name ?? '');
    await this.notifications.notify(m, event.id, staff.map((s) => s.id).filter((id) => id !== event.payload.actorId), {
      kind: event.event,
      title: title(name, event.payload.version),
      body: `Clave ${String(event.payload.code ?? '')}. Consulte la ficha del servicio antes de registrar solicitudes.`,
      link: null,
    });
  }
}

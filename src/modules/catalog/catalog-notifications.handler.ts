import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OutboxEvent } from '../outbox/outbox-event.entity';
import { OutboxHandlerRegistry } from '../outbox/outbox-handler.registry';
import { NotificationsService } from '../outbox/notifications.service';
import { MailService } from '../mail/mail.service';

const TITLES: Record<string, (name: string, version: unknown) => string> = {
  'catalog.published': (name, v) => `Servicio publicado en el catálogo: ${name} (versión ${String(v)})`,
  'catalog.changed': (name, v) => `Servicio modificado en el catálogo: ${name} (versión ${String(v)})`,
  'catalog.retired': (name) => `Servicio dado de baja del catálogo: ${name}`,
};

/** Every catalog change reaches the desk staff in-app and the owner area by e-mail (GCS 4.1–4.3). */
@Injectable()
export class CatalogNotificationsHandler implements OnModuleInit {
  constructor(
    private readonly registry: OutboxHandlerRegistry,
    private readonly notifications: NotificationsService,
    private readonly mail: MailService,
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
    await this.mailOwnerArea(m, event, name, title(name, event.payload.version));
  }

  /** The owner area's shared mailbox and its titular, when they have addresses. */
  private async mailOwnerArea(m: EntityManager, event: OutboxEvent, name: string, heading: string): Promise<void> {
    const [owner] = (await m.query(
      `SELECT o.name, o.email, u.id AS head_id, u.email AS head_email, u.full_name AS head_name
         FROM catalog_services s JOIN organisations o ON o.id = s.owner_organisation_id LEFT JOIN users u ON u.id = o.head_user_id AND u.is_active
        WHERE s.id = $1`,
      [event.aggregateId],
    )) as { name: string; email: string | null; head_id: string | null; head_email: string | null; head_name: string | null }[];
    if (!owner) return;
    const recipients = [
      ...(owner.email ? [{ address: owner.email, name: owner.name }] : []),
      ...(owner.head_email ? [{ address: owner.head_email, userId: owner.head_id, name: owner.head_name }] : []),
    ];
    await this.mail.enqueue(m, event.id, event.event, recipients, {
      heading,
      serviceName: name,
      serviceCode: String(event.payload.code ?? ''),
      version: event.payload.version ?? null,
      areaName: owner.name,
      url: this.mail.portalUrl(`/catalogo/${event.aggregateId}`),
    });
  }
}

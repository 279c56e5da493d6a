import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxHandlerRegistry, type OutboxEvent } from '../outbox/outbox-handler.registry';
import { NotificationsService } from '../outbox/notifications.service';
import { MailService } from '../mail/mail.service';
import { UserDirectory } from '../identity/user-directory.service';
import { OrganisationsService } from '../organisations/organisations.service';

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
    private readonly users: UserDirectory,
    private readonly organisations: OrganisationsService,
  ) {}

  onModuleInit(): void {
    this.registry.register('catalog.', (m, event) => this.handle(m, event));
  }

  async handle(m: EntityManager, event: OutboxEvent): Promise<void> {
    const title = TITLES[event.event];
    if (!title) return;
    const staff = await this.users.activeWithAnyRole(['agent_l1', 'desk_coordinator'], m);
    const name = String(event.payload.name ?? '');
    await this.notifications.notify(
      m,
      event.id,
      staff.filter((id) => id !== event.payload.actorId),
      {
        kind: event.event,
        title: title(name, event.payload.version),
        body: `Clave ${String(event.payload.code ?? '')}. Consulta la ficha del servicio antes de registrar solicitudes.`,
        link: null,
      },
    );
    await this.mailOwnerArea(m, event, name, title(name, event.payload.version));
  }

  /** The owner area's shared mailbox and its titular, when they have addresses. */
  private async mailOwnerArea(m: EntityManager, event: OutboxEvent, name: string, heading: string): Promise<void> {
    const [service] = (await m.query(`SELECT owner_organisation_id FROM catalog_services WHERE id = $1`, [event.aggregateId])) as {
      owner_organisation_id: string | null;
    }[];
    const owner = service?.owner_organisation_id ? await this.organisations.mailboxOf(service.owner_organisation_id, m) : null;
    if (!owner) return;
    const heads = owner.headUserId ? await this.users.contactsOf([owner.headUserId], m) : [];
    const recipients = [
      ...(owner.email ? [{ address: owner.email, name: owner.name }] : []),
      ...heads.map((h) => ({ address: h.email, userId: h.id, name: h.fullName })),
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

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

/**
 * Every catalog change reaches the desk staff and the service's level-2 and level-3 support
 * teams ("soporte a aplicaciones", GCS 4.1–4.3 act. 5) through the channels each chose, and the
 * owner area by e-mail.
 */
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
    const desk = await this.users.activeWithAnyRole(['agent_l1', 'desk_coordinator'], m);
    const [service] = (await m.query(`SELECT team_l2_id, team_l3_id, owner_organisation_id FROM catalog_services WHERE id = $1`, [event.aggregateId])) as {
      team_l2_id: string | null;
      team_l3_id: string | null;
      owner_organisation_id: string | null;
    }[];
    const support = await this.users.teamPeople(
      [service?.team_l2_id, service?.team_l3_id].filter((id): id is string => Boolean(id)),
      m,
    );
    const active = await this.users.activeAmong(support, m);
    const staff = [...new Set([...desk, ...support.filter((id) => active.has(id))])].filter((id) => id !== event.payload.actorId);
    const name = String(event.payload.name ?? '');
    const heading = title(name, event.payload.version);
    const { inApp, email } = await this.notifications.deliveries(m, event.event, staff);
    await this.notifications.notify(m, event.id, inApp, {
      kind: event.event,
      title: heading,
      body: `Clave ${String(event.payload.code ?? '')}. Consulta la ficha del servicio antes de registrar o atender solicitudes.`,
      link: null,
    });
    const owner = service?.owner_organisation_id ? await this.organisations.mailboxOf(service.owner_organisation_id, m) : null;
    const context = {
      heading,
      serviceName: name,
      serviceCode: String(event.payload.code ?? ''),
      version: event.payload.version ?? null,
      areaName: owner?.name ?? 'el área responsable',
      url: this.mail.portalUrl(`/catalogo/${event.aggregateId}`),
    };
    await this.mail.enqueueForUsers(m, event.id, event.event, email, context);
    if (owner) await this.mailOwnerArea(m, event, owner, context);
  }

  /** The owner area's shared mailbox and its titular, when they have addresses. */
  private async mailOwnerArea(
    m: EntityManager,
    event: OutboxEvent,
    owner: NonNullable<Awaited<ReturnType<OrganisationsService['mailboxOf']>>>,
    context: Record<string, unknown>,
  ): Promise<void> {
    const heads = owner.headUserId ? await this.users.contactsOf([owner.headUserId], m) : [];
    const recipients = [
      ...(owner.email ? [{ address: owner.email, name: owner.name }] : []),
      ...heads.map((h) => ({ address: h.email, userId: h.id, name: h.fullName })),
    ];
    await this.mail.enqueue(m, event.id, event.event, recipients, context);
  }
}

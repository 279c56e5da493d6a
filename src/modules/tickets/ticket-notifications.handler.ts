import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxHandlerRegistry, type OutboxEvent } from '../outbox/outbox-handler.registry';
import { NotificationsService } from '../outbox/notifications.service';
import { MailService } from '../mail/mail.service';
import { UserDirectory } from '../identity/user-directory.service';
import { type Audience, planTicketNotification } from './ticket-notifications.rules';

type TicketFacts = { number: string; title: string; requester_id: string; assignee_id: string | null; team_id: string | null; approver_id: string | null };

/** Turns ticket outbox events into in-app notifications and, where a template exists for the event, e-mail. */
@Injectable()
export class TicketNotificationsHandler implements OnModuleInit {
  constructor(
    private readonly registry: OutboxHandlerRegistry,
    private readonly notifications: NotificationsService,
    private readonly mail: MailService,
    private readonly users: UserDirectory,
  ) {}

  onModuleInit(): void {
    this.registry.register('ticket.', (m, event) => this.handle(m, event));
  }

  async handle(m: EntityManager, event: OutboxEvent): Promise<void> {
    const [t] = (await m.query(`SELECT t.number, t.title, t.requester_id, t.assignee_id, t.approver_id, t.team_id FROM tickets t WHERE t.id = $1`, [
      event.aggregateId,
    ])) as TicketFacts[];
    if (!t) return;
    const actorId = typeof event.payload.actorId === 'string' ? event.payload.actorId : null;
    for (const plan of planTicketNotification(event.event, t.number, t.title, event.payload, t.requester_id)) {
      const recipients = (await this.recipients(m, plan.audience, t)).filter((id) => id !== actorId);
      const link =
        plan.audience === 'requester' || plan.audience === 'approver' ? `/solicitante/tickets/${event.aggregateId}` : `/agente/tickets/${event.aggregateId}`;
      await this.notifications.notify(m, event.id, recipients, { kind: plan.kind, title: plan.title, body: plan.body, link });
      await this.mail.enqueueForUsers(m, event.id, plan.kind, recipients, {
        number: t.number,
        ticketTitle: t.title,
        heading: plan.title,
        body: plan.body,
        reason: plan.reason,
        url: this.mail.portalUrl(link),
        approveUrl: this.mail.portalUrl(`${link}?decision=aprobar`),
        rejectUrl: this.mail.portalUrl(`${link}?decision=rechazar`),
      });
    }
  }

  private async recipients(m: EntityManager, audience: Audience, t: TicketFacts): Promise<string[]> {
    switch (audience) {
      case 'requester':
        return [t.requester_id];
      case 'assignee_or_team_coordinator':
        if (t.assignee_id) return [t.assignee_id];
        return [t.team_id ? (await this.users.teamFacts(t.team_id, m))?.coordinatorId : null].filter((id): id is string => Boolean(id));
      case 'approver':
        return t.approver_id ? [t.approver_id] : [];
      case 'directors':
        return this.users.activeWithAnyRole(['director'], m);
    }
  }
}

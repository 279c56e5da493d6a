import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxHandlerRegistry, type OutboxEvent } from '../outbox/outbox-handler.registry';
import { NotificationsService } from '../outbox/notifications.service';
import { MailService } from '../mail/mail.service';
import { UserDirectory } from '../identity/user-directory.service';
import { type Audience, planTicketNotification, STAFF_AUDIENCES } from './ticket-notifications.rules';
import { isStaff } from './ticket-visibility.rules';

type TicketFacts = {
  number: string;
  title: string;
  priority: string | null;
  requester_id: string;
  assignee_id: string | null;
  team_id: string | null;
  escalated_from_team_id: string | null;
  approver_id: string | null;
};

/**
 * Turns ticket outbox events into in-app notifications and, where a template exists for the
 * event, e-mail, each through the channels the recipient's preferences give that kind.
 */
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
    const [row] = (await m.query(
      `SELECT t.number, t.title, t.priority, t.requester_id, t.assignee_id, t.approver_id, t.team_id, t.escalated_from_team_id FROM tickets t WHERE t.id = $1`,
      [event.aggregateId],
    )) as TicketFacts[];
    if (!row) return;
    // Routing as the event left it: relayed later, the ticket may already have moved on (assigned after an escalation).
    const p = event.payload;
    const t: TicketFacts = {
      ...row,
      assignee_id: 'assigneeId' in p ? ((p.assigneeId as string | null) ?? null) : row.assignee_id,
      team_id: 'teamId' in p ? ((p.teamId as string | null) ?? null) : row.team_id,
    };
    const actorId = typeof event.payload.actorId === 'string' ? event.payload.actorId : null;
    const facts = { priority: t.priority, hasAssignee: Boolean(t.assignee_id), hasTeam: Boolean(t.team_id) };
    // One notice per person per event: a coordinator told of an escalation is not told again that it queued.
    const told = new Set<string>(actorId ? [actorId] : []);
    for (const plan of planTicketNotification(event.event, t.number, t.title, event.payload, t.requester_id, facts)) {
      let recipients = (await this.recipients(m, plan.audience, t)).filter((id) => !told.has(id));
      if (STAFF_AUDIENCES.includes(plan.audience)) {
        // Internal notices reach desk staff only, whatever the ticket's fields say (a requester is never told).
        const roles = await this.users.activeRolesOf(recipients, m);
        recipients = recipients.filter((id) => isStaff(roles.get(id) ?? []));
      }
      for (const id of recipients) told.add(id);
      const { inApp, email } = await this.notifications.deliveries(m, plan.kind, recipients);
      const link =
        plan.audience === 'requester' || plan.audience === 'approver' ? `/solicitante/tickets/${event.aggregateId}` : `/agente/tickets/${event.aggregateId}`;
      await this.notifications.notify(m, event.id, inApp, { kind: plan.kind, title: plan.title, body: plan.body, link });
      await this.mail.enqueueForUsers(m, event.id, plan.kind, email, {
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
    const coordinatorOf = async (teamId: string | null) => (teamId ? ((await this.users.teamFacts(teamId, m))?.coordinatorId ?? null) : null);
    const some = (...ids: (string | null)[]) => ids.filter((id): id is string => Boolean(id));
    switch (audience) {
      case 'requester':
        return [t.requester_id];
      case 'assignee_or_team_coordinator':
        return t.assignee_id ? [t.assignee_id] : some(await coordinatorOf(t.team_id));
      case 'validator':
        // GIS 2.3 act. 6: the second level the ticket came from validates; without one, its team's coordinator.
        return some((await coordinatorOf(t.escalated_from_team_id)) ?? (await coordinatorOf(t.team_id)));
      case 'team_queue': {
        const people = t.team_id ? await this.users.teamPeople([t.team_id], m) : [];
        return this.notifications.optedIn(m, 'ticket.team_queue', people);
      }
      case 'approver':
        return some(t.approver_id);
      case 'directors':
        return this.users.activeWithAnyRole(['director'], m);
      case 'hierarchy':
        return this.users.activeWithAnyRole(['director', 'desk_coordinator'], m);
    }
  }
}

import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { UserDirectory } from '../identity/user-directory.service';
import { MailService } from '../mail/mail.service';
import { NotificationsService } from '../outbox/notifications.service';
import { OutboxHandlerRegistry, type OutboxEvent } from '../outbox/outbox-handler.registry';
import { isStaff } from './ticket-visibility.rules';

/** The in-app notification kind of a "Pendiente hasta" reminder. */
export const PENDING_DUE_KIND = 'ticket.pending_due';

/**
 * Turns `ticket.pending_due` into the assignee's notice (or the team coordinator's when nobody
 * holds the ticket), in Mesa and by e-mail as their preferences say. Staff only: the requester
 * never hears of the desk's reminder.
 */
@Injectable()
export class PendingReminderNotifier implements OnModuleInit {
  constructor(
    private readonly registry: OutboxHandlerRegistry,
    private readonly notifications: NotificationsService,
    private readonly mail: MailService,
    private readonly users: UserDirectory,
  ) {}

  onModuleInit(): void {
    this.registry.register(PENDING_DUE_KIND, (m, event) => this.handle(m, event));
  }

  async handle(m: EntityManager, event: OutboxEvent): Promise<void> {
    const [t] = (await m.query(`SELECT number, title, state, assignee_id, team_id FROM tickets WHERE id = $1`, [event.aggregateId])) as {
      number: string;
      title: string;
      state: string;
      assignee_id: string | null;
      team_id: string | null;
    }[];
    // Relayed after the ticket left Pendiente (resumed between the sweep and the relay): nothing to remind.
    if (!t || t.state !== 'pending') return;
    const recipient = t.assignee_id ?? (t.team_id ? ((await this.users.teamFacts(t.team_id, m))?.coordinatorId ?? null) : null);
    if (!recipient) return;
    // Staff only, and only while they may still work (a deactivated assignee is not reminded).
    const roles = (await this.users.activeRolesOf([recipient], m)).get(recipient) ?? [];
    if (!isStaff(roles)) return;
    const zone = typeof event.payload.deskTimeZone === 'string' ? event.payload.deskTimeZone : 'UTC';
    const due = typeof event.payload.pendingUntil === 'string' ? formatInZone(new Date(event.payload.pendingUntil), zone) : '';
    const title = `Recordatorio: ${t.number} estaba pendiente hasta ${due}`;
    const body = `Retoma el ticket ${t.number} «${t.title}»: llegó la fecha que indicaste al dejarlo en Pendiente.`;
    const link = `/agente/tickets/${event.aggregateId}`;
    const { inApp, email } = await this.notifications.deliveries(m, PENDING_DUE_KIND, [recipient]);
    await this.notifications.notify(m, event.id, inApp, { kind: PENDING_DUE_KIND, title, body, link });
    await this.mail.enqueueForUsers(m, event.id, PENDING_DUE_KIND, email, {
      number: t.number,
      ticketTitle: t.title,
      heading: title,
      body,
      url: this.mail.portalUrl(link),
    });
  }
}

/** `29/11/2026 01:37` in the desk's zone (the portal's date format). */
function formatInZone(d: Date, timeZone: string): string {
  return DateTime.fromJSDate(d, { zone: timeZone }).toFormat('dd/MM/yyyy HH:mm');
}

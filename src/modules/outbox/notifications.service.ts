import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { permissionsOf } from '../../common/auth/permissions';
import { MesaError } from '../../common/errors/mesa-error';
import { Notification } from './notification.entity';
import { NotificationsLive } from './notifications-live.service';
import {
  type Channel,
  CHANNEL_LABELS,
  decidePreference,
  deliveryFor,
  kindsOffered,
  PREFERENCE_KINDS,
  type PreferenceKind,
  preferenceKindOf,
} from './notification-preferences.rules';

export type NotificationContent = { kind: string; title: string; body: string; link: string | null };

@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly live: NotificationsLive,
  ) {}

  /** One row per (event, recipient): a redelivered event notifies nobody twice. */
  async notify(m: EntityManager, eventId: string, recipientIds: string[], content: NotificationContent): Promise<void> {
    const told: string[] = [];
    for (const recipientId of new Set(recipientIds)) {
      const rows = (await m.query(
        `INSERT INTO notifications (event_id, recipient_id, kind, title, body, link) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_id, recipient_id) DO NOTHING RETURNING id`,
        [eventId, recipientId, content.kind, content.title, content.body, content.link],
      )) as unknown[];
      if (rows.length) told.push(recipientId);
    }
    this.live.remember(m.queryRunner, told);
  }

  /** Splits recipients by the channels their preferences give this kind (notification-preferences.rules). */
  async deliveries(m: EntityManager, kind: string, userIds: string[]): Promise<{ inApp: string[]; email: string[] }> {
    const key = preferenceKindOf(kind);
    const stored = new Map<string, string>();
    if (key && userIds.length) {
      const rows = (await m.query(`SELECT user_id, channel FROM notification_preferences WHERE kind = $1 AND user_id = ANY($2::uuid[])`, [key, userIds])) as {
        user_id: string;
        channel: string;
      }[];
      for (const r of rows) stored.set(r.user_id, r.channel);
    }
    const inApp: string[] = [];
    const email: string[] = [];
    for (const id of new Set(userIds)) {
      const d = deliveryFor(kind, stored.get(id));
      if (d.inApp) inApp.push(id);
      if (d.email) email.push(id);
    }
    return { inApp, email };
  }

  /** Users who chose to hear of a kind that is off by default (team members opting in to their queue). */
  async optedIn(m: EntityManager, kind: PreferenceKind, userIds: string[]): Promise<string[]> {
    if (!userIds.length) return [];
    const rows = (await m.query(`SELECT user_id FROM notification_preferences WHERE kind = $1 AND channel <> 'none' AND user_id = ANY($2::uuid[])`, [
      kind,
      userIds,
    ])) as { user_id: string }[];
    return rows.map((r) => r.user_id);
  }

  async list(actor: Actor, unreadOnly: boolean, limit = 100) {
    const where = unreadOnly ? `AND read_at IS NULL` : '';
    const rows = (await this.dataSource.query(
      `SELECT id, kind, title, body, link, read_at AS "readAt", created_at AS "createdAt" FROM notifications WHERE recipient_id = $1 ${where} ORDER BY created_at DESC, id LIMIT $2`,
      [actor.userId, limit],
    )) as (NotificationContent & { id: string; readAt: Date | null; createdAt: Date })[];
    const items = rows.map((r) => ({ ...r, readAt: r.readAt?.toISOString() ?? null, createdAt: r.createdAt.toISOString() }));
    const [{ unread }] = (await this.dataSource.query(`SELECT count(*)::int AS unread FROM notifications WHERE recipient_id = $1 AND read_at IS NULL`, [
      actor.userId,
    ])) as { unread: number }[];
    return { items, unread };
  }

  async markRead(actor: Actor, id: string): Promise<void> {
    const res = await this.dataSource.getRepository(Notification).update({ id, recipientId: actor.userId }, { readAt: new Date() });
    if (!res.affected) throw new MesaError('NOTIFICATION_NOT_FOUND', 'No existe la notificación.', { field: 'id' });
    await this.live.publish([actor.userId]);
  }

  async markAllRead(actor: Actor): Promise<void> {
    await this.dataSource.query(`UPDATE notifications SET read_at = now() WHERE recipient_id = $1 AND read_at IS NULL`, [actor.userId]);
    // Other tabs of the same user update their bell too.
    await this.live.publish([actor.userId]);
  }

  async preferences(actor: Actor) {
    const rows = (await this.dataSource.query(`SELECT kind, channel FROM notification_preferences WHERE user_id = $1`, [actor.userId])) as {
      kind: string;
      channel: string;
    }[];
    const stored = new Map(rows.map((r) => [r.kind, r.channel]));
    return {
      items: kindsOffered(permissionsOf(actor.roles).includes('tickets.work')).map((kind) => {
        const rule = PREFERENCE_KINDS[kind];
        const d = deliveryFor(kind, stored.get(kind));
        const channel: Channel = d.inApp && d.email ? 'both' : d.inApp ? 'in_app' : d.email ? 'email' : 'none';
        return { kind, label: rule.label, description: rule.description, channel, mutable: rule.mutable };
      }),
      channels: Object.entries(CHANNEL_LABELS).map(([value, label]) => ({ value, label })),
    };
  }

  async setPreference(actor: Actor, kind: string, channel: string) {
    const decision = decidePreference(kind, channel, permissionsOf(actor.roles).includes('tickets.work'));
    if (!decision.ok) throw new MesaError('VALIDATION_FAILED', decision.message, { field: decision.field });
    await this.dataSource.query(
      `INSERT INTO notification_preferences (user_id, kind, channel) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, kind) DO UPDATE SET channel = EXCLUDED.channel, updated_at = now()`,
      [actor.userId, decision.kind, decision.channel],
    );
    return this.preferences(actor);
  }
}

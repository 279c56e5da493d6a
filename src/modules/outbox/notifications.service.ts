import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { MesaError } from '../../common/errors/mesa-error';
import { Notification } from './notification.entity';

export type NotificationContent = { kind: string; title: string; body: string; link: string | null };

@Injectable()
export class NotificationsService {
  constructor(private readonly dataSource: DataSource) {}

  /** One row per (event, recipient): a redelivered event notifies nobody twice. */
  async notify(m: EntityManager, eventId: string, recipientIds: string[], content: NotificationContent): Promise<void> {
    for (const recipientId of new Set(recipientIds)) {
      await m.query(
        `INSERT INTO notifications (event_id, recipient_id, kind, title, body, link) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_id, recipient_id) DO NOTHING`,
        [eventId, recipientId, content.kind, content.title, content.body, content.link],
      );
    }
  }

  async list(actor: Actor, unreadOnly: boolean) {
    const where = unreadOnly ? `AND read_at IS NULL` : '';
    const rows = (await this.dataSource.query(
      `SELECT id, kind, title, body, link, read_at AS "readAt", created_at AS "createdAt" FROM notifications WHERE recipient_id = $1 ${where} ORDER BY created_at DESC LIMIT 100`,
      [actor.userId],
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
  }
}

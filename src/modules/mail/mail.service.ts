import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { UserDirectory } from '../identity/user-directory.service';
import { MailTemplates } from './mail-templates';
import { uniqueAddresses } from './mail.rules';

export type MailRecipient = { address: string; userId?: string | null; name?: string | null };

/**
 * Queues e-mail inside the caller's transaction (an outbox handler's): rendered now, sent by
 * the worker's mail job. A template that does not exist means that event sends no e-mail.
 */
@Injectable()
export class MailService {
  constructor(
    private readonly templates: MailTemplates,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UserDirectory,
  ) {}

  /**
   * Absolute link to a portal page that passes through sign-in: `/login?next=…` sends a
   * signed-in reader straight on and brings anyone else back to the page after signing in.
   */
  portalUrl(path: string): string {
    return new URL(`/login?next=${encodeURIComponent(path)}`, this.config.publicUrl).toString();
  }

  async enqueue(m: EntityManager, eventId: string | null, template: string, recipients: MailRecipient[], context: Record<string, unknown>): Promise<number> {
    if (!this.templates.has(template)) return 0;
    const byAddress = new Map<string, MailRecipient>();
    for (const r of recipients) {
      const [address] = uniqueAddresses([r.address]);
      if (address && !byAddress.has(address)) byAddress.set(address, { ...r, address });
    }
    let queued = 0;
    for (const r of byAddress.values()) {
      const mail = this.templates.render(template, { publicUrl: this.config.publicUrl, recipientName: r.name ?? null, ...context });
      const rows = (await m.query(
        `INSERT INTO mail_messages (event_id, template, to_address, recipient_id, subject, html, text) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (event_id, template, to_address) DO NOTHING RETURNING id`,
        [eventId, template, r.address, r.userId ?? null, mail.subject, mail.html, mail.text],
      )) as unknown[];
      queued += rows.length;
    }
    return queued;
  }

  /** Same, addressed to users by id (inactive users and users without a usable address are skipped). */
  async enqueueForUsers(m: EntityManager, eventId: string | null, template: string, userIds: string[], context: Record<string, unknown>): Promise<number> {
    if (!userIds.length || !this.templates.has(template)) return 0;
    const users = await this.users.contactsOf(userIds, m);
    return this.enqueue(
      m,
      eventId,
      template,
      users.map((u) => ({ address: u.email, userId: u.id, name: u.fullName })),
      context,
    );
  }
}

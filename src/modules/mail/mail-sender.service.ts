import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { createMailTransport, type MailTransport, type SendError } from './mail-transport';
import { isPermanentSmtpFailure, nextAttemptDelayMs } from './mail.rules';

const BATCH = 20;
// A claimed message is not due again for this long: the sending worker owns it meanwhile, and if
// that worker dies mid-send another one takes it after the lease (at-least-once delivery).
const LEASE = '10 minutes';

type Due = { id: string; event_id: string | null; template: string; to_address: string; subject: string; html: string; text: string; attempts: number };

/**
 * Worker-only: sends queued mail. A short statement claims due rows (SKIP LOCKED, then a lease on
 * next_attempt_at), so several workers send in parallel without sending one message twice, and no
 * transaction or pooled connection is held while an SMTP server takes its time. A failure waits
 * longer before each retry.
 */
@Injectable()
export class MailSenderService implements OnApplicationShutdown {
  private readonly logger = new Logger(MailSenderService.name);
  private transport: MailTransport | null = null;
  private readonly domain: string;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.domain = /@([^>\s]+)>?\s*$/.exec(config.mail.from)?.[1] ?? 'mesa.local';
  }

  async sendBatch(): Promise<{ sent: number; failed: number }> {
    let sent = 0;
    let failed = 0;
    const [due] = (await this.dataSource.query(
      `UPDATE mail_messages SET next_attempt_at = now() + interval '${LEASE}'
        WHERE id IN (SELECT id FROM mail_messages WHERE status = 'queued' AND next_attempt_at <= now()
                      ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING id, event_id, template, to_address, subject, html, text, attempts`,
      [BATCH],
    )) as [Due[], number];
    for (const mail of due) {
      const attempts = mail.attempts + 1;
      try {
        const info = await this.getTransport().send({
          from: this.config.mail.from,
          to: mail.to_address,
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          // Our own Message-ID lets replies be threaded back to the record later.
          messageId: `<${mail.id}@${this.domain}>`,
          headers: { 'Auto-Submitted': 'auto-generated', 'X-Mesa-Template': mail.template },
        });
        await this.dataSource.query(
          `UPDATE mail_messages SET status = 'sent', attempts = $2, sent_at = now(), message_id = $3, last_error = NULL WHERE id = $1`,
          [mail.id, attempts, info.messageId],
        );
        sent++;
      } catch (error) {
        failed++;
        const err = error as SendError;
        const delay = isPermanentSmtpFailure(err.responseCode) ? null : nextAttemptDelayMs(attempts);
        await this.dataSource.query(
          `UPDATE mail_messages SET attempts = $2, last_error = $3, status = CASE WHEN $4::int IS NULL THEN 'failed' ELSE 'queued' END,
             next_attempt_at = now() + make_interval(secs => coalesce($4::int, 0) / 1000.0) WHERE id = $1`,
          [mail.id, attempts, String(err.message).slice(0, 500), delay],
        );
        this.logger.warn({ mailId: mail.id, template: mail.template, attempts, err: err.message, gaveUp: delay === null }, 'mail not sent');
      }
    }
    return { sent, failed };
  }

  private getTransport(): MailTransport {
    this.transport ??= createMailTransport(this.config);
    return this.transport;
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}

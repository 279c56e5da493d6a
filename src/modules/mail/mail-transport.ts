import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import type { AppConfig } from '../../config/config';

export type OutgoingMail = { from: string; to: string; subject: string; html: string; text: string; messageId: string; headers: Record<string, string> };
export type SendError = Error & { responseCode?: number };

/** Where mail goes: an SMTP server, or (no SMTP_URL) .eml files a developer can open. */
export interface MailTransport {
  readonly kind: 'smtp' | 'files';
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

export function createMailTransport(config: AppConfig): MailTransport {
  return config.mail.smtpUrl ? new SmtpTransport(config.mail.smtpUrl) : new FileTransport(join(resolve(config.dataDir), 'mail-out'));
}

class SmtpTransport implements MailTransport {
  readonly kind = 'smtp';
  private readonly transporter: Transporter;

  constructor(url: string) {
    // A pool keeps one connection open across a batch instead of a handshake per message.
    const u = new URL(url);
    if (!u.searchParams.has('pool')) u.searchParams.set('pool', 'true');
    this.transporter = createTransport(u.toString());
  }

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    const info = (await this.transporter.sendMail(mail)) as { messageId: string };
    return { messageId: info.messageId };
  }

  close(): void {
    this.transporter.close();
  }
}

class FileTransport implements MailTransport {
  readonly kind = 'files';
  private readonly composer = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  constructor(private readonly dir: string) {}

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    const info = (await this.composer.sendMail(mail)) as { messageId: string; message: Buffer };
    await mkdir(this.dir, { recursive: true, mode: 0o750 });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const path = join(this.dir, `${stamp}-${mail.messageId.replace(/[^a-zA-Z0-9@.-]/g, '')}.eml`);
    // Messages carry requesters' data and approval links: owner and group only, whatever the umask.
    await writeFile(path, info.message, { mode: 0o640 });
    await chmod(path, 0o640);
    return { messageId: info.messageId };
  }

  close(): void {
    this.composer.close();
  }
}

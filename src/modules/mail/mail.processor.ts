import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { JobRegistry } from '../system/job-registry';
import { JOBS } from '../system/jobs';
import { MailSenderService } from './mail-sender.service';
import { MailTemplates } from './mail-templates';

/** Worker-only: the repeatable job that sends queued mail. */
@Injectable()
export class MailProcessor implements OnModuleInit {
  private readonly logger = new Logger(MailProcessor.name);

  constructor(
    private readonly registry: JobRegistry,
    private readonly sender: MailSenderService,
    private readonly templates: MailTemplates,
  ) {}

  onModuleInit(): void {
    if (!this.templates.names().length) this.logger.warn('no mail templates found (TEMPLATES_DIR): no e-mail will be sent');
    this.registry.register(JOBS.mailSend, () => this.sender.sendBatch());
  }
}

import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { IdentityModule } from '../identity/identity.module';
import { MailTemplates } from './mail-templates';
import { MailService } from './mail.service';

/** Outgoing mail: handlers queue it through MailService; the worker's MailWorkerModule sends it. */
@Module({
  imports: [IdentityModule],
  providers: [{ provide: MailTemplates, inject: [APP_CONFIG], useFactory: (c: AppConfig) => new MailTemplates(c.mail.templatesDir) }, MailService],
  exports: [MailService, MailTemplates],
})
export class MailModule {}

import { Module } from '@nestjs/common';
import { MailModule } from './mail.module';
import { MailSenderService } from './mail-sender.service';
import { MailProcessor } from './mail.processor';

@Module({ imports: [MailModule], providers: [MailSenderService, MailProcessor], exports: [MailSenderService] })
export class MailWorkerModule {}

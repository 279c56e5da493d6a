import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { IdentityModule } from '../identity/identity.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { OutboxModule } from '../outbox/outbox.module';
import { MailModule } from '../mail/mail.module';
import { CatalogNotificationsHandler } from './catalog-notifications.handler';
import { CatalogController } from './catalog.controller';
import { CatalogService } from './catalog.service';
import { CatalogTransferService } from './catalog-transfer.service';

@Module({
  imports: [AuditModule, OrganisationsModule, IdentityModule, OutboxModule, MailModule],
  controllers: [CatalogController],
  providers: [CatalogService, CatalogTransferService, CatalogNotificationsHandler],
  exports: [CatalogService],
})
export class CatalogModule {}

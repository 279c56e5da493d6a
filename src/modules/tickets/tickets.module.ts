import { Module } from '@nestjs/common';
import { WriteRateLimiter } from '../../common/infra/write-rate-limiter';
import { AttachmentStorage } from './attachment-storage';
import { TicketAttachmentsService } from './ticket-attachments.service';
import { TicketLinksService } from './ticket-links.service';
import { TicketNotificationsHandler } from './ticket-notifications.handler';
import { PendingReminderNotifier } from './pending-reminder.notifier';
import { AuditModule } from '../audit/audit.module';
import { CatalogModule } from '../catalog/catalog.module';
import { IdentityModule } from '../identity/identity.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { OutboxModule } from '../outbox/outbox.module';
import { MailModule } from '../mail/mail.module';
import { PriorityMatrixController } from './priority-matrix.controller';
import { PriorityMatrixService } from './priority-matrix.service';
import { TicketAccess } from './ticket-access.service';
import { TicketEventsPublisher } from './ticket-events.publisher';
import { TicketEventsStream } from './ticket-events.stream';
import { TicketHistoryWriter } from './ticket-history.writer';
import { TicketIndicatorsController } from './ticket-indicators.controller';
import { TicketIndicatorsService } from './ticket-indicators.service';
import { TicketWorkflowService } from './ticket-workflow.service';
import { AttachmentsController } from './attachments.controller';
import { SavedFiltersController } from './saved-filters.controller';
import { TicketsController } from './tickets.controller';
import { SavedFiltersService } from './saved-filters.service';
import { TicketsBulkService } from './tickets-bulk.service';
import { TicketsRepository } from './tickets.repository';
import { TicketCreateWriter } from './ticket-create.writer';
import { TicketsService } from './tickets.service';

@Module({
  imports: [AuditModule, IdentityModule, CatalogModule, OrganisationsModule, OutboxModule, MailModule],
  controllers: [TicketsController, AttachmentsController, SavedFiltersController, PriorityMatrixController, TicketIndicatorsController],
  providers: [
    TicketsService,
    TicketCreateWriter,
    TicketWorkflowService,
    TicketAccess,
    TicketHistoryWriter,
    TicketEventsPublisher,
    TicketEventsStream,
    TicketsRepository,
    PriorityMatrixService,
    TicketIndicatorsService,
    TicketLinksService,
    TicketAttachmentsService,
    TicketsBulkService,
    SavedFiltersService,
    TicketNotificationsHandler,
    PendingReminderNotifier,
    AttachmentStorage,
    WriteRateLimiter,
  ],
  exports: [TicketsService, TicketAccess],
})
export class TicketsModule {}

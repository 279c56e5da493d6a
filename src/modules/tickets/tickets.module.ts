import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CatalogModule } from '../catalog/catalog.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { OutboxModule } from '../outbox/outbox.module';
import { PriorityMatrixController } from './priority-matrix.controller';
import { PriorityMatrixService } from './priority-matrix.service';
import { TicketAccess } from './ticket-access.service';
import { TicketEventsPublisher } from './ticket-events.publisher';
import { TicketEventsStream } from './ticket-events.stream';
import { TicketHistoryWriter } from './ticket-history.writer';
import { TicketWorkflowService } from './ticket-workflow.service';
import { TicketsController } from './tickets.controller';
import { TicketsRepository } from './tickets.repository';
import { TicketsService } from './tickets.service';

@Module({
  imports: [AuditModule, CatalogModule, OrganisationsModule, OutboxModule],
  controllers: [TicketsController, PriorityMatrixController],
  providers: [TicketsService, TicketWorkflowService, TicketAccess, TicketHistoryWriter, TicketEventsPublisher, TicketEventsStream, TicketsRepository, PriorityMatrixService],
  exports: [TicketsService, TicketAccess],
})
export class TicketsModule {}

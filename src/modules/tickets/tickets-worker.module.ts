import { Module } from '@nestjs/common';
import { AttachmentsSweeper } from './attachments-sweeper';
import { AttachmentStorage } from './attachment-storage';
import { OutboxModule } from '../outbox/outbox.module';
import { PendingRemindersSweeper } from './pending-reminders.sweeper';
import { TicketHistoryWriter } from './ticket-history.writer';
import { TicketsProcessor } from './tickets.processor';

@Module({
  imports: [OutboxModule],
  providers: [AttachmentStorage, AttachmentsSweeper, PendingRemindersSweeper, TicketHistoryWriter, TicketsProcessor],
  exports: [AttachmentsSweeper, PendingRemindersSweeper],
})
export class TicketsWorkerModule {}

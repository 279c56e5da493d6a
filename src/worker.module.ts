import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from './config/config';
import { InfraModule } from './common/infra/infra.module';
import { JobsModule } from './modules/system/jobs.module';
import { WorkerJobsModule } from './modules/system/worker-jobs.module';
import { OutboxWorkerModule } from './modules/outbox/outbox-worker.module';
import { TicketsModule } from './modules/tickets/tickets.module';
import { TicketsWorkerModule } from './modules/tickets/tickets-worker.module';
import { MailWorkerModule } from './modules/mail/mail-worker.module';

/** The worker's module graph: same infrastructure and business modules, BullMQ instead of HTTP. */
@Module({})
export class WorkerModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [InfraModule.forRoot(config, 'worker'), JobsModule, WorkerJobsModule, OutboxWorkerModule, MailWorkerModule, TicketsModule, TicketsWorkerModule],
    };
  }
}

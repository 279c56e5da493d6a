import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from './config/config';
import { InfraModule } from './common/infra/infra.module';
import { JobsModule } from './modules/system/jobs.module';
import { WorkerJobsModule } from './modules/system/worker-jobs.module';
import type { WorkerOptions } from './modules/system/worker-runner';
import { OutboxWorkerModule } from './modules/outbox/outbox-worker.module';
import { TicketsModule } from './modules/tickets/tickets.module';
import { TicketsWorkerModule } from './modules/tickets/tickets-worker.module';
import { MailWorkerModule } from './modules/mail/mail-worker.module';

/** The worker's module graph: same infrastructure and business modules, BullMQ instead of HTTP. */
@Module({})
export class WorkerModule {
  /** `runJobs: false` builds the graph without consuming queues or scheduling jobs (tests drive processors by hand). */
  static register(config: AppConfig, options: WorkerOptions = { runJobs: true }): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        InfraModule.forRoot(config, 'worker'),
        JobsModule,
        WorkerJobsModule.register(options),
        OutboxWorkerModule,
        MailWorkerModule,
        TicketsModule,
        TicketsWorkerModule,
      ],
    };
  }
}

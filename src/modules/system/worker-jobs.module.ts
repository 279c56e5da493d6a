import { type DynamicModule, Module } from '@nestjs/common';
import { SystemProcessor } from './system.processor';
import { WORKER_OPTIONS, WorkerRunner, type WorkerOptions } from './worker-runner';

/** Worker-only wiring: this module's processors and the BullMQ runner (the registry is global). */
@Module({})
export class WorkerJobsModule {
  static register(options: WorkerOptions): DynamicModule {
    return {
      module: WorkerJobsModule,
      providers: [SystemProcessor, WorkerRunner, { provide: WORKER_OPTIONS, useValue: options }],
      exports: [SystemProcessor, WorkerRunner],
    };
  }
}

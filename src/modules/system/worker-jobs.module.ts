import { Module } from '@nestjs/common';
import { SystemProcessor } from './system.processor';
import { WorkerRunner } from './worker-runner';

/** Worker-only wiring: this module's processors and the BullMQ runner (the registry is global). */
@Module({ providers: [SystemProcessor, WorkerRunner], exports: [SystemProcessor, WorkerRunner] })
export class WorkerJobsModule {}

import { Module } from '@nestjs/common';
import { JobRegistry } from './job-registry';
import { SystemProcessor } from './system.processor';
import { WorkerRunner } from './worker-runner';

/** Worker-only wiring: the registry, this module's processors and the BullMQ runner. */
@Module({ providers: [JobRegistry, SystemProcessor, WorkerRunner], exports: [JobRegistry, SystemProcessor, WorkerRunner] })
export class WorkerJobsModule {}

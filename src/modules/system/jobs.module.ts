import { Global, Module } from '@nestjs/common';
import { JobRegistry } from './job-registry';

/** The worker's job registry, global so each module's *.processor.ts can register its handlers. */
@Global()
@Module({ providers: [JobRegistry], exports: [JobRegistry] })
export class JobsModule {}

import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { JobName } from './jobs';

export type JobHandler = (job: Job) => Promise<unknown>;

/** Modules register thin handlers here (from their *.processor.ts); the worker runner dispatches by job name. */
@Injectable()
export class JobRegistry {
  private readonly handlers = new Map<string, JobHandler>();

  register(name: JobName, handler: JobHandler): void {
    if (this.handlers.has(name)) throw new Error(`Job ${name} already has a handler`);
    this.handlers.set(name, handler);
  }

  /** Test seams may register names outside JOBS (e.g. to observe shutdown); production code uses JobName. */
  registerAny(name: string, handler: JobHandler): void {
    this.handlers.set(name, handler);
  }

  get(name: string): JobHandler | undefined {
    return this.handlers.get(name);
  }

  names(): string[] {
    return [...this.handlers.keys()];
  }
}

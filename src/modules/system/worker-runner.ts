import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, UnrecoverableError, Worker, type ConnectionOptions } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { MesaError } from '../../common/errors/mesa-error';
import { JobRegistry } from './job-registry';
import { JOB_QUEUE, JOBS, QUEUES, type JobName, type QueueName } from './jobs';

export const HEARTBEAT_EVERY_MS = 30_000;
export const SWEEP_EVERY_MS = 5 * 60_000;
// Notifications wait at most this long after their change commits.
export const OUTBOX_RELAY_EVERY_MS = 2_000;
export const MAIL_SEND_EVERY_MS = 2_000;
// Orphan blobs only cost disk space; the grace period, not this, bounds how young one can be.
export const ATTACHMENTS_SWEEP_EVERY_MS = 60 * 60_000;
// "Pendiente hasta" reminders fire within this long of their instant.
export const TICKETS_REMIND_EVERY_MS = 60_000;

/** The repeatable jobs and how often each runs; the frequent ones keep only recent history. */
const SCHEDULES: { job: JobName; every: number; keepHistory: boolean }[] = [
  { job: JOBS.systemHeartbeat, every: HEARTBEAT_EVERY_MS, keepHistory: true },
  { job: JOBS.systemSweep, every: SWEEP_EVERY_MS, keepHistory: true },
  { job: JOBS.outboxRelay, every: OUTBOX_RELAY_EVERY_MS, keepHistory: false },
  { job: JOBS.mailSend, every: MAIL_SEND_EVERY_MS, keepHistory: false },
  { job: JOBS.attachmentsSweep, every: ATTACHMENTS_SWEEP_EVERY_MS, keepHistory: true },
  { job: JOBS.ticketsRemind, every: TICKETS_REMIND_EVERY_MS, keepHistory: false },
];

/** `runJobs: false`: the handlers are registered and checked, but no queue is consumed and nothing is scheduled. */
export type WorkerOptions = { runJobs: boolean };
export const WORKER_OPTIONS = Symbol('WORKER_OPTIONS');

export function bullConnection(config: AppConfig): ConnectionOptions {
  const url = new URL(config.redis.url);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : undefined,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    // BullMQ workers block on Redis: they must retry forever rather than fail requests.
    maxRetriesPerRequest: null,
  };
}

/**
 * Worker-only: one BullMQ Worker per queue dispatching to the registry, plus the repeatable
 * system jobs. Shutdown (SIGTERM) closes the workers, which waits for running jobs to finish.
 */
@Injectable()
export class WorkerRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerRunner.name);
  private readonly workers: Worker[] = [];
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    private readonly registry: JobRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WORKER_OPTIONS) private readonly options: WorkerOptions = { runJobs: true },
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const missing = Object.values(JOBS).filter((name) => !this.registry.get(name));
    if (missing.length) throw new Error(`Jobs without a handler: ${missing.join(', ')}`);
    if (!this.options.runJobs) return;
    const connection = bullConnection(this.config);
    for (const name of Object.values(QUEUES)) {
      const worker = new Worker(
        name,
        async (job) => {
          const handler = this.registry.get(job.name);
          if (!handler) throw new UnrecoverableError(`No handler for job ${job.name}`);
          try {
            return await handler(job);
          } catch (error) {
            if (error instanceof MesaError && !error.retryable) throw new UnrecoverableError(`${error.code}: ${error.message}`);
            throw error;
          }
        },
        { connection, prefix: this.config.redis.prefix, concurrency: 4 },
      );
      worker.on('failed', (job, err) => this.logger.warn({ job: job?.name, jobId: job?.id, err: err.message }, 'job failed'));
      worker.on('error', (err) => this.logger.error({ err: err.message }, 'worker error'));
      this.workers.push(worker);
      this.queues.set(name, new Queue(name, { connection, prefix: this.config.redis.prefix }));
    }
    for (const s of SCHEDULES) {
      await this.queue(JOB_QUEUE[s.job]).upsertJobScheduler(
        s.job,
        { every: s.every },
        { name: s.job, opts: s.keepHistory ? undefined : { removeOnComplete: 100, removeOnFail: 500 } },
      );
    }
    this.logger.log({ queues: Object.values(QUEUES), jobs: this.registry.names() }, 'worker started');
  }

  queue(name: QueueName): Queue {
    const q = this.queues.get(name);
    if (!q) throw new Error(`Queue ${name} is not open`);
    return q;
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    this.logger.log({ signal }, 'worker stopping: waiting for running jobs');
    await Promise.all(this.workers.map((w) => w.close()));
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.logger.log('worker stopped');
  }
}

import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '../../src/config/config';
import { WorkerModule } from '../../src/worker.module';

/**
 * The worker's module graph with no queue consumed and nothing scheduled: the test calls the
 * processors itself (`relayBatch()`, `sendBatch()`, …), so no scheduler runs them behind its back.
 */
export function startWorkerByHand(config: AppConfig): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(WorkerModule.register(config, { runJobs: false }), { logger: false });
}

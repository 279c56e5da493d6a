import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createLogger, PinoNestLogger } from './common/infra/logging';
import { ConfigError, loadConfig } from './config/config';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.register(config), { logger: new PinoNestLogger(createLogger(config)) });
  // SIGTERM/SIGINT → onApplicationShutdown → BullMQ workers close after their running jobs finish.
  app.enableShutdownHooks();
  await app.init();
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import { createApi } from '../../src/api.factory';
import { type AppConfig, loadConfig } from '../../src/config/config';
import { createTestDatabase, TEST_REDIS_URL } from './databases';

export type TestApp = {
  app: INestApplication;
  url: string;
  dataSource: DataSource;
  config: AppConfig;
  databaseUrl: string;
  close(): Promise<void>;
};

export function testConfig(databaseUrl: string, env: Record<string, string> = {}): AppConfig {
  const prefix = `mesa_t_${randomBytes(4).toString('hex')}`;
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: prefix,
    // Files (attachments, .eml mail) go to a directory of this test's own, never the checkout's ./.mesa.
    DATA_DIR: join(tmpdir(), 'mesa-test-data', prefix),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // Cheap hashes keep the suite fast; production defaults are the OWASP argon2id baseline.
    ARGON2_MEMORY_KIB: '8192',
    ARGON2_TIME_COST: '1',
    // Suites create many tickets per user quickly; the write-limit test sets its own.
    RATE_LIMIT_TICKET_CREATES: '100000',
    RATE_LIMIT_REPLIES: '100000',
    RATE_LIMIT_UPLOADS: '100000',
    RATE_LIMIT_TOKEN_CREATES: '100000',
    ...env,
  });
}

/** Deletes every Redis key under a test's prefix. */
export async function clearRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** A real API on a random port with its own freshly migrated database and Redis key prefix. */
export async function createTestApp(options: { env?: Record<string, string>; logStream?: DestinationStream } = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  let app: INestApplication | undefined;
  let config: AppConfig | undefined;
  try {
    config = testConfig(db.url, options.env);
    app = await createApi(config, { logStream: options.logStream });
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    // A boot that fails (bad config, a module that throws) must not leave its database behind.
    await app?.close().catch(() => undefined);
    if (config) await clearRedisPrefix(config.redis.prefix);
    await db.drop();
    throw error;
  }
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    url: `http://127.0.0.1:${address.port}`,
    dataSource: app.get(DataSource),
    config,
    databaseUrl: db.url,
    async close() {
      await app.close();
      await clearRedisPrefix(config.redis.prefix);
      await db.drop();
    },
  };
}

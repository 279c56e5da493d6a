import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../src/database/data-source';
import { JobRegistry } from '../../src/modules/system/job-registry';
import { SWEEP_LOCK_KEY, SystemProcessor } from '../../src/modules/system/system.processor';
import { bullConnection, WorkerRunner } from '../../src/modules/system/worker-runner';
import { WorkerModule } from '../../src/worker.module';
import { clearRedisPrefix, testConfig } from '../support/app';
import { createTestDatabase } from '../support/databases';
import { createUser } from '../support/factories';
import { startWorkerByHand } from '../support/worker';

async function until<T>(fn: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() - start > timeoutMs) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('Worker', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  async function startWorker(): Promise<{ app: INestApplicationContext; prefix: string }> {
    const config = testConfig(db.url);
    const app = await NestFactory.createApplicationContext(WorkerModule.register(config), { logger: false });
    await app.init();
    return { app, prefix: config.redis.prefix };
  }

  it('beats on start: the repeatable heartbeat job records the worker in PostgreSQL', async () => {
    const { app, prefix } = await startWorker();
    try {
      const workerId = app.get(SystemProcessor).workerId;
      const row = await until(async () => {
        const rows = await app.get(DataSource).query(`SELECT beats FROM worker_heartbeats WHERE worker_id = $1`, [workerId]);
        return rows[0] as { beats: number } | undefined;
      });
      expect(row.beats).toBeGreaterThanOrEqual(1);
      const q = app.get(WorkerRunner).queue('system');
      expect((await q.getJobSchedulers()).map((j) => j.key).sort()).toEqual([
        'attachments.sweep',
        'mail.send',
        'outbox.relay',
        'system.heartbeat',
        'system.sweep',
        'tickets.remind',
      ]);
      expect((await q.getWorkers()).length).toBeGreaterThan(0);
    } finally {
      await app.close();
      await clearRedisPrefix(prefix);
    }
  });

  it('finishes the running job before shutting down', async () => {
    const { app, prefix } = await startWorker();
    const events: string[] = [];
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    app.get(JobRegistry).registerAny('test.slow', async () => {
      events.push('job started');
      started();
      await new Promise((r) => setTimeout(r, 1500));
      events.push('job finished');
      return 'done';
    });
    const job = await app.get(WorkerRunner).queue('system').add('test.slow', {}, { jobId: 'test-slow-1' });
    await running;
    await app.close();
    events.push('closed');
    expect(events).toEqual(['job started', 'job finished', 'closed']);
    // The job is recorded as completed in Redis, not left active for another worker to redo.
    const q = new Queue('system', { connection: bullConnection(testConfig(db.url, { REDIS_PREFIX: prefix })), prefix });
    expect(await q.getJobState(job.id!)).toBe('completed');
    await q.close();
    await clearRedisPrefix(prefix);
  });

  it('sweeps expired sessions exactly once when delivered twice at the same time', async () => {
    // The processor alone, on its own connection pool: no scheduler may sweep behind the test's back.
    const ds = await createDataSource(db.url, { poolSize: 4 }).initialize();
    try {
      const processor = new SystemProcessor(new JobRegistry(), ds);
      const u = await createUser(ds, { roles: ['requester'] });
      await ds.query(
        `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at, last_seen_at) VALUES
         ('expired-1', $1, 'x', now() - interval '1 hour', now()), ('expired-2', $1, 'x', now() - interval '1 minute', now()),
         ('alive-1', $1, 'x', now() + interval '1 hour', now())`,
        [u.id],
      );
      const results = await Promise.all([processor.sweep(), processor.sweep()]);
      expect(results.reduce((n, r) => n + r.sessions, 0)).toBe(2);
      const left = await ds.query(`SELECT token_hash FROM sessions WHERE user_id = $1`, [u.id]);
      expect(left).toEqual([{ token_hash: 'alive-1' }]);
    } finally {
      await ds.destroy();
    }
  });

  it('skips the sweep, touching nothing, while another worker holds the sweep lock', async () => {
    // Deleting expired rows is idempotent by itself, so only a held lock shows the lock works.
    const ds = await createDataSource(db.url, { poolSize: 4 }).initialize();
    const other = ds.createQueryRunner();
    try {
      const processor = new SystemProcessor(new JobRegistry(), ds);
      const u = await createUser(ds, { roles: ['requester'] });
      await ds.query(
        `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at, last_seen_at) VALUES ('expired-locked', $1, 'x', now() - interval '1 hour', now())`,
        [u.id],
      );
      await other.connect();
      await other.query(`SELECT pg_advisory_lock($1)`, [SWEEP_LOCK_KEY]);
      expect(await processor.sweep()).toEqual({ skipped: true, sessions: 0, heartbeats: 0 });
      expect(await ds.query(`SELECT token_hash FROM sessions WHERE user_id = $1`, [u.id])).toEqual([{ token_hash: 'expired-locked' }]);
      await other.query(`SELECT pg_advisory_unlock($1)`, [SWEEP_LOCK_KEY]);
      expect(await processor.sweep()).toMatchObject({ skipped: false, sessions: 1 });
    } finally {
      await other.release();
      await ds.destroy();
    }
  });

  it('started by hand, consumes no queue and schedules nothing', async () => {
    const config = testConfig(db.url);
    const app = await startWorkerByHand(config);
    try {
      const q = new Queue('system', { connection: bullConnection(config), prefix: config.redis.prefix });
      try {
        expect(await q.getJobSchedulers()).toEqual([]);
        expect(await q.getWorkers()).toEqual([]);
      } finally {
        await q.close();
      }
    } finally {
      await app.close();
      await clearRedisPrefix(config.redis.prefix);
    }
  });

  it('refuses to start when a job has no handler', async () => {
    const runner = new WorkerRunner(new JobRegistry(), testConfig(db.url));
    await expect(runner.onApplicationBootstrap()).rejects.toThrow(/Jobs without a handler: system.heartbeat, system.sweep, outbox.relay/);
  });
});

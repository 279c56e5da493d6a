import { Injectable, type OnModuleInit } from '@nestjs/common';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';
import { SessionsService } from '../identity/sessions.service';
import { JobRegistry } from './job-registry';
import { JOBS } from './jobs';

// Arbitrary constant key for pg_try_advisory_xact_lock: only one worker sweeps at a time.
export const SWEEP_LOCK_KEY = 4_242_001;

@Injectable()
export class SystemProcessor implements OnModuleInit {
  readonly workerId = `${hostname()}-${process.pid}`;
  private readonly startedAt = new Date();

  constructor(
    private readonly registry: JobRegistry,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.register(JOBS.systemHeartbeat, () => this.heartbeat());
    this.registry.register(JOBS.systemSweep, () => this.sweep());
  }

  /** Records that this worker is alive; /api/ready and operators read worker_heartbeats. */
  async heartbeat(): Promise<{ workerId: string }> {
    await this.dataSource.query(
      `INSERT INTO worker_heartbeats (worker_id, started_at, last_beat_at, beats) VALUES ($1, $2, now(), 1)
       ON CONFLICT (worker_id) DO UPDATE SET last_beat_at = now(), beats = worker_heartbeats.beats + 1`,
      [this.workerId, this.startedAt],
    );
    return { workerId: this.workerId };
  }

  /**
   * Housekeeping that must survive Redis losing its data: expired sessions, stale heartbeats.
   * Modules whose timers wake through BullMQ delayed jobs (SLA) re-arm them from PostgreSQL here;
   * the outbox needs nothing, its relay is a repeatable job that reads PostgreSQL each time.
   */
  async sweep(): Promise<{ skipped: boolean; sessions: number; heartbeats: number }> {
    return this.dataSource.transaction(async (m) => {
      const [{ locked }] = (await m.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [SWEEP_LOCK_KEY])) as { locked: boolean }[];
      if (!locked) return { skipped: true, sessions: 0, heartbeats: 0 };
      // Sessions are identity's table: identity deletes them, the sweep only holds the lock.
      const sessions = await SessionsService.deleteExpired(m);
      const [, heartbeats] = (await m.query(`DELETE FROM worker_heartbeats WHERE last_beat_at < now() - interval '1 day'`)) as [unknown, number];
      return { skipped: false, sessions, heartbeats };
    });
  }
}

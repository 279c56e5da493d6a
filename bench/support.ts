import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { API_NODE_ARGS } from '../src/config/runtime';

export const ROOT = join(__dirname, '..', '..');

export type Target = { what: string; value: number; limit: number; met: boolean };

/** The machine-readable last line every benchmark prints. */
export function benchLine(name: string, targets: Target[], extra: Record<string, unknown> = {}): string {
  return `BENCH ${JSON.stringify({ name, targets, ...extra })}`;
}

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => ok(port));
    });
  });
}

/** A throwaway database on the machine's PostgreSQL; drop() removes it even if sessions remain. */
export async function createScratchDatabase(adminUrl: string, name: string): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

export type ApiProcess = { child: ChildProcess; pid: number; output: () => string; stop(): Promise<void> };

/**
 * Runs `node dist/src/main.js` and waits until /api/ready answers 200. BENCH_API_NODE_ARGS adds
 * node flags to the API child (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where its time goes).
 */
export async function startApi(
  env: NodeJS.ProcessEnv,
  port: number,
  nodeArgs: string[] = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean),
): Promise<ApiProcess> {
  // The flags the API runs with in production (npm start, docker-compose), then the bench's own.
  const child = spawn(process.execPath, [...API_NODE_ARGS, ...nodeArgs, join(ROOT, 'dist', 'src', 'main.js')], {
    cwd: ROOT,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Keep only the tail: enough to explain a failed start, without holding the whole log.
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const inTime = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
    if (!inTime) {
      child.kill('SIGKILL');
      await exited;
    }
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited during start (code ${child.exitCode}):\n${tail}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/ready`, { signal: AbortSignal.timeout(2000) });
      if (r.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the API did not become ready within 60 s:\n${tail}`);
    }
    await sleep(200);
  }
  return { child, pid: child.pid!, output: () => tail, stop };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Resident memory of a process in MiB, from /proc/<pid>/status (VmRSS is in kB). */
export function rssMb(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for pid ${pid}`);
  return Math.round((Number(match[1]) / 1024) * 10) / 10;
}

/** Load averages, which show what else kept the machine busy around a run. */
export function describeLoad(label: string): string {
  const [one, five, fifteen] = loadavg().map((n) => n.toFixed(2));
  return `${label}: load average ${one} / ${five} / ${fifteen} (1/5/15 min) on ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`;
}

type CpuSnapshot = Map<number, { name: string; ticks: number; cmdline?: string }>;

/** CPU time used so far by every process (utime + stime from /proc/<pid>/stat). */
export function cpuSnapshot(): CpuSnapshot {
  const snapshot: CpuSnapshot = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // comm is in parentheses and may contain spaces; the fields after it are fixed.
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' ');
      // The command line too: a process may be gone when the snapshot is read (pool clients closed).
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      snapshot.set(Number(entry), { name: stat.slice(stat.indexOf('(') + 1, close), ticks: Number(fields[11]) + Number(fields[12]), cmdline });
    } catch {
      // exited meanwhile
    }
  }
  return snapshot;
}

/** The processes that used the most CPU between two snapshots, as % of one core. */
export function busiestBetween(before: CpuSnapshot, after: CpuSnapshot, seconds: number, labels: Record<number, string>): string {
  const ticksPerSecond = 100; // USER_HZ on Linux
  const rows = [...after].map(([pid, { name, ticks }]) => ({ pid, name, used: ticks - (before.get(pid)?.ticks ?? 0) }));
  return rows
    .filter((r) => r.used > 0)
    .sort((a, b) => b.used - a.used)
    .slice(0, 8)
    .map((r) => `    ${String(Math.round((r.used / ticksPerSecond / seconds) * 100)).padStart(4)}%  ${String(r.pid).padStart(7)}  ${labels[r.pid] ?? r.name}`)
    .join('\n');
}

/** Deletes the Redis keys a benchmark's API wrote under its own prefix. */
export async function dropRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** The environment the API child runs with in benchmarks (production mode, no secure cookies). */
export function apiEnv(databaseUrl: string, redisUrl: string, redisPrefix: string, logLevel: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    LOG_LEVEL: logLevel,
    COOKIE_SECURE: 'false',
    DATA_DIR: `/tmp/${redisPrefix}`,
  };
}

/** Nearest-rank percentile of unsorted samples. */
export function percentile(samples: number[], p: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * CPU between two snapshots summed per group (e.g. "API", "postgres backends of the bench DB",
 * "other postgres", "jest", "next build"), as % of one core; `classify` sees the command line.
 */
export function cpuByGroup(before: CpuSnapshot, after: CpuSnapshot, seconds: number, classify: (pid: number, name: string, cmdline: string) => string): string {
  const totals = new Map<string, number>();
  for (const [pid, { name, ticks, cmdline = '' }] of after) {
    const used = ticks - (before.get(pid)?.ticks ?? 0);
    if (used <= 0) continue;
    const group = classify(pid, name, cmdline);
    totals.set(group, (totals.get(group) ?? 0) + used);
  }
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .filter(([, used]) => used / 100 / seconds >= 0.01)
    .map(([group, used]) => `    ${String(Math.round((used / 100 / seconds) * 100)).padStart(4)}%  ${group}`)
    .join('\n');
}

/** A classifier for cpuByGroup: our API, our database's backends, and everything else by name. */
export function benchClassifier(labels: Record<number, string>, database: string): (pid: number, name: string, cmdline: string) => string {
  return (pid, name, cmdline) => {
    if (labels[pid]) return labels[pid];
    if (cmdline.startsWith('postgres:'))
      return cmdline.includes(` ${database} `) ? `postgres backends of ${database}` : 'postgres (other databases, background)';
    if (/jest/.test(cmdline)) return 'jest (other work on this machine)';
    if (/next/.test(cmdline)) return 'next (other work on this machine)';
    if (/node/.test(name)) return 'other node processes';
    return name;
  };
}

/** CPU seconds used between two snapshots by the processes `match` selects (reads their command lines). */
export function cpuSecondsWhere(before: CpuSnapshot, after: CpuSnapshot, match: (pid: number, name: string, cmdline: string) => boolean): number {
  let ticks = 0;
  for (const [pid, { name, ticks: t, cmdline = '' }] of after) {
    if (match(pid, name, cmdline)) ticks += t - (before.get(pid)?.ticks ?? 0);
  }
  return ticks / 100;
}

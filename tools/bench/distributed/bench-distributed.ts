import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import autocannon from 'autocannon';
import { Kafka, logLevel } from 'kafkajs';
import { createConnection } from 'mongoose';
import { issueToken } from '@ebp/shared-auth';
import { TICKET_CHANNELS, TICKET_KINDS } from '@ebp/service-desk-domain';
import { resolveEngines, stopEngines, type EngineName, type Engines } from './engines';
import type { DistributedLagProbeInput, DistributedLagProbeMessage, DistributedLagProbeOutput } from './lag-probe';
import { appendEvents, runRelay, type Appended, type RelayRun } from './relay-throughput';
import {
  arrayField,
  ascending,
  children,
  cpuSeconds,
  envInt,
  expectStatus,
  fmt,
  freePort,
  http,
  killAllNow,
  log,
  numberField,
  peakRssMb,
  percentile,
  printTable,
  spawnNode,
  stopChild,
  waitFor,
  type Child,
  type Row,
} from './support';

/*
 * `npm run bench:distributed`: a bounded, loopback-only benchmark of the distributed mode —
 * service-desk-api → SQLite event store → relay → Kafka → projector → MongoDB protocol store
 * (FerretDB under tools/engines) → query-api. Prints figures and writes
 * tmp/bench-distributed-result.json; it asserts nothing and exits 0 unless a step fails.
 *
 *  1. commands/s and latency: the four apps as child processes, autocannon on service-desk-api
 *     registering tickets;
 *  2. projection lag: sampled RegisterTicket commands, 2xx → visible via query-api, during the load
 *     and on the idle stack afterwards, plus how long the backlog took to drain after the load;
 *  3. the relay's publish rate in-process, batchSize 1 (one event per sendBatch) vs batched;
 *  4. peak RSS (VmHWM) and CPU time of each app.
 *
 * Engines: KAFKA_BROKERS and MONGO_URL when set, otherwise tools/engines/start (and only what it
 * started is stopped at the end). Everything the run creates is its own and is removed: topics
 * `ebp-bench-<id>.*`, consumer group, database `<db>_bench_<id>`, temp dir.
 *
 * Knobs (environment): BENCH_DURATION seconds of load (10), BENCH_CONNECTIONS (32),
 * BENCH_WARMUP requests (1000), BENCH_LAG_SAMPLES during the load (300), BENCH_IDLE_LAG_SAMPLES
 * (100), BENCH_LAG_POLL_MS (5), BENCH_RELAY_EVENTS (20000), BENCH_RELAY_LIMIT seconds per relay
 * run (60), BENCH_RELAY_BATCH (500).
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
const WARMUP_REQUESTS = envInt('BENCH_WARMUP', 1000);
const LAG_SAMPLES = envInt('BENCH_LAG_SAMPLES', 300);
const IDLE_LAG_SAMPLES = envInt('BENCH_IDLE_LAG_SAMPLES', 100);
const LAG_POLL_MS = envInt('BENCH_LAG_POLL_MS', 5);
const RELAY_EVENTS = envInt('BENCH_RELAY_EVENTS', 20_000);
const RELAY_LIMIT_S = envInt('BENCH_RELAY_LIMIT', 60);
const RELAY_BATCH = envInt('BENCH_RELAY_BATCH', 500);
const LAG_CONCURRENCY = 4;
const POLL_TIMEOUT_MS = 60_000;

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

interface CleanupReport {
  topicsDeleted: string[];
  groupDeleted: boolean;
  databaseDropped: string | null;
  enginesStopped: EngineName[];
  problems: string[];
}

/** A database of its own per run, so runs never see each other's documents. */
function isolatedMongoUrl(url: string, suffix: string): string {
  const parsed = new URL(url);
  const base = parsed.pathname.replace(/^\//, '') || 'ebp';
  parsed.pathname = `/${base}_${suffix}`;
  return parsed.toString();
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function deleteKafkaResources(brokers: string, report: CleanupReport): Promise<void> {
  const kafka = new Kafka({ brokers: brokers.split(',').map((b) => b.trim()), clientId: `ebp-bench-${runId}-cleanup`, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(topicPrefix));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30_000 });
    report.topicsDeleted = topics;
    try {
      await admin.deleteGroups([projectorGroup]);
      report.groupDeleted = true;
    } catch (error) {
      // A group that never committed may not exist; anything else is worth a line.
      const message = error instanceof Error ? error.message : String(error);
      if (!/does not exist|GROUP_ID_NOT_FOUND/i.test(message)) report.problems.push(`delete group ${projectorGroup}: ${message}`);
    }
  } finally {
    await admin.disconnect();
  }
}

async function dropDatabase(url: string, report: CleanupReport): Promise<void> {
  const connection = createConnection(url, { serverSelectionTimeoutMS: 10_000 });
  try {
    await connection.asPromise();
    await connection.dropDatabase();
    report.databaseDropped = connection.name;
  } finally {
    await connection.close().catch(() => undefined);
  }
}

/** Stops children and workers, deletes the run's topics, group and database, stops engines this run started. Once. */
function cleanUp(): Promise<CleanupReport> {
  cleanedUp ??= (async () => {
    const report: CleanupReport = { topicsDeleted: [], groupDeleted: false, databaseDropped: null, enginesStopped: [], problems: [] };
    await Promise.all([...children].map((c) => stopChild(c, 5_000)));
    await Promise.all([...workers].map((w) => w.terminate()));
    const attempt = async (what: string, work: () => Promise<void>): Promise<void> => {
      try {
        await withTimeout(work(), 45_000, what);
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

function registerRequest(seeded: Seeded): autocannon.Request {
  return {
    method: 'POST',
    path: '/service-desk/tickets',
    setupRequest: (request) => ({
      ...request,
      headers: { ...request.headers, authorization: `Bearer ${pick(seeded.csTokens)}`, 'content-type': 'application/json' },
      body: pick(seeded.registerBodies),
    }),
  };
}

const created = (result: autocannon.Result): number => result.statusCodeStats['201']?.count ?? 0;

interface LagRun {
  acked: () => number;
  done: Promise<DistributedLagProbeOutput>;
}

function runLagProbe(input: DistributedLagProbeInput, limitMs: number): LagRun {
  const worker = new Worker(LAG_PROBE, { workerData: input });
  workers.add(worker);
  let acked = 0;
  let timer: NodeJS.Timeout | undefined;
  const done = new Promise<DistributedLagProbeOutput>((resolveLag, reject) => {
    timer = setTimeout(() => reject(new Error(`lag probe did not report within ${limitMs} ms`)), limitMs);
    worker.on('message', (message: DistributedLagProbeMessage) => {
      if (message.kind === 'acked') acked++;
      else resolveLag(message.output);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`lag probe exited with ${code} before reporting`)));
  }).finally(() => {
    clearTimeout(timer);
    workers.delete(worker);
    void worker.terminate();
  });
  return { acked: () => acked, done };
}

async function ticketTotal(stack: Stack, token: string): Promise<number> {
  return numberField((await http(stack['query-api'].url, 'GET', '/service-desk/tickets?pageSize=1', token)).body, 'total');
}

/** Waits until query-api counts at least `expected()` tickets; resolves with the ms it took. */
async function drain(stack: Stack, token: string, expected: () => number, timeoutMs: number): Promise<number> {
  const started = performance.now();
  await waitFor(`query-api to show ${expected()} tickets`, async () => (await ticketTotal(stack, token)) >= expected(), timeoutMs, APPS.map((n) => stack[n].child), 50);
  return performance.now() - started;
}

interface LagSummary {
  samples: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  meanPolls: number;
  commandP50Ms: number;
  timeouts: number;
  failedCommands: number;
  failureStatuses: Record<string, number>;
}

function summarise(output: DistributedLagProbeOutput): LagSummary {
  const lags = ascending(output.samples.map((s) => s.lagMs));
  const commands = ascending(output.samples.map((s) => s.commandMs));
  return {
    samples: lags.length,
    p50Ms: percentile(lags, 50),
    p90Ms: percentile(lags, 90),
    p99Ms: percentile(lags, 99),
    maxMs: lags[lags.length - 1] ?? NaN,
    meanPolls: output.samples.reduce((n, s) => n + s.polls, 0) / Math.max(1, output.samples.length),
    commandP50Ms: percentile(commands, 50),
    timeouts: output.timeouts,
    failedCommands: output.failedCommands,
    failureStatuses: output.failureStatuses,
  };
}

// ───────────────────────────── the run ─────────────────────────────

type PerApp<T> = Record<AppName, T>;
const perApp = <T>(f: (name: AppName) => T): PerApp<T> => Object.fromEntries(APPS.map((name) => [name, f(name)])) as PerApp<T>;

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
  log(`Kafka ${engines.kafkaBrokers} (${engines.source.kafka}), MongoDB protocol ${mongoUrl} (${engines.source.mongo})${startedEngines.length ? `; started ${startedEngines.join(', ')}` : ''}`);

  // 1. the four apps
  const jwtSecret = randomBytes(32).toString('base64url');
  const appEnv: Record<string, string> = {
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
  };
  mkdirSync(join(tempRoot, 'stack'));
  const { stack, readyMs } = await startStack(appEnv);
  log(`apps ready in ${fmt(readyMs)} ms: ${APPS.map((n) => `${n} ${stack[n].url} (pid ${stack[n].child.process.pid})`).join(', ')}`);
  const seeded = await seed(stack, jwtSecret);
  log(`seeded staff, customers and projects; visible through query-api after ${fmt(seeded.millis)} ms`);
  const commandUrl = stack['service-desk-api'].url;

  // warm-up: JIT, connections, SQLite and the Kafka/Mongo paths; then let the pipeline drain
  const warmup = await autocannon({ url: commandUrl, connections: CONNECTIONS, amount: WARMUP_REQUESTS, requests: [registerRequest(seeded)] });
  log(`warm-up: ${created(warmup)} tickets (${fmt(created(warmup) / warmup.duration)}/s), ${warmup.non2xx} non-2xx, ${warmup.errors} errors`);
  if (created(warmup) === 0) throw new Error(`warm-up registered no ticket: status codes ${JSON.stringify(warmup.statusCodeStats)}`);
  const warmupDrainMs = await drain(stack, seeded.officeToken, () => created(warmup), 120_000);
  log(`warm-up tickets all visible through query-api ${fmt(warmupDrainMs)} ms after the warm-up`);

  // 2. command load, with the lag probe alongside
  const cpuBefore = perApp((name) => cpuSeconds(stack[name].child.process.pid));
  log(`command load: RegisterTicket, ${CONNECTIONS} connections × ${DURATION_S} s; lag probe ${LAG_SAMPLES} samples, ${LAG_CONCURRENCY} at a time, GET every ${LAG_POLL_MS} ms …`);
  const loadEndsAt = Date.now() + DURATION_S * 1000;
  const probeInput = {
    commandUrl,
    queryUrl: stack['query-api'].url,
    tokens: seeded.csTokens,
    bodies: seeded.registerBodies,
    pollIntervalMs: LAG_POLL_MS,
    pollTimeoutMs: POLL_TIMEOUT_MS,
  };
  const duringProbe = runLagProbe(
    { ...probeInput, samples: LAG_SAMPLES, concurrency: LAG_CONCURRENCY, spreadMs: DURATION_S * 1000 * 0.95, stopIssuingAt: loadEndsAt },
    DURATION_S * 1000 + POLL_TIMEOUT_MS + 30_000,
  );
  const load = await autocannon({ url: commandUrl, connections: CONNECTIONS, duration: DURATION_S, requests: [registerRequest(seeded)] });
  const loadEnded = performance.now();
  const loadAverageAfterLoad = loadavg()[0];
  const cpuLoad = perApp((name) => cpuSeconds(stack[name].child.process.pid) - cpuBefore[name]);
  const commandsPerSec = load['2xx'] / load.duration;
  const nonOk = Object.entries(load.statusCodeStats).filter(([code]) => !code.startsWith('2'));
  log(`load: ${load['2xx']} commands in ${fmt(load.duration, 1)} s (${fmt(commandsPerSec)}/s); non-2xx ${load.non2xx} ${JSON.stringify(Object.fromEntries(nonOk.map(([c, s]) => [c, s.count])))}; errors ${load.errors}`);

  // backlog: every ticket acknowledged so far visible through query-api
  const expectedTickets = (): number => created(warmup) + created(load) + duringProbe.acked();
  await drain(stack, seeded.officeToken, expectedTickets, 180_000);
  const backlogDrainMs = performance.now() - loadEnded;
  log(`backlog drained ${fmt(backlogDrainMs)} ms after the load ended (${expectedTickets()} tickets visible)`);
  const during = summarise(await duringProbe.done);
  log(`lag during load: ${during.samples} samples, p50 ${fmt(during.p50Ms, 1)} ms, p99 ${fmt(during.p99Ms, 1)} ms, ${during.timeouts} timeouts, ${during.failedCommands} failed commands`);

  // idle lag: the stack with nothing else to do
  const idleProbe = runLagProbe(
    { ...probeInput, samples: IDLE_LAG_SAMPLES, concurrency: 1, spreadMs: 0, stopIssuingAt: Date.now() + 120_000 },
    IDLE_LAG_SAMPLES * 5_000 + 60_000,
  );
  const idle = summarise(await idleProbe.done);
  log(`lag after load (idle): ${idle.samples} samples, p50 ${fmt(idle.p50Ms, 1)} ms, p99 ${fmt(idle.p99Ms, 1)} ms`);

  // 4. peak RSS and CPU of each app, then stop them
  const rssMb = perApp((name) => peakRssMb(stack[name].child.process.pid));
  const cpuTotal = perApp((name) => cpuSeconds(stack[name].child.process.pid));
  const stopMs = await Promise.all(APPS.map((name) => stopChild(stack[name].child)));
  const exitCodes = perApp((name) => stack[name].child.process.exitCode);
  log(`apps stopped in ${stopMs.map((ms) => fmt(ms)).join(' / ')} ms; peak RSS ${APPS.map((n) => `${n} ${fmt(rssMb[n], 1)} MB`).join(', ')}`);

  // 3. relay publish rate, in-process, apps stopped
  const relayFile = join(tempRoot, 'relay', 'events.db');
  mkdirSync(join(tempRoot, 'relay'));
  const appended: Appended = await appendEvents(relayFile, RELAY_EVENTS);
  log(`relay data: ${appended.events} events appended in ${fmt(appended.millis)} ms (head ${appended.head}, ${fmt(appended.fileMb, 1)} MB)`);
  const relayRuns: RelayRun[] = [];
  for (const batchSize of [1, RELAY_BATCH]) {
    log(`relay batchSize ${batchSize}: publishing ${appended.events} events to Kafka (cut at ${RELAY_LIMIT_S} s) …`);
    const run = await runRelay({
      file: relayFile,
      brokers: engines.kafkaBrokers.split(',').map((b) => b.trim()),
      clientId: `ebp-bench-${runId}-relay-b${batchSize}`,
      topicPrefix: `${topicPrefix}relay-b${batchSize}.`,
      batchSize,
      head: appended.head,
      limitMs: RELAY_LIMIT_S * 1000,
    });
    relayRuns.push(run);
    log(`relay batchSize ${batchSize}: ${run.published} events in ${fmt(run.millis)} ms = ${fmt(run.eventsPerSec)} events/s over ${run.sendBatches} sendBatch calls${run.reachedHead ? '' : ' (cut by the time limit)'}`);
  }
  const [unbatched, batched] = relayRuns;
  const batchingSpeedup = batched.eventsPerSec / unbatched.eventsPerSec;

  const loadAtEnd = loadavg();
  const cleanup = await cleanUp();
  log(`cleanup: ${cleanup.topicsDeleted.length} topics deleted, group ${cleanup.groupDeleted ? 'deleted' : 'not deleted'}, database ${cleanup.databaseDropped ?? 'not dropped'}${cleanup.enginesStopped.length ? `, stopped ${cleanup.enginesStopped.join(', ')}` : ''}`);
  const totalSeconds = (performance.now() - benchStarted) / 1000;

  // report
  const appRow = (label: string, value: (name: AppName) => string): Row => ({ metric: label, value: APPS.map((n) => `${n} ${value(n)}`).join(', ') });
  const rows: Row[] = [
    { metric: 'commands/s (RegisterTicket 2xx)', value: fmt(commandsPerSec) },
    { metric: 'command latency p50 / p90 / p99 (ms)', value: `${fmt(load.latency.p50, 1)} / ${fmt(load.latency.p90, 1)} / ${fmt(load.latency.p99, 1)}` },
    { metric: 'command errors+timeouts / non-2xx', value: `${load.errors + load.timeouts} / ${load.non2xx}` },
    { metric: `projection lag during load p50 (ms, n=${during.samples})`, value: fmt(during.p50Ms, 1) },
    { metric: 'projection lag during load p99 (ms)', value: fmt(during.p99Ms, 1) },
    { metric: '  probe command p50 during load (ms)', value: fmt(during.commandP50Ms, 1) },
    { metric: 'backlog visible after load end (ms)', value: fmt(backlogDrainMs) },
    { metric: `projection lag after load p50 (ms, n=${idle.samples})`, value: fmt(idle.p50Ms, 1) },
    { metric: 'projection lag after load p99 (ms)', value: fmt(idle.p99Ms, 1) },
    { metric: '  GETs until visible, mean (load / after)', value: `${fmt(during.meanPolls, 1)} / ${fmt(idle.meanPolls, 1)}` },
    { metric: '  lag timeouts / failed probe commands', value: `${during.timeouts + idle.timeouts} / ${during.failedCommands + idle.failedCommands}` },
    {
      metric: `relay unbatched, batchSize 1 (events/s)`,
      value: `${fmt(unbatched.eventsPerSec)} (${fmt(unbatched.published)} in ${fmt(unbatched.millis / 1000, 2)} s${unbatched.reachedHead ? '' : ', cut'})`,
    },
    {
      metric: `relay batched, batchSize ${RELAY_BATCH} (events/s)`,
      value: `${fmt(batched.eventsPerSec)} (${fmt(batched.published)} in ${fmt(batched.millis / 1000, 2)} s, ${batched.sendBatches} batches)`,
    },
    { metric: 'relay batched ÷ unbatched', value: `${fmt(batchingSpeedup, 1)}×` },
    { metric: 'peak RSS MB', value: '' },
    ...APPS.map((name) => ({ metric: `  ${name}`, value: fmt(rssMb[name], 1) })),
    appRow('CPU s during the load', (n) => fmt(cpuLoad[n], 1)),
    { metric: 'apps start → ready (ms) / seed visible (ms)', value: `${fmt(readyMs)} / ${fmt(seeded.millis)}` },
  ];
  console.log('');
  console.log(`Distributed benchmark — ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${fmt(totalmem() / 2 ** 30, 1)} GiB, node ${process.version}`);
  console.log(
    `autocannon, lag probe, 4 apps, Kafka and FerretDB share this machine (loopback); event store SQLite FULL; ` +
      `load average (1 min) ${fmt(loadAtStart[0], 2)} at start, ${fmt(loadAverageAfterLoad, 2)} after the load, ${fmt(loadAtEnd[0], 2)} at end`,
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
      idleLagSamples: IDLE_LAG_SAMPLES,
      lagConcurrency: LAG_CONCURRENCY,
      lagPollMs: LAG_POLL_MS,
      relayEvents: RELAY_EVENTS,
      relayBatch: RELAY_BATCH,
      relayLimitSeconds: RELAY_LIMIT_S,
      eventStore: 'sqlite (FULL), file shared by service-desk-api and relay',
      topicPrefix,
      projectorGroup,
      database: cleanup.databaseDropped,
    },
    startup: { appsReadyMs: readyMs, seedVisibleMs: seeded.millis, warmupTickets: created(warmup), warmupDrainMs },
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
    projectionLag: { duringLoad: during, afterLoad: idle, backlogDrainAfterLoadMs: backlogDrainMs },
    relay: { appended, runs: relayRuns, batchedOverUnbatched: batchingSpeedup },
    apps: perApp((name) => ({ peakRssMb: rssMb[name], cpuSecondsDuringLoad: cpuLoad[name], cpuSecondsTotal: cpuTotal[name], exitCode: exitCodes[name] })),
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
    console.error('[bench:distributed] failed:', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => cleanUp());

import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import autocannon from 'autocannon';
import { issueToken } from '@ebp/shared-auth';
import { NO_STREAM, type NewEvent } from '@ebp/shared-eventsourcing';
import { SqliteEventStore } from '@ebp/shared-sqlite';
import {
  TICKET_CHANNELS,
  TICKET_KINDS,
  ticketStream,
  type TicketChannel,
  type TicketEvent,
  type TicketKind,
} from '@ebp/service-desk-domain';
import type { LagProbeInput, LagProbeOutput, LagSample } from './lag-probe';
import { isWorkingDay } from '@ebp/shared-kernel';
import { propertySalesBench } from './property-sales';
import { arrayField, envInt, expectStatus, fmt, freePort, http, numberField, peakRssMb, percentile } from './support';

/*
 * `npm run bench`: an automatic, bounded, loopback-only benchmark of the embedded platform.
 * Prints figures beside the issue's targets; it asserts nothing and exits 0 unless a step fails.
 *
 * Knobs (environment): BENCH_DURATION seconds per load run (10), BENCH_CONNECTIONS (32),
 * BENCH_LAG_SAMPLES (500), BENCH_REPLAY_TICKETS (30000, at least 100,000 events are appended),
 * BENCH_HR_STAFF staff of the HR month close (1000), BENCH_PS_UNITS units subscribed (6000),
 * BENCH_PS_SSE_SAMPLES board SSE samples (200),
 * BENCH_PLATFORM_NODE_ARGS extra node flags for the platform child (e.g. "--cpu-prof --cpu-prof-dir=tmp/prof").
 */

const ROOT = resolve(__dirname, '..', '..', '..');
const REGISTER_PATHS = join(ROOT, 'tools', 'node', 'register-paths.js');
const PLATFORM_MAIN = join(ROOT, 'dist', 'apps', 'platform', 'src', 'main.js');
const HELLO_MAIN = join(__dirname, 'hello.js');
const LAG_PROBE = join(__dirname, 'lag-probe.js');
const RESULT_FILE = join(ROOT, 'tmp', 'bench-result.json');

const DURATION_S = envInt('BENCH_DURATION', 10);
const CONNECTIONS = envInt('BENCH_CONNECTIONS', 32);
const LAG_SAMPLES = envInt('BENCH_LAG_SAMPLES', 500);
const REPLAY_TICKETS = envInt('BENCH_REPLAY_TICKETS', 30_000);
const REPLAY_MIN_EVENTS = 100_000;
const WARMUP_REQUESTS = 2_000;
const PLATFORM_NODE_ARGS = (process.env['BENCH_PLATFORM_NODE_ARGS'] ?? '').split(/\s+/).filter(Boolean);

const HR_STAFF = envInt('BENCH_HR_STAFF', 1000);
// A past month of the official calendar with 22 working days.
const HR_MONTH = '2026-03';

const TARGETS = {
  hrMonthCloseMs: 5000,
  commandsPerSec: 3000,
  commandP99Ms: 50,
  lagP99Ms: 200,
  replayEventsPerSec: 100_000,
  rssMb: 300,
};

// ───────────────────────────── HR month close ─────────────────────────────

interface HrClose {
  staff: number;
  importedRows: number;
  importMillis: number;
  closeMillis: number;
  payslips: number;
}

/**
 * HR-6 at scale: a platform of its own with BENCH_HR_STAFF staff, every working day of HR_MONTH
 * punched in through the punch-clock import, then the month closed and timed.
 */
async function hrMonthClose(dataDir: string, jwtSecret: string): Promise<HrClose> {
  const platform = await startPlatform(dataDir, jwtSecret);
  const hr = issueToken(jwtSecret, { userId: 'bench-hr', roles: ['hr-manager'] });
  const ids = Array.from({ length: HR_STAFF }, (_, i) => `bench-staff-${String(i).padStart(4, '0')}`);
  const hire = async (staffId: string, i: number) =>
    expectStatus(
      http(platform.url, 'POST', '/hr-attendance/employees', hr, {
        staffId,
        name: `Staff ${i}`,
        position: 'hotline agent',
        department: ['customer-service', 'technical-service', 'business-dept', 'office'][i % 4],
        managerId: i % 50 === 0 ? null : ids[i - (i % 50)],
        baseSalaryFen: 500_000 + (i % 7) * 25_000,
        hireDate: '2025-01-01',
      }),
      201,
      `hire ${staffId}`,
    );
  // Managers first: a manager must have a record before their team is hired (HR-1).
  const order = ids.map((id, i) => ({ id, i })).sort((a, b) => Number(b.i % 50 === 0) - Number(a.i % 50 === 0));
  for (let k = 0; k < order.length; k += CONNECTIONS) await Promise.all(order.slice(k, k + CONNECTIONS).map(({ id, i }) => hire(id, i)));
  const days: string[] = [];
  for (let d = 1; d <= 31; d++) {
    const date = `${HR_MONTH}-${String(d).padStart(2, '0')}`;
    if (isWorkingDay(date)) days.push(date);
  }
  const importStarted = performance.now();
  let importedRows = 0;
  const perRequest = Math.max(1, Math.floor(4000 / days.length));
  for (let i = 0; i < ids.length; i += perRequest) {
    const rows = ['staffId,date,signIn,signOut'];
    for (const id of ids.slice(i, i + perRequest)) days.forEach((date, k) => rows.push(`${id},${date},${(k + id.length) % 9 === 0 ? '08:47' : '08:2' + (k % 10)},17:3${k % 10}`));
    const r = await expectStatus(http(platform.url, 'POST', '/hr-attendance/attendance/imports', hr, rows.join('\n') + '\n', 'text/csv'), 200, 'import punches');
    importedRows += numberField(r.body, 'applied');
  }
  const importMillis = performance.now() - importStarted;
  // The close reads the employment records from the read model: wait until it has all of them.
  await waitFor('employees in the HR read model', async () => numberField((await http(platform.url, 'GET', '/hr-attendance/employees?pageSize=1', hr)).body, 'total') >= HR_STAFF, 60_000, platform.child);
  const closeStarted = performance.now();
  await expectStatus(http(platform.url, 'POST', `/hr-attendance/payroll/${HR_MONTH}/close`, hr, {}), 200, `close ${HR_MONTH}`);
  const closeMillis = performance.now() - closeStarted;
  const register = await expectStatus(http(platform.url, 'GET', `/hr-attendance/payroll/${HR_MONTH}`, hr), 200, 'payroll register');
  const payslips = arrayField(register.body, 'items').length;
  await stopChild(platform.child);
  return { staff: HR_STAFF, importedRows, importMillis, closeMillis, payslips };
}

// ───────────────────────────── child processes and cleanup ─────────────────────────────

interface Child {
  name: string;
  process: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

const children = new Set<Child>();
const workers = new Set<Worker>();
let tempRoot: string | undefined;
let cleanedUp = false;

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

function spawnChild(name: string, script: string, env: Record<string, string>, nodeArgs: string[] = []): Child {
  const child = spawn(process.execPath, [...nodeArgs, '-r', REGISTER_PATHS, script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 50) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const entry: Child = { name, process: child, output, exited };
  children.add(entry);
  void exited.then(() => children.delete(entry));
  return entry;
}

async function stopChild(child: Child, graceMs = 15_000): Promise<number> {
  const started = performance.now();
  if (child.process.exitCode === null && child.process.signalCode === null) {
    child.process.kill('SIGTERM');
    const timer = setTimeout(() => child.process.kill('SIGKILL'), graceMs);
    await child.exited;
    clearTimeout(timer);
  }
  return performance.now() - started;
}

/** Last resort on signals and exit: nothing asynchronous is left to run. */
function cleanUpNow(): void {
  if (cleanedUp) return;
  cleanedUp = true;
  for (const child of children) {
    if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
  }
  for (const worker of workers) void worker.terminate();
  if (tempRoot) rmSync(tempRoot, { recursive: true, force: true });
}

async function cleanUp(): Promise<void> {
  await Promise.all([...children].map((c) => stopChild(c, 5_000)));
  await Promise.all([...workers].map((w) => w.terminate()));
  cleanUpNow();
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping children and removing ${tempRoot ?? 'the temp dir'}`);
    cleanUpNow();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}
process.once('exit', cleanUpNow);

// ───────────────────────────── HTTP helpers ─────────────────────────────

async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs: number, child?: Child): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (child && (child.process.exitCode !== null || child.process.signalCode !== null)) {
      throw new Error(`${child.name} exited (${child.process.exitCode ?? child.process.signalCode}) while waiting for ${what}:\n${child.output.join('')}`);
    }
    try {
      if (await probe()) return;
    } catch {
      // not up yet
    }
    if (performance.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${child ? `\n${child.output.join('')}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Peak resident set size (VmHWM) of a live process, in MB. */
// ───────────────────────────── the platform under test ─────────────────────────────

interface Platform {
  child: Child;
  url: string;
  readyMs: number;
}

async function startPlatform(dataDir: string, jwtSecret: string): Promise<Platform> {
  const port = await freePort();
  const started = performance.now();
  const child = spawnChild('platform', PLATFORM_MAIN, {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    JWT_SECRET: jwtSecret,
    EVENT_STORE_SYNC: 'FULL',
    LOG_LEVEL: 'silent',
  }, PLATFORM_NODE_ARGS);
  const url = `http://127.0.0.1:${port}`;
  await waitFor('platform /health/ready', async () => (await http(url, 'GET', '/health/ready')).status === 200, 180_000, child);
  return { child, url, readyMs: performance.now() - started };
}

const STAFF = {
  office: { staffId: 'bench-office', name: 'Sun Li', department: 'office', roles: ['office'], isDepartmentManager: true },
  gm: { staffId: 'bench-gm', name: 'Zhao Min', department: 'management', roles: ['general-manager'], isDepartmentManager: true },
  tsManager: { staffId: 'bench-ts-wang', name: 'Wang Wei', department: 'technical-service', roles: ['technical-service'], isDepartmentManager: true },
  ts: { staffId: 'bench-ts-liu', name: 'Liu Yang', department: 'technical-service', roles: ['technical-service'] },
  bdManager: { staffId: 'bench-bd-zhang', name: 'Zhang Jun', department: 'business-dept', roles: ['business-dept'], isDepartmentManager: true },
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
}

async function seed(url: string, jwtSecret: string): Promise<Seeded> {
  const officeToken = issueToken(jwtSecret, { userId: STAFF.office.staffId, roles: ['office'] });
  const staff = [STAFF.office, STAFF.gm, STAFF.tsManager, STAFF.ts, STAFF.bdManager, ...STAFF.cs];
  for (const s of staff) await expectStatus(http(url, 'POST', '/service-desk/staff', officeToken, s), 201, `register staff ${s.staffId}`);
  for (const c of CUSTOMERS) {
    await expectStatus(
      http(url, 'POST', '/service-desk/customers', officeToken, {
        customerId: c.customerId,
        name: c.name,
        contact: { person: 'Fang Qiang', phone: '0571-8888-0000' },
        sites: [{ siteId: 'main', name: 'Main site', responseTimeMinutes: 120 }],
      }),
      201,
      `register customer ${c.customerId}`,
    );
  }
  // A project names a customer the read model must already know.
  await waitFor('customers in the read model', async () => {
    const r = await http(url, 'GET', '/service-desk/customers?pageSize=500', officeToken);
    return numberField(r.body, 'total') >= CUSTOMERS.length;
  }, 10_000);
  for (const c of CUSTOMERS) {
    for (const projectId of c.projects) {
      await expectStatus(
        http(url, 'POST', '/service-desk/projects', officeToken, { projectId, name: `Project ${projectId}`, customerId: c.customerId, businessSignerId: STAFF.bdManager.staffId }),
        201,
        `register project ${projectId}`,
      );
    }
  }
  const projectCount = CUSTOMERS.reduce((n, c) => n + c.projects.length, 0);
  await waitFor('staff and projects in the read model', async () => {
    const s = await http(url, 'GET', '/service-desk/staff', officeToken);
    const p = await http(url, 'GET', '/service-desk/projects?pageSize=500', officeToken);
    const items = (s.body as { items?: unknown[] }).items ?? [];
    return items.length >= staff.length && numberField(p.body, 'total') >= projectCount;
  }, 10_000);

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
  return { officeToken, csTokens, registerBodies };
}

// ───────────────────────────── command load ─────────────────────────────

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];

function registerRequest(seeded: Seeded, pool: string[]): autocannon.Request {
  return {
    method: 'POST',
    path: '/service-desk/tickets',
    setupRequest: (request) => ({
      ...request,
      headers: { ...request.headers, authorization: `Bearer ${pick(seeded.csTokens)}`, 'content-type': 'application/json' },
      body: pick(seeded.registerBodies),
    }),
    onResponse: (status, body) => {
      if (status === 201) pool.push((JSON.parse(body) as { id: string }).id);
    },
  };
}

const REPEAT_BODIES = TICKET_CHANNELS.map((channel) => JSON.stringify({ channel, note: 'customer called again, still waiting' }));

function repeatContactRequest(seeded: Seeded, pool: string[]): autocannon.Request {
  return {
    method: 'POST',
    path: '/service-desk/tickets/none/repeat-contacts',
    setupRequest: (request) => ({
      ...request,
      path: `/service-desk/tickets/${pick(pool)}/repeat-contacts`,
      headers: { ...request.headers, authorization: `Bearer ${pick(seeded.csTokens)}`, 'content-type': 'application/json' },
      body: pick(REPEAT_BODIES),
    }),
  };
}

function runLag(input: LagProbeInput): Promise<LagProbeOutput> {
  const worker = new Worker(LAG_PROBE, { workerData: input });
  workers.add(worker);
  const limitMs = input.deadlineMs + input.pollTimeoutMs + 10_000;
  let timer: NodeJS.Timeout | undefined;
  return new Promise<LagProbeOutput>((resolveLag, reject) => {
    timer = setTimeout(() => reject(new Error(`lag probe did not report within ${limitMs} ms`)), limitMs);
    worker.once('message', (output: LagProbeOutput) => resolveLag(output));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`lag probe exited with ${code} before reporting`)));
  }).finally(() => {
    clearTimeout(timer);
    workers.delete(worker);
    void worker.terminate();
  });
}

// ───────────────────────────── replay data set ─────────────────────────────

/** mulberry32: a small seeded PRNG, so every run appends the same shape of history. */
function prng(seedValue: number): () => number {
  let a = seedValue >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Person {
  staffId: string;
  department: string;
  roles: string[];
}

/** One ticket's history: registered, transferred 0-3 times, resolved nine times in ten. */
function ticketHistory(random: () => number, receivedAtMs: number): NewEvent[] {
  const choose = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const ticketId = randomUUID();
  const owner: Person = choose(STAFF.cs);
  const customer = choose(CUSTOMERS);
  const channel: TicketChannel = choose(TICKET_CHANNELS);
  const kind: TicketKind = choose(TICKET_KINDS);
  let at = receivedAtMs + Math.floor(random() * 10 * 60_000);
  const receivedAt = new Date(receivedAtMs).toISOString();
  const events: { event: TicketEvent; actor: Person; at: number }[] = [];
  events.push({
    actor: owner,
    at,
    event: {
      type: 'TicketRegistered',
      data: {
        ticketId,
        channel,
        kind,
        customerId: customer.customerId,
        projectId: random() < 0.8 ? choose(customer.projects) : null,
        description: choose(DESCRIPTIONS),
        receivedAt,
        registeredAt: new Date(at).toISOString(),
        ownerId: owner.staffId,
        ownerDepartment: owner.department,
        major: false,
      },
    },
  });
  const roll = random();
  const transfers = roll < 0.2 ? 0 : roll < 0.5 ? 1 : roll < 0.8 ? 2 : 3;
  let handler: Person = owner;
  for (let n = 1; n <= transfers; n++) {
    const target: Person = handler.department === 'technical-service' ? STAFF.bdManager : random() < 0.1 ? STAFF.ts : STAFF.tsManager;
    at += Math.floor(random() * 6 * 3_600_000) + 60_000;
    events.push({
      actor: handler,
      at,
      event: {
        type: 'TicketTransferred',
        data: {
          ticketId,
          ownerId: owner.staffId,
          fromHandlerId: handler.staffId,
          fromDepartment: handler.department,
          toHandlerId: target.staffId,
          toDepartment: target.department,
          reason: target.department === 'technical-service' ? 'needs a field engineer on site' : 'contract and billing question',
          transferredBy: handler.staffId,
          transferredAt: new Date(at).toISOString(),
          viaAlternate: target === STAFF.ts,
          transferCount: n,
        },
      },
    });
    handler = target;
  }
  if (random() < 0.9) {
    at += Math.floor(random() * 48 * 3_600_000) + 60_000;
    events.push({
      actor: handler,
      at,
      event: {
        type: 'TicketResolved',
        data: {
          ticketId,
          customerId: customer.customerId,
          kind,
          major: false,
          ownerId: owner.staffId,
          handlerId: handler.staffId,
          handlingDepartment: handler.department,
          receivedAt,
          resolvedBy: handler.staffId,
          resolution: handler.department === 'technical-service' ? 'replaced the faulty module on site' : 'explained and confirmed with the customer',
          resolvedAt: new Date(at).toISOString(),
          atFirstContact: transfers === 0,
          liaisonFormPending: random() < 0.1,
          emergency: handler.department === 'technical-service' && random() < 0.05,
          transferCount: transfers,
          repeatContactCount: 0,
        },
      },
    });
  }
  const correlationId = randomUUID();
  return events.map(({ event, actor, at: when }) => ({
    type: event.type,
    data: event.data,
    metadata: {
      eventId: randomUUID(),
      occurredAt: new Date(when).toISOString(),
      actor: { userId: actor.staffId, roles: actor.roles },
      correlationId,
      causationId: null,
      schemaVersion: 1,
    },
  }));
}

async function appendHistory(file: string): Promise<{ tickets: number; events: number; millis: number; fileMb: number }> {
  const random = prng(20240601);
  const store = new SqliteEventStore({ file, synchronous: 'FULL' });
  const started = performance.now();
  const yearAgo = Date.now() - 365 * 24 * 3_600_000;
  const spacing = (300 * 24 * 3_600_000) / REPLAY_TICKETS;
  let tickets = 0;
  let events = 0;
  try {
    while (tickets < REPLAY_TICKETS || events < REPLAY_MIN_EVENTS) {
      // Appends queued in one tick are group-committed in one transaction by the store.
      const chunk: Promise<unknown>[] = [];
      for (let i = 0; i < 2000; i++, tickets++) {
        const history = ticketHistory(random, yearAgo + Math.floor(tickets * spacing));
        events += history.length;
        chunk.push(store.append(ticketStream((history[0].data as { ticketId: string }).ticketId), history, NO_STREAM));
      }
      await Promise.all(chunk);
    }
  } finally {
    await store.close();
  }
  const millis = performance.now() - started;
  return { tickets, events, millis, fileMb: statSync(file).size / 1_048_576 };
}

// ───────────────────────────── the run ─────────────────────────────

interface Row {
  metric: string;
  value: string;
  target: string;
}

function printTable(rows: Row[]): void {
  const header = ['metric', 'value', 'issue target'];
  const widths = [
    Math.max(header[0].length, ...rows.map((r) => r.metric.length)),
    Math.max(header[1].length, ...rows.map((r) => r.value.length)),
    Math.max(header[2].length, ...rows.map((r) => r.target.length)),
  ];
  const line = (cells: string[]) =>
    '│ ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' │ ') + ' │';
  const rule = (l: string, m: string, r: string) => l + widths.map((w) => '─'.repeat(w + 2)).join(m) + r;
  console.log(rule('┌', '┬', '┐'));
  console.log(line(header));
  console.log(rule('├', '┼', '┤'));
  for (const r of rows) console.log(line([r.metric, r.value, r.target]));
  console.log(rule('└', '┴', '┘'));
}

async function main(): Promise<void> {
  for (const file of [PLATFORM_MAIN, HELLO_MAIN, LAG_PROBE]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm run bench does)`);
  }
  const benchStarted = performance.now();
  const loadAtStart = loadavg()[0];
  tempRoot = mkdtempSync(join(tmpdir(), 'ebp-bench-'));
  const dataDir = join(tempRoot, 'data');
  const jwtSecret = randomBytes(32).toString('base64url');
  log(`data dir ${dataDir}; ${cpus().length} CPU(s), node ${process.version}; load ${CONNECTIONS} connections × ${DURATION_S} s`);

  // a. platform + reference data
  let platform = await startPlatform(dataDir, jwtSecret);
  log(`platform ready on ${platform.url} in ${fmt(platform.readyMs)} ms (pid ${platform.child.process.pid})`);
  const seeded = await seed(platform.url, jwtSecret);
  log('seeded staff, customers and projects');

  // warm-up: JIT, SQLite caches, and a pool of tickets for repeat contacts
  const pool: string[] = [];
  const warmup = await autocannon({
    url: platform.url,
    connections: CONNECTIONS,
    amount: WARMUP_REQUESTS,
    requests: [registerRequest(seeded, pool)],
  });
  log(`warm-up: ${warmup['2xx']} tickets registered (${fmt(warmup['2xx'] / warmup.duration)}/s), ${warmup.non2xx} non-2xx`);
  if (pool.length === 0) throw new Error(`warm-up registered no ticket: status codes ${JSON.stringify(warmup.statusCodeStats)}`);

  // b + c. command load with the lag probe alongside
  log(`command load: register ticket / repeat contact, alternating, ${DURATION_S} s …`);
  const loadEndsAt = Date.now() + DURATION_S * 1000;
  const lagPromise = runLag({
    baseUrl: platform.url,
    tokens: seeded.csTokens,
    bodies: seeded.registerBodies,
    samples: LAG_SAMPLES,
    concurrency: 4,
    loadEndsAt,
    spreadMs: DURATION_S * 1000 * 0.9,
    deadlineMs: DURATION_S * 1000 + 30_000,
    pollTimeoutMs: 10_000,
  });
  const load = await autocannon({
    url: platform.url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [registerRequest(seeded, pool), repeatContactRequest(seeded, pool)],
  });
  const lag = await lagPromise;
  const commandsPerSec = load['2xx'] / load.duration;
  const nonOk = Object.entries(load.statusCodeStats).filter(([code]) => !code.startsWith('2'));
  log(`load: ${load['2xx']} commands in ${fmt(load.duration, 1)} s; non-2xx ${load.non2xx} ${JSON.stringify(Object.fromEntries(nonOk))}; errors ${load.errors}`);
  const lags = lag.samples.map((s: LagSample) => s.lagMs).sort((a, b) => a - b);
  const lagsDuring = lag.samples.filter((s) => s.phase === 'load').map((s) => s.lagMs).sort((a, b) => a - b);
  const lagsAfter = lag.samples.filter((s) => s.phase === 'after').map((s) => s.lagMs).sort((a, b) => a - b);
  const lagDuring = lagsDuring.length;
  // 1.0 means the read model already had every ticket at the first GET: the figure is then one query round trip.
  const meanPolls = lag.samples.reduce((n, s) => n + s.polls, 0) / Math.max(1, lag.samples.length);
  log(`lag: ${lags.length} samples (${lagDuring} during load), mean ${fmt(meanPolls, 2)} GETs until visible, ${lag.timeouts} timeouts, ${lag.failedCommands} failed probe commands`);

  // e (first half): peak RSS of the process that took the load
  const rssLoadMb = peakRssMb(platform.child.process.pid);
  const stopMs = await stopChild(platform.child);
  log(`platform stopped in ${fmt(stopMs)} ms (peak RSS ${fmt(rssLoadMb, 1)} MB)`);

  // d. replay
  log(`appending ≥${REPLAY_MIN_EVENTS.toLocaleString('en-US')} events over ≥${REPLAY_TICKETS.toLocaleString('en-US')} tickets straight into the event store (platform stopped) …`);
  const appended = await appendHistory(join(dataDir, 'events.db'));
  log(`appended ${appended.events} events / ${appended.tickets} tickets in ${fmt(appended.millis)} ms; events.db ${fmt(appended.fileMb, 1)} MB`);
  platform = await startPlatform(dataDir, jwtSecret);
  log(`platform restarted (projections caught up on the new events) in ${fmt(platform.readyMs)} ms`);
  // The relay resumes from its own checkpoint and re-delivers what the projections just caught up
  // on; wait for it to drain so the rebuilds below are timed on an otherwise idle process.
  const drainStarted = performance.now();
  let head = 0;
  await waitFor('relay to reach the event store head', async () => {
    const status = await http(platform.url, 'GET', '/admin/projections', seeded.officeToken);
    head = numberField(status.body, 'head');
    return numberField(status.body, 'relay') >= head;
  }, 180_000, platform.child);
  const relayDrainMs = performance.now() - drainStarted;
  const rssCatchUpMb = peakRssMb(platform.child.process.pid);
  log(`relay drained to head ${head} ${fmt(relayDrainMs)} ms after ready (peak RSS so far ${fmt(rssCatchUpMb, 1)} MB)`);
  const rebuilds: { name: string; events: number; millis: number; eventsPerSec: number }[] = [];
  for (const name of ['service-desk-tickets', 'audit-trail']) {
    log(`rebuilding ${name} …`);
    const r = await expectStatus(http(platform.url, 'POST', `/admin/projections/${name}/rebuild`, seeded.officeToken), 201, `rebuild ${name}`);
    const events = numberField(r.body, 'events');
    const millis = numberField(r.body, 'millis');
    rebuilds.push({ name, events, millis, eventsPerSec: events / (millis / 1000) });
    log(`${name}: ${events} events in ${fmt(millis)} ms`);
  }
  // e (second half)
  const rssReplayMb = peakRssMb(platform.child.process.pid);
  await stopChild(platform.child);

  // f. baseline: bare Nest + Fastify hello world
  const helloPort = await freePort();
  const hello = spawnChild('hello', HELLO_MAIN, { PORT: String(helloPort), HOST: '127.0.0.1' });
  const helloUrl = `http://127.0.0.1:${helloPort}`;
  await waitFor('hello app', async () => (await http(helloUrl, 'GET', '/')).status === 200, 30_000, hello);
  await autocannon({ url: helloUrl, connections: CONNECTIONS, amount: WARMUP_REQUESTS });
  log(`hello-world baseline: ${CONNECTIONS} connections × ${DURATION_S} s …`);
  const baseline = await autocannon({ url: helloUrl, connections: CONNECTIONS, duration: DURATION_S });
  const helloRssMb = peakRssMb(hello.process.pid);
  await stopChild(hello);
  const helloPerSec = baseline['2xx'] / baseline.duration;

  // i. property sales: subscriptions on distinct units and the board's live delivery
  log('property sales: subscriptions on distinct units, then SSE delivery …');
  const psPlatform = await startPlatform(join(tempRoot, 'ps-data'), jwtSecret);
  const ps = await propertySalesBench(psPlatform.url, jwtSecret, CONNECTIONS);
  await stopChild(psPlatform.child);
  log(`property sales: ${fmt(ps.subscriptionsPerSec)} subscriptions/s over ${ps.units} units (non-2xx ${ps.subscriptionNon2xx}); SSE p50 ${fmt(ps.sse.p50Ms, 1)} ms, p99 ${fmt(ps.sse.p99Ms, 1)} ms (${ps.sse.samples} samples, ${ps.sse.missed} missed)`);

  // h. HR: close a month for BENCH_HR_STAFF staff with a full month of attendance
  log(`HR: ${HR_STAFF} staff, every working day of ${HR_MONTH} imported, then the month closed …`);
  const hrClose = await hrMonthClose(join(tempRoot, 'hr-data'), jwtSecret);
  log(`HR: ${hrClose.importedRows} punch rows imported in ${fmt(hrClose.importMillis)} ms; ${hrClose.payslips} payslips issued, month closed in ${fmt(hrClose.closeMillis)} ms`);

  // g. report
  const peakRss = Math.max(rssLoadMb, rssReplayMb);
  const rows: Row[] = [
    { metric: 'commands/s (2xx, FULL fsync)', value: fmt(commandsPerSec), target: `≥ ${fmt(TARGETS.commandsPerSec)}` },
    { metric: 'command latency p50 (ms)', value: fmt(load.latency.p50, 1), target: '' },
    { metric: 'command latency p99 (ms)', value: fmt(load.latency.p99, 1), target: `≤ ${TARGETS.commandP99Ms}` },
    { metric: 'command errors / non-2xx', value: `${load.errors + load.timeouts} / ${load.non2xx}`, target: '' },
    { metric: `projection lag p50 (ms, n=${lags.length})`, value: fmt(percentile(lags, 50), 1), target: '' },
    { metric: 'projection lag p99 (ms)', value: fmt(percentile(lags, 99), 1), target: `≤ ${TARGETS.lagP99Ms}` },
    {
      metric: '  lag p99 during / after load (ms)',
      value: `${fmt(percentile(lagsDuring, 99), 1)} (n=${lagsDuring.length}) / ${fmt(percentile(lagsAfter, 99), 1)} (n=${lagsAfter.length})`,
      target: '',
    },
    { metric: '  GETs until visible (mean)', value: fmt(meanPolls, 2), target: '' },
    ...rebuilds.map((r) => ({
      metric: `replay ${r.name} (events/s)`,
      value: `${fmt(r.eventsPerSec)} (${fmt(r.events)} in ${fmt(r.millis / 1000, 2)} s)`,
      target: `≥ ${fmt(TARGETS.replayEventsPerSec)}`,
    })),
    { metric: 'restart + catch-up to ready (ms)', value: fmt(platform.readyMs), target: '' },
    { metric: 'then relay re-delivery drained (ms)', value: fmt(relayDrainMs), target: '' },
    { metric: 'peak RSS platform (MB)', value: `${fmt(peakRss, 1)} (load ${fmt(rssLoadMb)}, catch-up ${fmt(rssCatchUpMb)}, rebuild ${fmt(rssReplayMb)})`, target: `≤ ${TARGETS.rssMb}` },
    { metric: `subscriptions/s, distinct units (${CONNECTIONS} clients)`, value: `${fmt(ps.subscriptionsPerSec)} (p99 ${fmt(ps.subscriptionP99Ms, 1)} ms, non-2xx ${ps.subscriptionNon2xx})`, target: '' },
    { metric: `board SSE delivery p50 / p99 (ms, n=${ps.sse.samples})`, value: `${fmt(ps.sse.p50Ms, 1)} / ${fmt(ps.sse.p99Ms, 1)}${ps.sse.missed ? ` (${ps.sse.missed} missed)` : ''}`, target: 'p99 ≤ 500' },
    {
      metric: `HR month close, ${fmt(hrClose.staff)} staff (s)`,
      value: `${fmt(hrClose.closeMillis / 1000, 2)} (${fmt(hrClose.payslips)} payslips over ${fmt(hrClose.importedRows)} attendance days)`,
      target: `≤ ${fmt(TARGETS.hrMonthCloseMs / 1000)}`,
    },
    { metric: 'hello-world Nest/Fastify (req/s)', value: fmt(helloPerSec), target: '' },
    { metric: 'commands/s ÷ hello req/s', value: fmt(commandsPerSec / helloPerSec, 3), target: '' },
  ];
  const totalSeconds = (performance.now() - benchStarted) / 1000;
  console.log('');
  console.log(`Embedded platform benchmark — ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${fmt(totalmem() / 2 ** 30, 1)} GiB, node ${process.version}`);
  console.log(
    `load generator, lag probe and server share this machine (loopback); ${CONNECTIONS} connections × ${DURATION_S} s; ` +
      `1-min load average ${fmt(loadAtStart, 1)} at start, ${fmt(loadavg()[0], 1)} at end`,
  );
  printTable(rows);
  console.log(`total ${fmt(totalSeconds, 1)} s`);

  const result = {
    at: new Date().toISOString(),
    machine: { loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadavg()[0], cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, memoryGiB: totalmem() / 2 ** 30, node: process.version, platform: process.platform },
    settings: { connections: CONNECTIONS, durationSeconds: DURATION_S, lagSamples: LAG_SAMPLES, replayTickets: REPLAY_TICKETS, eventStoreSync: 'FULL' },
    targets: TARGETS,
    commands: {
      mix: 'RegisterTicket / RecordRepeatContact alternating per connection',
      perSec: commandsPerSec,
      total2xx: load['2xx'],
      durationSeconds: load.duration,
      latencyMs: { p50: load.latency.p50, p90: load.latency.p90, p99: load.latency.p99, max: load.latency.max, mean: load.latency.mean },
      errors: load.errors,
      timeouts: load.timeouts,
      non2xx: load.non2xx,
      statusCodes: Object.fromEntries(Object.entries(load.statusCodeStats).map(([code, s]) => [code, s.count])),
      warmupTickets: warmup['2xx'],
    },
    projectionLag: {
      samples: lags.length,
      duringLoad: lagDuring,
      afterLoad: lags.length - lagDuring,
      p50Ms: percentile(lags, 50),
      p90Ms: percentile(lags, 90),
      p99Ms: percentile(lags, 99),
      maxMs: lags[lags.length - 1] ?? null,
      duringLoadP50Ms: percentile(lagsDuring, 50),
      duringLoadP99Ms: percentile(lagsDuring, 99),
      afterLoadP50Ms: percentile(lagsAfter, 50),
      afterLoadP99Ms: percentile(lagsAfter, 99),
      meanPolls,
      timeouts: lag.timeouts,
      failedCommands: lag.failedCommands,
      failureStatuses: lag.failureStatuses,
    },
    replay: {
      appended: { tickets: appended.tickets, events: appended.events, millis: appended.millis, eventsPerSec: appended.events / (appended.millis / 1000), eventsDbMb: appended.fileMb },
      storeHead: head,
      restartToReadyMs: platform.readyMs,
      relayDrainAfterReadyMs: relayDrainMs,
      rebuilds,
    },
    rssMb: { peak: peakRss, loadPhase: rssLoadMb, restartCatchUp: rssCatchUpMb, afterRebuilds: rssReplayMb, hello: helloRssMb },
    hello: {
      perSec: helloPerSec,
      latencyMs: { p50: baseline.latency.p50, p99: baseline.latency.p99 },
      errors: baseline.errors,
      non2xx: baseline.non2xx,
    },
    commandsPerHelloRequest: commandsPerSec / helloPerSec,
    hrMonthClose: hrClose,
    propertySales: ps,
    totalSeconds,
    table: rows,
  };
  mkdirSync(join(ROOT, 'tmp'), { recursive: true });
  writeFileSync(RESULT_FILE, JSON.stringify(result, null, 2) + '\n');
  console.log(`written to ${RESULT_FILE}`);
}

main()
  .catch((error: unknown) => {
    console.error('[bench] failed:', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => cleanUp());

import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { NO_STREAM, ProjectionRunner, type NewEvent, type Projection, type RecordedEvent } from '@ebp/shared-eventsourcing';
import { SqliteEventStore } from '../src/sqlite-event-store';
import { SqliteReadModelStore } from '../src/sqlite-read-model-store';
import { tempDir } from '../src/temp-dir';

/*
 * Read-model store benchmark (not a test: it asserts nothing). Appends BENCH_EVENTS events
 * (100,000) to a SqliteEventStore in a temp dir, then rebuilds two realistic projections through
 * ProjectionRunner and prints events/s; last it appends BENCH_LIVE_EVENTS (10,000) more and
 * applies them one event per commit, as after each command. Run after `npm run build`:
 *   node -r ./tools/node/register-paths.js dist/libs/shared/sqlite/bench/read-model-store.bench.js
 */

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got ${raw}`);
  return value;
}

const EVENTS = envInt('BENCH_EVENTS', 100_000);
const LIVE_EVENTS = envInt('BENCH_LIVE_EVENTS', 10_000);
const EVENTS_PER_TICKET = 5;
const APPENDS_PER_FLUSH = 1_000;

// ───────────────────────────── projections ─────────────────────────────

interface TicketData {
  ticketId: string;
  kind: string;
  channel: string;
  customerId: string;
  ownerId: string;
  ownerDepartment: string;
  handlerId: string;
  major: boolean;
  description: string;
  note: string;
}

/** Like the audit trail: one document of ~15 fields per event. */
interface AuditEntry {
  eventId: string;
  streamId: string;
  revision: number;
  position: number;
  type: string;
  data: unknown;
  actorId: string;
  actorRoles: string[];
  occurredAt: string;
  recordedAt: string;
  recordedAtMs: number;
  correlationId: string;
  causationId: string | null;
  schemaVersion: number;
}

const audit: Projection<AuditEntry> = {
  name: 'bench-audit',
  collection: 'bench_audit_trail',
  indexes: ['streamId', 'actorId', 'recordedAtMs'],
  documentId: (event) => event.metadata.eventId,
  evolve: (_doc, event) => ({
    eventId: event.metadata.eventId,
    streamId: event.metadata.streamId,
    revision: event.metadata.revision,
    position: event.metadata.position,
    type: event.type,
    data: event.data,
    actorId: event.metadata.actor.userId,
    actorRoles: event.metadata.actor.roles,
    occurredAt: event.metadata.occurredAt,
    recordedAt: event.metadata.recordedAt,
    recordedAtMs: Date.parse(event.metadata.recordedAt),
    correlationId: event.metadata.correlationId,
    causationId: event.metadata.causationId,
    schemaVersion: event.metadata.schemaVersion,
  }),
};

interface HistoryEntry {
  revision: number;
  position: number;
  type: string;
  at: string;
  actorId: string;
  summary: string;
}

/** Like the service-desk ticket view: one document per stream with a growing history. */
interface TicketView {
  ticketId: string;
  status: 'open' | 'resolved';
  kind: string;
  channel: string;
  customerId: string;
  ownerId: string;
  ownerDepartment: string;
  handlerId: string;
  major: boolean;
  description: string;
  transferCount: number;
  revision: number;
  updatedAt: string;
  history: HistoryEntry[];
}

function historyEntry(event: RecordedEvent, summary: string): HistoryEntry {
  const m = event.metadata;
  return { revision: m.revision, position: m.position, type: event.type, at: m.occurredAt, actorId: m.actor.userId, summary };
}

function evolveTicket(doc: TicketView | null, event: RecordedEvent): TicketView | null {
  const d = event.data as TicketData;
  if (event.type === 'TicketRegistered') {
    const { ticketId, kind, channel, customerId, ownerId, ownerDepartment, handlerId, major, description } = d;
    const fields = { ticketId, kind, channel, customerId, ownerId, ownerDepartment, handlerId, major, description };
    const base = { ...fields, status: 'open' as const, transferCount: 0, revision: 0, updatedAt: event.metadata.occurredAt };
    return { ...base, history: [historyEntry(event, `registered ${kind} via ${channel}`)] };
  }
  if (!doc) return null;
  const history = [...doc.history, historyEntry(event, `${event.type}: ${d.note}`)];
  const base = { ...doc, revision: event.metadata.revision, updatedAt: event.metadata.occurredAt, history };
  if (event.type === 'TicketTransferred') return { ...base, handlerId: d.handlerId, transferCount: doc.transferCount + 1 };
  if (event.type === 'TicketResolved') return { ...base, status: 'resolved' };
  return base;
}

const tickets: Projection<TicketView> = {
  name: 'bench-tickets',
  collection: 'bench_tickets',
  indexes: ['status', 'ownerId', 'kind', 'major', 'handlerId', 'customerId'],
  documentId: (event) => (event.data as TicketData).ticketId,
  evolve: evolveTicket,
};

// ───────────────────────────── events ─────────────────────────────

const TYPES = ['TicketRegistered', 'TicketTransferred', 'RepeatContactRecorded', 'TicketTransferred', 'TicketResolved'];
const KINDS = ['incident', 'request', 'complaint', 'inquiry'];
const CHANNELS = ['phone', 'email', 'web', 'walk-in'];
const TEXT = 'Customer reports the office printer on floor 3 jams on every duplex job; toner replaced last week. ';

function ticketEvent(ticket: number, revision: number): NewEvent {
  const data: TicketData = {
    ticketId: `T-${String(ticket).padStart(7, '0')}`,
    kind: KINDS[ticket % KINDS.length],
    channel: CHANNELS[ticket % CHANNELS.length],
    customerId: `customer-${ticket % 5_000}`,
    ownerId: `agent-${ticket % 200}`,
    ownerDepartment: `dept-${ticket % 12}`,
    handlerId: `agent-${(ticket + revision) % 200}`,
    major: ticket % 17 === 0,
    description: TEXT.repeat(3),
    note: `step ${revision} of ticket ${ticket}`,
  };
  const metadata = {
    eventId: randomUUID(),
    occurredAt: new Date(Date.UTC(2026, 0, 1) + ticket * 60_000 + revision * 1_000).toISOString(),
    actor: { userId: data.handlerId, roles: ['agent'] },
    correlationId: randomUUID(),
    causationId: revision === 0 ? null : randomUUID(),
    schemaVersion: 1,
  };
  return { type: TYPES[revision], data, metadata };
}

/** Appends `count` events, EVENTS_PER_TICKET per stream from ticket `first` on, many appends per group commit. */
async function seed(events: SqliteEventStore, first: number, count: number): Promise<void> {
  const end = first + Math.ceil(count / EVENTS_PER_TICKET);
  for (let from = first; from < end; from += APPENDS_PER_FLUSH) {
    const tickets = Array.from({ length: Math.min(APPENDS_PER_FLUSH, end - from) }, (_, i) => from + i);
    await Promise.all(tickets.map((ticket) => events.append(`service-desk.ticket.${ticket}`, ticketEvents(ticket), NO_STREAM)));
  }
}

function ticketEvents(ticket: number): NewEvent[] {
  return Array.from({ length: EVENTS_PER_TICKET }, (_, revision) => ticketEvent(ticket, revision));
}

// ───────────────────────────── measuring ─────────────────────────────

function rssMb(): string {
  return `${Math.round(process.memoryUsage().rss / 2 ** 20)} MB rss, peak ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`;
}

function loadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

function fileMb(file: string): number {
  return existsSync(file) ? statSync(file).size / 2 ** 20 : 0;
}

function perSecond(count: number, ms: number): string {
  return Math.round((count / ms) * 1000).toLocaleString('en-US').padStart(9);
}

/** Wall-clock rate, and the rate per CPU-second of this process, which other busy processes disturb less. */
function report(label: string, count: number, { ms, cpuMs }: Timing): void {
  const rates = `${perSecond(count, ms)} events/s (${perSecond(count, cpuMs)} per CPU-s)`;
  console.log(`${label.padEnd(34)} ${String(count).padStart(7)} events in ${(ms / 1000).toFixed(2)} s = ${rates}  ${rssMb()}, load ${loadAverage()}`);
}

interface Timing {
  ms: number;
  cpuMs: number;
}

async function timed<T>(work: () => Promise<T>): Promise<Timing & { result: T }> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return { result, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

/** Reads every event, the ceiling any projection rebuild can reach. */
async function readEverything(events: SqliteEventStore): Promise<number> {
  let after = 0;
  let total = 0;
  for (;;) {
    const batch = await events.readAll({ after, limit: 5_000 });
    if (batch.length === 0) return total;
    after = batch[batch.length - 1].metadata.position;
    total += batch.length;
  }
}

/** New events (new tickets) applied one per commit through both projections, as after each command. */
async function applyLive(runner: ProjectionRunner, recorded: RecordedEvent[]): Promise<number> {
  for (const event of recorded) await runner.handle([event]);
  return recorded.length;
}

async function main(): Promise<void> {
  const dir = await tempDir('ebp-rm-bench-');
  const readModelFile = dir.file('read-models.db');
  // FULL would only slow seeding, which is not measured.
  const events = new SqliteEventStore({ file: dir.file('events.db'), synchronous: 'OFF' });
  const readModels = new SqliteReadModelStore({ file: readModelFile });
  try {
    console.log(`load average at start: ${loadAverage()}`);
    const seeded = await timed(() => seed(events, 0, EVENTS));
    report('seed (append)', EVENTS, seeded);
    const read = await timed(() => readEverything(events));
    report('readAll only (ceiling)', read.result, read);

    const runner = new ProjectionRunner(readModels, [audit as Projection<object>, tickets as Projection<object>]);
    await runner.init();
    for (const projection of [audit, tickets]) {
      const first = await timed(() => runner.rebuild(events, projection.name));
      report(`rebuild ${projection.name} (empty)`, first.result, first);
      const again = await timed(() => runner.rebuild(events, projection.name));
      report(`rebuild ${projection.name} (over full)`, again.result, again);
      const reset = await timed(() => readModels.reset(projection.name, [projection.collection]));
      console.log(`  reset of the full collection: ${reset.ms.toFixed(0)} ms`);
      await runner.catchUp(events);
    }
    const head = await events.headPosition();
    await seed(events, Math.ceil(EVENTS / EVENTS_PER_TICKET), LIVE_EVENTS);
    const recorded = await events.readAll({ after: head, limit: LIVE_EVENTS });
    const live = await timed(() => applyLive(runner, recorded));
    report('live: 1 event per commit, 2 proj.', live.result, live);
    console.log(`read-models.db ${fileMb(readModelFile).toFixed(1)} MB, -wal ${fileMb(`${readModelFile}-wal`).toFixed(1)} MB`);
  } finally {
    await readModels.close();
    await events.close();
    await dir.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

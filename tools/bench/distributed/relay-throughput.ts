import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { logLevel } from 'kafkajs';
import {
  NO_STREAM,
  Relay,
  type BatchHandler,
  type CheckpointStore,
  type EventBus,
  type NewEvent,
  type RecordedEvent,
  type Subscription,
} from '@ebp/shared-eventsourcing';
import { KafkaEventBus, topicFor } from '@ebp/shared-kafka';
import { SqliteEventStore } from '@ebp/shared-sqlite';
import { TICKET_CHANNELS, TICKET_KINDS, ticketStream, type TicketEvent } from '@ebp/service-desk-domain';

// The relay's publish rate, in-process: a Relay reads a prepared SQLite event store from position 0
// and publishes to Kafka through KafkaEventBus (idempotent producer, acks = all, one request in
// flight) until its checkpoint reaches the store's head. batchSize 1 = one event per sendBatch.

const DESCRIPTIONS = [
  'Pump station 3 reports low pressure alarms every night',
  'SCADA screen at the control room freezes after shift change',
  'Nurse-call terminal on ward 7 does not ring at the desk',
  'Flow meter at the Jiuxi plant reads zero although water flows',
];

/** One TicketRegistered per stream, shaped like the commands the apps append. */
function registered(i: number, at: number): NewEvent {
  const ticketId = randomUUID();
  const event: TicketEvent = {
    type: 'TicketRegistered',
    data: {
      ticketId,
      channel: TICKET_CHANNELS[i % TICKET_CHANNELS.length],
      kind: TICKET_KINDS[i % TICKET_KINDS.length],
      customerId: `bench-c-${i % 4}`,
      projectId: `bench-p-${i % 7}`,
      description: DESCRIPTIONS[i % DESCRIPTIONS.length],
      receivedAt: new Date(at).toISOString(),
      registeredAt: new Date(at).toISOString(),
      ownerId: 'bench-cs-li',
      ownerDepartment: 'customer-service',
      major: false,
    },
  };
  return {
    type: event.type,
    data: event.data,
    metadata: {
      eventId: randomUUID(),
      occurredAt: new Date(at).toISOString(),
      actor: { userId: 'bench-cs-li', roles: ['customer-service'] },
      correlationId: randomUUID(),
      causationId: null,
      schemaVersion: 1,
    },
  };
}

export interface Appended {
  events: number;
  head: number;
  millis: number;
  fileMb: number;
}

/** Appends `count` events (one per ticket stream) into a fresh store file. */
export async function appendEvents(file: string, count: number): Promise<Appended> {
  const store = new SqliteEventStore({ file, synchronous: 'NORMAL' });
  const started = performance.now();
  const base = Date.now() - count * 1000;
  let head = 0;
  try {
    for (let done = 0; done < count; ) {
      // Appends queued in one tick are group-committed in one transaction by the store.
      const chunk: Promise<unknown>[] = [];
      for (let i = 0; i < 2000 && done < count; i++, done++) {
        const event = registered(done, base + done * 1000);
        chunk.push(store.append(ticketStream((event.data as { ticketId: string }).ticketId), [event], NO_STREAM));
      }
      await Promise.all(chunk);
    }
    head = await store.headPosition();
  } finally {
    await store.close();
  }
  return { events: count, head, millis: performance.now() - started, fileMb: statSync(file).size / 1_048_576 };
}

/** Checkpoints in memory; notes when one reaches `target`. */
class TargetCheckpoints implements CheckpointStore {
  private readonly positions = new Map<string, number>();
  private reachedResolve: (at: number) => void = () => undefined;
  readonly reached: Promise<number>;

  constructor(private readonly target: number) {
    this.reached = new Promise((resolveReached) => (this.reachedResolve = resolveReached));
  }

  async load(name: string): Promise<number> {
    return this.positions.get(name) ?? 0;
  }

  async save(name: string, position: number): Promise<void> {
    this.positions.set(name, position);
    if (position >= this.target) this.reachedResolve(performance.now());
  }
}

/** Counts and times publish calls: KafkaEventBus sends one sendBatch per call. */
class CountingBus implements EventBus {
  publishes = 0;
  publishMs = 0;
  constructor(private readonly inner: EventBus) {}

  async publish(events: RecordedEvent[]): Promise<void> {
    this.publishes++;
    const started = performance.now();
    try {
      await this.inner.publish(events);
    } finally {
      this.publishMs += performance.now() - started;
    }
  }

  subscribe(group: string, handler: BatchHandler): Promise<Subscription> {
    return this.inner.subscribe(group, handler);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

export interface RelayRunOptions {
  file: string;
  brokers: string[];
  clientId: string;
  /** Topics of this run: `<topicPrefix><context>.events.v1`. */
  topicPrefix: string;
  batchSize: number;
  head: number;
  /** The run is cut here and the rate taken over what was published by then. */
  limitMs: number;
}

export interface RelayRun {
  batchSize: number;
  topic: string;
  /** Events handed to Kafka and checkpointed. */
  published: number;
  sendBatches: number;
  /** Time spent inside publish (encode + sendBatch round trip, acks = all); the rest is reading the store and checkpointing. */
  publishMs: number;
  millis: number;
  eventsPerSec: number;
  /** False when the time limit cut the run before the head. */
  reachedHead: boolean;
}

export async function runRelay(options: RelayRunOptions): Promise<RelayRun> {
  const topic = options.topicPrefix + topicFor(ticketStream('x'));
  const kafka = new KafkaEventBus({
    brokers: options.brokers,
    clientId: options.clientId,
    topics: [],
    topicResolver: (streamId) => options.topicPrefix + topicFor(streamId),
    partitions: 3,
    replicationFactor: 1,
    logLevel: logLevel.ERROR,
  });
  const store = new SqliteEventStore({ file: options.file, synchronous: 'NORMAL' });
  let relay: Relay | undefined;
  try {
    // Outside the timing: the topic, and the producer's connection and id (one event to a warm-up topic).
    await kafka.ensureTopics([topic]);
    const [warm] = await store.readAll({ after: 0, limit: 1 });
    await kafka.publish([{ ...warm, metadata: { ...warm.metadata, streamId: 'bench-warmup.relay' } }]);

    const bus = new CountingBus(kafka);
    const checkpoints = new TargetCheckpoints(options.head);
    relay = new Relay(store, bus, checkpoints, { name: `relay-b${options.batchSize}`, batchSize: options.batchSize });
    const started = performance.now();
    await relay.start();
    let timer: NodeJS.Timeout | undefined;
    const cut = new Promise<null>((resolveCut) => (timer = setTimeout(() => resolveCut(null), options.limitMs)));
    const reachedAt = await Promise.race([checkpoints.reached, cut]);
    clearTimeout(timer);
    const millis = (reachedAt ?? performance.now()) - started;
    const published = relay.position(); // positions are 1..head here: one event per position
    await relay.stop();
    relay = undefined;
    return {
      batchSize: options.batchSize,
      topic,
      published,
      sendBatches: bus.publishes,
      publishMs: bus.publishMs,
      millis,
      eventsPerSec: published / (millis / 1000),
      reachedHead: reachedAt !== null,
    };
  } finally {
    await relay?.stop().catch(() => undefined);
    await kafka.close();
    await store.close();
  }
}

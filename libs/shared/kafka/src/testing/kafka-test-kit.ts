import { randomUUID } from 'node:crypto';
import type { BatchHandler, RecordedEvent, Subscription } from '@ebp/shared-eventsourcing';
import { type IHeaders, type Kafka, logLevel } from 'kafkajs';
import { KafkaEventBus, type KafkaEventBusOptions } from '../kafka-event-bus';
import { dlqTopicFor } from '../topics';

/** Helpers for the integration specs: unique names per run, fast settings, raw reads, cleanup. */

export const uniqueTopic = (): string => `test-${randomUUID()}.events.v1`;

/** A bus tuned for tests (short waits, quick retries) that remembers what to remove afterwards. */
export class TestKafkaBus extends KafkaEventBus {
  readonly joinedGroups = new Set<string>();

  constructor(readonly settings: KafkaEventBusOptions) {
    super(settings);
  }

  override subscribe(group: string, handler: BatchHandler): Promise<Subscription> {
    this.joinedGroups.add(group);
    return super.subscribe(group, handler);
  }

  /** Closes the bus, then deletes its topics, their DLQs and the groups it joined. */
  async dispose(): Promise<void> {
    await this.close();
    await dropAll(this.kafka, this.settings.topics, [...this.joinedGroups]);
  }
}

export function testBus(brokers: string, topics: string[], overrides: Partial<KafkaEventBusOptions> = {}): TestKafkaBus {
  return new TestKafkaBus({
    brokers: [brokers],
    clientId: `test-${randomUUID().slice(0, 8)}`,
    topics,
    topicResolver: () => topics[0],
    partitions: 3,
    replicationFactor: 1,
    retry: { attempts: 3, initialMs: 50, maxMs: 200 },
    consumer: { heartbeatIntervalMs: 500, sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 20_000, maxWaitTimeMs: 200 },
    // Rebalances and deliberate failures log at ERROR; KAFKA_TEST_LOG=1 shows them.
    logLevel: process.env['KAFKA_TEST_LOG'] === '1' ? logLevel.INFO : logLevel.NOTHING,
    ...overrides,
  });
}

export async function dropAll(kafka: Kafka, topics: string[], groups: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    if (groups.length) await admin.deleteGroups(groups).catch(() => undefined);
    const existing = new Set(await admin.listTopics());
    const doomed = topics.flatMap((t) => [t, dlqTopicFor(t)]).filter((t) => existing.has(t));
    if (doomed.length) await admin.deleteTopics({ topics: doomed, timeout: 10_000 }).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
}

let nextPosition = 1;

export function recordedEvent(streamId: string, revision: number, overrides: Partial<RecordedEvent['metadata']> = {}): RecordedEvent {
  return {
    type: 'ThingHappened',
    data: { revision, note: '測試' },
    metadata: {
      eventId: randomUUID(),
      streamId,
      revision,
      position: nextPosition++,
      occurredAt: '2026-03-02T10:00:00.000+08:00',
      recordedAt: '2026-03-02T02:00:00.123Z',
      actor: { userId: 'user-1', roles: ['agent'] },
      correlationId: randomUUID(),
      causationId: null,
      schemaVersion: 1,
      ...overrides,
    },
  };
}

/** `count` streams of one context, each event with the next revision, interleaved round-robin. */
export function streams(count: number, context = 'kit') {
  const ids = Array.from({ length: count }, () => `${context}.thing-${randomUUID()}`);
  const revisions = new Map(ids.map((id) => [id, 0]));
  const next = (n: number): RecordedEvent[] =>
    Array.from({ length: n }, (_, i) => {
      const id = ids[i % ids.length];
      const revision = revisions.get(id)!;
      revisions.set(id, revision + 1);
      return recordedEvent(id, revision);
    });
  return { ids, next, published: (id: string) => revisions.get(id)! };
}

export interface RawMessage {
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/** Reads a topic from the beginning with a throwaway group until `count` messages arrived. */
export async function readRaw(kafka: Kafka, topic: string, count: number, timeoutMs = 20_000): Promise<RawMessage[]> {
  const groupId = `raw-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200 });
  const messages: RawMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        messages.push({
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? null,
          headers: textHeaders(message.headers),
        });
      },
    });
    await waitFor(() => messages.length >= count, `${count} messages on ${topic}`, timeoutMs);
    return messages;
  } finally {
    await consumer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}

export function textHeaders(headers: IHeaders | undefined): Record<string, string> {
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined) text[name] = (Array.isArray(value) ? value[0] : value).toString();
  }
  return text;
}

/** Committed offset minus end offset per partition, summed: 0 once the group has committed everything. */
export async function groupLag(kafka: Kafka, group: string, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [committed] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
    const ends = await admin.fetchTopicOffsets(topic);
    return ends.reduce((lag, end) => {
      const mine = committed.partitions.find((p) => p.partition === end.partition);
      const at = mine && Number(mine.offset) >= 0 ? Number(mine.offset) : Number(end.low);
      return lag + (Number(end.high) - at);
    }, 0);
  } finally {
    await admin.disconnect();
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(25);
  }
}

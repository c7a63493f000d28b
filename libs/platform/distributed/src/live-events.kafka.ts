import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { decodeEvent, ensureTopics, watermarkOf } from '@ebp/shared-kafka';
import { LiveEventsFanout, type StoppableLiveEvents } from '@ebp/shared-nest';
import { topicsOf, type DistributedConfig } from '@ebp/shared-runtime';
import type { RecordedEvent } from '@ebp/shared-eventsourcing';

/**
 * The query API's live feed (LIVE_EVENTS): a kafkajs consumer of every context's domain topic in a
 * group of its own per process (`<prefix>query-api-live-<random>`), from the latest offsets, never
 * committing: each replica pushes what happens from its start on. Watermarks are skipped; an
 * undecodable message is logged and skipped (the projector parks it on the dead-letter topic).
 */
export class KafkaLiveEvents extends LiveEventsFanout implements StoppableLiveEvents {
  private consumer?: Consumer;
  readonly group: string;

  constructor(
    private readonly config: DistributedConfig,
    private readonly contexts: readonly string[],
  ) {
    super();
    this.group = `${config.kafka.topicPrefix}query-api-live-${randomUUID().slice(0, 8)}`;
  }

  /** Resolves once the consumer joined its group, so what is published from then on reaches the listeners. */
  async start(joinTimeoutMs = 30_000): Promise<void> {
    const kafka = new Kafka({ brokers: this.config.kafka.brokers, clientId: `${this.config.kafka.clientId}-live`, logLevel: logLevel.WARN });
    const topics = topicsOf(this.config, this.contexts).domain;
    const admin = kafka.admin();
    await admin.connect();
    try {
      // Domain topics have one partition (see openBus); the relay and projector may not have made them yet.
      await ensureTopics(admin, topics, { partitions: 1, replicationFactor: this.config.kafka.replicationFactor });
    } finally {
      await admin.disconnect();
    }
    const consumer = kafka.consumer({ groupId: this.group, maxWaitTimeInMs: 250, allowAutoTopicCreation: false, sessionTimeout: 30_000, heartbeatInterval: 3000 });
    this.consumer = consumer;
    const joined = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`live events consumer did not join ${this.group} within ${joinTimeoutMs} ms`)), joinTimeoutMs);
      const off = consumer.on(consumer.events.GROUP_JOIN, () => {
        clearTimeout(timer);
        off();
        resolve();
      });
    });
    try {
      await consumer.connect();
      await consumer.subscribe({ topics, fromBeginning: false });
      await consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          const events: RecordedEvent[] = [];
          for (const message of batch.messages) {
            try {
              if (watermarkOf(message) !== null) continue;
              events.push(decodeEvent(message));
            } catch (error) {
              console.warn(`live events: skipping ${batch.topic}@${message.offset}: ${error instanceof Error ? error.message : String(error)}`);
            }
          }
          this.publish(events);
        },
      });
      await joined;
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    this.clear();
    await consumer?.disconnect().catch(() => undefined);
  }
}

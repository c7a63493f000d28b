import type { BatchHandler, EventBus, EventStore, ReadModelStore, RecordedEvent, Subscription } from '@ebp/shared-eventsourcing';
import { SqliteEventStore } from '@ebp/shared-sqlite';
import { KurrentDbEventStore } from '@ebp/shared-esdb';
import { KafkaEventBus, topicFor } from '@ebp/shared-kafka';
import { MongoReadModelStore } from '@ebp/shared-mongo';
import type { DistributedConfig } from './distributed-config';

/** A port plus a cheap probe of the engine behind it, for `/health/ready`; `ping` rejects when it is down. */
export type Probed<T> = T & { ping(): Promise<void> };

/** The event store named by EVENT_STORE: SQLite (a file shared with the relay) or KurrentDB. */
export async function openEventStore(config: DistributedConfig): Promise<Probed<EventStore>> {
  if (config.eventStore.kind === 'kurrentdb') {
    return new KurrentDbEventStore({ connectionString: config.eventStore.url });
  }
  const store = new SqliteEventStore({ file: config.eventStore.file, synchronous: 'FULL' });
  return Object.assign(store, { ping: async () => void (await store.headPosition()) });
}

export function openReadModels(config: DistributedConfig): Promise<Probed<ReadModelStore>> {
  return MongoReadModelStore.connect({ url: config.mongoUrl });
}

/** Kafka behind the bus port, with a readiness probe that rejects when no broker answers. */
class ProbedKafkaBus implements Probed<EventBus> {
  constructor(readonly kafka: KafkaEventBus) {}

  publish(events: RecordedEvent[]): Promise<void> {
    return this.kafka.publish(events);
  }

  subscribe(group: string, handler: BatchHandler): Promise<Subscription> {
    return this.kafka.subscribe(group, handler);
  }

  close(): Promise<void> {
    return this.kafka.close();
  }

  async ping(): Promise<void> {
    const health = await this.kafka.ping();
    if (!health.ok) throw new Error(health.error ?? 'no Kafka broker answers');
  }
}

export async function openBus(config: DistributedConfig): Promise<Probed<EventBus> & { kafka: KafkaEventBus }> {
  return new ProbedKafkaBus(
    new KafkaEventBus({
      brokers: config.kafka.brokers,
      clientId: config.kafka.clientId,
      topics: config.kafka.topics,
      topicResolver: (streamId) => config.kafka.topicPrefix + topicFor(streamId),
      partitions: config.kafka.partitions,
      replicationFactor: config.kafka.replicationFactor,
    }),
  );
}

import {
  contextOf,
  domainTopicOf,
  integrationTopicOf,
  type BatchHandler,
  type EventBus,
  type EventStore,
  type IntegrationEvent,
  type IntegrationPublisher,
  type ReadModelStore,
  type RecordedEvent,
  type Subscription,
} from '@ebp/shared-eventsourcing';
import { SqliteEventStore } from '@ebp/shared-sqlite';
import { KurrentDbEventStore } from '@ebp/shared-esdb';
import { KafkaEventBus } from '@ebp/shared-kafka';
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

/** The Kafka topics of the contexts a host serves, with the environment's prefix. */
export function topicsOf(config: DistributedConfig, contexts: readonly string[]) {
  const prefix = config.kafka.topicPrefix;
  return {
    domain: contexts.map((c) => prefix + domainTopicOf(c)),
    integration: contexts.map((c) => prefix + integrationTopicOf(c)),
  };
}

/** Kafka behind the bus port, with a readiness probe that rejects when no broker answers. */
class ProbedKafkaBus implements Probed<EventBus>, IntegrationPublisher {
  constructor(readonly kafka: KafkaEventBus) {}

  publish(events: RecordedEvent[], options?: { watermark?: number }): Promise<void> {
    return this.kafka.publish(events, options);
  }

  publishIntegration(events: IntegrationEvent[]): Promise<void> {
    return this.kafka.publishIntegration(events);
  }

  /** `topics`: default the domain topics the bus was opened to consume. */
  subscribe(group: string, handler: BatchHandler, topics?: string[]): Promise<Subscription> {
    return this.kafka.subscribe(group, handler, topics);
  }

  subscribeIntegration(group: string, topics: string[], handler: (events: IntegrationEvent[]) => Promise<void>): Promise<Subscription> {
    return this.kafka.subscribeIntegration(group, topics, handler);
  }

  close(): Promise<void> {
    return this.kafka.close();
  }

  async ping(): Promise<void> {
    const health = await this.kafka.ping();
    if (!health.ok) throw new Error(health.error ?? 'no Kafka broker answers');
  }
}

export type DistributedBus = ProbedKafkaBus;

/**
 * The bus of a distributed host. `consumes`: the domain topics `subscribe` reads; `contexts`: every
 * context of the platform (their domain topics get the relay's watermarks). Domain topics have one
 * partition, so each context's log reaches its projectors in position order; integration topics
 * have `KAFKA_TOPIC_PARTITIONS`, keyed by entity.
 */
export async function openBus(config: DistributedConfig, contexts: readonly string[], consumes: readonly string[] = contexts): Promise<DistributedBus> {
  const prefix = config.kafka.topicPrefix;
  const domainTopics = new Set(topicsOf(config, contexts).domain);
  return new ProbedKafkaBus(
    new KafkaEventBus({
      brokers: config.kafka.brokers,
      clientId: config.kafka.clientId,
      topics: topicsOf(config, consumes).domain,
      topicResolver: (streamId) => prefix + domainTopicOf(contextOf(streamId)),
      integrationTopicResolver: (event) => prefix + integrationTopicOf(event.source),
      watermarkTopics: [...domainTopics],
      // The deployment's topic jobs create a domain topic's .dlq with one partition as well.
      partitionsFor: (topic) => (domainTopics.has(topic.replace(/\.dlq$/, '')) ? 1 : undefined),
      partitions: config.kafka.partitions,
      replicationFactor: config.kafka.replicationFactor,
    }),
  );
}

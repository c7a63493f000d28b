import {
  integrationTopicOf,
  type BatchHandler,
  type EventBus,
  type IntegrationEvent,
  type IntegrationPublisher,
  type RecordedEvent,
  type Subscription,
} from '@ebp/shared-eventsourcing';
import {
  type Admin,
  type CompressionTypes,
  type Consumer,
  type IHeaders,
  Kafka,
  type KafkaMessage,
  type Logger,
  type LogEntry,
  type logCreator,
  logLevel,
  type Message,
  Partitioners,
  type Producer,
  type ProducerBatch,
  type RetryOptions,
} from 'kafkajs';
import { DlqHeaders, decodeEvent, decodeIntegrationEvent, encodeEvent, encodeIntegrationEvent, encodeWatermark } from './codec';
import { DEFAULT_RETRY, type DeadLetter, describeError, GroupConsumer, type RetryPolicy } from './group-consumer';
import { dlqTopicFor, ensureTopics, topicFor } from './topics';

export interface KafkaProducerOptions {
  /** kafkajs ships GZIP only; other codecs need a plug-in registered in CompressionCodecs. Default none. */
  compression?: CompressionTypes;
  /** Broker-side wait for the acks of all in-sync replicas. Default 30 000 ms. */
  ackTimeoutMs?: number;
  /**
   * Retries of one send before `publish` rejects (default 5, about 10 s of backoff). The producer is
   * replaced after a failed send: a batch abandoned by an idempotent producer would otherwise leave
   * its sequence numbers behind and the broker could drop the next batch as a duplicate.
   */
  retries?: number;
}

export interface KafkaConsumerOptions {
  sessionTimeoutMs?: number;
  rebalanceTimeoutMs?: number;
  /** Also how often a slow batch heartbeats while its handler runs. Default 3 000 ms. */
  heartbeatIntervalMs?: number;
  /** Longest a fetch waits for new messages: bounds latency on a quiet topic and how soon a rebalance is seen. Default 1 000 ms. */
  maxWaitTimeMs?: number;
  maxBytesPerPartition?: number;
  /** Partitions handled at once by one member. Default 1: the handler is never called concurrently. */
  partitionsConsumedConcurrently?: number;
  /** How long `subscribe` waits for the group join and assignment. Default 30 000 ms. */
  joinTimeoutMs?: number;
}

export interface KafkaEventBusOptions {
  brokers: string[];
  clientId?: string;
  /** The topics `subscribe` consumes, e.g. `['service-desk.events.v1']`. */
  topics: string[];
  /** Where `publish` sends an event of a stream. Default `topicFor` (`<context>.events.v1`). */
  topicResolver?: (streamId: string) => string;
  /** Where `publishIntegration` sends an integration event. Default `<source>.integration.v1`. */
  integrationTopicResolver?: (event: IntegrationEvent) => string;
  /**
   * Domain topics that get a watermark message on every partition after each `publish` with a
   * watermark, so their projectors learn how far the log has been relayed (read-your-writes).
   */
  watermarkTopics?: string[];
  /** Partitions of a topic this bus creates, when it differs from `partitions` (domain topics: 1). */
  partitionsFor?: (topic: string) => number | undefined;
  /** For topics this bus creates (event topics and their `.dlq`). Default 3. */
  partitions?: number;
  /** For topics this bus creates. Default min(3, brokers). */
  replicationFactor?: number;
  /** Configs of topics this bus creates, e.g. `{ 'retention.ms': '-1' }` to keep events forever. */
  topicConfig?: Record<string, string>;
  /** Backoff for a failing handler, first for the whole batch, then for each message alone before the DLQ. */
  retry?: Partial<RetryPolicy>;
  producer?: KafkaProducerOptions;
  consumer?: KafkaConsumerOptions;
  /** Default WARN. */
  logLevel?: logLevel;
  /** Default: one JSON line per entry on the console, like kafkajs' own. */
  logCreator?: logCreator;
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** kafkajs' retry of connections and requests (its default: 5 retries from 300 ms, about 10 s). */
  connectionRetry?: RetryOptions;
  /** Called after a message was parked on its dead-letter topic (metrics, alerts). */
  onDeadLetter?: (letter: DeadLetter) => void;
}

export interface KafkaHealth {
  ok: boolean;
  clusterId?: string;
  controller?: number | null;
  brokers: number;
  latencyMs: number;
  error?: string;
}

/**
 * The EventBus port on Kafka. `publish` sends one batch per call through an idempotent producer
 * (acks = all, one request in flight), key = stream id so a stream's events share a partition and
 * keep their order. `subscribe` runs one consumer group over `options.topics`; offsets are committed
 * only after the handler resolved (at-least-once), and poison messages end up on `<topic>.dlq`.
 */
export class KafkaEventBus implements EventBus, IntegrationPublisher {
  readonly kafka: Kafka;
  private readonly logger: Logger;
  private readonly retry: RetryPolicy;
  private readonly resolveTopic: (streamId: string) => string;
  private readonly ensured = new Map<string, Promise<void>>();
  private readonly groups = new Set<GroupConsumer<unknown>>();
  private readonly partitionCounts = new Map<string, Promise<number>>();
  private admin?: Promise<Admin>;
  private producer?: Promise<Producer>;
  private closed = false;

  constructor(private readonly options: KafkaEventBusOptions) {
    this.kafka = new Kafka({
      brokers: options.brokers,
      clientId: options.clientId ?? 'ebp',
      logLevel: options.logLevel ?? logLevel.WARN,
      logCreator: withoutKnownNoise(options.logCreator ?? jsonConsoleLogCreator),
      ...(options.connectionTimeoutMs !== undefined ? { connectionTimeout: options.connectionTimeoutMs } : {}),
      ...(options.requestTimeoutMs !== undefined ? { requestTimeout: options.requestTimeoutMs } : {}),
      ...(options.connectionRetry !== undefined ? { retry: options.connectionRetry } : {}),
    });
    this.logger = this.kafka.logger().namespace('KafkaEventBus');
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.resolveTopic = options.topicResolver ?? topicFor;
  }

  async publish(events: RecordedEvent[], options: { watermark?: number } = {}): Promise<void> {
    this.assertOpen();
    if (events.length === 0) return;
    const byTopic = groupBy(events, (event) => this.resolveTopic(event.metadata.streamId), encodeEvent);
    const marked = options.watermark === undefined ? [] : [...new Set([...(this.options.watermarkTopics ?? []), ...byTopic.keys()])];
    await this.ensureTopics([...byTopic.keys(), ...marked]);
    const topicMessages = [...byTopic].map(([topic, messages]) => ({ topic, messages }));
    // After the events in the same request: each partition's watermark follows its events.
    for (const topic of marked) {
      const partitions = await this.partitionCount(topic);
      const messages = Array.from({ length: partitions }, (_, partition) => ({ ...encodeWatermark(options.watermark!), partition }));
      const existing = topicMessages.find((t) => t.topic === topic);
      if (existing) existing.messages.push(...messages);
      else topicMessages.push({ topic, messages });
    }
    await this.send({ topicMessages });
  }

  /** The published language: key = the entity id, to `<source>.integration.v1` unless resolved otherwise. */
  async publishIntegration(events: IntegrationEvent[]): Promise<void> {
    this.assertOpen();
    if (events.length === 0) return;
    const resolve = this.options.integrationTopicResolver ?? ((event: IntegrationEvent) => integrationTopicOf(event.source));
    const byTopic = groupBy(events, resolve, encodeIntegrationEvent);
    await this.ensureTopics([...byTopic.keys()]);
    await this.send({ topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
  }

  /**
   * Joins consumer group `group` over integration topics (other contexts' published language).
   * Same delivery guarantees as `subscribe`.
   */
  subscribeIntegration(group: string, topics: string[], handler: (events: IntegrationEvent[]) => Promise<void>): Promise<Subscription> {
    return this.join(group, topics, decodeIntegrationEvent, (events) => handler(events));
  }

  /**
   * Joins consumer group `group` over `options.topics` and resolves once the member has its
   * assignment. A new group starts from the beginning of the topics, so nothing published after
   * this resolves (or before) is missed; an existing group resumes from its committed offsets.
   */
  subscribe(group: string, handler: BatchHandler, topics: string[] = this.options.topics): Promise<Subscription> {
    return this.join(group, topics, decodeEvent, handler);
  }

  private async join<T>(group: string, topics: string[], decode: (message: KafkaMessage) => T, handler: (items: T[], watermark?: number) => Promise<void>): Promise<Subscription> {
    this.assertOpen();
    if (topics.length === 0) throw new Error(`KafkaEventBus: no topics to subscribe group ${group} to`);
    await this.ensureTopics(topics);
    const settings = this.options.consumer ?? {};
    const heartbeatIntervalMs = settings.heartbeatIntervalMs ?? 3000;
    const consumer = this.kafka.consumer({
      groupId: group,
      sessionTimeout: settings.sessionTimeoutMs ?? 30_000,
      rebalanceTimeout: settings.rebalanceTimeoutMs ?? 60_000,
      heartbeatInterval: heartbeatIntervalMs,
      maxWaitTimeInMs: settings.maxWaitTimeMs ?? 1000,
      allowAutoTopicCreation: false,
      ...(settings.maxBytesPerPartition !== undefined ? { maxBytesPerPartition: settings.maxBytesPerPartition } : {}),
    });
    const worker = new GroupConsumer<T>({
      group,
      consumer,
      decode,
      handler,
      retry: this.retry,
      heartbeatIntervalMs,
      deadLetter: (letter) => this.deadLetter(letter),
      logger: this.logger,
    });
    try {
      await consumer.connect();
      await consumer.subscribe({ topics, fromBeginning: true });
      const joined = joinedGroup(consumer, settings.joinTimeoutMs ?? 30_000);
      await consumer.run({
        autoCommit: false,
        // Offsets are resolved by GroupConsumer itself, message by message, after the handler.
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: settings.partitionsConsumedConcurrently ?? 1,
        eachBatch: worker.eachBatch,
      });
      await joined;
    } catch (error) {
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
    this.groups.add(worker as GroupConsumer<unknown>);
    return {
      stop: async () => {
        await worker.stop();
        this.groups.delete(worker as GroupConsumer<unknown>);
      },
    };
  }

  /** Readiness: the cluster answers a DescribeCluster within `timeoutMs`. Never rejects. */
  async ping(timeoutMs = 5000): Promise<KafkaHealth> {
    const started = Date.now();
    try {
      const cluster = await withTimeout(
        this.adminClient().then((admin) => admin.describeCluster()),
        timeoutMs,
        'describeCluster',
      );
      return {
        ok: cluster.brokers.length > 0,
        clusterId: cluster.clusterId,
        controller: cluster.controller,
        brokers: cluster.brokers.length,
        latencyMs: Date.now() - started,
      };
    } catch (error) {
      return { ok: false, brokers: 0, latencyMs: Date.now() - started, error: describeError(error) };
    }
  }

  /** Creates the topics missing on the cluster, once per topic and bus. */
  async ensureTopics(topics: string[]): Promise<void> {
    const pending = [...new Set(topics)].map((topic) => {
      let ensured = this.ensured.get(topic);
      if (!ensured) {
        ensured = this.adminClient()
          .then((admin) =>
            ensureTopics(admin, [topic], {
              partitions: this.options.partitionsFor?.(topic) ?? this.options.partitions,
              replicationFactor: this.options.replicationFactor,
              configEntries: this.options.topicConfig,
            }),
          )
          .then(() => undefined);
        this.ensured.set(topic, ensured);
        ensured.catch(() => this.ensured.delete(topic));
      }
      return ensured;
    });
    await Promise.all(pending);
  }

  private partitionCount(topic: string): Promise<number> {
    let count = this.partitionCounts.get(topic);
    if (!count) {
      count = this.adminClient()
        .then((admin) => admin.fetchTopicMetadata({ topics: [topic] }))
        .then((metadata) => metadata.topics[0]?.partitions.length || 1);
      this.partitionCounts.set(topic, count);
      count.catch(() => this.partitionCounts.delete(topic));
    }
    return count;
  }

  /** Stops every subscription (each after its batch in progress), then disconnects the producer and admin. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.groups].map((group) => group.stop()));
    this.groups.clear();
    const [producer, admin] = [this.producer, this.admin];
    this.producer = undefined;
    this.admin = undefined;
    await Promise.all([
      producer?.then((p) => p.disconnect()).catch(() => undefined),
      admin?.then((a) => a.disconnect()).catch(() => undefined),
    ]);
  }

  private async deadLetter(letter: DeadLetter): Promise<void> {
    const dlq = dlqTopicFor(letter.topic);
    await this.ensureTopics([dlq]);
    const headers: IHeaders = {
      ...letter.message.headers,
      [DlqHeaders.error]: describeError(letter.error),
      [DlqHeaders.originalTopic]: letter.topic,
      [DlqHeaders.originalPartition]: String(letter.partition),
      [DlqHeaders.originalOffset]: letter.message.offset,
      [DlqHeaders.failedAt]: new Date().toISOString(),
    };
    await this.send({ topicMessages: [{ topic: dlq, messages: [{ key: letter.message.key, value: letter.message.value, headers }] }] });
    this.logger.error('message parked on the dead-letter topic', {
      group: letter.group,
      topic: letter.topic,
      partition: letter.partition,
      offset: letter.message.offset,
      dlq,
      error: describeError(letter.error),
    });
    this.options.onDeadLetter?.(letter);
  }

  private async send(batch: Pick<ProducerBatch, 'topicMessages'>): Promise<void> {
    const pending = this.producerClient();
    const producer = await pending;
    const settings = this.options.producer ?? {};
    try {
      await producer.sendBatch({
        ...batch,
        acks: -1,
        ...(settings.compression !== undefined ? { compression: settings.compression } : {}),
        ...(settings.ackTimeoutMs !== undefined ? { timeout: settings.ackTimeoutMs } : {}),
      });
    } catch (error) {
      // A fresh producer id restarts the sequence numbers the abandoned batch used (see KafkaProducerOptions.retries).
      if (this.producer === pending) this.producer = undefined;
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
  }

  private producerClient(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
        retry: { retries: this.options.producer?.retries ?? 5 },
      });
      const connecting = producer.connect().then(() => producer);
      this.producer = connecting;
      connecting.catch(() => {
        if (this.producer === connecting) this.producer = undefined;
      });
    }
    return this.producer;
  }

  private adminClient(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      const connecting = admin.connect().then(() => admin);
      this.admin = connecting;
      connecting.catch(() => {
        if (this.admin === connecting) this.admin = undefined;
      });
    }
    return this.admin;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('KafkaEventBus is closed');
  }
}

function groupBy<T>(items: T[], topicOf: (item: T) => string, encode: (item: T) => Message): Map<string, Message[]> {
  const byTopic = new Map<string, Message[]>();
  for (const item of items) {
    const topic = topicOf(item);
    const messages = byTopic.get(topic) ?? [];
    messages.push(encode(item));
    byTopic.set(topic, messages);
  }
  return byTopic;
}

/** Resolves on the member's first GROUP_JOIN (assignment received), rejects on a crash kafkajs will not restart from. */
function joinedGroup(consumer: Consumer, timeoutMs: number): Promise<void> {
  const { GROUP_JOIN, CRASH } = consumer.events;
  let removers: (() => void)[] = [];
  let timer: NodeJS.Timeout | undefined;
  const joined = new Promise<void>((resolve, reject) => {
    removers = [
      consumer.on(GROUP_JOIN, () => resolve()),
      consumer.on(CRASH, (event) => {
        if (!event.payload.restart) reject(event.payload.error);
      }),
    ];
    timer = setTimeout(() => reject(new Error(`consumer did not join its group within ${timeoutMs} ms`)), timeoutMs);
  }).finally(() => {
    clearTimeout(timer);
    for (const remove of removers) remove();
  });
  // Awaited only after consumer.run(); keep an early rejection from counting as unhandled meanwhile.
  joined.catch(() => undefined);
  return joined;
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const jsonConsoleLogCreator: logCreator =
  () =>
  ({ namespace, level, label, log }: LogEntry) => {
    const line = JSON.stringify({ level: label, ...log, message: namespace ? `[${namespace}] ${log.message}` : log.message });
    if (level === logLevel.ERROR) console.error(line);
    else if (level === logLevel.WARN) console.warn(line);
    else if (level === logLevel.INFO) console.info(line);
    else console.log(line);
  };

// Bounded producer retries are deliberate here (the producer is replaced after a failed send), so kafkajs' warning about them is noise.
const KNOWN_NOISE = ['Limiting retries for the idempotent producer'];

function withoutKnownNoise(create: logCreator): logCreator {
  return (level) => {
    const write = create(level);
    return (entry) => {
      if (!KNOWN_NOISE.some((text) => entry.log.message.startsWith(text))) write(entry);
    };
  };
}

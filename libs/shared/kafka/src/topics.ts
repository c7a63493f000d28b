import { contextOf, domainTopicOf } from '@ebp/shared-eventsourcing';
import type { Admin, ITopicConfig } from 'kafkajs';

export const DLQ_SUFFIX = '.dlq';
export const DEFAULT_PARTITIONS = 3;

/** The topic of a stream's context: `service-desk.ticket.42` → `service-desk.events.v1`. */
export function topicFor(streamId: string): string {
  return domainTopicOf(contextOf(streamId));
}

/** Where a consumer parks what it cannot handle: `service-desk.events.v1` → `service-desk.events.v1.dlq`. */
export function dlqTopicFor(topic: string): string {
  return `${topic}${DLQ_SUFFIX}`;
}

export interface TopicSettings {
  /** Default 3: the unit of parallelism inside one consumer group. */
  partitions?: number;
  /** Default min(3, brokers in the cluster). kafkajs speaks CreateTopics ≤ v3, which has no "broker default" (-1). */
  replicationFactor?: number;
  /** Extra topic configs, e.g. `{ 'retention.ms': '-1' }`. */
  configEntries?: Record<string, string>;
}

/**
 * Creates the topics that do not exist yet; existing ones are left as they are (their partition
 * count is never changed: that would move keys between partitions and break per-stream order).
 * Safe to race with another process creating the same topics. Returns the topics it created.
 */
export async function ensureTopics(admin: Admin, topics: string[], settings: TopicSettings = {}): Promise<string[]> {
  const wanted = [...new Set(topics)];
  if (wanted.length === 0) return [];
  const missing = await missingTopics(admin, wanted);
  if (missing.length === 0) return [];
  const replicationFactor = settings.replicationFactor ?? Math.min(3, (await admin.describeCluster()).brokers.length);
  const configEntries = Object.entries(settings.configEntries ?? {}).map(([name, value]) => ({ name, value }));
  const specs: ITopicConfig[] = missing.map((topic) => ({
    topic,
    numPartitions: settings.partitions ?? DEFAULT_PARTITIONS,
    replicationFactor,
    ...(configEntries.length ? { configEntries } : {}),
  }));
  try {
    await admin.createTopics({ topics: specs, waitForLeaders: true });
  } catch (error) {
    // Another process may have created some of them meanwhile; only a topic still missing is a failure.
    if ((await missingTopics(admin, missing)).length > 0) throw error;
  }
  return missing;
}

async function missingTopics(admin: Admin, topics: string[]): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  return topics.filter((topic) => !existing.has(topic));
}

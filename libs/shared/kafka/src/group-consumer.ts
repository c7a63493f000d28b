import type { BatchHandler, RecordedEvent, Subscription } from '@ebp/shared-eventsourcing';
import type { Consumer, EachBatchPayload, KafkaMessage, Logger } from 'kafkajs';
import { decodeEvent } from './codec';

/** Exponential backoff for a failing handler: `initialMs`, doubling, capped at `maxMs`, `attempts` tries in all. */
export interface RetryPolicy {
  attempts: number;
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, initialMs: 200, maxMs: 10_000 };

/** One message the handler could not take, on its way to the dead-letter topic. */
export interface DeadLetter {
  group: string;
  topic: string;
  partition: number;
  message: KafkaMessage;
  error: unknown;
}

export interface GroupConsumerOptions {
  group: string;
  consumer: Consumer;
  handler: BatchHandler;
  retry: RetryPolicy;
  /** How often to heartbeat while a batch is being handled (kafkajs only heartbeats between batches). */
  heartbeatIntervalMs: number;
  /** Must resolve only once the message is durably on the dead-letter topic: its offset is committed next. */
  deadLetter: (letter: DeadLetter) => Promise<void>;
  logger: Logger;
}

type Outcome = { kind: 'handled' } | { kind: 'failed'; error: unknown } | { kind: 'stopped' };

/** A run of consecutive messages of one partition: decoded events, or a single message that is not one. */
type Segment = { kind: 'events'; events: RecordedEvent[]; messages: KafkaMessage[] } | { kind: 'undecodable'; message: KafkaMessage; error: unknown };

/**
 * Drives one kafkajs consumer for one group: hands each fetched partition batch to the handler and
 * commits offsets only after the handler resolved, so a crash redelivers (at-least-once) and never
 * skips. A failing batch is retried with backoff, then message by message; what still fails is
 * parked on `<topic>.dlq` and committed, so one poison message never blocks its partition.
 */
export class GroupConsumer implements Subscription {
  private stopping = false;
  private stopped?: Promise<void>;
  private readonly wakers = new Set<() => void>();

  constructor(private readonly options: GroupConsumerOptions) {}

  readonly eachBatch = async (payload: EachBatchPayload): Promise<void> => {
    const { heartbeat } = payload;
    // Keeps the session alive through slow handlers and backoff pauses; a failed heartbeat (rebalance)
    // surfaces as a failed commit below, which makes kafkajs rejoin and redeliver.
    const timer = setInterval(() => void heartbeat().catch(() => undefined), this.options.heartbeatIntervalMs);
    try {
      for (const segment of segmentsOf(payload.batch.messages)) {
        if (!this.active(payload)) return;
        const done = segment.kind === 'events' ? await this.deliver(payload, segment.events, segment.messages) : await this.park(payload, segment.message, segment.error);
        if (!done) return;
      }
    } finally {
      clearInterval(timer);
    }
  };

  /** Resolves after the batch in progress has been handled (or abandoned between retries) and the member left the group. */
  stop(): Promise<void> {
    if (!this.stopped) {
      this.stopping = true;
      for (const wake of this.wakers) wake();
      this.stopped = this.options.consumer.disconnect();
    }
    return this.stopped;
  }

  /** Returns false when consumption must end early (stop or rebalance); what was not committed is redelivered. */
  private async deliver(payload: EachBatchPayload, events: RecordedEvent[], messages: KafkaMessage[]): Promise<boolean> {
    const whole = await this.attempt(payload, events);
    if (whole.kind === 'stopped') return false;
    if (whole.kind === 'handled') {
      await this.commit(payload, messages[messages.length - 1]);
      return true;
    }
    if (events.length > 1) {
      this.options.logger.warn('batch handler failed after retries, isolating messages', {
        group: this.options.group,
        topic: payload.batch.topic,
        partition: payload.batch.partition,
        size: events.length,
        error: describeError(whole.error),
      });
    }
    for (let i = 0; i < events.length; i++) {
      const single = events.length === 1 ? whole : await this.attempt(payload, [events[i]]);
      if (single.kind === 'stopped') return false;
      if (single.kind === 'handled') await this.commit(payload, messages[i]);
      else if (!(await this.park(payload, messages[i], single.error))) return false;
    }
    return true;
  }

  private async park(payload: EachBatchPayload, message: KafkaMessage, error: unknown): Promise<boolean> {
    if (!this.active(payload)) return false;
    const { topic, partition } = payload.batch;
    await this.options.deadLetter({ group: this.options.group, topic, partition, message, error });
    await this.commit(payload, message);
    return true;
  }

  private async attempt(payload: EachBatchPayload, events: RecordedEvent[]): Promise<Outcome> {
    const { attempts, initialMs, maxMs } = this.options.retry;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.options.handler(events);
        return { kind: 'handled' };
      } catch (error) {
        if (attempt >= attempts) return { kind: 'failed', error };
        if (!this.active(payload)) return { kind: 'stopped' };
        await this.pause(Math.min(maxMs, initialMs * 2 ** (attempt - 1)));
        if (!this.active(payload)) return { kind: 'stopped' };
      }
    }
  }

  /** The committed offset is the next one to read, hence + 1. */
  private async commit(payload: EachBatchPayload, message: KafkaMessage): Promise<void> {
    const { topic, partition } = payload.batch;
    payload.resolveOffset(message.offset);
    const offset = (BigInt(message.offset) + 1n).toString();
    // commitOffsetsIfNecessary(offsets) commits exactly these offsets now, even while stop() is draining;
    // consumer.commitOffsets would silently skip the commit once the runner stops.
    await payload.commitOffsetsIfNecessary({ topics: [{ topic, partitions: [{ partition, offset }] }] });
  }

  private active(payload: EachBatchPayload): boolean {
    return !this.stopping && payload.isRunning() && !payload.isStale();
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakers.add(wake);
    });
  }
}

function segmentsOf(messages: KafkaMessage[]): Segment[] {
  const segments: Segment[] = [];
  let current: Extract<Segment, { kind: 'events' }> | undefined;
  for (const message of messages) {
    try {
      const event = decodeEvent(message);
      if (!current) segments.push((current = { kind: 'events', events: [], messages: [] }));
      current.events.push(event);
      current.messages.push(message);
    } catch (error) {
      current = undefined;
      segments.push({ kind: 'undecodable', message, error });
    }
  }
  return segments;
}

export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}

import type { Subscription } from '@ebp/shared-eventsourcing';
import type { Consumer, EachBatchPayload, KafkaMessage, Logger } from 'kafkajs';
import { watermarkOf } from './codec';

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

export interface GroupConsumerOptions<T> {
  group: string;
  consumer: Consumer;
  /** Throws UndecodableMessageError for a message that is not a T (it goes to the dead-letter topic). */
  decode: (message: KafkaMessage) => T;
  /** `watermark`: a watermark message followed these items on the partition. */
  handler: (items: T[], watermark?: number) => Promise<void>;
  retry: RetryPolicy;
  /** How often to heartbeat while a batch is being handled (kafkajs only heartbeats between batches). */
  heartbeatIntervalMs: number;
  /** Must resolve only once the message is durably on the dead-letter topic: its offset is committed next. */
  deadLetter: (letter: DeadLetter) => Promise<void>;
  logger: Logger;
}

type Outcome = { kind: 'handled' } | { kind: 'failed'; error: unknown } | { kind: 'stopped' };

/**
 * A run of consecutive messages of one partition: decoded items (ended by a watermark message when
 * `watermark` is set; `messages` then holds it last), or a single message that is not one.
 */
type Segment<T> =
  | { kind: 'items'; items: T[]; messages: KafkaMessage[]; watermark?: number }
  | { kind: 'undecodable'; message: KafkaMessage; error: unknown };

/**
 * Drives one kafkajs consumer for one group: hands each fetched partition batch to the handler and
 * commits offsets only after the handler resolved, so a crash redelivers (at-least-once) and never
 * skips. A failing batch is retried with backoff, then message by message; what still fails is
 * parked on `<topic>.dlq` and committed, so one poison message never blocks its partition.
 */
export class GroupConsumer<T> implements Subscription {
  private stopping = false;
  private stopped?: Promise<void>;
  private readonly wakers = new Set<() => void>();

  constructor(private readonly options: GroupConsumerOptions<T>) {}

  readonly eachBatch = async (payload: EachBatchPayload): Promise<void> => {
    const { heartbeat } = payload;
    // Keeps the session alive through slow handlers and backoff pauses; a failed heartbeat (rebalance)
    // surfaces as a failed commit below, which makes kafkajs rejoin and redeliver.
    const timer = setInterval(() => void heartbeat().catch(() => undefined), this.options.heartbeatIntervalMs);
    try {
      for (const segment of segmentsOf(payload.batch.messages, this.options.decode)) {
        if (!this.active(payload)) return;
        const done = segment.kind === 'items' ? await this.deliver(payload, segment) : await this.park(payload, segment.message, segment.error);
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
  private async deliver(payload: EachBatchPayload, segment: Extract<Segment<T>, { kind: 'items' }>): Promise<boolean> {
    const { items: events, messages, watermark } = segment;
    const whole = await this.attempt(payload, events, watermark);
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
    // Isolated, the items lose the watermark: the next one raises the checkpoint instead.
    for (let i = 0; i < events.length; i++) {
      const single = events.length === 1 && watermark === undefined ? whole : await this.attempt(payload, [events[i]]);
      if (single.kind === 'stopped') return false;
      if (single.kind === 'handled') await this.commit(payload, messages[i]);
      else if (!(await this.park(payload, messages[i], single.error))) return false;
    }
    if (messages.length > events.length) await this.commit(payload, messages[messages.length - 1]);
    return true;
  }

  private async park(payload: EachBatchPayload, message: KafkaMessage, error: unknown): Promise<boolean> {
    if (!this.active(payload)) return false;
    const { topic, partition } = payload.batch;
    await this.options.deadLetter({ group: this.options.group, topic, partition, message, error });
    await this.commit(payload, message);
    return true;
  }

  private async attempt(payload: EachBatchPayload, events: T[], watermark?: number): Promise<Outcome> {
    const { attempts, initialMs, maxMs } = this.options.retry;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.options.handler(events, watermark);
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

function segmentsOf<T>(messages: KafkaMessage[], decode: (message: KafkaMessage) => T): Segment<T>[] {
  const segments: Segment<T>[] = [];
  let current: Extract<Segment<T>, { kind: 'items' }> | undefined;
  for (const message of messages) {
    let decoded: { watermark: number } | { item: T };
    try {
      const watermark = watermarkOf(message);
      decoded = watermark === null ? { item: decode(message) } : { watermark };
    } catch (error) {
      current = undefined;
      segments.push({ kind: 'undecodable', message, error });
      continue;
    }
    if (!current) segments.push((current = { kind: 'items', items: [], messages: [] }));
    current.messages.push(message);
    if ('item' in decoded) current.items.push(decoded.item);
    else {
      current.watermark = decoded.watermark;
      current = undefined;
    }
  }
  return segments;
}

export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}

import type { AllStreamResolvedEvent } from '@kurrent/kurrentdb-client';
import type { BatchHandler, RecordedEvent, Subscription } from '@ebp/shared-eventsourcing';

/** What is used of the client's AllStreamSubscription (a Readable in object mode), so tests can stand in for it. */
export interface AllEventSource extends AsyncIterable<AllStreamResolvedEvent> {
  /** Events already received and buffered: what the next batch may take without waiting. */
  readonly readableLength: number;
  on(event: 'error', listener: (error: Error) => void): unknown;
  unsubscribe(): Promise<void>;
}

export interface KurrentCatchUpOptions {
  after: number;
  batchSize: number;
  /** Pause before a failed batch is delivered again: doubles from `initial` up to `max`. */
  retryDelayMs: { initial: number; max: number };
  /** Pause before subscribing again after the server or the connection dropped the subscription. */
  resubscribeDelayMs: number;
  onHandlerError: (error: unknown) => void;
  onSubscriptionError: (error: unknown) => void;
}

/** Opens a server-side subscription delivering the events after `after` (it may repeat the one at `after`). */
export type OpenSource = (after: number) => AllEventSource;
/** Our envelope, or null for an event the port does not show (a system event). */
export type DecodeEvent = (resolved: AllStreamResolvedEvent) => RecordedEvent | null;

const STOPPED = Symbol('stopped');
// An unsubscribe that never settles (a connection still being set up) must not hold stop() forever.
const RELEASE_TIMEOUT_MS = 1000;

function pause(ms: number, interrupt: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const elapsed = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  return Promise.race([elapsed, interrupt]).finally(() => clearTimeout(timer));
}

/**
 * Follows a KurrentDB catch-up subscription to `$all` and hands its events to the handler in
 * order, in batches of what has arrived (at most `batchSize`), one call at a time. A failed batch
 * is retried as is; a dropped subscription is reopened from the last delivered position, and
 * anything it repeats is skipped by position.
 */
export class KurrentCatchUpSubscription implements Subscription {
  private position: number;
  private stopped = false;
  private readonly stopping: Promise<void>;
  private stopNow: () => void = () => undefined;
  private readonly done: Promise<void>;

  constructor(
    private readonly open: OpenSource,
    private readonly decode: DecodeEvent,
    private readonly handler: BatchHandler,
    private readonly options: KurrentCatchUpOptions,
  ) {
    this.position = options.after;
    this.stopping = new Promise((resolve) => (this.stopNow = resolve));
    this.done = this.run();
  }

  /** Resolves once no handler call is running or will start; do not await it inside the handler. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopNow();
    await this.done;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let source: AllEventSource | undefined;
      try {
        source = this.open(this.position);
        // The iterator reports errors; this listener only keeps a late one from crashing the process.
        source.on('error', () => undefined);
        await this.follow(source);
      } catch (error) {
        if (!this.stopped) this.options.onSubscriptionError(error);
      } finally {
        if (source) await this.release(source);
      }
      if (!this.stopped) await pause(this.options.resubscribeDelayMs, this.stopping);
    }
  }

  /** Returns when stopped; throws when the subscription fails or ends. */
  private async follow(source: AllEventSource): Promise<void> {
    const events = source[Symbol.asyncIterator]();
    for (;;) {
      const batch = await this.nextBatch(events, source);
      if (batch === STOPPED) return;
      await this.deliver(batch);
      if (this.stopped) return;
      // Yield to timers and I/O between batches, or a long catch-up would starve the process.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Waits for one new event, then takes whatever else is already buffered, up to batchSize. */
  private async nextBatch(events: AsyncIterator<AllStreamResolvedEvent>, source: AllEventSource): Promise<RecordedEvent[] | typeof STOPPED> {
    const batch: RecordedEvent[] = [];
    let last = this.position;
    while (batch.length < this.options.batchSize && (batch.length === 0 || source.readableLength > 0)) {
      const next = await Promise.race([events.next(), this.stopping.then((): typeof STOPPED => STOPPED)]);
      if (next === STOPPED) return STOPPED;
      if (next.done) throw new Error('the $all subscription ended');
      const event = this.decode(next.value);
      if (event && event.metadata.position > last) {
        batch.push(event);
        last = event.metadata.position;
      }
    }
    return batch;
  }

  private async deliver(batch: RecordedEvent[]): Promise<void> {
    const { initial, max } = this.options.retryDelayMs;
    for (let delay = initial; !this.stopped; delay = Math.min(delay * 2, max)) {
      try {
        await this.handler(batch);
        this.position = batch[batch.length - 1].metadata.position;
        return;
      } catch (error) {
        this.options.onHandlerError(error);
        await pause(delay, this.stopping);
      }
    }
  }

  private async release(source: AllEventSource): Promise<void> {
    const unsubscribed = source.unsubscribe().catch(() => undefined);
    await pause(RELEASE_TIMEOUT_MS, unsubscribed);
  }
}

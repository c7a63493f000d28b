import type { BatchHandler, RecordedEvent, Subscription } from '@ebp/shared-eventsourcing';

export interface CatchUpOptions {
  after: number;
  batchSize: number;
  /** Idle re-read interval, so a writer in another process sharing the file is followed too. */
  pollIntervalMs: number;
  /** Pause before a failed batch is delivered again: doubles from `initial` up to `max`. */
  retryDelayMs: { initial: number; max: number };
  onError: (error: unknown) => void;
}

type ReadBatch = (after: number, limit: number) => RecordedEvent[] | Promise<RecordedEvent[]>;

/** A promise that resolves on the next `fire()`; armed before a read so no wake-up is lost. */
class Signal {
  private resolve: () => void = () => undefined;

  next(): Promise<void> {
    return new Promise((resolve) => (this.resolve = resolve));
  }

  fire(): void {
    this.resolve();
  }
}

function pause(ms: number, interrupt: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const elapsed = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  return Promise.race([elapsed, interrupt]).finally(() => clearTimeout(timer));
}

/**
 * Reads batches after its position and hands them to the handler in order; when caught up it
 * sleeps until woken by a local commit or the poll interval. A failed batch is retried as is.
 */
export class CatchUpSubscription implements Subscription {
  private position: number;
  private stopped = false;
  private readonly appended = new Signal();
  private readonly stopping: Promise<void>;
  private stopNow: () => void = () => undefined;
  private readonly done: Promise<void>;

  constructor(
    private readonly read: ReadBatch,
    private readonly handler: BatchHandler,
    private readonly options: CatchUpOptions,
  ) {
    this.position = options.after;
    this.stopping = new Promise((resolve) => (this.stopNow = resolve));
    this.done = this.run();
  }

  /** Called after a local commit: new events may be there. */
  wake(): void {
    this.appended.fire();
  }

  /** Resolves once no handler call is running or will start; do not await it inside the handler. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopNow();
    await this.done;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const woken = this.appended.next();
      const batch = await this.readSafely();
      if (batch === null) continue;
      if (batch.length === 0) {
        await pause(this.options.pollIntervalMs, Promise.race([woken, this.stopping]));
        continue;
      }
      await this.deliver(batch);
      // Yield to timers and I/O between batches, or a long catch-up would starve the process.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private async readSafely(): Promise<RecordedEvent[] | null> {
    try {
      return await this.read(this.position, this.options.batchSize);
    } catch (error) {
      this.options.onError(error);
      await pause(this.options.retryDelayMs.max, this.stopping);
      return null;
    }
  }

  private async deliver(batch: RecordedEvent[]): Promise<void> {
    const { initial, max } = this.options.retryDelayMs;
    for (let delay = initial; !this.stopped; delay = Math.min(delay * 2, max)) {
      try {
        await this.handler(batch);
        this.position = batch[batch.length - 1].metadata.position;
        return;
      } catch (error) {
        this.options.onError(error);
        await pause(delay, this.stopping);
      }
    }
  }
}

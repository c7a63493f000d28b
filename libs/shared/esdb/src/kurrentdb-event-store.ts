/**
 * The distributed event store: KurrentDB (formerly EventStoreDB) through `@kurrent/kurrentdb-client`.
 *
 * Why this client: it is the maintained successor of `@eventstore/db-client`. Kurrent renamed the
 * product and republished the Node client as `@kurrent/kurrentdb-client` (v1.0.0 release notes,
 * kurrent-io/KurrentDB-Client-NodeJS: "The rebranded client is registered as a new package on NPM");
 * the EventStoreDB-branded packages are the legacy generation. It talks gRPC to EventStoreDB 20.6+
 * and KurrentDB 25+, accepts `esdb://` as well as `kurrentdb://` connection strings, reads through
 * its Rust core with server-side filtering for `readAll`, and ships its own TypeScript types.
 *
 * Positions: see kurrentdb-mapping.ts for why `position = commit` and how reads resume from it.
 */
import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  StreamNotFoundError,
  excludeSystemEvents,
  type AllStreamResolvedEvent,
  type ReadPosition,
} from '@kurrent/kurrentdb-client';
import {
  NO_STREAM,
  WrongExpectedRevisionError,
  type AppendResult,
  type BatchHandler,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
  type Subscription,
} from '@ebp/shared-eventsourcing';
import { KurrentCatchUpSubscription } from './kurrentdb-catch-up-subscription';
import {
  isSystemEvent,
  toAppendError,
  toEventData,
  toGlobalPosition,
  toReadPosition,
  toRecordedEvent,
  toStreamState,
} from './kurrentdb-mapping';

export interface KurrentDbEventStoreOptions {
  /** e.g. `kurrentdb://localhost:2113?tls=false`; `esdb://` and `+discover` cluster strings work too. */
  connectionString: string;
  /** Backoff before a subscription retries a batch its handler failed. */
  retryDelayMs?: { initial: number; max: number };
  /** Pause before a dropped subscription is reopened from its last delivered position. */
  resubscribeDelayMs?: number;
  /** How long ping() waits for the server. */
  pingTimeoutMs?: number;
  /** Where subscription handler failures are reported; the batch is retried regardless. */
  onHandlerError?: (error: unknown) => void;
  /** Where dropped subscriptions are reported; they are reopened regardless. */
  onSubscriptionError?: (error: unknown) => void;
}

// Pages of a backwards scan for the head: one event nearly always suffices (system events are filtered server-side).
const HEAD_PAGE = 16;

export class KurrentDbEventStore implements EventStore {
  private readonly client: KurrentDBClient;
  private readonly subscriptions = new Set<KurrentCatchUpSubscription>();
  private readonly appending = new Set<Promise<unknown>>();
  private closed = false;

  constructor(private readonly options: KurrentDbEventStoreOptions) {
    this.client = KurrentDBClient.connectionString(options.connectionString);
  }

  append(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new Error('event store is closed'));
    const appended = this.appendNow(streamId, events, expectedRevision);
    // close() waits for appends in flight, so none is cut off with an unknown outcome.
    const tracked = appended.catch(() => undefined);
    this.appending.add(tracked);
    void tracked.then(() => this.appending.delete(tracked));
    return appended;
  }

  private async appendNow(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    const streamState = toStreamState(expectedRevision);
    if (events.length === 0) return this.checkRevision(streamId, expectedRevision);
    const result = await this.client.appendToStream(streamId, events.map(toEventData), { streamState }).catch((error: unknown) => {
      throw toAppendError(streamId, expectedRevision, error);
    });
    if (!result.success) {
      // Only with throwOnAppendFailure=false in the connection string, where the client misreports the actual revision.
      const last = await this.readOne(streamId, END, BACKWARDS);
      throw new WrongExpectedRevisionError(streamId, expectedRevision === 'any' ? NO_STREAM : expectedRevision, last ? last.metadata.revision : NO_STREAM);
    }
    const nextExpectedRevision = Number(result.nextExpectedRevision);
    // The server answers with the log position of the append's last event (its TransactionEnd prepare).
    const lastPosition = result.position ? toGlobalPosition(result.position) : await this.positionAt(streamId, nextExpectedRevision);
    return { nextExpectedRevision, lastPosition };
  }

  /** An empty append writes nothing; it still answers like one, refusing a wrong expected revision. */
  private async checkRevision(streamId: string, expected: ExpectedRevision): Promise<AppendResult> {
    const last = await this.readOne(streamId, END, BACKWARDS);
    const actual = last ? last.metadata.revision : NO_STREAM;
    if (expected !== 'any' && expected !== actual) throw new WrongExpectedRevisionError(streamId, expected, actual);
    return { nextExpectedRevision: actual, lastPosition: last ? last.metadata.position : 0 };
  }

  private async positionAt(streamId: string, revision: number): Promise<number> {
    const event = await this.readOne(streamId, BigInt(revision), FORWARDS);
    if (!event) throw new Error(`stream ${streamId} has no revision ${revision} right after appending it`);
    return event.metadata.position;
  }

  private async readOne(streamId: string, fromRevision: bigint | typeof END, direction: typeof FORWARDS | typeof BACKWARDS): Promise<RecordedEvent | null> {
    try {
      for await (const resolved of this.client.readStream(streamId, { fromRevision, direction, maxCount: 1 })) {
        if (resolved.event) return toRecordedEvent(resolved.event);
      }
      return null;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return null;
      throw error;
    }
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId)) {
        if (resolved.event) events.push(toRecordedEvent(resolved.event));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  /**
   * System event types are filtered by the server; events of `$`-streams with ordinary types are
   * dropped here, and reading goes on past them so a page is never empty while more events exist.
   */
  async readAll({ after, limit }: { after: number; limit: number }): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for (let from = after; events.length < limit; ) {
      // One more than wanted: a read from `from` starts with the event at `from`, when there is one.
      const wanted = limit - events.length + 1;
      const page = await this.readAllPage(toReadPosition(from), FORWARDS, wanted);
      let reached = from;
      for (const event of page) {
        const position = toGlobalPosition(event.position);
        if (position <= reached) continue;
        reached = position;
        if (!isSystemEvent(event)) events.push(toRecordedEvent(event));
        if (events.length === limit) break;
      }
      if (page.length < wanted || reached === from) break;
      from = reached;
    }
    return events;
  }

  async headPosition(): Promise<number> {
    let from: ReadPosition = END;
    for (let before = Infinity; ; ) {
      const page = await this.readAllPage(from, BACKWARDS, HEAD_PAGE);
      let reached = before;
      for (const event of page) {
        const position = toGlobalPosition(event.position);
        // Backwards reads exclude their starting event; this also guards against a server that does not.
        if (position >= reached) continue;
        if (!isSystemEvent(event)) return position;
        reached = position;
      }
      if (page.length < HEAD_PAGE || reached === before) return 0;
      before = reached;
      from = { commit: BigInt(reached), prepare: BigInt(reached) };
    }
  }

  private async readAllPage(fromPosition: ReadPosition, direction: typeof FORWARDS | typeof BACKWARDS, maxCount: number): Promise<NonNullable<AllStreamResolvedEvent['event']>[]> {
    const events: NonNullable<AllStreamResolvedEvent['event']>[] = [];
    for await (const resolved of this.client.readAll({ fromPosition, direction, maxCount, filter: excludeSystemEvents() })) {
      if (resolved.event) events.push(resolved.event);
    }
    return events;
  }

  subscribeToAll(options: { after: number; batchSize?: number }, handler: BatchHandler): Subscription {
    if (this.closed) throw new Error('event store is closed');
    toReadPosition(options.after); // refuses a bad position now rather than on every reconnection
    const batchSize = options.batchSize ?? 500;
    const subscription = new KurrentCatchUpSubscription(
      (after) =>
        // The buffer holds what the next batch can take without waiting; past it, gRPC flow control holds the server back.
        this.client.subscribeToAll({ fromPosition: toReadPosition(after), filter: excludeSystemEvents() }, { highWaterMark: batchSize }),
      (resolved) => (resolved.event && !isSystemEvent(resolved.event) ? toRecordedEvent(resolved.event) : null),
      handler,
      {
        after: options.after,
        batchSize,
        retryDelayMs: this.options.retryDelayMs ?? { initial: 100, max: 2000 },
        resubscribeDelayMs: this.options.resubscribeDelayMs ?? 1000,
        onHandlerError: this.options.onHandlerError ?? ((error) => console.error('event store subscription: handler failed, retrying the batch', error)),
        onSubscriptionError:
          this.options.onSubscriptionError ?? ((error) => console.warn('event store subscription: dropped, subscribing again from the last delivered position', error)),
      },
    );
    this.subscriptions.add(subscription);
    return {
      stop: async () => {
        this.subscriptions.delete(subscription);
        await subscription.stop();
      },
    };
  }

  /** Readiness: resolves once the server answers a read of `$all`, rejects after pingTimeoutMs. */
  async ping(): Promise<void> {
    if (this.closed) throw new Error('event store is closed');
    const timeoutMs = this.options.pingTimeoutMs ?? 5000;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`KurrentDB did not answer within ${timeoutMs} ms`)), timeoutMs);
    });
    const read = drain(this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 }));
    read.catch(() => undefined); // still settles after a timeout; nobody waits for it then
    try {
      await Promise.race([read, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Stops subscriptions, lets appends in flight finish, then disposes of the client. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const subscriptions = [...this.subscriptions];
    this.subscriptions.clear();
    await Promise.all(subscriptions.map((s) => s.stop()));
    await Promise.all(this.appending);
    await this.client.dispose();
  }
}

async function drain(events: AsyncIterable<unknown>): Promise<void> {
  for await (const event of events) void event;
}

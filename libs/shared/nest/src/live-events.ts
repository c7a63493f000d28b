import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { RecordedEvent } from '@ebp/shared-eventsourcing';

/**
 * The live feed port: every batch of events as the host learns of it, for pushing to clients
 * (Server-Sent Events). Best effort and from "now" on: no replay, no checkpoint; a client that needs
 * the whole picture reads a read model and applies the feed on top by position.
 * Embedded: the in-process bus, after the projections handled the batch. Distributed (query-api):
 * a Kafka consumer of every context's domain topic from the latest offsets.
 */
export interface LiveEvents {
  /** `listener` gets every later batch, in order per stream; returns the unsubscribe. */
  subscribe(listener: (events: RecordedEvent[]) => void): () => void;
}

export const LIVE_EVENTS = Symbol('LIVE_EVENTS');

/**
 * A fan-out of batches to listeners: the host feeds `publish`; a listener that throws is logged and
 * kept, and never fails the feeder (the bus, the consumer).
 */
export class LiveEventsFanout implements LiveEvents {
  private readonly listeners = new Set<(events: RecordedEvent[]) => void>();

  constructor(private readonly onListenerError: (error: unknown) => void = (error) => console.error('live events listener failed', error)) {}

  subscribe(listener: (events: RecordedEvent[]) => void): () => void {
    // A wrapper per call: the same function subscribed twice is two subscriptions.
    const entry = (events: RecordedEvent[]) => listener(events);
    this.listeners.add(entry);
    return () => void this.listeners.delete(entry);
  }

  publish(events: RecordedEvent[]): void {
    if (events.length === 0) return;
    for (const listener of [...this.listeners]) {
      try {
        listener(events);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }

  clear(): void {
    this.listeners.clear();
  }
}

/** A live feed the host started, stopped after the HTTP server closed. */
export interface StoppableLiveEvents extends LiveEvents {
  stop(): Promise<void>;
}

const LIVE_FEED = Symbol('LIVE_FEED');

/** Provides LIVE_EVENTS from an already started feed to every module, and stops it on shutdown. */
@Module({})
export class LiveEventsModule implements OnApplicationShutdown {
  constructor(@Inject(LIVE_FEED) private readonly feed: StoppableLiveEvents) {}

  static forRoot(feed: StoppableLiveEvents): DynamicModule {
    return {
      module: LiveEventsModule,
      global: true,
      providers: [
        { provide: LIVE_FEED, useValue: feed },
        { provide: LIVE_EVENTS, useValue: feed },
      ],
      exports: [LIVE_EVENTS],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.feed.stop();
  }
}

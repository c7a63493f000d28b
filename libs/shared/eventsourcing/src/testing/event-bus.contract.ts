import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '../envelope';
import type { BatchHandler, EventBus, Subscription } from '../ports';

export interface EventBusFixture {
  bus: EventBus;
  /** Closes the bus and removes whatever the factory created. */
  cleanup: () => Promise<void>;
}

// A broker delivers asynchronously: every expectation waits, bounded, instead of assuming delivery on publish.
const SLOW = 30_000;
const QUIET_MS = 500;

/**
 * The EventBus port's contract. Groups and stream ids are unique per test and a test only counts
 * the events it published, so a broker shared with other tests (Kafka) works too.
 *
 * Handler errors: the port promises at-least-once, so an event whose handler threw must reach
 * that handler again. A bus may redeliver it itself (Kafka: the offset is not committed) or make
 * `publish` reject so the publisher retries (in-process: the relay keeps its checkpoint and
 * republishes). The contract accepts either; duplicates are allowed, loss is not.
 */
export function eventBusContract(name: string, factory: () => Promise<EventBusFixture>): void {
  describe(`EventBus contract: ${name}`, () => {
    let bus: EventBus;
    let cleanup: () => Promise<void>;
    const subscriptions: Subscription[] = [];

    beforeEach(async () => {
      ({ bus, cleanup } = await factory());
    });

    afterEach(async () => {
      for (const subscription of subscriptions.splice(0)) await subscription.stop();
      await cleanup();
    });

    const subscribe = async (handler: BatchHandler): Promise<Subscription> => {
      const subscription = await bus.subscribe(`contract-${randomUUID()}`, handler);
      subscriptions.push(subscription);
      return subscription;
    };

    const collect = async (streams: Set<string>) => {
      const received: RecordedEvent[] = [];
      const subscription = await subscribe(async (batch) => {
        received.push(...batch.filter((e) => streams.has(e.metadata.streamId)));
      });
      return { received, subscription, ids: () => new Set(received.map((e) => e.metadata.eventId)) };
    };

    it(
      'delivers every event published after subscribing',
      async () => {
        const streams = streamsOf(3);
        const sub = await collect(streams.ids);
        const published = streams.next(12);
        for (let i = 0; i < published.length; i += 4) await bus.publish(published.slice(i, i + 4));
        await waitFor(() => sub.ids().size === published.length, 'all published events');
        expect([...sub.ids()].sort()).toEqual(published.map((e) => e.metadata.eventId).sort());
      },
      SLOW,
    );

    it(
      'delivers the events of one stream in revision order',
      async () => {
        const streams = streamsOf(4);
        const sub = await collect(streams.ids);
        const published = streams.next(40);
        for (let i = 0; i < published.length; i += 5) await bus.publish(published.slice(i, i + 5));
        await waitFor(() => sub.ids().size === published.length, 'all published events');
        for (const stream of streams.ids) {
          expect(firstSeenRevisions(sub.received, stream)).toEqual(Array.from({ length: 10 }, (_, i) => i));
        }
      },
      SLOW,
    );

    it(
      'delivers an event unchanged: type, data and metadata',
      async () => {
        const streams = streamsOf(1);
        const sub = await collect(streams.ids);
        const [event] = streams.next(1);
        await bus.publish([event]);
        await waitFor(() => sub.received.length >= 1, 'the event');
        expect(sub.received[0]).toEqual(event);
      },
      SLOW,
    );

    it(
      'delivers every event to each of two groups',
      async () => {
        const streams = streamsOf(2);
        const first = await collect(streams.ids);
        const second = await collect(streams.ids);
        const published = streams.next(10);
        await bus.publish(published.slice(0, 6));
        await bus.publish(published.slice(6));
        await waitFor(() => first.ids().size === 10 && second.ids().size === 10, 'both groups');
        expect(first.ids()).toEqual(second.ids());
      },
      SLOW,
    );

    it(
      'stops delivering to a group once stop() has resolved, while other groups go on',
      async () => {
        const streams = streamsOf(1);
        const stopped = await collect(streams.ids);
        const running = await collect(streams.ids);
        await bus.publish(streams.next(2));
        await waitFor(() => stopped.ids().size === 2 && running.ids().size === 2, 'the first events');
        await stopped.subscription.stop();
        subscriptions.splice(subscriptions.indexOf(stopped.subscription), 1);
        await bus.publish(streams.next(2));
        await waitFor(() => running.ids().size === 4, 'the running group');
        await sleep(QUIET_MS);
        expect(stopped.ids().size).toBe(2);
      },
      SLOW,
    );

    it(
      'loses no event when a handler throws: the bus redelivers it or publish rejects so the publisher retries',
      async () => {
        const streams = streamsOf(1);
        const published = streams.next(3);
        const failOnce = new Set([published[1].metadata.eventId]);
        const handled = new Set<string>();
        await subscribe(async (batch) => {
          for (const event of batch) {
            if (failOnce.delete(event.metadata.eventId)) throw new Error('handler failed on purpose');
            handled.add(event.metadata.eventId);
          }
        });
        await publishUntilAccepted(bus, published);
        await waitFor(() => published.every((e) => handled.has(e.metadata.eventId)), 'redelivery after the failure');
        expect(failOnce.size).toBe(0);
      },
      SLOW,
    );
  });
}

let nextPosition = 1;

/** Streams of one context whose next events carry consecutive revisions, interleaved round-robin. */
function streamsOf(count: number) {
  const revisions = new Map<string, number>(Array.from({ length: count }, () => [`contract.thing-${randomUUID()}`, 0] as const));
  const ids = new Set(revisions.keys());
  const next = (n: number): RecordedEvent[] =>
    Array.from({ length: n }, (_, i) => {
      const streamId = [...ids][i % ids.size];
      const revision = revisions.get(streamId)!;
      revisions.set(streamId, revision + 1);
      return recordedEvent(streamId, revision);
    });
  return { ids, next };
}

function recordedEvent(streamId: string, revision: number): RecordedEvent {
  return {
    type: 'ThingHappened',
    data: { revision, note: '測試', nested: { list: [1, 2], flag: true, none: null } },
    metadata: {
      eventId: randomUUID(),
      streamId,
      revision,
      position: nextPosition++,
      occurredAt: '2026-03-02T10:00:00.000+08:00',
      recordedAt: '2026-03-02T02:00:00.123Z',
      actor: { userId: 'user-1', roles: ['agent'] },
      correlationId: randomUUID(),
      causationId: null,
      schemaVersion: 1,
    },
  };
}

/** Revisions of a stream in the order they were first seen; redelivered duplicates are allowed. */
function firstSeenRevisions(received: RecordedEvent[], stream: string): number[] {
  const seen = new Set<number>();
  for (const e of received) if (e.metadata.streamId === stream) seen.add(e.metadata.revision);
  return [...seen];
}

/** What the relay does: a rejected publish is retried with the same batch. */
async function publishUntilAccepted(bus: EventBus, events: RecordedEvent[], attempts = 10): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await bus.publish(events);
    } catch (error) {
      if (attempt >= attempts) throw error;
      await sleep(100);
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

import { randomUUID } from 'node:crypto';
import { NO_STREAM, type NewEvent, type RecordedEvent } from '../envelope';
import { WrongExpectedRevisionError } from '../errors';
import type { EventStore, Subscription } from '../ports';

export interface EventStoreFixture {
  /** An empty store, or one other tests may share: every test works after the head it finds. */
  store: EventStore;
  /** Closes the store and removes whatever the factory created. */
  cleanup: () => Promise<void>;
}

// Adapters may follow appends by polling and retry failed handlers after a backoff.
const SLOW = 20_000;
const QUIET_MS = 400;

/**
 * The EventStore port's contract. Run it from an adapter's spec with a factory that opens a
 * store; streams are named uniquely per test, so a shared server works too.
 */
export function eventStoreContract(name: string, factory: () => Promise<EventStoreFixture>): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    let cleanup: () => Promise<void>;
    let base: number;
    const subscriptions: Subscription[] = [];

    beforeEach(async () => {
      ({ store, cleanup } = await factory());
      base = await store.headPosition();
    });

    afterEach(async () => {
      for (const subscription of subscriptions.splice(0)) await subscription.stop();
      await cleanup();
    });

    const follow = (after: number, batchSize?: number, fail?: (batch: RecordedEvent[]) => boolean) => {
      const batches: RecordedEvent[][] = [];
      const calls: RecordedEvent[][] = [];
      const subscription = store.subscribeToAll({ after, batchSize }, async (batch) => {
        calls.push(batch);
        if (fail?.(batch)) throw new Error('handler failed on purpose');
        batches.push(batch);
      });
      subscriptions.push(subscription);
      const positions = () => batches.flat().map((e) => e.metadata.position);
      return { subscription, batches, calls, positions };
    };

    const appendedAfterBase = () => store.readAll({ after: base, limit: 10_000 });

    describe('appending', () => {
      it('gives a new stream revisions 0..n-1 when appended with NO_STREAM', async () => {
        const stream = streamName();
        const result = await store.append(stream, events(3), NO_STREAM);
        const read = await store.readStream(stream);
        expect(read.map((e) => e.metadata.revision)).toEqual([0, 1, 2]);
        expect(result.nextExpectedRevision).toBe(2);
      });

      it('continues a stream from the revision the writer expected', async () => {
        const stream = streamName();
        await store.append(stream, events(2), NO_STREAM);
        const result = await store.append(stream, events(2), 1);
        const read = await store.readStream(stream);
        expect(read.map((e) => e.metadata.revision)).toEqual([0, 1, 2, 3]);
        expect(result.nextExpectedRevision).toBe(3);
      });

      it('gives an appended event a position above 0 that becomes the head', async () => {
        const result = await store.append(streamName(), events(1), NO_STREAM);
        expect(result.lastPosition).toBeGreaterThan(base);
        expect(result.lastPosition).toBeGreaterThan(0);
        expect(await store.headPosition()).toBe(result.lastPosition);
      });

      it('assigns global positions above the previous head that increase strictly across streams', async () => {
        const [a, b, c] = [streamName(), streamName(), streamName()];
        const lasts: number[] = [];
        lasts.push((await store.append(a, events(2), NO_STREAM)).lastPosition);
        lasts.push((await store.append(b, events(1), NO_STREAM)).lastPosition);
        lasts.push((await store.append(a, events(1), 1)).lastPosition);
        lasts.push((await store.append(c, events(3), NO_STREAM)).lastPosition);
        const positions = (await appendedAfterBase()).map((e) => e.metadata.position);
        expect(positions).toHaveLength(7);
        expect(positions[0]).toBeGreaterThan(base);
        expectStrictlyIncreasing(positions);
        expectStrictlyIncreasing(lasts);
      });

      it('keeps the metadata the writer supplied and assigns streamId, revision, position and recordedAt', async () => {
        const stream = streamName();
        const written = newEvent('ThingRegistered', { n: 1 }, { causationId: randomUUID(), schemaVersion: 3 });
        await store.append(stream, [written], NO_STREAM);
        const [read] = await store.readStream(stream);
        expect(read.type).toBe('ThingRegistered');
        expect(read.metadata).toMatchObject({ ...written.metadata, streamId: stream, revision: 0 });
        expect(read.metadata.position).toBeGreaterThan(base);
        expect(read.metadata.recordedAt).toMatch(ISO_TIMESTAMP);
        expect(Number.isNaN(Date.parse(read.metadata.recordedAt))).toBe(false);
      });

      it('returns event data unchanged: nested objects, arrays, unicode, nulls and numbers', async () => {
        const stream = streamName();
        const data = { title: '冷氣不冷 ☃', amountFen: 123456, ratio: 0.25, tags: ['a', 'b'], nested: { x: null, y: [1, { z: true }] } };
        await store.append(stream, [newEvent('ThingRegistered', data)], NO_STREAM);
        const [read] = await store.readStream(stream);
        expect(read.data).toEqual(data);
      });

      it('reports the revision and position of the last event written in the append result', async () => {
        const stream = streamName();
        const result = await store.append(stream, events(3), NO_STREAM);
        const read = await store.readStream(stream);
        expect(result).toEqual({ nextExpectedRevision: 2, lastPosition: read[2].metadata.position });
      });
    });

    describe('optimistic concurrency', () => {
      it('refuses an append to an existing stream at the wrong revision, with the actual revision, appending nothing', async () => {
        const stream = streamName();
        await store.append(stream, events(2), NO_STREAM);
        const head = await store.headPosition();
        for (const expected of [0, 2, NO_STREAM]) {
          const error = await refusal(store.append(stream, events(1), expected));
          expect(error).toMatchObject({ streamId: stream, expected, actual: 1 });
        }
        expect((await store.readStream(stream)).map((e) => e.metadata.revision)).toEqual([0, 1]);
        expect(await store.headPosition()).toBe(head);
      });

      it('refuses an append expecting a revision of a stream that does not exist, with actual NO_STREAM', async () => {
        const stream = streamName();
        const error = await refusal(store.append(stream, events(1), 0));
        expect(error).toMatchObject({ streamId: stream, expected: 0, actual: NO_STREAM });
        expect(await store.readStream(stream)).toEqual([]);
      });

      it("appends with 'any' whatever the stream's revision, including to a new stream", async () => {
        const stream = streamName();
        expect((await store.append(stream, events(1), 'any')).nextExpectedRevision).toBe(0);
        expect((await store.append(stream, events(2), 'any')).nextExpectedRevision).toBe(2);
        expect((await store.readStream(stream)).map((e) => e.metadata.revision)).toEqual([0, 1, 2]);
      });

      it('lets exactly one of 20 concurrent appends with the same expected revision win', async () => {
        const stream = streamName();
        await store.append(stream, events(1), NO_STREAM);
        const results = await Promise.allSettled(Array.from({ length: 20 }, () => store.append(stream, events(2), 0)));
        expectOneWinner(results, stream, 0, 2);
        expect((await store.readStream(stream)).map((e) => e.metadata.revision)).toEqual([0, 1, 2]);
      });

      it('lets exactly one of 20 concurrent creations of the same stream win', async () => {
        const stream = streamName();
        const results = await Promise.allSettled(Array.from({ length: 20 }, () => store.append(stream, events(1), NO_STREAM)));
        expectOneWinner(results, stream, NO_STREAM, 0);
        expect(await store.readStream(stream)).toHaveLength(1);
      });

      it("never assigns a revision twice under 20 concurrent 'any' appends to one stream", async () => {
        const stream = streamName();
        const results = await Promise.all(Array.from({ length: 20 }, () => store.append(stream, events(1), 'any')));
        const revisions = (await store.readStream(stream)).map((e) => e.metadata.revision);
        expect(revisions).toEqual(range(20));
        expect(new Set(results.map((r) => r.nextExpectedRevision)).size).toBe(20);
      });

      it('commits concurrent appends to 32 different streams', async () => {
        const streams = Array.from({ length: 32 }, () => streamName());
        const results = await Promise.all(streams.map((s) => store.append(s, events(2), NO_STREAM)));
        expect(new Set(results.map((r) => r.lastPosition)).size).toBe(32);
        for (const s of streams) expect((await store.readStream(s)).map((e) => e.metadata.revision)).toEqual([0, 1]);
        expect(await appendedAfterBase()).toHaveLength(64);
      });

      it('writes all events of a multi-event append or none of them', async () => {
        const stream = streamName();
        await store.append(stream, events(1), NO_STREAM);
        await refusal(store.append(stream, events(5), NO_STREAM));
        expect(await store.readStream(stream)).toHaveLength(1);
        await store.append(stream, events(5), 0);
        expect((await store.readStream(stream)).map((e) => e.metadata.revision)).toEqual(range(6));
      });

      it('keeps the events of one append adjacent in the global order when appends run concurrently', async () => {
        const streams = Array.from({ length: 10 }, () => streamName());
        await Promise.all(streams.map((s) => store.append(s, events(5), NO_STREAM)));
        const order = (await appendedAfterBase()).map((e) => e.metadata.streamId);
        const runs = order.filter((s, i) => i === 0 || order[i - 1] !== s);
        expect(runs).toHaveLength(10);
        expect(new Set(runs).size).toBe(10);
      });
    });

    describe('reading', () => {
      it('reads a stream that does not exist as empty', async () => {
        expect(await store.readStream(streamName())).toEqual([]);
      });

      it('reads only the requested stream, in revision order', async () => {
        const [a, b] = [streamName(), streamName()];
        await store.append(a, events(2), NO_STREAM);
        await store.append(b, events(2), NO_STREAM);
        await store.append(a, events(2), 1);
        const read = await store.readStream(a);
        expect(read.map((e) => [e.metadata.streamId, e.metadata.revision])).toEqual(range(4).map((r) => [a, r]));
      });

      it('reads all events after a position in position order, at most limit', async () => {
        await store.append(streamName(), events(3), NO_STREAM);
        await store.append(streamName(), events(3), NO_STREAM);
        const all = await appendedAfterBase();
        const page = await store.readAll({ after: all[1].metadata.position, limit: 3 });
        expect(page.map((e) => e.metadata.position)).toEqual(all.slice(2, 5).map((e) => e.metadata.position));
      });

      it('pages through readAll without gaps or duplicates', async () => {
        for (let i = 0; i < 5; i++) await store.append(streamName(), events(3), NO_STREAM);
        const expected = (await appendedAfterBase()).map((e) => e.metadata.eventId);
        const seen: string[] = [];
        for (let after = base; ; ) {
          const page = await store.readAll({ after, limit: 4 });
          if (page.length === 0) break;
          expect(page.length).toBeLessThanOrEqual(4);
          seen.push(...page.map((e) => e.metadata.eventId));
          after = page[page.length - 1].metadata.position;
        }
        expect(seen).toEqual(expected);
        expect(seen).toHaveLength(15);
      });

      it('reads nothing after the head position', async () => {
        await store.append(streamName(), events(2), NO_STREAM);
        expect(await store.readAll({ after: await store.headPosition(), limit: 10 })).toEqual([]);
      });

      it('reports the head position as the position of the last event appended', async () => {
        await store.append(streamName(), events(2), NO_STREAM);
        const { lastPosition } = await store.append(streamName(), events(3), NO_STREAM);
        expect(await store.headPosition()).toBe(lastPosition);
      });

      it('returns the same event from readStream and readAll', async () => {
        const stream = streamName();
        await store.append(stream, [newEvent('ThingRegistered', { a: [1, 2] })], NO_STREAM);
        const [fromStream] = await store.readStream(stream);
        const [fromAll] = await appendedAfterBase();
        expect(fromAll).toEqual(fromStream);
      });
    });

    describe('subscribeToAll', () => {
      it(
        'catches up from a position and then follows new appends, in order, without gaps or duplicates',
        async () => {
          const stream = streamName();
          await store.append(stream, events(5), NO_STREAM);
          const existing = (await appendedAfterBase()).map((e) => e.metadata.position);
          const sub = follow(existing[1]);
          await waitFor(() => sub.positions().length >= 3, 'catch-up');
          expect(sub.positions()).toEqual(existing.slice(2));
          await store.append(stream, events(2), 4);
          await store.append(streamName(), events(1), NO_STREAM);
          await waitFor(() => sub.positions().length >= 6, 'live appends');
          const all = (await appendedAfterBase()).map((e) => e.metadata.position);
          await sleep(QUIET_MS);
          expect(sub.positions()).toEqual(all.slice(2));
        },
        SLOW,
      );

      it(
        'follows appends made after subscribing at the head',
        async () => {
          await store.append(streamName(), events(2), NO_STREAM);
          const sub = follow(await store.headPosition());
          await sleep(50);
          const { lastPosition } = await store.append(streamName(), events(1), NO_STREAM);
          await waitFor(() => sub.positions().length >= 1, 'the new event');
          expect(sub.positions()).toEqual([lastPosition]);
        },
        SLOW,
      );

      it(
        'delivers batches no larger than batchSize',
        async () => {
          await store.append(streamName(), events(7), NO_STREAM);
          const sub = follow(base, 3);
          await waitFor(() => sub.positions().length >= 7, 'seven events');
          expect(sub.batches.every((b) => b.length >= 1 && b.length <= 3)).toBe(true);
          expectStrictlyIncreasing(sub.positions());
        },
        SLOW,
      );

      it(
        'delivers the same batch again after the handler throws, and skips nothing',
        async () => {
          await store.append(streamName(), events(4), NO_STREAM);
          let failures = 0;
          const sub = follow(base, 2, () => failures++ < 2);
          await waitFor(() => sub.positions().length >= 4, 'all events despite failures');
          const firstThree = sub.calls.slice(0, 3).map((b) => b.map((e) => e.metadata.position));
          expect(firstThree[1]).toEqual(firstThree[0]);
          expect(firstThree[2]).toEqual(firstThree[0]);
          expect(sub.positions()).toEqual((await appendedAfterBase()).map((e) => e.metadata.position));
        },
        SLOW,
      );

      it(
        'ends the retries of a failing handler once stop() has resolved',
        async () => {
          await store.append(streamName(), events(1), NO_STREAM);
          const sub = follow(base, undefined, () => true);
          await waitFor(() => sub.calls.length >= 2, 'a retry');
          await sub.subscription.stop();
          subscriptions.splice(subscriptions.indexOf(sub.subscription), 1);
          const callsAtStop = sub.calls.length;
          await sleep(QUIET_MS * 2);
          expect(sub.calls).toHaveLength(callsAtStop);
        },
        SLOW,
      );

      it(
        'delivers nothing more once stop() has resolved',
        async () => {
          await store.append(streamName(), events(2), NO_STREAM);
          const sub = follow(base);
          await waitFor(() => sub.positions().length >= 2, 'the first events');
          await sub.subscription.stop();
          subscriptions.splice(subscriptions.indexOf(sub.subscription), 1);
          const callsAtStop = sub.calls.length;
          await store.append(streamName(), events(3), NO_STREAM);
          await sleep(QUIET_MS);
          expect(sub.calls).toHaveLength(callsAtStop);
        },
        SLOW,
      );
    });
  });
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function streamName(): string {
  return `contract.thing-${randomUUID()}`;
}

function newEvent(type: string, data: unknown, overrides: Partial<NewEvent['metadata']> = {}): NewEvent {
  return {
    type,
    data,
    metadata: {
      eventId: randomUUID(),
      occurredAt: '2026-03-02T10:00:00.000+08:00',
      actor: { userId: 'user-1', roles: ['agent', 'supervisor'] },
      correlationId: randomUUID(),
      causationId: null,
      schemaVersion: 1,
      ...overrides,
    },
  };
}

function events(count: number): NewEvent[] {
  return Array.from({ length: count }, (_, i) => newEvent('ThingHappened', { i }));
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

async function refusal(attempt: Promise<unknown>): Promise<WrongExpectedRevisionError> {
  const error = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  return error as WrongExpectedRevisionError;
}

function expectOneWinner(results: PromiseSettledResult<unknown>[], stream: string, expected: number, winnerRevision: number): void {
  const winners = results.filter((r) => r.status === 'fulfilled');
  const losers = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  expect(winners).toHaveLength(1);
  expect(losers).toHaveLength(results.length - 1);
  for (const error of losers) {
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect(error).toMatchObject({ streamId: stream, expected, actual: winnerRevision });
  }
}

function expectStrictlyIncreasing(values: number[]): void {
  values.slice(1).forEach((v, i) => expect(v).toBeGreaterThan(values[i]));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

import { PassThrough } from 'node:stream';
import type { AllStreamResolvedEvent } from '@kurrent/kurrentdb-client';
import type { RecordedEvent } from '@ebp/shared-eventsourcing';
import { KurrentCatchUpSubscription, type AllEventSource, type KurrentCatchUpOptions } from './kurrentdb-catch-up-subscription';
import { isSystemEvent, toRecordedEvent } from './kurrentdb-mapping';

/** Stands in for the client's subscription: a Readable in object mode the test writes events into. */
class FakeSource extends PassThrough implements AllEventSource {
  unsubscribed = false;

  constructor(readonly after: number) {
    super({ objectMode: true, highWaterMark: 1000 });
  }

  send(position: number, type = 'ThingHappened', streamId = 'contract.thing-1'): this {
    const resolved: AllStreamResolvedEvent = {
      event: {
        streamId,
        id: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
        isJson: true,
        revision: BigInt(position),
        type,
        created: new Date('2026-03-02T02:00:00.000Z'),
        data: { position },
        metadata: { correlationId: 'c-1', $correlationId: 'c-1' },
        position: { commit: BigInt(position), prepare: BigInt(position) },
      },
    };
    this.write(resolved);
    return this;
  }

  async unsubscribe(): Promise<void> {
    this.unsubscribed = true;
    this.destroy();
  }
}

const decode = (resolved: AllStreamResolvedEvent): RecordedEvent | null =>
  resolved.event && !isSystemEvent(resolved.event) ? toRecordedEvent(resolved.event) : null;

const positions = (batches: RecordedEvent[][]) => batches.map((batch) => batch.map((e) => e.metadata.position));

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(5);
  }
}

describe('KurrentCatchUpSubscription', () => {
  const started: KurrentCatchUpSubscription[] = [];
  let sources: FakeSource[];
  let handlerErrors: unknown[];
  let subscriptionErrors: unknown[];

  beforeEach(() => {
    sources = [];
    handlerErrors = [];
    subscriptionErrors = [];
  });

  afterEach(async () => {
    for (const subscription of started.splice(0)) await subscription.stop();
  });

  const follow = (
    options: Partial<KurrentCatchUpOptions> = {},
    handler: (batch: RecordedEvent[]) => Promise<void> = async () => undefined,
    open: (after: number) => FakeSource = (after) => new FakeSource(after),
  ) => {
    const batches: RecordedEvent[][] = [];
    const subscription = new KurrentCatchUpSubscription(
      (after) => {
        const source = open(after);
        sources.push(source);
        return source;
      },
      decode,
      async (batch) => {
        await handler(batch);
        batches.push(batch);
      },
      {
        after: 0,
        batchSize: 500,
        retryDelayMs: { initial: 10, max: 40 },
        resubscribeDelayMs: 10,
        onHandlerError: (error) => handlerErrors.push(error),
        onSubscriptionError: (error) => subscriptionErrors.push(error),
        ...options,
      },
    );
    started.push(subscription);
    return { subscription, batches };
  };

  it('delivers what has arrived as one batch, split at batchSize', async () => {
    const { batches } = follow({ batchSize: 3 }, async () => undefined, (after) => new FakeSource(after).send(10).send(20).send(30).send(40).send(50));
    await waitFor(() => batches.flat().length === 5);
    expect(positions(batches)).toEqual([
      [10, 20, 30],
      [40, 50],
    ]);
  });

  it('opens the subscription at `after` and skips the event at it, older ones and system events', async () => {
    const { batches } = follow({ after: 20 }, async () => undefined, (after) =>
      new FakeSource(after).send(20).send(30).send(35, '$metadata', '$$contract.thing-1').send(38, 'ThingHappened', '$ce-contract.thing').send(40),
    );
    await waitFor(() => batches.flat().length === 2);
    await sleep(30);
    expect(sources[0].after).toBe(20);
    expect(positions(batches)).toEqual([[30, 40]]);
  });

  it('waits when caught up and then follows new events', async () => {
    const { batches } = follow();
    await sleep(20);
    expect(batches).toEqual([]);
    sources[0].send(10);
    await waitFor(() => batches.length === 1);
    sources[0].send(20).send(30);
    await waitFor(() => batches.flat().length === 3);
    expect(batches.flat().map((e) => e.metadata.position)).toEqual([10, 20, 30]);
  });

  it('delivers the same batch again after the handler throws, after a backoff that grows, and skips nothing', async () => {
    const calls: { at: number; positions: number[] }[] = [];
    const { batches } = follow({ retryDelayMs: { initial: 20, max: 80 } }, async (batch) => {
      calls.push({ at: Date.now(), positions: batch.map((e) => e.metadata.position) });
      if (calls.length < 4) throw new Error('not yet');
    }, (after) => new FakeSource(after).send(10).send(20));
    await waitFor(() => batches.length === 1);
    sources[0].send(30);
    await waitFor(() => batches.flat().length === 3);
    expect(calls.slice(0, 4).map((c) => c.positions)).toEqual([[10, 20], [10, 20], [10, 20], [10, 20]]);
    expect(positions(batches)).toEqual([[10, 20], [30]]);
    expect(handlerErrors).toHaveLength(3);
    const gaps = calls.slice(1, 4).map((c, i) => c.at - calls[i].at);
    expect(gaps[0]).toBeGreaterThanOrEqual(15);
    expect(gaps[2]).toBeGreaterThanOrEqual(60);
  });

  it('resolves stop() only after the handler call in progress, and calls it no more', async () => {
    let release: () => void = () => undefined;
    let calls = 0;
    const { subscription } = follow({}, async () => {
      calls++;
      await new Promise<void>((resolve) => (release = resolve));
    }, (after) => new FakeSource(after).send(10));
    await waitFor(() => calls === 1);
    let stopped = false;
    const stopping = subscription.stop().then(() => (stopped = true));
    await sleep(20);
    expect(stopped).toBe(false);
    release();
    await stopping;
    sources[0].send(20);
    await sleep(30);
    expect(calls).toBe(1);
    expect(sources[0].unsubscribed).toBe(true);
  });

  it('ends the retries of a failing handler once stop() has resolved', async () => {
    let calls = 0;
    const { subscription } = follow({}, async () => {
      calls++;
      throw new Error('always');
    }, (after) => new FakeSource(after).send(10));
    await waitFor(() => calls >= 2);
    await subscription.stop();
    const atStop = calls;
    await sleep(100);
    expect(calls).toBe(atStop);
  });

  it('resolves stop() promptly while waiting for events', async () => {
    const { subscription } = follow();
    await sleep(10);
    const before = Date.now();
    await subscription.stop();
    expect(Date.now() - before).toBeLessThan(200);
    expect(sources[0].unsubscribed).toBe(true);
  });

  it('subscribes again from the last delivered position after the subscription errors, skipping what it repeats', async () => {
    const { batches } = follow({}, async () => undefined, (after) => (after === 0 ? new FakeSource(after).send(10).send(20) : new FakeSource(after).send(20).send(30)));
    await waitFor(() => batches.flat().length === 2);
    sources[0].destroy(new Error('14 UNAVAILABLE: connection dropped'));
    await waitFor(() => batches.flat().length === 3);
    expect(sources.map((s) => s.after)).toEqual([0, 20]);
    expect(batches.flat().map((e) => e.metadata.position)).toEqual([10, 20, 30]);
    expect(subscriptionErrors).toEqual([expect.objectContaining({ message: '14 UNAVAILABLE: connection dropped' })]);
    expect(sources[0].unsubscribed).toBe(true);
  });

  it('subscribes again when the server ends the subscription', async () => {
    const { batches } = follow({}, async () => undefined, (after) => (after === 0 ? new FakeSource(after).send(10) : new FakeSource(after).send(20)));
    await waitFor(() => batches.length === 1);
    sources[0].end();
    await waitFor(() => batches.length === 2);
    expect(sources.map((s) => s.after)).toEqual([0, 10]);
    expect(subscriptionErrors).toHaveLength(1);
  });

  it('keeps trying to subscribe while the server cannot be reached', async () => {
    let attempts = 0;
    const { batches } = follow({}, async () => undefined, (after) => {
      if (++attempts < 3) throw new Error('unavailable');
      return new FakeSource(after).send(10);
    });
    await waitFor(() => batches.length === 1);
    expect(subscriptionErrors).toHaveLength(2);
  });

  it('drops a batch it was still reading when the subscription fails, and reads it again', async () => {
    let opened = 0;
    const { batches } = follow({}, async () => undefined, (after) => {
      opened++;
      const source = new FakeSource(after).send(10);
      // An event the mapping refuses fails the subscription before the batch is delivered.
      if (opened === 1) source.write({ event: { ...malformed(), position: { commit: 30n, prepare: 20n } } });
      return source;
    });
    await waitFor(() => batches.length >= 1);
    await sleep(30);
    expect(opened).toBe(2);
    expect(positions(batches)).toEqual([[10]]);
    expect(subscriptionErrors[0]).toEqual(expect.objectContaining({ message: expect.stringContaining('legacy explicit transaction') }));
  });
});

function malformed(): NonNullable<AllStreamResolvedEvent['event']> {
  return {
    streamId: 'contract.thing-1',
    id: '00000000-0000-4000-8000-000000000030',
    isJson: true,
    revision: 3n,
    type: 'ThingHappened',
    created: new Date(),
    data: {},
    metadata: {},
    position: { commit: 30n, prepare: 30n },
  };
}

import { randomUUID } from 'node:crypto';
import { FORWARDS, KurrentDBClient, jsonEvent, type Position, type ResolvedEvent } from '@kurrent/kurrentdb-client';
import { NO_STREAM, type NewEvent, type RecordedEvent } from '@ebp/shared-eventsourcing';
import { eventStoreContract } from '@ebp/shared-eventsourcing/testing';
import { describeWithEngine } from '@ebp/shared-testing';
import { KurrentDbEventStore } from './kurrentdb-event-store';

const quiet = { onHandlerError: () => undefined, onSubscriptionError: () => undefined };

function newEvent(type = 'ThingHappened', causationId: string | null = null): NewEvent {
  return {
    type,
    data: { at: Date.now() },
    metadata: {
      eventId: randomUUID(),
      occurredAt: '2026-03-02T10:00:00.000+08:00',
      actor: { userId: 'user-1', roles: ['agent'] },
      correlationId: randomUUID(),
      causationId,
      schemaVersion: 1,
    },
  };
}

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describeWithEngine('esdb', 'KurrentDbEventStore (KurrentDB)', (url) => {
  eventStoreContract('KurrentDbEventStore', async () => {
    const store = new KurrentDbEventStore({ connectionString: url(), ...quiet });
    return { store, cleanup: () => store.close() };
  });

  describe('KurrentDB specifics', () => {
    let store: KurrentDbEventStore;
    let raw: KurrentDBClient;

    beforeEach(() => {
      store = new KurrentDbEventStore({ connectionString: url(), ...quiet });
      raw = KurrentDBClient.connectionString(url());
    });

    afterEach(async () => {
      await store.close();
      await raw.dispose();
    });

    it('answers ping()', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });

    it('gives every event of a multi-event append its own log position, commit equal to prepare', async () => {
      const stream = `esdb.positions-${randomUUID()}`;
      const { lastPosition } = await store.append(stream, [newEvent(), newEvent(), newEvent()], NO_STREAM);
      const positions: (Position | undefined)[] = [];
      for await (const resolved of raw.readStream(stream, { direction: FORWARDS })) positions.push(resolved.event?.position);
      expect(positions).toHaveLength(3);
      for (const position of positions) expect(position?.commit).toBe(position?.prepare);
      const commits = positions.map((p) => Number(p?.commit));
      expect(commits[0]).toBeLessThan(commits[1]);
      expect(commits[1]).toBeLessThan(commits[2]);
      expect(lastPosition).toBe(commits[2]);
    });

    it('sets $correlationId and $causationId in the stored metadata for KurrentDB tooling', async () => {
      const stream = `esdb.metadata-${randomUUID()}`;
      const written = newEvent('ThingHappened', randomUUID());
      await store.append(stream, [written], NO_STREAM);
      const resolved: ResolvedEvent[] = [];
      for await (const event of raw.readStream(stream)) resolved.push(event);
      expect(resolved).toHaveLength(1);
      expect(resolved[0].event?.metadata).toMatchObject({
        $correlationId: written.metadata.correlationId,
        $causationId: written.metadata.causationId,
        correlationId: written.metadata.correlationId,
      });
      expect(resolved[0].event?.id).toBe(written.metadata.eventId);
      const [read] = await store.readStream(stream);
      expect(read.metadata).not.toHaveProperty('$correlationId');
    });

    it('leaves system events out of readAll, headPosition and subscriptions', async () => {
      const base = await store.headPosition();
      const seen: RecordedEvent[] = [];
      const subscription = store.subscribeToAll({ after: base }, async (batch) => void seen.push(...batch));
      try {
        const ours = `esdb.system-${randomUUID()}`;
        const { lastPosition } = await store.append(ours, [newEvent()], NO_STREAM);
        await raw.appendToStream(ours, jsonEvent({ type: '$system-typed', data: {} }));
        await raw.appendToStream(`$esdb.system-${randomUUID()}`, jsonEvent({ type: 'OrdinaryType', data: {} }));
        const after = await store.readAll({ after: base, limit: 100 });
        expect(after.filter((e) => e.metadata.streamId === ours || e.metadata.streamId.startsWith('$'))).toEqual([
          expect.objectContaining({ type: 'ThingHappened', metadata: expect.objectContaining({ streamId: ours, position: lastPosition }) }),
        ]);
        expect(await store.headPosition()).toBe(lastPosition);
        await waitFor(() => seen.some((e) => e.metadata.position === lastPosition));
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(seen.filter((e) => e.type.startsWith('$') || e.metadata.streamId.startsWith('$'))).toEqual([]);
      } finally {
        await subscription.stop();
      }
    });

    it('answers an empty append with the stream revision, refusing a wrong one', async () => {
      const stream = `esdb.empty-${randomUUID()}`;
      const { lastPosition } = await store.append(stream, [newEvent(), newEvent()], NO_STREAM);
      await expect(store.append(stream, [], 1)).resolves.toEqual({ nextExpectedRevision: 1, lastPosition });
      await expect(store.append(stream, [], 0)).rejects.toMatchObject({ expected: 0, actual: 1 });
      await expect(store.append(`esdb.empty-${randomUUID()}`, [], NO_STREAM)).resolves.toEqual({ nextExpectedRevision: NO_STREAM, lastPosition: 0 });
    });
  });
});

import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { NO_STREAM, type NewEvent } from '@ebp/shared-eventsourcing';
import { KurrentDbEventStore } from './kurrentdb-event-store';

/** A loopback port nothing listens on, so every call fails fast as it would with the server down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function newEvent(): NewEvent {
  return {
    type: 'ThingHappened',
    data: {},
    metadata: { eventId: randomUUID(), occurredAt: '2026-03-02T10:00:00.000+08:00', actor: { userId: 'u-1', roles: [] }, correlationId: randomUUID(), causationId: null, schemaVersion: 1 },
  };
}

// Without a server: what the adapter does when KurrentDB is unreachable. The contract runs in the .int.spec.
describe('KurrentDbEventStore without a reachable server', () => {
  let store: KurrentDbEventStore;
  const subscriptionErrors: unknown[] = [];

  beforeEach(async () => {
    subscriptionErrors.length = 0;
    store = new KurrentDbEventStore({
      connectionString: `kurrentdb://127.0.0.1:${await closedPort()}?tls=false`,
      pingTimeoutMs: 3000,
      resubscribeDelayMs: 20,
      onSubscriptionError: (error) => subscriptionErrors.push(error),
    });
  });

  afterEach(() => store.close());

  it('fails ping()', async () => {
    await expect(store.ping()).rejects.toThrow();
  });

  it('fails reads instead of answering as if the store were empty', async () => {
    await expect(store.readStream('contract.thing-1')).rejects.toThrow();
    await expect(store.readAll({ after: 0, limit: 10 })).rejects.toThrow();
    await expect(store.headPosition()).rejects.toThrow();
  });

  it('fails an append', async () => {
    await expect(store.append('contract.thing-1', [newEvent()], NO_STREAM)).rejects.toThrow();
  });

  it('refuses an expected revision the port cannot mean before calling the server', async () => {
    await expect(store.append('contract.thing-1', [newEvent()], -2)).rejects.toThrow(RangeError);
    expect(() => store.subscribeToAll({ after: -1 }, async () => undefined)).toThrow(RangeError);
  });

  it('keeps a subscription trying, reporting each drop, until it is stopped', async () => {
    const subscription = store.subscribeToAll({ after: 0 }, async () => undefined);
    const deadline = Date.now() + 5000;
    while (subscriptionErrors.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(subscriptionErrors.length).toBeGreaterThanOrEqual(2);
    await subscription.stop();
  });

  it('stops its subscriptions on close and refuses work afterwards', async () => {
    store.subscribeToAll({ after: 0 }, async () => undefined);
    await store.close();
    await store.close();
    await expect(store.append('contract.thing-1', [newEvent()], NO_STREAM)).rejects.toThrow('closed');
    expect(() => store.subscribeToAll({ after: 0 }, async () => undefined)).toThrow('closed');
    await expect(store.ping()).rejects.toThrow('closed');
  });
});

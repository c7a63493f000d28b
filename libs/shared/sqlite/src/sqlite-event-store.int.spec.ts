import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { NO_STREAM, WrongExpectedRevisionError, type NewEvent, type RecordedEvent } from '@ebp/shared-eventsourcing';
import { eventStoreContract } from '@ebp/shared-eventsourcing/testing';
import { SqliteEventStore } from './sqlite-event-store';
import { tempDir } from './temp-dir';

const quiet = { onHandlerError: () => undefined };

eventStoreContract('SqliteEventStore', async () => {
  const dir = await tempDir();
  const store = new SqliteEventStore({ file: dir.file('events.db'), ...quiet });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await dir.remove();
    },
  };
});

function newEvent(type = 'ThingHappened', data: unknown = {}): NewEvent {
  return {
    type,
    data,
    metadata: {
      eventId: randomUUID(),
      occurredAt: '2026-03-02T10:00:00.000+08:00',
      actor: { userId: 'user-1', roles: ['agent'] },
      correlationId: randomUUID(),
      causationId: null,
      schemaVersion: 1,
    },
  };
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('SqliteEventStore', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let file: string;
  const opened: SqliteEventStore[] = [];
  const open = (options: Partial<ConstructorParameters<typeof SqliteEventStore>[0]> = {}) => {
    const store = new SqliteEventStore({ file, ...quiet, ...options });
    opened.push(store);
    return store;
  };

  beforeEach(async () => {
    dir = await tempDir();
    file = dir.file('events.db');
  });

  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    await dir.remove();
  });

  it('commits 32 parallel appends to 32 streams together, in one transaction', async () => {
    const store = open();
    const streams = Array.from({ length: 32 }, (_, i) => `test.thing-${i}`);
    const results = await Promise.all(streams.map((s) => store.append(s, [newEvent(), newEvent()], NO_STREAM)));
    expect(results.every((r) => r.nextExpectedRevision === 1)).toBe(true);
    const all = await store.readAll({ after: 0, limit: 100 });
    expect(all).toHaveLength(64);
    // One transaction stamps one commit time on every event of the group.
    expect(new Set(all.map((e) => e.metadata.recordedAt)).size).toBe(1);
  });

  it('refuses only the conflicting append of a group and commits the others', async () => {
    const store = open();
    await store.append('test.a-1', [newEvent()], NO_STREAM);
    const [good, conflicting, alsoGood] = await Promise.allSettled([
      store.append('test.a-1', [newEvent(), newEvent()], 0),
      store.append('test.a-1', [newEvent()], 0),
      store.append('test.b-1', [newEvent()], NO_STREAM),
    ]);
    expect(good).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 2 } });
    expect(conflicting.status === 'rejected' && conflicting.reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect(alsoGood.status).toBe('fulfilled');
    expect((await store.readStream('test.a-1')).map((e) => e.metadata.revision)).toEqual([0, 1, 2]);
  });

  it('rolls back only the append that repeats an event id, leaving none of its events', async () => {
    const store = open();
    const repeated = newEvent();
    await store.append('test.a-1', [repeated], NO_STREAM);
    const [failed, other] = await Promise.allSettled([
      store.append('test.b-1', [newEvent(), repeated, newEvent()], NO_STREAM),
      store.append('test.c-1', [newEvent()], NO_STREAM),
    ]);
    expect(failed.status).toBe('rejected');
    expect(other.status).toBe('fulfilled');
    expect(await store.readStream('test.b-1')).toEqual([]);
    expect(await store.headPosition()).toBe(2);
  });

  it('keeps every event when the file is closed and reopened, and continues its positions', async () => {
    const first = open();
    await first.append('test.a-1', [newEvent('A', { n: 1 }), newEvent('B', { n: 2 })], NO_STREAM);
    await first.append('test.b-1', [newEvent('C', { n: 3 })], NO_STREAM);
    const before = await first.readAll({ after: 0, limit: 10 });
    await first.close();
    const reopened = open();
    expect(await reopened.readAll({ after: 0, limit: 10 })).toEqual(before);
    expect(await reopened.append('test.a-1', [newEvent()], 1)).toEqual({ nextExpectedRevision: 2, lastPosition: 4 });
  });

  it('writes appends still queued when close is called before resolving close', async () => {
    const store = open();
    const pending = store.append('test.a-1', [newEvent()], NO_STREAM);
    await store.close();
    await expect(pending).resolves.toEqual({ nextExpectedRevision: 0, lastPosition: 1 });
    await expect(store.append('test.a-1', [newEvent()], 0)).rejects.toThrow('closed');
    expect(await open().readStream('test.a-1')).toHaveLength(1);
  });

  it('makes an append visible to other connections once its promise resolves', async () => {
    const store = open();
    await store.append('test.a-1', [newEvent()], NO_STREAM);
    const reader = new Database(file, { readonly: true });
    try {
      expect(reader.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 1 });
      expect(reader.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      reader.close();
    }
  });

  it('checks revisions against the file, not a cache, when another connection writes the same stream', async () => {
    const [a, b] = [open(), open()];
    const appends = Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).append('test.shared-1', [newEvent()], 'any'));
    await Promise.all(appends);
    expect((await a.readStream('test.shared-1')).map((e) => e.metadata.revision)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    await expect(a.append('test.shared-1', [newEvent()], 10)).rejects.toMatchObject({ actual: 19 });
  });

  it('follows appends made through another connection by polling', async () => {
    const [follower, writer] = [open({ pollIntervalMs: 50 }), open()];
    const seen: RecordedEvent[] = [];
    const subscription = follower.subscribeToAll({ after: 0 }, async (batch) => void seen.push(...batch));
    await writer.append('test.a-1', [newEvent(), newEvent()], NO_STREAM);
    await waitFor(() => seen.length === 2);
    await subscription.stop();
  });

  it('retries a failed batch after a backoff that grows', async () => {
    const store = open({ retryDelayMs: { initial: 20, max: 80 } });
    await store.append('test.a-1', [newEvent()], NO_STREAM);
    const attempts: number[] = [];
    const subscription = store.subscribeToAll({ after: 0 }, async () => {
      attempts.push(Date.now());
      if (attempts.length < 5) throw new Error('not yet');
    });
    await waitFor(() => attempts.length >= 5);
    await subscription.stop();
    const gaps = attempts.slice(1).map((t, i) => t - attempts[i]);
    expect(gaps[0]).toBeGreaterThanOrEqual(15);
    expect(gaps[2]).toBeGreaterThanOrEqual(60);
  });

  it('stops its subscriptions on close', async () => {
    const store = open();
    const calls: number[] = [];
    store.subscribeToAll({ after: 0 }, async (batch) => void calls.push(batch.length));
    await store.append('test.a-1', [newEvent()], NO_STREAM);
    await waitFor(() => calls.length === 1);
    await store.close();
    expect(() => store.subscribeToAll({ after: 0 }, async () => undefined)).toThrow('closed');
  });
});

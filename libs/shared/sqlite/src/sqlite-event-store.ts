import type Database from 'better-sqlite3';
import {
  NO_STREAM,
  WrongExpectedRevisionError,
  type AppendResult,
  type BatchHandler,
  type EventMetadata,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
  type Subscription,
} from '@ebp/shared-eventsourcing';
import { CatchUpSubscription } from './catch-up-subscription';
import { openDatabase, type SynchronousMode } from './open-database';

export interface SqliteEventStoreOptions {
  /** Database file. ':memory:' works in a single process but has no WAL. */
  file: string;
  /** FULL by default: an acknowledged append survives a power cut. */
  synchronous?: SynchronousMode;
  /** How often an idle subscription re-reads, to follow writers in other processes. */
  pollIntervalMs?: number;
  /** Backoff before a subscription retries a batch its handler failed. */
  retryDelayMs?: { initial: number; max: number };
  busyTimeoutMs?: number;
  /** Where subscription handler failures are reported; the batch is retried regardless. */
  onHandlerError?: (error: unknown) => void;
}

/** Rows come back as arrays in COLUMNS order: much cheaper than objects on a catch-up read. */
type EventRow = [position: number, streamId: string, revision: number, eventId: string, type: string, data: string, metadata: string, recordedAt: string];

interface PendingAppend {
  streamId: string;
  events: NewEvent[];
  expected: ExpectedRevision;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position INTEGER PRIMARY KEY AUTOINCREMENT,
    stream_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    event_id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    metadata TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    UNIQUE (stream_id, revision)
  );
`;

const COLUMNS = 'position, stream_id, revision, event_id, type, data, metadata, recorded_at';

/** Fields the store assigns or keeps in their own columns, so they are not duplicated in `metadata`. */
type StoredMetadata = Omit<EventMetadata, 'eventId' | 'streamId' | 'revision' | 'position' | 'recordedAt'>;

const ASSIGNED_FIELDS = ['eventId', 'streamId', 'revision', 'position', 'recordedAt'] as const;

function storedMetadata(metadata: NewEvent['metadata']): StoredMetadata {
  const stored: Record<string, unknown> = { ...metadata };
  for (const field of ASSIGNED_FIELDS) delete stored[field];
  return stored as unknown as StoredMetadata;
}

function toRecorded(row: EventRow): RecordedEvent {
  // Filling the freshly parsed object in place avoids copying it: this runs for every event replayed.
  const metadata = JSON.parse(row[6]) as EventMetadata;
  metadata.eventId = row[3];
  metadata.streamId = row[1];
  metadata.revision = row[2];
  metadata.position = row[0];
  metadata.recordedAt = row[7];
  return { type: row[4], data: JSON.parse(row[5]) as unknown, metadata };
}

/**
 * The embedded event store: one SQLite file in WAL mode. Appends are group-committed: every
 * append queued in the same tick is written in one transaction (one fsync), each checked against
 * its stream's revision inside it, so one refused append does not fail the others.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly statements: ReturnType<SqliteEventStore['prepare']>;
  private readonly commitBatch: (batch: PendingAppend[], recordedAt: string) => Outcome[];
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private closed = false;

  constructor(private readonly options: SqliteEventStoreOptions) {
    this.db = openDatabase({ file: options.file, synchronous: options.synchronous ?? 'FULL', busyTimeoutMs: options.busyTimeoutMs });
    this.db.exec(SCHEMA);
    this.statements = this.prepare();
    const appendOne = this.db.transaction((pending: PendingAppend, recordedAt: string) => this.appendNow(pending, recordedAt));
    const commit = this.db.transaction((batch: PendingAppend[], recordedAt: string) =>
      batch.map((pending): Outcome => {
        // A nested transaction is a savepoint: a failed append rolls back alone.
        try {
          return { ok: true, result: appendOne(pending, recordedAt) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    );
    // IMMEDIATE takes the write lock up front, so writers in other processes queue instead of deadlocking.
    this.commitBatch = (batch, recordedAt) => commit.immediate(batch, recordedAt);
  }

  private prepare() {
    return {
      streamHead: this.db.prepare<[string], { revision: number; position: number }>(
        'SELECT revision, position FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
      ),
      insert: this.db.prepare<[string, number, string, string, string, string, string]>(
        'INSERT INTO events (stream_id, revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      readStream: this.db.prepare<[string], EventRow>(`SELECT ${COLUMNS} FROM events WHERE stream_id = ? ORDER BY revision`).raw(true),
      readAll: this.db.prepare<[number, number], EventRow>(`SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`).raw(true),
      head: this.db.prepare<[], { head: number | null }>('SELECT max(position) AS head FROM events'),
    };
  }

  append(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new Error('event store is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ streamId, events, expected: expectedRevision, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Writes every queued append in one transaction, then settles their promises. */
  private flush(): void {
    this.flushScheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    let outcomes: Outcome[];
    try {
      outcomes = this.commitBatch(batch, new Date().toISOString());
    } catch (error) {
      // The transaction itself failed (disk, lock timeout): nothing in the batch was written.
      outcomes = batch.map(() => ({ ok: false, error }));
    }
    outcomes.forEach((outcome, i) => (outcome.ok ? batch[i].resolve(outcome.result) : batch[i].reject(outcome.error)));
    if (outcomes.some((o) => o.ok)) for (const subscription of this.subscriptions) subscription.wake();
  }

  private appendNow({ streamId, events, expected }: PendingAppend, recordedAt: string): AppendResult {
    const head = this.statements.streamHead.get(streamId);
    const actual = head?.revision ?? NO_STREAM;
    if (expected !== 'any' && expected !== actual) throw new WrongExpectedRevisionError(streamId, expected, actual);
    let position = head?.position ?? 0;
    events.forEach((event, i) => {
      const { lastInsertRowid } = this.statements.insert.run(
        streamId,
        actual + 1 + i,
        event.metadata.eventId,
        event.type,
        JSON.stringify(event.data ?? null),
        JSON.stringify(storedMetadata(event.metadata)),
        recordedAt,
      );
      position = Number(lastInsertRowid);
    });
    return { nextExpectedRevision: actual + events.length, lastPosition: position };
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    return this.statements.readStream.all(streamId).map(toRecorded);
  }

  async readAll({ after, limit }: { after: number; limit: number }): Promise<RecordedEvent[]> {
    return this.readAllNow(after, limit);
  }

  private readAllNow(after: number, limit: number): RecordedEvent[] {
    return this.statements.readAll.all(after, limit).map(toRecorded);
  }

  async headPosition(): Promise<number> {
    return this.statements.head.get()?.head ?? 0;
  }

  subscribeToAll(options: { after: number; batchSize?: number }, handler: BatchHandler): Subscription {
    if (this.closed) throw new Error('event store is closed');
    const subscription = new CatchUpSubscription((after, limit) => this.readAllNow(after, limit), handler, {
      after: options.after,
      batchSize: options.batchSize ?? 500,
      pollIntervalMs: this.options.pollIntervalMs ?? 100,
      retryDelayMs: this.options.retryDelayMs ?? { initial: 100, max: 2000 },
      onError: this.options.onHandlerError ?? ((error) => console.error('event store subscription: handler failed, retrying the batch', error)),
    });
    this.subscriptions.add(subscription);
    return {
      stop: async () => {
        this.subscriptions.delete(subscription);
        await subscription.stop();
      },
    };
  }

  /** Stops subscriptions, writes appends still queued, then closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    const subscriptions = [...this.subscriptions];
    this.subscriptions.clear();
    await Promise.all(subscriptions.map((s) => s.stop()));
    this.closed = true;
    this.flush();
    this.db.close();
  }
}

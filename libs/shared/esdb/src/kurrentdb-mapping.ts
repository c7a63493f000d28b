/**
 * Pure translations between the platform's event envelope and KurrentDB's, kept apart from I/O
 * so they can be unit-tested without a server.
 *
 * Global position mapping — the port wants one number per event, > 0 and strictly increasing in
 * `$all` order, that `readAll({ after })` and `subscribeToAll({ after })` can resume from. A
 * KurrentDB `$all` position is a pair (commit, prepare) of byte offsets into the transaction log:
 * - Every append made through gRPC (`appendToStream`) is written as one "self-committed" prepare
 *   record per event (PrepareFlags.IsCommitted, TransactionBegin on the first, TransactionEnd on
 *   the last), each at its own log position: StorageWriterService.Handle(WritePrepares) in
 *   kurrent-io/KurrentDB.
 * - When `$all` is read, such a record is returned as `CommitEventRecord(eventRecord,
 *   prepare.LogPosition)`: commit = prepare = that event's own log position. Only events of the
 *   legacy TCP API's explicit transactions share the commit position of a separate commit record
 *   (src/KurrentDB.Core/Services/Storage/ReaderIndex/AllReader.cs, ReadAllEventsForwardInternal).
 * - The client docs say the same: "To create a checkpoint, store the event's commit or prepare
 *   position", and store both only "if your database contains events created by the legacy TCP
 *   client using the transaction feature" (KurrentDB-Client-NodeJS docs/api/subscriptions.md,
 *   "Checkpointing"); their resume example is `{ commit: 1056n, prepare: 1056n }`.
 * So `position = Number(commit)`: unique per event (each record has its own offset), increasing
 * in `$all` order (the log is append-only and `$all` is read in log order), and `{ commit: p,
 * prepare: p }` is a valid resume point. Reads from a position include the event at it (AllReader
 * keeps `TFPos >= pos`) while subscriptions exclude it (docs: "The positions provided to the
 * subscriptions are exclusive"), so callers skip every event at or below `after` either way.
 * An event with commit != prepare (a legacy transaction) is refused loudly rather than given a
 * position that could collide or go backwards. Offsets are bytes: a JS number is exact up to 2^53
 * (9 PiB of log), far beyond any realistic store; beyond it we fail rather than round. Positions
 * are not consecutive (they jump by each record's size), which the port allows.
 */
import {
  ANY,
  NO_STREAM as KURRENT_NO_STREAM,
  START,
  WrongExpectedVersionError,
  jsonEvent,
  type AppendStreamState,
  type CurrentStreamState,
  type EventData,
  type JSONType,
  type Position,
  type ReadPosition,
  type RecordedEvent as KurrentRecordedEvent,
} from '@kurrent/kurrentdb-client';
import {
  NO_STREAM,
  WrongExpectedRevisionError,
  type EventMetadata,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
} from '@ebp/shared-eventsourcing';

/** Our metadata without what KurrentDB records natively, plus its own correlation keys for its tooling. */
export type StoredMetadata = Omit<EventMetadata, 'eventId' | 'streamId' | 'revision' | 'position' | 'recordedAt'> & {
  /** Read by KurrentDB's `$by_correlation_id` projection and the UI. */
  $correlationId: string;
  $causationId?: string;
};

const ASSIGNED_FIELDS = ['eventId', 'streamId', 'revision', 'position', 'recordedAt'] as const;
const MAX_POSITION = BigInt(Number.MAX_SAFE_INTEGER);

export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  if (expected === 'any') return ANY;
  if (expected === NO_STREAM) return KURRENT_NO_STREAM;
  if (!Number.isSafeInteger(expected) || expected < 0) {
    throw new RangeError(`expected revision must be 'any', NO_STREAM (-1) or a revision >= 0, got ${expected}`);
  }
  return BigInt(expected);
}

/** The stream's actual revision as KurrentDB reports it on a conflict; NO_STREAM when it does not exist. */
export function fromCurrentState(actual: CurrentStreamState): number {
  return actual === KURRENT_NO_STREAM ? NO_STREAM : Number(actual);
}

/** A refused append as the port reports it: WrongExpectedRevisionError with the stream's actual revision. */
export function toAppendError(streamId: string, expected: ExpectedRevision, error: unknown): unknown {
  if (!(error instanceof WrongExpectedVersionError) || expected === 'any') return error;
  return new WrongExpectedRevisionError(streamId, expected, fromCurrentState(error.actualState));
}

/** The port's global position of an event read from KurrentDB (see the file comment). */
export function toGlobalPosition(position: Position | undefined): number {
  if (!position) throw new Error('KurrentDB returned an event without its $all position (servers before 22.6 omit it outside $all reads)');
  if (position.commit !== position.prepare) {
    throw new Error(
      `event at commit ${position.commit} / prepare ${position.prepare} comes from a legacy explicit transaction: ` +
        'its commit position is shared with other events, so it has no unique global position',
    );
  }
  if (position.commit <= 0n || position.commit > MAX_POSITION) {
    throw new RangeError(`$all position ${position.commit} is outside 1..2^53-1`);
  }
  return Number(position.commit);
}

/** Where to start reading `$all` to see every event after `after` (the event at `after` itself may come back). */
export function toReadPosition(after: number): ReadPosition {
  if (!Number.isSafeInteger(after) || after < 0) throw new RangeError(`position must be an integer >= 0, got ${after}`);
  if (after === 0) return START;
  const position = BigInt(after);
  return { commit: position, prepare: position };
}

/** KurrentDB's own events: `$`-typed (stream metadata, links, projections' state) or in `$`-named streams. */
export function isSystemEvent(event: { type: string; streamId: string }): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

export function toStoredMetadata(metadata: NewEvent['metadata']): StoredMetadata {
  const stored: Record<string, unknown> = { ...metadata };
  for (const field of ASSIGNED_FIELDS) delete stored[field];
  stored['$correlationId'] = metadata.correlationId;
  if (metadata.causationId !== null) stored['$causationId'] = metadata.causationId;
  return stored as unknown as StoredMetadata;
}

export function toEventData(event: NewEvent): EventData {
  return jsonEvent({
    id: event.metadata.eventId,
    type: event.type,
    // The client JSON.stringify-s whatever it is given; its JSONType is narrower than what it accepts.
    data: (event.data ?? null) as JSONType,
    metadata: toStoredMetadata(event.metadata),
  });
}

/**
 * Our envelope from a KurrentDB event. `$`-keys (KurrentDB's) are dropped from the metadata; an
 * event this adapter did not write keeps whatever metadata it carries.
 */
export function toRecordedEvent(event: KurrentRecordedEvent): RecordedEvent {
  const metadata: Record<string, unknown> = {};
  if (isPlainObject(event.metadata)) {
    for (const [key, value] of Object.entries(event.metadata)) if (!key.startsWith('$')) metadata[key] = value;
  }
  metadata['eventId'] = event.id;
  metadata['streamId'] = event.streamId;
  metadata['revision'] = Number(event.revision);
  metadata['position'] = toGlobalPosition(event.position);
  metadata['recordedAt'] = event.created.toISOString();
  return { type: event.type, data: event.data, metadata: metadata as unknown as EventMetadata };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

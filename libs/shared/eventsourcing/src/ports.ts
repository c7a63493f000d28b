import type { ExpectedRevision, NewEvent, RecordedEvent } from './envelope';
import type { IntegrationEvent } from './integration';

export interface AppendResult {
  /** Revision of the last event written: use it as the next expected revision (and ETag). */
  nextExpectedRevision: number;
  /** Global position of the last event written. */
  lastPosition: number;
}

export interface Subscription {
  /** Resolves after the handler call in progress has finished, so never await it inside the handler. */
  stop(): Promise<void>;
}

/**
 * `watermark`, when given, is a promise from the bus: every event up to that global position that
 * this subscriber will ever see has been delivered (the batch included). It lets a consumer advance
 * its checkpoint past positions it never receives (another context's events).
 */
export type BatchHandler = (events: RecordedEvent[], watermark?: number) => Promise<void>;

/**
 * The event store port. Appends are atomic per call and refused with
 * WrongExpectedRevisionError when the stream is not at the expected revision.
 */
export interface EventStore {
  append(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult>;
  /** Events of one stream in revision order; empty when the stream does not exist. */
  readStream(streamId: string): Promise<RecordedEvent[]>;
  /** Events of every stream with position > `after`, in position order, at most `limit`. */
  readAll(options: { after: number; limit: number }): Promise<RecordedEvent[]>;
  /** Position of the last event in the store (0 when empty). */
  headPosition(): Promise<number>;
  /**
   * Catch-up subscription: delivers every event with position > `after`, in order, in batches,
   * then follows new appends. A handler that throws gets the same batch again after a pause.
   */
  subscribeToAll(options: { after: number; batchSize?: number }, handler: BatchHandler): Subscription;
  close(): Promise<void>;
}

/**
 * The event bus port (in-process or Kafka). At-least-once: a consumer may see an event twice,
 * but events of one stream arrive in order.
 */
export interface EventBus {
  /** `watermark`: every event up to it has now been published (the relay passes its batch's last position). */
  publish(events: RecordedEvent[], options?: { watermark?: number }): Promise<void>;
  /** Every group receives every event published after it subscribed. */
  subscribe(group: string, handler: BatchHandler): Promise<Subscription>;
  close(): Promise<void>;
}

/** Where a context's published language goes (Kafka's `<context>.integration.v1` in the distributed mode). */
export interface IntegrationPublisher {
  publishIntegration(events: IntegrationEvent[]): Promise<void>;
}

export interface CheckpointStore {
  /** 0 when nothing was saved under that name. */
  load(name: string): Promise<number>;
  /** Overwrites (it may lower the checkpoint, e.g. to replay). */
  save(name: string, position: number): Promise<void>;
}

export type Scalar = string | number | boolean | null;
export type Condition =
  | Scalar
  | { $eq?: Scalar; $ne?: Scalar; $in?: Scalar[]; $gt?: Scalar; $gte?: Scalar; $lt?: Scalar; $lte?: Scalar };

/**
 * A query with MongoDB's meaning, so every adapter answers alike: dotted names reach nested
 * fields; `null` matches null or missing and `$ne` matches missing; an empty `$in` matches
 * nothing; booleans match only booleans; ranges compare numbers with numbers and strings with
 * strings; null/missing sort first; arrays and objects are stored but not queryable.
 */
export interface DocQuery {
  where?: Record<string, Condition>;
  sort?: { field: string; direction: 'asc' | 'desc' }[];
  skip?: number;
  limit?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface StoredDoc<T = Record<string, unknown>> {
  id: string;
  /** Global position of the last event applied to this document. */
  position: number;
  doc: T;
}

/** A document write guarded by position: applied only if the stored document is older. `doc: null` deletes. */
export interface DocWrite {
  collection: string;
  id: string;
  doc: Record<string, unknown> | null;
  position: number;
}

/**
 * The read-model store port. Each write is a single-document atomic update guarded by
 * the document's last applied position, so replays and duplicates change nothing. A delete
 * leaves a tombstone holding its position, so a late older write cannot resurrect it.
 */
export interface ReadModelStore extends CheckpointStore {
  get<T = Record<string, unknown>>(collection: string, id: string): Promise<StoredDoc<T> | null>;
  getMany<T = Record<string, unknown>>(collection: string, ids: string[]): Promise<Map<string, StoredDoc<T>>>;
  find<T = Record<string, unknown>>(collection: string, query: DocQuery): Promise<Page<T>>;
  /** Applies the writes (each guarded by position) and then raises the checkpoint `name` to `checkpoint`. */
  commit(name: string, writes: DocWrite[], checkpoint: number): Promise<void>;
  /** Deletes every document of the collections and the checkpoint `name`. */
  reset(name: string, collections: string[]): Promise<void>;
  ensureIndexes(collection: string, fields: string[]): Promise<void>;
  close(): Promise<void>;
}

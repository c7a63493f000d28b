import { createHash } from 'node:crypto';
import { Mongoose, type AnyBulkWriteOperation, type ConnectOptions, type Connection, type Model, type QueryFilter } from 'mongoose';
import type { DocQuery, DocWrite, Page, ReadModelStore, StoredDoc } from '@ebp/shared-eventsourcing';
import { KeyedLock } from './keyed-lock';
import { compileSort, compileWhere, documentPath, DOC_FIELD } from './mongo-doc-query';

export interface MongoReadModelStoreOptions {
  /** `mongodb://host:port/db`; the database in the URL is used unless `dbName` is given. */
  url: string;
  dbName?: string;
  /** Collection holding the checkpoints, next to the read models they guard. */
  checkpointCollection?: string;
  /** How long an operation looks for a server before failing; the driver's default is 30 s. */
  serverSelectionTimeoutMS?: number;
  /** Further driver options (credentials, TLS, pool size...). */
  connectOptions?: ConnectOptions;
}

/** One stored read-model document. `doc: null` is a tombstone holding the position of its deletion. */
export interface ReadModelEntry {
  _id: string;
  position: number;
  doc: Record<string, unknown> | null;
}

export interface CheckpointEntry {
  _id: string;
  position: number;
}

export const DEFAULT_CHECKPOINT_COLLECTION = 'read_model_checkpoints';
export const POSITION_INDEX = 'position_1';

// Its own Mongoose instance, so the application's global settings and plugins (sanitizeFilter,
// strictQuery, debug...) cannot change what this store sends.
const isolated = new Mongoose({ createInitialConnection: false, strictQuery: false, sanitizeFilter: false, autoIndex: false, autoCreate: false });
const { Schema } = isolated;

const DUPLICATE_KEY = 11000;
// A second duplicate key on the same guarded write means a document at or past its position exists.
const GUARDED_WRITE_ATTEMPTS = 2;
// Unguarded checkpoint upserts only collide with a concurrent first insert, so a retry settles them.
const CHECKPOINT_ATTEMPTS = 3;

/** Index name per field; the hash keeps `a.b` and `a_b` apart. */
export function indexName(field: string): string {
  const readable = field.replace(/[^A-Za-z0-9]/g, '_').slice(0, 40);
  return `doc_${readable}_${createHash('sha1').update(field).digest('hex').slice(0, 8)}`;
}

function checkCollectionName(name: string): void {
  if (typeof name !== 'string' || !/^[^$\0]+$/u.test(name) || name.startsWith('system.') || name.length > 200) {
    throw new Error(`invalid collection name ${JSON.stringify(name)}`);
  }
}

function checkPosition(what: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${what} must be a non-negative integer, got ${String(value)}`);
}

function checkPaging(name: string, value: number | undefined): void {
  if (value !== undefined && (!Number.isInteger(value) || value < 0)) throw new Error(`${name} must be a non-negative integer`);
}

interface ServerError {
  code?: unknown;
  writeErrors?: unknown;
}

/**
 * True for E11000, alone or as every write error of a bulk write. Duck-typed: MongoDB reports a
 * bulk's duplicates as write errors, FerretDB v1 as the whole command's error.
 */
export function isDuplicateKeyError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, writeErrors } = error as ServerError;
  const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
  if (list.length) return list.every((e) => typeof e === 'object' && e !== null && (e as ServerError).code === DUPLICATE_KEY);
  return code === DUPLICATE_KEY;
}

/** The last write per document of one commit: a later position supersedes the others anyway. */
function latestWrites(writes: DocWrite[]): Map<string, DocWrite[]> {
  const latest = new Map<string, Map<string, DocWrite>>();
  for (const w of writes) {
    checkCollectionName(w.collection);
    checkPosition('write position', w.position);
    const byId = latest.get(w.collection) ?? new Map<string, DocWrite>();
    latest.set(w.collection, byId);
    const current = byId.get(w.id);
    if (!current || current.position < w.position) byId.set(w.id, w);
  }
  return new Map([...latest].map(([collection, byId]) => [collection, [...byId.values()]]));
}

function guardedWrite(w: DocWrite) {
  return {
    filter: { _id: w.id, position: { $lt: w.position } },
    update: { $set: { position: w.position, [DOC_FIELD]: w.doc } },
  };
}

/**
 * Read models in MongoDB, one collection per read-model collection, documents stored as
 * `{ _id, position, doc }`. Each write is one atomic single-document update guarded by position,
 * so no transaction is needed (FerretDB has none): a partly applied commit that is delivered
 * again re-applies only what is missing, and the checkpoint only moves forward after the writes.
 */
export class MongoReadModelStore implements ReadModelStore {
  private readonly connection: Connection;
  private readonly url: string;
  private readonly connectOptions: ConnectOptions;
  private connecting!: Promise<void>;
  private connectFailed = false;
  private closed = false;
  private readonly checkpointCollection: string;
  private readonly models = new Map<string, Model<ReadModelEntry>>();
  private readonly indexed = new Map<string, Set<string>>();
  private readonly checkpoints: Model<CheckpointEntry>;
  // FerretDB v1 reads and then writes an update without a lock, so concurrent commits touching
  // the same collection or checkpoint take turns within this process.
  private readonly lock = new KeyedLock();

  constructor(options: MongoReadModelStoreOptions) {
    this.checkpointCollection = options.checkpointCollection ?? DEFAULT_CHECKPOINT_COLLECTION;
    checkCollectionName(this.checkpointCollection);
    this.url = options.url;
    this.connectOptions = {
      ...options.connectOptions,
      ...(options.dbName ? { dbName: options.dbName } : {}),
      ...(options.serverSelectionTimeoutMS !== undefined ? { serverSelectionTimeoutMS: options.serverSelectionTimeoutMS } : {}),
      autoIndex: false,
      autoCreate: false,
    };
    this.connection = isolated.createConnection(this.url, this.connectOptions);
    this.watchConnecting(this.connection.asPromise());
    this.checkpoints = this.connection.model<CheckpointEntry>(
      `checkpoint:${this.checkpointCollection}`,
      new Schema<CheckpointEntry>(
        { _id: { type: String, required: true }, position: { type: Number, required: true } },
        { collection: this.checkpointCollection, versionKey: false, autoIndex: false, autoCreate: false, id: false },
      ),
      this.checkpointCollection,
    );
  }

  /** Opens a store and waits for its connection. */
  static async connect(options: MongoReadModelStoreOptions): Promise<MongoReadModelStore> {
    const store = new MongoReadModelStore(options);
    try {
      await store.ready();
    } catch (error) {
      await store.close().catch(() => undefined);
      throw error;
    }
    return store;
  }

  private watchConnecting(attempt: Promise<unknown>): void {
    const connecting = attempt.then(() => undefined);
    this.connecting = connecting;
    this.connectFailed = false;
    // Reported to the operation awaiting it, never as an unhandled rejection.
    connecting.catch(() => {
      if (this.connecting === connecting) this.connectFailed = true;
    });
  }

  /**
   * Waits for the connection. A first connection that failed (server not up yet) is not final:
   * the next operation tries again, so a readiness probe recovers once the server is up.
   */
  private ready(): Promise<void> {
    if (this.connectFailed && !this.closed) this.watchConnecting(this.connection.openUri(this.url, this.connectOptions));
    return this.connecting;
  }

  /** Resolves when the server answers a ping: a readiness check. */
  async ping(): Promise<void> {
    await this.ready();
    const db = this.connection.db;
    if (!db) throw new Error('MongoDB connection is not open');
    await db.command({ ping: 1 });
  }

  private model(collection: string): Model<ReadModelEntry> {
    let model = this.models.get(collection);
    if (model) return model;
    checkCollectionName(collection);
    if (collection === this.checkpointCollection) throw new Error(`collection ${collection} holds the checkpoints`);
    const schema = new Schema<ReadModelEntry>(
      {
        _id: { type: String, required: true },
        position: { type: Number, required: true },
        [DOC_FIELD]: { type: Schema.Types.Mixed },
      },
      { collection, versionKey: false, autoIndex: false, autoCreate: false, id: false, minimize: false, strict: true },
    );
    schema.index({ position: 1 }, { name: POSITION_INDEX });
    model = this.connection.model<ReadModelEntry>(`read-model:${collection}`, schema, collection);
    this.models.set(collection, model);
    return model;
  }

  async get<T = Record<string, unknown>>(collection: string, id: string): Promise<StoredDoc<T> | null> {
    await this.ready();
    // `_id` alone: FerretDB looks that up by key, anything more is a scan.
    const entry = await this.model(collection).findOne({ _id: id }).lean<ReadModelEntry>().exec();
    return entry && entry.doc !== null ? { id: entry._id, position: entry.position, doc: entry.doc as T } : null;
  }

  async getMany<T = Record<string, unknown>>(collection: string, ids: string[]): Promise<Map<string, StoredDoc<T>>> {
    const found = new Map<string, StoredDoc<T>>();
    if (ids.length === 0) return found;
    await this.ready();
    const entries = await this.model(collection)
      .find({ _id: { $in: [...new Set(ids)] }, [DOC_FIELD]: { $ne: null } } as QueryFilter<ReadModelEntry>)
      .lean<ReadModelEntry[]>()
      .exec();
    for (const e of entries) if (e.doc !== null) found.set(e._id, { id: e._id, position: e.position, doc: e.doc as T });
    return found;
  }

  async find<T = Record<string, unknown>>(collection: string, query: DocQuery): Promise<Page<T>> {
    checkPaging('skip', query.skip);
    checkPaging('limit', query.limit);
    const filter = { ...compileWhere(query.where), [DOC_FIELD]: { $ne: null } } as QueryFilter<ReadModelEntry>;
    const sort = compileSort(query.sort);
    await this.ready();
    const model = this.model(collection);
    const items = async (): Promise<T[]> => {
      // MongoDB reads limit 0 as "no limit"; the contract means an empty page.
      if (query.limit === 0) return [];
      let cursor = model.find(filter, { _id: 0, [DOC_FIELD]: 1 }).sort(sort);
      if (query.skip) cursor = cursor.skip(query.skip);
      if (query.limit !== undefined) cursor = cursor.limit(query.limit);
      const entries = await cursor.lean<Pick<ReadModelEntry, 'doc'>[]>().exec();
      return entries.map((e) => e.doc as T);
    };
    const [page, total] = await Promise.all([items(), model.countDocuments(filter).exec()]);
    return { items: page, total };
  }

  async commit(name: string, writes: DocWrite[], checkpoint: number): Promise<void> {
    checkPosition('checkpoint', checkpoint);
    const byCollection = latestWrites(writes);
    await this.ready();
    await this.lock.run([...[...byCollection.keys()].map((c) => `collection:${c}`), `checkpoint:${name}`], async () => {
      for (const [collection, latest] of byCollection) await this.applyWrites(this.model(collection), latest);
      await this.withDuplicateRetry(CHECKPOINT_ATTEMPTS, () =>
        this.checkpoints.updateOne({ _id: name }, { $max: { position: checkpoint } }, { upsert: true }).exec(),
      );
    });
  }

  /**
   * One unordered bulk write; a duplicate key there means some target already holds that position
   * or a later one (or a concurrent upsert won the insert). The guarded writes being idempotent,
   * the batch is then replayed one by one, which settles each write whatever the server did with
   * the rest of the batch (FerretDB v1 stops at the first error, MongoDB goes on).
   */
  private async applyWrites(model: Model<ReadModelEntry>, writes: DocWrite[]): Promise<void> {
    if (writes.length === 0) return;
    const operations: AnyBulkWriteOperation<ReadModelEntry>[] = writes.map((w) => ({ updateOne: { ...guardedWrite(w), upsert: true } }));
    try {
      await model.bulkWrite(operations, { ordered: false });
      return;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    for (const w of writes) {
      const { filter, update } = guardedWrite(w);
      await this.withDuplicateRetry(GUARDED_WRITE_ATTEMPTS, () => model.updateOne(filter, update, { upsert: true }).exec(), true);
    }
  }

  /**
   * Retries an upsert that hit a duplicate key: the document then exists, so the next attempt is
   * an update. With `settledByDuplicate`, running out of attempts means a newer document won.
   */
  private async withDuplicateRetry(attempts: number, upsert: () => Promise<unknown>, settledByDuplicate = false): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await upsert();
        return;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        if (attempt >= attempts) {
          if (settledByDuplicate) return;
          throw error;
        }
      }
    }
  }

  /**
   * The checkpoint goes first: a crash halfway then leaves a projection that replays from 0, not
   * one whose checkpoint claims documents that are gone.
   */
  async reset(name: string, collections: string[]): Promise<void> {
    collections.forEach(checkCollectionName);
    await this.ready();
    await this.lock.run([...collections.map((c) => `collection:${c}`), `checkpoint:${name}`], async () => {
      await this.checkpoints.deleteOne({ _id: name }).exec();
      for (const collection of new Set(collections)) await this.model(collection).deleteMany({}).exec();
    });
  }

  /**
   * Declares `{ doc.<field>: 1, _id: 1 }` per field (the `_id` serves find's tie-break) plus
   * `{ position: 1 }` on the collection's schema and creates what is missing. Never drops an index.
   */
  async ensureIndexes(collection: string, fields: string[]): Promise<void> {
    const model = this.model(collection);
    const declared = this.indexed.get(collection) ?? new Set<string>();
    this.indexed.set(collection, declared);
    for (const field of new Set(fields)) {
      const path = documentPath(field);
      if (declared.has(field)) continue;
      model.schema.index({ [path]: 1, _id: 1 }, { name: indexName(field) });
      declared.add(field);
    }
    await this.ready();
    await model.createIndexes();
  }

  async load(name: string): Promise<number> {
    await this.ready();
    const entry = await this.checkpoints.findOne({ _id: name }).lean<CheckpointEntry>().exec();
    return entry?.position ?? 0;
  }

  async save(name: string, position: number): Promise<void> {
    checkPosition('checkpoint', position);
    await this.ready();
    await this.lock.run([`checkpoint:${name}`], () =>
      this.withDuplicateRetry(CHECKPOINT_ATTEMPTS, () => this.checkpoints.updateOne({ _id: name }, { $set: { position } }, { upsert: true }).exec()),
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.connection.close();
  }
}

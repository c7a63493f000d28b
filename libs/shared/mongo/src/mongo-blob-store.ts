import mongoose from 'mongoose';
import { checkBlobBytes, checkContentType, checkSha256, sha256Hex, type BlobContent, type BlobStore, type PutBlobResult } from '@ebp/shared-eventsourcing';
import { isDuplicateKeyError } from './mongo-read-model-store';

// The driver mongoose ships (no second copy of `mongodb` in the tree).
const { Binary, GridFSBucket, MongoClient } = mongoose.mongo;
type MongoClientOptions = NonNullable<ConstructorParameters<typeof MongoClient>[1]>;
type Collection<T extends mongoose.mongo.Document> = mongoose.mongo.Collection<T>;

export interface MongoBlobStoreOptions {
  /** `mongodb://host:port/db`; the database in the URL is used unless `dbName` is given. */
  url: string;
  dbName?: string;
  /** GridFS bucket: collections `<bucketName>.files` and `<bucketName>.chunks` (default `blobs`). */
  bucketName?: string;
  /** How long an operation looks for a server before failing; the driver's default is 30 s. */
  serverSelectionTimeoutMS?: number;
  /** Re-hash content on every `get` and refuse a blob whose bytes no longer match (default true). */
  verify?: boolean;
  /** Further driver options (credentials, TLS, pool size...). */
  clientOptions?: MongoClientOptions;
}

/** A GridFS files document as this store writes it: `_id` and `filename` are the sha256. */
export interface BlobFileEntry {
  _id: string;
  length: number;
  chunkSize: number;
  uploadDate: Date;
  filename: string;
  metadata: { contentType: string };
}

/** A GridFS chunk: bytes `n * chunkSize ...` of the file `files_id`. */
export interface BlobChunkEntry {
  _id?: mongoose.mongo.ObjectId;
  files_id: string;
  n: number;
  data: mongoose.mongo.Binary;
}

export const DEFAULT_BLOB_BUCKET = 'blobs';
/** GridFS's default chunk size (255 KiB). Fixed, so every writer of a blob cuts the same chunks. */
export const BLOB_CHUNK_SIZE = 255 * 1024;
// The indexes GridFS drivers create, under the names they give them.
const CHUNKS_INDEX = { key: { files_id: 1, n: 1 }, name: 'files_id_1_n_1', unique: true } as const;
const FILES_INDEX = { key: { filename: 1, uploadDate: 1 }, name: 'filename_1_uploadDate_1' } as const;
// Two writers upserting the same new chunk race on the unique index; a retry finds it and updates.
const CHUNK_WRITE_ATTEMPTS = 2;
// One bulk write at most this many chunks (~16 MB), to bound the size of a command.
const CHUNKS_PER_BULK = 64;

/**
 * The BlobStore port over MongoDB GridFS, for the distributed mode. Blobs are ordinary GridFS
 * files in the bucket `blobs` (`blobs.files`, `blobs.chunks`): `_id` and `filename` are the
 * sha256, `metadata.contentType` the type; `mongofiles` or any driver's GridFSBucket reads them,
 * and `get` reads through `GridFSBucket` itself.
 *
 * Writes do not go through GridFS's upload stream: it inserts the chunks, so a second writer of
 * the same bytes fails on the chunk index and chunks left by a crash block every later upload.
 * Here every chunk is an upsert keyed by `{ files_id: sha256, n }` (identical bytes from every
 * writer, so the order does not matter), and the files document, inserted last, is the commit:
 * the blob exists once it does, and its `_id` lets exactly one of concurrent writers create it.
 * No transaction needed, so FerretDB works too (checked with FerretDB 1.24).
 */
export class MongoBlobStore implements BlobStore {
  readonly bucketName: string;
  private readonly client: mongoose.mongo.MongoClient;
  private readonly db: mongoose.mongo.Db;
  private readonly bucket: mongoose.mongo.GridFSBucket;
  private readonly files: Collection<BlobFileEntry>;
  private readonly chunks: Collection<BlobChunkEntry>;
  private readonly verify: boolean;
  private indexed?: Promise<void>;

  constructor(options: MongoBlobStoreOptions) {
    this.bucketName = options.bucketName ?? DEFAULT_BLOB_BUCKET;
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(this.bucketName)) throw new Error(`invalid bucket name ${JSON.stringify(this.bucketName)}`);
    this.verify = options.verify ?? true;
    this.client = new MongoClient(options.url, {
      ...options.clientOptions,
      ...(options.serverSelectionTimeoutMS !== undefined ? { serverSelectionTimeoutMS: options.serverSelectionTimeoutMS } : {}),
    });
    this.db = this.client.db(options.dbName);
    this.bucket = new GridFSBucket(this.db, { bucketName: this.bucketName, chunkSizeBytes: BLOB_CHUNK_SIZE });
    this.files = this.db.collection<BlobFileEntry>(`${this.bucketName}.files`);
    this.chunks = this.db.collection<BlobChunkEntry>(`${this.bucketName}.chunks`);
  }

  /** Opens a store and waits until the server answers. */
  static async connect(options: MongoBlobStoreOptions): Promise<MongoBlobStore> {
    const store = new MongoBlobStore(options);
    try {
      await store.ping();
    } catch (error) {
      await store.close().catch(() => undefined);
      throw error;
    }
    return store;
  }

  /** Resolves when the server answers a ping: a readiness check. The driver connects on first use and reconnects by itself. */
  async ping(): Promise<void> {
    await this.db.command({ ping: 1 });
  }

  async put(bytes: Uint8Array, contentType: string): Promise<PutBlobResult> {
    checkBlobBytes(bytes);
    checkContentType(contentType);
    // A copy, so a caller changing its buffer while the put runs cannot store bytes that do not match the hash.
    const content = Buffer.from(bytes);
    const sha256 = sha256Hex(content);
    const result = { sha256, sizeBytes: content.byteLength };
    if (await this.has(sha256)) return { ...result, created: false };

    await this.ensureIndexes();
    const count = Math.ceil(content.byteLength / BLOB_CHUNK_SIZE);
    for (let first = 0; first < count; first += CHUNKS_PER_BULK) {
      const ops = [];
      for (let n = first; n < Math.min(count, first + CHUNKS_PER_BULK); n++) {
        const data = new Binary(content.subarray(n * BLOB_CHUNK_SIZE, (n + 1) * BLOB_CHUNK_SIZE));
        ops.push({ updateOne: { filter: { files_id: sha256, n }, update: { $set: { data } }, upsert: true } });
      }
      await this.writeChunks(ops);
    }
    // Chunks past the end could only be left by a writer with another chunk size; GridFS readers refuse them.
    await this.chunks.deleteMany({ files_id: sha256, n: { $gte: count } });

    try {
      await this.files.insertOne({
        _id: sha256,
        length: content.byteLength,
        chunkSize: BLOB_CHUNK_SIZE,
        uploadDate: new Date(),
        filename: sha256,
        metadata: { contentType },
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) return { ...result, created: false };
      throw error;
    }
    return { ...result, created: true };
  }

  async get(sha256: string): Promise<BlobContent | null> {
    checkSha256(sha256);
    const file = await this.files.findOne({ _id: sha256 });
    if (!file) return null;
    const parts: Buffer[] = [];
    // GridFSBucket checks the chunks: their count, order and sizes against `length` and `chunkSize`.
    for await (const part of this.bucket.openDownloadStream(sha256 as never)) parts.push(part as Buffer);
    const bytes = Buffer.concat(parts);
    if (this.verify && sha256Hex(bytes) !== sha256) throw new Error(`blob ${sha256} is corrupt: its bytes no longer match the hash`);
    const contentType = typeof file.metadata?.contentType === 'string' ? file.metadata.contentType : 'application/octet-stream';
    return { bytes, contentType, sizeBytes: bytes.byteLength };
  }

  async has(sha256: string): Promise<boolean> {
    checkSha256(sha256);
    return (await this.files.findOne({ _id: sha256 }, { projection: { _id: 1 } })) !== null;
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  /** The unique chunk index makes concurrent writers of a chunk safe; created once per store. */
  private ensureIndexes(): Promise<void> {
    this.indexed ??= (async () => {
      const { key: chunkKey, ...chunkOptions } = CHUNKS_INDEX;
      const { key: fileKey, ...fileOptions } = FILES_INDEX;
      await this.chunks.createIndex(chunkKey, chunkOptions);
      await this.files.createIndex(fileKey, fileOptions);
    })().catch((error: unknown) => {
      this.indexed = undefined;
      throw error;
    });
    return this.indexed;
  }

  /**
   * One bulk of chunk upserts. On a duplicate key (another writer inserted a chunk between this
   * upsert's lookup and its insert) the batch is replayed one chunk at a time: every upsert is
   * idempotent, and on its retry the chunk exists, so it updates (to the same bytes).
   */
  private async writeChunks(ops: mongoose.mongo.AnyBulkWriteOperation<BlobChunkEntry>[]): Promise<void> {
    try {
      await this.chunks.bulkWrite(ops, { ordered: false });
      return;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    for (const op of ops) {
      for (let attempt = 1; ; attempt++) {
        try {
          await this.chunks.bulkWrite([op]);
          break;
        } catch (error) {
          if (!isDuplicateKeyError(error) || attempt >= CHUNK_WRITE_ATTEMPTS) throw error;
        }
      }
    }
  }
}

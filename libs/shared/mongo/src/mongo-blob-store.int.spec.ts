import { createHash, randomBytes, randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { blobStoreContract } from '@ebp/shared-eventsourcing/testing';
import { describeWithEngine } from '@ebp/shared-testing';
import { BLOB_CHUNK_SIZE, MongoBlobStore } from './mongo-blob-store';

jest.setTimeout(60_000);

const unique = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describeWithEngine('mongo', 'MongoBlobStore against a real MongoDB-compatible server', (url) => {
  // One database per run, dropped at the end, so reruns against the same server start clean.
  const dbName = unique('ebp_blobs');
  const open = (options: { bucketName?: string } = {}) => new MongoBlobStore({ url: url(), dbName, serverSelectionTimeoutMS: 10_000, ...options });
  let client: mongoose.mongo.MongoClient;
  let db: mongoose.mongo.Db;

  beforeAll(async () => {
    client = await new mongoose.mongo.MongoClient(url(), { serverSelectionTimeoutMS: 10_000 }).connect();
    db = client.db(dbName);
  });

  afterAll(async () => {
    await db?.dropDatabase();
    await client?.close();
  });

  blobStoreContract('MongoBlobStore', async () => open());

  describe('MongoBlobStore', () => {
    let store: MongoBlobStore;
    let bucketName: string;

    beforeEach(() => {
      bucketName = unique('b');
      store = open({ bucketName });
    });

    afterEach(async () => {
      await store.close();
    });

    const readWithGridFs = async (id: string) => {
      const parts: Buffer[] = [];
      for await (const part of new mongoose.mongo.GridFSBucket(db, { bucketName }).openDownloadStreamByName(id)) parts.push(part as Buffer);
      return Buffer.concat(parts);
    };

    it('writes ordinary GridFS files: _id and filename are the sha256, metadata.contentType the type', async () => {
      const bytes = randomBytes(2 * BLOB_CHUNK_SIZE + 10);
      const { sha256: hash } = await store.put(bytes, 'application/pdf');
      expect(hash).toBe(sha256(bytes));
      const files = await db.collection(`${bucketName}.files`).find().toArray();
      expect(files).toEqual([
        { _id: hash, length: bytes.length, chunkSize: BLOB_CHUNK_SIZE, uploadDate: expect.any(Date), filename: hash, metadata: { contentType: 'application/pdf' } },
      ]);
      const chunks = await db.collection(`${bucketName}.chunks`).find({}, { sort: { n: 1 } }).toArray();
      expect(chunks.map((c) => [c['files_id'], c['n'], (c['data'] as mongoose.mongo.Binary).length()])).toEqual([
        [hash, 0, BLOB_CHUNK_SIZE],
        [hash, 1, BLOB_CHUNK_SIZE],
        [hash, 2, 10],
      ]);
      // Any GridFS reader finds it by name.
      expect((await readWithGridFs(hash)).equals(bytes)).toBe(true);
      const indexes = (await db.collection(`${bucketName}.chunks`).indexes()).map((i) => ({ name: i.name, unique: i.unique ?? false }));
      expect(indexes).toContainEqual({ name: 'files_id_1_n_1', unique: true });
    });

    it('stores empty content as a files document without chunks', async () => {
      const { sha256: hash } = await store.put(new Uint8Array(0), 'text/plain');
      expect(await db.collection(`${bucketName}.files`).countDocuments({ _id: hash as never, length: 0 })).toBe(1);
      expect(await db.collection(`${bucketName}.chunks`).countDocuments()).toBe(0);
      expect((await store.get(hash))?.bytes.byteLength).toBe(0);
    });

    it('completes a blob whose put was cut short after some chunks, instead of tripping over them', async () => {
      const bytes = randomBytes(BLOB_CHUNK_SIZE + 100);
      const hash = sha256(bytes);
      // What a crash after the first chunk leaves: a chunk, no files document.
      await db.collection(`${bucketName}.chunks`).insertOne({ files_id: hash, n: 0, data: new mongoose.mongo.Binary(bytes.subarray(0, BLOB_CHUNK_SIZE)) });
      expect(await store.has(hash)).toBe(false);
      expect(await store.get(hash)).toBeNull();
      expect(await store.put(bytes, 'image/png')).toEqual({ sha256: hash, sizeBytes: bytes.length, created: true });
      expect(await db.collection(`${bucketName}.chunks`).countDocuments({ files_id: hash })).toBe(2);
      expect((await store.get(hash))?.bytes).toEqual(bytes);
    });

    it('refuses to return a blob whose chunks were changed', async () => {
      const bytes = randomBytes(100);
      const { sha256: hash } = await store.put(bytes, 'application/octet-stream');
      await db.collection(`${bucketName}.chunks`).updateOne({ files_id: hash, n: 0 }, { $set: { data: new mongoose.mongo.Binary(randomBytes(100)) } });
      await expect(store.get(hash)).rejects.toThrow(/corrupt/);
    });

    it('keeps buckets apart', async () => {
      const other = open({ bucketName: unique('b') });
      try {
        const { sha256: hash } = await store.put(randomBytes(10), 'text/plain');
        expect(await other.has(hash)).toBe(false);
      } finally {
        await other.close();
      }
    });

    it('refuses a bucket name that is not a plain word', () => {
      expect(() => open({ bucketName: 'a.b' })).toThrow(/bucket name/);
      expect(() => open({ bucketName: '' })).toThrow(/bucket name/);
    });
  });

  it('fails an operation when the server cannot be reached', async () => {
    const unreachable = new MongoBlobStore({ url: 'mongodb://127.0.0.1:1/ebp', serverSelectionTimeoutMS: 300 });
    try {
      await expect(unreachable.has(sha256(randomBytes(4)))).rejects.toThrow();
      await expect(MongoBlobStore.connect({ url: 'mongodb://127.0.0.1:1/ebp', serverSelectionTimeoutMS: 300 })).rejects.toThrow();
    } finally {
      await unreachable.close();
    }
  });
});

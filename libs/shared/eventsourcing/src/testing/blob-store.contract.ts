import { createHash, randomBytes } from 'node:crypto';
import { InvalidBlobHashError, type BlobStore } from '../blob-store';

// A 3 MB put goes through several GridFS chunks; slower engines need the time.
const SLOW = 60_000;
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const same = (a: Uint8Array | undefined, b: Uint8Array) => a !== undefined && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);

/**
 * The BlobStore port's contract. `open` opens a store over the same storage on every call (a
 * directory, a database), so the suite can check that a second store sees what the first wrote;
 * `cleanup`, when given, removes that storage after the suite. Every test stores fresh random
 * content, so storage shared with other runs works too.
 */
export function blobStoreContract(name: string, open: () => Promise<BlobStore>, cleanup?: () => Promise<void>): void {
  describe(`BlobStore contract: ${name}`, () => {
    let store: BlobStore;
    const others: BlobStore[] = [];

    const another = async () => {
      const s = await open();
      others.push(s);
      return s;
    };

    beforeEach(async () => {
      store = await open();
    });

    afterEach(async () => {
      await Promise.all(others.splice(0).map((s) => s.close()));
      await store.close();
    });

    if (cleanup) afterAll(cleanup);

    describe('put and get', () => {
      it('stores binary content under its sha256 and returns it intact', async () => {
        const bytes = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(1000), Buffer.from([0, 0, 0])]);
        const put = await store.put(bytes, 'application/octet-stream');
        expect(put).toEqual({ sha256: sha256(bytes), sizeBytes: bytes.length, created: true });
        expect(put.sha256).toMatch(/^[0-9a-f]{64}$/);
        const got = await store.get(put.sha256);
        expect(got).not.toBeNull();
        expect(got?.bytes).toBeInstanceOf(Uint8Array);
        expect(same(got?.bytes, bytes)).toBe(true);
        expect(got?.sizeBytes).toBe(bytes.length);
        expect(got?.contentType).toBe('application/octet-stream');
        expect(await store.has(put.sha256)).toBe(true);
      });

      it('stores empty content', async () => {
        const put = await store.put(new Uint8Array(0), 'text/plain');
        expect(put.sha256).toBe(EMPTY_SHA256);
        expect(put.sizeBytes).toBe(0);
        const got = await store.get(EMPTY_SHA256);
        expect(got?.sizeBytes).toBe(0);
        expect(got?.bytes.byteLength).toBe(0);
        expect(typeof got?.contentType).toBe('string');
        expect(await store.has(EMPTY_SHA256)).toBe(true);
      });

      it(
        'stores a 3 MB buffer',
        async () => {
          const bytes = randomBytes(3 * 1024 * 1024 + 17);
          const put = await store.put(bytes, 'application/pdf');
          expect(put).toEqual({ sha256: sha256(bytes), sizeBytes: bytes.length, created: true });
          const got = await store.get(put.sha256);
          expect(got?.sizeBytes).toBe(bytes.length);
          expect(same(got?.bytes, bytes)).toBe(true);
        },
        SLOW,
      );

      it('stores the bytes of a view, not of the whole underlying buffer', async () => {
        const whole = randomBytes(64);
        const view = new Uint8Array(whole.buffer, whole.byteOffset + 8, 16);
        const put = await store.put(view, 'application/octet-stream');
        expect(put.sizeBytes).toBe(16);
        expect(put.sha256).toBe(sha256(view));
        expect(same((await store.get(put.sha256))?.bytes, Buffer.from(view))).toBe(true);
      });

      it('keeps what it stored when the caller changes its buffer or the one it got back', async () => {
        const bytes = randomBytes(100);
        const original = Buffer.from(bytes);
        const { sha256: hash } = await store.put(bytes, 'application/octet-stream');
        bytes.fill(0);
        const first = await store.get(hash);
        expect(same(first?.bytes, original)).toBe(true);
        first?.bytes.fill(1);
        expect(same((await store.get(hash))?.bytes, original)).toBe(true);
      });

      it('keeps the content type, parameters included', async () => {
        const png = await store.put(randomBytes(32), 'image/png');
        const text = await store.put(randomBytes(32), 'text/plain; charset=utf-8');
        expect((await store.get(png.sha256))?.contentType).toBe('image/png');
        expect((await store.get(text.sha256))?.contentType).toBe('text/plain; charset=utf-8');
      });

      it('is seen by another store opened on the same storage', async () => {
        const bytes = randomBytes(500);
        const { sha256: hash } = await store.put(bytes, 'image/jpeg');
        const other = await another();
        expect(await other.has(hash)).toBe(true);
        const got = await other.get(hash);
        expect(got?.contentType).toBe('image/jpeg');
        expect(same(got?.bytes, bytes)).toBe(true);
      });
    });

    describe('idempotence', () => {
      it('gives the same content the same hash and stores it once', async () => {
        const bytes = randomBytes(2000);
        const first = await store.put(bytes, 'application/pdf');
        const second = await store.put(Buffer.from(bytes), 'application/pdf');
        expect(first.created).toBe(true);
        expect(second).toEqual({ sha256: first.sha256, sizeBytes: bytes.length, created: false });
        expect(same((await store.get(first.sha256))?.bytes, bytes)).toBe(true);
      });

      it('keeps the content type of the first put', async () => {
        const bytes = randomBytes(64);
        const { sha256: hash } = await store.put(bytes, 'image/png');
        expect((await store.put(bytes, 'application/octet-stream')).created).toBe(false);
        expect((await store.get(hash))?.contentType).toBe('image/png');
      });

      it('gives different content different hashes', async () => {
        const a = randomBytes(64);
        const b = Buffer.from(a);
        b[63] = (b[63]! + 1) % 256;
        const [pa, pb] = [await store.put(a, 'application/octet-stream'), await store.put(b, 'application/octet-stream')];
        expect(pa.sha256).not.toBe(pb.sha256);
        expect(pb.created).toBe(true);
      });

      it(
        'leaves one blob when the same content is put concurrently, through one store or several',
        async () => {
          const bytes = randomBytes(600 * 1024);
          const stores = [store, store, store, await another(), await another(), await another()];
          const results = await Promise.all(stores.map((s) => s.put(Buffer.from(bytes), 'application/zip')));
          expect(new Set(results.map((r) => r.sha256))).toEqual(new Set([sha256(bytes)]));
          expect(results.every((r) => r.sizeBytes === bytes.length)).toBe(true);
          expect(results.filter((r) => r.created)).toHaveLength(1);
          for (const s of stores) {
            const got = await s.get(sha256(bytes));
            expect(got?.contentType).toBe('application/zip');
            expect(same(got?.bytes, bytes)).toBe(true);
          }
        },
        SLOW,
      );
    });

    describe('lookups', () => {
      it('returns null and false for a hash it does not hold', async () => {
        const unknown = sha256(randomBytes(32));
        expect(await store.get(unknown)).toBeNull();
        expect(await store.has(unknown)).toBe(false);
      });

      const malformed: unknown[] = [
        '',
        'abc',
        EMPTY_SHA256.toUpperCase(),
        EMPTY_SHA256.slice(0, 63),
        `${EMPTY_SHA256}0`,
        `${EMPTY_SHA256.slice(0, 63)}g`,
        ` ${EMPTY_SHA256.slice(1)}`,
        `../../${EMPTY_SHA256.slice(6)}`,
        `${EMPTY_SHA256.slice(0, 60)}.txt`,
        `${EMPTY_SHA256}\n`,
        { $ne: null },
        null,
        undefined,
        42,
      ];

      it('refuses a malformed hash', async () => {
        await store.put(new Uint8Array(0), 'text/plain');
        for (const hash of malformed) {
          await expect(store.get(hash as string)).rejects.toBeInstanceOf(InvalidBlobHashError);
          await expect(store.has(hash as string)).rejects.toBeInstanceOf(InvalidBlobHashError);
        }
      });
    });

    describe('refused puts', () => {
      it('refuses a malformed content type and stores nothing', async () => {
        const bytes = randomBytes(32);
        for (const type of ['', 'png', 'image/', '/png', 'image/png\r\nX-Evil: 1', 'ïmage/png', 'a/'.padEnd(300, 'b'), null, 7]) {
          await expect(store.put(bytes, type as string)).rejects.toThrow(/content type/);
        }
        expect(await store.has(sha256(bytes))).toBe(false);
      });

      it('refuses content that is not a Uint8Array', async () => {
        for (const bytes of ['text', [1, 2, 3], null, new ArrayBuffer(4)]) {
          await expect(store.put(bytes as unknown as Uint8Array, 'text/plain')).rejects.toThrow(/Uint8Array/);
        }
      });
    });
  });
}

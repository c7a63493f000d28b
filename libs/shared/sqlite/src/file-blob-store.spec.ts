import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { blobStoreContract } from '@ebp/shared-eventsourcing/testing';
import { FileBlobStore } from './file-blob-store';
import { tempDir } from './temp-dir';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('FileBlobStore', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;

  beforeAll(async () => {
    dir = await tempDir('ebp-blobs-');
  });

  blobStoreContract(
    'FileBlobStore',
    async () => new FileBlobStore(dir.path),
    () => dir.remove(),
  );
});

describe('FileBlobStore on disk', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let store: FileBlobStore;

  beforeEach(async () => {
    dir = await tempDir('ebp-blobs-');
    store = new FileBlobStore(dir.path);
  });

  afterEach(async () => {
    await store.close();
    await dir.remove();
  });

  it('keeps the raw bytes at dir/ab/cd/<sha256> and the content type in a sidecar, and no temp files', async () => {
    const bytes = randomBytes(1234);
    const { sha256: hash } = await store.put(bytes, 'image/png');
    const path = join(dir.path, hash.slice(0, 2), hash.slice(2, 4), hash);
    expect(store.pathOf(hash)).toBe(path);
    expect((await readFile(path)).equals(bytes)).toBe(true);
    expect(JSON.parse(await readFile(`${path}.json`, 'utf8'))).toEqual({ contentType: 'image/png', sizeBytes: 1234 });
    expect(await readdir(join(dir.path, '.tmp'))).toEqual([]);
    expect((await readdir(dir.path)).sort()).toEqual(['.tmp', hash.slice(0, 2)].sort());
  });

  it('does not count a sidecar without its bytes (a put cut short) as a blob, and completes it on the next put', async () => {
    const bytes = randomBytes(64);
    const hash = sha256(bytes);
    const path = store.pathOf(hash);
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(`${path}.json`, JSON.stringify({ contentType: 'text/plain', sizeBytes: 64 }));
    expect(await store.has(hash)).toBe(false);
    expect(await store.get(hash)).toBeNull();
    expect(await store.put(bytes, 'text/plain')).toMatchObject({ sha256: hash, created: true });
    expect((await store.get(hash))?.contentType).toBe('text/plain');
  });

  it('refuses to return a blob whose bytes were changed on disk', async () => {
    const { sha256: hash } = await store.put(randomBytes(100), 'application/octet-stream');
    await writeFile(store.pathOf(hash), randomBytes(100));
    await expect(store.get(hash)).rejects.toThrow(/corrupt/);
    const trusting = new FileBlobStore(dir.path, { verify: false });
    expect((await trusting.get(hash))?.sizeBytes).toBe(100);
  });

  it('falls back to application/octet-stream when the sidecar is damaged', async () => {
    const { sha256: hash } = await store.put(randomBytes(10), 'image/gif');
    await writeFile(`${store.pathOf(hash)}.json`, 'not json');
    expect((await store.get(hash))?.contentType).toBe('application/octet-stream');
  });

  it('removes stale temp files of interrupted puts when it first writes', async () => {
    await mkdir(join(dir.path, '.tmp'), { recursive: true });
    const stale = join(dir.path, '.tmp', 'stale.tmp');
    const fresh = join(dir.path, '.tmp', 'fresh.tmp');
    await writeFile(stale, 'x');
    await writeFile(fresh, 'y');
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(stale, old, old);
    await store.put(randomBytes(8), 'text/plain');
    expect(await readdir(join(dir.path, '.tmp'))).toEqual(['fresh.tmp']);
  });

  it('creates the directory when it does not exist, and refuses calls once closed', async () => {
    const nested = new FileBlobStore(join(dir.path, 'a', 'b'));
    const { sha256: hash } = await nested.put(randomBytes(8), 'text/plain');
    expect(await nested.has(hash)).toBe(true);
    await nested.close();
    await expect(nested.has(hash)).rejects.toThrow(/closed/);
    await expect(nested.put(randomBytes(8), 'text/plain')).rejects.toThrow(/closed/);
  });
});

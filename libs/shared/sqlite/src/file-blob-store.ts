import { randomUUID } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { checkBlobBytes, checkContentType, checkSha256, sha256Hex, type BlobContent, type BlobStore, type PutBlobResult } from '@ebp/shared-eventsourcing';

export interface FileBlobStoreOptions {
  /** fsync files and directories before a put resolves (default true); off only for throwaway data. */
  fsync?: boolean;
  /** Re-hash content on every `get` and refuse a blob whose bytes no longer match (default true). */
  verify?: boolean;
  /** Temp files of interrupted puts older than this are removed when the store first writes (default 1 h). */
  staleTempMs?: number;
}

/** What the sidecar `<sha256>.json` next to each blob holds. */
export interface BlobSidecar {
  contentType: string;
  sizeBytes: number;
}

const TEMP_DIR = '.tmp';
const DEFAULT_STALE_TEMP_MS = 60 * 60 * 1000;
const FALLBACK_CONTENT_TYPE = 'application/octet-stream';
// Where the file system has no hard links, `rename` replaces instead (still atomic, no longer exclusive).
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

/**
 * The BlobStore port on the local file system, for the embedded mode (next to the SQLite files
 * in the data directory).
 *
 * Layout: `dir/ab/cd/<sha256>` holds the raw bytes, `dir/ab/cd/<sha256>.json` the sidecar
 * `{ contentType, sizeBytes }`, `dir/.tmp/` the files of puts in progress. Each file is written
 * to a temp file, fsynced, then hard-linked to its name: the link is atomic and fails when the
 * name exists, so a half-written blob is never visible and of concurrent puts of the same bytes
 * (in this process or another) exactly one creates the blob. The sidecar is linked before the
 * bytes and never replaced, so the content type of a visible blob never changes; a blob counts as
 * stored once its bytes file exists.
 */
export class FileBlobStore implements BlobStore {
  private readonly fsync: boolean;
  private readonly verify: boolean;
  private readonly staleTempMs: number;
  private prepared?: Promise<void>;
  private closed = false;

  constructor(
    readonly dir: string,
    options: FileBlobStoreOptions = {},
  ) {
    if (typeof dir !== 'string' || dir === '') throw new Error('FileBlobStore needs a directory');
    this.fsync = options.fsync ?? true;
    this.verify = options.verify ?? true;
    this.staleTempMs = options.staleTempMs ?? DEFAULT_STALE_TEMP_MS;
  }

  /** Path of a blob's bytes: `dir/ab/cd/<sha256>`. */
  pathOf(sha256: string): string {
    checkSha256(sha256);
    return join(this.dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(bytes: Uint8Array, contentType: string): Promise<PutBlobResult> {
    this.checkOpen();
    checkBlobBytes(bytes);
    checkContentType(contentType);
    // A copy, so a caller changing its buffer while the put runs cannot store bytes that do not match the hash.
    const content = Buffer.from(bytes);
    const sha256 = sha256Hex(content);
    const result = { sha256, sizeBytes: content.byteLength };
    const path = this.pathOf(sha256);
    if (await isFile(path)) return { ...result, created: false };

    await this.prepare();
    const leaf = join(this.dir, sha256.slice(0, 2), sha256.slice(2, 4));
    const firstCreated = await mkdir(leaf, { recursive: true });
    if (firstCreated && this.fsync) {
      await syncDir(this.dir);
      await syncDir(join(this.dir, sha256.slice(0, 2)));
    }
    const sidecar: BlobSidecar = { contentType, sizeBytes: content.byteLength };
    // An existing sidecar belongs to a concurrent put of the same bytes or to one that was cut
    // short; either way its content type stands.
    await this.writeOnce(`${path}.json`, Buffer.from(JSON.stringify(sidecar)));
    const created = await this.writeOnce(path, content);
    if (this.fsync) await syncDir(leaf);
    return { ...result, created };
  }

  async get(sha256: string): Promise<BlobContent | null> {
    this.checkOpen();
    const path = this.pathOf(sha256);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null;
      throw error;
    }
    if (this.verify && sha256Hex(bytes) !== sha256) throw new Error(`blob ${sha256} is corrupt: its bytes no longer match the hash (${path})`);
    return { bytes, contentType: await this.contentTypeOf(path), sizeBytes: bytes.byteLength };
  }

  async has(sha256: string): Promise<boolean> {
    this.checkOpen();
    return isFile(this.pathOf(sha256));
  }

  /** Later calls are refused; puts in progress finish. */
  async close(): Promise<void> {
    this.closed = true;
  }

  private checkOpen(): void {
    if (this.closed) throw new Error('FileBlobStore is closed');
  }

  private async contentTypeOf(path: string): Promise<string> {
    try {
      const sidecar = JSON.parse(await readFile(`${path}.json`, 'utf8')) as Partial<BlobSidecar>;
      if (typeof sidecar.contentType === 'string') return sidecar.contentType;
    } catch (error) {
      if (errorCode(error) !== 'ENOENT' && !(error instanceof SyntaxError)) throw error;
    }
    // Only a sidecar deleted or damaged by hand gets here: a put links the sidecar before the bytes.
    return FALLBACK_CONTENT_TYPE;
  }

  /** Creates the temp directory and clears what interrupted puts left there, once per store. */
  private prepare(): Promise<void> {
    this.prepared ??= (async () => {
      const temp = join(this.dir, TEMP_DIR);
      await mkdir(temp, { recursive: true });
      const cutoff = Date.now() - this.staleTempMs;
      for (const name of await readdir(temp)) {
        const file = join(temp, name);
        const info = await stat(file).catch(() => undefined);
        if (info && info.mtimeMs < cutoff) await rm(file, { force: true });
      }
    })().catch((error: unknown) => {
      this.prepared = undefined;
      throw error;
    });
    return this.prepared;
  }

  /**
   * Writes `content` to a temp file, fsyncs it and links it to `path`. False when `path` existed
   * already (nothing changed).
   */
  private async writeOnce(path: string, content: Buffer): Promise<boolean> {
    const temp = join(this.dir, TEMP_DIR, `${randomUUID()}.tmp`);
    try {
      const handle = await open(temp, 'wx', 0o644);
      try {
        await handle.writeFile(content);
        if (this.fsync) await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        await link(temp, path);
        return true;
      } catch (error) {
        if (errorCode(error) === 'EEXIST') return false;
        if (!NO_HARD_LINKS.has(errorCode(error) ?? '')) throw error;
        if (await isFile(path)) return false;
        await rename(temp, path);
        return true;
      }
    } finally {
      await rm(temp, { force: true });
    }
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return false;
    throw error;
  }
}

/** fsync a directory so a new entry in it survives a crash; not every platform can. */
async function syncDir(path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r');
    await handle.sync();
  } catch (error) {
    if (!['EISDIR', 'EPERM', 'EINVAL', 'EBADF', 'ENOTSUP'].includes(errorCode(error) ?? '')) throw error;
  } finally {
    await handle?.close();
  }
}

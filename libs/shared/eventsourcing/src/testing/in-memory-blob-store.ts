import { checkBlobBytes, checkContentType, checkSha256, sha256Hex, type BlobContent, type BlobStore, type PutBlobResult } from '../blob-store';

/** The BlobStore port in memory, for tests of code that stores attachments. */
export class InMemoryBlobStore implements BlobStore {
  private readonly blobs = new Map<string, { bytes: Uint8Array; contentType: string }>();

  async put(bytes: Uint8Array, contentType: string): Promise<PutBlobResult> {
    checkBlobBytes(bytes);
    checkContentType(contentType);
    const sha256 = sha256Hex(bytes);
    const created = !this.blobs.has(sha256);
    if (created) this.blobs.set(sha256, { bytes: Uint8Array.from(bytes), contentType });
    return { sha256, sizeBytes: bytes.byteLength, created };
  }

  async get(sha256: string): Promise<BlobContent | null> {
    checkSha256(sha256);
    const blob = this.blobs.get(sha256);
    return blob ? { bytes: Uint8Array.from(blob.bytes), contentType: blob.contentType, sizeBytes: blob.bytes.byteLength } : null;
  }

  async has(sha256: string): Promise<boolean> {
    checkSha256(sha256);
    return this.blobs.has(sha256);
  }

  /** The blobs stay readable, so a test can reopen "the same storage". */
  async close(): Promise<void> {
    // Nothing to release.
  }
}

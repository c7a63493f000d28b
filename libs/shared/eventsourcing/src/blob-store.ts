import { createHash } from 'node:crypto';

/** What `put` reports: the content's address and whether this call stored it. */
export interface PutBlobResult {
  /** SHA-256 of the bytes, 64 lowercase hex digits. */
  sha256: string;
  sizeBytes: number;
  /** False when the store held the content already (the call changed nothing). */
  created: boolean;
}

/** A stored blob as read back. */
export interface BlobContent {
  bytes: Uint8Array;
  /** The content type given by the put that stored the content first. */
  contentType: string;
  sizeBytes: number;
}

/**
 * The blob store port: immutable binary content (uploaded attachments) addressed by its SHA-256.
 *
 * - `put` is idempotent: the same bytes always give the same hash; storing them again returns
 *   `created: false` and keeps the content type of the first put. Concurrent puts of the same
 *   bytes leave one blob, and exactly one of them reports `created: true`.
 * - A blob is visible (`has`, `get`) only once it is complete; a crash halfway leaves no blob.
 * - Hashes are 64 lowercase hex digits; `get` and `has` refuse anything else with
 *   InvalidBlobHashError (so a hash from a URL can never reach a path or a query unchecked).
 * - Policy (size limit, allowed types) is the caller's; the store only refuses a malformed content
 *   type (see `checkContentType`).
 */
export interface BlobStore {
  put(bytes: Uint8Array, contentType: string): Promise<PutBlobResult>;
  /** The blob, or null when the store does not hold it. */
  get(sha256: string): Promise<BlobContent | null>;
  has(sha256: string): Promise<boolean>;
  close(): Promise<void>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
// A media type (`type/subtype`, optional parameters), printable ASCII only.
const CONTENT_TYPE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+\/[!#$%&'*+.^_`|~0-9A-Za-z-]+(?:[ \t]*;[\x20-\x7e]*)?$/;
export const MAX_CONTENT_TYPE_LENGTH = 255;

/** A hash that is not 64 lowercase hex digits. */
export class InvalidBlobHashError extends Error {
  constructor(readonly value: unknown) {
    super(`invalid blob hash ${typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : typeof value}: expected a sha256 as 64 lowercase hex digits`);
    this.name = 'InvalidBlobHashError';
  }
}

export function isSha256Hex(value: unknown): value is string {
  return typeof value === 'string' && SHA256_HEX.test(value);
}

/** Throws InvalidBlobHashError unless `value` is 64 lowercase hex digits. */
export function checkSha256(value: unknown): asserts value is string {
  if (!isSha256Hex(value)) throw new InvalidBlobHashError(value);
}

/** Throws unless `value` looks like a media type (`image/png`, `text/plain; charset=utf-8`). */
export function checkContentType(value: unknown): asserts value is string {
  if (typeof value !== 'string' || value.length > MAX_CONTENT_TYPE_LENGTH || !CONTENT_TYPE.test(value)) {
    throw new Error(`invalid content type ${typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : typeof value}`);
  }
}

/** Throws unless `value` is a Uint8Array (a Buffer is one). */
export function checkBlobBytes(value: unknown): asserts value is Uint8Array {
  if (!(value instanceof Uint8Array)) throw new Error('blob content must be a Uint8Array');
}

/** SHA-256 of the bytes as 64 lowercase hex digits. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

// Where encrypted blobs live. Every driver stores opaque ciphertext under a storage key; it knows
// nothing of keys, hashes or files.
import type { Readable } from 'node:stream';

export type BlobDriver = {
  readonly name: 'fs' | 's3';
  /** Store the file at `sourcePath` under `key`, replacing what was there. The source may be moved (it is gone or left for the caller to remove). */
  put(key: string, sourcePath: string, size: number): Promise<void>;
  /** The stored bytes; throws BlobMissingError when there is nothing under `key`. */
  get(key: string): Promise<Readable>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
};

export class BlobMissingError extends Error {
  constructor(readonly key: string) {
    super(`no stored blob under ${key}`);
    this.name = 'BlobMissingError';
  }
}

/** Storage keys shard by the hash's leading bytes (ab/cd/abcd…), so no directory grows too large. */
export function storageKeyOf(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256 hex digest: ${sha256}`);
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

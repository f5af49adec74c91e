// The SHA-256 of a file, computed in the browser in slices, so a large recording never has to fit in
// memory at once and nothing leaves the device.
import { sha256 } from '@noble/hashes/sha2.js';

const SLICE = 4 * 1024 * 1024;

export async function sha256OfFile(file: Blob, onProgress?: (fraction: number) => void): Promise<Uint8Array> {
  const hash = sha256.create();
  for (let offset = 0; offset < file.size; offset += SLICE) {
    hash.update(new Uint8Array(await file.slice(offset, offset + SLICE).arrayBuffer()));
    onProgress?.(Math.min(1, (offset + SLICE) / file.size));
  }
  return hash.digest();
}

// Each track's acknowledged chunks, appended in order to one file under the recordings directory,
// encrypted with the track's own key. A chunk is written at the track's acknowledged length and
// fsync'd before its row commits, so an acknowledged chunk survives a crash; bytes of a chunk whose
// transaction failed are overwritten by the next one, or cut off when the track is processed.
// AES-CTR keeps every byte at its plaintext offset, so chunks are written in place; integrity comes
// from each chunk's recorded SHA-256, checked as the file is decrypted for processing.
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Keyring } from '../../../platform/crypto/index.ts';

export type TrackKey = { key: Buffer; iv: Buffer };
export type AcknowledgedChunk = { seq: number; sha256: string; bytes: number };

/** A new track's key, and the columns that keep it (the key wrapped by the master key). */
export function newTrackKey(keyring: Keyring): { wrappedKey: Buffer; iv: Buffer } {
  return { wrappedKey: keyring.seal(randomBytes(32)), iv: randomBytes(16) };
}

/** The key of a track row; null for a track stored in the clear (none are written so now). */
export const trackKeyOf = (keyring: Keyring, row: { wrappedKey: Buffer | null; iv: Buffer | null }): TrackKey | null =>
  row.wrappedKey && row.iv ? { key: keyring.open(row.wrappedKey), iv: row.iv } : null;

/** The AES-256-CTR keystream positioned at byte `offset` (encrypting and decrypting are the same). */
export function cipherAt(k: TrackKey, offset: number) {
  const counter = (BigInt(`0x${k.iv.toString('hex')}`) + BigInt(Math.floor(offset / 16))) % (1n << 128n);
  const cipher = createCipheriv('aes-256-ctr', k.key, Buffer.from(counter.toString(16).padStart(32, '0'), 'hex'));
  if (offset % 16) cipher.update(Buffer.alloc(offset % 16));
  return cipher;
}

export class TrackDamagedError extends Error {
  override name = 'TrackDamagedError';
}

export function createTrackFiles(dir: string) {
  const pathOf = (trackId: string) => path.join(dir, `${trackId}.webm`);

  async function syncDir() {
    const handle = await fs.promises.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  return {
    pathOf,

    /** Writes `bytes` at `offset` (the acknowledged length), drops anything after it, and makes it durable. */
    async writeAt(trackId: string, offset: number, plain: Buffer, k: TrackKey | null): Promise<void> {
      const bytes = k ? cipherAt(k, offset).update(plain) : plain;
      const file = pathOf(trackId);
      if (offset === 0) await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
      const handle = await fs.promises.open(file, fs.constants.O_RDWR | fs.constants.O_CREAT, 0o600);
      try {
        let written = 0;
        while (written < bytes.length) written += (await handle.write(bytes, written, bytes.length - written, offset + written)).bytesWritten;
        await handle.truncate(offset + bytes.length);
        await handle.sync();
      } finally {
        await handle.close();
      }
      // The file's name must survive a crash too.
      if (offset === 0) await syncDir();
    },

    /**
     * Writes the acknowledged chunks, decrypted, to `out`, checking each against its recorded SHA-256:
     * a file changed or cut short on disk is refused rather than processed.
     */
    async decryptVerified(trackId: string, k: TrackKey | null, chunks: readonly AcknowledgedChunk[], out: string): Promise<void> {
      const input = await fs.promises.open(pathOf(trackId), 'r').catch((err: NodeJS.ErrnoException) => {
        throw err.code === 'ENOENT' ? new TrackDamagedError(`the chunk file of track ${trackId} is missing from this server's recordings directory`) : err;
      });
      const output = await fs.promises.open(out, 'wx', 0o600);
      try {
        let offset = 0;
        for (const chunk of chunks) {
          const sealed = Buffer.alloc(chunk.bytes);
          const { bytesRead } = await input.read(sealed, 0, chunk.bytes, offset);
          const plain = k ? cipherAt(k, offset).update(sealed.subarray(0, bytesRead)) : sealed.subarray(0, bytesRead);
          if (bytesRead !== chunk.bytes || createHash('sha256').update(plain).digest('hex') !== chunk.sha256) {
            throw new TrackDamagedError(`chunk ${chunk.seq} on disk does not match its acknowledged SHA-256 ${chunk.sha256}`);
          }
          await output.write(plain);
          offset += chunk.bytes;
        }
      } finally {
        await input.close();
        await output.close();
      }
    },

    async remove(trackId: string): Promise<void> {
      await fs.promises.rm(pathOf(trackId), { force: true });
    },
  };
}

export type TrackFiles = ReturnType<typeof createTrackFiles>;

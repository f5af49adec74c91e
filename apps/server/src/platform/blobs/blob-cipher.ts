// Each blob has its own random AES-256-GCM key; the key is kept only wrapped by the master key.
import { createCipheriv, createDecipheriv, randomBytes, type CipherGCM, type DecipherGCM } from 'node:crypto';
import type { Keyring } from '../crypto/index.ts';

export type BlobKey = { key: Buffer; iv: Buffer };

export const newBlobKey = (): BlobKey => ({ key: randomBytes(32), iv: randomBytes(12) });

export const encryptingStream = (k: BlobKey): CipherGCM => createCipheriv('aes-256-gcm', k.key, k.iv);

/** Fails with an error at the end of the stream if a single byte of ciphertext or tag was changed. */
export function decryptingStream(keyring: Keyring, sealed: { wrappedKey: Buffer; iv: Buffer; authTag: Buffer }): DecipherGCM {
  const decipher = createDecipheriv('aes-256-gcm', keyring.open(sealed.wrappedKey), sealed.iv);
  decipher.setAuthTag(sealed.authTag);
  return decipher;
}

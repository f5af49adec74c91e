import { ed25519 } from '@noble/curves/ed25519.js';

/**
 * Ed25519 (RFC 8032) through @noble/curves, audited pure JavaScript that also runs in browsers.
 * Verification is strict RFC 8032 / FIPS 186-5 (not ZIP-215), so one message has one valid
 * encoding of each signature and key.
 */

export const ED25519_SEED_SIZE = 32;
export const ED25519_PUBLIC_KEY_SIZE = 32;
export const ED25519_SIGNATURE_SIZE = 64;

export function randomEd25519Seed(): Uint8Array {
  return ed25519.utils.randomSecretKey();
}

export function ed25519PublicKey(seed: Uint8Array): Uint8Array {
  return ed25519.getPublicKey(seed);
}

export function ed25519Sign(seed: Uint8Array, message: Uint8Array): Uint8Array {
  return ed25519.sign(message, seed);
}

export function isValidEd25519PublicKey(publicKey: Uint8Array): boolean {
  return publicKey.length === ED25519_PUBLIC_KEY_SIZE && ed25519.utils.isValidPublicKey(publicKey, false);
}

export function ed25519Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== ED25519_SIGNATURE_SIZE || publicKey.length !== ED25519_PUBLIC_KEY_SIZE) return false;
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    // Undecodable points or scalars are invalid signatures, not errors.
    return false;
  }
}

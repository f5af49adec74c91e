import { concatBytes, utf8 } from './bytes.ts';
import { ED25519_SIGNATURE_SIZE, ed25519Sign, ed25519Verify } from './ed25519.ts';
import { LedgerError } from './errors.ts';
import type { SignerKey, VerifierKey } from './note-keys.ts';
import type { Clock, NoteSigner, NoteVerifier } from './note-sign.ts';

/**
 * Timestamped Ed25519 witness cosignatures, v1 (https://c2sp.org/tlog-cosignature), signature
 * type 0x04. The signed message is "cosignature/v1\ntime <T>\n" followed by the checkpoint text;
 * the signature line carries key ID || u64 big-endian T || 64-byte Ed25519 signature.
 */

// The spec allows up to 2^63 − 1; we also need the time to fit a JavaScript Date (±8.64e15 ms).
const MAX_TIMESTAMP = 8_640_000_000_000;

/** The message a v1 cosigner signs for `checkpointText` at POSIX time `timestamp` (seconds). */
export function cosignatureV1Message(checkpointText: Uint8Array, timestamp: number): Uint8Array {
  assertTimestamp(timestamp);
  return concatBytes(utf8(`cosignature/v1\ntime ${timestamp}\n`), checkpointText);
}

function assertTimestamp(timestamp: number): void {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0 || timestamp > MAX_TIMESTAMP) {
    throw new LedgerError('COSIGNATURE_MALFORMED', 'cosignature timestamps are non-negative whole seconds');
  }
}

export type TimestampedSignature = { readonly timestamp: number; readonly signature: Uint8Array };

export function encodeTimestampedSignature({ timestamp, signature }: TimestampedSignature): Uint8Array {
  assertTimestamp(timestamp);
  const out = new Uint8Array(8 + signature.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(timestamp));
  out.set(signature, 8);
  return out;
}

/** Splits the bytes after the key ID; timestamps beyond what a Date can hold are refused. */
export function decodeTimestampedSignature(bytes: Uint8Array): TimestampedSignature {
  if (bytes.length !== 8 + ED25519_SIGNATURE_SIZE) {
    throw new LedgerError('COSIGNATURE_MALFORMED', `a v1 cosignature is ${8 + ED25519_SIGNATURE_SIZE} bytes after the key ID`);
  }
  const raw = new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0);
  if (raw > BigInt(MAX_TIMESTAMP)) {
    throw new LedgerError('COSIGNATURE_MALFORMED', 'cosignature timestamp is out of range');
  }
  return { timestamp: Number(raw), signature: bytes.slice(8) };
}

export function cosignatureV1Signer(key: SignerKey, clock: Clock): NoteSigner {
  const { name, keyId, type, seed } = key;
  return {
    name,
    keyId,
    type,
    sign(text) {
      const timestamp = Math.floor(clock().getTime() / 1000);
      const signature = ed25519Sign(seed, cosignatureV1Message(text, timestamp));
      return encodeTimestampedSignature({ timestamp, signature });
    },
  };
}

export function cosignatureV1Verifier(key: VerifierKey): NoteVerifier {
  const { name, keyId, type, publicKey } = key;
  return {
    name,
    keyId,
    type,
    verify(text, bytes) {
      let decoded: TimestampedSignature;
      try {
        decoded = decodeTimestampedSignature(bytes);
      } catch {
        return false;
      }
      return ed25519Verify(publicKey, cosignatureV1Message(text, decoded.timestamp), decoded.signature);
    },
  };
}

import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, fromBase64, isWellFormedUnicode, readUint32BE, toBase64, utf8 } from './bytes.ts';
import { ED25519_PUBLIC_KEY_SIZE, ed25519PublicKey, isValidEd25519PublicKey, randomEd25519Seed } from './ed25519.ts';
import { LedgerError } from './errors.ts';

/**
 * Key strings of C2SP signed-note (as in golang.org/x/mod/sumdb/note):
 *   verifier key  <name>+<hex key ID>+base64(<type byte> || public key)
 *   signer key    PRIVATE+KEY+<name>+<hex key ID>+base64(<type byte> || Ed25519 seed)
 * with key ID = SHA-256(name || 0x0A || type byte || public key)[:4], big-endian.
 */

/** Signature type bytes assigned by c2sp.org/signed-note that this package implements. */
export const NOTE_KEY_TYPE = {
  /** Plain Ed25519 over the note text (c2sp.org/signed-note). */
  ed25519: 0x01,
  /** Timestamped Ed25519 witness cosignature v1 (c2sp.org/tlog-cosignature). */
  cosignatureV1: 0x04,
} as const;
export type NoteKeyType = (typeof NOTE_KEY_TYPE)[keyof typeof NOTE_KEY_TYPE];

export type VerifierKey = {
  readonly name: string;
  readonly keyId: number;
  readonly type: NoteKeyType;
  readonly publicKey: Uint8Array;
};

export type SignerKey = VerifierKey & { readonly seed: Uint8Array };

/** Key names are non-empty and contain neither Unicode spaces nor '+' (signed-note §Format). */
export function isValidKeyName(name: string): boolean {
  return typeof name === 'string' && name !== '' && !/[\p{White_Space}+]/u.test(name) && isWellFormedUnicode(name);
}

export function computeKeyId(name: string, type: number, publicKey: Uint8Array): number {
  return readUint32BE(sha256(concatBytes(utf8(name), new Uint8Array([0x0a, type]), publicKey)), 0);
}

export const formatKeyId = (keyId: number): string => keyId.toString(16).padStart(8, '0');

function assertKeyName(name: string): void {
  if (!isValidKeyName(name)) throw new LedgerError('KEY_MALFORMED', 'key names must be non-empty, without spaces or "+"');
}

function isKnownType(type: number): type is NoteKeyType {
  return type === NOTE_KEY_TYPE.ed25519 || type === NOTE_KEY_TYPE.cosignatureV1;
}

/** Splits off the fields before the base64 key, which may itself contain '+'. */
function splitKeyString(text: string, leadingFields: number): { fields: string[]; key64: string } {
  const fields: string[] = [];
  let rest = text;
  for (let i = 0; i < leadingFields; i++) {
    const plus = rest.indexOf('+');
    if (plus < 0) throw new LedgerError('KEY_MALFORMED', 'key string has too few fields');
    fields.push(rest.slice(0, plus));
    rest = rest.slice(plus + 1);
  }
  return { fields, key64: rest };
}

function decodeKeyFields(name: string, hex: string, key64: string): { keyId: number; key: Uint8Array } {
  assertKeyName(name);
  if (!/^[0-9a-f]{8}$/.test(hex)) throw new LedgerError('KEY_MALFORMED', 'key ID must be 8 lower-case hex digits');
  let key: Uint8Array;
  try {
    key = fromBase64(key64);
  } catch {
    throw new LedgerError('KEY_MALFORMED', 'key material is not valid base64');
  }
  if (key.length === 0) throw new LedgerError('KEY_MALFORMED', 'key material is empty');
  return { keyId: parseInt(hex, 16), key };
}

function keyTypeAndMaterial(key: Uint8Array): { type: NoteKeyType; material: Uint8Array } {
  const type = key[0]!;
  if (!isKnownType(type)) throw new LedgerError('KEY_ALGORITHM_UNSUPPORTED', `unsupported key type 0x${type.toString(16)}`);
  const material = key.subarray(1);
  if (material.length !== ED25519_PUBLIC_KEY_SIZE) throw new LedgerError('KEY_MALFORMED', 'Ed25519 keys are 32 bytes');
  return { type, material };
}

export function parseVerifierKey(text: string): VerifierKey {
  const { fields, key64 } = splitKeyString(text, 2);
  const [name, hex] = fields as [string, string];
  const { keyId, key } = decodeKeyFields(name, hex, key64);
  // As in Go's note package: the ID is checked over the whole key before its type is looked at.
  if (computeKeyId(name, key[0]!, key.subarray(1)) !== keyId) {
    throw new LedgerError('KEY_ID_MISMATCH', `key ID ${hex} does not match the key`);
  }
  const { type, material } = keyTypeAndMaterial(key);
  if (!isValidEd25519PublicKey(material)) throw new LedgerError('KEY_MALFORMED', 'not a valid Ed25519 public key');
  return { name, keyId, type, publicKey: material };
}

export function parseSignerKey(text: string): SignerKey {
  const { fields, key64 } = splitKeyString(text, 4);
  const [private1, private2, name, hex] = fields as [string, string, string, string];
  if (private1 !== 'PRIVATE' || private2 !== 'KEY') throw new LedgerError('KEY_MALFORMED', 'signer keys start with PRIVATE+KEY+');
  const { keyId, key } = decodeKeyFields(name, hex, key64);
  const { type, material: seed } = keyTypeAndMaterial(key);
  const publicKey = ed25519PublicKey(seed);
  if (computeKeyId(name, type, publicKey) !== keyId) {
    throw new LedgerError('KEY_ID_MISMATCH', `key ID ${hex} does not match the key`);
  }
  return { name, keyId, type, publicKey, seed };
}

export function formatVerifierKey(name: string, type: NoteKeyType, publicKey: Uint8Array): string {
  assertKeyName(name);
  if (!isValidEd25519PublicKey(publicKey)) throw new LedgerError('KEY_MALFORMED', 'not a valid Ed25519 public key');
  const keyId = computeKeyId(name, type, publicKey);
  return `${name}+${formatKeyId(keyId)}+${toBase64(concatBytes(new Uint8Array([type]), publicKey))}`;
}

export function formatSignerKey(name: string, type: NoteKeyType, seed: Uint8Array): string {
  assertKeyName(name);
  if (seed.length !== 32) throw new LedgerError('KEY_MALFORMED', 'Ed25519 seeds are 32 bytes');
  const keyId = computeKeyId(name, type, ed25519PublicKey(seed));
  return `PRIVATE+KEY+${name}+${formatKeyId(keyId)}+${toBase64(concatBytes(new Uint8Array([type]), seed))}`;
}

/**
 * A new key pair as strings: the signer key is secret, the verifier key is published.
 * `type` is ed25519 for a log's own key and cosignatureV1 for a witness.
 */
export function generateKeyPair(
  name: string,
  type: NoteKeyType = NOTE_KEY_TYPE.ed25519,
  seed: Uint8Array = randomEd25519Seed(),
): { signerKey: string; verifierKey: string } {
  return {
    signerKey: formatSignerKey(name, type, seed),
    verifierKey: formatVerifierKey(name, type, ed25519PublicKey(seed)),
  };
}

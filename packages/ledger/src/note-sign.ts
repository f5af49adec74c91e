import { bytesEqual, utf8 } from './bytes.ts';
import { cosignatureV1Signer, cosignatureV1Verifier } from './cosignature.ts';
import { ed25519Sign, ed25519Verify } from './ed25519.ts';
import { LedgerError } from './errors.ts';
import { NOTE_KEY_TYPE, formatKeyId, parseSignerKey, parseVerifierKey, type SignerKey, type VerifierKey } from './note-keys.ts';
import { assertNoteText, formatSignedNote, parseSignedNote, type NoteSignature } from './signed-note.ts';

/** Checks one signature line's bytes (after the key ID) over the note text. */
export type NoteVerifier = {
  readonly name: string;
  readonly keyId: number;
  readonly type: number;
  verify(text: Uint8Array, signature: Uint8Array): boolean;
};

/** Produces one signature line's bytes (after the key ID) over the note text. */
export type NoteSigner = {
  readonly name: string;
  readonly keyId: number;
  readonly type: number;
  sign(text: Uint8Array): Uint8Array;
};

/** Wall-clock source for timestamped cosignatures; injected so tests control time. */
export type Clock = () => Date;

export function createNoteVerifier(key: string | VerifierKey): NoteVerifier {
  const parsed = typeof key === 'string' ? parseVerifierKey(key) : key;
  if (parsed.type === NOTE_KEY_TYPE.cosignatureV1) return cosignatureV1Verifier(parsed);
  const { name, keyId, type, publicKey } = parsed;
  return { name, keyId, type, verify: (text, signature) => ed25519Verify(publicKey, text, signature) };
}

export function createNoteSigner(key: string | SignerKey, clock: Clock = () => new Date()): NoteSigner {
  const parsed = typeof key === 'string' ? parseSignerKey(key) : key;
  if (parsed.type === NOTE_KEY_TYPE.cosignatureV1) return cosignatureV1Signer(parsed, clock);
  const { name, keyId, type, seed } = parsed;
  return { name, keyId, type, sign: (text) => ed25519Sign(seed, text) };
}

const keyOf = (s: { name: string; keyId: number }): string => `${s.name}+${formatKeyId(s.keyId)}`;

function sign(text: string, signers: readonly NoteSigner[]): NoteSignature[] {
  const bytes = utf8(text);
  return signers.map((s) => ({ name: s.name, keyId: s.keyId, signature: s.sign(bytes) }));
}

/** Signs a note text (which must end in a newline) and returns the signed note. */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  assertNoteText(text);
  if (signers.length === 0) throw new LedgerError('INVALID_ARGUMENT', 'at least one signer is needed');
  return formatSignedNote({ text, signatures: sign(text, signers) });
}

/**
 * Adds signatures to an already signed note (e.g. a witness cosigning a checkpoint). Existing
 * signatures by the same keys are replaced; the others are kept unchecked, in order.
 */
export function addNoteSignatures(message: string, signers: readonly NoteSigner[]): string {
  const note = parseSignedNote(message);
  const replaced = new Set(signers.map(keyOf));
  const kept = note.signatures.filter((s) => !replaced.has(keyOf(s)));
  return formatSignedNote({ text: note.text, signatures: [...kept, ...sign(note.text, signers)] });
}

export type OpenedNote = {
  readonly text: string;
  /** Signatures by known keys, each verified, one per key. */
  readonly verified: readonly NoteSignature[];
  /** Signatures by keys not among the verifiers, ignored as the spec requires. */
  readonly unverified: readonly NoteSignature[];
};

/**
 * Parses a signed note and checks it against known keys: signatures by unknown keys are ignored,
 * every signature by a known key must verify (else NOTE_SIGNATURE_INVALID, rejecting the whole
 * note), and at least one must (else NOTE_UNVERIFIED).
 */
export function openNote(message: string | Uint8Array, verifiers: readonly NoteVerifier[]): OpenedNote {
  const note = parseSignedNote(message);
  const known = new Map<string, NoteVerifier[]>();
  for (const v of verifiers) known.set(keyOf(v), [...(known.get(keyOf(v)) ?? []), v]);

  const text = utf8(note.text);
  const verified: NoteSignature[] = [];
  const unverified: NoteSignature[] = [];
  for (const sig of note.signatures) {
    const candidates = known.get(keyOf(sig));
    if (!candidates) {
      if (!unverified.some((u) => keyOf(u) === keyOf(sig) && bytesEqual(u.signature, sig.signature))) unverified.push(sig);
      continue;
    }
    if (candidates.length > 1) throw new LedgerError('NOTE_KEY_AMBIGUOUS', `ambiguous key ${keyOf(sig)}`);
    if (!candidates[0]!.verify(text, sig.signature)) {
      throw new LedgerError('NOTE_SIGNATURE_INVALID', `invalid signature for key ${keyOf(sig)}`);
    }
    if (!verified.some((v) => keyOf(v) === keyOf(sig))) verified.push(sig);
  }
  if (verified.length === 0) throw new LedgerError('NOTE_UNVERIFIED', 'note has no verifiable signatures');
  return { text: note.text, verified, unverified };
}

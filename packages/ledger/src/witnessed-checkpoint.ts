import { parseCheckpoint, type Checkpoint } from './checkpoint.ts';
import { decodeTimestampedSignature } from './cosignature.ts';
import { LedgerError, isLedgerError } from './errors.ts';
import { SHA256, type HashSuite } from './hash-suite.ts';
import { NOTE_KEY_TYPE } from './note-keys.ts';
import { openNote, type NoteVerifier } from './note-sign.ts';

export type WitnessPolicy = {
  readonly log: NoteVerifier;
  /** Witnesses' cosignature/v1 verifiers (key type 0x04). */
  readonly witnesses: readonly NoteVerifier[];
  /** How many distinct witnesses must have cosigned. */
  readonly quorum: number;
  readonly suite?: HashSuite;
  /** When set, the checkpoint's origin line must equal it. */
  readonly origin?: string;
};

export type WitnessCosignature = { readonly name: string; readonly keyId: number; readonly timestamp: number };

export type WitnessedCheckpoint = {
  readonly checkpoint: Checkpoint;
  /** The checkpoint text that was signed. */
  readonly text: string;
  readonly witnesses: readonly WitnessCosignature[];
};

const sameKey = (a: { name: string; keyId: number }, b: { name: string; keyId: number }): boolean =>
  a.name === b.name && a.keyId === b.keyId;

function assertPolicy(policy: WitnessPolicy): void {
  const { witnesses, quorum } = policy;
  if (witnesses.some((w) => w.type !== NOTE_KEY_TYPE.cosignatureV1)) {
    throw new LedgerError('INVALID_ARGUMENT', 'witness keys must be cosignature/v1 keys (type 0x04)');
  }
  if (!Number.isSafeInteger(quorum) || quorum < 0 || quorum > witnesses.length) {
    throw new LedgerError('INVALID_ARGUMENT', `quorum must be between 0 and the ${witnesses.length} witnesses`);
  }
}

/**
 * Verifies a checkpoint note carries a valid signature by the log and valid cosignatures by at
 * least `quorum` of the named witnesses; returns the checkpoint and who cosigned it when.
 */
export function verifyWitnessedCheckpoint(message: string | Uint8Array, policy: WitnessPolicy): WitnessedCheckpoint {
  assertPolicy(policy);
  let opened;
  try {
    opened = openNote(message, [policy.log, ...policy.witnesses]);
  } catch (error) {
    if (isLedgerError(error, 'NOTE_UNVERIFIED')) {
      throw new LedgerError('CHECKPOINT_NOT_SIGNED_BY_LOG', 'checkpoint has no signature by the log or a witness');
    }
    throw error;
  }
  if (!opened.verified.some((sig) => sameKey(sig, policy.log))) {
    throw new LedgerError('CHECKPOINT_NOT_SIGNED_BY_LOG', `checkpoint is not signed by ${policy.log.name}`);
  }
  const checkpoint = parseCheckpoint(opened.text, policy.suite ?? SHA256);
  if (policy.origin !== undefined && checkpoint.origin !== policy.origin) {
    throw new LedgerError('CHECKPOINT_ORIGIN_MISMATCH', `checkpoint origin "${checkpoint.origin}" is not "${policy.origin}"`);
  }
  const witnesses = opened.verified
    .filter((sig) => policy.witnesses.some((w) => sameKey(w, sig)))
    .map(({ name, keyId, signature }) => ({ name, keyId, timestamp: decodeTimestampedSignature(signature).timestamp }));
  // A witness that rotated keys and signed with both still counts once.
  const distinct = new Set(witnesses.map((w) => w.name)).size;
  if (distinct < policy.quorum) {
    throw new LedgerError('WITNESS_QUORUM_NOT_MET', `${distinct} of the required ${policy.quorum} witnesses cosigned the checkpoint`);
  }
  return { checkpoint, text: opened.text, witnesses };
}

import { bytesEqual, fromHex, toHex } from './bytes.ts';
import { parseCheckpoint } from './checkpoint.ts';
import { LedgerError, isLedgerError } from './errors.ts';
import { getHashSuite, type HashSuite, type HashSuiteName } from './hash-suite.ts';
import { createNoteVerifier } from './note-sign.ts';
import { verifyInclusion } from './proof-verify.ts';
import { hashLeaf } from './rfc6962.ts';
import { parseSignedNote } from './signed-note.ts';
import { verifyWitnessedCheckpoint, type WitnessedCheckpoint } from './witnessed-checkpoint.ts';

/**
 * A receipt: the inclusion proof of one leaf plus the cosigned checkpoint it leads to. Plain
 * JSON, so a party can keep it and anyone can check it offline, e.g. in a browser.
 */
export type Receipt = {
  readonly version: 1;
  readonly hashSuite: HashSuiteName;
  readonly leafIndex: number;
  readonly treeSize: number;
  /** Lower-case hex. */
  readonly leafHash: string;
  /** Lower-case hex, leaf side first. */
  readonly inclusionProof: readonly string[];
  /** The signed checkpoint note: text, blank line, log signature and witness cosignatures. */
  readonly checkpoint: string;
};

const malformed = (why: string): never => {
  throw new LedgerError('RECEIPT_MALFORMED', `malformed receipt: ${why}`);
};

function hexHash(suite: HashSuite, value: unknown, what: string): Uint8Array {
  if (typeof value !== 'string') return malformed(`${what} must be a hex string`);
  let bytes: Uint8Array = new Uint8Array(0);
  try {
    bytes = fromHex(value);
  } catch {
    malformed(`${what} is not lower-case hex`);
  }
  if (bytes.length !== suite.size) malformed(`${what} must be ${suite.size} bytes`);
  return bytes;
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** Checks the shape of untrusted JSON (not the proofs or signatures) and returns it typed. */
export function parseReceipt(value: unknown): Receipt {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return malformed('expected an object');
  const r = value as Record<string, unknown>;
  if (r.version !== 1) malformed('unsupported version');
  let suite: HashSuite = getHashSuite('sha256');
  try {
    suite = getHashSuite(String(r.hashSuite));
  } catch {
    malformed('unknown hash suite');
  }
  if (!isCount(r.leafIndex) || !isCount(r.treeSize)) malformed('leafIndex and treeSize must be non-negative safe integers');
  hexHash(suite, r.leafHash, 'leafHash');
  if (!Array.isArray(r.inclusionProof)) malformed('inclusionProof must be an array');
  (r.inclusionProof as unknown[]).forEach((h, i) => hexHash(suite, h, `inclusionProof[${i}]`));
  if (typeof r.checkpoint !== 'string') malformed('checkpoint must be a string');
  return {
    version: 1,
    hashSuite: suite.name,
    leafIndex: r.leafIndex as number,
    treeSize: r.treeSize as number,
    leafHash: r.leafHash as string,
    inclusionProof: [...(r.inclusionProof as string[])],
    checkpoint: r.checkpoint as string,
  };
}

/** Builds a receipt for the server; the tree size is taken from the checkpoint. */
export function createReceipt(input: {
  suite: HashSuite;
  leafIndex: number;
  leafHash: Uint8Array;
  inclusionProof: readonly Uint8Array[];
  checkpoint: string;
}): Receipt {
  const { suite, leafIndex, leafHash, inclusionProof, checkpoint } = input;
  const { size } = parseCheckpoint(parseSignedNote(checkpoint).text, suite);
  // The inputs are checked as bytes: a server builds one receipt per request, and reading back the
  // hex it has just written (parseReceipt) would cost more than the rest of it.
  if (!isCount(leafIndex)) malformed('leafIndex must be a non-negative safe integer');
  if (!(leafHash instanceof Uint8Array) || leafHash.length !== suite.size) malformed(`leafHash must be ${suite.size} bytes`);
  for (const [i, h] of inclusionProof.entries()) {
    if (!(h instanceof Uint8Array) || h.length !== suite.size) malformed(`inclusionProof[${i}] must be ${suite.size} bytes`);
  }
  return { version: 1, hashSuite: suite.name, leafIndex, treeSize: size, leafHash: toHex(leafHash), inclusionProof: inclusionProof.map(toHex), checkpoint };
}

export type ReceiptTrust = {
  /** The log's verifier key string (name+keyid+base64). */
  readonly logVerifierKey: string;
  /** Witnesses' cosignature/v1 verifier key strings. */
  readonly witnessVerifierKeys: readonly string[];
  readonly quorum: number;
  /** When set, the checkpoint's origin must equal it. */
  readonly origin?: string;
  /** The recorded bytes, to check the receipt is about them... */
  readonly leafData?: Uint8Array;
  /** ...or their leaf hash (bytes or lower-case hex). */
  readonly leafHash?: Uint8Array | string;
};

export type VerifiedReceipt = {
  readonly ok: true;
  readonly origin: string;
  readonly leafIndex: number;
  /** The size of the tree the leaf is recorded in. */
  readonly treeSize: number;
  readonly rootHash: string;
  readonly leafHash: string;
  /** How the leaf was matched: against given data, a given hash, or not at all (receipt's own hash). */
  readonly leafChecked: 'data' | 'hash' | 'none';
  readonly witnessedBy: readonly { name: string; timestamp: number; time: string }[];
};

export type ReceiptVerification = VerifiedReceipt | { readonly ok: false; readonly error: LedgerError };

function expectedLeafHash(suite: HashSuite, trust: ReceiptTrust): { hash: Uint8Array; how: 'data' | 'hash' } | undefined {
  if (trust.leafData !== undefined && trust.leafHash !== undefined) {
    throw new LedgerError('INVALID_ARGUMENT', 'give leafData or leafHash, not both');
  }
  if (trust.leafData !== undefined) return { hash: hashLeaf(suite, trust.leafData), how: 'data' };
  if (trust.leafHash !== undefined) {
    const hash = typeof trust.leafHash === 'string' ? fromHex(trust.leafHash) : trust.leafHash;
    return { hash, how: 'hash' };
  }
  return undefined;
}

function verify(value: unknown, trust: ReceiptTrust): VerifiedReceipt {
  const receipt = parseReceipt(value);
  const suite = getHashSuite(receipt.hashSuite);
  const leafHash = fromHex(receipt.leafHash);
  const expected = expectedLeafHash(suite, trust);
  if (expected && !bytesEqual(expected.hash, leafHash)) {
    throw new LedgerError('RECEIPT_LEAF_MISMATCH', 'the receipt is about a different leaf');
  }
  const witnessed: WitnessedCheckpoint = verifyWitnessedCheckpoint(receipt.checkpoint, {
    log: createNoteVerifier(trust.logVerifierKey),
    witnesses: trust.witnessVerifierKeys.map((key) => createNoteVerifier(key)),
    quorum: trust.quorum,
    suite,
    ...(trust.origin !== undefined ? { origin: trust.origin } : {}),
  });
  const { checkpoint } = witnessed;
  if (checkpoint.size !== receipt.treeSize) {
    throw new LedgerError('RECEIPT_SIZE_MISMATCH', `receipt says tree size ${receipt.treeSize}, checkpoint ${checkpoint.size}`);
  }
  verifyInclusion(suite, {
    leafIndex: receipt.leafIndex,
    treeSize: receipt.treeSize,
    leafHash,
    proof: receipt.inclusionProof.map(fromHex),
    rootHash: checkpoint.rootHash,
  });
  return {
    ok: true,
    origin: checkpoint.origin,
    leafIndex: receipt.leafIndex,
    treeSize: checkpoint.size,
    rootHash: toHex(checkpoint.rootHash),
    leafHash: receipt.leafHash,
    leafChecked: expected?.how ?? 'none',
    witnessedBy: witnessed.witnesses.map(({ name, timestamp }) => ({
      name,
      timestamp,
      time: new Date(timestamp * 1000).toISOString(),
    })),
  };
}

/**
 * Verifies a receipt offline: its shape, the leaf (when data or hash is given), the log's
 * signature and a quorum of witness cosignatures on the checkpoint, and the inclusion proof.
 * Never throws for a bad receipt or key: failures come back as { ok: false, error }.
 */
export function verifyReceipt(receipt: unknown, trust: ReceiptTrust): ReceiptVerification {
  try {
    return verify(receipt, trust);
  } catch (error) {
    if (isLedgerError(error)) return { ok: false, error };
    throw error;
  }
}

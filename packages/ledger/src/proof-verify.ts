import { bytesEqual } from './bytes.ts';
import { LedgerError } from './errors.ts';
import { assertHashLength, type HashSuite } from './hash-suite.ts';
import { emptyRoot, hashChildren } from './rfc6962.ts';
import { consistencyProofLength, inclusionProofLength } from './tree-layout.ts';
import { assertCount, half, isOdd, isPowerOfTwo } from './tree-size.ts';

/**
 * Proof verification exactly as the iterative algorithms of RFC 9162 §2.1.3.2 and §2.1.4.2.
 * Inputs are checked first so that malformed ones get a precise error code; any other failure
 * is PROOF_MISMATCH. Nothing here returns normally unless the proof holds.
 */

export type InclusionClaim = {
  readonly leafIndex: number;
  readonly treeSize: number;
  readonly leafHash: Uint8Array;
  readonly proof: readonly Uint8Array[];
};

export type ConsistencyClaim = {
  readonly fromSize: number;
  readonly toSize: number;
  readonly fromRoot: Uint8Array;
  readonly toRoot: Uint8Array;
  readonly proof: readonly Uint8Array[];
};

function assertProofHashes(suite: HashSuite, proof: readonly Uint8Array[], expected: number): void {
  if (!Array.isArray(proof)) throw new LedgerError('INVALID_ARGUMENT', 'proof must be an array of hashes');
  if (proof.length !== expected) {
    throw new LedgerError('PROOF_LENGTH_INVALID', `proof has ${proof.length} hashes, expected ${expected}`);
  }
  proof.forEach((hash, i) => assertHashLength(suite, hash, `proof hash ${i}`));
}

/** Shifts fn and sn right together until fn is odd or zero (step ii of both algorithms). */
function alignRight(fn: number, sn: number): [number, number] {
  while (!isOdd(fn) && fn !== 0) {
    fn = half(fn);
    sn = half(sn);
  }
  return [fn, sn];
}

/** The root that the inclusion proof leads to (RFC 9162 §2.1.3.2 steps 1–4). */
export function rootFromInclusionProof(suite: HashSuite, claim: InclusionClaim): Uint8Array {
  const { leafIndex, treeSize, leafHash, proof } = claim;
  assertCount(leafIndex, 'leaf index');
  assertCount(treeSize, 'tree size');
  if (treeSize === 0) throw new LedgerError('TREE_EMPTY', 'the empty tree has no leaves to prove');
  if (leafIndex >= treeSize) {
    throw new LedgerError('INDEX_OUT_OF_RANGE', `leaf index ${leafIndex} is not below tree size ${treeSize}`);
  }
  assertHashLength(suite, leafHash, 'leaf hash');
  assertProofHashes(suite, proof, inclusionProofLength(leafIndex, treeSize));

  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) throw new LedgerError('PROOF_LENGTH_INVALID', 'inclusion proof is too long');
    if (isOdd(fn) || fn === sn) {
      r = hashChildren(suite, p, r);
      if (!isOdd(fn)) [fn, sn] = alignRight(fn, sn);
    } else {
      r = hashChildren(suite, r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) throw new LedgerError('PROOF_LENGTH_INVALID', 'inclusion proof is too short');
  return r;
}

/** Returns only if `proof` shows `leafHash` at `leafIndex` in the tree of `treeSize` with `rootHash`. */
export function verifyInclusion(suite: HashSuite, claim: InclusionClaim & { readonly rootHash: Uint8Array }): void {
  assertHashLength(suite, claim.rootHash, 'root hash');
  const computed = rootFromInclusionProof(suite, claim);
  if (!bytesEqual(computed, claim.rootHash)) {
    throw new LedgerError('PROOF_MISMATCH', 'inclusion proof does not lead to the root hash');
  }
}

/**
 * Returns only if `proof` shows the tree of `fromSize` with `fromRoot` is a prefix of the tree of
 * `toSize` with `toRoot`. Equal sizes need an empty proof and equal roots; from an empty tree,
 * an empty proof and the empty-tree root (stricter than some implementations, which ignore it).
 */
export function verifyConsistency(suite: HashSuite, claim: ConsistencyClaim): void {
  const { fromSize, toSize, fromRoot, toRoot, proof } = claim;
  assertCount(fromSize, 'first tree size');
  assertCount(toSize, 'second tree size');
  if (fromSize > toSize) throw new LedgerError('SIZES_OUT_OF_ORDER', `first tree size ${fromSize} exceeds second ${toSize}`);
  assertHashLength(suite, fromRoot, 'first root hash');
  assertHashLength(suite, toRoot, 'second root hash');
  assertProofHashes(suite, proof, consistencyProofLength(fromSize, toSize));

  const mismatch = (why: string): never => {
    throw new LedgerError('PROOF_MISMATCH', why);
  };
  if (fromSize === 0) {
    if (!bytesEqual(fromRoot, emptyRoot(suite))) mismatch('first root is not the empty-tree root');
    return;
  }
  if (fromSize === toSize) {
    if (!bytesEqual(fromRoot, toRoot)) mismatch('trees of equal size have different roots');
    return;
  }

  // RFC 9162 §2.1.4.2.
  const path = isPowerOfTwo(fromSize) ? [fromRoot, ...proof] : [...proof];
  let fn = fromSize - 1;
  let sn = toSize - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) throw new LedgerError('PROOF_LENGTH_INVALID', 'consistency proof is too long');
    if (isOdd(fn) || fn === sn) {
      fr = hashChildren(suite, c, fr);
      sr = hashChildren(suite, c, sr);
      if (!isOdd(fn)) [fn, sn] = alignRight(fn, sn);
    } else {
      sr = hashChildren(suite, sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) throw new LedgerError('PROOF_LENGTH_INVALID', 'consistency proof is too short');
  if (!bytesEqual(fr, fromRoot)) mismatch('consistency proof does not lead to the first root');
  if (!bytesEqual(sr, toRoot)) mismatch('consistency proof does not lead to the second root');
}

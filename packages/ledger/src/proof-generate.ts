import { LedgerError } from './errors.ts';
import { assertHashLength, type HashSuite } from './hash-suite.ts';
import { hashFromNodes, subtreeRoot } from './tree-hash.ts';
import {
  consistencyProofPlan,
  consistencyProofRanges,
  inclusionProofPlan,
  inclusionProofRanges,
  type LeafRange,
  type NodeReader,
  type ProofHashPlan,
} from './tree-layout.ts';
import { assertCount } from './tree-size.ts';

/** Checks leaf hashes once and that the tree of `size` leaves fits in them. */
function prefixOf(suite: HashSuite, leafHashes: readonly Uint8Array[], size: number): readonly Uint8Array[] {
  assertCount(size, 'tree size');
  if (size > leafHashes.length) {
    throw new LedgerError('INVALID_ARGUMENT', `tree size ${size} exceeds the ${leafHashes.length} leaves given`);
  }
  for (let i = 0; i < size; i++) assertHashLength(suite, leafHashes[i]!, `leaf hash ${i}`);
  return leafHashes;
}

const rangeRoots = (suite: HashSuite, leaves: readonly Uint8Array[], ranges: LeafRange[]): Uint8Array[] =>
  ranges.map((range) => subtreeRoot(suite, leaves, range.begin, range.end));

/** Inclusion proof for leaf `index` in the tree of the first `size` leaf hashes (small trees, tests). */
export function inclusionProof(
  suite: HashSuite,
  leafHashes: readonly Uint8Array[],
  index: number,
  size: number = leafHashes.length,
): Uint8Array[] {
  const leaves = prefixOf(suite, leafHashes, size);
  return rangeRoots(suite, leaves, inclusionProofRanges(index, size));
}

/** Consistency proof from the tree of the first `from` leaves to that of the first `to` (small trees, tests). */
export function consistencyProof(
  suite: HashSuite,
  leafHashes: readonly Uint8Array[],
  from: number,
  to: number = leafHashes.length,
): Uint8Array[] {
  const leaves = prefixOf(suite, leafHashes, to);
  return rangeRoots(suite, leaves, consistencyProofRanges(from, to));
}

/** Resolves a plan with stored perfect-subtree hashes. */
export function proofFromPlan(suite: HashSuite, plan: readonly ProofHashPlan[], read: NodeReader): Uint8Array[] {
  return plan.map((step) => hashFromNodes(suite, step.nodes, read));
}

/** Inclusion proof from stored perfect-subtree hashes: O(log size) reads. */
export function inclusionProofFromReader(suite: HashSuite, index: number, size: number, read: NodeReader): Uint8Array[] {
  return proofFromPlan(suite, inclusionProofPlan(index, size), read);
}

/** Consistency proof from stored perfect-subtree hashes: O(log to) reads. */
export function consistencyProofFromReader(suite: HashSuite, from: number, to: number, read: NodeReader): Uint8Array[] {
  return proofFromPlan(suite, consistencyProofPlan(from, to), read);
}

import { LedgerError } from './errors.ts';
import { assertCount, largestPowerOfTwoBelow, powerOfTwoAtLeast } from './tree-size.ts';

/**
 * Where proof hashes come from, for a server that stores the hashes of "perfect" subtrees only.
 *
 * Node (level, index) is the perfect subtree over leaves [index·2^level, (index+1)·2^level);
 * level 0 nodes are leaf hashes. Every hash in an RFC 6962 proof is the MTH of a range
 * [begin, end) whose begin is aligned to a power of two ≥ end − begin, so it is either one
 * perfect node or, on the right edge of an incomplete tree, a right-to-left fold of O(log n)
 * perfect nodes. A whole inclusion or consistency proof therefore needs O(log n) node reads.
 */

export type NodeId = { readonly level: number; readonly index: number };
export type StoredNode = NodeId & { readonly hash: Uint8Array };
/** Returns the stored hash of the perfect node (level, index). */
export type NodeReader = (level: number, index: number) => Uint8Array;

/** A leaf range [begin, end) whose MTH is one proof hash. */
export type LeafRange = { readonly begin: number; readonly end: number };

/** One proof hash: the MTH of [begin, end), equal to the right-to-left fold of `nodes`. */
export type ProofHashPlan = LeafRange & { readonly nodes: readonly NodeId[] };

export function nodeRange(node: NodeId): LeafRange {
  const width = 2 ** node.level;
  return { begin: node.index * width, end: (node.index + 1) * width };
}

/**
 * The perfect nodes, left to right and by decreasing level, whose right-to-left fold is
 * MTH(D[begin:end]). `begin` must be aligned to a power of two ≥ end − begin, as it is for
 * whole trees (begin = 0) and for every range in a proof.
 */
export function subtreeNodes(begin: number, end: number): NodeId[] {
  assertCount(begin, 'begin');
  assertCount(end, 'end');
  const width = end - begin;
  if (width <= 0 || begin % powerOfTwoAtLeast(width) !== 0) {
    throw new LedgerError('INVALID_ARGUMENT', `[${begin}, ${end}) is not an aligned subtree`);
  }
  const nodes: NodeId[] = [];
  let position = begin;
  for (let size = powerOfTwoAtLeast(width + 1) / 2, level = Math.log2(size); size >= 1; size /= 2, level--) {
    if (position + size <= end) {
      nodes.push({ level, index: position / size });
      position += size;
    }
  }
  return nodes;
}

/** The perfect nodes that make up a tree of `size` leaves (its compact range), left to right. */
export function rootNodes(size: number): NodeId[] {
  assertCount(size, 'tree size');
  return size === 0 ? [] : subtreeNodes(0, size);
}

/** The ranges of PATH(index, D[0:size]) (RFC 6962 §2.1.1), in proof order: leaf side first. */
export function inclusionProofRanges(index: number, size: number): LeafRange[] {
  assertCount(index, 'leaf index');
  assertCount(size, 'tree size');
  if (size === 0) throw new LedgerError('TREE_EMPTY', 'the empty tree has no leaves to prove');
  if (index >= size) throw new LedgerError('INDEX_OUT_OF_RANGE', `leaf index ${index} is not below tree size ${size}`);
  const ranges: LeafRange[] = [];
  const path = (m: number, begin: number, n: number): void => {
    if (n === 1) return;
    const k = largestPowerOfTwoBelow(n);
    if (m < k) {
      path(m, begin, k);
      ranges.push({ begin: begin + k, end: begin + n });
    } else {
      path(m - k, begin + k, n - k);
      ranges.push({ begin, end: begin + k });
    }
  };
  path(index, 0, size);
  return ranges;
}

/** The ranges of PROOF(from, D[0:to]) (RFC 6962 §2.1.2); empty when from is 0 or equals to. */
export function consistencyProofRanges(from: number, to: number): LeafRange[] {
  assertCount(from, 'first tree size');
  assertCount(to, 'second tree size');
  if (from > to) throw new LedgerError('SIZES_OUT_OF_ORDER', `first tree size ${from} exceeds second ${to}`);
  const ranges: LeafRange[] = [];
  if (from === 0 || from === to) return ranges;
  const subproof = (m: number, begin: number, n: number, complete: boolean): void => {
    if (m === n) {
      if (!complete) ranges.push({ begin, end: begin + n });
      return;
    }
    const k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      subproof(m, begin, k, complete);
      ranges.push({ begin: begin + k, end: begin + n });
    } else {
      subproof(m - k, begin + k, n - k, false);
      ranges.push({ begin, end: begin + k });
    }
  };
  subproof(from, 0, to, true);
  return ranges;
}

const withNodes = (range: LeafRange): ProofHashPlan => ({ ...range, nodes: subtreeNodes(range.begin, range.end) });

export function inclusionProofPlan(index: number, size: number): ProofHashPlan[] {
  return inclusionProofRanges(index, size).map(withNodes);
}

export function consistencyProofPlan(from: number, to: number): ProofHashPlan[] {
  return consistencyProofRanges(from, to).map(withNodes);
}

/** Every distinct node the plans read, so a server can fetch them in one query. */
export function nodesToRead(plans: readonly ProofHashPlan[]): NodeId[] {
  const seen = new Set<string>();
  const out: NodeId[] = [];
  for (const plan of plans) {
    for (const node of plan.nodes) {
      const key = `${node.level}/${node.index}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(node);
      }
    }
  }
  return out;
}

/** Number of hashes in an inclusion proof for (index, size); used to reject wrong-length proofs early. */
export const inclusionProofLength = (index: number, size: number): number => inclusionProofRanges(index, size).length;

/** Number of hashes in a consistency proof from `from` to `to`. */
export const consistencyProofLength = (from: number, to: number): number => consistencyProofRanges(from, to).length;

/** Whether node (level, index) is complete in a tree of `size` leaves, i.e. stored by a server. */
export function isPerfectIn(node: NodeId, size: number): boolean {
  return nodeRange(node).end <= size;
}

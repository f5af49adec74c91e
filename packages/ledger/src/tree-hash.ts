import { LedgerError } from './errors.ts';
import { assertHashLength, type HashSuite } from './hash-suite.ts';
import { emptyRoot, hashChildren } from './rfc6962.ts';
import { rootNodes, type NodeId, type NodeReader } from './tree-layout.ts';
import { largestPowerOfTwoBelow } from './tree-size.ts';

/** MTH(D[0:n]) of RFC 6962 §2.1 over leaf hashes, splitting at the largest power of two below n. */
export function treeRoot(suite: HashSuite, leafHashes: readonly Uint8Array[]): Uint8Array {
  if (leafHashes.length === 0) return emptyRoot(suite);
  for (const [i, leaf] of leafHashes.entries()) assertHashLength(suite, leaf, `leaf hash ${i}`);
  return subtreeRoot(suite, leafHashes, 0, leafHashes.length);
}

/** MTH of leaves [begin, end) of an already validated array. */
export function subtreeRoot(suite: HashSuite, leafHashes: readonly Uint8Array[], begin: number, end: number): Uint8Array {
  if (end - begin === 1) return leafHashes[begin]!;
  const k = largestPowerOfTwoBelow(end - begin);
  return hashChildren(suite, subtreeRoot(suite, leafHashes, begin, begin + k), subtreeRoot(suite, leafHashes, begin + k, end));
}

/** Folds perfect-subtree hashes right to left: the MTH of the range they cover together. */
export function foldRight(suite: HashSuite, hashes: readonly Uint8Array[]): Uint8Array {
  if (hashes.length === 0) throw new LedgerError('INVALID_ARGUMENT', 'nothing to fold');
  let acc = hashes[hashes.length - 1]!;
  for (let i = hashes.length - 2; i >= 0; i--) acc = hashChildren(suite, hashes[i]!, acc);
  return acc;
}

/** Reads nodes through `read`, checking each answer's length, and folds them. */
export function hashFromNodes(suite: HashSuite, nodes: readonly NodeId[], read: NodeReader): Uint8Array {
  return foldRight(suite, nodes.map((node) => readNode(suite, node, read)));
}

export function readNode(suite: HashSuite, node: NodeId, read: NodeReader): Uint8Array {
  const hash = read(node.level, node.index);
  assertHashLength(suite, hash, `stored node (${node.level}, ${node.index})`);
  return hash;
}

/** The root of a tree of `size` leaves from stored perfect-subtree hashes: O(log size) reads. */
export function rootFromReader(suite: HashSuite, size: number, read: NodeReader): Uint8Array {
  const nodes = rootNodes(size);
  return nodes.length === 0 ? emptyRoot(suite) : hashFromNodes(suite, nodes, read);
}

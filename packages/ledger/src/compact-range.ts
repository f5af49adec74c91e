import { LedgerError } from './errors.ts';
import { assertHashLength, type HashSuite } from './hash-suite.ts';
import { emptyRoot, hashChildren } from './rfc6962.ts';
import { foldRight, readNode } from './tree-hash.ts';
import { rootNodes, type NodeReader, type StoredNode } from './tree-layout.ts';
import { assertCount, half, isOdd } from './tree-size.ts';

/**
 * The right edge of a log: the hashes of rootNodes(size), left to right. It is all a sequencer
 * needs to append leaves and compute the new root, and it yields every perfect node that
 * becomes complete, which is what the server stores.
 */
export type CompactRange = { readonly size: number; readonly hashes: readonly Uint8Array[] };

export const EMPTY_COMPACT_RANGE: CompactRange = Object.freeze({ size: 0, hashes: Object.freeze([]) });

function assertCompactRange(suite: HashSuite, range: CompactRange): void {
  assertCount(range.size, 'compact range size');
  if (range.hashes.length !== rootNodes(range.size).length) {
    throw new LedgerError('INVALID_ARGUMENT', `a compact range of size ${range.size} needs ${rootNodes(range.size).length} hashes`);
  }
  range.hashes.forEach((hash, i) => assertHashLength(suite, hash, `compact range hash ${i}`));
}

/** Appends leaf hashes; returns the new range and the newly complete nodes (leaves included) to store. */
export function appendLeaves(
  suite: HashSuite,
  range: CompactRange,
  leafHashes: readonly Uint8Array[],
): { range: CompactRange; nodes: StoredNode[] } {
  assertCompactRange(suite, range);
  const hashes = [...range.hashes];
  const nodes: StoredNode[] = [];
  let size = range.size;
  for (const [i, leafHash] of leafHashes.entries()) {
    assertHashLength(suite, leafHash, `leaf hash ${i}`);
    let hash = leafHash;
    let level = 0;
    let index = size;
    nodes.push({ level, index, hash });
    // Each odd index closes a pair with the left sibling on top of the stack.
    while (isOdd(index)) {
      hash = hashChildren(suite, hashes.pop()!, hash);
      index = half(index);
      level++;
      nodes.push({ level, index, hash });
    }
    hashes.push(hash);
    size++;
  }
  return { range: { size, hashes }, nodes };
}

export function compactRangeRoot(suite: HashSuite, range: CompactRange): Uint8Array {
  assertCompactRange(suite, range);
  return range.size === 0 ? emptyRoot(suite) : foldRight(suite, range.hashes);
}

/** Rebuilds the right edge of a stored tree, e.g. when a sequencer starts. */
export function compactRangeFromReader(suite: HashSuite, size: number, read: NodeReader): CompactRange {
  return { size, hashes: rootNodes(size).map((node) => readNode(suite, node, read)) };
}

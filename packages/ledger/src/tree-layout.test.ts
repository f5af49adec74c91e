import { describe, expect, it } from 'vitest';
import { toHex, utf8 } from './bytes.ts';
import { EMPTY_COMPACT_RANGE, appendLeaves, compactRangeFromReader, compactRangeRoot, type CompactRange } from './compact-range.ts';
import { SHA256, SM3, type HashSuite } from './hash-suite.ts';
import { consistencyProof, consistencyProofFromReader, inclusionProof, inclusionProofFromReader } from './proof-generate.ts';
import { hashLeaf } from './rfc6962.ts';
import { rootFromReader, treeRoot } from './tree-hash.ts';
import {
  consistencyProofPlan,
  inclusionProofPlan,
  isPerfectIn,
  nodeRange,
  nodesToRead,
  rootNodes,
  subtreeNodes,
  type NodeReader,
  type StoredNode,
} from './tree-layout.ts';
import { expectCode } from './testdata/expect-code.ts';

/** A server's node store: every perfect node appended so far, keyed by (level, index), counting reads. */
function storeLeaves(suite: HashSuite, count: number): { leaves: Uint8Array[]; read: NodeReader; reads: () => number; range: CompactRange } {
  const leaves = Array.from({ length: count }, (_, i) => hashLeaf(suite, utf8(`leaf ${i}`)));
  const store = new Map<string, Uint8Array>();
  let range = EMPTY_COMPACT_RANGE;
  // Append in uneven batches, as a sequencer would.
  for (let i = 0; i < count; ) {
    const batch = leaves.slice(i, i + 1 + (i % 7));
    const result = appendLeaves(suite, range, batch);
    result.nodes.forEach((node: StoredNode) => store.set(`${node.level}/${node.index}`, node.hash));
    range = result.range;
    i += batch.length;
  }
  let reads = 0;
  const read: NodeReader = (level, index) => {
    reads++;
    const hash = store.get(`${level}/${index}`);
    if (!hash) throw new Error(`node (${level}, ${index}) is not stored`);
    return hash;
  };
  return { leaves, read, reads: () => reads, range };
}

describe('subtree layout', () => {
  it('splits whole trees into perfect nodes by decreasing level', () => {
    expect(rootNodes(0)).toEqual([]);
    expect(rootNodes(1)).toEqual([{ level: 0, index: 0 }]);
    expect(rootNodes(8)).toEqual([{ level: 3, index: 0 }]);
    expect(rootNodes(7)).toEqual([
      { level: 2, index: 0 },
      { level: 1, index: 2 },
      { level: 0, index: 6 },
    ]);
    expect(subtreeNodes(8, 13)).toEqual([
      { level: 2, index: 2 },
      { level: 0, index: 12 },
    ]);
  });

  it('refuses ranges that are not aligned subtrees', () => {
    expectCode(() => subtreeNodes(1, 3), 'INVALID_ARGUMENT');
    expectCode(() => subtreeNodes(4, 4), 'INVALID_ARGUMENT');
    expectCode(() => subtreeNodes(6, 9), 'INVALID_ARGUMENT');
    expectCode(() => rootNodes(-1), 'INVALID_ARGUMENT');
    expectCode(() => rootNodes(1.5), 'INVALID_ARGUMENT');
    expectCode(() => rootNodes(2 ** 53), 'INVALID_ARGUMENT');
  });

  it('handles sizes beyond 32 bits exactly', () => {
    const size = 2 ** 40 + 2 ** 33 + 5;
    expect(rootNodes(size)).toEqual([
      { level: 40, index: 0 },
      { level: 33, index: 2 ** 7 },
      { level: 2, index: (2 ** 40 + 2 ** 33) / 4 },
      { level: 0, index: 2 ** 40 + 2 ** 33 + 4 },
    ]);
    const plan = inclusionProofPlan(2 ** 40 + 2 ** 33 + 3, size);
    expect(plan.flatMap((step) => step.nodes).every((node) => isPerfectIn(node, size))).toBe(true);
    expect(plan.length).toBeLessThanOrEqual(42);
  });

  it('plans proofs that read only perfect nodes of the tree, O(log n) of them', () => {
    for (const size of [1, 2, 3, 5, 8, 13, 100, 1000, 1023, 1024, 1025, 65_537, 1_000_003]) {
      const log = Math.ceil(Math.log2(size)) + 1;
      for (const index of [0, 1, Math.floor(size / 2), size - 2, size - 1].filter((i) => i >= 0 && i < size)) {
        const plan = inclusionProofPlan(index, size);
        const nodes = nodesToRead(plan);
        expect(nodes.every((node) => isPerfectIn(node, size))).toBe(true);
        expect(nodes.length, `inclusion ${index}/${size}`).toBeLessThanOrEqual(2 * log);
        for (const step of plan) {
          const covered = step.nodes.map(nodeRange);
          expect(covered[0]!.begin).toBe(step.begin);
          expect(covered.at(-1)!.end).toBe(step.end);
        }
      }
      for (const from of [1, 2, Math.floor(size / 3), size - 1].filter((f) => f >= 1 && f <= size)) {
        const nodes = nodesToRead(consistencyProofPlan(from, size));
        expect(nodes.every((node) => isPerfectIn(node, size))).toBe(true);
        expect(nodes.length, `consistency ${from}→${size}`).toBeLessThanOrEqual(3 * log);
      }
    }
  });
});

describe('compact range and stored nodes', () => {
  for (const suite of [SHA256, SM3]) {
    it(`${suite.name}: appending leaves gives the same roots and stores every perfect node once`, () => {
      const { leaves, range } = storeLeaves(suite, 100);
      expect(range.size).toBe(100);
      expect(toHex(compactRangeRoot(suite, range))).toBe(toHex(treeRoot(suite, leaves)));
      let r = EMPTY_COMPACT_RANGE;
      const stored: StoredNode[] = [];
      for (let size = 1; size <= 40; size++) {
        const result = appendLeaves(suite, r, [leaves[size - 1]!]);
        r = result.range;
        stored.push(...result.nodes);
        expect(toHex(compactRangeRoot(suite, r)), `size ${size}`).toBe(toHex(treeRoot(suite, leaves.slice(0, size))));
      }
      // A tree of n leaves has 2n − popcount(n) perfect nodes: 40 = 0b101000 → 78.
      expect(stored.length).toBe(78);
      expect(new Set(stored.map((n) => `${n.level}/${n.index}`)).size).toBe(78);
    });

    it(`${suite.name}: roots and proofs from stored nodes equal those from the leaves, with few reads`, () => {
      const { leaves, read, reads } = storeLeaves(suite, 70);
      for (let size = 0; size <= 70; size++) {
        expect(toHex(rootFromReader(suite, size, read))).toBe(toHex(treeRoot(suite, leaves.slice(0, size))));
        expect(compactRangeFromReader(suite, size, read).hashes.map(toHex)).toEqual(
          rootNodes(size).map((node) => toHex(read(node.level, node.index))),
        );
        for (let index = 0; index < size; index++) {
          const before = reads();
          const proof = inclusionProofFromReader(suite, index, size, read);
          expect(reads() - before).toBeLessThanOrEqual(2 * 7);
          expect(proof.map(toHex)).toEqual(inclusionProof(suite, leaves, index, size).map(toHex));
        }
        for (let from = 0; from <= size; from++) {
          expect(consistencyProofFromReader(suite, from, size, read).map(toHex)).toEqual(
            consistencyProof(suite, leaves, from, size).map(toHex),
          );
        }
      }
    });
  }

  it('refuses inconsistent compact ranges and wrong-length hashes', () => {
    const leaf = hashLeaf(SHA256, utf8('x'));
    expectCode(() => appendLeaves(SHA256, { size: 3, hashes: [leaf] }, [leaf]), 'INVALID_ARGUMENT');
    expectCode(() => appendLeaves(SHA256, EMPTY_COMPACT_RANGE, [leaf.subarray(1)]), 'HASH_LENGTH_INVALID');
    expectCode(() => compactRangeRoot(SHA256, { size: 1, hashes: [new Uint8Array(31)] }), 'HASH_LENGTH_INVALID');
    expectCode(() => rootFromReader(SHA256, 2, () => new Uint8Array(16)), 'HASH_LENGTH_INVALID');
  });
});

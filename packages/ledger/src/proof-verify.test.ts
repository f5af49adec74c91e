import { describe, expect, it } from 'vitest';
import { toHex, utf8 } from './bytes.ts';
import { SHA256, SM3, type HashSuite } from './hash-suite.ts';
import { consistencyProof, consistencyProofFromReader, inclusionProof, inclusionProofFromReader } from './proof-generate.ts';
import { rootFromInclusionProof, verifyConsistency, verifyInclusion } from './proof-verify.ts';
import { hashChildren, hashLeaf } from './rfc6962.ts';
import { rootFromReader, treeRoot } from './tree-hash.ts';
import { LedgerError } from './errors.ts';
import { expectCode } from './testdata/expect-code.ts';
import { flipBit, seededRandom } from './testdata/random.ts';

function tree(suite: HashSuite, count: number): { leaves: Uint8Array[]; roots: Uint8Array[] } {
  const leaves = Array.from({ length: count }, (_, i) => hashLeaf(suite, utf8(`evidence ${i}`)));
  return { leaves, roots: Array.from({ length: count + 1 }, (_, n) => treeRoot(suite, leaves.slice(0, n))) };
}

const bitFlipsOfIndex = (value: number): number[] => Array.from({ length: 8 }, (_, k) => value ^ (1 << k));

describe.each([
  { suite: SHA256, maxInclusion: 64, maxConsistency: 70 },
  { suite: SM3, maxInclusion: 24, maxConsistency: 24 },
])('$suite.name proofs, exhaustively over small trees', ({ suite, maxInclusion, maxConsistency }) => {
  const { leaves, roots } = tree(suite, maxConsistency);
  const random = seededRandom(42);

  it(`every leaf's proof verifies against every tree size up to ${maxInclusion}, and any flipped bit fails`, () => {
    for (let size = 1; size <= maxInclusion; size++) {
      for (let index = 0; index < size; index++) {
        const proof = inclusionProof(suite, leaves, index, size);
        const claim = { leafIndex: index, treeSize: size, leafHash: leaves[index]!, proof, rootHash: roots[size]! };
        verifyInclusion(suite, claim);
        expect(toHex(rootFromInclusionProof(suite, claim))).toBe(toHex(roots[size]!));

        const bit = random.int(8 * suite.size);
        proof.forEach((_, i) => {
          const corrupted = proof.map((hash, j) => (j === i ? flipBit(hash, bit) : hash));
          expectCode(() => verifyInclusion(suite, { ...claim, proof: corrupted }), 'PROOF_MISMATCH');
        });
        expectCode(() => verifyInclusion(suite, { ...claim, rootHash: flipBit(claim.rootHash, bit) }), 'PROOF_MISMATCH');
        expectCode(() => verifyInclusion(suite, { ...claim, leafHash: flipBit(claim.leafHash, bit) }), 'PROOF_MISMATCH');
        for (const wrongIndex of bitFlipsOfIndex(index)) {
          expect(() => verifyInclusion(suite, { ...claim, leafIndex: wrongIndex }), `index ${wrongIndex}`).toThrow();
        }
      }
    }
  });

  it(`every consistency proof between sizes up to ${maxConsistency} verifies, and any flipped bit fails`, () => {
    for (let to = 0; to <= maxConsistency; to++) {
      for (let from = 0; from <= to; from++) {
        const proof = consistencyProof(suite, leaves, from, to);
        const claim = { fromSize: from, toSize: to, fromRoot: roots[from]!, toRoot: roots[to]!, proof };
        verifyConsistency(suite, claim);
        if (from === 0) continue;

        const bit = random.int(8 * suite.size);
        proof.forEach((_, i) => {
          const corrupted = proof.map((hash, j) => (j === i ? flipBit(hash, bit) : hash));
          expectCode(() => verifyConsistency(suite, { ...claim, proof: corrupted }), 'PROOF_MISMATCH');
        });
        expectCode(() => verifyConsistency(suite, { ...claim, fromRoot: flipBit(claim.fromRoot, bit) }), 'PROOF_MISMATCH');
        expectCode(() => verifyConsistency(suite, { ...claim, toRoot: flipBit(claim.toRoot, bit) }), 'PROOF_MISMATCH');
        for (const wrongFrom of bitFlipsOfIndex(from)) {
          expect(() => verifyConsistency(suite, { ...claim, fromSize: wrongFrom }), `from ${wrongFrom}`).toThrow();
        }
      }
    }
  });
});

describe('what a bare proof binds', () => {
  it('does not bind the tree size beyond the root: RFC 9162 leaves that to the signed checkpoint', () => {
    // Index 0 in a 3-leaf tree and in a 4-leaf tree take the same two steps, so the 3-leaf
    // proof "verifies" for size 4 against the 3-leaf root. No size-4 tree has that root, which is
    // why receipts only trust a size and root signed together (see receipt.test.ts).
    const { leaves, roots } = tree(SHA256, 4);
    const proof = inclusionProof(SHA256, leaves, 0, 3);
    verifyInclusion(SHA256, { leafIndex: 0, treeSize: 4, leafHash: leaves[0]!, proof, rootHash: roots[3]! });
    expect(toHex(roots[3]!)).not.toBe(toHex(roots[4]!));
  });
});

describe('proofs in trees beyond 32 bits', () => {
  it('generates and verifies with sizes and indices above 2^32', () => {
    // With identical leaves, a perfect node's hash depends only on its level, so a reader can
    // serve a tree of 2^40 + 2^33 + 5 leaves without storing it.
    const levels = [hashLeaf(SHA256, utf8('same'))];
    for (let level = 1; level <= 41; level++) levels.push(hashChildren(SHA256, levels[level - 1]!, levels[level - 1]!));
    const read = (level: number): Uint8Array => levels[level]!;
    const size = 2 ** 40 + 2 ** 33 + 5;
    const root = rootFromReader(SHA256, size, read);
    for (const index of [0, 2 ** 32, 2 ** 32 + 1, 2 ** 40 - 1, 2 ** 40, size - 2, size - 1]) {
      const proof = inclusionProofFromReader(SHA256, index, size, read);
      verifyInclusion(SHA256, { leafIndex: index, treeSize: size, leafHash: levels[0]!, proof, rootHash: root });
    }
    const from = 2 ** 33 + 3;
    const consistency = consistencyProofFromReader(SHA256, from, size, read);
    verifyConsistency(SHA256, { fromSize: from, toSize: size, fromRoot: rootFromReader(SHA256, from, read), toRoot: root, proof: consistency });
    // The same proof for a first size 2^32 larger (an error a 32-bit shift would hide) must fail.
    expect(() =>
      verifyConsistency(SHA256, { fromSize: from + 2 ** 32, toSize: size, fromRoot: rootFromReader(SHA256, from, read), toRoot: root, proof: consistency }),
    ).toThrow(LedgerError);
  });
});

describe('malformed proof inputs get typed errors', () => {
  const { leaves, roots } = tree(SHA256, 8);
  const proof = inclusionProof(SHA256, leaves, 2, 7);
  const good = { leafIndex: 2, treeSize: 7, leafHash: leaves[2]!, proof, rootHash: roots[7]! };

  it('inclusion', () => {
    verifyInclusion(SHA256, good);
    expectCode(() => verifyInclusion(SHA256, { ...good, treeSize: 0, leafIndex: 0 }), 'TREE_EMPTY');
    expectCode(() => verifyInclusion(SHA256, { ...good, leafIndex: 7 }), 'INDEX_OUT_OF_RANGE');
    expectCode(() => verifyInclusion(SHA256, { ...good, leafIndex: 99 }), 'INDEX_OUT_OF_RANGE');
    expectCode(() => verifyInclusion(SHA256, { ...good, leafIndex: -1 }), 'INVALID_ARGUMENT');
    expectCode(() => verifyInclusion(SHA256, { ...good, leafIndex: 1.5 }), 'INVALID_ARGUMENT');
    expectCode(() => verifyInclusion(SHA256, { ...good, treeSize: Number.NaN }), 'INVALID_ARGUMENT');
    expectCode(() => verifyInclusion(SHA256, { ...good, treeSize: 2 ** 53 }), 'INVALID_ARGUMENT');
    expectCode(() => verifyInclusion(SHA256, { ...good, leafHash: leaves[2]!.subarray(1) }), 'HASH_LENGTH_INVALID');
    expectCode(() => verifyInclusion(SHA256, { ...good, rootHash: new Uint8Array(33) }), 'HASH_LENGTH_INVALID');
    expectCode(() => verifyInclusion(SHA256, { ...good, proof: [...proof.slice(0, 1), new Uint8Array(31), ...proof.slice(2)] }), 'HASH_LENGTH_INVALID');
    expectCode(() => verifyInclusion(SHA256, { ...good, proof: proof.slice(1) }), 'PROOF_LENGTH_INVALID');
    expectCode(() => verifyInclusion(SHA256, { ...good, proof: [...proof, roots[7]!] }), 'PROOF_LENGTH_INVALID');
    expectCode(() => verifyInclusion(SHA256, { ...good, proof: 'abc' as unknown as Uint8Array[] }), 'INVALID_ARGUMENT');
  });

  it('consistency', () => {
    const consistency = consistencyProof(SHA256, leaves, 3, 7);
    const claim = { fromSize: 3, toSize: 7, fromRoot: roots[3]!, toRoot: roots[7]!, proof: consistency };
    verifyConsistency(SHA256, claim);
    expectCode(() => verifyConsistency(SHA256, { ...claim, fromSize: 8 }), 'SIZES_OUT_OF_ORDER');
    expectCode(() => verifyConsistency(SHA256, { ...claim, fromSize: -3 }), 'INVALID_ARGUMENT');
    expectCode(() => verifyConsistency(SHA256, { ...claim, toSize: 7.5 }), 'INVALID_ARGUMENT');
    expectCode(() => verifyConsistency(SHA256, { ...claim, fromRoot: new Uint8Array(0) }), 'HASH_LENGTH_INVALID');
    expectCode(() => verifyConsistency(SHA256, { ...claim, toRoot: roots[7]!.subarray(2) }), 'HASH_LENGTH_INVALID');
    expectCode(() => verifyConsistency(SHA256, { ...claim, proof: consistency.slice(1) }), 'PROOF_LENGTH_INVALID');
    expectCode(() => verifyConsistency(SHA256, { ...claim, proof: [...consistency, roots[1]!] }), 'PROOF_LENGTH_INVALID');
    expectCode(() => verifyConsistency(SHA256, { ...claim, proof: [] }), 'PROOF_LENGTH_INVALID');
  });

  it('generation', () => {
    expectCode(() => inclusionProof(SHA256, leaves, 0, 0), 'TREE_EMPTY');
    expectCode(() => inclusionProof(SHA256, leaves, 8, 8), 'INDEX_OUT_OF_RANGE');
    expectCode(() => inclusionProof(SHA256, leaves, 0, 9), 'INVALID_ARGUMENT');
    expectCode(() => inclusionProof(SHA256, [new Uint8Array(5)], 0), 'HASH_LENGTH_INVALID');
    expectCode(() => consistencyProof(SHA256, leaves, 5, 4), 'SIZES_OUT_OF_ORDER');
    expectCode(() => consistencyProof(SHA256, leaves, 1, 9), 'INVALID_ARGUMENT');
    expectCode(() => inclusionProofFromReader(SHA256, 3, 2, () => roots[1]!), 'INDEX_OUT_OF_RANGE');
    expectCode(() => consistencyProofFromReader(SHA256, 3, 2, () => roots[1]!), 'SIZES_OUT_OF_ORDER');
  });
});

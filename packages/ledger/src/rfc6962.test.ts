import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex, utf8 } from './bytes.ts';
import { SHA256, SM3, getHashSuite } from './hash-suite.ts';
import { consistencyProof, inclusionProof } from './proof-generate.ts';
import { verifyConsistency, verifyInclusion } from './proof-verify.ts';
import { emptyRoot, hashChildren, hashLeaf } from './rfc6962.ts';
import { treeRoot } from './tree-hash.ts';
import { expectCode } from './testdata/expect-code.ts';
import { CONSISTENCY_PROOFS, INCLUSION_PROOFS, LEAF_INPUTS_HEX, NODE_HASHES_HEX, ROOTS_HEX } from './testdata/rfc6962-vectors.ts';

// Vectors: transparency-dev/merkle testonly/constants.go and proof/verify_test.go.
const leaves = LEAF_INPUTS_HEX.map((hex) => hashLeaf(SHA256, fromHex(hex)));
const roots = ROOTS_HEX.map(fromHex);
const someHash = fromHex('abacaba000000000000000000000000000000000000000000060061e00123456');

describe('RFC 6962 hashing', () => {
  it('hashes the standard leaves to the published level-0 nodes', () => {
    expect(leaves.map(toHex)).toEqual(NODE_HASHES_HEX[0]);
  });

  it('hashes children to the published upper-level nodes', () => {
    for (let level = 1; level < NODE_HASHES_HEX.length; level++) {
      NODE_HASHES_HEX[level]!.forEach((hex, index) => {
        const below = NODE_HASHES_HEX[level - 1]!;
        expect(toHex(hashChildren(SHA256, fromHex(below[2 * index]!), fromHex(below[2 * index + 1]!)))).toBe(hex);
      });
    }
  });

  it('gives the published root for every size 0..8', () => {
    for (let size = 0; size <= 8; size++) {
      expect(toHex(treeRoot(SHA256, leaves.slice(0, size))), `size ${size}`).toBe(ROOTS_HEX[size]);
    }
    expect(toHex(emptyRoot(SHA256))).toBe(ROOTS_HEX[0]);
  });

  it('separates leaves from nodes (a node is never a leaf hash of its children)', () => {
    const [a, b] = [leaves[0]!, leaves[1]!];
    const concatenated = new Uint8Array([...a, ...b]);
    expect(toHex(hashLeaf(SHA256, concatenated))).not.toBe(toHex(hashChildren(SHA256, a, b)));
  });

  it('uses SM3 for every hash of the SM3 suite', () => {
    expect(getHashSuite('sm3')).toBe(SM3);
    // Checked against OpenSSL's SM3 of 0x00 || "abc" and 0x01 || left || right.
    expect(toHex(hashLeaf(SM3, utf8('abc')))).toBe(createHash('sm3').update(Uint8Array.of(0, 0x61, 0x62, 0x63)).digest('hex'));
    const [l, r] = [SM3.hash(utf8('l')), SM3.hash(utf8('r'))];
    expect(toHex(hashChildren(SM3, l, r))).toBe(createHash('sm3').update(Uint8Array.of(1, ...l, ...r)).digest('hex'));
    const sm3Leaves = LEAF_INPUTS_HEX.map((hex) => hashLeaf(SM3, fromHex(hex)));
    expect(toHex(treeRoot(SM3, sm3Leaves))).not.toBe(ROOTS_HEX[8]);
    expect(toHex(treeRoot(SM3, sm3Leaves.slice(0, 2)))).toBe(toHex(hashChildren(SM3, sm3Leaves[0]!, sm3Leaves[1]!)));
    expectCode(() => getHashSuite('md5'), 'HASH_SUITE_UNKNOWN');
    expectCode(() => getHashSuite('toString'), 'HASH_SUITE_UNKNOWN');
  });
});

describe('published inclusion proofs', () => {
  for (const { index, size, proof } of INCLUSION_PROOFS) {
    it(`leaf ${index} in tree ${size}: generated as published, verifies, and every corruption fails`, () => {
      expect(inclusionProof(SHA256, leaves, index, size).map(toHex)).toEqual(proof);
      const path = proof.map(fromHex);
      const claim = { leafIndex: index, treeSize: size, leafHash: leaves[index]!, proof: path, rootHash: roots[size]! };
      verifyInclusion(SHA256, claim);

      // The corruptions of transparency-dev/merkle's corruptInclusionProof.
      const probes: [string, typeof claim][] = [
        ['index - 1', { ...claim, leafIndex: index - 1 }],
        ['index + 1', { ...claim, leafIndex: index + 1 }],
        ['index ^ 2', { ...claim, leafIndex: index ^ 2 }],
        ['size * 2', { ...claim, treeSize: size * 2 }],
        ['size / 2', { ...claim, treeSize: Math.floor(size / 2) }],
        ['wrong leaf', { ...claim, leafHash: utf8('WrongLeaf') }],
        ['empty root', { ...claim, rootHash: roots[0]! }],
        ['random root', { ...claim, rootHash: someHash }],
        ['trailing garbage', { ...claim, proof: [...path, new Uint8Array(0)] }],
        ['trailing root', { ...claim, proof: [...path, roots[size]!] }],
        ['preceding garbage', { ...claim, proof: [new Uint8Array(0), ...path] }],
        ['preceding root', { ...claim, proof: [roots[size]!, ...path] }],
        ...path.map((_, i): [string, typeof claim] => {
          const wrong = path.map((h) => Uint8Array.from(h));
          wrong[i]![0]! ^= 8;
          return [`proof[${i}] bit 3`, { ...claim, proof: wrong }];
        }),
      ];
      if (path.length > 0) probes.push(['removed component', { ...claim, proof: path.slice(0, -1) }]);
      if (path.length > 1) probes.push(['inserted component', { ...claim, proof: [path[0]!, someHash, ...path.slice(1)] }]);
      for (const [what, probe] of probes) {
        expect(() => verifyInclusion(SHA256, probe), what).toThrow();
      }
    });
  }
});

describe('published consistency proofs', () => {
  for (const { from, to, proof } of CONSISTENCY_PROOFS) {
    it(`from ${from} to ${to}: generated as published, verifies, and every corruption fails`, () => {
      expect(consistencyProof(SHA256, leaves, from, to).map(toHex)).toEqual(proof);
      const path = proof.map(fromHex);
      const claim = { fromSize: from, toSize: to, fromRoot: roots[from]!, toRoot: roots[to]!, proof: path };
      verifyConsistency(SHA256, claim);
      if (path.length === 0) return;

      // The corruptions of transparency-dev/merkle's corruptConsistencyProof.
      const probes: [string, typeof claim][] = [
        ['from - 1', { ...claim, fromSize: from - 1 }],
        ['from + 1', { ...claim, fromSize: from + 1 }],
        ['from ^ 2', { ...claim, fromSize: from ^ 2 }],
        ['to * 2', { ...claim, toSize: to * 2 }],
        ['to / 2', { ...claim, toSize: Math.floor(to / 2) }],
        ['wrong first root', { ...claim, fromRoot: utf8('WrongRoot') }],
        ['wrong second root', { ...claim, toRoot: utf8('WrongRoot') }],
        ['swapped roots', { ...claim, fromRoot: claim.toRoot, toRoot: claim.fromRoot }],
        ['empty proof', { ...claim, proof: [] }],
        ['trailing garbage', { ...claim, proof: [...path, new Uint8Array(0)] }],
        ['trailing first root', { ...claim, proof: [...path, claim.fromRoot] }],
        ['trailing second root', { ...claim, proof: [...path, claim.toRoot] }],
        ['preceding garbage', { ...claim, proof: [new Uint8Array(0), ...path] }],
        ['preceding first root', { ...claim, proof: [claim.fromRoot, ...path] }],
        ['preceding second root', { ...claim, proof: [claim.toRoot, ...path] }],
        ['preceding proof[0]', { ...claim, proof: [path[0]!, ...path] }],
        ['truncated', { ...claim, proof: path.slice(0, -1) }],
        ...path.map((_, i): [string, typeof claim] => {
          const wrong = path.map((h) => Uint8Array.from(h));
          wrong[i]![0]! ^= 16;
          return [`proof[${i}] bit 4`, { ...claim, proof: wrong }];
        }),
      ];
      for (const [what, probe] of probes) {
        expect(() => verifyConsistency(SHA256, probe), what).toThrow();
      }
    });
  }

  it('treats equal sizes and the empty tree as in RFC 9162, and rejects what Go rejects', () => {
    const empty = roots[0]!;
    verifyConsistency(SHA256, { fromSize: 0, toSize: 0, fromRoot: empty, toRoot: empty, proof: [] });
    verifyConsistency(SHA256, { fromSize: 0, toSize: 5, fromRoot: empty, toRoot: roots[5]!, proof: [] });
    verifyConsistency(SHA256, { fromSize: 3, toSize: 3, fromRoot: roots[3]!, toRoot: roots[3]!, proof: [] });
    // Go's TestVerifyConsistency failures.
    expectCode(() => verifyConsistency(SHA256, { fromSize: 1, toSize: 1, fromRoot: roots[1]!, toRoot: roots[2]!, proof: [] }), 'PROOF_MISMATCH');
    expectCode(() => verifyConsistency(SHA256, { fromSize: 1, toSize: 0, fromRoot: roots[1]!, toRoot: empty, proof: [] }), 'SIZES_OUT_OF_ORDER');
    expectCode(() => verifyConsistency(SHA256, { fromSize: 2, toSize: 1, fromRoot: roots[2]!, toRoot: roots[1]!, proof: [] }), 'SIZES_OUT_OF_ORDER');
    expectCode(() => verifyConsistency(SHA256, { fromSize: 1, toSize: 2, fromRoot: roots[1]!, toRoot: roots[2]!, proof: [] }), 'PROOF_LENGTH_INVALID');
    expectCode(() => verifyConsistency(SHA256, { fromSize: 0, toSize: 0, fromRoot: empty, toRoot: empty, proof: [empty] }), 'PROOF_LENGTH_INVALID');
    expectCode(() => verifyConsistency(SHA256, { fromSize: 0, toSize: 1, fromRoot: empty, toRoot: roots[1]!, proof: [empty] }), 'PROOF_LENGTH_INVALID');
    expectCode(() => verifyConsistency(SHA256, { fromSize: 1, toSize: 1, fromRoot: roots[1]!, toRoot: roots[1]!, proof: [empty] }), 'PROOF_LENGTH_INVALID');
    // Stricter than Go: from the empty tree, the first root must be the empty-tree root.
    expectCode(() => verifyConsistency(SHA256, { fromSize: 0, toSize: 1, fromRoot: someHash, toRoot: roots[1]!, proof: [] }), 'PROOF_MISMATCH');
  });
});

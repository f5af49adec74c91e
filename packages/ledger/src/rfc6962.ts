import { concatBytes } from './bytes.ts';
import type { HashSuite } from './hash-suite.ts';

/** RFC 6962 §2.1 / RFC 9162 §2.1.1 domain separation: leaves and nodes can never be confused. */
const LEAF_PREFIX = new Uint8Array([0x00]);
const NODE_PREFIX = new Uint8Array([0x01]);

export function hashLeaf(suite: HashSuite, data: Uint8Array): Uint8Array {
  return suite.hash(concatBytes(LEAF_PREFIX, data));
}

export function hashChildren(suite: HashSuite, left: Uint8Array, right: Uint8Array): Uint8Array {
  return suite.hash(concatBytes(NODE_PREFIX, left, right));
}

/** MTH({}) = HASH(), the root of the empty tree. */
export function emptyRoot(suite: HashSuite): Uint8Array {
  return suite.hash(new Uint8Array(0));
}

// The log's hash suite on the server: the same SHA-256 or SM3 as @opencourt/ledger, computed by
// OpenSSL through node:crypto (several times faster than the pure-JS code the browser runs), and the
// subject digests that become leaf data.
import crypto from 'node:crypto';
import { getHashSuite, type HashSuite, type HashSuiteName } from '@opencourt/ledger';

const nativeSuites = new Map<HashSuiteName, HashSuite>();
const oneShot = (crypto as { hash?: (algorithm: string, data: Uint8Array, encoding: 'buffer') => Buffer }).hash;

/** `name`'s suite, computed natively when this Node's OpenSSL has it, else by the library. */
export function serverHashSuite(name: string): HashSuite {
  const suite = getHashSuite(name);
  let native = nativeSuites.get(suite.name);
  if (!native) {
    native = Object.freeze({
      name: suite.name,
      size: suite.size,
      // One-shot crypto.hash (Node ≥ 20.12) allocates no Hash object: a sequencer batch hashes tens of
      // thousands of times. A Buffer is a Uint8Array: returned as it is, without a copy.
      hash: oneShot ? (data: Uint8Array) => oneShot(suite.name, data, 'buffer') : (data: Uint8Array) => crypto.createHash(suite.name).update(data).digest(),
    });
    try {
      native.hash(new Uint8Array(0));
    } catch {
      native = suite; // OpenSSL built without SM3
    }
    nativeSuites.set(suite.name, native);
  }
  return native;
}

const LEAF_PREFIX = Buffer.from([0x00]);

/** RFC 6962 leaf hash H(0x00 || subject digest), as a Buffer for the database. */
export function leafHashOf(suite: HashSuite, subjectDigest: Uint8Array): Buffer {
  const hash = suite.hash(Buffer.concat([LEAF_PREFIX, subjectDigest]));
  return Buffer.isBuffer(hash) ? hash : Buffer.from(hash);
}

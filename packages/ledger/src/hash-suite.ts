import { sha256 } from '@noble/hashes/sha2.js';
import { LedgerError } from './errors.ts';
import { sm3 } from './sm3.ts';

/** The hash function a log uses for leaves and nodes; passed to every tree function. */
export type HashSuite = {
  readonly name: HashSuiteName;
  /** Digest length in bytes. */
  readonly size: number;
  hash(data: Uint8Array): Uint8Array;
};

export type HashSuiteName = 'sha256' | 'sm3';

export const SHA256: HashSuite = Object.freeze({ name: 'sha256', size: 32, hash: (data: Uint8Array) => sha256(data) });

/** SM3 (GB/T 32905-2016) for deployments that require China's commercial cryptography. */
export const SM3: HashSuite = Object.freeze({ name: 'sm3', size: 32, hash: sm3 });

const SUITES: Record<HashSuiteName, HashSuite> = { sha256: SHA256, sm3: SM3 };

export function getHashSuite(name: string): HashSuite {
  const suite = Object.hasOwn(SUITES, name) ? SUITES[name as HashSuiteName] : undefined;
  if (!suite) throw new LedgerError('HASH_SUITE_UNKNOWN', `unknown hash suite "${name}"`);
  return suite;
}

/** Throws unless `hash` is one digest of the suite; `what` names it in the error. */
export function assertHashLength(suite: HashSuite, hash: Uint8Array, what: string): void {
  if (!(hash instanceof Uint8Array) || hash.length !== suite.size) {
    throw new LedgerError('HASH_LENGTH_INVALID', `${what} must be ${suite.size} bytes`);
  }
}

import { LedgerError } from './errors.ts';

/**
 * Tree sizes and indices are JavaScript numbers, valid up to 2^53 - 1. Bitwise operators work on
 * 32 bits only, so the helpers here use arithmetic and stay exact over the whole safe range.
 */

export function assertCount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new LedgerError('INVALID_ARGUMENT', `${what} must be a non-negative safe integer`);
  }
}

export const isOdd = (x: number): boolean => x % 2 === 1;

/** x >> 1 for any safe integer. */
export const half = (x: number): number => (x - (x % 2)) / 2;

/** The largest power of two strictly less than n (n ≥ 2): the split point k of RFC 6962 §2.1. */
export function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The smallest power of two greater than or equal to n (n ≥ 1). */
export function powerOfTwoAtLeast(n: number): number {
  let k = 1;
  while (k < n) k *= 2;
  return k;
}

export const isPowerOfTwo = (n: number): boolean => n >= 1 && powerOfTwoAtLeast(n) === n;

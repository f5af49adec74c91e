import { expect } from 'vitest';
import { isLedgerError, type LedgerErrorCode } from '../errors.ts';

/** Asserts that `fn` throws a LedgerError with `code` (and nothing else passes silently). */
export function expectCode(fn: () => unknown, code: LedgerErrorCode, message?: string): void {
  let thrown: unknown = undefined;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(isLedgerError(thrown) ? thrown.code : `no LedgerError (${String(thrown)})`, message).toBe(code);
}

/** Every way the ledger maths can refuse an input. Callers switch on `code`, never on messages. */
export type LedgerErrorCode =
  | 'INVALID_ARGUMENT'
  | 'ENCODING_INVALID'
  | 'HASH_SUITE_UNKNOWN'
  | 'HASH_LENGTH_INVALID'
  | 'TREE_EMPTY'
  | 'INDEX_OUT_OF_RANGE'
  | 'SIZES_OUT_OF_ORDER'
  | 'PROOF_LENGTH_INVALID'
  | 'PROOF_MISMATCH'
  | 'NOTE_MALFORMED'
  | 'NOTE_UNVERIFIED'
  | 'NOTE_SIGNATURE_INVALID'
  | 'NOTE_KEY_AMBIGUOUS'
  | 'KEY_MALFORMED'
  | 'KEY_ID_MISMATCH'
  | 'KEY_ALGORITHM_UNSUPPORTED'
  | 'CHECKPOINT_MALFORMED'
  | 'CHECKPOINT_NOT_SIGNED_BY_LOG'
  | 'CHECKPOINT_ORIGIN_MISMATCH'
  | 'COSIGNATURE_MALFORMED'
  | 'WITNESS_QUORUM_NOT_MET'
  | 'RECEIPT_MALFORMED'
  | 'RECEIPT_LEAF_MISMATCH'
  | 'RECEIPT_SIZE_MISMATCH';

export class LedgerError extends Error {
  override readonly name = 'LedgerError';
  constructor(
    readonly code: LedgerErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isLedgerError(value: unknown, code?: LedgerErrorCode): value is LedgerError {
  return value instanceof LedgerError && (code === undefined || value.code === code);
}

// What the verify page concludes: the receipt checked entirely in the browser against the ledger's
// published keys, with the library every auditor can run (packages/ledger).
import { toHex, verifyReceipt, type VerifiedReceipt } from '@opencourt/ledger';
import type { LedgerKeys } from './verify.api.ts';

export type RecordCheck =
  | { outcome: 'verified'; verified: VerifiedReceipt; digestHex?: string; recordedAt?: string; kind?: string }
  | { outcome: 'unknown'; digestHex: string }
  | { outcome: 'invalid'; reason: string; code: string };

export function checkReceipt(
  receipt: unknown,
  keys: LedgerKeys,
  extra: { digest?: Uint8Array; recordedAt?: string; kind?: string } = {},
): RecordCheck {
  const result = verifyReceipt(receipt, {
    logVerifierKey: keys.log.verifierKey,
    witnessVerifierKeys: keys.witnesses.map((w) => w.verifierKey),
    quorum: keys.quorum,
    origin: keys.origin,
    ...(extra.digest ? { leafData: extra.digest } : {}),
  });
  if (!result.ok) return { outcome: 'invalid', reason: result.error.message, code: result.error.code };
  return {
    outcome: 'verified',
    verified: result,
    ...(extra.digest ? { digestHex: toHex(extra.digest) } : {}),
    ...(extra.recordedAt ? { recordedAt: extra.recordedAt } : {}),
    ...(extra.kind ? { kind: extra.kind } : {}),
  };
}

/** Receipt text pasted or dropped by the user: JSON, or a clear failure. */
export function parseReceiptText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

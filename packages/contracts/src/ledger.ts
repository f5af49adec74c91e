import { z } from 'zod';

/** A 32-byte digest in hex (upper case is accepted and read as lower case). */
export const ZHexDigest = z.string().regex(/^[0-9a-fA-F]{64}$/, { error: '应为 64 位十六进制哈希值' });

const ZSize = z.coerce
  .number({ error: '应为非负整数' })
  .int({ error: '应为非负整数' })
  .min(0, { error: '应为非负整数' })
  .max(Number.MAX_SAFE_INTEGER, { error: '数值过大' });

export const ZLedgerHashQuery = z.strictObject({ hash: ZHexDigest });
export type TLedgerHashQuery = z.infer<typeof ZLedgerHashQuery>;

export const ZLedgerHashParams = z.strictObject({ hash: ZHexDigest });

export const ZConsistencyQuery = z
  .strictObject({ from: ZSize, to: ZSize })
  .refine((q) => q.from <= q.to, { error: '起始大小不能大于结束大小', path: ['from'] });
export type TConsistencyQuery = z.infer<typeof ZConsistencyQuery>;

export const ZLedgerKey = z.object({ name: z.string(), verifierKey: z.string() });

/** The keys to check the ledger's checkpoints with, in the C2SP `name+keyid+base64` verifier-key form. */
export const ZLedgerKeys = z.object({
  origin: z.string(),
  hashSuite: z.enum(['sha256', 'sm3']),
  court: z.object({ name: z.string() }),
  log: ZLedgerKey,
  witnesses: z.array(ZLedgerKey),
  /** How many of the witnesses must cosign a published checkpoint; 0 means the log's signature alone. */
  quorum: z.number().int().nonnegative(),
});
export type TLedgerKeys = z.infer<typeof ZLedgerKeys>;

const ZHex32 = z.string().regex(/^[0-9a-f]{64}$/);

/** @opencourt/ledger's Receipt: inclusion proof plus the cosigned checkpoint; verifiable offline. */
export const ZReceipt = z.object({
  version: z.literal(1),
  hashSuite: z.enum(['sha256', 'sm3']),
  leafIndex: z.number().int().nonnegative(),
  treeSize: z.number().int().positive(),
  leafHash: ZHex32,
  inclusionProof: z.array(ZHex32).readonly(),
  checkpoint: z.string(),
});
export type TReceipt = z.infer<typeof ZReceipt>;

export const ZLedgerKind = z.enum(['event', 'file']);

export const ZInclusion = z.object({
  kind: ZLedgerKind,
  leafIndex: z.number().int().nonnegative(),
  /** When the sequencer put it on the log (ISO 8601 UTC). */
  recordedAt: z.string(),
  receipt: ZReceipt,
});
export type TInclusion = z.infer<typeof ZInclusion>;

export const ZConsistency = z.object({ from: z.number().int(), to: z.number().int(), proof: z.array(ZHex32) });
export type TConsistency = z.infer<typeof ZConsistency>;

// What the ledger offers other modules and the public API: the published checkpoint, the keys to
// check it with, receipts (inclusion proof + cosigned checkpoint) and consistency proofs.
import { createReceipt, toHex, type HashSuiteName, type Receipt } from '@opencourt/ledger';
import type pg from 'pg';
import { CommonErrors } from '../http/index.ts';
import { LedgerErrors } from './ledger.errors.ts';
import { ledgerStore } from './ledger.store.ts';
import type { LogIdentity } from './log-setup.ts';
import { consistencyProofFromStore, createNodeCache, inclusionProofFromStore, lowerNodesOf } from './proofs.ts';
import type { LedgerKind } from './subject.ts';

export type LedgerKeys = {
  origin: string;
  hashSuite: HashSuiteName;
  court: { name: string };
  log: { name: string; verifierKey: string };
  witnesses: { name: string; verifierKey: string }[];
  quorum: number;
};

export type RecordedReceipt = { kind: LedgerKind; leafIndex: number; recordedAt: Date; receipt: Receipt };

export type ReceiptLookup =
  | ({ status: 'recorded' } & RecordedReceipt)
  /** Queued, or on the log but not yet in a published checkpoint. */
  | { status: 'pending'; kind: LedgerKind; since: Date }
  | { status: 'unknown' };

const HEX_DIGEST = /^[0-9a-f]{64}$/;

export function createLedgerService(deps: {
  pool: pg.Pool;
  /** The log's identity; opened on first use (the log is created on first start). */
  identity: () => Promise<LogIdentity>;
  courtName: string;
  witnesses: readonly { name: string; verifierKey: string }[];
  quorum: number;
}) {
  const { pool } = deps;
  const nodeCache = createNodeCache();

  async function lookup(subjectDigestHex: string): Promise<ReceiptLookup> {
    const hex = subjectDigestHex.toLowerCase();
    if (!HEX_DIGEST.test(hex)) throw new TypeError('a subject digest is 64 hex digits');
    const { suite } = await deps.identity();
    const digest = Buffer.from(hex, 'hex');
    // One query once the upper levels are cached: the leaf, the proof's lower nodes and the checkpoint.
    const rows = await ledgerStore.findReceiptRows(pool, digest);
    const { leaf, published: checkpoint } = rows;
    if (leaf && checkpoint && leaf.index < checkpoint.size) {
      const inclusionProof = await inclusionProofFromStore(pool, suite, leaf.index, checkpoint.size, nodeCache, lowerNodesOf(leaf.index, checkpoint.size, rows));
      const receipt = createReceipt({ suite, leafIndex: leaf.index, leafHash: leaf.leafHash, inclusionProof, checkpoint: checkpoint.cosignedNote });
      return { status: 'recorded', kind: leaf.kind, leafIndex: leaf.index, recordedAt: leaf.integratedAt, receipt };
    }
    if (leaf) return { status: 'pending', kind: leaf.kind, since: leaf.integratedAt };
    const entry = await ledgerStore.findEntry(pool, digest);
    if (entry?.integrated) throw LedgerErrors.LEDGER_DAMAGED('该记录已写入账本，但其叶子缺失');
    return entry ? { status: 'pending', kind: entry.kind, since: entry.queuedAt } : { status: 'unknown' };
  }

  return {
    lookup,

    /** The receipt for a subject digest (hex), or a typed error: unknown (404) or not yet published (202). */
    async receiptFor(subjectDigestHex: string): Promise<RecordedReceipt> {
      const found = await lookup(subjectDigestHex);
      if (found.status === 'unknown') throw LedgerErrors.LEDGER_ENTRY_UNKNOWN(`没有哈希为 ${subjectDigestHex.toLowerCase()} 的记录`);
      if (found.status === 'pending') {
        throw LedgerErrors.LEDGER_ENTRY_PENDING(`该${found.kind === 'file' ? '文件' : '事件'}已于 ${found.since.toISOString()} 受理，尚未进入已发布的检查点`, {
          extra: { kind: found.kind, since: found.since.toISOString() },
        });
      }
      const { status: _status, ...recorded } = found;
      return recorded;
    },

    /** The latest published checkpoint as its signed note (log signature and cosignatures). */
    async checkpoint(): Promise<string> {
      const published = await ledgerStore.latestPublished(pool);
      if (!published) throw LedgerErrors.LEDGER_NOT_PUBLISHED();
      return published.cosignedNote!;
    },

    async keys(): Promise<LedgerKeys> {
      const id = await deps.identity();
      return {
        origin: id.origin,
        hashSuite: id.suite.name,
        court: { name: deps.courtName },
        log: { name: id.keyName, verifierKey: id.verifierKey },
        witnesses: deps.witnesses.map((w) => ({ name: w.name, verifierKey: w.verifierKey })),
        quorum: deps.quorum,
      };
    },

    /** Consistency proof between two sizes up to the latest published one. */
    async consistency(from: number, to: number): Promise<{ from: number; to: number; proof: string[] }> {
      const { suite } = await deps.identity();
      const published = await ledgerStore.latestPublished(pool);
      const size = published?.size ?? 0;
      if (to > size) {
        throw CommonErrors.VALIDATION_FAILED(`最新发布的检查点大小为 ${size}`, {
          fields: [{ pointer: '/querystring/to', detail: `不能大于最新发布的检查点大小 ${size}`, code: 'too_big' }],
        });
      }
      const proof = await consistencyProofFromStore(pool, suite, from, to);
      return { from, to, proof: proof.map(toHex) };
    },
  };
}

export type LedgerService = ReturnType<typeof createLedgerService>;

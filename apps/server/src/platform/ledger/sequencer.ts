// The sequencer: integrates queued entries into the tree in batches. One batch is one transaction,
// holding a transaction-scoped advisory lock, so processes sharing the database take turns and the log
// never forks: it reads the cursor and tree size, appends the leaves, stores every perfect subtree that
// became complete, signs the new checkpoint and advances the cursor, all or nothing. A process that dies
// mid-batch leaves nothing behind; the next batch (here or elsewhere) takes the same entries again.
import {
  appendLeaves,
  bytesEqual,
  compactRangeFromReader,
  compactRangeRoot,
  rootNodes,
  type CompactRange,
} from '@opencourt/ledger';
import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import type { Clock } from '../clock/index.ts';
import { leafHashOf } from './hash.ts';
import { ledgerStore, type NewLeaf } from './ledger.store.ts';
import { signCheckpoint, type OpenLog } from './log-setup.ts';

export type SequencerOutcome =
  /** Leaves were added; `full` when the batch was as large as allowed (more may wait). */
  | { outcome: 'integrated'; added: number; size: number; full: boolean }
  | { outcome: 'idle'; size: number }
  /** Committed entries wait behind a transaction that is still running. */
  | { outcome: 'held'; size: number }
  /** Another process is sequencing. */
  | { outcome: 'busy' };

export type SequencerDeps = {
  pool: pg.Pool;
  log: OpenLog;
  clock: Clock;
  logger: FastifyBaseLogger;
  batchMax: number;
  /** Publish each checkpoint as it is signed (no witness quorum to wait for). */
  publishAtOnce: boolean;
  /** Runs inside the batch transaction just before it commits (tests use it to die mid-batch). */
  beforeCommit?: (size: number) => Promise<void>;
};

export function createSequencer(deps: SequencerDeps) {
  const { pool, log, clock, batchMax } = deps;
  const { suite, origin } = log;
  /** The right edge of the tree as of the last batch this process committed. */
  let cached: CompactRange | undefined;

  async function compactRangeAt(client: pg.PoolClient, size: number, rootHash: Buffer): Promise<CompactRange> {
    if (cached && cached.size === size && bytesEqual(compactRangeRoot(suite, cached), rootHash)) return cached;
    const nodes = await ledgerStore.readNodes(client, rootNodes(size));
    const range = compactRangeFromReader(suite, size, (level, index) => {
      const hash = nodes.get(`${level}/${index}`);
      if (!hash) throw new Error(`ledger node (${level}, ${index}) is missing`);
      return hash;
    });
    if (!bytesEqual(compactRangeRoot(suite, range), rootHash)) {
      throw new Error(`the stored nodes of the ledger do not give its recorded root at size ${size}; run \`opencourt ledger verify\``);
    }
    return range;
  }

  async function integrate(client: pg.PoolClient): Promise<SequencerOutcome> {
    if (!(await ledgerStore.tryLockSequencer(client))) return { outcome: 'busy' };
    const state = (await ledgerStore.loadState(client))!;
    const { entries, held } = await ledgerStore.readPending(client, state, batchMax);
    if (!entries.length) return { outcome: held ? 'held' : 'idle', size: state.size };

    const range = await compactRangeAt(client, state.size, state.rootHash);
    const leaves: NewLeaf[] = entries.map((e, i) => ({
      index: state.size + i,
      entryId: e.id,
      kind: e.kind,
      ref: e.ref,
      subjectDigest: e.subjectDigest,
      leafHash: leafHashOf(suite, e.subjectDigest),
    }));
    const appended = appendLeaves(suite, range, leaves.map((l) => l.leafHash));
    const size = appended.range.size;
    const rootHash = Buffer.from(compactRangeRoot(suite, appended.range));
    const note = signCheckpoint(log.signer(), suite, origin, size, rootHash);
    const now = clock.now();
    const last = entries[entries.length - 1]!;

    await ledgerStore.writeLeaves(client, leaves, now);
    await ledgerStore.writeNodes(client, appended.nodes.filter((n) => n.level > 0));
    await ledgerStore.insertCheckpoint(client, { size, rootHash, note, publish: deps.publishAtOnce }, now);
    await ledgerStore.advanceState(client, { size, rootHash, lastTxId: last.txId, lastEntryId: last.id }, now);
    await deps.beforeCommit?.(size);
    cached = appended.range;
    return { outcome: 'integrated', added: leaves.length, size, full: entries.length === batchMax };
  }

  return {
    /** One batch: integrates up to batchMax visible entries, or reports why it did nothing. */
    async runOnce(): Promise<SequencerOutcome> {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await integrate(client);
        await client.query(result.outcome === 'integrated' ? 'commit' : 'rollback');
        return result;
      } catch (err) {
        cached = undefined;
        await client.query('rollback').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
  };
}

export type Sequencer = ReturnType<typeof createSequencer>;

// `opencourt ledger verify`: re-reads the whole log and recomputes it. Leaves are streamed in index
// order with the entries they were made from; every leaf hash is recomputed from its entry's digest,
// every stored node from the leaves (appendLeaves over the stream yields each perfect subtree as it
// completes), every checkpoint's root at its size, and the latest checkpoint's and the latest
// published checkpoint's signatures are checked. It stops at the first mismatch and says where.
import {
  appendLeaves,
  bytesEqual,
  compactRangeRoot,
  createNoteSigner,
  createNoteVerifier,
  EMPTY_COMPACT_RANGE,
  isLedgerError,
  openNote,
  parseCheckpoint,
  parseSignedNote,
  signNote,
  toHex,
  verifyWitnessedCheckpoint,
  type CompactRange,
  type HashSuite,
  type StoredNode,
} from '@opencourt/ledger';
import type pg from 'pg';
import type { Keyring } from '../crypto/index.ts';
import { leafHashOf, serverHashSuite } from './hash.ts';
import { ledgerStore } from './ledger.store.ts';

export type VerifyMismatch = { code: string; message: string; leafIndex?: number; node?: { level: number; index: number }; checkpointSize?: number };

export type VerifyReport =
  | {
      ok: true;
      origin: string;
      hashSuite: string;
      size: number;
      rootHash: string;
      leaves: number;
      nodes: number;
      checkpoints: number;
      published: { size: number; witnesses: string[] } | null;
      ms: number;
    }
  | { ok: false; mismatch: VerifyMismatch; checked: { leaves: number; nodes: number; checkpoints: number }; ms: number };

class Mismatch extends Error {
  constructor(readonly detail: VerifyMismatch) {
    super(detail.message);
  }
}

const fail = (detail: VerifyMismatch): never => {
  throw new Mismatch(detail);
};

type Progress = { leaves: number; nodes: number; checkpoints: number };

/** Checks one checkpoint row: its note's text names its size and root, and the root is the tree's at that size. */
function checkCheckpointRow(suite: HashSuite, origin: string, row: { size: number; rootHash: Buffer; note: string }, computed: Uint8Array) {
  const where = { checkpointSize: row.size };
  let parsed;
  try {
    parsed = parseCheckpoint(parseSignedNote(row.note).text, suite);
  } catch (err) {
    return fail({ code: 'CHECKPOINT_MALFORMED', message: `checkpoint ${row.size}: ${(err as Error).message}`, ...where });
  }
  if (parsed.origin !== origin || parsed.size !== row.size || !bytesEqual(parsed.rootHash, row.rootHash)) {
    fail({ code: 'CHECKPOINT_ROW_MISMATCH', message: `checkpoint ${row.size}: its note does not match its row (origin, size or root)`, ...where });
  }
  if (!bytesEqual(computed, row.rootHash)) {
    fail({ code: 'ROOT_MISMATCH', message: `checkpoint ${row.size}: its root ${toHex(row.rootHash)} is not the tree's root ${toHex(computed)} at that size`, ...where });
  }
}

const byPosition = (a: { level: number; index: number }, b: { level: number; index: number }) => a.level - b.level || a.index - b.index;

/** The perfect subtrees above the leaves that leaves [from, to) complete: per level, an index range. */
export function completedNodeRanges(from: number, to: number): { level: number; from: number; to: number }[] {
  const ranges = [];
  for (let level = 1, width = 2; width <= to; level++, width *= 2) {
    const lo = Math.floor(from / width);
    const hi = Math.floor(to / width) - 1;
    if (lo <= hi) ranges.push({ level, from: lo, to: hi });
  }
  return ranges;
}

type NodeRow = { level: number; index: number; hash: Buffer };

/** Compares the nodes the recomputation produced with the stored ones, walking both in (level, index) order. */
function checkNodes(computed: StoredNode[], stored: NodeRow[]): number {
  const upper = computed.filter((n) => n.level > 0).sort(byPosition);
  let s = 0;
  for (const n of upper) {
    const node = { level: n.level, index: n.index };
    const row = stored[s];
    if (!row || byPosition(row, n) > 0) fail({ code: 'NODE_MISSING', message: `node (${n.level}, ${n.index}) is missing`, node });
    if (!bytesEqual(row!.hash, n.hash)) fail({ code: 'NODE_MISMATCH', message: `node (${n.level}, ${n.index}) is ${toHex(row!.hash)}, recomputed ${toHex(n.hash)}`, node });
    s++;
  }
  return upper.length;
}

export async function verifyLog(pool: pg.Pool, opts: { keyring?: Keyring; batchSize?: number; witnesses?: { verifierKey: string }[]; quorum?: number } = {}): Promise<VerifyReport> {
  const started = performance.now();
  const progress: Progress = { leaves: 0, nodes: 0, checkpoints: 0 };
  const batchSize = opts.batchSize ?? 50_000;
  try {
    const state = await ledgerStore.loadState(pool);
    if (!state) return fail({ code: 'NO_LOG', message: 'there is no ledger in this database yet' });
    const suite = serverHashSuite(state.hashSuite);
    const logVerifier = createNoteVerifier(state.verifierKey);
    if (opts.keyring) {
      // The published key must be the one whose secret half is sealed by our master key.
      const signer = opts.keyring.open(state.sealedSignerKey).toString('utf8');
      const probe = `${state.origin}\n0\n${Buffer.from(suite.hash(new Uint8Array(0))).toString('base64')}\n`;
      try {
        openNote(signNote(probe, [createNoteSigner(signer)]), [logVerifier]);
      } catch {
        fail({ code: 'LOG_KEY_MISMATCH', message: "the log's verifier key is not the key sealed by this master key" });
      }
    }

    let range: CompactRange = EMPTY_COMPACT_RANGE;
    let checkpointsFrom = -1;
    /** Checks the checkpoints with sizes in (after, upTo] against the tree as it grows. */
    const checkpointsUpTo = async (upTo: number, rootAt: (size: number) => Uint8Array) => {
      const { rows } = await pool.query<{ size: number; rootHash: Buffer; note: string }>(
        `select size, root_hash as "rootHash", note from ledger_checkpoint where size > $1 and size <= $2 order by size`,
        [checkpointsFrom, upTo],
      );
      for (const row of rows) {
        checkCheckpointRow(suite, state.origin, row, rootAt(row.size));
        progress.checkpoints++;
      }
      checkpointsFrom = upTo;
    };
    await checkpointsUpTo(0, () => compactRangeRoot(suite, EMPTY_COMPACT_RANGE));

    // A batch's leaves and the nodes they complete are read while the previous batch is hashed, so
    // the database and this process work side by side.
    const read = (from: number) => ({
      leaves: ledgerStore.leavesFrom(pool, from, batchSize),
      nodes: ledgerStore.nodesInRanges(pool, completedNodeRanges(from, from + batchSize)),
    });
    let next = read(0);
    for (let from = 0; ; ) {
      const rows = await next.leaves;
      let nodes = await next.nodes;
      if (!rows.length) break;
      if (rows.length === batchSize) next = read(from + batchSize);
      // The last, shorter batch completes fewer nodes than were read for a full one.
      else nodes = await ledgerStore.nodesInRanges(pool, completedNodeRanges(from, from + rows.length));
      const hashes: Buffer[] = [];
      for (const [i, row] of rows.entries()) {
        const index = from + i;
        const at = { leafIndex: index };
        if (row.index !== index) fail({ code: 'LEAF_MISSING', message: `leaf ${index} is missing (next stored leaf is ${row.index})`, ...at });
        if (!row.entryDigest) fail({ code: 'ENTRY_MISSING', message: `leaf ${index}: the entry it was made from is missing`, ...at });
        if (!row.sameSubject) fail({ code: 'LEAF_SUBJECT_MISMATCH', message: `leaf ${index}: its subject differs from its entry's`, ...at });
        const leafHash = leafHashOf(suite, row.entryDigest!);
        if (!bytesEqual(leafHash, row.leafHash)) fail({ code: 'LEAF_HASH_MISMATCH', message: `leaf ${index}: stored hash ${toHex(row.leafHash)}, recomputed ${toHex(leafHash)}`, ...at });
        hashes.push(leafHash);
      }
      // Append in segments ending at checkpoint sizes, so every checkpoint's root is checked.
      const end = from + rows.length;
      const { rows: sizes } = await pool.query<{ size: number }>(`select size from ledger_checkpoint where size > $1 and size < $2 order by size`, [from, end]);
      const computed: StoredNode[] = [];
      const roots = new Map<number, Uint8Array>();
      let position = from;
      for (const stop of [...sizes.map((s) => s.size), end]) {
        const appended = appendLeaves(suite, range, hashes.slice(position - from, stop - from));
        range = appended.range;
        computed.push(...appended.nodes);
        roots.set(stop, compactRangeRoot(suite, range));
        position = stop;
      }
      progress.nodes += checkNodes(computed, nodes);
      progress.leaves = end;
      await checkpointsUpTo(end, (size) => roots.get(size)!);
      if (rows.length < batchSize) break;
      from = end;
    }

    const size = range.size;
    const rootHash = compactRangeRoot(suite, range);
    if (size !== state.size) fail({ code: 'SIZE_MISMATCH', message: `the log records ${state.size} leaves, ${size} are stored in sequence`, leafIndex: size });
    if (!bytesEqual(rootHash, state.rootHash)) fail({ code: 'ROOT_MISMATCH', message: `the log's recorded root is not the recomputed root ${toHex(rootHash)}` });
    const counts = await ledgerStore.counts(pool);
    if (counts.leaves !== size) fail({ code: 'EXTRA_LEAVES', message: `${counts.leaves - size} leaves are stored beyond the tree of ${size}`, leafIndex: size });
    if (counts.nodes !== progress.nodes) fail({ code: 'EXTRA_NODES', message: `${counts.nodes - progress.nodes} nodes are stored that no perfect subtree of the tree has` });
    const integrated = await ledgerStore.integratedEntries(pool);
    if (integrated !== size) fail({ code: 'ENTRIES_NOT_ON_LOG', message: `${integrated} entries were sequenced but the log has ${size} leaves: ${integrated - size} are missing from it` });
    const { rows: beyond } = await pool.query<{ size: number }>(`select size from ledger_checkpoint where size > $1 order by size limit 1`, [size]);
    if (beyond[0]) fail({ code: 'CHECKPOINT_BEYOND_TREE', message: `checkpoint ${beyond[0].size} is beyond the stored tree of ${size}`, checkpointSize: beyond[0].size });

    // Signatures: the latest checkpoint by the log, the latest published one by the log and the witnesses.
    const latest = await ledgerStore.latestCheckpoint(pool);
    if (!latest || latest.size !== size) fail({ code: 'CHECKPOINT_MISSING', message: `no checkpoint for the tree of ${size}`, checkpointSize: size });
    try {
      openNote(latest!.note, [logVerifier]);
    } catch (err) {
      fail({ code: 'CHECKPOINT_SIGNATURE_INVALID', message: `checkpoint ${size}: ${(err as Error).message}`, checkpointSize: size });
    }
    const published = await ledgerStore.latestPublished(pool);
    let publishedReport: { size: number; witnesses: string[] } | null = null;
    if (published) {
      try {
        const witnessed = verifyWitnessedCheckpoint(published.cosignedNote!, {
          log: logVerifier,
          witnesses: (opts.witnesses ?? []).map((w) => createNoteVerifier(w.verifierKey)),
          quorum: opts.quorum ?? 0,
          suite,
          origin: state.origin,
        });
        if (parseSignedNote(published.cosignedNote!).text !== parseSignedNote(published.note).text) throw new Error('the cosigned note is not the signed checkpoint');
        publishedReport = { size: witnessed.checkpoint.size, witnesses: witnessed.witnesses.map((w) => w.name) };
      } catch (err) {
        fail({ code: 'PUBLISHED_CHECKPOINT_INVALID', message: `published checkpoint ${published.size}: ${(err as Error).message}`, checkpointSize: published.size });
      }
    }
    return {
      ok: true,
      origin: state.origin,
      hashSuite: suite.name,
      size,
      rootHash: toHex(rootHash),
      leaves: size,
      nodes: progress.nodes,
      checkpoints: progress.checkpoints,
      published: publishedReport,
      ms: Math.round(performance.now() - started),
    };
  } catch (err) {
    if (err instanceof Mismatch) return { ok: false, mismatch: err.detail, checked: progress, ms: Math.round(performance.now() - started) };
    if (isLedgerError(err)) return { ok: false, mismatch: { code: err.code, message: err.message }, checked: progress, ms: Math.round(performance.now() - started) };
    throw err;
  }
}

// All SQL of the ledger. Most methods take a pg pool or client rather than Drizzle: the sequencer
// writes leaves and nodes with COPY (about twice as fast as INSERT for its batches) and a receipt is
// served from one query (and a second for upper nodes the cache lacks), so both stay on the driver.
// Entries are queued through Drizzle, inside the transaction of the outbox consumer that queues them.
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { NodeId } from '@opencourt/ledger';
import type { Executor } from '../db/database.ts';
import type { LedgerKind, SubjectEntry } from './subject.ts';

export type Queryable = pg.Pool | pg.PoolClient;

export type LogState = {
  origin: string;
  hashSuite: string;
  size: number;
  rootHash: Buffer;
  lastTxId: string;
  lastEntryId: number;
  keyName: string;
  verifierKey: string;
  sealedSignerKey: Buffer;
};

export type PendingEntry = { id: number; txId: string; kind: LedgerKind; ref: string; subjectDigest: Buffer };

export type NewLeaf = { index: number; entryId: number; kind: LedgerKind; ref: string; subjectDigest: Buffer; leafHash: Buffer };

export type LeafRow = { index: number; kind: LedgerKind; leafHash: Buffer; integratedAt: Date };

export type StoredCheckpoint = {
  size: number;
  rootHash: Buffer;
  note: string;
  cosignedNote: string | null;
  createdAt: Date;
  publishedAt: Date | null;
};

export type WitnessRow = {
  name: string;
  url: string;
  verifierKey: string;
  knownSize: number;
  failures: number;
  retryAt: Date | null;
  lastError: string | null;
};

/** Advisory lock keys: one sequencer transaction and one witness round at a time, across processes. */
export const SEQUENCER_LOCK = 7_243_101;
export const PUBLISHER_LOCK = 7_243_102;

const CHECKPOINT_COLUMNS = `size, root_hash as "rootHash", note, cosigned_note as "cosignedNote", created_at as "createdAt", published_at as "publishedAt"`;

/** COPY text format: backslash, tab, newline and carriage return escaped; bytea as \x hex. */
const copyText = (value: string) => value.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
const copyBytes = (value: Uint8Array) => `\\\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;

async function copyRows(client: pg.PoolClient, statement: string, lines: string[]): Promise<void> {
  if (!lines.length) return;
  await pipeline(Readable.from([lines.join('')]), client.query(copyFrom(statement)));
}

/** Levels of an inclusion proof read with the leaf; the levels above come from the node cache. */
export const PATH_LEVELS = 8;

/** Node (level, index) as a scalar subquery: level 0 is a leaf hash. */
const nodeHash = (level: number, index: string) =>
  level === 0 ? `(select leaf_hash from ledger_leaf where index = ${index})` : `(select hash from ledger_node where level = ${level} and index = ${index})`;
const levels = Array.from({ length: PATH_LEVELS }, (_, k) => k);

const FIND_RECEIPT_ROWS = `
  select c.size, c.cosigned_note as "cosignedNote",
         l.index, l.kind, l.leaf_hash as "leafHash", l.integrated_at as "integratedAt",
         ${levels.map((k) => `${nodeHash(k, `(l.index >> ${k}) # 1`)} as s${k}`).join(',\n         ')},
         ${levels.map((k) => `case when (c.size >> ${k}) & 1 = 1 then ${nodeHash(k, `(c.size >> ${k}) - 1`)} end as e${k}`).join(',\n         ')}
    from (select 1) one
    left join lateral (select size, cosigned_note from ledger_checkpoint where published_at is not null order by size desc limit 1) c on true
    left join lateral (select index, kind, leaf_hash, integrated_at from ledger_leaf where subject_digest = $1 order by index limit 1) l on true`;

export const ledgerStore = {
  /** Queues entries in the caller's transaction; an entry already queued (same kind and ref) is left as it is. */
  async enqueue(db: Executor, entries: readonly SubjectEntry[]): Promise<void> {
    if (!entries.length) return;
    await db.execute(sql`
      insert into ledger_entry (kind, ref, subject_digest)
      select * from unnest(${sql.param(entries.map((e) => e.kind))}::text[], ${sql.param(entries.map((e) => e.ref))}::text[],
                           ${sql.param(entries.map((e) => e.subjectDigest))}::bytea[])
      on conflict (kind, ref) do nothing`);
  },

  async loadState(q: Queryable, opts: { forUpdate?: boolean } = {}): Promise<LogState | undefined> {
    const { rows } = await q.query<LogState>(
      `select origin, hash_suite as "hashSuite", size, root_hash as "rootHash", last_tx_id as "lastTxId", last_entry_id as "lastEntryId",
              key_name as "keyName", verifier_key as "verifierKey", sealed_signer_key as "sealedSignerKey"
         from ledger_state where id = 1${opts.forUpdate ? ' for update' : ''}`,
    );
    return rows[0];
  },

  /** Creates the log (first start); false when another process created it first. */
  async createState(q: Queryable, s: Pick<LogState, 'origin' | 'hashSuite' | 'rootHash' | 'keyName' | 'verifierKey' | 'sealedSignerKey'>, now: Date): Promise<boolean> {
    const { rowCount } = await q.query(
      `insert into ledger_state (id, origin, hash_suite, size, root_hash, key_name, verifier_key, sealed_signer_key, created_at, updated_at)
       values (1, $1, $2, 0, $3, $4, $5, $6, $7, $7) on conflict (id) do nothing`,
      [s.origin, s.hashSuite, s.rootHash, s.keyName, s.verifierKey, s.sealedSignerKey, now],
    );
    return rowCount === 1;
  },

  /** Changes the hash suite of a log that has no leaves yet. */
  async changeEmptyLogSuite(q: Queryable, hashSuite: string, rootHash: Buffer, now: Date): Promise<void> {
    await q.query(`update ledger_state set hash_suite = $1, root_hash = $2, updated_at = $3 where id = 1 and size = 0`, [hashSuite, rootHash, now]);
    await q.query(`delete from ledger_cosignature where checkpoint_size = 0`);
    await q.query(`delete from ledger_checkpoint where size = 0`);
  },

  async tryLockSequencer(client: pg.PoolClient): Promise<boolean> {
    const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_xact_lock($1) as locked', [SEQUENCER_LOCK]);
    return rows[0]!.locked;
  },

  /**
   * The next queued entries after the cursor that every transaction can see, in (tx_id, id) order,
   * and whether committed entries wait behind a transaction still running.
   */
  async readPending(q: Queryable, cursor: { lastTxId: string; lastEntryId: number }, limit: number): Promise<{ entries: PendingEntry[]; held: boolean }> {
    const { rows } = await q.query<PendingEntry>({
      name: 'ledger_read_pending',
      text: `select id, tx_id::text as "txId", kind, ref, subject_digest as "subjectDigest", tx_id < pg_snapshot_xmin(pg_current_snapshot()) as visible
               from ledger_entry where (tx_id, id) > ($1::xid8, $2::bigint) order by tx_id, id limit $3`,
      values: [cursor.lastTxId, cursor.lastEntryId, limit],
    });
    // Rows are used as they come (no copies: a batch is tens of thousands of them), up to the first invisible one.
    const held = rows.findIndex((r) => !(r as PendingEntry & { visible: boolean }).visible);
    return held < 0 ? { entries: rows, held: false } : { entries: rows.slice(0, held), held: true };
  },

  async writeLeaves(client: pg.PoolClient, leaves: readonly NewLeaf[], at: Date): Promise<void> {
    const when = at.toISOString();
    await copyRows(
      client,
      'copy ledger_leaf (index, entry_id, kind, ref, subject_digest, leaf_hash, integrated_at) from stdin',
      leaves.map((l) => `${l.index}\t${l.entryId}\t${l.kind}\t${copyText(l.ref)}\t${copyBytes(l.subjectDigest)}\t${copyBytes(l.leafHash)}\t${when}\n`),
    );
  },

  /** Stores perfect-subtree hashes above the leaves (level ≥ 1). */
  async writeNodes(client: pg.PoolClient, nodes: readonly { level: number; index: number; hash: Uint8Array }[]): Promise<void> {
    await copyRows(client, 'copy ledger_node (level, index, hash) from stdin', nodes.map((n) => `${n.level}\t${n.index}\t${copyBytes(n.hash)}\n`));
  },

  async insertCheckpoint(q: Queryable, c: { size: number; rootHash: Buffer; note: string; publish: boolean }, now: Date): Promise<void> {
    await q.query(
      `insert into ledger_checkpoint (size, root_hash, note, cosigned_note, created_at, published_at) values ($1, $2, $3, $4, $5, $6)`,
      [c.size, c.rootHash, c.note, c.publish ? c.note : null, now, c.publish ? now : null],
    );
  },

  async advanceState(q: Queryable, s: { size: number; rootHash: Buffer; lastTxId: string; lastEntryId: number }, now: Date): Promise<void> {
    await q.query(`update ledger_state set size = $1, root_hash = $2, last_tx_id = $3::xid8, last_entry_id = $4, updated_at = $5 where id = 1`, [
      s.size,
      s.rootHash,
      s.lastTxId,
      s.lastEntryId,
      now,
    ]);
  },

  /**
   * Reads stored nodes in one query: level 0 from the leaves, higher levels from ledger_node.
   * Returns them keyed `${level}/${index}`; missing nodes are simply absent.
   */
  async readNodes(q: Queryable, ids: readonly NodeId[]): Promise<Map<string, Buffer>> {
    const out = new Map<string, Buffer>();
    if (!ids.length) return out;
    const leaves = ids.filter((n) => n.level === 0).map((n) => n.index);
    const upper = ids.filter((n) => n.level > 0);
    const { rows } = await q.query<{ level: number; index: number; hash: Buffer }>({
      name: 'ledger_read_nodes',
      text: `select 0 as level, index, leaf_hash as hash from ledger_leaf where index = any($1::bigint[])
             union all
             select w.level, w.index, n.hash from unnest($2::smallint[], $3::bigint[]) as w(level, index)
               cross join lateral (select hash from ledger_node n where n.level = w.level and n.index = w.index) n`,
      values: [leaves, upper.map((n) => n.level), upper.map((n) => n.index)],
    });
    for (const r of rows) out.set(`${r.level}/${r.index}`, r.hash);
    return out;
  },

  /**
   * In one round trip, what a receipt needs: the latest published checkpoint, the first leaf recorded
   * for a subject digest (should one digest have been logged twice), and the nodes below PATH_LEVELS
   * its inclusion proof can need: the leaf's siblings, node (k, (index >> k) xor 1), and the tree's
   * right edge, node (k, (size >> k) − 1) where bit k of the size is set. Each is one primary-key look-up.
   */
  async findReceiptRows(
    q: Queryable,
    digest: Buffer,
  ): Promise<{ leaf?: LeafRow; published?: { size: number; cosignedNote: string }; siblings: (Buffer | null)[]; edge: (Buffer | null)[] }> {
    const { rows } = await q.query({ name: 'ledger_find_receipt_rows', text: FIND_RECEIPT_ROWS, values: [digest] });
    const r = rows[0];
    return {
      leaf: r.index !== null ? { index: r.index, kind: r.kind, leafHash: r.leafHash, integratedAt: r.integratedAt } : undefined,
      published: r.size !== null ? { size: r.size, cosignedNote: r.cosignedNote } : undefined,
      siblings: levels.map((k) => r[`s${k}`]),
      edge: levels.map((k) => r[`e${k}`]),
    };
  },

  /** The entry queued for a subject digest, and whether the sequencer has passed it (so it must be on the log). */
  async findEntry(q: Queryable, digest: Buffer): Promise<{ kind: LedgerKind; queuedAt: Date; integrated: boolean } | undefined> {
    const { rows } = await q.query(
      `select e.id, e.kind, e.queued_at as "queuedAt", (e.tx_id, e.id) <= (s.last_tx_id, s.last_entry_id) as integrated
         from ledger_entry e cross join ledger_state s where e.subject_digest = $1`,
      [digest],
    );
    const first = rows.reduce((a, row) => (!a || row.id < a.id ? row : a), undefined);
    return first && { kind: first.kind, queuedAt: first.queuedAt, integrated: first.integrated };
  },

  /** Entries the sequencer has passed: each must have become a leaf. */
  async integratedEntries(q: Queryable): Promise<number> {
    const { rows } = await q.query(
      `select count(*)::bigint as n from ledger_entry e cross join ledger_state s where (e.tx_id, e.id) <= (s.last_tx_id, s.last_entry_id)`,
    );
    return Number(rows[0].n);
  },

  async latestPublished(q: Queryable): Promise<StoredCheckpoint | undefined> {
    const { rows } = await q.query<StoredCheckpoint>({
      name: 'ledger_latest_published',
      text: `select ${CHECKPOINT_COLUMNS} from ledger_checkpoint where published_at is not null order by size desc limit 1`,
    });
    return rows[0];
  },

  async latestCheckpoint(q: Queryable): Promise<StoredCheckpoint | undefined> {
    const { rows } = await q.query<StoredCheckpoint>(`select ${CHECKPOINT_COLUMNS} from ledger_checkpoint order by size desc limit 1`);
    return rows[0];
  },

  async checkpointSizes(q: Queryable): Promise<{ size: number; rootHash: Buffer }[]> {
    const { rows } = await q.query<{ size: number; rootHash: Buffer }>(`select size, root_hash as "rootHash" from ledger_checkpoint order by size`);
    return rows;
  },

  async publish(q: Queryable, size: number, cosignedNote: string, now: Date): Promise<void> {
    await q.query(`update ledger_checkpoint set cosigned_note = $2, published_at = coalesce(published_at, $3) where size = $1`, [size, cosignedNote, now]);
  },

  async cosignatures(q: Queryable, size: number): Promise<{ witness: string; line: string; timestamp: number }[]> {
    const { rows } = await q.query(`select witness, line, timestamp from ledger_cosignature where checkpoint_size = $1 order by witness`, [size]);
    return rows;
  },

  async addCosignature(q: Queryable, c: { size: number; witness: string; line: string; timestamp: number }, now: Date): Promise<void> {
    await q.query(
      `insert into ledger_cosignature (checkpoint_size, witness, line, timestamp, created_at) values ($1, $2, $3, $4, $5)
       on conflict (checkpoint_size, witness) do update set line = excluded.line, timestamp = excluded.timestamp, created_at = excluded.created_at`,
      [c.size, c.witness, c.line, c.timestamp, now],
    );
  },

  /** Records the configured witnesses; a witness's progress survives a change of its URL. */
  async upsertWitnesses(q: Queryable, witnesses: readonly { name: string; url: string; verifierKey: string }[], now: Date): Promise<void> {
    for (const w of witnesses) {
      await q.query(
        `insert into ledger_witness (name, url, verifier_key, updated_at) values ($1, $2, $3, $4)
         on conflict (name) do update set url = excluded.url, verifier_key = excluded.verifier_key,
           known_size = case when ledger_witness.verifier_key = excluded.verifier_key then ledger_witness.known_size else 0 end`,
        [w.name, w.url, w.verifierKey, now],
      );
    }
  },

  async witnesses(q: Queryable, names: readonly string[]): Promise<WitnessRow[]> {
    const { rows } = await q.query<WitnessRow>(
      `select name, url, verifier_key as "verifierKey", known_size as "knownSize", failures, retry_at as "retryAt", last_error as "lastError"
         from ledger_witness where name = any($1::text[]) order by name`,
      [names],
    );
    return rows;
  },

  async witnessSucceeded(q: Queryable, name: string, knownSize: number, now: Date): Promise<void> {
    await q.query(`update ledger_witness set known_size = $2, failures = 0, retry_at = null, last_error = null, updated_at = $3 where name = $1`, [name, knownSize, now]);
  },

  async witnessKnownSize(q: Queryable, name: string, knownSize: number, now: Date): Promise<void> {
    await q.query(`update ledger_witness set known_size = $2, updated_at = $3 where name = $1`, [name, knownSize, now]);
  },

  async witnessFailed(q: Queryable, name: string, error: string, retryAt: Date, now: Date): Promise<number> {
    const { rows } = await q.query<{ failures: number }>(
      `update ledger_witness set failures = failures + 1, last_error = $2, retry_at = $3, updated_at = $4 where name = $1 returning failures`,
      [name, error.slice(0, 2000), retryAt, now],
    );
    return rows[0]?.failures ?? 0;
  },

  /**
   * Leaves [from, from + limit) for `ledger verify`, each with the digest of the entry it was made
   * from and whether its subject (kind, ref, digest) is that entry's; compared in SQL so only what
   * the check needs crosses the wire.
   */
  async leavesFrom(q: Queryable, from: number, limit: number) {
    const { rows } = await q.query<{ index: number; leafHash: Buffer; entryDigest: Buffer | null; sameSubject: boolean | null }>({
      name: 'ledger_verify_leaves',
      text: `select l.index, l.leaf_hash as "leafHash", e.subject_digest as "entryDigest",
                    (l.kind = e.kind and l.ref = e.ref and l.subject_digest = e.subject_digest) as "sameSubject"
               from ledger_leaf l left join ledger_entry e on e.id = l.entry_id
              where l.index >= $1 order by l.index limit $2`,
      values: [from, limit],
    });
    return rows;
  },

  /** Stored nodes in the given per-level index ranges, for `ledger verify`. */
  async nodesInRanges(q: Queryable, ranges: readonly { level: number; from: number; to: number }[]) {
    const { rows } = await q.query<{ level: number; index: number; hash: Buffer }>({
      name: 'ledger_verify_nodes',
      text: `select n.level, n.index, n.hash from unnest($1::smallint[], $2::bigint[], $3::bigint[]) as r(level, lo, hi)
               join ledger_node n on n.level = r.level and n.index between r.lo and r.hi
              order by n.level, n.index`,
      values: [ranges.map((r) => r.level), ranges.map((r) => r.from), ranges.map((r) => r.to)],
    });
    return rows;
  },

  async counts(q: Queryable): Promise<{ leaves: number; nodes: number }> {
    const { rows } = await q.query(`select (select count(*) from ledger_leaf)::bigint as leaves, (select count(*) from ledger_node)::bigint as nodes`);
    return { leaves: Number(rows[0].leaves), nodes: Number(rows[0].nodes) };
  },
};

import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, index, integer, pgTable, primaryKey, smallint, text, unique } from 'drizzle-orm/pg-core';
import { bytea, createdAt, tstz, xid8 } from '../db/columns.ts';

/**
 * What is to be logged: one row per event or file, ever (unique kind + ref), with its 32-byte subject
 * digest (ids and hashes only). The sequencer reads them in (tx_id, id) order from its cursor, as the
 * outbox consumers do, so an entry committed late by a long transaction is never skipped.
 * Append-only: a trigger (migration 0004) refuses UPDATE and DELETE.
 */
export const ledgerEntry = pgTable(
  'ledger_entry',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    txId: xid8('tx_id').notNull().default(sql`pg_current_xact_id()`),
    kind: text('kind').notNull(),
    /** The event id, or the file's content SHA-256 in hex. */
    ref: text('ref').notNull(),
    subjectDigest: bytea('subject_digest').notNull(),
    queuedAt: tstz('queued_at').notNull().defaultNow(),
  },
  (t) => [
    unique('ledger_entry_kind_ref').on(t.kind, t.ref),
    index('ledger_entry_tx_idx').on(t.txId, t.id),
    index('ledger_entry_digest_idx').on(t.subjectDigest),
    check('ledger_entry_kind_check', sql`${t.kind} in ('event', 'file')`),
    check('ledger_entry_digest_check', sql`length(${t.subjectDigest}) = 32`),
  ],
);

/** The log's leaves: leaf `index` has hash H(0x00 || subject digest). Append-only. */
export const ledgerLeaf = pgTable(
  'ledger_leaf',
  {
    index: bigint('index', { mode: 'number' }).primaryKey(),
    entryId: bigint('entry_id', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    ref: text('ref').notNull(),
    subjectDigest: bytea('subject_digest').notNull(),
    leafHash: bytea('leaf_hash').notNull(),
    integratedAt: tstz('integrated_at').notNull(),
  },
  (t) => [index('ledger_leaf_digest_idx').on(t.subjectDigest)],
);

/**
 * Hashes of the tree's perfect subtrees above the leaves: node (level, index) covers leaves
 * [index·2^level, (index+1)·2^level). Level 0 is ledger_leaf.leaf_hash. Any proof reads O(log n)
 * of them. Append-only.
 */
export const ledgerNode = pgTable(
  'ledger_node',
  {
    level: smallint('level').notNull(),
    index: bigint('index', { mode: 'number' }).notNull(),
    hash: bytea('hash').notNull(),
  },
  (t) => [primaryKey({ name: 'ledger_node_pkey', columns: [t.level, t.index] }), check('ledger_node_level_check', sql`${t.level} >= 1`)],
);

/** One row: the log's fixed parameters and where the sequencer stands. */
export const ledgerState = pgTable(
  'ledger_state',
  {
    id: smallint('id').primaryKey().default(1),
    origin: text('origin').notNull(),
    hashSuite: text('hash_suite').notNull(),
    size: bigint('size', { mode: 'number' }).notNull().default(0),
    rootHash: bytea('root_hash').notNull(),
    /** The last integrated entry, in (tx_id, id) order. */
    lastTxId: xid8('last_tx_id').notNull().default(sql`'0'::xid8`),
    lastEntryId: bigint('last_entry_id', { mode: 'number' }).notNull().default(0),
    /** The log's Ed25519 note key: the verifier key in the clear, the signer key sealed by the master key. */
    keyName: text('key_name').notNull(),
    verifierKey: text('verifier_key').notNull(),
    sealedSignerKey: bytea('sealed_signer_key').notNull(),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [check('ledger_state_singleton', sql`${t.id} = 1`)],
);

/** Every checkpoint the log signed (one per batch), and the cosigned note once a quorum cosigned it. */
export const ledgerCheckpoint = pgTable(
  'ledger_checkpoint',
  {
    size: bigint('size', { mode: 'number' }).primaryKey(),
    rootHash: bytea('root_hash').notNull(),
    /** The C2SP signed note with the log's signature. */
    note: text('note').notNull(),
    /** The same note with the witnesses' cosignatures; set when published. */
    cosignedNote: text('cosigned_note'),
    createdAt: createdAt(),
    publishedAt: tstz('published_at'),
  },
  (t) => [index('ledger_checkpoint_published_idx').on(t.size).where(sql`published_at is not null`)],
);

/** A witness's cosignature line on one checkpoint. */
export const ledgerCosignature = pgTable(
  'ledger_cosignature',
  {
    checkpointSize: bigint('checkpoint_size', { mode: 'number' }).notNull(),
    witness: text('witness').notNull(),
    line: text('line').notNull(),
    /** The cosignature's own timestamp (seconds since the epoch). */
    timestamp: bigint('timestamp', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ name: 'ledger_cosignature_pkey', columns: [t.checkpointSize, t.witness] })],
);

/** The log's view of each configured witness: the size it last cosigned, and retries while it is down. */
export const ledgerWitness = pgTable('ledger_witness', {
  name: text('name').primaryKey(),
  url: text('url').notNull(),
  verifierKey: text('verifier_key').notNull(),
  knownSize: bigint('known_size', { mode: 'number' }).notNull().default(0),
  failures: integer('failures').notNull().default(0),
  retryAt: tstz('retry_at'),
  lastError: text('last_error'),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});

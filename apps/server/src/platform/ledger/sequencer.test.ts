import {
  bytesEqual,
  createNoteVerifier,
  fromHex,
  hashLeaf,
  inclusionProof,
  openNote,
  parseCheckpoint,
  parseSignedNote,
  SHA256,
  SM3,
  toHex,
  treeRoot,
  verifyConsistency,
  verifyReceipt,
} from '@opencourt/ledger';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testKeyring, type TestDatabase } from '../../../test/harness.ts';
import { waitFor } from '../../../test/wait.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { ledgerStore } from './ledger.store.ts';
import { LedgerConfigError } from './log-setup.ts';
import { consistencyProofFromStore } from './proofs.ts';
import { drain, enqueue, randomEntries, sequence, tableCount, testLedger, TEST_ORIGIN } from './testing/support.ts';
import { verifyLog } from './verify-log.ts';

const databases: TestDatabase[] = [];
const pools: Database[] = [];
afterAll(async () => {
  for (const p of pools) await p.close();
  for (const d of databases) await d.drop();
});

async function freshDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  databases.push(db);
  return db;
}

/** Leaves in index order, as the library would hash them from the entries' digests. */
async function storedLeaves(db: TestDatabase) {
  const { rows } = await db.pool.query<{ index: number; subject_digest: Buffer; leaf_hash: Buffer; entry_id: number }>('select index, subject_digest, leaf_hash, entry_id from ledger_leaf order by index');
  return rows;
}

describe('sequencer', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await freshDatabase();
  });

  it('creates the log once, with the empty tree signed, and its key sealed by the master key', async () => {
    const keyring = testKeyring();
    const first = await testLedger(db, { keyring }).open();
    const second = await testLedger(db, { keyring }).open();
    expect(second.verifierKey).toBe(first.verifierKey);
    expect(first.verifierKey).toMatch(new RegExp(`^${TEST_ORIGIN}\\+[0-9a-f]{8}\\+`));
    const state = (await ledgerStore.loadState(db.pool))!;
    expect(state.sealedSignerKey.toString('utf8')).not.toContain('PRIVATE+KEY');
    expect(keyring.open(state.sealedSignerKey).toString('utf8')).toMatch(/^PRIVATE\+KEY\+court\.test\/ledger\+/);
    const zero = (await ledgerStore.latestPublished(db.pool))!;
    expect(zero.size).toBe(0);
    const opened = openNote(zero.cosignedNote!, [createNoteVerifier(first.verifierKey)]);
    expect(parseCheckpoint(opened.text)).toMatchObject({ origin: TEST_ORIGIN, size: 0, rootHash: SHA256.hash(new Uint8Array(0)) });
  });

  it('integrates queued entries into leaves, stored nodes and a signed checkpoint per batch', async () => {
    const ledger = testLedger(db, { config: { batchMax: 40 } });
    const { verifierKey } = await ledger.open();
    const entries = randomEntries(100);
    await enqueue(db, entries);
    const outcomes = [];
    for (let i = 0; i < 4; i++) outcomes.push(await sequence(ledger));
    expect(outcomes).toEqual([
      { outcome: 'integrated', added: 40, size: 40, full: true },
      { outcome: 'integrated', added: 40, size: 80, full: true },
      { outcome: 'integrated', added: 20, size: 100, full: false },
      { outcome: 'idle', size: 100 },
    ]);
    const leaves = await storedLeaves(db);
    expect(leaves.map((l) => l.index)).toEqual([...Array(100).keys()]);
    // Queue order is leaf order; each leaf hash is H(0x00 || digest).
    expect(leaves.map((l) => toHex(l.subject_digest))).toEqual(entries.map((e) => e.ref));
    const expectedLeafHashes = entries.map((e) => hashLeaf(SHA256, e.subjectDigest));
    leaves.forEach((l, i) => expect(bytesEqual(l.leaf_hash, expectedLeafHashes[i]!)).toBe(true));
    // Perfect subtrees above the leaves: 100 − popcount(100) of them.
    expect(await tableCount(db.pool, 'ledger_node')).toBe(97);

    const checkpoints = await ledgerStore.checkpointSizes(db.pool);
    expect(checkpoints.map((c) => c.size)).toEqual([0, 40, 80, 100]);
    for (const c of checkpoints) expect(toHex(c.rootHash)).toBe(toHex(treeRoot(SHA256, expectedLeafHashes.slice(0, c.size))));
    const latest = (await ledgerStore.latestPublished(db.pool))!;
    expect(latest.size).toBe(100);
    expect(parseSignedNote(latest.cosignedNote!).signatures).toHaveLength(1);
    openNote(latest.cosignedNote!, [createNoteVerifier(verifierKey)]);
    // Each checkpoint extends the previous one.
    for (const [a, b] of [[40, 80], [80, 100], [0, 100]] as const) {
      const proof = await consistencyProofFromStore(db.pool, SHA256, a, b);
      verifyConsistency(SHA256, { fromSize: a, toSize: b, fromRoot: checkpoints.find((c) => c.size === a)!.rootHash, toRoot: checkpoints.find((c) => c.size === b)!.rootHash, proof });
    }
  });

  it('logs each entry once: queuing the same kind and ref again changes nothing', async () => {
    const ledger = testLedger(db);
    const entries = randomEntries(5);
    await enqueue(db, entries);
    await enqueue(db, [...entries, ...entries]);
    await drain(ledger);
    await enqueue(db, entries);
    expect(await sequence(ledger)).toEqual({ outcome: 'idle', size: 5 });
    expect(await tableCount(db.pool, 'ledger_entry')).toBe(5);
  });

  it('gives every leaf a receipt that verifies offline with the log key (quorum 0)', async () => {
    const ledger = testLedger(db, { config: { batchMax: 13 } });
    const { verifierKey } = await ledger.open();
    const entries = randomEntries(29);
    await enqueue(db, entries);
    await drain(ledger);
    for (const [i, e] of entries.entries()) {
      const found = await ledger.service.receiptFor(e.ref);
      expect(found).toMatchObject({ kind: 'file', leafIndex: i });
      const result = verifyReceipt(JSON.parse(JSON.stringify(found.receipt)), { logVerifierKey: verifierKey, witnessVerifierKeys: [], quorum: 0, leafData: e.subjectDigest, origin: TEST_ORIGIN });
      expect(result).toMatchObject({ ok: true, leafIndex: i, treeSize: 29, leafChecked: 'data' });
    }
  });

  it('serves receipts with large subtrees from memory, identical to those read from the database', async () => {
    const ledger = testLedger(db, { config: { batchMax: 300 } });
    const { verifierKey } = await ledger.open();
    const entries = randomEntries(700); // subtrees of 256 and 512 leaves: levels 8 and 9
    await enqueue(db, entries);
    await drain(ledger);
    const sample = [0, 255, 256, 511, 512, 650, 699].map((i) => entries[i]!);
    const first = await Promise.all(sample.map((e) => ledger.service.receiptFor(e.ref)));
    const again = await Promise.all(sample.map((e) => ledger.service.receiptFor(e.ref)));
    const fresh = await Promise.all(sample.map((e) => testLedger(db).service.receiptFor(e.ref)));
    expect(again).toEqual(first);
    expect(fresh).toEqual(first);
    sample.forEach((e, i) => expect(verifyReceipt(again[i]!.receipt, { logVerifierKey: verifierKey, witnessVerifierKeys: [], quorum: 0, leafData: e.subjectDigest })).toMatchObject({ ok: true, treeSize: 700 }));
  });

  it("reads a receipt's lower proof nodes with its leaf: one query per receipt once the upper levels are cached, the proof the library computes for every leaf", async () => {
    const ledger = testLedger(db, { config: { batchMax: 300 } });
    await ledger.open();
    // 700 = 0b1010111100: the right edge has nodes on levels 2, 3, 4, 5, 7 and 9.
    const entries = randomEntries(700);
    await enqueue(db, entries);
    await drain(ledger);
    const leafHashes = entries.map((e) => hashLeaf(SHA256, e.subjectDigest));
    let queries = 0;
    const counted = new Proxy(db.pool, {
      get: (pool, key) => (key === 'query' ? (...args: Parameters<typeof pool.query>) => (queries++, pool.query(...args)) : Reflect.get(pool, key, pool)),
    });
    const reader = testLedger({ pool: counted });
    // Leaves across the tree, and every leaf under the right edge's incomplete subtrees.
    const sample = [...entries.keys()].filter((i) => i % 7 === 0 || i >= 640 || [255, 256, 511, 512].includes(i));
    for (const pass of ['warm-up', 'cached']) {
      queries = 0;
      for (const i of sample) {
        const { receipt } = await reader.service.receiptFor(entries[i]!.ref);
        expect(receipt.inclusionProof, `leaf ${i}`).toEqual(inclusionProof(SHA256, leafHashes, i, 700).map(toHex));
      }
      if (pass === 'cached') expect(queries).toBe(sample.length);
    }
  });

  it('leaves nothing behind when a batch fails before it commits, and integrates those entries once afterwards', async () => {
    let die = true;
    const ledger = testLedger(db, {
      config: { batchMax: 10 },
      beforeCommit: async () => {
        if (die) throw new Error('process died mid-batch');
      },
    });
    await enqueue(db, randomEntries(25));
    await expect(sequence(ledger)).rejects.toThrow('process died mid-batch');
    expect(await tableCount(db.pool, 'ledger_leaf')).toBe(0);
    expect(await tableCount(db.pool, 'ledger_node')).toBe(0);
    expect((await ledgerStore.loadState(db.pool))!.size).toBe(0);
    expect((await ledgerStore.latestCheckpoint(db.pool))!.size).toBe(0);
    die = false;
    await drain(ledger);
    expect(await tableCount(db.pool, 'ledger_leaf')).toBe(25);
    expect(await verifyLog(db.pool)).toMatchObject({ ok: true, size: 25, checkpoints: 4 });
  });

  it('waits for an entry whose transaction is still open, then takes it in order', async () => {
    const ledger = testLedger(db);
    const [early, late] = [randomEntries(1), randomEntries(1)];
    const open = await db.pool.connect();
    try {
      await open.query('begin');
      await open.query(`insert into ledger_entry (kind, ref, subject_digest) values ('file', $1, $2)`, [early[0]!.ref, early[0]!.subjectDigest]);
      await enqueue(db, late); // commits first, but its transaction began later
      const first = await ledger.sequenceOnce();
      expect(first.outcome).toBe('held');
      await open.query('commit');
    } finally {
      open.release();
    }
    await drain(ledger);
    expect((await storedLeaves(db)).map((l) => toHex(l.subject_digest))).toEqual([early[0]!.ref, late[0]!.ref]);
  });

  it('keeps one consistent log when two processes sequence at the same time', async () => {
    const other = openDatabase(db.url, 6);
    pools.push(other);
    const keyring = testKeyring();
    const a = testLedger(db, { keyring, config: { batchMax: 50, intervalMs: 5 } });
    const b = testLedger(other, { keyring, config: { batchMax: 50, intervalMs: 5 } });
    await a.open();
    a.start();
    b.start();
    const entries = randomEntries(2000);
    try {
      // Queued from several connections while both loops run.
      await Promise.all([0, 1, 2, 3].map(async (k) => {
        for (let i = k * 500; i < (k + 1) * 500; i += 25) await ledgerStore.enqueue(k % 2 ? other.db : db.db, entries.slice(i, i + 25));
      }));
      await waitFor(async () => (await ledgerStore.loadState(db.pool))!.size === 2000, { timeoutMs: 30_000, what: 'both sequencers to integrate everything' });
    } finally {
      await a.stop();
      await b.stop();
    }
    const leaves = await storedLeaves(db);
    expect(new Set(leaves.map((l) => toHex(l.subject_digest))).size).toBe(2000);
    expect(new Set(leaves.map((l) => l.entry_id)).size).toBe(2000);
    const report = await verifyLog(db.pool, { keyring });
    // 2000 = 0b11111010000: the perfect subtrees above the leaves number 2000 − popcount(2000).
    expect(report).toMatchObject({ ok: true, size: 2000, leaves: 2000, nodes: 2000 - 6 });
  });

  it('makes a second process wait while one integrates, and lets it continue the same tree afterwards', async () => {
    const other = openDatabase(db.url, 4);
    pools.push(other);
    const keyring = testKeyring();
    let release!: () => void;
    let inBatch!: () => void;
    const entered = new Promise<void>((r) => (inBatch = r));
    const a = testLedger(db, {
      keyring,
      config: { batchMax: 10 },
      beforeCommit: (size) =>
        size === 10
          ? new Promise<void>((r) => {
              release = r;
              inBatch();
            })
          : Promise.resolve(),
    });
    const b = testLedger(other, { keyring, config: { batchMax: 10 } });
    await a.open();
    await enqueue(db, randomEntries(35));
    const first = sequence(a);
    await entered;
    expect(await b.sequenceOnce()).toEqual({ outcome: 'busy' });
    release();
    expect(await first).toMatchObject({ outcome: 'integrated', size: 10 });
    expect(await sequence(b)).toMatchObject({ outcome: 'integrated', size: 20 });
    expect(await sequence(a)).toMatchObject({ outcome: 'integrated', size: 30 });
    expect(await sequence(b)).toMatchObject({ outcome: 'integrated', size: 35 });
    expect(await verifyLog(db.pool, { keyring })).toMatchObject({ ok: true, size: 35, checkpoints: 5 });
  });

  it('takes SM3 for a new log, and refuses to change the hash or origin once the log has leaves', async () => {
    const keyring = testKeyring();
    await testLedger(db, { keyring }).open(); // created with SHA-256
    const sm3 = testLedger(db, { keyring, config: { hashSuite: 'sm3', hashExplicit: true } });
    expect((await sm3.open()).suite.name).toBe('sm3');
    const entries = randomEntries(3);
    await enqueue(db, entries);
    await drain(sm3);
    const root = (await ledgerStore.loadState(db.pool))!.rootHash;
    expect(toHex(root)).toBe(toHex(treeRoot(SM3, entries.map((e) => hashLeaf(SM3, e.subjectDigest)))));
    await expect(testLedger(db, { keyring, config: { hashSuite: 'sha256', hashExplicit: true } }).open()).rejects.toThrow(LedgerConfigError);
    await expect(testLedger(db, { keyring, config: { origin: 'elsewhere.test/ledger' } }).open()).rejects.toThrow(/origin/);
    // A derived (not explicit) origin yields to the log's own.
    expect((await testLedger(db, { keyring, config: { origin: 'elsewhere.test/ledger', originExplicit: false } }).open()).origin).toBe(TEST_ORIGIN);
    const receipt = (await sm3.service.receiptFor(entries[1]!.ref)).receipt;
    expect(receipt.hashSuite).toBe('sm3');
    expect(verifyReceipt(receipt, { logVerifierKey: (await sm3.open()).verifierKey, witnessVerifierKeys: [], quorum: 0, leafData: fromHex(entries[1]!.ref) })).toMatchObject({ ok: true });
  });
});

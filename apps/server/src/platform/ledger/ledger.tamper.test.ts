// Tampering with the stored log, as someone with full database access could (the append-only
// triggers switched off): `ledger verify` finds it, receipts made from the altered data no longer
// verify (as in a browser, with verifyReceipt), receipts kept from before still do, and the witness
// refuses to cosign the log's next checkpoint when its proof rests on the altered data.
import crypto from 'node:crypto';
import { fromHex, hashLeaf, SHA256, treeRoot, verifyReceipt, type Receipt } from '@opencourt/ledger';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testKeyring, type TestDatabase } from '../../../test/harness.ts';
import type { Keyring } from '../crypto/index.ts';
import { AppError } from '../http/index.ts';
import type { Ledger } from './ledger.ts';
import { ledgerStore } from './ledger.store.ts';
import type { SubjectEntry } from './subject.ts';
import { drain, enqueue, randomEntries, sequence, startTestWitness, tamper, testLedger, TEST_ORIGIN, type RunningWitness } from './testing/support.ts';
import { verifyLog } from './verify-log.ts';

let db: TestDatabase;
let keyring: Keyring;
let witness: RunningWitness;
let ledger: Ledger;
let entries: SubjectEntry[];
/** Receipts handed out before anything was altered, as their holders keep them. */
let kept: Receipt[];
let trust: { logVerifierKey: string; witnessVerifierKeys: string[]; quorum: number; origin: string };

beforeEach(async () => {
  db = await createTestDatabase();
  keyring = testKeyring();
  const { verifierKey } = await testLedger(db, { keyring }).open();
  witness = await startTestWitness([{ origin: TEST_ORIGIN, verifierKey, hashSuite: 'sha256' }]);
  const config = { quorum: 1, witnesses: [{ name: witness.name, url: witness.url, verifierKey: witness.verifierKey }], batchMax: 40 };
  ledger = testLedger(db, { keyring, config, witnessBackoff: { baseMs: 1, maxMs: 1 } });
  entries = randomEntries(101); // an odd size: the last leaf stands alone on the tree's right edge
  await enqueue(db, entries);
  expect(await drain(ledger)).toMatchObject({ outcome: 'published', size: 101 });
  kept = await Promise.all(entries.map(async (e) => (await ledger.service.receiptFor(e.ref)).receipt));
  trust = { logVerifierKey: verifierKey, witnessVerifierKeys: [witness.verifierKey], quorum: 1, origin: TEST_ORIGIN };
});
afterEach(async () => {
  await witness.stop();
  await db.drop();
});

const check = (receipt: unknown, entry: SubjectEntry) => {
  const result = verifyReceipt(receipt, { ...trust, leafData: entry.subjectDigest });
  return result.ok ? 'ok' : result.error.code;
};

/** A receipt the server makes now, or the error code it refuses with. */
async function freshReceipt(entry: SubjectEntry): Promise<Receipt | string> {
  try {
    return (await ledger.service.receiptFor(entry.ref)).receipt;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
}

/** Appends more entries and runs a witness round; returns the witness's last error, if it refused. */
async function nextCheckpoint(on: Ledger = ledger) {
  await enqueue(db, randomEntries(9));
  const outcome = await drain(on);
  const [row] = await ledgerStore.witnesses(db.pool, [witness.name]);
  return { outcome, lastError: row!.lastError };
}

describe('tampering with the stored log', () => {
  it('a changed leaf: verify names it, receipts through it fail, the witness refuses the next checkpoint', async () => {
    await tamper(db.pool, 'update ledger_leaf set leaf_hash = $1 where index = 100', [crypto.randomBytes(32)]);
    expect(await verifyLog(db.pool, { keyring })).toMatchObject({ ok: false, mismatch: { code: 'LEAF_HASH_MISMATCH', leafIndex: 100 } });
    const own = (await freshReceipt(entries[100]!)) as Receipt;
    expect(check(own, entries[100]!)).toBe('RECEIPT_LEAF_MISMATCH');
    expect(verifyReceipt(own, { ...trust, leafHash: own.leafHash })).toMatchObject({ ok: false, error: { code: 'PROOF_MISMATCH' } });
    // Leaf 99's proof uses leaf 100 as a sibling.
    expect(check(await freshReceipt(entries[99]!), entries[99]!)).toBe('PROOF_MISMATCH');
    expect(check(kept[100], entries[100]!)).toBe('ok');

    // A process starting afresh will not build on the altered right edge of the tree at all...
    await enqueue(db, randomEntries(1));
    await expect(sequence(testLedger(db, { keyring }))).rejects.toThrow(/ledger verify/);
    // ...while this one still holds the true edge and signs a correct checkpoint, but its consistency
    // proof reads the altered leaf: the witness will not cosign it.
    const next = await nextCheckpoint();
    expect(next.outcome).toMatchObject({ outcome: 'waiting', size: 111, cosignatures: 0 });
    expect(next.lastError).toMatch(/^422: consistency proof from 101 to 111 does not verify/);
    expect((await ledgerStore.latestPublished(db.pool))!.size).toBe(101);
  });

  it("a changed leaf subject: verify finds it differs from the entry it was made from", async () => {
    await tamper(db.pool, 'update ledger_leaf set subject_digest = $1 where index = 7', [crypto.randomBytes(32)]);
    expect(await verifyLog(db.pool)).toMatchObject({ ok: false, mismatch: { code: 'LEAF_SUBJECT_MISMATCH', leafIndex: 7 } });
    expect(await freshReceipt(entries[7]!)).toBe('LEDGER_DAMAGED');
  });

  it('a deleted leaf: verify names it, neither it nor its neighbour gets a receipt, kept receipts still verify', async () => {
    await tamper(db.pool, 'delete from ledger_leaf where index = 50');
    expect(await verifyLog(db.pool, { keyring })).toMatchObject({ ok: false, mismatch: { code: 'LEAF_MISSING', leafIndex: 50 } });
    expect(await freshReceipt(entries[50]!)).toBe('LEDGER_DAMAGED');
    expect(await freshReceipt(entries[51]!)).toBe('LEDGER_DAMAGED'); // its proof needs leaf 50
    expect(check(kept[50], entries[50]!)).toBe('ok');
    expect(check(kept[51], entries[51]!)).toBe('ok');
  });

  it('a deleted record with the log rebuilt without it: the witness refuses the rewritten history', async () => {
    // Someone with the database and the master key drops entry 50 and re-sequences everything after it:
    // the tree is cut back to leaves 0..49 and the cursor put on entry 50, so it is never logged again.
    const { rows } = await db.pool.query<{ txId: string; id: number }>(
      `select e.tx_id::text as "txId", e.id from ledger_leaf l join ledger_entry e on e.id = l.entry_id where l.index = 50`,
    );
    const rootAt50 = treeRoot(SHA256, entries.slice(0, 50).map((e) => hashLeaf(SHA256, e.subjectDigest)));
    await tamper(db.pool, 'delete from ledger_leaf where index >= 50');
    await tamper(db.pool, 'delete from ledger_node where (index + 1) * (1::bigint << level) > 50');
    await tamper(db.pool, 'delete from ledger_cosignature where checkpoint_size > 50');
    await tamper(db.pool, 'delete from ledger_checkpoint where size > 50');
    await tamper(db.pool, `update ledger_state set size = 50, root_hash = $1, last_tx_id = $2::xid8, last_entry_id = $3`, [Buffer.from(rootAt50), rows[0]!.txId, rows[0]!.id]);
    const rewriter = testLedger(db, { keyring, config: { quorum: 1, witnesses: [{ name: witness.name, url: witness.url, verifierKey: witness.verifierKey }] } });
    // Entries 51..100 come back as leaves 50..99; nine new ones follow.
    const next = await nextCheckpoint(rewriter);
    expect(next.outcome).toMatchObject({ outcome: 'waiting', size: 109, cosignatures: 0 });
    expect(next.lastError).toMatch(/^422: consistency proof from 101 to 109/);
    // Locally the rebuilt tree is self-consistent, but an entry the sequencer passed is not on it.
    expect(await verifyLog(db.pool, { keyring })).toMatchObject({ ok: false, mismatch: { code: 'ENTRIES_NOT_ON_LOG' } });
    expect(await freshReceipt(entries[50]!)).toBe('LEDGER_DAMAGED');
    expect(check(kept[50], entries[50]!)).toBe('ok');
  });

  it('a rewritten node: verify names it, receipts that use it fail, the witness refuses the next checkpoint', async () => {
    // Node (6, 0) is the hash of leaves 0..63: every proof for leaves 64..100 uses it.
    await tamper(db.pool, 'update ledger_node set hash = $1 where level = 6 and index = 0', [crypto.randomBytes(32)]);
    expect(await verifyLog(db.pool, { keyring })).toMatchObject({ ok: false, mismatch: { code: 'NODE_MISMATCH', node: { level: 6, index: 0 } } });
    for (const i of [64, 80, 100]) expect(check(await freshReceipt(entries[i]!), entries[i]!)).toBe('PROOF_MISMATCH');
    expect(check(await freshReceipt(entries[3]!), entries[3]!)).toBe('ok'); // its proof does not use that node
    expect(check(kept[80], entries[80]!)).toBe('ok');
    const next = await nextCheckpoint();
    expect(next.lastError).toMatch(/^422: consistency proof from 101 to 110 does not verify/);
    expect((await ledgerStore.latestPublished(db.pool))!.size).toBe(101);
  });

  it('a deleted node or a forged extra one: verify reports it', async () => {
    await tamper(db.pool, 'delete from ledger_node where level = 2 and index = 5');
    expect(await verifyLog(db.pool)).toMatchObject({ ok: false, mismatch: { code: 'NODE_MISSING', node: { level: 2, index: 5 } } });
    await tamper(db.pool, 'insert into ledger_node (level, index, hash) select 2, 5, $1', [crypto.randomBytes(32)]);
    expect(await verifyLog(db.pool)).toMatchObject({ ok: false, mismatch: { code: 'NODE_MISMATCH', node: { level: 2, index: 5 } } });
  });

  it('the append-only triggers refuse changes made the ordinary way', async () => {
    await expect(db.pool.query('update ledger_leaf set leaf_hash = leaf_hash where index = 1')).rejects.toThrow(/append-only/);
    await expect(db.pool.query('delete from ledger_node')).rejects.toThrow(/append-only/);
    await expect(db.pool.query('truncate ledger_entry')).rejects.toThrow(/append-only/);
    expect(await verifyLog(db.pool, { keyring })).toMatchObject({ ok: true, size: 101, published: { size: 101, witnesses: [] } });
    expect(fromHex(kept[0]!.leafHash)).toHaveLength(32);
  });
});

// npm run bench:ledger — the evidence ledger on PostgreSQL (DATABASE_URL, default
// postgres://root@127.0.0.1:5432/test), in a fresh database:
//   1. appends/s: entries queued the way the outbox consumer queues them, integrated by the real
//      sequencer loop (batches, COPY, one signed checkpoint per batch), until the log holds them all;
//   2. inclusion-proof time p50/p99 at that size (receiptFor: one query for the leaf, its proof's
//      stored nodes below level 8 and the cosigned checkpoint; the upper levels from the node cache,
//      which the warm-up fills), one request at a time;
//   3. `ledger verify` over the whole log.
// Targets: ≥ 20,000 appends/s, proof p99 < 2 ms, verify < 30 s at 1,000,000 leaves.
// BENCH_LEAVES changes the size (default 1,000,000).
import crypto from 'node:crypto';
import { pino } from 'pino';
import { systemClock } from '../apps/server/src/platform/clock/index.ts';
import { createKeyring } from '../apps/server/src/platform/crypto/index.ts';
import { openDatabase } from '../apps/server/src/platform/db/database.ts';
import { migrateDatabase } from '../apps/server/src/platform/db/migrate.ts';
import { createLedger, verifyLog } from '../apps/server/src/platform/ledger/index.ts';
import { ledgerStore } from '../apps/server/src/platform/ledger/ledger.store.ts';
import type { SubjectEntry } from '../apps/server/src/platform/ledger/subject.ts';
import { freshExternalDatabase } from './support/server-process.ts';

const SERVER = process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
const LEAVES = Number(process.env.BENCH_LEAVES ?? 1_000_000);
const QUEUE_CHUNK = 5_000;
const BATCH_MAX = 20_000;
const PROOFS = 5_000;
/** Every SAMPLE_EVERY-th leaf is looked up: the first half of them to warm up, the second half measured. */
const SAMPLE_EVERY = Math.max(1, Math.floor(LEAVES / (2 * PROOFS)));

const fresh = await freshExternalDatabase(SERVER, `oc_bench_ledger_${process.pid}`);
const database = openDatabase(fresh.url, 8);
try {
  await migrateDatabase(database.pool);
  const ledger = createLedger({
    pool: database.pool,
    keyring: createKeyring(crypto.randomBytes(32)),
    clock: systemClock,
    log: pino({ level: 'warn' }),
    config: {
      origin: 'bench.opencourt.local/ledger',
      originExplicit: true,
      hashSuite: 'sha256',
      hashExplicit: true,
      quorum: 0,
      courtName: 'bench',
      witnesses: [],
      batchMax: BATCH_MAX,
      intervalMs: 200,
    },
  });
  await ledger.open();

  // 1. Appends: a producer queues entries in the consumer's chunks while the sequencer loop runs.
  const sample: string[] = [];
  const started = performance.now();
  ledger.start();
  let queued = 0;
  while (queued < LEAVES) {
    const entries: SubjectEntry[] = [];
    for (let i = 0; i < QUEUE_CHUNK && queued + i < LEAVES; i++) {
      const digest = crypto.randomBytes(32);
      if ((queued + i) % SAMPLE_EVERY === 0) sample.push(digest.toString('hex'));
      entries.push({ kind: 'file', ref: digest.toString('hex'), subjectDigest: digest });
    }
    await database.db.transaction((tx) => ledgerStore.enqueue(tx, entries));
    queued += entries.length;
  }
  const queuedMs = performance.now() - started;
  for (;;) {
    const state = await ledgerStore.loadState(database.pool);
    if (state!.size >= LEAVES) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const appendMs = performance.now() - started;
  await ledger.stop();
  const checkpoints = (await ledgerStore.checkpointSizes(database.pool)).length;

  // 2. Inclusion proofs at the full size, once autovacuum would have analysed the freshly loaded
  //    tables and the checkpointer written them out (done here at once, so the figure is the steady
  //    state, not the minutes after a bulk load).
  await database.pool.query('vacuum (analyze) ledger_leaf, ledger_node, ledger_checkpoint, ledger_entry');
  await database.pool.query('checkpoint');
  const warmUp = sample.filter((_, i) => i % 2 === 0);
  const measured = sample.filter((_, i) => i % 2 === 1);
  for (const hex of warmUp) await ledger.service.receiptFor(hex);
  const times: number[] = [];
  for (const hex of measured) {
    const t = performance.now();
    const found = await ledger.service.receiptFor(hex);
    times.push(performance.now() - t);
    if (found.receipt.treeSize !== LEAVES) throw new Error('receipt is not against the full tree');
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!;

  // 3. Full verification.
  const report = await verifyLog(database.pool);
  if (!report.ok) throw new Error(`verify failed: ${JSON.stringify(report.mismatch)}`);

  const appendsPerSecond = LEAVES / (appendMs / 1000);
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log(`\nevidence ledger on ${SERVER.replace(/\/\/[^@]*@/, '//')} (fresh database), ${LEAVES.toLocaleString('en')} leaves`);
  console.log(`  queueing (outbox path, ${QUEUE_CHUNK} per transaction)   ${(LEAVES / (queuedMs / 1000)).toFixed(0).padStart(8)} entries/s`);
  console.log(`  appends through the sequencer (batches ≤ ${BATCH_MAX}, ${checkpoints - 1} signed checkpoints)`);
  console.log(`    queued and integrated end to end          ${appendsPerSecond.toFixed(0).padStart(8)} appends/s  (target ≥ 20,000: ${met(appendsPerSecond >= 20_000)})`);
  console.log(`  inclusion proof (receipt) at ${LEAVES.toLocaleString('en')} leaves, ${times.length} look-ups after ${warmUp.length} to warm up`);
  console.log(`    p50 ${pct(50).toFixed(2)} ms   p99 ${pct(99).toFixed(2)} ms   max ${times[times.length - 1]!.toFixed(2)} ms  (target p99 < 2 ms: ${met(pct(99) < 2)})`);
  console.log(`  ledger verify: ${report.leaves.toLocaleString('en')} leaves, ${report.nodes.toLocaleString('en')} nodes, ${report.checkpoints} checkpoints`);
  console.log(`    ${(report.ms / 1000).toFixed(1)} s  (target < 30 s: ${met(report.ms < 30_000)})`);
} finally {
  await database.close();
  await fresh.drop();
}

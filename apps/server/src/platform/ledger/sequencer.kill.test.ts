// Exactly once when a process really dies mid-batch: a child process is killed with SIGKILL inside
// its batch transaction; the database rolls the batch back and the next batch takes the same entries.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/harness.ts';
import { createKeyring } from '../crypto/index.ts';
import { ledgerStore } from './ledger.store.ts';
import { enqueue, randomEntries, tableCount, testLedger } from './testing/support.ts';
import { verifyLog } from './verify-log.ts';

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testing/die-mid-batch.ts');
let db: TestDatabase;
let child: ReturnType<typeof spawn> | undefined;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  child?.kill('SIGKILL'); // a test that failed before its kill leaves no process behind
  await db.drop();
});

it('integrates a batch exactly once after the process sequencing it was killed before commit', async () => {
  const masterKey = crypto.randomBytes(32).toString('base64');
  const keyring = createKeyring(Buffer.from(masterKey, 'base64'));
  const ledger = testLedger(db, { keyring });
  await ledger.open();
  const entries = randomEntries(300);
  await enqueue(db, entries);

  const proc = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, LEDGER_TEST_DATABASE_URL: db.url, LEDGER_TEST_MASTER_KEY: masterKey },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  let output = '';
  proc.stderr.on('data', (d: Buffer) => (output += d.toString()));
  await new Promise<void>((resolve, reject) => {
    proc.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      if (output.includes('IN_BATCH 300')) resolve();
    });
    proc.once('exit', (code) => reject(new Error(`child exited (${code}) before its batch:\n${output}`)));
  });
  // The child holds the batch's leaves, nodes and checkpoint uncommitted, and the sequencer lock.
  expect(await ledger.sequenceOnce()).toEqual({ outcome: 'busy' });
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGKILL');
  await exited;

  // The server notices the dead connection and rolls back; then this process takes over.
  // 'held' lasts as long as some other transaction in the cluster that began before the entries.
  let outcome;
  const deadline = Date.now() + 45_000;
  do {
    outcome = await ledger.sequenceOnce();
    if (outcome.outcome !== 'busy' && outcome.outcome !== 'held') break;
    await new Promise((r) => setTimeout(r, 25));
  } while (Date.now() < deadline);
  expect(outcome).toEqual({ outcome: 'integrated', added: 300, size: 300, full: false });
  expect(await tableCount(db.pool, 'ledger_leaf')).toBe(300);
  expect((await ledgerStore.checkpointSizes(db.pool)).map((c) => c.size)).toEqual([0, 300]);
  expect(await verifyLog(db.pool, { keyring })).toMatchObject({ ok: true, size: 300 });
}, 120_000);

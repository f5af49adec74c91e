// Test helpers for the ledger: a ledger on a test database, entries to queue, witnesses to run.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { testKeyring, type TestDatabase } from '../../../../test/harness.ts';
import { testLog } from '../../../../test/wait.ts';
import { systemClock } from '../../clock/index.ts';
import type { Keyring } from '../../crypto/index.ts';
import { createLedger, type Ledger, type LedgerConfig, type LedgerDeps } from '../ledger.ts';
import type { SequencerOutcome } from '../sequencer.ts';
import { ledgerStore } from '../ledger.store.ts';
import type { SubjectEntry } from '../subject.ts';
import { createFileStateStore, loadOrCreateWitnessKey } from '../witness/file-store.ts';
import { startWitnessServer, type WitnessServer } from '../witness/server.ts';
import { createWitness, type KnownLog, type Witness } from '../witness/witness.ts';
import { ledgerConfig } from './config.ts';

export { ledgerConfig, TEST_ORIGIN } from './config.ts';

export function testLedger(db: { pool: pg.Pool }, opts: { config?: Partial<LedgerConfig>; keyring?: Keyring } & Partial<Omit<LedgerDeps, 'config' | 'pool' | 'keyring'>> = {}) {
  const { config, keyring, ...deps } = opts;
  return createLedger({ pool: db.pool, keyring: keyring ?? testKeyring(), clock: systemClock, log: testLog(), config: ledgerConfig(config), ...deps });
}

/** File entries for random content: `n` distinct subject digests. */
export function randomEntries(n: number): SubjectEntry[] {
  return Array.from({ length: n }, () => {
    const digest = crypto.randomBytes(32);
    return { kind: 'file' as const, ref: digest.toString('hex'), subjectDigest: digest };
  });
}

export async function enqueue(database: TestDatabase, entries: SubjectEntry[]) {
  await ledgerStore.enqueue(database.db, entries);
}

export type RunningWitness = { witness: Witness; server: WitnessServer; dir: string; verifierKey: string; name: string; url: string; stop(): Promise<void> };

/** A witness process's parts, in this process: its own key and state directory, on a real port. */
export async function startTestWitness(logs: KnownLog[], opts: { dir?: string; port?: number; name?: string } = {}): Promise<RunningWitness> {
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'oc-witness-'));
  const signerKey = await loadOrCreateWitnessKey(dir, opts.name);
  const witness = createWitness({ signerKey, logs, store: createFileStateStore(dir) });
  const server = await startWitnessServer(witness, { port: opts.port ?? 0 });
  return { witness, server, dir, verifierKey: witness.verifierKey, name: witness.name, url: server.url, stop: () => server.close() };
}

export const tableCount = async (pool: pg.Pool, table: string): Promise<number> =>
  Number((await pool.query(`select count(*)::bigint as n from ${table}`)).rows[0].n);

/** Changes what the append-only triggers protect, as someone with full database access could. */
export async function tamper(pool: pg.Pool, statement: string, params: unknown[] = []) {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(`set local session_replication_role = replica`);
    await client.query(statement, params);
    await client.query('commit');
  } finally {
    client.release();
  }
}

/**
 * One sequencer batch, looked at again while entries are held back. Transaction ids are cluster-wide:
 * a transaction of another test file's database briefly holds visible entries back.
 */
export async function sequence(ledger: { sequenceOnce(): Promise<SequencerOutcome> }): Promise<SequencerOutcome> {
  for (let tries = 0; ; tries++) {
    const outcome = await ledger.sequenceOnce();
    if (outcome.outcome !== 'held' || tries > 1000) return outcome;
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Sequences until nothing is left (held entries waited for), then runs one witness round. */
export async function drain(ledger: Ledger) {
  while (true) {
    const outcome = await sequence(ledger);
    if (outcome.outcome === 'idle') break;
  }
  return ledger.publishOnce();
}

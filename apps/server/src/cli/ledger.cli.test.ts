// `opencourt ledger …` and `opencourt witness` as an operator runs them: the real launcher in a child
// process, against a test database holding a log.
import { execFile, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  consistencyProof,
  createNoteSigner,
  createNoteVerifier,
  formatCheckpoint,
  generateKeyPair,
  hashLeaf,
  openNote,
  SHA256,
  signNote,
  treeRoot,
  verifyReceipt,
} from '@opencourt/ledger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/harness.ts';
import { createKeyring } from '../platform/crypto/index.ts';
import { drain, enqueue, randomEntries, tamper, testLedger, TEST_ORIGIN } from '../platform/ledger/testing/support.ts';
import { formatAddCheckpoint } from '../platform/ledger/witness/protocol.ts';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/opencourt.mjs');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-ledger-cli-'));
const masterKey = crypto.randomBytes(32).toString('base64');
let db: TestDatabase;
const entries = randomEntries(50);
let logVerifierKey: string;

type Run = { code: number; stdout: string; stderr: string };
function opencourt(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { PATH: process.env.PATH ?? '', HOME: work, LOG_LEVEL: 'silent', DATA_DIR: path.join(work, 'data'), ...env }, timeout: 60_000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}
const withDb = () => ({ DATABASE_URL: db.url, MASTER_KEY: masterKey });

beforeAll(async () => {
  db = await createTestDatabase();
  const ledger = testLedger(db, { keyring: createKeyring(Buffer.from(masterKey, 'base64')), config: { batchMax: 16 } });
  logVerifierKey = (await ledger.open()).verifierKey;
  await enqueue(db, entries);
  await drain(ledger);
});
afterAll(async () => {
  await db?.drop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('opencourt ledger', () => {
  it('root: the RFC 6962 root of the given leaf data, with SHA-256 or SM3', async () => {
    const vectors = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
    const run = await opencourt(['ledger', 'root', ...vectors]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ hashSuite: 'sha256', size: 8, rootHash: '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328' });
    expect(JSON.parse((await opencourt(['ledger', 'root'])).stdout).rootHash).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(JSON.parse((await opencourt(['ledger', 'root', '--hash', 'sm3', 'abcd'])).stdout)).toMatchObject({ hashSuite: 'sm3', size: 1 });
    for (const bad of [['ledger', 'root', 'xyz'], ['ledger', 'root', '--hash', 'md5', '00'], ['ledger', 'frobnicate'], ['ledger']]) {
      const wrong = await opencourt(bad);
      expect(wrong.code, bad.join(' ')).toBe(2);
      expect(wrong.stderr).toContain('Usage: opencourt ledger root');
    }
  });

  it('receipt: prints a receipt that verifies offline, and refuses an unknown hash', async () => {
    const run = await opencourt(['ledger', 'receipt', entries[17]!.ref], withDb());
    expect(run.code, run.stderr).toBe(0);
    const result = verifyReceipt(JSON.parse(run.stdout), { logVerifierKey, witnessVerifierKeys: [], quorum: 0, leafData: entries[17]!.subjectDigest, origin: TEST_ORIGIN });
    expect(result).toMatchObject({ ok: true, leafIndex: 17, treeSize: 50 });
    const unknown = await opencourt(['ledger', 'receipt', 'f'.repeat(64)], withDb());
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('没有哈希为');
  });

  it('verify: OK with counts, then the first mismatch and exit 1 once a node is altered', async () => {
    const ok = await opencourt(['ledger', 'verify'], withDb());
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, origin: TEST_ORIGIN, size: 50, leaves: 50, nodes: 47, checkpoints: 5, published: { size: 50 } });
    await tamper(db.pool, 'update ledger_node set hash = $1 where level = 3 and index = 2', [crypto.randomBytes(32)]);
    const bad = await opencourt(['ledger', 'verify', '--batch', '7'], withDb());
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, mismatch: { code: 'NODE_MISMATCH', node: { level: 3, index: 2 } } });
    expect(bad.stderr).toContain('账本校验失败 / ledger verification failed: node (3, 2)');
  });
});

describe('opencourt witness', () => {
  const dir = path.join(work, 'witness');
  const origin = 'court.test/other-ledger';
  const log = generateKeyPair(origin);
  const leaves = Array.from({ length: 12 }, (_, i) => hashLeaf(SHA256, new Uint8Array([i])));
  const note = (size: number) => signNote(formatCheckpoint({ origin, size, rootHash: treeRoot(SHA256, leaves.slice(0, size)), extensions: [] }), [createNoteSigner(log.signerKey)]);

  /** Starts the witness command; resolves with its first output line and a way to stop it. */
  async function startWitnessCommand(args: string[]) {
    const child = spawn(process.execPath, [bin, 'witness', '--port', '0', '--data', dir, ...args], { env: { PATH: process.env.PATH ?? '', HOME: work }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const started = await new Promise<{ url: string; name: string; verifierKey: string; logs: string[] }>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!));
      });
      child.once('exit', (code) => reject(new Error(`witness exited (${code}): ${err}`)));
    });
    return {
      ...started,
      async stop() {
        const exited = new Promise<number | null>((r) => child.once('exit', r));
        child.kill('SIGTERM');
        return exited;
      },
    };
  }

  it('generates its key, cosigns the logs it is told of, and keeps key, logs and state across restarts', async () => {
    const first = await startWitnessCommand(['--name', 'notary.test/witness', '--log-key', log.verifierKey, '--origin', origin]);
    expect(first).toMatchObject({ name: 'notary.test/witness', logs: [origin], verifierKey: expect.stringMatching(/^notary\.test\/witness\+[0-9a-f]{8}\+/) });
    const res = await fetch(`${first.url}/add-checkpoint`, { method: 'POST', body: formatAddCheckpoint({ oldSize: 0, proof: [], note: note(8) }) });
    expect(res.status).toBe(200);
    openNote(note(8) + (await res.text()), [createNoteVerifier(first.verifierKey)]);
    // A second process on the same data directory is refused.
    const clash = await opencourt(['witness', '--port', '0', '--data', dir]);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toContain('another witness');
    expect(await first.stop()).toBe(0);

    const again = await startWitnessCommand([]);
    expect(again).toMatchObject({ name: 'notary.test/witness', verifierKey: first.verifierKey, logs: [origin] });
    const stale = await fetch(`${again.url}/add-checkpoint`, { method: 'POST', body: formatAddCheckpoint({ oldSize: 0, proof: [], note: note(12) }) });
    expect([stale.status, await stale.text()]).toEqual([409, '8\n']);
    const grown = await fetch(`${again.url}/add-checkpoint`, { method: 'POST', body: formatAddCheckpoint({ oldSize: 8, proof: consistencyProof(SHA256, leaves, 8, 12), note: note(12) }) });
    expect(grown.status).toBe(200);
    expect(await again.stop()).toBe(0);
  });

  it('explains what is missing', async () => {
    const noPort = await opencourt(['witness', '--data', dir]);
    expect(noPort.code).toBe(2);
    expect(noPort.stderr).toContain('--port');
    const unpaired = await opencourt(['witness', '--port', '0', '--data', dir, '--log-key', log.verifierKey]);
    expect(unpaired.code).toBe(2);
    expect(unpaired.stderr).toContain('--log-key 与 --origin 须成对出现');
  });
});

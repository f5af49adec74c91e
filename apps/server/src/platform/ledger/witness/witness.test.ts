import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  consistencyProof,
  createNoteSigner,
  createNoteVerifier,
  formatCheckpoint,
  generateKeyPair,
  hashLeaf,
  NOTE_KEY_TYPE,
  openNote,
  SHA256,
  signNote,
  treeRoot,
  verifyWitnessedCheckpoint,
} from '@opencourt/ledger';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileStateStore, loadKnownLogs, loadOrCreateWitnessKey } from './file-store.ts';
import { formatAddCheckpoint, parseAddCheckpoint } from './protocol.ts';
import { startWitnessServer } from './server.ts';
import { createWitness } from './witness.ts';

const ORIGIN = 'court.test/ledger';
const logKey = generateKeyPair(ORIGIN);
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-witness-test-'));
  dirs.push(dir);
  return dir;
}

/** A log as the witness sees it: leaf hashes, signed checkpoints and consistency proofs. */
function makeLog(seed: string, signerKey = logKey.signerKey) {
  const leaves: Uint8Array[] = [];
  return {
    leaves,
    grow(n: number) {
      for (let i = 0; i < n; i++) leaves.push(hashLeaf(SHA256, crypto.createHash('sha256').update(`${seed}/${leaves.length}`).digest()));
    },
    checkpoint(size = leaves.length) {
      const text = formatCheckpoint({ origin: ORIGIN, size, rootHash: treeRoot(SHA256, leaves.slice(0, size)), extensions: [] });
      return signNote(text, [createNoteSigner(signerKey)]);
    },
    /** The add-checkpoint body from `oldSize` to the tree now. */
    body(oldSize: number, size = leaves.length) {
      return formatAddCheckpoint({ oldSize, proof: consistencyProof(SHA256, leaves, oldSize, size), note: this.checkpoint(size) });
    },
  };
}

async function newWitness(dir = tempDir()) {
  const signerKey = await loadOrCreateWitnessKey(dir, 'witness.test/w1');
  return { dir, witness: createWitness({ signerKey, logs: [{ origin: ORIGIN, verifierKey: logKey.verifierKey, hashSuite: 'sha256' }], store: createFileStateStore(dir) }) };
}

describe('witness (c2sp.org/tlog-witness)', () => {
  it('cosigns a first checkpoint from old size 0, then each one that extends it, with timestamped cosignatures', async () => {
    const { witness } = await newWitness();
    const log = makeLog('a');
    log.grow(7);
    const first = await witness.addCheckpoint(log.body(0));
    expect(first).toMatchObject({ status: 200, contentType: 'text/plain; charset=utf-8' });
    expect(first.body).toMatch(/^— witness\.test\/w1 [A-Za-z0-9+/=]+\n$/);
    const cosigned = log.checkpoint() + first.body;
    const verified = verifyWitnessedCheckpoint(cosigned, {
      log: createNoteVerifier(logKey.verifierKey),
      witnesses: [createNoteVerifier(witness.verifierKey)],
      quorum: 1,
      origin: ORIGIN,
    });
    expect(verified.witnesses).toEqual([{ name: 'witness.test/w1', keyId: expect.any(Number), timestamp: expect.any(Number) }]);
    expect(Math.abs(verified.witnesses[0]!.timestamp - Date.now() / 1000)).toBeLessThan(60);

    for (const grow of [1, 8, 16, 100]) {
      const old = log.leaves.length;
      log.grow(grow);
      expect((await witness.addCheckpoint(log.body(old))).status).toBe(200);
    }
    // The same checkpoint again is fine (old size = size, same root, empty proof).
    expect((await witness.addCheckpoint(log.body(132))).status).toBe(200);
    expect(await witness.describe()).toMatchObject({ name: 'witness.test/w1', logs: [{ origin: ORIGIN, size: 132 }] });
  });

  it('answers 409 with its size when the old size is not the one it cosigned, and the log can retry from there', async () => {
    const { witness } = await newWitness();
    const log = makeLog('b');
    log.grow(10);
    await witness.addCheckpoint(log.body(0));
    log.grow(5);
    const stale = await witness.addCheckpoint(log.body(4));
    expect(stale).toEqual({ status: 409, contentType: 'text/x.tlog.size', body: '10\n' });
    expect((await witness.addCheckpoint(log.body(10))).status).toBe(200);
  });

  it('refuses to go back to a smaller tree (409 with its current size)', async () => {
    const { witness } = await newWitness();
    const log = makeLog('c');
    log.grow(20);
    await witness.addCheckpoint(log.body(0));
    expect(await witness.addCheckpoint(log.body(12, 12))).toEqual({ status: 409, contentType: 'text/x.tlog.size', body: '20\n' });
    expect(await witness.addCheckpoint(formatAddCheckpoint({ oldSize: 20, proof: [], note: log.checkpoint(12) }))).toMatchObject({ status: 409, body: '20\n' });
  });

  it('refuses a fork: another tree of the same size (409), or a larger tree that does not extend its own (422), and keeps the request as evidence', async () => {
    const { witness, dir } = await newWitness();
    const honest = makeLog('honest');
    const forked = makeLog('forked'); // same origin and log key, different leaves
    honest.grow(30);
    forked.grow(30);
    await witness.addCheckpoint(honest.body(0));
    expect(await witness.addCheckpoint(forked.body(30))).toMatchObject({ status: 409, body: '30\n' });
    forked.grow(10);
    const bigger = await witness.addCheckpoint(forked.body(30));
    expect(bigger.status).toBe(422);
    expect(bigger.body).toContain('consistency proof from 30 to 40 does not verify');
    // A proof tampered with in transit is refused the same way.
    honest.grow(10);
    const request = parseAddCheckpoint(honest.body(30));
    request.proof[0] = new Uint8Array(32).fill(1);
    expect((await witness.addCheckpoint(formatAddCheckpoint(request))).status).toBe(422);
    expect(fs.readdirSync(path.join(dir, 'evidence'))).toHaveLength(3);
    // The honest log carries on.
    expect((await witness.addCheckpoint(honest.body(30))).status).toBe(200);
  });

  it('answers 404 for an unknown log, 403 for a checkpoint not signed by the log key, 400 for a malformed request', async () => {
    const { witness } = await newWitness();
    const log = makeLog('d');
    log.grow(3);
    const otherOrigin = signNote(formatCheckpoint({ origin: 'other.test/log', size: 3, rootHash: treeRoot(SHA256, log.leaves), extensions: [] }), [createNoteSigner(generateKeyPair('other.test/log').signerKey)]);
    expect((await witness.addCheckpoint(formatAddCheckpoint({ oldSize: 0, proof: [], note: otherOrigin }))).status).toBe(404);
    // Signed by an impostor's key with the log's name: no trusted signature.
    const impostor = makeLog('d', generateKeyPair(ORIGIN).signerKey);
    impostor.grow(3);
    expect((await witness.addCheckpoint(impostor.body(0))).status).toBe(403);
    // The log's key, but a signature that does not verify.
    const note = log.checkpoint();
    const broken = note.replace(/ (\S+)\n$/, (_m, sig: string) => ` ${sig.slice(0, 10)}${sig[10] === 'A' ? 'B' : 'A'}${sig.slice(11)}\n`);
    expect((await witness.addCheckpoint(formatAddCheckpoint({ oldSize: 0, proof: [], note: broken }))).status).toBe(403);
    for (const body of ['', 'old 1\n', 'new 0\n\n' + note, 'old 01\n\n' + note, 'old 0\n!!!\n\n' + note, `old 5\n\n${note}`]) {
      expect((await witness.addCheckpoint(body)).status, JSON.stringify(body.slice(0, 20))).toBe(400);
    }
    expect((await witness.describe()).logs[0]!.size).toBe(0);
  });

  it('keeps its state and key across restarts', async () => {
    const dir = tempDir();
    const log = makeLog('e');
    log.grow(9);
    const first = await newWitness(dir);
    await first.witness.addCheckpoint(log.body(0));
    const again = await newWitness(dir);
    expect(again.witness.verifierKey).toBe(first.witness.verifierKey);
    expect(await again.witness.addCheckpoint(log.body(0))).toMatchObject({ status: 409, body: '9\n' });
    await expect(loadOrCreateWitnessKey(dir, 'another-name')).rejects.toThrow(/cannot change/);
    expect(fs.statSync(path.join(dir, 'witness.key')).mode & 0o777).toBe(0o600);
  });

  it('checks and records one request at a time per log, so two racing requests cannot roll it back', async () => {
    const { witness } = await newWitness();
    const log = makeLog('f');
    log.grow(10);
    const small = log.body(0, 10);
    log.grow(10);
    const large = log.body(0, 20);
    const answers = await Promise.all([witness.addCheckpoint(large), witness.addCheckpoint(small)]);
    expect(answers.map((a) => a.status)).toEqual([200, 409]);
    expect((await witness.describe()).logs[0]!.size).toBe(20);
  });

  it('speaks the protocol over HTTP', async () => {
    const { witness } = await newWitness();
    const server = await startWitnessServer(witness, { port: 0 });
    try {
      const log = makeLog('g');
      log.grow(4);
      const res = await fetch(`${server.url}/add-checkpoint`, { method: 'POST', body: log.body(0) });
      expect(res.status).toBe(200);
      const line = await res.text();
      openNote(log.checkpoint() + line, [createNoteVerifier(witness.verifierKey)]);
      const conflict = await fetch(`${server.url}/add-checkpoint`, { method: 'POST', body: log.body(0) });
      expect([conflict.status, conflict.headers.get('content-type'), await conflict.text()]).toEqual([409, 'text/x.tlog.size', '4\n']);
      expect((await fetch(`${server.url}/add-checkpoint`)).status).toBe(405);
      expect((await fetch(`${server.url}/nothing`)).status).toBe(404);
      expect(await (await fetch(server.url)).json()).toMatchObject({ name: 'witness.test/w1', verifierKey: witness.verifierKey });
    } finally {
      await server.close();
    }
  });

  it('refuses keys of the wrong kind and remembers the logs it was told to follow', async () => {
    expect(() => createWitness({ signerKey: generateKeyPair('w', NOTE_KEY_TYPE.ed25519).signerKey, logs: [], store: createFileStateStore(tempDir()) })).toThrow(/cosignature/);
    const dir = tempDir();
    await loadKnownLogs(dir, [{ origin: ORIGIN, verifierKey: logKey.verifierKey, hashSuite: 'sha256' }]);
    expect(await loadKnownLogs(dir, [])).toEqual([{ origin: ORIGIN, verifierKey: logKey.verifierKey, hashSuite: 'sha256' }]);
    await expect(loadKnownLogs(dir, [{ origin: 'x', verifierKey: 'not+a+key', hashSuite: 'sha256' }])).rejects.toThrow();
  });
});

// The ledger in the running app: events and uploaded files get receipts through the outbox and the
// sequencer, cosigned by two witness servers on real ports; the public API and its bad-input answers;
// a witness that is down holds publication back until it returns.
import { createHash } from 'node:crypto';
import {
  createNoteVerifier,
  fromHex,
  parseCheckpoint,
  parseSignedNote,
  SHA256,
  verifyConsistency,
  verifyReceipt,
  verifyWitnessedCheckpoint,
} from '@opencourt/ledger';
import type { TInclusion, TLedgerKeys } from '@opencourt/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParty, createTestDatabase, loginWithSms, startTestApp, testKeyring, type Session, type TestContext, type TestDatabase } from '../../../test/harness.ts';
import { waitFor } from '../../../test/wait.ts';
import { multipartBody } from '../blobs/multipart-body.ts';
import { SAMPLES } from '../blobs/sample-files.ts';
import { eventSubjectDigest } from './subject.ts';
import { startTestWitness, testLedger, TEST_ORIGIN, type RunningWitness } from './testing/support.ts';

let db: TestDatabase;
let ctx: TestContext;
let party: Session;
const witnesses: RunningWitness[] = [];
let logVerifierKey: string;

beforeAll(async () => {
  // The log exists before its witnesses are told its key, as in a real deployment.
  db = await createTestDatabase();
  const keyring = testKeyring();
  logVerifierKey = (await testLedger(db, { keyring }).open()).verifierKey;
  for (const name of ['witness.test/notary', 'witness.test/appraisal']) {
    witnesses.push(await startTestWitness([{ origin: TEST_ORIGIN, verifierKey: logVerifierKey, hashSuite: 'sha256' }], { name }));
  }
  const started = await startTestApp({
    config: {
      LEDGER_ORIGIN: TEST_ORIGIN,
      LEDGER_WITNESSES: witnesses.map((w) => `${w.url}|${w.verifierKey}`).join(','),
      LEDGER_WITNESS_QUORUM: '2',
      LEDGER_BATCH_INTERVAL_MS: '50',
      LEDGER_COURT_NAME: '测试法院',
    },
    deps: { database: db, keyring, jobs: { consumerPollMs: 50 } },
  });
  // The app runs on our database (the harness's own, unused, is dropped on close).
  ctx = { ...started, database: db, keyring };
  party = await loginWithSms(ctx, (await createParty(ctx)).phone);
});
afterAll(async () => {
  await ctx?.close();
  for (const w of witnesses) await w.stop();
  await db?.drop();
});

const get = (url: string) => ctx.app.inject({ method: 'GET', url });

async function upload(content: Buffer, filename = 'evidence.png') {
  const body = multipartBody([{ name: 'file', filename, content }]);
  const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/files', headers: { ...party.headers, ...body.headers }, payload: body.payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; sha256: string };
}

/** Waits until the digest has a receipt in a published checkpoint. */
async function inclusion(hex: string): Promise<TInclusion> {
  return waitFor(
    async () => {
      const res = await get(`/api/v1/ledger/proof/inclusion?hash=${hex}`);
      return res.statusCode === 200 ? (res.json() as TInclusion) : undefined;
    },
    { timeoutMs: 20_000, what: `a receipt for ${hex}` },
  );
}

async function keys(): Promise<TLedgerKeys> {
  return (await get('/api/v1/ledger/keys')).json();
}

const trustFrom = (k: TLedgerKeys) => ({ logVerifierKey: k.log.verifierKey, witnessVerifierKeys: k.witnesses.map((w) => w.verifierKey), quorum: k.quorum, origin: k.origin });

describe('the ledger in the app', () => {
  it('publishes the keys: the log, the witnesses and the quorum, in C2SP verifier-key form', async () => {
    expect(await keys()).toEqual({
      origin: TEST_ORIGIN,
      hashSuite: 'sha256',
      court: { name: '测试法院' },
      log: { name: TEST_ORIGIN, verifierKey: logVerifierKey },
      witnesses: witnesses.map((w) => ({ name: w.name, verifierKey: w.verifierKey })),
      quorum: 2,
    });
  });

  it("gives an uploaded file and its event receipts that verify offline with the log's and witnesses' keys", async () => {
    const file = await upload(SAMPLES.png);
    const k = await keys();
    const fileProof = await inclusion(file.sha256);
    expect(fileProof).toMatchObject({ kind: 'file', leafIndex: expect.any(Number), recordedAt: expect.stringMatching(/Z$/) });
    const verified = verifyReceipt(fileProof.receipt, { ...trustFrom(k), leafData: createHash('sha256').update(SAMPLES.png).digest() });
    expect(verified).toMatchObject({ ok: true, leafChecked: 'data', origin: TEST_ORIGIN });
    expect(verified.ok && verified.witnessedBy.map((w) => w.name).sort()).toEqual(witnesses.map((w) => w.name).sort());

    // The file.stored event is on the log too, by the digest of its ids and hashes.
    const { rows } = await db.pool.query(`select id, type, aggregate_type as "aggregateType", aggregate_id as "aggregateId", occurred_at as "occurredAt", payload from domain_event where type = 'file.stored' and aggregate_id = $1`, [file.id]);
    const digest = eventSubjectDigest(rows[0]);
    const eventProof = await inclusion(digest.toString('hex'));
    expect(eventProof.kind).toBe('event');
    expect(verifyReceipt(eventProof.receipt, { ...trustFrom(k), leafData: digest })).toMatchObject({ ok: true });

    // The same receipt as a file to keep.
    const download = await get(`/api/v1/ledger/receipts/${file.sha256.toUpperCase()}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toBe(`attachment; filename="receipt-${file.sha256.slice(0, 16)}.json"`);
    expect(download.headers['content-type']).toMatch(/^application\/json/);
    expect(verifyReceipt(download.json(), { ...trustFrom(k), leafHash: fileProof.receipt.leafHash })).toMatchObject({ ok: true });
  });

  it('serves the latest cosigned checkpoint as text, and consistency proofs between published sizes', async () => {
    const first = await get('/api/v1/ledger/checkpoint');
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('text/plain; charset=utf-8');
    const k = await keys();
    const policy = { log: createNoteVerifier(k.log.verifierKey), witnesses: k.witnesses.map((w) => createNoteVerifier(w.verifierKey)), quorum: 2, origin: TEST_ORIGIN };
    const a = verifyWitnessedCheckpoint(first.body, policy).checkpoint;

    const later = await upload(Buffer.concat([SAMPLES.png, Buffer.from('another copy')]), 'second.png');
    await inclusion(later.sha256);
    const b = verifyWitnessedCheckpoint((await get('/api/v1/ledger/checkpoint')).body, policy).checkpoint;
    expect(b.size).toBeGreaterThan(a.size);
    const res = await get(`/api/v1/ledger/proof/consistency?from=${a.size}&to=${b.size}`);
    expect(res.statusCode).toBe(200);
    const { proof } = res.json() as { proof: string[] };
    verifyConsistency(SHA256, {
      fromSize: a.size,
      toSize: b.size,
      fromRoot: a.rootHash,
      toRoot: b.rootHash,
      proof: proof.map(fromHex),
    });
  });

  it('documents its endpoints in the OpenAPI description', async () => {
    const doc = (await get('/api/docs/json')).json() as { paths: Record<string, unknown> };
    for (const path of ['checkpoint', 'keys', 'proof/inclusion', 'proof/consistency', 'receipts/{hash}']) expect(Object.keys(doc.paths)).toContain(`/api/v1/ledger/${path}`);
  });

  it('answers bad input with 400 and field pointers, an unknown hash with 404', async () => {
    const cases: [string, string][] = [
      ['/api/v1/ledger/proof/inclusion?hash=xyz', '/querystring/hash'],
      [`/api/v1/ledger/proof/inclusion?hash=${'a'.repeat(63)}`, '/querystring/hash'],
      [`/api/v1/ledger/proof/inclusion?hash=${'g'.repeat(64)}`, '/querystring/hash'],
      ['/api/v1/ledger/proof/inclusion', '/querystring/hash'],
      ['/api/v1/ledger/proof/consistency?from=5&to=3', '/querystring/from'],
      ['/api/v1/ledger/proof/consistency?from=-1&to=3', '/querystring/from'],
      ['/api/v1/ledger/proof/consistency?from=1&to=x', '/querystring/to'],
      ['/api/v1/ledger/proof/consistency?from=1&to=99999999', '/querystring/to'],
      ['/api/v1/ledger/receipts/1234', '/params/hash'],
    ];
    for (const [url, pointer] of cases) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().errors.map((e: { pointer: string }) => e.pointer), url).toContain(pointer);
    }
    const unknown = await get(`/api/v1/ledger/proof/inclusion?hash=${'0'.repeat(64)}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'LEDGER_ENTRY_UNKNOWN', status: 404 });
    expect((await get(`/api/v1/ledger/receipts/${'0'.repeat(64)}`)).statusCode).toBe(404);
  });

  it('holds publication while a witness is down (202 for new records), retries it, and publishes when it returns', async () => {
    const down = witnesses[1]!;
    const { port } = down.server;
    await down.stop();
    const file = await upload(Buffer.concat([SAMPLES.png, Buffer.from('while a witness is down')]), 'third.png');
    const pending = await waitFor(
      async () => {
        const res = await get(`/api/v1/ledger/proof/inclusion?hash=${file.sha256}`);
        // Integrated (on the log, not yet published) once the witness has been tried and failed.
        const row = (await db.pool.query(`select failures from ledger_witness where name = $1`, [down.name])).rows[0];
        return res.statusCode === 202 && row?.failures > 0 ? res : undefined;
      },
      { timeoutMs: 20_000, what: 'the file to be on the log but unpublished' },
    );
    expect(pending.headers['retry-after']).toBe('1');
    expect(pending.json()).toMatchObject({ code: 'LEDGER_ENTRY_PENDING', status: 202, kind: 'file' });
    const published = parseCheckpoint(parseSignedNote((await get('/api/v1/ledger/checkpoint')).body).text);
    const latest = (await db.pool.query('select max(size)::int as size from ledger_checkpoint')).rows[0].size;
    expect(published.size).toBeLessThan(latest);

    const back = await startTestWitness([{ origin: TEST_ORIGIN, verifierKey: logVerifierKey, hashSuite: 'sha256' }], { dir: down.dir, port });
    witnesses[1] = back;
    const proof = await inclusion(file.sha256);
    const k = await keys();
    expect(verifyReceipt(proof.receipt, { ...trustFrom(k), leafData: fromHex(file.sha256) })).toMatchObject({ ok: true });
    const row = (await db.pool.query(`select failures, known_size as "knownSize" from ledger_witness where name = $1`, [down.name])).rows[0];
    expect(row.failures).toBe(0);
    expect(row.knownSize).toBeGreaterThanOrEqual(proof.receipt.treeSize);
  });
});

describe('the ledger with no witnesses (the single-machine default)', () => {
  it('publishes log-signed checkpoints with quorum 0 and says so in its keys', async () => {
    const solo = await startTestApp({ config: { LEDGER_BATCH_INTERVAL_MS: '50' }, deps: { jobs: { consumerPollMs: 50 } } });
    try {
      const k = (await solo.app.inject({ method: 'GET', url: '/api/v1/ledger/keys' })).json() as TLedgerKeys;
      expect(k).toMatchObject({ origin: 'opencourt.local/ledger', hashSuite: 'sha256', witnesses: [], quorum: 0 });
      const checkpoint = (await solo.app.inject({ method: 'GET', url: '/api/v1/ledger/checkpoint' })).body;
      expect(parseSignedNote(checkpoint).signatures).toHaveLength(1);
      expect(verifyWitnessedCheckpoint(checkpoint, { log: createNoteVerifier(k.log.verifierKey), witnesses: [], quorum: 0 }).checkpoint.origin).toBe('opencourt.local/ledger');
    } finally {
      await solo.close();
    }
  });
});

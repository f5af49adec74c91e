import { describe, expect, it } from 'vitest';
import { fromHex, toHex, utf8 } from './bytes.ts';
import { SHA256, SM3 } from './hash-suite.ts';
import { generateKeyPair } from './note-keys.ts';
import { inclusionProofFromReader } from './proof-generate.ts';
import { createReceipt, parseReceipt, verifyReceipt, type Receipt, type ReceiptTrust } from './receipt.ts';
import { expectCode } from './testdata/expect-code.ts';
import { flipBit } from './testdata/random.ts';
import { LOG_ORIGIN, WITNESS_NAMES, makeTestLog } from './testdata/test-log.ts';

const entries = Array.from({ length: 37 }, (_, i) => JSON.stringify({ event: 'filing.submitted', id: `f-${i}`, sha256: toHex(SHA256.hash(utf8(`file ${i}`))) }));

describe.each([SHA256, SM3])('receipts with $name', (suite) => {
  const testLog = makeTestLog(suite, entries);
  const checkpoint = testLog.cosigned(3);
  const receiptFor = (index: number): Receipt =>
    createReceipt({
      suite,
      leafIndex: index,
      leafHash: testLog.leafHashes[index]!,
      inclusionProof: inclusionProofFromReader(suite, index, testLog.size, testLog.read),
      checkpoint,
    });
  const trust: ReceiptTrust = {
    logVerifierKey: testLog.log.verifierKey,
    witnessVerifierKeys: testLog.witnesses.map((w) => w.verifierKey),
    quorum: 2,
  };
  const errorCode = (receipt: unknown, t: ReceiptTrust = trust): string => {
    const result = verifyReceipt(receipt, t);
    return result.ok ? 'ok' : result.error.code;
  };

  it('verifies every leaf offline from plain JSON and reports who witnessed it when', () => {
    for (let index = 0; index < testLog.size; index++) {
      const json = JSON.parse(JSON.stringify(receiptFor(index))) as unknown;
      const result = verifyReceipt(json, { ...trust, leafData: testLog.leafData[index]!, origin: LOG_ORIGIN });
      expect(result).toEqual({
        ok: true,
        origin: LOG_ORIGIN,
        leafIndex: index,
        treeSize: 37,
        rootHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        leafHash: toHex(testLog.leafHashes[index]!),
        leafChecked: 'data',
        witnessedBy: WITNESS_NAMES.map((name, i) => ({
          name,
          timestamp: Date.UTC(2026, 4, 1, 8, i) / 1000,
          time: `2026-05-01T08:0${i}:00.000Z`,
        })),
      });
    }
  });

  it('matches the leaf by hash, or says it did not check it', () => {
    const receipt = receiptFor(5);
    expect(verifyReceipt(receipt, { ...trust, leafHash: receipt.leafHash })).toMatchObject({ ok: true, leafChecked: 'hash' });
    expect(verifyReceipt(receipt, { ...trust, leafHash: testLog.leafHashes[5]! })).toMatchObject({ ok: true, leafChecked: 'hash' });
    expect(verifyReceipt(receipt, trust)).toMatchObject({ ok: true, leafChecked: 'none' });
  });

  it('refuses a receipt for other data', () => {
    expect(errorCode(receiptFor(5), { ...trust, leafData: testLog.leafData[6]! })).toBe('RECEIPT_LEAF_MISMATCH');
    expect(errorCode(receiptFor(5), { ...trust, leafHash: toHex(testLog.leafHashes[6]!) })).toBe('RECEIPT_LEAF_MISMATCH');
    expect(errorCode(receiptFor(5), { ...trust, leafData: utf8('x'), leafHash: receiptFor(5).leafHash })).toBe('INVALID_ARGUMENT');
  });

  it('fails on any flipped bit in the proof, leaf hash, index or tree size', () => {
    const receipt = receiptFor(20);
    receipt.inclusionProof.forEach((hex, i) => {
      for (const bit of [0, 77, 8 * suite.size - 1]) {
        const proof = receipt.inclusionProof.map((h, j) => (j === i ? toHex(flipBit(fromHex(hex), bit)) : h));
        expect(errorCode({ ...receipt, inclusionProof: proof })).toBe('PROOF_MISMATCH');
      }
    });
    expect(errorCode({ ...receipt, leafHash: toHex(flipBit(testLog.leafHashes[20]!, 3)) })).toBe('PROOF_MISMATCH');
    for (let bit = 0; bit < 8; bit++) {
      expect(errorCode({ ...receipt, leafIndex: 20 ^ (1 << bit) })).not.toBe('ok');
      // The tree size is bound by the signed checkpoint, so a changed size never verifies.
      expect(errorCode({ ...receipt, treeSize: 37 ^ (1 << bit) })).toBe('RECEIPT_SIZE_MISMATCH');
    }
  });

  it('fails when the checkpoint was changed, or signed by the wrong keys or too few witnesses', () => {
    const receipt = receiptFor(3);
    expect(errorCode({ ...receipt, checkpoint: receipt.checkpoint.replace('\n37\n', '\n38\n'), treeSize: 38 })).toBe('NOTE_SIGNATURE_INVALID');
    expect(errorCode({ ...receipt, checkpoint: testLog.cosigned(1) })).toBe('WITNESS_QUORUM_NOT_MET');
    expect(errorCode(receipt, { ...trust, logVerifierKey: generateKeyPair(LOG_ORIGIN).verifierKey })).toBe('CHECKPOINT_NOT_SIGNED_BY_LOG');
    expect(errorCode(receipt, { ...trust, origin: 'other.example/log' })).toBe('CHECKPOINT_ORIGIN_MISMATCH');
    expect(errorCode(receipt, { ...trust, logVerifierKey: 'not a key' })).toBe('KEY_MALFORMED');
    expect(errorCode(receipt, { ...trust, quorum: 4 })).toBe('INVALID_ARGUMENT');
  });
});

describe('receipt shape', () => {
  const testLog = makeTestLog(SHA256, ['only entry', 'second']);
  const good = createReceipt({
    suite: SHA256,
    leafIndex: 1,
    leafHash: testLog.leafHashes[1]!,
    inclusionProof: inclusionProofFromReader(SHA256, 1, 2, testLog.read),
    checkpoint: testLog.cosigned(1),
  });
  const trust = { logVerifierKey: testLog.log.verifierKey, witnessVerifierKeys: [testLog.witnesses[0]!.verifierKey], quorum: 1 };

  it('is plain JSON with the tree size taken from the checkpoint', () => {
    expect(good).toEqual({
      version: 1,
      hashSuite: 'sha256',
      leafIndex: 1,
      treeSize: 2,
      leafHash: toHex(testLog.leafHashes[1]!),
      inclusionProof: [toHex(testLog.leafHashes[0]!)],
      checkpoint: testLog.cosigned(1),
    });
    expect(verifyReceipt(good, trust).ok).toBe(true);
  });

  it('refuses malformed receipts with RECEIPT_MALFORMED, without throwing from verifyReceipt', () => {
    const bad: unknown[] = [
      null,
      'receipt',
      [good],
      { ...good, version: 2 },
      { ...good, hashSuite: 'md5' },
      { ...good, hashSuite: undefined },
      { ...good, leafIndex: -1 },
      { ...good, leafIndex: '1' },
      { ...good, treeSize: 2.5 },
      { ...good, leafHash: good.leafHash.toUpperCase() },
      { ...good, leafHash: good.leafHash.slice(2) },
      { ...good, inclusionProof: 'abc' },
      { ...good, inclusionProof: [123] },
      { ...good, inclusionProof: [good.leafHash + '00'] },
      { ...good, checkpoint: 42 },
      { ...good, checkpoint: undefined },
    ];
    for (const receipt of bad) {
      expectCode(() => parseReceipt(receipt), 'RECEIPT_MALFORMED', JSON.stringify(receipt));
      const result = verifyReceipt(receipt, trust);
      expect(result.ok ? 'ok' : result.error.code).toBe('RECEIPT_MALFORMED');
    }
  });

  it('is not created from hashes of the wrong length or a bad leaf index', () => {
    const input = { suite: SHA256, leafIndex: 1, leafHash: testLog.leafHashes[1]!, inclusionProof: [testLog.leafHashes[0]!], checkpoint: testLog.cosigned(1) };
    expectCode(() => createReceipt({ ...input, leafHash: testLog.leafHashes[1]!.slice(1) }), 'RECEIPT_MALFORMED');
    expectCode(() => createReceipt({ ...input, inclusionProof: [new Uint8Array(33)] }), 'RECEIPT_MALFORMED');
    expectCode(() => createReceipt({ ...input, leafIndex: -1 }), 'RECEIPT_MALFORMED');
  });

  it('refuses a proof of the wrong length with PROOF_LENGTH_INVALID', () => {
    const result = verifyReceipt({ ...good, inclusionProof: [...good.inclusionProof, good.leafHash] }, trust);
    expect(result.ok ? 'ok' : result.error.code).toBe('PROOF_LENGTH_INVALID');
  });
});

import { describe, expect, it } from 'vitest';
import { SHA256 } from './hash-suite.ts';
import { NOTE_KEY_TYPE, generateKeyPair } from './note-keys.ts';
import { addNoteSignatures, createNoteSigner, createNoteVerifier, signNote } from './note-sign.ts';
import { verifyWitnessedCheckpoint } from './witnessed-checkpoint.ts';
import { expectCode } from './testdata/expect-code.ts';
import { ARCHE_CHECKPOINT, ARCHE_LOG_VKEY, REMORA_WITNESS_VKEY } from './testdata/note-vectors.ts';
import { LOG_ORIGIN, WITNESS_NAMES, makeTestLog } from './testdata/test-log.ts';

const testLog = makeTestLog(SHA256, ['a', 'b', 'c']);
const policy = (quorum: number) => ({
  log: createNoteVerifier(testLog.log.verifierKey),
  witnesses: testLog.witnesses.map((w) => createNoteVerifier(w.verifierKey)),
  quorum,
});

describe('witnessed checkpoints', () => {
  it('returns the checkpoint and who cosigned it when, once the quorum is met', () => {
    const result = verifyWitnessedCheckpoint(testLog.cosigned(2), policy(2));
    expect(result.checkpoint).toMatchObject({ origin: LOG_ORIGIN, size: 3 });
    expect(result.text).toBe(testLog.checkpointText);
    expect(result.witnesses.map((w) => [w.name, w.timestamp])).toEqual([
      [WITNESS_NAMES[0], Date.UTC(2026, 4, 1, 8, 0) / 1000],
      [WITNESS_NAMES[1], Date.UTC(2026, 4, 1, 8, 1) / 1000],
    ]);
    expect(verifyWitnessedCheckpoint(testLog.cosigned(0), policy(0)).witnesses).toEqual([]);
  });

  it('verifies the real arche2025h1 checkpoint with one witness', () => {
    const result = verifyWitnessedCheckpoint(ARCHE_CHECKPOINT, {
      log: createNoteVerifier(ARCHE_LOG_VKEY),
      witnesses: [createNoteVerifier(REMORA_WITNESS_VKEY)],
      quorum: 1,
      origin: 'arche2025h1.staging.ct.transparency.dev',
    });
    expect(result.checkpoint.size).toBe(1432088532);
    expect(result.witnesses).toEqual([{ name: 'remora.n621.de', keyId: 0xda77ade7, timestamp: 0x6a122120 }]);
  });

  it('refuses too few witnesses', () => {
    expectCode(() => verifyWitnessedCheckpoint(testLog.cosigned(2), policy(3)), 'WITNESS_QUORUM_NOT_MET');
  });

  it('counts a witness that signed with two keys once', () => {
    const rotated = { name: WITNESS_NAMES[0]!, ...generateKeyPair(WITNESS_NAMES[0]!, NOTE_KEY_TYPE.cosignatureV1) };
    const note = addNoteSignatures(testLog.cosigned(1), [createNoteSigner(rotated.signerKey)]);
    const twoKeys = { ...policy(2), witnesses: [...policy(2).witnesses, createNoteVerifier(rotated.verifierKey)] };
    expectCode(() => verifyWitnessedCheckpoint(note, twoKeys), 'WITNESS_QUORUM_NOT_MET');
    expect(verifyWitnessedCheckpoint(note, { ...twoKeys, quorum: 1 }).witnesses).toHaveLength(2);
  });

  it('requires the log signature, whatever the witnesses say', () => {
    const witnessOnly = signNote(testLog.checkpointText, [createNoteSigner(testLog.witnesses[0]!.signerKey)]);
    expectCode(() => verifyWitnessedCheckpoint(witnessOnly, policy(1)), 'CHECKPOINT_NOT_SIGNED_BY_LOG');
    const otherLog = createNoteVerifier(generateKeyPair(LOG_ORIGIN).verifierKey);
    expectCode(() => verifyWitnessedCheckpoint(testLog.cosigned(3), { ...policy(1), log: otherLog }), 'CHECKPOINT_NOT_SIGNED_BY_LOG');
  });

  it('rejects a bad cosignature from a known witness', () => {
    const forged = testLog.cosigned(2).replace(/(\u2014 witness\.two\.example \S{20})(\S)/, (_, head: string, c: string) => head + (c === 'A' ? 'B' : 'A'));
    expect(forged).not.toBe(testLog.cosigned(2));
    expectCode(() => verifyWitnessedCheckpoint(forged, policy(1)), 'NOTE_SIGNATURE_INVALID');
  });

  it('checks the origin when asked, and the policy itself', () => {
    expectCode(() => verifyWitnessedCheckpoint(testLog.cosigned(1), { ...policy(1), origin: 'other.example/log' }), 'CHECKPOINT_ORIGIN_MISMATCH');
    expectCode(() => verifyWitnessedCheckpoint(testLog.cosigned(1), policy(4)), 'INVALID_ARGUMENT');
    expectCode(() => verifyWitnessedCheckpoint(testLog.cosigned(1), policy(-1)), 'INVALID_ARGUMENT');
    expectCode(
      () => verifyWitnessedCheckpoint(testLog.cosigned(1), { ...policy(0), witnesses: [createNoteVerifier(testLog.log.verifierKey)] }),
      'INVALID_ARGUMENT',
    );
  });

  it('refuses a signed note that is not a checkpoint', () => {
    const note = signNote('not a checkpoint\n', [createNoteSigner(testLog.log.signerKey)]);
    expectCode(() => verifyWitnessedCheckpoint(note, policy(0)), 'CHECKPOINT_MALFORMED');
  });
});

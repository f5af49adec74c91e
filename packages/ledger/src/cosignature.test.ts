import { describe, expect, it } from 'vitest';
import { fromBase64, fromUtf8, utf8 } from './bytes.ts';
import { cosignatureV1Message, decodeTimestampedSignature, encodeTimestampedSignature } from './cosignature.ts';
import { NOTE_KEY_TYPE, generateKeyPair } from './note-keys.ts';
import { addNoteSignatures, createNoteSigner, createNoteVerifier, openNote, signNote } from './note-sign.ts';
import { parseSignedNote } from './signed-note.ts';
import { expectCode } from './testdata/expect-code.ts';
import {
  ARCHE_CHECKPOINT,
  ARCHE_LOG_VKEY,
  C2SP_COSIGNED_CHECKPOINT,
  FORMATS_COSIGNATURE_B64,
  FORMATS_PLAIN_SIGNATURE_B64,
  REMORA_WITNESS_VKEY,
} from './testdata/note-vectors.ts';

describe('cosignature/v1 format', () => {
  it('builds the signed message of the c2sp.org/tlog-cosignature example', () => {
    const text = parseSignedNote(C2SP_COSIGNED_CHECKPOINT).text;
    expect(fromUtf8(cosignatureV1Message(utf8(text), 1679315147))).toBe(
      'cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n',
    );
  });

  it("reads the timestamp of the spec example's witness and of transparency-dev/formats' vector", () => {
    const witness = parseSignedNote(C2SP_COSIGNED_CHECKPOINT).signatures[1]!;
    expect(witness.keyId).toBe(0x8d66cf3f);
    expect(decodeTimestampedSignature(witness.signature).timestamp).toBe(1679315147);
    expect(decodeTimestampedSignature(fromBase64(FORMATS_COSIGNATURE_B64).subarray(4)).timestamp).toBe(1727964367);
    expectCode(() => decodeTimestampedSignature(fromBase64(FORMATS_PLAIN_SIGNATURE_B64).subarray(4)), 'COSIGNATURE_MALFORMED');
  });

  it('encodes timestamps as 8 big-endian bytes and refuses ones a Date cannot hold', () => {
    const signature = new Uint8Array(64).fill(9);
    const encoded = encodeTimestampedSignature({ timestamp: 0x0102030405, signature });
    expect([...encoded.subarray(0, 8)]).toEqual([0, 0, 0, 1, 2, 3, 4, 5]);
    expect(decodeTimestampedSignature(encoded)).toEqual({ timestamp: 0x0102030405, signature });
    const huge = Uint8Array.from(encoded);
    huge[0] = 0x7f;
    expectCode(() => decodeTimestampedSignature(huge), 'COSIGNATURE_MALFORMED');
    expectCode(() => encodeTimestampedSignature({ timestamp: -1, signature }), 'COSIGNATURE_MALFORMED');
    expectCode(() => encodeTimestampedSignature({ timestamp: 1.5, signature }), 'COSIGNATURE_MALFORMED');
    expectCode(() => cosignatureV1Message(utf8('x\n'), 2 ** 60), 'COSIGNATURE_MALFORMED');
  });
});

describe('cosigning', () => {
  it('verifies a real checkpoint cosigned by a public witness (remora.n621.de)', () => {
    const opened = openNote(ARCHE_CHECKPOINT, [createNoteVerifier(ARCHE_LOG_VKEY), createNoteVerifier(REMORA_WITNESS_VKEY)]);
    expect(opened.verified.map((s) => s.name)).toEqual(['arche2025h1.staging.ct.transparency.dev', 'remora.n621.de']);
    // The log's RFC 6962 signature (type 0x05) and the other witnesses are unknown here, so ignored.
    expect(opened.unverified).toHaveLength(4);
    const remora = opened.verified[1]!;
    expect(decodeTimestampedSignature(remora.signature).timestamp).toBe(0x6a122120);
    const resized = ARCHE_CHECKPOINT.replace('\n1432088532\n', '\n1432088533\n');
    expectCode(() => openNote(resized, [createNoteVerifier(REMORA_WITNESS_VKEY)]), 'NOTE_SIGNATURE_INVALID');
  });

  it('signs with the injected clock, covers extension lines and binds the timestamp', () => {
    const witness = generateKeyPair('witness.example/w1', NOTE_KEY_TYPE.cosignatureV1);
    const log = generateKeyPair('court.example/log');
    const text = 'court.example/log\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\nextension\n';
    const signed = signNote(text, [createNoteSigner(log.signerKey)]);
    const when = new Date('2026-03-01T12:34:56.789Z');
    const cosigned = addNoteSignatures(signed, [createNoteSigner(witness.signerKey, () => when)]);
    const verifier = createNoteVerifier(witness.verifierKey);
    const sig = openNote(cosigned, [verifier]).verified[0]!;
    expect(decodeTimestampedSignature(sig.signature).timestamp).toBe(Math.floor(when.getTime() / 1000));

    expectCode(() => openNote(cosigned.replace('extension', 'extensioN'), [verifier]), 'NOTE_SIGNATURE_INVALID');
    // Changing the timestamp bytes (keeping the Ed25519 signature) breaks the signature.
    const bytes = Uint8Array.from(sig.signature);
    bytes[7]! ^= 1;
    expect(verifier.verify(utf8(text), bytes)).toBe(false);
    expect(verifier.verify(utf8(text), sig.signature.subarray(0, 71))).toBe(false);
  });
});

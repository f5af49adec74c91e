import { describe, expect, it } from 'vitest';
import { utf8 } from './bytes.ts';
import { NOTE_KEY_TYPE, generateKeyPair, parseVerifierKey } from './note-keys.ts';
import { addNoteSignatures, createNoteSigner, createNoteVerifier, openNote, signNote } from './note-sign.ts';
import { parseSignedNote } from './signed-note.ts';
import { expectCode } from './testdata/expect-code.ts';
import {
  C2SP_EXAMPLE_NOTE,
  C2SP_EXAMPLE_VKEY,
  ENOCH_SIG_LINE,
  ENOCH_VKEY,
  GO_TEXT,
  PETER_SIG_LINE,
  PETER_SKEY,
  PETER_VKEY,
} from './testdata/note-vectors.ts';

const peter = createNoteVerifier(PETER_VKEY);
const enoch = createNoteVerifier(ENOCH_VKEY);
const names = (sigs: readonly { name: string }[]): string[] => sigs.map((s) => s.name);

describe('signing notes', () => {
  it("reproduces Go's TestSign output byte for byte", () => {
    expect(signNote(GO_TEXT, [createNoteSigner(PETER_SKEY)])).toBe(`${GO_TEXT}\n${PETER_SIG_LINE}`);
  });

  it('adds signatures to a signed note, replacing an older one by the same key', () => {
    const withEnoch = `${GO_TEXT}\n${ENOCH_SIG_LINE}`;
    const both = addNoteSignatures(withEnoch, [createNoteSigner(PETER_SKEY)]);
    expect(both).toBe(`${GO_TEXT}\n${ENOCH_SIG_LINE}${PETER_SIG_LINE}`);
    expect(addNoteSignatures(both, [createNoteSigner(PETER_SKEY)])).toBe(both);
  });

  it('refuses texts that are not valid note texts, and an empty signer list', () => {
    const signer = createNoteSigner(PETER_SKEY);
    expectCode(() => signNote('abc', [signer]), 'NOTE_MALFORMED');
    expectCode(() => signNote('a\u0007\n', [signer]), 'NOTE_MALFORMED');
    expectCode(() => signNote('abc\n', []), 'INVALID_ARGUMENT');
  });
});

describe('opening notes (Go TestOpen cases)', () => {
  const message = `${GO_TEXT}\n${PETER_SIG_LINE}${ENOCH_SIG_LINE}`;

  it('verifies known signers and sets aside unknown ones', () => {
    const one = openNote(message, [peter]);
    expect(one.text).toBe(GO_TEXT);
    expect(names(one.verified)).toEqual(['PeterNeumann']);
    expect(names(one.unverified)).toEqual(['EnochRoot']);
    const both = openNote(message, [peter, enoch]);
    expect(names(both.verified)).toEqual(['PeterNeumann', 'EnochRoot']);
    expect(both.unverified).toEqual([]);
  });

  it('requires at least one signature by a known key', () => {
    expectCode(() => openNote(message, []), 'NOTE_UNVERIFIED');
  });

  it('refuses an ambiguous verifier only when a signature needs it', () => {
    expectCode(() => openNote(`${GO_TEXT}\n${ENOCH_SIG_LINE}`, [enoch, peter, enoch]), 'NOTE_KEY_AMBIGUOUS');
    expect(names(openNote(`${GO_TEXT}\n${PETER_SIG_LINE}`, [enoch, peter, enoch]).verified)).toEqual(['PeterNeumann']);
  });

  it('rejects the whole note when a known key signed wrongly', () => {
    const bad = `${GO_TEXT}\n${PETER_SIG_LINE.slice(0, 60)}ABCD${PETER_SIG_LINE.slice(60)}`;
    expectCode(() => openNote(bad, [peter]), 'NOTE_SIGNATURE_INVALID');
    // Even when another known key's signature is good.
    expectCode(() => openNote(`${GO_TEXT}\n${ENOCH_SIG_LINE}${bad.slice(GO_TEXT.length + 1)}`, [peter, enoch]), 'NOTE_SIGNATURE_INVALID');
  });

  it('drops repeated signatures and keeps distinct unverified ones', () => {
    const enochAbcd = `${ENOCH_SIG_LINE.slice(0, 60)}ABCD${ENOCH_SIG_LINE.slice(60)}`;
    const opened = openNote(`${GO_TEXT}\n${PETER_SIG_LINE}${PETER_SIG_LINE}${ENOCH_SIG_LINE}${ENOCH_SIG_LINE}${enochAbcd}`, [peter]);
    expect(names(opened.verified)).toEqual(['PeterNeumann']);
    expect(names(opened.unverified)).toEqual(['EnochRoot', 'EnochRoot']);
  });

  it('refuses too many signatures', () => {
    expectCode(() => openNote(`${GO_TEXT}\n${PETER_SIG_LINE.repeat(101)}`, [peter]), 'NOTE_MALFORMED');
  });

  it('ignores keys that share only the name or only the ID of a known key', () => {
    const sameNameOtherId = PETER_SIG_LINE.replace('x08go/ZJ', 'AAAAAAAA');
    const sameIdOtherName = PETER_SIG_LINE.replace('PeterNeumann', 'CarmenSandiego');
    expectCode(() => openNote(`${GO_TEXT}\n${sameNameOtherId}${sameIdOtherName}`, [peter]), 'NOTE_UNVERIFIED');
    expect(names(openNote(`${GO_TEXT}\n${sameNameOtherId}${sameIdOtherName}${PETER_SIG_LINE}`, [peter]).unverified)).toEqual([
      'PeterNeumann',
      'CarmenSandiego',
    ]);
  });

  it('fails on any change to the text', () => {
    const tampered = message.replace('problem,', 'problem;');
    expectCode(() => openNote(tampered, [peter]), 'NOTE_SIGNATURE_INVALID');
  });

  it('verifies the c2sp.org/signed-note example', () => {
    const opened = openNote(C2SP_EXAMPLE_NOTE, [createNoteVerifier(C2SP_EXAMPLE_VKEY)]);
    expect(opened.text).toBe('This is an example message.\n');
  });
});

describe('round trips with generated keys', () => {
  it('signs and opens with both key types, which cannot stand in for each other', () => {
    const seed = new Uint8Array(32).fill(7);
    const plain = generateKeyPair('court.example/log', NOTE_KEY_TYPE.ed25519, seed);
    const cosign = generateKeyPair('court.example/log', NOTE_KEY_TYPE.cosignatureV1, seed);
    const text = 'court.example/log\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n';
    const clock = () => new Date('2026-05-01T08:00:00Z');
    const signed = signNote(text, [createNoteSigner(plain.signerKey), createNoteSigner(cosign.signerKey, clock)]);
    const opened = openNote(signed, [createNoteVerifier(plain.verifierKey), createNoteVerifier(cosign.verifierKey)]);
    expect(opened.verified.map((s) => s.signature.length)).toEqual([64, 72]);

    // A plain key given the cosignature's ID does not verify it, and vice versa.
    const [plainSig, cosig] = parseSignedNote(signed).signatures.map((s) => s.signature) as [Uint8Array, Uint8Array];
    const plainVerifier = createNoteVerifier(plain.verifierKey);
    const cosignVerifier = createNoteVerifier(parseVerifierKey(cosign.verifierKey));
    expect(plainVerifier.verify(utf8(text), cosig)).toBe(false);
    expect(cosignVerifier.verify(utf8(text), plainSig)).toBe(false);
  });
});

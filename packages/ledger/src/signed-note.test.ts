import { describe, expect, it } from 'vitest';
import { utf8 } from './bytes.ts';
import { MAX_NOTE_SIGNATURES, assertNoteText, formatSignedNote, parseSignedNote } from './signed-note.ts';
import { expectCode } from './testdata/expect-code.ts';
import { C2SP_QUASIMODO_NOTE, ENOCH_SIG_LINE, GO_TEXT, PETER_SIG_LINE } from './testdata/note-vectors.ts';

describe('signed note syntax', () => {
  it('parses a note into its text and signature lines, and formats it back', () => {
    const message = `${GO_TEXT}\n${PETER_SIG_LINE}${ENOCH_SIG_LINE}`;
    const note = parseSignedNote(message);
    expect(note.text).toBe(GO_TEXT);
    expect(note.signatures.map((s) => [s.name, s.keyId, s.signature.length])).toEqual([
      ['PeterNeumann', 0xc74f20a3, 64],
      ['EnochRoot', 0xaf0cfe78, 64],
    ]);
    expect(formatSignedNote(note)).toBe(message);
    expect(parseSignedNote(utf8(message))).toEqual(note);
  });

  it('keeps blank lines inside the text: the last blank line separates the signatures', () => {
    const note = parseSignedNote(C2SP_QUASIMODO_NOTE);
    expect(note.text).toBe('Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n');
    expect(note.signatures[0]!.name).toBe('quasimodo.example/salvatore');
    // A text that itself ends with a blank line, or that mimics a signature block, still round-trips.
    for (const text of ['a\n\n', '\n', 'a\n\n\u2014 fake AAAAAAAA\n']) {
      const sig = { name: 'k', keyId: 7, signature: new Uint8Array(64) };
      expect(parseSignedNote(formatSignedNote({ text, signatures: [sig] })).text).toBe(text);
    }
  });

  it("refuses Go's malformed messages", () => {
    const bad = [
      GO_TEXT,
      `${GO_TEXT}\n`,
      `${GO_TEXT}\n${PETER_SIG_LINE.slice(0, -1)}`,
      `\x01${GO_TEXT}\n${PETER_SIG_LINE}`,
      `${GO_TEXT}\n\u2014 Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=`,
      `${GO_TEXT}\n${PETER_SIG_LINE}Unexpected line.\n`,
    ];
    for (const message of bad) expectCode(() => parseSignedNote(message), 'NOTE_MALFORMED', JSON.stringify(message));
    // "\xff" as a byte: not UTF-8.
    expectCode(() => parseSignedNote(new Uint8Array([0xff, ...utf8(`${GO_TEXT}\n${PETER_SIG_LINE}`)])), 'NOTE_MALFORMED');
  });

  it('refuses other malformed signature lines', () => {
    const withLine = (line: string): string => `${GO_TEXT}\n${line}\n`;
    for (const line of [
      '- PeterNeumann AAAAAAAA',
      '\u2014PeterNeumann AAAAAAAA',
      '\u2014 PeterNeumann',
      '\u2014 PeterNeumann ',
      '\u2014  AAAAAAAA',
      '\u2014 a+b AAAAAAAA',
      '\u2014 PeterNeumann AAAA',
      '\u2014 PeterNeumann AAAAAAA!',
      '\u2014 PeterNeumann AAAAAAAA extra',
    ]) {
      expectCode(() => parseSignedNote(withLine(line)), 'NOTE_MALFORMED', line);
    }
    expectCode(() => parseSignedNote(`${GO_TEXT}\n${PETER_SIG_LINE}\t`), 'NOTE_MALFORMED');
    expectCode(() => parseSignedNote(`${GO_TEXT}\r\n${PETER_SIG_LINE}`), 'NOTE_MALFORMED');
  });

  it(`accepts up to ${MAX_NOTE_SIGNATURES} signatures and no more`, () => {
    expect(parseSignedNote(`${GO_TEXT}\n${PETER_SIG_LINE.repeat(MAX_NOTE_SIGNATURES)}`).signatures).toHaveLength(MAX_NOTE_SIGNATURES);
    expectCode(() => parseSignedNote(`${GO_TEXT}\n${PETER_SIG_LINE.repeat(MAX_NOTE_SIGNATURES + 1)}`), 'NOTE_MALFORMED');
  });

  it('checks texts before signing', () => {
    assertNoteText('ok\n');
    assertNoteText('with\n\nblank lines\n');
    for (const bad of ['', 'no newline', 'tab\there\n', 'cr\r\n', 'lone \uD800\n', 'nul\u0000\n']) {
      expectCode(() => assertNoteText(bad), 'NOTE_MALFORMED', JSON.stringify(bad));
    }
    const sig = { name: 'k', keyId: 1, signature: new Uint8Array(64) };
    expectCode(() => formatSignedNote({ text: 'x\n', signatures: [] }), 'NOTE_MALFORMED');
    expectCode(() => formatSignedNote({ text: 'x\n', signatures: [{ ...sig, name: 'a b' }] }), 'NOTE_MALFORMED');
    expectCode(() => formatSignedNote({ text: 'x\n', signatures: [{ ...sig, keyId: 2 ** 32 }] }), 'NOTE_MALFORMED');
    expectCode(() => formatSignedNote({ text: 'x\n', signatures: [{ ...sig, signature: new Uint8Array(0) }] }), 'NOTE_MALFORMED');
  });
});

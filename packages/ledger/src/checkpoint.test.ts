import { describe, expect, it } from 'vitest';
import { toBase64, toHex } from './bytes.ts';
import { formatCheckpoint, parseCheckpoint } from './checkpoint.ts';
import { SHA256, SM3 } from './hash-suite.ts';
import { parseSignedNote } from './signed-note.ts';
import { expectCode } from './testdata/expect-code.ts';
import { C2SP_COSIGNED_CHECKPOINT } from './testdata/note-vectors.ts';

const root = new Uint8Array(32).map((_, i) => i);
const ROOT64 = toBase64(root);

describe('checkpoints', () => {
  it('parses the c2sp.org/tlog-checkpoint example', () => {
    const checkpoint = parseCheckpoint(parseSignedNote(C2SP_COSIGNED_CHECKPOINT).text);
    expect(checkpoint.origin).toBe('example.com/behind-the-sofa');
    expect(checkpoint.size).toBe(20852163);
    expect(toBase64(checkpoint.rootHash)).toBe('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=');
    expect(checkpoint.extensions).toEqual([]);
  });

  it('formats and parses back, with extension lines and for either hash suite', () => {
    const checkpoint = { origin: 'court.example/ledger', size: 1234, rootHash: root, extensions: ['ext one', 'ext two'] };
    const text = formatCheckpoint(checkpoint);
    expect(text).toBe(`court.example/ledger\n1234\n${ROOT64}\next one\next two\n`);
    expect(parseCheckpoint(text)).toEqual(checkpoint);
    expect(parseCheckpoint(formatCheckpoint({ ...checkpoint, extensions: [] }, SM3), SM3).size).toBe(1234);
    expect(formatCheckpoint({ origin: 'o', size: 0, rootHash: SHA256.hash(new Uint8Array(0)), extensions: [] })).toBe(
      'o\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n',
    );
    expect(parseCheckpoint(`o\n${Number.MAX_SAFE_INTEGER}\n${ROOT64}\n`).size).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses malformed checkpoint texts', () => {
    const bad = [
      '',
      `o\n1\n${ROOT64}`,
      'o\n1\n',
      `\n1\n${ROOT64}\n`,
      `o\n\n${ROOT64}\n`,
      `o\n01\n${ROOT64}\n`,
      `o\n-1\n${ROOT64}\n`,
      `o\n+1\n${ROOT64}\n`,
      `o\n1e3\n${ROOT64}\n`,
      `o\n 1\n${ROOT64}\n`,
      `o\n1.0\n${ROOT64}\n`,
      `o\n0x10\n${ROOT64}\n`,
      `o\n9007199254740993\n${ROOT64}\n`,
      `o\n1\n${ROOT64.slice(0, -1)}\n`,
      `o\n1\n${toBase64(root.subarray(1))}\n`,
      `o\n1\n${toBase64(new Uint8Array(64))}\n`,
      `o\n1\n${toHex(root)}\n`,
      `o\n1\n${ROOT64}\n\next\n`,
      `o\n1\n${ROOT64}\n\n`,
      `o\t\n1\n${ROOT64}\n`,
    ];
    for (const text of bad) expectCode(() => parseCheckpoint(text), 'CHECKPOINT_MALFORMED', JSON.stringify(text));
  });

  it('refuses to format what it could not parse', () => {
    const good = { origin: 'o', size: 1, rootHash: root, extensions: [] as string[] };
    for (const checkpoint of [
      { ...good, origin: '' },
      { ...good, origin: 'a\nb' },
      { ...good, origin: 'tab\t' },
      { ...good, size: -1 },
      { ...good, size: 1.5 },
      { ...good, size: 2 ** 53 },
      { ...good, rootHash: root.subarray(2) },
      { ...good, extensions: [''] },
      { ...good, extensions: ['a\nb'] },
    ]) {
      expectCode(() => formatCheckpoint(checkpoint), 'CHECKPOINT_MALFORMED', JSON.stringify(checkpoint));
    }
  });
});

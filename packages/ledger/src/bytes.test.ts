import { describe, expect, it } from 'vitest';
import { bytesEqual, concatBytes, fromBase64, fromHex, fromUtf8, isWellFormedUnicode, readUint32BE, toBase64, toHex, uint32BE } from './bytes.ts';
import { expectCode } from './testdata/expect-code.ts';
import { seededRandom } from './testdata/random.ts';

describe('bytes', () => {
  it('encodes base64 and hex exactly as Node does, and decodes back', () => {
    const random = seededRandom(1);
    for (let length = 0; length < 70; length++) {
      const bytes = random.bytes(length);
      const b64 = Buffer.from(bytes).toString('base64');
      expect(toBase64(bytes)).toBe(b64);
      expect(fromBase64(b64)).toEqual(bytes);
      expect(toHex(bytes)).toBe(Buffer.from(bytes).toString('hex'));
      expect(fromHex(toHex(bytes))).toEqual(bytes);
    }
  });

  it('refuses non-canonical or malformed base64', () => {
    for (const bad of ['A', 'AB', 'ABC', 'AB=C', 'A===', '=AAA', 'AB==AB==', 'AB C', 'AB\nC', 'AB-_', 'AR==', 'AAB=']) {
      expectCode(() => fromBase64(bad), 'ENCODING_INVALID');
    }
    expect(fromBase64('AQ==')).toEqual(new Uint8Array([1]));
    expect(fromBase64('AAE=')).toEqual(new Uint8Array([0, 1]));
  });

  it('refuses odd-length, upper-case or non-hex strings', () => {
    for (const bad of ['a', 'AB', 'zz', '0x00', ' 00']) expectCode(() => fromHex(bad), 'ENCODING_INVALID');
  });

  it('decodes UTF-8 strictly and spots lone surrogates', () => {
    expect(fromUtf8(new Uint8Array([0xe2, 0x80, 0x94]))).toBe('\u2014');
    expectCode(() => fromUtf8(new Uint8Array([0xff])), 'ENCODING_INVALID');
    expectCode(() => fromUtf8(new Uint8Array([0xe2, 0x80])), 'ENCODING_INVALID');
    expect(isWellFormedUnicode('ok \u{1F600}')).toBe(true);
    expect(isWellFormedUnicode('bad \uD800')).toBe(false);
    expect(isWellFormedUnicode('bad \uDC00 x')).toBe(false);
  });

  it('concatenates, compares and packs uint32 big-endian', () => {
    expect(concatBytes(new Uint8Array([1]), new Uint8Array([]), new Uint8Array([2, 3]))).toEqual(new Uint8Array([1, 2, 3]));
    expect(bytesEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
    expect(bytesEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
    expect(bytesEqual(new Uint8Array([1]), new Uint8Array([1, 0]))).toBe(false);
    expect(uint32BE(0xc74f20a3)).toEqual(new Uint8Array([0xc7, 0x4f, 0x20, 0xa3]));
    expect(readUint32BE(new Uint8Array([0, 0xc7, 0x4f, 0x20, 0xa3]), 1)).toBe(0xc74f20a3);
  });
});

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toHex, utf8 } from './bytes.ts';
import { sm3 } from './sm3.ts';
import { seededRandom } from './testdata/random.ts';

describe('sm3', () => {
  // GB/T 32905-2016, Appendix A, examples 1 and 2.
  it('hashes "abc" as in the standard', () => {
    expect(toHex(sm3(utf8('abc')))).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('hashes the 64-byte "abcd"×16 example as in the standard', () => {
    expect(toHex(sm3(utf8('abcd'.repeat(16))))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });

  it('hashes the empty message', () => {
    expect(toHex(sm3(new Uint8Array(0)))).toBe('1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b');
  });

  it('agrees with OpenSSL around every padding boundary and on longer inputs', () => {
    const random = seededRandom(3);
    const lengths = [...Array.from({ length: 200 }, (_, i) => i), 1000, 4096, 65_537];
    for (const length of lengths) {
      const data = random.bytes(length);
      expect(toHex(sm3(data)), `length ${length}`).toBe(createHash('sm3').update(data).digest('hex'));
    }
  });

  it('reads only its own bytes of a view into a larger buffer', () => {
    const buffer = utf8('xxabcxx');
    expect(toHex(sm3(buffer.subarray(2, 5)))).toBe(toHex(sm3(utf8('abc'))));
  });
});

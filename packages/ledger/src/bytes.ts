import { LedgerError } from './errors.ts';

/** Byte helpers that run unchanged in browsers: Uint8Array and TextEncoder only (no Node Buffer). */

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function utf8(text: string): Uint8Array {
  return utf8Encoder.encode(text);
}

/** Decodes UTF-8, refusing invalid sequences instead of inserting U+FFFD. */
export function fromUtf8(bytes: Uint8Array): string {
  try {
    return utf8Decoder.decode(bytes);
  } catch {
    throw new LedgerError('ENCODING_INVALID', 'invalid UTF-8');
  }
}

/** True when the string has no lone surrogates, i.e. it encodes to UTF-8 without loss. */
export function isWellFormedUnicode(text: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX_BYTES[bytes[i]!]!;
  return out;
}

/** Lower-case hex only, so every byte string has exactly one text form. */
export function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-f]*$/.test(hex)) {
    throw new LedgerError('ENCODING_INVALID', 'expected lower-case hex with an even number of digits');
  }
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

const B64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUES = new Map([...B64_ALPHABET].map((char, value) => [char, value]));

/** Standard base64 with padding (RFC 4648 §4). */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i]!;
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    out += B64_ALPHABET[b0 >> 2]!;
    out += B64_ALPHABET[((b0 & 3) << 4) | ((b1 ?? 0) >> 4)]!;
    out += b1 === undefined ? '=' : B64_ALPHABET[((b1 & 15) << 2) | ((b2 ?? 0) >> 6)]!;
    out += b2 === undefined ? '=' : B64_ALPHABET[b2 & 63]!;
  }
  return out;
}

/**
 * Strict standard base64: padding required, no whitespace, and unused trailing bits must be zero,
 * so that a signature or hash has exactly one accepted encoding.
 */
export function fromBase64(text: string): Uint8Array {
  const fail = (): never => {
    throw new LedgerError('ENCODING_INVALID', 'invalid base64');
  };
  if (text.length % 4 !== 0) fail();
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const last = i + 4 === text.length;
    const v: number[] = [];
    for (let j = 0; j < 4; j++) {
      const char = text[i + j]!;
      if (char === '=' && last && j >= 4 - padding) {
        v.push(0);
        continue;
      }
      const value = B64_VALUES.get(char);
      if (value === undefined) return fail();
      v.push(value);
    }
    const [c0, c1, c2, c3] = v as [number, number, number, number];
    const triple = (c0 << 18) | (c1 << 12) | (c2 << 6) | c3;
    if (last && padding === 2 && (triple & 0xffff) !== 0) fail();
    if (last && padding === 1 && (triple & 0xff) !== 0) fail();
    out[o++] = triple >> 16;
    if (o < out.length) out[o++] = (triple >> 8) & 0xff;
    if (o < out.length) out[o++] = triple & 0xff;
  }
  return out;
}

export function readUint32BE(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset]! << 24) | (bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!) >>> 0;
}

export function uint32BE(value: number): Uint8Array {
  return new Uint8Array([value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff]);
}

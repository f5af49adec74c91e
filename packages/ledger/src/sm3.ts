/**
 * SM3 (GB/T 32905-2016), the Chinese commercial-cryptography hash, for deployments that must use it.
 * No well-kept browser-safe package provides it, so it is implemented here from the standard
 * and checked against the standard's examples and against OpenSSL in the tests.
 */

const IV = [0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e];

const rotl = (x: number, n: number): number => ((x << n) | (x >>> (32 - n))) >>> 0;
const p0 = (x: number): number => (x ^ rotl(x, 9) ^ rotl(x, 17)) >>> 0;
const p1 = (x: number): number => (x ^ rotl(x, 15) ^ rotl(x, 23)) >>> 0;

// T_j rotated left by j mod 32, precomputed once (the compression function uses only this form).
const T_ROTATED = Array.from({ length: 64 }, (_, j) => rotl(j < 16 ? 0x79cc4519 : 0x7a879d8a, j % 32));

const w = new Uint32Array(68);

function compress(state: Uint32Array, block: Uint8Array, offset: number): void {
  for (let j = 0; j < 16; j++) {
    const o = offset + 4 * j;
    w[j] = (block[o]! << 24) | (block[o + 1]! << 16) | (block[o + 2]! << 8) | block[o + 3]!;
  }
  for (let j = 16; j < 68; j++) {
    w[j] = p1(w[j - 16]! ^ w[j - 9]! ^ rotl(w[j - 3]!, 15)) ^ rotl(w[j - 13]!, 7) ^ w[j - 6]!;
  }
  let a = state[0]!, b = state[1]!, c = state[2]!, d = state[3]!;
  let e = state[4]!, f = state[5]!, g = state[6]!, h = state[7]!;
  for (let j = 0; j < 64; j++) {
    const a12 = rotl(a, 12);
    const ss1 = rotl((a12 + e + T_ROTATED[j]!) >>> 0, 7);
    const ss2 = (ss1 ^ a12) >>> 0;
    const ff = j < 16 ? a ^ b ^ c : (a & b) | (a & c) | (b & c);
    const gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g);
    const tt1 = (ff + d + ss2 + (w[j]! ^ w[j + 4]!)) >>> 0;
    const tt2 = (gg + h + ss1 + w[j]!) >>> 0;
    d = c;
    c = rotl(b, 9);
    b = a;
    a = tt1;
    h = g;
    g = rotl(f, 19);
    f = e;
    e = p0(tt2);
  }
  const words = [a, b, c, d, e, f, g, h];
  for (let i = 0; i < 8; i++) state[i] = state[i]! ^ words[i]!;
}

/** SM3 digest (32 bytes) of `data`. */
export function sm3(data: Uint8Array): Uint8Array {
  const state = Uint32Array.from(IV);
  const fullBlocks = Math.floor(data.length / 64);
  for (let i = 0; i < fullBlocks; i++) compress(state, data, 64 * i);

  // Padding as in SHA-256: 0x80, zeros, then the message length in bits as a 64-bit big-endian integer.
  const rest = data.length - 64 * fullBlocks;
  const tail = new Uint8Array(rest < 56 ? 64 : 128);
  tail.set(data.subarray(64 * fullBlocks));
  tail[rest] = 0x80;
  const bitLength = data.length * 8;
  const view = new DataView(tail.buffer);
  view.setUint32(tail.length - 8, Math.floor(bitLength / 2 ** 32));
  view.setUint32(tail.length - 4, bitLength >>> 0);
  for (let offset = 0; offset < tail.length; offset += 64) compress(state, tail, offset);

  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) outView.setUint32(4 * i, state[i]!);
  return out;
}

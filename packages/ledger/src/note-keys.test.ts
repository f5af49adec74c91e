import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from './bytes.ts';
import { LedgerError } from './errors.ts';
import {
  NOTE_KEY_TYPE,
  computeKeyId,
  formatSignerKey,
  formatVerifierKey,
  generateKeyPair,
  isValidKeyName,
  parseSignerKey,
  parseVerifierKey,
} from './note-keys.ts';
import { expectCode } from './testdata/expect-code.ts';
import {
  C2SP_EXAMPLE_PUBLIC_KEY_HEX,
  C2SP_EXAMPLE_VKEY,
  ENOCH_VKEY,
  FORMATS_ED25519_VKEY,
  PETER_SKEY,
  PETER_VKEY,
  REMORA_WITNESS_VKEY,
} from './testdata/note-vectors.ts';

/** Go's manglings: every proper substring and every single-character increment must be refused. */
function expectAllManglingsRefused(key: string, parse: (text: string) => unknown): void {
  for (let i = 0; i <= key.length; i++) {
    for (let j = i + 1; j <= key.length; j++) {
      if (i === 0 && j === key.length) continue;
      expect(() => parse(key.slice(i, j)), key.slice(i, j)).toThrow(LedgerError);
    }
  }
  for (let i = 0; i < key.length; i++) {
    const mangled = key.slice(0, i) + String.fromCharCode(key.charCodeAt(i) + 1) + key.slice(i + 1);
    expect(() => parse(mangled), mangled).toThrow(LedgerError);
  }
}

describe('verifier keys', () => {
  it("parses Go's PeterNeumann and EnochRoot keys", () => {
    const peter = parseVerifierKey(PETER_VKEY);
    expect(peter).toMatchObject({ name: 'PeterNeumann', keyId: 0xc74f20a3, type: NOTE_KEY_TYPE.ed25519 });
    expect(formatVerifierKey(peter.name, peter.type, peter.publicKey)).toBe(PETER_VKEY);
    expect(parseVerifierKey(ENOCH_VKEY)).toMatchObject({ name: 'EnochRoot', keyId: 0xaf0cfe78 });
  });

  it('parses the c2sp.org/signed-note example key', () => {
    const key = parseVerifierKey(C2SP_EXAMPLE_VKEY);
    expect(key).toMatchObject({ name: 'example.com/foo', keyId: 0x530d903a, type: 1 });
    expect(toHex(key.publicKey)).toBe(C2SP_EXAMPLE_PUBLIC_KEY_HEX);
    expect(computeKeyId(key.name, key.type, key.publicKey)).toBe(0x530d903a);
  });

  it('parses base64 that contains "+" and native cosignature/v1 witness keys', () => {
    expect(parseVerifierKey(FORMATS_ED25519_VKEY)).toMatchObject({ name: 'TEST', keyId: 0x7997405c, type: 1 });
    expect(parseVerifierKey(REMORA_WITNESS_VKEY)).toMatchObject({ name: 'remora.n621.de', keyId: 0xda77ade7, type: 4 });
  });

  it("refuses every mangling of a key, as Go's TestNewVerifier", () => {
    expectAllManglingsRefused(PETER_VKEY, parseVerifierKey);
  });

  it("refuses Go's wrong-length and unknown-algorithm keys with adjusted key IDs", () => {
    expectCode(() => parseVerifierKey('PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=='), 'KEY_MALFORMED');
    expectCode(() => parseVerifierKey('PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'), 'KEY_ALGORITHM_UNSUPPORTED');
  });

  it("refuses transparency-dev/formats' bad keys", () => {
    expectCode(() => parseVerifierKey('bananas.sigstore.dev+12344556'), 'KEY_MALFORMED');
    expectCode(() => parseVerifierKey('rekor.sigstore.dev+12345678+THIS_IS_NOT_BASE64!'), 'KEY_MALFORMED');
    expectCode(() => parseVerifierKey('rekor.sigstore.dev+12345678+AwEB'), 'KEY_ID_MISMATCH');
    expectCode(() => parseVerifierKey('PeterNeumann+00000000+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'), 'KEY_ID_MISMATCH');
    expectCode(() => parseVerifierKey('PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'), 'KEY_MALFORMED');
    expectCode(() => parseVerifierKey('PeterNeumann+c74f20a3+'), 'KEY_MALFORMED');
  });
});

describe('signer keys', () => {
  it("parses Go's PeterNeumann signer key and derives the published verifier key", () => {
    const signer = parseSignerKey(PETER_SKEY);
    expect(signer).toMatchObject({ name: 'PeterNeumann', keyId: 0xc74f20a3, type: 1 });
    expect(formatVerifierKey(signer.name, signer.type, signer.publicKey)).toBe(PETER_VKEY);
    expect(formatSignerKey(signer.name, signer.type, signer.seed)).toBe(PETER_SKEY);
  });

  it("refuses every mangling of a signer key, as Go's TestNewSigner", () => {
    expectAllManglingsRefused(PETER_SKEY, parseSignerKey);
  });

  it('refuses a signer key whose ID belongs to another key', () => {
    expectCode(() => parseSignerKey(PETER_SKEY.replace('c74f20a3', 'c74f20a4')), 'KEY_ID_MISMATCH');
    expectCode(() => parseSignerKey(PETER_SKEY.replace('PRIVATE+KEY+', 'PUBLIC+KEY+')), 'KEY_MALFORMED');
  });
});

describe('key generation and names', () => {
  it('generates matching pairs for log keys and witness keys', () => {
    for (const type of [NOTE_KEY_TYPE.ed25519, NOTE_KEY_TYPE.cosignatureV1]) {
      const { signerKey, verifierKey } = generateKeyPair('court.example/log', type);
      const signer = parseSignerKey(signerKey);
      const verifier = parseVerifierKey(verifierKey);
      expect(signer.type).toBe(type);
      expect(verifier).toEqual({ name: signer.name, keyId: signer.keyId, type, publicKey: signer.publicKey });
    }
    const a = generateKeyPair('a');
    const b = generateKeyPair('a');
    expect(a.signerKey).not.toBe(b.signerKey);
  });

  it('gives the same public key different IDs for different signature types', () => {
    const seed = fromHex('11'.repeat(32));
    const plain = parseVerifierKey(generateKeyPair('w', NOTE_KEY_TYPE.ed25519, seed).verifierKey);
    const cosigner = parseVerifierKey(generateKeyPair('w', NOTE_KEY_TYPE.cosignatureV1, seed).verifierKey);
    expect(toHex(plain.publicKey)).toBe(toHex(cosigner.publicKey));
    expect(plain.keyId).not.toBe(cosigner.keyId);
  });

  it('accepts only names without spaces or "+"', () => {
    expect(isValidKeyName('court.example/log-2026')).toBe(true);
    expect(isValidKeyName('法院.example/账本')).toBe(true);
    for (const bad of ['', 'a b', 'a+b', 'a\tb', 'a\u00a0b', 'a\u3000b', 'a\u2028b', 'a\uD800']) {
      expect(isValidKeyName(bad), JSON.stringify(bad)).toBe(false);
      expectCode(() => generateKeyPair(bad), 'KEY_MALFORMED');
    }
    expectCode(() => formatSignerKey('ok', 1, new Uint8Array(31)), 'KEY_MALFORMED');
    expectCode(() => formatVerifierKey('ok', 1, new Uint8Array(32).fill(0xff)), 'KEY_MALFORMED');
  });
});

// The master key wraps every per-file key and encrypts sensitive fields. It comes from MASTER_KEY, or
// is generated once into DATA_DIR/master.key (mode 0600) for a single-machine install.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export type Keyring = {
  /** AES-256-GCM seal of a small secret (a file key, a phone number, a TOTP secret). */
  seal(plain: Buffer | string): Buffer;
  open(sealed: Buffer): Buffer;
  /** A stable keyed hash for equality look-ups on encrypted fields. */
  lookup(value: string): string;
};

export function loadMasterKey(opts: { masterKey?: string; dataDir: string }): Buffer {
  if (opts.masterKey) {
    const key = Buffer.from(opts.masterKey, 'base64');
    if (key.length !== 32) throw new Error('MASTER_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)');
    return key;
  }
  const file = path.join(opts.dataDir, 'master.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return loadMasterKey({ masterKey: fs.readFileSync(file, 'utf8').trim(), dataDir: opts.dataDir });
}

const VERSION = 1;

export function createKeyring(masterKey: Buffer): Keyring {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), info, 32));
  const sealKey = derive('opencourt/seal/v1');
  const lookupKey = derive('opencourt/lookup/v1');
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', sealKey, iv);
      const body = Buffer.concat([cipher.update(typeof plain === 'string' ? Buffer.from(plain, 'utf8') : plain), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
    },
    open(sealed) {
      if (sealed[0] !== VERSION) throw new Error('unknown sealed-value version');
      const decipher = createDecipheriv('aes-256-gcm', sealKey, sealed.subarray(1, 13));
      decipher.setAuthTag(sealed.subarray(13, 29));
      return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]);
    },
    lookup(value) {
      return createHmac('sha256', lookupKey).update(value).digest('base64url');
    },
  };
}

// The same contract for every blob driver: the filesystem one and the S3 one against a real
// S3-compatible server (s3rver) on loopback.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestS3, type TestS3 } from '../s3-test-server.ts';
import { BlobMissingError, createFsDriver, createS3Driver, storageKeyOf, type BlobDriver } from './index.ts';

let s3: TestS3;
const fsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-fs-driver-'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-driver-src-'));

beforeAll(async () => {
  s3 = await startTestS3();
});
afterAll(async () => {
  await s3.stop();
  fs.rmSync(fsDir, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
});

const drivers: [string, () => BlobDriver][] = [
  ['fs', () => createFsDriver(fsDir)],
  ['s3', () => createS3Driver({ endpoint: s3.endpoint, region: 'us-east-1', bucket: s3.bucket, accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true })],
];

function sourceFile(bytes: Buffer): string {
  const file = path.join(work, randomBytes(6).toString('hex'));
  fs.writeFileSync(file, bytes);
  return file;
}

describe.each(drivers)('%s driver', (name, make) => {
  it('stores, reads back, reports and deletes a blob', async () => {
    const driver = make();
    expect(driver.name).toBe(name);
    const bytes = randomBytes(300_000);
    const key = storageKeyOf(randomBytes(32).toString('hex'));
    expect(await driver.exists(key)).toBe(false);
    await driver.put(key, sourceFile(bytes), bytes.length);
    expect(await driver.exists(key)).toBe(true);
    expect((await buffer(await driver.get(key))).equals(bytes)).toBe(true);
    await driver.delete(key);
    expect(await driver.exists(key)).toBe(false);
  });

  it('replaces what was stored under a key', async () => {
    const driver = make();
    const key = storageKeyOf(randomBytes(32).toString('hex'));
    await driver.put(key, sourceFile(Buffer.from('first')), 5);
    await driver.put(key, sourceFile(Buffer.from('second')), 6);
    expect((await buffer(await driver.get(key))).toString()).toBe('second');
  });

  it('says a missing blob is missing', async () => {
    const driver = make();
    await expect(driver.get(storageKeyOf('0'.repeat(64)))).rejects.toBeInstanceOf(BlobMissingError);
    await expect(driver.delete(storageKeyOf('1'.repeat(64)))).resolves.toBeUndefined();
  });
});

describe('storage keys', () => {
  it('shard by the first two bytes of the hash and refuse anything else', async () => {
    expect(storageKeyOf('ab'.repeat(32))).toBe(`ab/ab/${'ab'.repeat(32)}`);
    expect(() => storageKeyOf('../../etc/passwd')).toThrow();
    await expect(createFsDriver(fsDir).get('../x')).rejects.toThrow(/invalid storage key/);
  });

  it('needs a bucket for S3', () => {
    expect(() => createS3Driver({ region: 'us-east-1', forcePathStyle: true })).toThrow(/S3_BUCKET/);
  });
});

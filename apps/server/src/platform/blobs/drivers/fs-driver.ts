// Blobs as files under one directory, sharded like ab/cd/<sha256>. A blob is written to a temporary
// file, flushed, then renamed into place, so a reader never sees half a blob.
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { BlobMissingError, type BlobDriver } from './driver.ts';

const KEY_PATTERN = /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/;

export function createFsDriver(dir: string): BlobDriver {
  const root = path.resolve(dir);
  const fileOf = (key: string) => {
    if (!KEY_PATTERN.test(key)) throw new Error(`invalid storage key: ${key}`);
    return path.join(root, key);
  };
  return {
    name: 'fs',
    async put(key, sourcePath) {
      const target = fileOf(key);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      try {
        await fs.promises.rename(sourcePath, target);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
        // Another file system: copy beside the target, then rename there.
        const staging = `${target}.${process.pid}.partial`;
        await fs.promises.copyFile(sourcePath, staging);
        await fs.promises.rename(staging, target);
      }
      const directory = await fs.promises.open(path.dirname(target), 'r');
      try {
        await directory.sync();
      } finally {
        await directory.close();
      }
    },
    async get(key) {
      try {
        const handle = await fs.promises.open(fileOf(key), 'r');
        return handle.createReadStream() as Readable;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new BlobMissingError(key);
        throw err;
      }
    },
    async exists(key) {
      try {
        await fs.promises.access(fileOf(key));
        return true;
      } catch {
        return false;
      }
    },
    async delete(key) {
      await fs.promises.rm(fileOf(key), { force: true });
    },
  };
}

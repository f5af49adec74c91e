// The backup archive: a .tar.gz of a staging directory, written beside its destination and renamed
// into place only when complete; extracted with only plain files and directories, never outside the
// target directory.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as tar from 'tar';

/** A fresh directory next to `near` (same file system, so large backups do not fill /tmp). */
export async function stagingDirNear(near: string): Promise<string> {
  const dir = path.join(path.dirname(path.resolve(near)), `.opencourt-staging-${randomBytes(6).toString('hex')}`);
  await fs.promises.mkdir(dir, { recursive: false, mode: 0o700 });
  return dir;
}

export async function packArchive(stagingDir: string, entries: string[], file: string): Promise<void> {
  const target = path.resolve(file);
  const partial = `${target}.${randomBytes(4).toString('hex')}.partial`;
  try {
    await tar.c({ gzip: true, file: partial, cwd: stagingDir, portable: true }, entries);
    await fs.promises.rename(partial, target);
  } catch (err) {
    await fs.promises.rm(partial, { force: true });
    throw err;
  }
}

export async function extractArchive(file: string, stagingDir: string): Promise<void> {
  await tar.x({
    file,
    cwd: stagingDir,
    strict: true,
    filter: (_path, entry) => 'type' in entry && (entry.type === 'File' || entry.type === 'Directory'),
  });
}

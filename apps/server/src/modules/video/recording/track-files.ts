// Each track's acknowledged chunks, appended in order to one file under the recordings directory.
// A chunk is written at the track's acknowledged length and fsync'd before its row commits, so an
// acknowledged chunk survives a crash; bytes of a chunk whose transaction failed are overwritten by
// the next one, or cut off when the track is processed.
import fs from 'node:fs';
import path from 'node:path';

export function createTrackFiles(dir: string) {
  const pathOf = (trackId: string) => path.join(dir, `${trackId}.webm`);

  async function syncDir() {
    const handle = await fs.promises.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  return {
    pathOf,

    /** Writes `bytes` at `offset` (the acknowledged length), drops anything after it, and makes it durable. */
    async writeAt(trackId: string, offset: number, bytes: Buffer): Promise<void> {
      const file = pathOf(trackId);
      if (offset === 0) await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
      const handle = await fs.promises.open(file, fs.constants.O_RDWR | fs.constants.O_CREAT, 0o600);
      try {
        let written = 0;
        while (written < bytes.length) written += (await handle.write(bytes, written, bytes.length - written, offset + written)).bytesWritten;
        await handle.truncate(offset + bytes.length);
        await handle.sync();
      } finally {
        await handle.close();
      }
      // The file's name must survive a crash too.
      if (offset === 0) await syncDir();
    },

    /** Cuts the file to the acknowledged length before it is processed. */
    async settle(trackId: string, bytes: number): Promise<string> {
      const file = pathOf(trackId);
      await fs.promises.truncate(file, bytes);
      return file;
    },

    async remove(trackId: string): Promise<void> {
      await fs.promises.rm(pathOf(trackId), { force: true });
    },
  };
}

export type TrackFiles = ReturnType<typeof createTrackFiles>;

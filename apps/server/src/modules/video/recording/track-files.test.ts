// Chunk files: encrypting chunk by chunk at their offsets gives the same bytes as encrypting the
// whole track at once (so chunks are written in place), also where the 128-bit counter wraps; and a
// changed or missing file is refused when decrypted for processing.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cipherAt, createTrackFiles, TrackDamagedError, type TrackKey } from './track-files.ts';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('track files', () => {
  it.each([
    ['a random counter', randomBytes(16)],
    ['a counter about to wrap', Buffer.from('ffffffffffffffffffffffffffffffff', 'hex')],
  ])('encrypt chunk by chunk as the whole track would be, with %s', (_what, iv) => {
    const k: TrackKey = { key: randomBytes(32), iv };
    const plain = randomBytes(5000);
    const cuts = [0, 7, 16, 17, 1000, 1001, 4099, 5000];
    const pieces = cuts.slice(1).map((end, i) => cipherAt(k, cuts[i]!).update(plain.subarray(cuts[i]!, end)));
    expect(Buffer.concat(pieces).equals(cipherAt(k, 0).update(plain))).toBe(true);
    expect(cipherAt(k, 0).update(Buffer.concat(pieces)).equals(plain)).toBe(true);
  });

  it('writes chunks durably in place, decrypts and checks them, and refuses a changed or missing file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-track-files-'));
    const files = createTrackFiles(path.join(dir, 'recordings'));
    const k: TrackKey = { key: randomBytes(32), iv: randomBytes(16) };
    const chunks = [randomBytes(300), randomBytes(70), randomBytes(1234)];
    let offset = 0;
    for (const c of chunks) {
      await files.writeAt('t1', offset, c, k);
      offset += c.length;
    }
    // A chunk whose transaction failed left bytes behind: the next write at the acknowledged length replaces them.
    await files.writeAt('t1', offset, randomBytes(99), k);
    const last = randomBytes(10);
    await files.writeAt('t1', offset, last, k);
    const acked = [...chunks, last].map((c, seq) => ({ seq, sha256: sha(c), bytes: c.length }));
    await files.decryptVerified('t1', k, acked, path.join(dir, 'out.webm'));
    expect(fs.readFileSync(path.join(dir, 'out.webm')).equals(Buffer.concat([...chunks, last]))).toBe(true);

    const onDisk = fs.readFileSync(files.pathOf('t1'));
    onDisk[305] = onDisk[305]! ^ 1;
    fs.writeFileSync(files.pathOf('t1'), onDisk);
    await expect(files.decryptVerified('t1', k, acked, path.join(dir, 'out2.webm'))).rejects.toThrow(/chunk 1 on disk does not match/);
    await files.remove('t1');
    await expect(files.decryptVerified('t1', k, acked, path.join(dir, 'out3.webm'))).rejects.toBeInstanceOf(TrackDamagedError);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

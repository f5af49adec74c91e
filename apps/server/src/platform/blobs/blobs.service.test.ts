// The files service on a real database and blob directory: what happens when the transaction that
// records an upload fails, and when two uploads of the same new content race.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParty, startTestApp, type TestContext } from '../../../test/harness.ts';
import type { Actor } from '../auth/index.ts';
import { systemClock, uuid } from '../clock/index.ts';
import { createFileService, type FileService } from './blobs.service.ts';
import { createFsDriver, storageKeyOf } from './drivers/index.ts';
import { SAMPLES } from './sample-files.ts';

let ctx: TestContext;
let files: FileService;
let actor: Actor;

beforeAll(async () => {
  // No background jobs, so the memory bound measures the upload path alone.
  ctx = await startTestApp({ config: { JOBS_ENABLED: 'false' } });
  files = createFileService({
    db: ctx.database.db,
    driver: createFsDriver(ctx.config.blobs.dir),
    keyring: ctx.keyring,
    clock: systemClock,
    id: uuid,
    matters: { factsOf: async () => undefined },
    tmpDir: path.join(ctx.config.blobs.dir, '.incoming'),
    maxBytes: 80 * 1024 * 1024,
  });
  actor = { userId: (await createParty(ctx)).id, roles: ['party'], organisationId: null, courtId: null };
});
afterAll(() => ctx.close());

const rows = async (sha256: string) =>
  (await ctx.database.pool.query('select (select count(*)::int from blob where sha256 = $1) as blobs, (select count(*)::int from stored_file where sha256 = $1) as files', [sha256])).rows[0];

describe('storing uploads', () => {
  it('removes the blob it put in place when the recording transaction fails', async () => {
    const upload = await files.receive(Readable.from([Buffer.from('rolled back content 回滚')]), { filename: 'x.txt' });
    const blobPath = path.join(ctx.config.blobs.dir, storageKeyOf(upload.sha256));
    await expect(
      files.store(actor, upload, {}, (work) =>
        ctx.database.db.transaction(async (tx) => {
          await work(tx);
          expect(fs.existsSync(blobPath)).toBe(true);
          throw new Error('simulated failure after the rows were written');
        }),
      ),
    ).rejects.toThrow('simulated failure');
    expect(fs.existsSync(blobPath)).toBe(false);
    expect(fs.existsSync(upload.tempPath)).toBe(false);
    expect(await rows(upload.sha256)).toEqual({ blobs: 0, files: 0 });
  });

  it('keeps one readable blob when the same new content is stored twice at once', async () => {
    const content = Buffer.concat([SAMPLES.png, Buffer.from(`race-${Date.now()}`)]);
    const [a, b] = await Promise.all([files.receive(Readable.from([content]), { filename: 'a.png' }), files.receive(Readable.from([content]), { filename: 'b.png' })]);
    const stored = await Promise.all([a, b].map((u) => files.store(actor, u, {}, (work) => ctx.database.db.transaction(work))));
    expect(await rows(a!.sha256)).toEqual({ blobs: 1, files: 2 });
    for (const file of stored) {
      const { content: stream } = await files.openContent(actor, file.id, { error: () => {} });
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).equals(content)).toBe(true);
    }
  });

  it('streams a large upload and download without holding the file in memory', async () => {
    const size = 64 * 1024 * 1024;
    const block = Buffer.alloc(64 * 1024, 'transcript line 0123456789\n');
    const expected = createHash('sha256');
    async function* generate() {
      for (let sent = 0; sent < size; sent += block.length) {
        block.write(sent.toString(16).padStart(8, '0'), 0, 'latin1'); // every block differs
        expected.update(block);
        yield Buffer.from(block);
      }
    }
    global.gc?.();
    const before = process.memoryUsage();
    const upload = await files.receive(Readable.from(generate()), { filename: '庭审录音.txt' });
    const file = await files.store(actor, upload, {}, (work) => ctx.database.db.transaction(work));
    expect(file.size).toBe(size);
    expect(file.sha256).toBe(expected.digest('hex'));
    const { content } = await files.openContent(actor, file.id, { error: () => {} });
    const actual = createHash('sha256');
    let received = 0;
    for await (const chunk of content) {
      actual.update(chunk as Buffer);
      received += (chunk as Buffer).length;
    }
    expect(received).toBe(size);
    expect(actual.digest('hex')).toBe(file.sha256);
    const after = process.memoryUsage();
    // Below the file's 64 MiB: only chunks are ever held. (Chunks not yet collected count too, and
    // collection timing varies with load, so the bound is what a whole-file buffer could not meet.)
    expect(after.rss - before.rss).toBeLessThan(48 * 1024 * 1024);
    expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(48 * 1024 * 1024);
  });

  it('closes the stored file when a download is abandoned half-way', async () => {
    const content = Buffer.alloc(4 * 1024 * 1024, 'abandoned download\n');
    const upload = await files.receive(Readable.from([content]), { filename: 'big.txt' });
    const file = await files.store(actor, upload, {}, (work) => ctx.database.db.transaction(work));
    const openFiles = () => fs.readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return fs.readlinkSync(`/proc/self/fd/${fd}`).endsWith(file.sha256);
      } catch {
        return false;
      }
    }).length;
    const { content: stream } = await files.openContent(actor, file.id, { error: () => {} });
    await new Promise<void>((resolve) => stream.once('data', () => resolve()));
    expect(openFiles()).toBe(1);
    stream.destroy();
    await expect.poll(openFiles).toBe(0);
  });

  it('never leaves a temporary file behind, whatever happens', () => {
    expect(fs.readdirSync(path.join(ctx.config.blobs.dir, '.incoming'))).toEqual([]);
  });
});

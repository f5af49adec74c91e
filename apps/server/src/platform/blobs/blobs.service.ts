// Files: receive an upload (hash, sniff and encrypt while it streams to a temporary file), store it
// once per distinct content, record who uploaded what, and hand back verified plaintext.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline as pipelineCallback, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { can, type Actor, type MatterFacts } from '../auth/index.ts';
import type { Clock, IdGenerator } from '../clock/index.ts';
import type { Keyring } from '../crypto/index.ts';
import type { Db, Executor, Tx } from '../db/database.ts';
import { appendEvent } from '../events/index.ts';
import { CommonErrors } from '../http/index.ts';
import { decryptingStream, encryptingStream, newBlobKey, type BlobKey } from './blob-cipher.ts';
import { FileErrors } from './blobs.errors.ts';
import { blobsStore, type BlobRow, type StoredFileRow } from './blobs.store.ts';
import { BlobMissingError, storageKeyOf, type BlobDriver } from './drivers/index.ts';
import { cleanFilename } from './filenames.ts';
import { checkDeclared, createSniffer, type FileKind } from './sniff.ts';

/** How the files service learns who may see a matter, without reading the matter's tables. */
export type MatterAccess = { factsOf(matterId: string): Promise<MatterFacts | undefined> };

export type ErrorLog = { error(obj: Record<string, unknown>, msg: string): void };

/** An upload received into a temporary file, encrypted, not yet stored. */
export type ReceivedUpload = {
  tempPath: string;
  filename: string;
  sha256: string;
  size: number;
  kind: FileKind;
  mediaType: string;
  blobKey: BlobKey;
  authTag: Buffer;
};

export type FileView = {
  id: string;
  sha256: string;
  filename: string;
  mediaType: string;
  size: number;
  matterId: string | null;
  createdAt: string;
};

export const fileView = (row: StoredFileRow): FileView => ({
  id: row.id,
  sha256: row.sha256,
  filename: row.filename,
  mediaType: row.mediaType,
  size: row.size,
  matterId: row.matterId,
  createdAt: row.createdAt.toISOString(),
});

export type FileServiceDeps = {
  db: Db;
  driver: BlobDriver;
  keyring: Keyring;
  clock: Clock;
  id: IdGenerator;
  matters: MatterAccess;
  /** Where uploads are written while they stream; on the blob directory's file system for the fs driver. */
  tmpDir: string;
  maxBytes: number;
};

async function fsyncFile(file: string) {
  const handle = await fs.promises.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function createFileService(deps: FileServiceDeps) {
  const { db, driver, keyring, clock, id, matters } = deps;

  /** Plaintext SHA-256 of a stored blob, checking its GCM tag; throws if either does not hold. */
  async function verifyBlob(row: BlobRow): Promise<void> {
    const hash = createHash('sha256');
    const sink = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        done();
      },
    });
    await pipeline(await driver.get(row.storageKey), decryptingStream(keyring, row), sink);
    const actual = hash.digest('hex');
    if (actual !== row.sha256) throw new Error(`plaintext SHA-256 ${actual} does not match the recorded ${row.sha256}`);
  }

  async function readableFile(actor: Actor, fileId: string, tx: Executor = db): Promise<StoredFileRow> {
    const row = await blobsStore.findFile(tx, fileId);
    if (!row) throw FileErrors.FILE_NOT_FOUND();
    if (row.matterId) {
      const facts = await matters.factsOf(row.matterId);
      if (!facts || !can(actor, 'file.read', facts)) throw FileErrors.FILE_NOT_FOUND();
    } else if (row.uploadedBy !== actor.userId) {
      throw FileErrors.FILE_NOT_FOUND();
    }
    return row;
  }

  return {
    /** Refuse early what no upload could make right: a role without uploads, a matter the actor cannot see. */
    async authorizeUpload(actor: Actor, matterId: string | undefined): Promise<void> {
      if (!can(actor, 'file.upload')) throw CommonErrors.FORBIDDEN('您的角色不能上传文件');
      if (!matterId) return;
      const facts = await matters.factsOf(matterId);
      if (!facts || !can(actor, 'matter.read', facts)) throw FileErrors.FILE_MATTER_NOT_FOUND();
    },

    /**
     * Streams an upload through SHA-256, the type sniffer and AES-256-GCM into a temporary file, never
     * holding more than a chunk in memory. Oversized or refused content leaves no file behind.
     */
    async receive(source: Readable, declared: { filename: string | undefined; mediaType?: string }): Promise<ReceivedUpload> {
      await fs.promises.mkdir(deps.tmpDir, { recursive: true });
      const tempPath = path.join(deps.tmpDir, `${randomUUID()}.part`);
      const blobKey = newBlobKey();
      const cipher = encryptingStream(blobKey);
      const hash = createHash('sha256');
      const sniffer = createSniffer();
      let size = 0;
      const inspect = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          if (size > deps.maxBytes) return done(FileErrors.FILE_TOO_LARGE(`文件不能超过 ${Math.floor(deps.maxBytes / 1024 / 1024)} MB`));
          hash.update(chunk);
          sniffer.update(chunk);
          done(null, chunk);
        },
      });
      try {
        await pipeline(source, inspect, cipher, fs.createWriteStream(tempPath, { flags: 'wx', mode: 0o600 }));
        if ((source as Readable & { truncated?: boolean }).truncated) {
          throw FileErrors.FILE_TOO_LARGE(`文件不能超过 ${Math.floor(deps.maxBytes / 1024 / 1024)} MB`);
        }
        const filename = cleanFilename(declared.filename);
        const outcome = sniffer.finish();
        if (!outcome.ok) throw FileErrors.FILE_TYPE_REFUSED(outcome.reason);
        const mismatch = checkDeclared(outcome.kind, { filename, mediaType: declared.mediaType });
        if (mismatch) throw FileErrors.FILE_TYPE_REFUSED(mismatch);
        await fsyncFile(tempPath);
        return { tempPath, filename, sha256: hash.digest('hex'), size, kind: outcome.kind, mediaType: outcome.mediaType, blobKey, authTag: cipher.getAuthTag() };
      } catch (err) {
        await fs.promises.rm(tempPath, { force: true });
        throw err;
      }
    },

    async discard(upload: ReceivedUpload): Promise<void> {
      await fs.promises.rm(upload.tempPath, { force: true });
    },

    /**
     * Stores a received upload. `transact` runs the database work in one transaction (the caller's
     * idempotency wrapper); the blob, the file row and the 'file.stored' event commit together. Content
     * already stored is not stored again. If the transaction fails, a blob this call put in place is
     * removed again, unless another upload of the same content has since recorded it.
     */
    async store<R>(actor: Actor, upload: ReceivedUpload, meta: { matterId?: string }, transact: (work: (tx: Tx) => Promise<FileView>) => Promise<R>): Promise<R> {
      let placedKey: string | undefined;
      try {
        return await transact(async (tx) => {
          await blobsStore.lockContent(tx, upload.sha256);
          const existing = await blobsStore.findBlob(tx, upload.sha256);
          if (!existing) {
            const storageKey = storageKeyOf(upload.sha256);
            await driver.put(storageKey, upload.tempPath, upload.size);
            placedKey = storageKey;
            await blobsStore.insertBlob(tx, {
              sha256: upload.sha256,
              size: upload.size,
              mediaType: upload.mediaType,
              storageKey,
              wrappedKey: keyring.seal(upload.blobKey.key),
              iv: upload.blobKey.iv,
              authTag: upload.authTag,
              createdAt: clock.now(),
            });
          }
          const row = await blobsStore.insertFile(tx, {
            id: id(),
            sha256: upload.sha256,
            filename: upload.filename,
            mediaType: existing?.mediaType ?? upload.mediaType,
            size: upload.size,
            uploadedBy: actor.userId,
            matterId: meta.matterId ?? null,
            createdAt: clock.now(),
          });
          await appendEvent(tx, {
            type: 'file.stored',
            aggregateType: 'file',
            aggregateId: row.id,
            actorId: actor.userId,
            payload: { fileId: row.id, sha256: row.sha256, size: row.size, mediaType: row.mediaType },
            occurredAt: clock.now(),
          });
          return fileView(row);
        });
      } catch (err) {
        if (placedKey) await this.removeUnrecorded(upload.sha256, placedKey);
        throw err;
      } finally {
        await this.discard(upload);
      }
    },

    /** Removes a stored blob that no committed row records (after a failed store). */
    async removeUnrecorded(sha256: string, storageKey: string): Promise<void> {
      await db.transaction(async (tx) => {
        await blobsStore.lockContent(tx, sha256);
        if (!(await blobsStore.findBlob(tx, sha256))) await driver.delete(storageKey);
      });
    },

    /**
     * Deletes a file at the end of its retention (its ledger leaves stay): the row, and the content
     * once no other file shares it. The stored object goes only after the rows are gone for good.
     */
    async removeFile(fileId: string): Promise<void> {
      const orphan = await db.transaction(async (tx) => {
        const row = await blobsStore.deleteFile(tx, fileId);
        if (!row) return undefined;
        await blobsStore.lockContent(tx, row.sha256);
        if ((await blobsStore.fileCountOf(tx, row.sha256)) > 0) return undefined;
        const blobRow = await blobsStore.findBlob(tx, row.sha256);
        if (blobRow) await blobsStore.deleteBlob(tx, row.sha256);
        return blobRow;
      });
      if (orphan) await driver.delete(orphan.storageKey);
    },

    async getFile(actor: Actor, fileId: string): Promise<FileView> {
      return fileView(await readableFile(actor, fileId));
    },

    /**
     * The decrypted content of a file the actor may read. The whole blob is checked first (GCM tag and
     * SHA-256), so tampered or damaged content is never sent; then it is decrypted again as it streams.
     */
    async openContent(actor: Actor, fileId: string, log: ErrorLog): Promise<{ file: FileView; content: Readable }> {
      const file = await readableFile(actor, fileId);
      const blobRow = await blobsStore.findBlob(db, file.sha256);
      const fail = (err: unknown, stage: string) => {
        log.error({ err, fileId, sha256: file.sha256, storageKey: blobRow?.storageKey, stage }, 'stored file failed its integrity check');
        return FileErrors.FILE_INTEGRITY_FAILED();
      };
      if (!blobRow) throw fail(new Error('no blob row'), 'lookup');
      try {
        await verifyBlob(blobRow);
      } catch (err) {
        if (err instanceof BlobMissingError) throw fail(err, 'missing');
        throw fail(err, 'verify');
      }
      const content = decryptingStream(keyring, blobRow);
      // Either side failing or closing early (a client that went away) tears down both, so no file
      // handle or object stream is left open; a failure other than a hang-up is logged.
      pipelineCallback(await driver.get(blobRow.storageKey), content, (err) => {
        if (err && (err as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') fail(err, 'stream');
      });
      return { file: fileView(file), content };
    },
  };
}

export type FileService = ReturnType<typeof createFileService>;

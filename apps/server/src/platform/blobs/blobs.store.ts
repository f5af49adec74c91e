// SQL for blobs (one row per distinct content) and stored files (one row per upload).
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';
import { blob, storedFile } from './blobs.tables.ts';

export type BlobRow = typeof blob.$inferSelect;
export type StoredFileRow = typeof storedFile.$inferSelect;

export const blobsStore = {
  /** Serialises writers of the same content until the transaction ends. */
  async lockContent(tx: Executor, sha256: string) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`blob:${sha256}`}, 0))`);
  },
  async findBlob(db: Executor, sha256: string): Promise<BlobRow | undefined> {
    const [row] = await db.select().from(blob).where(eq(blob.sha256, sha256));
    return row;
  },
  async insertBlob(db: Executor, row: typeof blob.$inferInsert) {
    await db.insert(blob).values(row);
  },
  async insertFile(db: Executor, row: typeof storedFile.$inferInsert): Promise<StoredFileRow> {
    const [inserted] = await db.insert(storedFile).values(row).returning();
    return inserted!;
  },
  async findFile(db: Executor, id: string): Promise<StoredFileRow | undefined> {
    const [row] = await db.select().from(storedFile).where(eq(storedFile.id, id));
    return row;
  },
  async listBlobKeys(db: Executor): Promise<{ sha256: string; storageKey: string }[]> {
    return db.select({ sha256: blob.sha256, storageKey: blob.storageKey }).from(blob).orderBy(blob.sha256);
  },
  async deleteFile(db: Executor, id: string): Promise<StoredFileRow | undefined> {
    const [row] = await db.delete(storedFile).where(eq(storedFile.id, id)).returning();
    return row;
  },
  async fileCountOf(db: Executor, sha256: string): Promise<number> {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(storedFile).where(eq(storedFile.sha256, sha256));
    return row!.n;
  },
  async deleteBlob(db: Executor, sha256: string) {
    await db.delete(blob).where(eq(blob.sha256, sha256));
  },
};

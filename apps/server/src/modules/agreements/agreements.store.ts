// All of the agreements module's SQL.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { agreementSignatory, mediationAgreement } from './agreements.tables.ts';

export type AgreementRow = typeof mediationAgreement.$inferSelect;
export type SignatoryRow = typeof agreementSignatory.$inferSelect;

export const agreementsStore = {
  async insert(db: Executor, row: typeof mediationAgreement.$inferInsert, signatories: (typeof agreementSignatory.$inferInsert)[]) {
    await db.insert(mediationAgreement).values(row);
    await db.insert(agreementSignatory).values(signatories);
  },

  /** The agreement, locked for this transaction when `lock`: every change goes through one row. */
  async find(db: Executor, id: string, lock = false): Promise<AgreementRow | undefined> {
    const q = db.select().from(mediationAgreement).where(eq(mediationAgreement.id, id));
    const [row] = lock ? await q.for('update') : await q;
    return row;
  },

  async signatories(db: Executor, agreementId: string): Promise<SignatoryRow[]> {
    return db.select().from(agreementSignatory).where(eq(agreementSignatory.agreementId, agreementId)).orderBy(asc(agreementSignatory.position));
  },

  async listForMatter(db: Executor, matterId: string): Promise<AgreementRow[]> {
    return db.select().from(mediationAgreement).where(eq(mediationAgreement.matterId, matterId)).orderBy(desc(mediationAgreement.createdAt));
  },

  /** Applies a change and bumps the version; the caller holds the row lock and checked the version. */
  async update(db: Executor, id: string, set: Partial<Pick<AgreementRow, 'status' | 'terms' | 'fileId' | 'sha256' | 'closedReason'>>, now: Date) {
    await db
      .update(mediationAgreement)
      .set({ ...set, version: sql`${mediationAgreement.version} + 1`, updatedAt: now })
      .where(eq(mediationAgreement.id, id));
  },

  async sign(db: Executor, agreementId: string, userId: string, s: { signedAt: Date; signatureCipher: Buffer; signatureSha256: string }) {
    await db.update(agreementSignatory).set(s).where(and(eq(agreementSignatory.agreementId, agreementId), eq(agreementSignatory.userId, userId)));
  },

  /** Back to drafting: every signature given so far is void. */
  async clearSignatures(db: Executor, agreementId: string) {
    await db.update(agreementSignatory).set({ signedAt: null, signatureCipher: null, signatureSha256: null }).where(eq(agreementSignatory.agreementId, agreementId));
  },
};

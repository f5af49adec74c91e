// All of the confirmation module's SQL.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { confirmationApplicant, confirmationApplication } from './confirmation.tables.ts';

export type ApplicationRow = typeof confirmationApplication.$inferSelect;
export type ApplicantRow = typeof confirmationApplicant.$inferSelect;

export const confirmationStore = {
  /** The agreement's application, created at the first party's click; two clicks at once make one. */
  async ensure(db: Executor, row: typeof confirmationApplication.$inferInsert, partyIds: string[]): Promise<ApplicationRow> {
    await db.insert(confirmationApplication).values(row).onConflictDoNothing({ target: confirmationApplication.agreementId });
    const [found] = await db.select().from(confirmationApplication).where(eq(confirmationApplication.agreementId, row.agreementId)).for('update');
    await db
      .insert(confirmationApplicant)
      .values(partyIds.map((userId) => ({ applicationId: found!.id, userId })))
      .onConflictDoNothing();
    return found!;
  },
  async byAgreement(db: Executor, agreementId: string): Promise<ApplicationRow | undefined> {
    const [row] = await db.select().from(confirmationApplication).where(eq(confirmationApplication.agreementId, agreementId));
    return row;
  },
  async applicants(db: Executor, applicationId: string): Promise<ApplicantRow[]> {
    return db.select().from(confirmationApplicant).where(eq(confirmationApplicant.applicationId, applicationId)).orderBy(asc(confirmationApplicant.userId));
  },
  async markApplied(db: Executor, applicationId: string, userId: string, at: Date) {
    await db.update(confirmationApplicant).set({ appliedAt: at }).where(and(eq(confirmationApplicant.applicationId, applicationId), eq(confirmationApplicant.userId, userId)));
  },
  async update(db: Executor, id: string, set: Partial<Pick<ApplicationRow, 'status' | 'submittedAt'>>, now: Date) {
    await db
      .update(confirmationApplication)
      .set({ ...set, version: sql`${confirmationApplication.version} + 1`, updatedAt: now })
      .where(eq(confirmationApplication.id, id));
  },
};

// SQL for case numbers: the per-court, per-type, per-year counters and a court's own type codes.
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { caseNumberCounter, courtCaseType } from './case-numbers.tables.ts';

export type CourtCaseTypeRow = typeof courtCaseType.$inferSelect;

export const caseNumbersStore = {
  /**
   * The next number for the court, type and year, counted from 1. The counter row stays locked until the
   * caller's transaction ends, so numbers are unique across processes and a rolled-back filing leaves no gap.
   */
  async next(tx: Executor, key: { courtId: string; typeCode: string; year: number }): Promise<number> {
    const [row] = await tx
      .insert(caseNumberCounter)
      .values({ ...key, lastSeq: 1 })
      .onConflictDoUpdate({
        target: [caseNumberCounter.courtId, caseNumberCounter.typeCode, caseNumberCounter.year],
        set: { lastSeq: sql`${caseNumberCounter.lastSeq} + 1` },
      })
      .returning({ seq: caseNumberCounter.lastSeq });
    return row!.seq;
  },

  async courtTypes(db: Executor, courtId: string): Promise<CourtCaseTypeRow[]> {
    return db.select().from(courtCaseType).where(eq(courtCaseType.courtId, courtId));
  },

  async courtType(db: Executor, courtId: string, code: string): Promise<CourtCaseTypeRow | undefined> {
    const [row] = await db.select().from(courtCaseType).where(and(eq(courtCaseType.courtId, courtId), eq(courtCaseType.code, code)));
    return row;
  },

  async saveCourtType(tx: Executor, row: { courtId: string; code: string; name: string; enabled: boolean; updatedBy: string; updatedAt: Date }): Promise<void> {
    await tx
      .insert(courtCaseType)
      .values(row)
      .onConflictDoUpdate({ target: [courtCaseType.courtId, courtCaseType.code], set: { name: row.name, enabled: row.enabled, updatedBy: row.updatedBy, updatedAt: row.updatedAt } });
  },
};

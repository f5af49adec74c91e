// All SQL of filing and preservation applications.
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { organisation } from '../../platform/auth/auth.tables.ts';
import { filingApplication, filingClaim, filingMaterial, filingParty, filingStatusHistory, preservationApplication, preservationProperty } from './filing.tables.ts';

export type FilingRow = typeof filingApplication.$inferSelect;
export type FilingPartyRow = typeof filingParty.$inferSelect;
export type FilingClaimRow = typeof filingClaim.$inferSelect;
export type FilingHistoryRow = typeof filingStatusHistory.$inferSelect;
export type PreservationRow = typeof preservationApplication.$inferSelect;
export type PreservationPropertyRow = typeof preservationProperty.$inferSelect;

export type FilingContent = {
  parties: (typeof filingParty.$inferInsert)[];
  claims: (typeof filingClaim.$inferInsert)[];
  materials: (typeof filingMaterial.$inferInsert)[];
};

export const filingStore = {
  /** The courts a complaint may be filed with. */
  async courts(db: Executor): Promise<{ id: string; name: string }[]> {
    return db.select({ id: organisation.id, name: organisation.name }).from(organisation).where(eq(organisation.kind, 'court')).orderBy(asc(organisation.name));
  },
  async insert(tx: Executor, row: typeof filingApplication.$inferInsert, content: FilingContent) {
    await tx.insert(filingApplication).values(row);
    await this.insertContent(tx, content);
  },
  async insertContent(tx: Executor, c: FilingContent) {
    if (c.parties.length) await tx.insert(filingParty).values(c.parties);
    if (c.claims.length) await tx.insert(filingClaim).values(c.claims);
    if (c.materials.length) await tx.insert(filingMaterial).values(c.materials);
  },
  /** Replaces the complaint's parties, claims and materials (a correction resubmits them all). */
  async replaceContent(tx: Executor, applicationId: string, c: FilingContent) {
    await tx.delete(filingParty).where(eq(filingParty.applicationId, applicationId));
    await tx.delete(filingClaim).where(eq(filingClaim.applicationId, applicationId));
    await tx.delete(filingMaterial).where(eq(filingMaterial.applicationId, applicationId));
    await this.insertContent(tx, c);
  },
  async get(db: Executor, id: string, opts: { lock?: boolean } = {}): Promise<FilingRow | undefined> {
    const q = db.select().from(filingApplication).where(eq(filingApplication.id, id));
    const [row] = opts.lock ? await q.for('update') : await q;
    return row;
  },
  /**
   * Updates the application only if it is still at the version the caller read: the row lock taken
   * before makes this exact, and a caller that lost the race sees `false`.
   */
  async update(tx: Executor, id: string, version: number, set: Partial<typeof filingApplication.$inferInsert>): Promise<boolean> {
    const rows = await tx
      .update(filingApplication)
      .set({ ...set, version: version + 1 })
      .where(and(eq(filingApplication.id, id), eq(filingApplication.version, version)))
      .returning({ id: filingApplication.id });
    return rows.length === 1;
  },
  async content(db: Executor, id: string) {
    const [parties, claims, materials, history] = await Promise.all([
      db.select().from(filingParty).where(eq(filingParty.applicationId, id)).orderBy(asc(filingParty.seq)),
      db.select().from(filingClaim).where(eq(filingClaim.applicationId, id)).orderBy(asc(filingClaim.seq)),
      db.select().from(filingMaterial).where(eq(filingMaterial.applicationId, id)).orderBy(asc(filingMaterial.seq)),
      db.select().from(filingStatusHistory).where(eq(filingStatusHistory.applicationId, id)).orderBy(asc(filingStatusHistory.version)),
    ]);
    return { parties, claims, materials, history };
  },
  async addHistory(tx: Executor, row: typeof filingStatusHistory.$inferInsert) {
    await tx.insert(filingStatusHistory).values(row);
  },
  async partiesOf(db: Executor, ids: string[]): Promise<FilingPartyRow[]> {
    if (!ids.length) return [];
    return db.select().from(filingParty).where(inArray(filingParty.applicationId, ids)).orderBy(asc(filingParty.seq));
  },
  async listOfFiler(db: Executor, filerId: string, status?: string): Promise<FilingRow[]> {
    const where = status ? and(eq(filingApplication.filerId, filerId), eq(filingApplication.status, status)) : eq(filingApplication.filerId, filerId);
    return db.select().from(filingApplication).where(where).orderBy(desc(filingApplication.submittedAt), desc(filingApplication.id)).limit(200);
  },
  /** A court's queue, oldest first (the 7-day clock of art. 126 runs from submission). */
  async queueOfCourt(db: Executor, courtId: string, opts: { status?: string; submittedBefore?: Date }): Promise<FilingRow[]> {
    const conds = [eq(filingApplication.courtId, courtId)];
    if (opts.status) conds.push(eq(filingApplication.status, opts.status));
    if (opts.submittedBefore) conds.push(lte(filingApplication.submittedAt, opts.submittedBefore));
    return db.select().from(filingApplication).where(and(...conds)).orderBy(asc(filingApplication.submittedAt), asc(filingApplication.id)).limit(500);
  },
  async overdueCorrections(db: Executor, now: Date, limit: number): Promise<FilingRow[]> {
    return db
      .select()
      .from(filingApplication)
      .where(and(eq(filingApplication.status, 'correction'), lte(filingApplication.correctionDeadline, now)))
      .orderBy(asc(filingApplication.correctionDeadline))
      .limit(limit);
  },

  // ---- preservation ----
  async insertPreservation(tx: Executor, row: typeof preservationApplication.$inferInsert, property: (typeof preservationProperty.$inferInsert)[]) {
    await tx.insert(preservationApplication).values(row);
    await tx.insert(preservationProperty).values(property);
  },
  async preservation(db: Executor, id: string, opts: { lock?: boolean } = {}): Promise<PreservationRow | undefined> {
    const q = db.select().from(preservationApplication).where(eq(preservationApplication.id, id));
    const [row] = opts.lock ? await q.for('update') : await q;
    return row;
  },
  async propertyOf(db: Executor, id: string): Promise<PreservationPropertyRow[]> {
    return db.select().from(preservationProperty).where(eq(preservationProperty.applicationId, id)).orderBy(asc(preservationProperty.seq));
  },
  async updatePreservation(tx: Executor, id: string, version: number, set: Partial<typeof preservationApplication.$inferInsert>): Promise<boolean> {
    const rows = await tx
      .update(preservationApplication)
      .set({ ...set, version: sql`${preservationApplication.version} + 1` })
      .where(and(eq(preservationApplication.id, id), eq(preservationApplication.version, version)))
      .returning({ id: preservationApplication.id });
    return rows.length === 1;
  },
  async preservationsOf(db: Executor, opts: { applicantId?: string; courtId?: string }): Promise<PreservationRow[]> {
    const where = opts.applicantId ? eq(preservationApplication.applicantId, opts.applicantId) : eq(preservationApplication.courtId, opts.courtId!);
    return db.select().from(preservationApplication).where(where).orderBy(desc(preservationApplication.createdAt), desc(preservationApplication.id)).limit(200);
  },
};

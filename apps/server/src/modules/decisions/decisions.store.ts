// All SQL of decisions: the documents, their service, appeals and certificates.
import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { decision, decisionAppeal, decisionCertificate, decisionService } from './decisions.tables.ts';

export type DecisionRow = typeof decision.$inferSelect;
export type ServiceRow = typeof decisionService.$inferSelect;
export type AppealRow = typeof decisionAppeal.$inferSelect;
export type CertificateRow = typeof decisionCertificate.$inferSelect;

export const decisionsStore = {
  async insertDecision(tx: Executor, row: typeof decision.$inferInsert) {
    await tx.insert(decision).values(row);
  },
  async decision(db: Executor, id: string, opts: { lock?: boolean } = {}): Promise<DecisionRow | undefined> {
    const q = db.select().from(decision).where(eq(decision.id, id));
    const [row] = opts.lock ? await q.for('update') : await q;
    return row;
  },
  async decisionsOfMatter(db: Executor, matterId: string): Promise<DecisionRow[]> {
    return db.select().from(decision).where(eq(decision.matterId, matterId)).orderBy(asc(decision.createdAt), asc(decision.id));
  },
  async insertServices(tx: Executor, rows: (typeof decisionService.$inferInsert)[]) {
    if (rows.length) await tx.insert(decisionService).values(rows);
  },
  async servicesOf(db: Executor, decisionIds: string[]): Promise<ServiceRow[]> {
    if (!decisionIds.length) return [];
    return db.select().from(decisionService).where(inArray(decisionService.decisionId, decisionIds)).orderBy(asc(decisionService.servedAt));
  },
  async insertAppeal(tx: Executor, row: typeof decisionAppeal.$inferInsert) {
    await tx.insert(decisionAppeal).values(row);
  },
  async appealsOf(db: Executor, decisionIds: string[]): Promise<AppealRow[]> {
    if (!decisionIds.length) return [];
    return db.select().from(decisionAppeal).where(inArray(decisionAppeal.decisionId, decisionIds)).orderBy(asc(decisionAppeal.filedOn));
  },
  async insertCertificate(tx: Executor, row: typeof decisionCertificate.$inferInsert) {
    await tx.insert(decisionCertificate).values(row);
  },
  async certificatesOf(db: Executor, decisionIds: string[]): Promise<CertificateRow[]> {
    if (!decisionIds.length) return [];
    return db.select().from(decisionCertificate).where(inArray(decisionCertificate.decisionId, decisionIds)).orderBy(asc(decisionCertificate.issuedAt));
  },
  async certificate(db: Executor, id: string): Promise<CertificateRow | undefined> {
    const [row] = await db.select().from(decisionCertificate).where(eq(decisionCertificate.id, id));
    return row;
  },
  async certificateByCode(db: Executor, code: string): Promise<CertificateRow | undefined> {
    const [row] = await db.select().from(decisionCertificate).where(eq(decisionCertificate.code, code));
    return row;
  },
};

import { and, desc, eq, gte, ilike, lt, lte, or, type SQL } from 'drizzle-orm';
import type { TAuditQuery } from '@opencourt/contracts';
import type { Executor } from '../db/database.ts';
import { auditEntry } from './audit.tables.ts';

export type AuditRecord = typeof auditEntry.$inferInsert;
export type AuditRow = typeof auditEntry.$inferSelect;

export const auditStore = {
  async append(db: Executor, record: AuditRecord) {
    await db.insert(auditEntry).values(record);
  },
  /** Newest first; the cursor is the last id seen. */
  async search(db: Executor, q: TAuditQuery, beforeId: number | undefined): Promise<AuditRow[]> {
    const where: (SQL | undefined)[] = [
      q.actorId ? eq(auditEntry.actorId, q.actorId) : undefined,
      q.action ? ilike(auditEntry.action, `${q.action.replace(/[%_\\]/g, '\\$&')}%`) : undefined,
      q.resourceType ? eq(auditEntry.resourceType, q.resourceType) : undefined,
      q.resourceId ? eq(auditEntry.resourceId, q.resourceId) : undefined,
      q.outcome ? eq(auditEntry.outcome, q.outcome) : undefined,
      q.from ? gte(auditEntry.at, new Date(q.from)) : undefined,
      q.to ? lte(auditEntry.at, new Date(q.to)) : undefined,
      q.q
        ? or(ilike(auditEntry.actorLabel, `%${q.q.replace(/[%_\\]/g, '\\$&')}%`), ilike(auditEntry.ip, `${q.q.replace(/[%_\\]/g, '\\$&')}%`))
        : undefined,
      beforeId !== undefined ? lt(auditEntry.id, beforeId) : undefined,
    ];
    return db
      .select()
      .from(auditEntry)
      .where(and(...where))
      .orderBy(desc(auditEntry.id))
      .limit(q.limit + 1);
  },
};

import { createHash } from 'node:crypto';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';
import { oneTimeCode } from './auth.tables.ts';

export const hashCode = (id: string, code: string) => createHash('sha256').update(`${id}:${code}`).digest('base64url');

export const oneTimeCodesStore = {
  async insert(db: Executor, row: typeof oneTimeCode.$inferInsert) {
    await db.insert(oneTimeCode).values(row);
  },
  /** Codes sent to this number since a moment, newest first. */
  async sentSince(db: Executor, phoneLookup: string, purpose: string, since: Date) {
    return db
      .select({ id: oneTimeCode.id, createdAt: oneTimeCode.createdAt })
      .from(oneTimeCode)
      .where(and(eq(oneTimeCode.phoneLookup, phoneLookup), eq(oneTimeCode.purpose, purpose), gt(oneTimeCode.createdAt, since)))
      .orderBy(desc(oneTimeCode.createdAt));
  },
  /** The newest unexpired, unconsumed code, locked for this transaction. */
  async latestOpen(db: Executor, phoneLookup: string, purpose: string, now: Date) {
    const [row] = await db
      .select()
      .from(oneTimeCode)
      .where(
        and(eq(oneTimeCode.phoneLookup, phoneLookup), eq(oneTimeCode.purpose, purpose), isNull(oneTimeCode.consumedAt), gt(oneTimeCode.expiresAt, now)),
      )
      .orderBy(desc(oneTimeCode.createdAt))
      .limit(1)
      .for('update');
    return row;
  },
  async countAttempt(db: Executor, id: string) {
    await db.update(oneTimeCode).set({ attempts: sql`${oneTimeCode.attempts} + 1` }).where(eq(oneTimeCode.id, id));
  },
  async consume(db: Executor, id: string, now: Date) {
    await db.update(oneTimeCode).set({ consumedAt: now }).where(eq(oneTimeCode.id, id));
  },
};

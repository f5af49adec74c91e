// SQL for what a matter holds besides its header: parties, agents, claims, deadlines.
import { and, asc, eq, lt, sql } from 'drizzle-orm';
import { appUser } from '../../platform/auth/auth.tables.ts';
import type { Executor } from '../../platform/db/database.ts';
import { domainEvent } from '../../platform/events/events.tables.ts';
import { matter, matterAgent, matterClaim, matterDeadline, matterParticipant, matterParty } from './matters.tables.ts';

export type PartyRow = typeof matterParty.$inferSelect;
export type AgentRow = typeof matterAgent.$inferSelect;
export type ClaimRow = typeof matterClaim.$inferSelect;
export type DeadlineRow = typeof matterDeadline.$inferSelect;

export const recordStore = {
  async insertParties(db: Executor, rows: (typeof matterParty.$inferInsert)[]) {
    if (rows.length) await db.insert(matterParty).values(rows);
  },
  async insertAgents(db: Executor, rows: (typeof matterAgent.$inferInsert)[]) {
    if (rows.length) await db.insert(matterAgent).values(rows);
  },
  async insertClaims(db: Executor, rows: (typeof matterClaim.$inferInsert)[]) {
    if (rows.length) await db.insert(matterClaim).values(rows);
  },
  /** Adds access for a user in a role; a second grant of the same role is a no-op. */
  async addParticipant(db: Executor, matterId: string, userId: string, role: string) {
    await db.insert(matterParticipant).values({ matterId, userId, role }).onConflictDoNothing();
  },
  async removePartyAccessIfUnlinked(db: Executor, matterId: string, userId: string) {
    await db.execute(sql`delete from ${matterParticipant} mp where mp.matter_id = ${matterId} and mp.user_id = ${userId} and mp.role = 'party'
      and not exists (select 1 from ${matterParty} p where p.matter_id = ${matterId} and p.user_id = ${userId})`);
  },
  parties: (db: Executor, matterId: string) => db.select().from(matterParty).where(eq(matterParty.matterId, matterId)).orderBy(asc(matterParty.ordinal)),
  agents: (db: Executor, matterId: string) => db.select().from(matterAgent).where(eq(matterAgent.matterId, matterId)).orderBy(asc(matterAgent.createdAt), asc(matterAgent.id)),
  claims: (db: Executor, matterId: string) => db.select().from(matterClaim).where(eq(matterClaim.matterId, matterId)).orderBy(asc(matterClaim.ordinal)),
  deadlines: (db: Executor, matterId: string) => db.select().from(matterDeadline).where(eq(matterDeadline.matterId, matterId)).orderBy(asc(matterDeadline.dueAt), asc(matterDeadline.id)),
  async party(db: Executor, matterId: string, partyId: string): Promise<PartyRow | undefined> {
    const [row] = await db.select().from(matterParty).where(and(eq(matterParty.matterId, matterId), eq(matterParty.id, partyId))).for('update');
    return row;
  },
  async claim(db: Executor, matterId: string, claimId: string): Promise<ClaimRow | undefined> {
    const [row] = await db.select().from(matterClaim).where(and(eq(matterClaim.matterId, matterId), eq(matterClaim.id, claimId))).for('update');
    return row;
  },
  async deadline(db: Executor, matterId: string, id: string): Promise<DeadlineRow | undefined> {
    const [row] = await db.select().from(matterDeadline).where(and(eq(matterDeadline.matterId, matterId), eq(matterDeadline.id, id))).for('update');
    return row;
  },
  /** The next ordinal for parties or claims of the matter; the matter row is locked first so two adds do not collide. */
  async nextOrdinal(db: Executor, matterId: string, table: 'party' | 'claim'): Promise<number> {
    await db.select({ id: matter.id }).from(matter).where(eq(matter.id, matterId)).for('update');
    const t = table === 'party' ? matterParty : matterClaim;
    const [row] = await db.select({ n: sql<number>`coalesce(max(${t.ordinal}), -1)::int + 1` }).from(t).where(eq(t.matterId, matterId));
    return row!.n;
  },
  updateParty: (db: Executor, id: string, set: Partial<typeof matterParty.$inferInsert>) => db.update(matterParty).set(set).where(eq(matterParty.id, id)),
  updateClaim: (db: Executor, id: string, set: Partial<typeof matterClaim.$inferInsert>) => db.update(matterClaim).set(set).where(eq(matterClaim.id, id)),
  insertDeadline: (db: Executor, row: typeof matterDeadline.$inferInsert) => db.insert(matterDeadline).values(row),
  closeDeadline: (db: Executor, id: string, status: 'met' | 'missed', at: Date) => db.update(matterDeadline).set({ status, closedAt: at }).where(eq(matterDeadline.id, id)),
  /** Open deadlines past due, locked and skipped by concurrent runners, oldest first. */
  overdue: (db: Executor, now: Date, limit: number) =>
    db.select().from(matterDeadline).where(and(eq(matterDeadline.status, 'open'), lt(matterDeadline.dueAt, now))).orderBy(asc(matterDeadline.dueAt)).limit(limit).for('update', { skipLocked: true }),
  async setHeader(db: Executor, matterId: string, set: { causeVersion?: string | null; causeCode?: string | null; areaCode?: string | null; updatedAt: Date }) {
    await db.update(matter).set(set).where(eq(matter.id, matterId));
  },
  /** The matter's events, oldest first, with the acting user's display name. */
  events: (db: Executor, matterId: string, limit: number) =>
    db
      .select({ event: domainEvent, actorName: appUser.displayName })
      .from(domainEvent)
      .leftJoin(appUser, eq(appUser.id, domainEvent.actorId))
      .where(and(eq(domainEvent.aggregateType, 'matter'), eq(domainEvent.aggregateId, matterId)))
      .orderBy(asc(domainEvent.id))
      .limit(limit),
};

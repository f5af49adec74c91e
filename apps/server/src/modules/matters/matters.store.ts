// The matter core's SQL. Issue-specific modules (disputes, filing, …) add their own tables.
import { and, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { appUser } from '../../platform/auth/auth.tables.ts';
import type { MatterRole, MatterScope } from '../../platform/auth/index.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { matter, matterParticipant } from './matters.tables.ts';

export type MatterRow = typeof matter.$inferSelect;
export type ParticipantRow = { userId: string; role: MatterRole; displayName: string };

/** The SQL form of the policy's read scope (see matterReadScope). */
function scopeFilter(scope: MatterScope): SQL {
  const visible: SQL[] = [
    sql`exists (select 1 from ${matterParticipant} mp where mp.matter_id = ${matter.id} and mp.user_id = ${scope.participantUserId})`,
  ];
  if (scope.courtWideCourtId) visible.push(eq(matter.courtId, scope.courtWideCourtId));
  if (scope.filedByOrgId) visible.push(eq(matter.filedByOrgId, scope.filedByOrgId));
  return or(...visible)!;
}

export const mattersStore = {
  async insert(db: Executor, row: typeof matter.$inferInsert, participants: { userId: string; role: MatterRole }[]) {
    await db.insert(matter).values(row);
    if (participants.length) await db.insert(matterParticipant).values(participants.map((p) => ({ matterId: row.id, ...p })));
  },
  /** A matter with its participants, in one round trip. */
  detailQuery(db: Executor, id: ReturnType<typeof sql.placeholder> | string) {
    return db
      .select({
        matter,
        participants: sql<ParticipantRow[]>`coalesce((
          select json_agg(json_build_object('userId', mp.user_id, 'role', mp.role, 'displayName', u.display_name) order by mp.created_at, mp.user_id)
          from ${matterParticipant} mp join ${appUser} u on u.id = mp.user_id
          where mp.matter_id = "matter"."id"), '[]'::json)`,
      })
      .from(matter)
      .where(eq(matter.id, id));
  },
  async detail(db: Executor, id: string): Promise<{ matter: MatterRow; participants: ParticipantRow[] } | undefined> {
    const [row] = await this.detailQuery(db, id);
    return row;
  },
  /** The same, prepared once on the pool for the hot read path. */
  prepareDetail(db: Db) {
    const prepared = this.detailQuery(db, sql.placeholder('id')).prepare('matter_detail');
    return async (id: string) => (await prepared.execute({ id }))[0];
  },
  /** Visible matters, newest first; the cursor is (createdAt, id) of the last one seen. */
  async listVisible(db: Executor, scope: MatterScope, limit: number, after?: { createdAt: string; id: string }): Promise<MatterRow[]> {
    const cursor = after
      ? or(lt(matter.createdAt, new Date(after.createdAt)), and(eq(matter.createdAt, new Date(after.createdAt)), lt(matter.id, after.id)))
      : undefined;
    return db
      .select()
      .from(matter)
      .where(and(scopeFilter(scope), cursor))
      .orderBy(desc(matter.createdAt), desc(matter.id))
      .limit(limit + 1);
  },
  async existingUserIds(db: Executor, ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await db.select({ id: appUser.id }).from(appUser).where(inArray(appUser.id, ids));
    return new Set(rows.map((r) => r.id));
  },
};

// Which of the sessions behind open sockets are still valid (not signed out, not expired, user active).
import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import { appUser, authSession } from '../auth/auth.tables.ts';
import type { Executor } from '../db/database.ts';

export async function liveSessionIds(db: Executor, sessionIds: string[], now: Date): Promise<Set<string>> {
  if (!sessionIds.length) return new Set();
  const rows = await db
    .select({ id: authSession.id })
    .from(authSession)
    .innerJoin(appUser, eq(appUser.id, authSession.userId))
    .where(and(inArray(authSession.id, sessionIds), isNull(authSession.revokedAt), gt(authSession.expiresAt, now), eq(authSession.stage, 'full'), eq(appUser.status, 'active')));
  return new Set(rows.map((r) => r.id));
}

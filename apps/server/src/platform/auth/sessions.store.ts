// Sessions: the cookie holds a random token; only its SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/database.ts';
import { appUser, authSession, organisation } from './auth.tables.ts';
import type { Role } from './roles.ts';

export type SessionStage = 'full' | 'mfa' | 'enrol';

export const tokenId = (token: string) => createHash('sha256').update(token).digest('base64url');

export type ResolvedSession = {
  sessionId: string;
  stage: SessionStage;
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
  method: string;
  user: {
    id: string;
    displayName: string;
    roles: Role[];
    organisationId: string | null;
    organisationKind: string | null;
    organisationParentId: string | null;
    locale: string;
    status: string;
    totpEnabled: boolean;
  };
};

export const sessionsStore = {
  async create(
    db: Executor,
    input: { userId: string; stage: SessionStage; method: string; ip?: string; userAgent?: string; now: Date; ttlMs: number },
  ): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(input.now.getTime() + input.ttlMs);
    await db.insert(authSession).values({
      id: tokenId(token),
      userId: input.userId,
      stage: input.stage,
      csrfToken,
      method: input.method,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300),
      createdAt: input.now,
      lastSeenAt: input.now,
      expiresAt,
    });
    return { token, csrfToken, expiresAt };
  },

  /** Prepared once per pool: the hottest query of the platform (every signed-in request). */
  prepareResolve(db: Db) {
    const query = db
      .select({
        sessionId: authSession.id,
        stage: authSession.stage,
        csrfToken: authSession.csrfToken,
        lastSeenAt: authSession.lastSeenAt,
        expiresAt: authSession.expiresAt,
        method: authSession.method,
        userId: appUser.id,
        displayName: appUser.displayName,
        roles: appUser.roles,
        organisationId: appUser.organisationId,
        organisationKind: organisation.kind,
        organisationParentId: organisation.parentId,
        locale: appUser.locale,
        status: appUser.status,
        totpEnabledAt: appUser.totpEnabledAt,
      })
      .from(authSession)
      .innerJoin(appUser, eq(appUser.id, authSession.userId))
      .leftJoin(organisation, eq(organisation.id, appUser.organisationId))
      .where(and(eq(authSession.id, sql.placeholder('id')), isNull(authSession.revokedAt), gt(authSession.expiresAt, sql.placeholder('now'))))
      .prepare('resolve_session');
    return async (token: string, now: Date): Promise<ResolvedSession | undefined> => {
      const [row] = await query.execute({ id: tokenId(token), now });
      if (!row) return undefined;
      return {
        sessionId: row.sessionId,
        stage: row.stage as SessionStage,
        csrfToken: row.csrfToken,
        lastSeenAt: row.lastSeenAt,
        expiresAt: row.expiresAt,
        method: row.method,
        user: {
          id: row.userId,
          displayName: row.displayName,
          roles: row.roles as Role[],
          organisationId: row.organisationId,
          organisationKind: row.organisationKind,
          organisationParentId: row.organisationParentId,
          locale: row.locale,
          status: row.status,
          totpEnabled: row.totpEnabledAt !== null,
        },
      };
    };
  },

  async touch(db: Executor, sessionId: string, now: Date, expiresAt: Date) {
    await db.update(authSession).set({ lastSeenAt: now, expiresAt }).where(eq(authSession.id, sessionId));
  },
  async setStage(db: Executor, sessionId: string, stage: SessionStage) {
    await db.update(authSession).set({ stage }).where(eq(authSession.id, sessionId));
  },
  async revoke(db: Executor, sessionId: string, now: Date) {
    await db.update(authSession).set({ revokedAt: now }).where(and(eq(authSession.id, sessionId), isNull(authSession.revokedAt)));
  },
  async revokeAllForUser(db: Executor, userId: string, now: Date): Promise<number> {
    const rows = await db
      .update(authSession)
      .set({ revokedAt: now })
      .where(and(eq(authSession.userId, userId), isNull(authSession.revokedAt)))
      .returning({ id: authSession.id });
    return rows.length;
  },
};

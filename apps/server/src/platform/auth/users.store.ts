// SQL for organisations and users.
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';
import { appUser, organisation } from './auth.tables.ts';
import type { OrganisationKind, Role } from './roles.ts';

export type UserRow = typeof appUser.$inferSelect;
export type OrganisationRow = typeof organisation.$inferSelect;

export const usersStore = {
  async insertOrganisation(db: Executor, row: { id: string; kind: OrganisationKind; name: string; code?: string | null; parentId?: string | null; areaCode?: string | null }) {
    await db.insert(organisation).values(row);
  },
  async findOrganisation(db: Executor, id: string): Promise<OrganisationRow | undefined> {
    const [row] = await db.select().from(organisation).where(eq(organisation.id, id));
    return row;
  },
  async insertUser(db: Executor, row: typeof appUser.$inferInsert) {
    await db.insert(appUser).values(row);
  },
  async findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
    const [row] = await db.select().from(appUser).where(eq(appUser.id, id));
    return row;
  },
  async findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
    const [row] = await db.select().from(appUser).where(eq(appUser.username, username));
    return row;
  },
  async findUserByPhone(db: Executor, phoneLookup: string): Promise<UserRow | undefined> {
    const [row] = await db.select().from(appUser).where(eq(appUser.phoneLookup, phoneLookup));
    return row;
  },
  async recordFailedLogin(db: Executor, id: string, maxFailures: number, lockUntil: Date) {
    const [row] = await db
      .update(appUser)
      .set({
        failedLogins: sql`${appUser.failedLogins} + 1`,
        lockedUntil: sql`case when ${appUser.failedLogins} + 1 >= ${maxFailures} then ${lockUntil.toISOString()}::timestamptz else ${appUser.lockedUntil} end`,
        updatedAt: sql`now()`,
      })
      .where(eq(appUser.id, id))
      .returning({ failedLogins: appUser.failedLogins, lockedUntil: appUser.lockedUntil });
    return row;
  },
  async clearFailedLogins(db: Executor, id: string) {
    await db.update(appUser).set({ failedLogins: 0, lockedUntil: null }).where(and(eq(appUser.id, id), sql`${appUser.failedLogins} > 0`));
  },
  async setTotp(db: Executor, id: string, secretCipher: Buffer | null, enabledAt: Date | null) {
    await db.update(appUser).set({ totpSecretCipher: secretCipher, totpEnabledAt: enabledAt, updatedAt: sql`now()` }).where(eq(appUser.id, id));
  },
  async setPassword(db: Executor, id: string, passwordHash: string) {
    await db.update(appUser).set({ passwordHash, updatedAt: sql`now()` }).where(eq(appUser.id, id));
  },
  async setLocale(db: Executor, id: string, locale: string) {
    await db.update(appUser).set({ locale }).where(eq(appUser.id, id));
  },
  async countUsers(db: Executor): Promise<number> {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(appUser);
    return row?.n ?? 0;
  },
};

export type NewUser = {
  id: string;
  organisationId: string | null;
  displayName: string;
  username?: string | null;
  roles: Role[];
};

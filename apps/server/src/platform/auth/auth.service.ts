// Sign-in use cases: staff by password (+ TOTP), parties by phone + one-time SMS code; sessions and
// sign-out everywhere. Lock-out and code limits are kept in the database, so they hold across processes.
import type { Clock, IdGenerator } from '../clock/index.ts';
import type { Keyring } from '../crypto/index.ts';
import { maskPhone, normalisePhone } from '../crypto/index.ts';
import type { Db } from '../db/database.ts';
import type { SmsDriver } from '../notify/sms.ts';
import { AuthErrors } from './auth.errors.ts';
import { usedTotp } from './auth.tables.ts';
import { acceptCode, CODE_MIN_INTERVAL_MS, CODE_TTL_MS, issueCode } from './one-time-codes.ts';
import { hashPassword, passwordWeakness, verifyPassword } from './passwords.ts';
import { isStaff, type Role } from './roles.ts';
import type { CacheNotifications } from '../cache/index.ts';
import { createSessionCache } from './session-cache.ts';
import { sessionsStore, type ResolvedSession, type SessionStage } from './sessions.store.ts';
import { generateTotpSecret, matchTotpStep, totpUri } from './totp.ts';
import { usersStore } from './users.store.ts';

export type AuthSettings = {
  sessionTtlMs: number;
  staffMfa: 'optional' | 'required';
  loginMaxFailures: number;
  loginLockMs: number;
};

export type ClientInfo = { ip?: string; userAgent?: string };
export type IssuedSession = { token: string; csrfToken: string; expiresAt: Date; stage: SessionStage; userId: string; displayName: string };

/** Touch a session at most this often, so reads do not write on every request. */
const TOUCH_EVERY_MS = 60_000;

export function createAuthService(deps: {
  db: Db;
  keyring: Keyring;
  clock: Clock;
  id: IdGenerator;
  sms: SmsDriver;
  settings: AuthSettings;
  /** Database cache notifications; without them sessions are read from the database every time. */
  notifications?: CacheNotifications;
}) {
  const { db, keyring, clock, id, sms, settings } = deps;
  const cache = createSessionCache(deps.notifications);
  const resolveFromDb = sessionsStore.prepareResolve(db);

  const issue = async (user: { id: string; displayName: string }, stage: SessionStage, method: string, client: ClientInfo): Promise<IssuedSession> => {
    const s = await sessionsStore.create(db, { userId: user.id, stage, method, ...client, now: clock.now(), ttlMs: settings.sessionTtlMs });
    return { ...s, stage, userId: user.id, displayName: user.displayName };
  };

  const stageAfterPassword = (roles: Role[], totpEnabled: boolean): SessionStage => {
    if (totpEnabled) return 'mfa';
    if (isStaff(roles) && settings.staffMfa === 'required') return 'enrol';
    return 'full';
  };

  /** Accept a TOTP code once: the step is recorded, so a code seen by someone else cannot be replayed. */
  const acceptTotp = async (userId: string, secretCipher: Buffer | null, code: string): Promise<boolean> => {
    if (!secretCipher) return false;
    const step = matchTotpStep(keyring.open(secretCipher).toString('utf8'), code, clock.now());
    if (step === null) return false;
    const inserted = await db.insert(usedTotp).values({ userId, step }).onConflictDoNothing().returning({ step: usedTotp.step });
    return inserted.length === 1;
  };

  return {
    async loginWithPassword(input: { username: string; password: string }, client: ClientInfo): Promise<IssuedSession> {
      const user = await usersStore.findUserByUsername(db, input.username.trim());
      const now = clock.now();
      if (user?.lockedUntil && user.lockedUntil > now) {
        throw AuthErrors.AUTH_ACCOUNT_LOCKED(undefined, { extra: { lockedUntil: user.lockedUntil.toISOString() } });
      }
      const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
      if (!user || !ok) {
        if (user) {
          const after = await usersStore.recordFailedLogin(db, user.id, settings.loginMaxFailures, new Date(now.getTime() + settings.loginLockMs));
          if (after?.lockedUntil && after.lockedUntil > now) {
            throw AuthErrors.AUTH_ACCOUNT_LOCKED(undefined, { extra: { lockedUntil: after.lockedUntil.toISOString() } });
          }
        }
        throw AuthErrors.AUTH_INVALID_CREDENTIALS();
      }
      if (user.status !== 'active') throw AuthErrors.AUTH_ACCOUNT_DISABLED();
      await usersStore.clearFailedLogins(db, user.id);
      return issue(user, stageAfterPassword(user.roles as Role[], user.totpEnabledAt !== null), 'password', client);
    },

    /** Second step of a password sign-in: the TOTP code upgrades the session. */
    async completeTotp(session: ResolvedSession, code: string): Promise<void> {
      const user = await usersStore.findUserById(db, session.user.id);
      if (!user || !(await acceptTotp(user.id, user.totpSecretCipher, code))) {
        const now = clock.now();
        const after = user && (await usersStore.recordFailedLogin(db, user.id, settings.loginMaxFailures, new Date(now.getTime() + settings.loginLockMs)));
        if (after?.lockedUntil && after.lockedUntil > now) {
          await sessionsStore.revoke(db, session.sessionId, now);
          cache.evictUser(session.user.id);
          throw AuthErrors.AUTH_ACCOUNT_LOCKED();
        }
        throw AuthErrors.AUTH_CODE_INVALID();
      }
      await usersStore.clearFailedLogins(db, user.id);
      await sessionsStore.setStage(db, session.sessionId, 'full');
      cache.evictUser(user.id);
    },

    async startTotpEnrolment(session: ResolvedSession): Promise<{ secret: string; uri: string }> {
      const user = await usersStore.findUserById(db, session.user.id);
      if (!user) throw AuthErrors.AUTH_INVALID_CREDENTIALS();
      const secret = generateTotpSecret();
      // Stored but not enabled until a code proves the authenticator has it.
      await usersStore.setTotp(db, user.id, keyring.seal(secret), user.totpEnabledAt);
      return { secret, uri: totpUri(secret, user.username ?? user.displayName) };
    },

    async confirmTotpEnrolment(session: ResolvedSession, code: string): Promise<void> {
      const user = await usersStore.findUserById(db, session.user.id);
      if (!user || !(await acceptTotp(user.id, user.totpSecretCipher, code))) throw AuthErrors.AUTH_CODE_INVALID();
      await db.transaction(async (tx) => {
        await usersStore.setTotp(tx, user.id, user.totpSecretCipher, clock.now());
        if (session.stage === 'enrol') await sessionsStore.setStage(tx, session.sessionId, 'full');
      });
      cache.evictUser(user.id);
    },

    async requestSmsCode(input: { phone: string }, client: ClientInfo): Promise<{ sentTo: string; expiresInSeconds: number; resendAfterSeconds: number }> {
      const phone = normalisePhone(input.phone);
      const lookup = keyring.lookup(phone);
      const now = clock.now();
      const code = await issueCode(db, { codeId: id(), phoneLookup: lookup, purpose: 'login', now, ip: client.ip });
      // Only registered parties get a code, but the answer is the same either way, so it reveals nothing.
      const user = await usersStore.findUserByPhone(db, lookup);
      if (user && user.status === 'active' && !isStaff(user.roles as Role[])) {
        await sms.send({ to: phone, text: `【OpenCourt】您的登录验证码为 ${code}，5 分钟内有效。请勿将验证码告诉他人。` });
      }
      return { sentTo: maskPhone(phone), expiresInSeconds: CODE_TTL_MS / 1000, resendAfterSeconds: CODE_MIN_INTERVAL_MS / 1000 };
    },

    async loginWithSmsCode(input: { phone: string; code: string }, client: ClientInfo): Promise<IssuedSession> {
      const phone = normalisePhone(input.phone);
      const lookup = keyring.lookup(phone);
      const now = clock.now();
      const user = await db.transaction(async (tx) => {
        if (!(await acceptCode(tx, { phoneLookup: lookup, purpose: 'login', code: input.code, now }))) return null;
        const user = await usersStore.findUserByPhone(tx, lookup);
        return user && user.status === 'active' && !isStaff(user.roles as Role[]) ? user : null;
      });
      if (!user) throw AuthErrors.AUTH_CODE_INVALID();
      return issue(user, 'full', 'sms', client);
    },

    async resolveSession(token: string): Promise<ResolvedSession | undefined> {
      const now = clock.now();
      const begunAt = cache.begin();
      const cached = cache.get(token, now);
      const session = cached ?? (await resolveFromDb(token, now));
      if (!session || session.user.status !== 'active') return undefined;
      if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
        // Sliding expiry, written at most once a minute per session.
        session.lastSeenAt = now;
        session.expiresAt = new Date(now.getTime() + settings.sessionTtlMs);
        await sessionsStore.touch(db, session.sessionId, now, session.expiresAt);
      }
      if (!cached) cache.set(token, session, now, begunAt);
      return session;
    },

    async logout(session: ResolvedSession) {
      await sessionsStore.revoke(db, session.sessionId, clock.now());
      cache.evictUser(session.user.id);
    },

    async logoutEverywhere(session: ResolvedSession): Promise<number> {
      const revoked = await sessionsStore.revokeAllForUser(db, session.user.id, clock.now());
      cache.evictUser(session.user.id);
      return revoked;
    },

    /** After a change to an account: this process forgets its sessions at once. */
    evictUser: (userId: string) => cache.evictUser(userId),

    async changePassword(session: ResolvedSession, input: { currentPassword: string; newPassword: string }) {
      const user = await usersStore.findUserById(db, session.user.id);
      if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) throw AuthErrors.AUTH_INVALID_CREDENTIALS();
      const weakness = passwordWeakness(input.newPassword);
      if (weakness) throw AuthErrors.AUTH_WEAK_PASSWORD(weakness, { fields: [{ pointer: '/body/newPassword', detail: weakness }] });
      await usersStore.setPassword(db, user.id, await hashPassword(input.newPassword));
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

// A per-process cache of resolved sessions, so a signed-in request costs no database round trip for
// its session. It is only used while this process hears invalidations from the others (PostgreSQL
// NOTIFY on channel `oc_session`): a sign-out, a lock-out or a changed account anywhere evicts the
// user's sessions everywhere within milliseconds; without the listener every request goes to the database.
import type { ResolvedSession } from './sessions.store.ts';

export const SESSION_CHANNEL = 'oc_session';

export type SessionInvalidation = {
  /** True while invalidations from other processes are being received. */
  readonly live: boolean;
  /** Tell every process (this one included) that a user's sessions changed. */
  publish(userId: string): Promise<void>;
  subscribe(handler: (userId: string) => void, onReconnect: () => void): void;
};

const MAX_ENTRIES = 50_000;
const MAX_AGE_MS = 60_000;

export function createSessionCache(invalidation: SessionInvalidation | undefined) {
  const entries = new Map<string, { session: ResolvedSession; cachedAt: number }>();
  const evictUser = (userId: string) => {
    for (const [key, entry] of entries) if (entry.session.user.id === userId) entries.delete(key);
  };
  invalidation?.subscribe(evictUser, () => entries.clear());

  return {
    get(token: string, now: Date): ResolvedSession | undefined {
      if (!invalidation?.live) return undefined;
      const entry = entries.get(token);
      if (!entry) return undefined;
      if (now.getTime() - entry.cachedAt > MAX_AGE_MS || entry.session.expiresAt <= now) {
        entries.delete(token);
        return undefined;
      }
      return entry.session;
    },
    set(token: string, session: ResolvedSession, now: Date) {
      if (!invalidation?.live) return;
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      entries.set(token, { session, cachedAt: now.getTime() });
    },
    /** Evict here at once, and everywhere else through NOTIFY. */
    async invalidateUser(userId: string) {
      evictUser(userId);
      await invalidation?.publish(userId);
    },
  };
}

export type SessionCache = ReturnType<typeof createSessionCache>;

// Resolved sessions cached per process (see platform/cache): a signed-in request then costs no
// database round trip for its session. A change to the user, their sessions or their organisation
// anywhere evicts them everywhere, through the database's cache notifications.
import { createInvalidatedCache, organisationTag, userTag, type CacheNotifications } from '../cache/index.ts';
import type { ResolvedSession } from './sessions.store.ts';

export function createSessionCache(notifications: CacheNotifications | undefined) {
  const cache = createInvalidatedCache<ResolvedSession>(notifications, { maxEntries: 50_000, maxAgeMs: 60_000 });
  return {
    begin: cache.begin,
    get(token: string, now: Date): ResolvedSession | undefined {
      const session = cache.get(token, now);
      return session && session.expiresAt > now ? session : undefined;
    },
    set(token: string, session: ResolvedSession, now: Date, begunAt: number) {
      const tags = [userTag(session.user.id)];
      if (session.user.organisationId) tags.push(organisationTag(session.user.organisationId));
      cache.set(token, session, tags, now, begunAt);
    },
    /** This process at once; the others hear it from the database when the change commits. */
    evictUser: (userId: string) => cache.evictTag(userTag(userId)),
  };
}

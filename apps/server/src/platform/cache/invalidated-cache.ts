// A per-process read cache whose entries are evicted by tags that PostgreSQL announces on commit.
// Triggers (migration 0003) send `NOTIFY oc_cache, '<kind>:<id>'` for every write to the tables
// cached here, whoever writes them, so another process's change evicts our copy within milliseconds.
// The cache is only used while this process hears those notifications; a reconnect clears it. A read
// that raced with an invalidation of one of its tags is not stored (the epoch guard), so a stale row
// never settles in; invalidations of other tags do not stop it (under constant writes elsewhere, a
// global guard would keep refusing every read).
export const CACHE_CHANNEL = 'oc_cache';

export type CacheNotifications = {
  /** True while notifications from the database are being received. */
  readonly live: boolean;
  subscribe(onTag: (tag: string) => void, onReconnect: () => void): void;
};

export type InvalidatedCache<V> = {
  /** Call before reading from the database; pass the result to set(). */
  begin(): number;
  get(key: string, now: Date): V | undefined;
  set(key: string, value: V, tags: readonly string[], now: Date, begunAt: number): void;
  /** Evict at once in this process (the triggers tell the others). */
  evictTag(tag: string): void;
};

export function createInvalidatedCache<V>(
  notifications: CacheNotifications | undefined,
  opts: { maxEntries: number; maxAgeMs: number },
): InvalidatedCache<V> {
  const entries = new Map<string, { value: V; tags: readonly string[]; cachedAt: number }>();
  const byTag = new Map<string, Set<string>>();
  let epoch = 0;
  /** When each tag was last invalidated; forgotten wholesale (raising `floor`) when it grows large. */
  const invalidatedAt = new Map<string, number>();
  let floor = 0;
  const MAX_REMEMBERED_TAGS = 100_000;

  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    for (const tag of entry.tags) byTag.get(tag)?.delete(key);
  };
  const evictTag = (tag: string) => {
    epoch++;
    if (invalidatedAt.size >= MAX_REMEMBERED_TAGS) {
      invalidatedAt.clear();
      floor = epoch;
    }
    invalidatedAt.set(tag, epoch);
    for (const key of byTag.get(tag) ?? []) remove(key);
    byTag.delete(tag);
  };
  notifications?.subscribe(evictTag, () => {
    epoch++;
    floor = epoch;
    invalidatedAt.clear();
    entries.clear();
    byTag.clear();
  });

  return {
    begin: () => epoch,
    get(key, now) {
      if (!notifications?.live) return undefined;
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (now.getTime() - entry.cachedAt > opts.maxAgeMs) {
        remove(key);
        return undefined;
      }
      return entry.value;
    },
    set(key, value, tags, now, begunAt) {
      if (!notifications?.live || begunAt < floor) return;
      if (tags.some((tag) => (invalidatedAt.get(tag) ?? 0) > begunAt)) return;
      remove(key);
      if (entries.size >= opts.maxEntries) remove(entries.keys().next().value!);
      entries.set(key, { value, tags, cachedAt: now.getTime() });
      for (const tag of tags) {
        let keys = byTag.get(tag);
        if (!keys) byTag.set(tag, (keys = new Set()));
        keys.add(key);
      }
    },
    evictTag,
  };
}

export const userTag = (userId: string) => `user:${userId}`;
export const organisationTag = (organisationId: string) => `org:${organisationId}`;
export const matterTag = (matterId: string) => `matter:${matterId}`;

import { describe, expect, it } from 'vitest';
import { createInvalidatedCache, type CacheNotifications } from './invalidated-cache.ts';

function fakeNotifications() {
  let onTag: (tag: string) => void = () => {};
  let onReconnect: () => void = () => {};
  const n: CacheNotifications & { live: boolean; send(tag: string): void; reconnect(): void } = {
    live: true,
    subscribe(t, r) {
      onTag = t;
      onReconnect = r;
    },
    send: (tag) => onTag(tag),
    reconnect: () => onReconnect(),
  };
  return n;
}

const now = new Date('2026-11-25T08:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);

describe('invalidated cache', () => {
  it('serves what it stored until a tag of the entry is announced', () => {
    const n = fakeNotifications();
    const cache = createInvalidatedCache<string>(n, { maxEntries: 10, maxAgeMs: 60_000 });
    cache.set('m1', 'matter one', ['matter:1', 'user:a'], now, cache.begin());
    expect(cache.get('m1', now)).toBe('matter one');
    n.send('user:b');
    expect(cache.get('m1', now)).toBe('matter one');
    n.send('user:a');
    expect(cache.get('m1', now)).toBeUndefined();
  });

  it('does not store a read that raced with an invalidation', () => {
    const n = fakeNotifications();
    const cache = createInvalidatedCache<string>(n, { maxEntries: 10, maxAgeMs: 60_000 });
    const begun = cache.begin();
    n.send('matter:1'); // another process committed while we were reading
    cache.set('m1', 'stale', ['matter:1'], now, begun);
    expect(cache.get('m1', now)).toBeUndefined();
  });

  it('keeps a read that raced only with invalidations of other tags', () => {
    const n = fakeNotifications();
    const cache = createInvalidatedCache<string>(n, { maxEntries: 10, maxAgeMs: 60_000 });
    const begun = cache.begin();
    n.send('user:someone-else'); // constant writes elsewhere must not stop caching
    cache.set('m1', 'fresh', ['matter:1'], now, begun);
    expect(cache.get('m1', now)).toBe('fresh');
  });

  it('does not store a read begun before a reconnect', () => {
    const n = fakeNotifications();
    const cache = createInvalidatedCache<string>(n, { maxEntries: 10, maxAgeMs: 60_000 });
    const begun = cache.begin();
    n.reconnect();
    cache.set('m1', 'stale', ['matter:1'], now, begun);
    expect(cache.get('m1', now)).toBeUndefined();
  });

  it('is bypassed while notifications are not heard, and cleared on reconnect', () => {
    const n = fakeNotifications();
    const cache = createInvalidatedCache<string>(n, { maxEntries: 10, maxAgeMs: 60_000 });
    cache.set('k', 'v', ['t'], now, cache.begin());
    n.live = false;
    expect(cache.get('k', now)).toBeUndefined();
    n.live = true;
    n.reconnect();
    expect(cache.get('k', now)).toBeUndefined();
  });

  it('expires entries by age and bounds its size', () => {
    const cache = createInvalidatedCache<number>(fakeNotifications(), { maxEntries: 2, maxAgeMs: 1000 });
    cache.set('a', 1, [], now, cache.begin());
    expect(cache.get('a', later(1001))).toBeUndefined();
    cache.set('a', 1, [], now, cache.begin());
    cache.set('b', 2, [], now, cache.begin());
    cache.set('c', 3, [], now, cache.begin());
    expect(cache.get('a', now)).toBeUndefined();
    expect(cache.get('c', now)).toBe(3);
  });

  it('caches nothing without a notification source', () => {
    const cache = createInvalidatedCache<number>(undefined, { maxEntries: 2, maxAgeMs: 1000 });
    cache.set('a', 1, [], now, cache.begin());
    expect(cache.get('a', now)).toBeUndefined();
  });
});

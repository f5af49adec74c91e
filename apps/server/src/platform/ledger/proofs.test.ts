import { describe, expect, it } from 'vitest';
import { createNodeCache } from './proofs.ts';

describe('node cache', () => {
  it('holds at most its limit, dropping the least recently used first', () => {
    const cache = createNodeCache(2, 8);
    const h = (n: number) => Buffer.alloc(32, n);
    cache.set(8, 0, h(1));
    cache.set(9, 0, h(2));
    expect(cache.get(8, 0)).toEqual(h(1)); // now the most recent
    cache.set(10, 0, h(3));
    expect(cache.get(9, 0)).toBeUndefined();
    expect(cache.get(8, 0)).toEqual(h(1));
    expect(cache.get(10, 0)).toEqual(h(3));
    expect(cache.get(8, 1)).toBeUndefined();
    expect(cache.minLevel).toBe(8);
  });
});

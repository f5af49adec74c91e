import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ReplayWindow } from './replay-window.ts';

describe('ReplayWindow', () => {
  it('refuses an id it saw among the last ones, and forgets ids older than its size', () => {
    const window = new ReplayWindow(3);
    const [a, b, c, d] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    expect(window.seen(a)).toBe(false);
    expect(window.seen(b)).toBe(false);
    expect(window.seen(a)).toBe(true);
    expect(window.seen(c)).toBe(false);
    expect(window.seen(d)).toBe(false); // a falls out of the window
    expect(window.seen(a)).toBe(false);
    expect(window.seen(d)).toBe(true);
  });

  it('tells apart 10,000 random ids', () => {
    const window = new ReplayWindow(10_000);
    const ids = Array.from({ length: 10_000 }, () => randomUUID());
    expect(ids.filter((id) => window.seen(id))).toEqual([]);
    expect(ids.every((id) => window.seen(id))).toBe(true);
  });
});

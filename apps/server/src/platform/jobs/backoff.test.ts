import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff.ts';

describe('retryDelayMs', () => {
  const policy = { baseMs: 1000, maxMs: 60_000 };
  it.each([
    [1, 0, 500],
    [1, 1, 1000],
    [2, 0, 1000],
    [3, 0.5, 3000],
    [7, 1, 60_000],
    [50, 0, 30_000],
  ])('attempt %i with random %f waits %i ms', (attempt, r, expected) => {
    expect(retryDelayMs(attempt, policy, () => r)).toBe(expected);
  });

  it('doubles the window each attempt until the cap', () => {
    const max = (a: number) => retryDelayMs(a, policy, () => 1);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(max)).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000]);
  });
});

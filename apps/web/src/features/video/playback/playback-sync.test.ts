import { describe, expect, it } from 'vitest';
import { formatClock, needsSeek, timelineLength, trackPosition } from './playback-sync.ts';

describe('playback sync', () => {
  const early = { offsetMs: 0, durationMs: 10_000 };
  const late = { offsetMs: 2_500, durationMs: 5_000 };

  it('lasts until the last track ends', () => {
    expect(timelineLength([early, late])).toBe(10_000);
    expect(timelineLength([late, { offsetMs: 9_000, durationMs: 4_000 }])).toBe(13_000);
    expect(timelineLength([])).toBe(0);
  });

  it('places each track by its offset', () => {
    expect(trackPosition(late, 1_000)).toEqual({ state: 'before', seconds: 0 });
    expect(trackPosition(late, 3_000)).toEqual({ state: 'playing', seconds: 0.5 });
    expect(trackPosition(late, 7_500)).toEqual({ state: 'after', seconds: 5 });
    expect(trackPosition({ offsetMs: 0, durationMs: null }, 60_000)).toEqual({ state: 'playing', seconds: 60 });
  });

  it('seeks only past the drift allowance, and prints clock times', () => {
    expect(needsSeek(1.0, 1.2)).toBe(false);
    expect(needsSeek(1.0, 1.5)).toBe(true);
    expect(formatClock(65_000)).toBe('1:05');
    expect(formatClock(3_725_000)).toBe('1:02:05');
  });
});

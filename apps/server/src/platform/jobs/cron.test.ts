import { describe, expect, it } from 'vitest';
import { nextOccurrence } from './cron.ts';

describe('nextOccurrence', () => {
  it('reads the expression in China Standard Time by default', () => {
    // 02:00 in Shanghai is 18:00 UTC the day before.
    expect(nextOccurrence('0 2 * * *', new Date('2026-11-25T08:00:00Z')).toISOString()).toBe('2026-11-25T18:00:00.000Z');
    expect(nextOccurrence('0 2 * * *', new Date('2026-11-25T08:00:00Z'), 'UTC').toISOString()).toBe('2026-11-26T02:00:00.000Z');
  });

  it('is strictly after the given time', () => {
    expect(nextOccurrence('*/5 * * * *', new Date('2026-11-25T08:05:00Z')).toISOString()).toBe('2026-11-25T08:10:00.000Z');
    expect(nextOccurrence('*/5 * * * *', new Date('2026-11-25T08:04:59.500Z')).toISOString()).toBe('2026-11-25T08:05:00.000Z');
  });

  it('refuses an invalid expression', () => {
    expect(() => nextOccurrence('61 * * * *', new Date())).toThrow();
    expect(() => nextOccurrence('not a cron', new Date())).toThrow();
  });
});

// The province's figures: inside the ranges of 《诉讼费用交纳办法》第十三条 (last paragraph) and 第十四条第一项第一目.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/http/index.ts';
import { createFeeSchedule, DECREE_RANGES, DEFAULT_FEE_SCHEDULE, type FeeSchedule } from './fees.schedule.ts';

const refused = (overrides: Record<string, unknown>) => {
  try {
    createFeeSchedule(overrides);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).fields?.map((f) => f.pointer);
  }
  throw new Error('accepted');
};

describe('fee schedule', () => {
  it("holds the Decree's ranges: divorce 50–300, personality 100–500, other non-property 50–100, IP 500–1000, jurisdiction 50–100, execution 50–500 yuan", () => {
    expect(Object.fromEntries(Object.entries(DECREE_RANGES).map(([k, r]) => [k, [r.minFen / 100, r.maxFen / 100]]))).toEqual({
      divorceFen: [50, 300],
      personalityFen: [100, 500],
      otherNonPropertyFen: [50, 100],
      ipWithoutAmountFen: [500, 1000],
      jurisdictionObjectionFen: [50, 100],
      executionWithoutAmountFen: [50, 500],
    });
  });

  it('defaults to the lower end of each range', () => {
    for (const [key, range] of Object.entries(DECREE_RANGES)) expect(DEFAULT_FEE_SCHEDULE[key as keyof FeeSchedule]).toBe(range.minFen);
    expect(createFeeSchedule()).toEqual(DEFAULT_FEE_SCHEDULE);
    expect(Object.isFrozen(DEFAULT_FEE_SCHEDULE)).toBe(true);
  });

  it('accepts each end of each range and refuses one fen beyond it', () => {
    for (const [key, range] of Object.entries(DECREE_RANGES)) {
      expect(createFeeSchedule({ [key]: range.minFen })[key as keyof FeeSchedule]).toBe(range.minFen);
      expect(createFeeSchedule({ [key]: range.maxFen })[key as keyof FeeSchedule]).toBe(range.maxFen);
      expect(refused({ [key]: range.minFen - 1 })).toEqual([`/${key}`]);
      expect(refused({ [key]: range.maxFen + 1 })).toEqual([`/${key}`]);
    }
  });

  it('refuses fractions of a fen, strings and unknown keys, naming every bad one', () => {
    expect(refused({ divorceFen: 10_000.5, personalityFen: '20000', labourFen: 1_000 })).toEqual(['/divorceFen', '/personalityFen', '/labourFen']);
    try {
      createFeeSchedule({ divorceFen: 40_000 });
    } catch (err) {
      expect((err as AppError).code).toBe('FEE_SCHEDULE_OUT_OF_RANGE');
      expect((err as AppError).fields![0]!.detail).toBe('应为 5000 至 30000 分（50元至300元）之间的整数');
    }
  });
});

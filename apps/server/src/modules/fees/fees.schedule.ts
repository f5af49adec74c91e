// Where the Decree gives a range per case, the figure is set locally: art. 13, last paragraph, lets each
// province fix its own figure within the ranges of art. 13(2), (3) and (6); art. 14(1)1 leaves the fee for
// an execution without an amount to the court within 50–500 yuan. A schedule holds those figures, and
// nothing outside the Decree's range is accepted.
import type { TFeeRef } from '@opencourt/contracts';
import { decree } from './fees.basis.ts';
import { FeeErrors } from './fees.errors.ts';
import { formatDecreeAmount } from './fees.money.ts';

export type FeeSchedule = {
  /** 离婚案件每件 (art. 13(2)1: 50–300 yuan). */
  readonly divorceFen: number;
  /** 人格权案件每件 (art. 13(2)2: 100–500 yuan). */
  readonly personalityFen: number;
  /** 其他非财产案件每件 (art. 13(2)3: 50–100 yuan). */
  readonly otherNonPropertyFen: number;
  /** 知识产权民事案件没有争议金额的每件 (art. 13(3): 500–1000 yuan). */
  readonly ipWithoutAmountFen: number;
  /** 管辖权异议不成立的每件 (art. 13(6): 50–100 yuan). */
  readonly jurisdictionObjectionFen: number;
  /** 申请执行没有执行金额的每件 (art. 14(1)1: 50–500 yuan). */
  readonly executionWithoutAmountFen: number;
};

export type ScheduleRange = { readonly minFen: number; readonly maxFen: number; readonly ref: TFeeRef };

export const DECREE_RANGES: Record<keyof FeeSchedule, ScheduleRange> = {
  divorceFen: { minFen: 5_000, maxFen: 30_000, ref: decree(13, 2, 1) },
  personalityFen: { minFen: 10_000, maxFen: 50_000, ref: decree(13, 2, 2) },
  otherNonPropertyFen: { minFen: 5_000, maxFen: 10_000, ref: decree(13, 2, 3) },
  ipWithoutAmountFen: { minFen: 50_000, maxFen: 100_000, ref: decree(13, 3) },
  jurisdictionObjectionFen: { minFen: 5_000, maxFen: 10_000, ref: decree(13, 6) },
  executionWithoutAmountFen: { minFen: 5_000, maxFen: 50_000, ref: decree(14, 1, 1) },
};

const SCHEDULE_KEYS = Object.keys(DECREE_RANGES) as (keyof FeeSchedule)[];

/**
 * Until a province's figures are configured, each range's lower end: always lawful, and never more than
 * a party would be asked to pay anywhere.
 */
export const DEFAULT_FEE_SCHEDULE: FeeSchedule = Object.freeze(
  Object.fromEntries(SCHEDULE_KEYS.map((key) => [key, DECREE_RANGES[key].minFen])) as FeeSchedule,
);

/** The default schedule with a province's figures over it; refuses unknown keys and figures outside the Decree's ranges. */
export function createFeeSchedule(overrides: Record<string, unknown> = {}): FeeSchedule {
  const fields: { pointer: string; detail: string }[] = [];
  for (const [key, value] of Object.entries(overrides)) {
    const range = DECREE_RANGES[key as keyof FeeSchedule];
    if (!range) {
      fields.push({ pointer: `/${key}`, detail: `未知的收费项目，可选：${SCHEDULE_KEYS.join('、')}` });
    } else if (typeof value !== 'number' || !Number.isInteger(value) || value < range.minFen || value > range.maxFen) {
      fields.push({
        pointer: `/${key}`,
        detail: `应为 ${range.minFen} 至 ${range.maxFen} 分（${formatDecreeAmount(BigInt(range.minFen))}至${formatDecreeAmount(BigInt(range.maxFen))}）之间的整数`,
      });
    }
  }
  if (fields.length) throw FeeErrors.FEE_SCHEDULE_OUT_OF_RANGE(undefined, { fields });
  return Object.freeze({ ...DEFAULT_FEE_SCHEDULE, ...(overrides as Partial<FeeSchedule>) });
}

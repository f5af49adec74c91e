import { describe, expect, it } from 'vitest';
import { CHINA_REST_DAYS } from '../risk/index.ts';
import { applicationLastDay, applicationRefusal, DISMISSAL_GROUNDS, jointlyApplied, reviewLastDay, rulingBasis } from './confirmation.rules.ts';

describe('the joint application within thirty days (民事诉讼法 art. 205, 人民调解法 art. 33)', () => {
  it.each([
    ['2026-11-02', '2026-12-02'], // a Wednesday: thirty days on, not counting the first
    ['2025-04-05', '2025-05-06'], // 2025-05-05 is the last day of the Labour Day holiday (05-01…05-05)
    ['2025-09-05', '2025-10-09'], // 2025-10-05 falls in the National Day holiday (10-01…10-08)
    ['2026-11-06', '2026-12-07'], // 2026-12-06 is a Sunday
  ])('an agreement in force on %s may be brought until %s', (effective, last) => {
    expect(applicationLastDay(effective, CHINA_REST_DAYS)).toBe(last);
  });

  const base = { agreementStatus: 'signed', agreementEffectiveOn: '2026-11-02', today: '2026-11-20', calendar: CHINA_REST_DAYS, partyIds: ['a', 'b'], appliedIds: [] as string[], userId: 'a' };
  it.each([
    ['a party of an agreement in force', {}, null],
    ['an agreement not yet signed by all', { agreementStatus: 'signing', agreementEffectiveOn: null }, 'agreement-not-in-force'],
    ['the last day itself', { today: '2026-12-02' }, null],
    ['the day after', { today: '2026-12-03' }, 'too-late'],
    ['someone who is not a party', { userId: 'x' }, 'not-a-party'],
    ['a party applying twice', { appliedIds: ['a'] }, 'already-applied'],
  ])('%s → %s', (_, change, refusal) => {
    expect(applicationRefusal({ ...base, ...change })).toBe(refusal);
  });

  it('reaches the court only when both sides have applied', () => {
    expect(jointlyApplied(['a', 'b'], ['a'])).toBe(false);
    expect(jointlyApplied(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(jointlyApplied(['a'], ['a'])).toBe(false);
  });
});

describe('the court’s fifteen days (司法确认规定 art. 5)', () => {
  it('counts fifteen days from acceptance, ten more when extended', () => {
    expect(reviewLastDay('2026-11-25', CHINA_REST_DAYS)).toBe('2026-12-10');
    expect(reviewLastDay('2026-11-25', CHINA_REST_DAYS, true)).toBe('2026-12-21'); // 12-20 is a Sunday
  });
});

describe('grounds printed on a ruling', () => {
  it('names the six grounds of 民诉法解释 art. 358 and the articles a ruling rests on', () => {
    expect(Object.keys(DISMISSAL_GROUNDS)).toHaveLength(6);
    expect(rulingBasis('confirmed')).toContain('第二百零六条');
    expect(rulingBasis('dismissed', 'not-voluntary')).toContain('第三百五十八条');
    expect(rulingBasis('dismissed', 'status-relationship')).toContain('第三百五十五条');
  });
});

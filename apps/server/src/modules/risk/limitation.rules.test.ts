// Each case cites the Civil Code article it checks.
import { describe, expect, it } from 'vitest';
import { addMonths, addYears, CHINA_REST_DAYS, isRestDay, nextWorkingDay, parseIsoDate, type RestDayCalendar } from './calendar.ts';
import { assessLimitation, type LimitationFacts } from './limitation.rules.ts';

const weekendsOnly: RestDayCalendar = { holidays: new Set(), workdays: new Set(), years: new Set([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030, 2040, 2045]) };
const assess = (facts: LimitationFacts, today = '2026-11-25', calendar = weekendsOnly) => assessLimitation(facts, today, calendar);
const bases = (r: { steps: { basis: string }[] }) => r.steps.map((s) => s.basis).join(' | ');

describe('civil-law dates (arts. 201–203)', () => {
  it.each([
    ['2023-03-15', 36, '2026-03-15'], // art. 202: the corresponding day
    ['2024-02-29', 12, '2025-02-28'], // no 29 February: the month's last day
    ['2024-02-29', 48, '2028-02-29'],
    ['2025-08-31', 6, '2026-02-28'],
    ['2025-08-31', -6, '2025-02-28'],
    ['2025-12-31', 2, '2026-02-28'],
  ])('%s plus %i months ends on %s', (from, months, last) => {
    expect(addMonths(from, months)).toBe(last);
  });

  it('refuses dates that do not exist', () => {
    expect(() => parseIsoDate('2025-02-29')).toThrow(RangeError);
    expect(() => parseIsoDate('2025-2-1')).toThrow(RangeError);
  });

  it('knows weekends, the announced holidays and the make-up working days', () => {
    expect(isRestDay('2025-10-04', CHINA_REST_DAYS)).toBe(true); // a Saturday in the National Day holiday
    expect(isRestDay('2025-10-08', CHINA_REST_DAYS)).toBe(true); // a Wednesday in it
    expect(isRestDay('2025-10-11', CHINA_REST_DAYS)).toBe(false); // a Saturday made a working day
    expect(isRestDay('2025-10-09', CHINA_REST_DAYS)).toBe(false);
    expect(nextWorkingDay('2025-10-01', CHINA_REST_DAYS)).toBe('2025-10-09'); // art. 203
    expect(nextWorkingDay('2025-01-25', CHINA_REST_DAYS)).toBe('2025-01-26'); // Saturday → the make-up Sunday
  });
});

describe('assessLimitation', () => {
  it('runs three years from when the right-holder knew (art. 188), the start day not counted (arts. 201, 202)', () => {
    const r = assess({ claim: 'general', knewOn: '2024-06-12' });
    expect(r).toMatchObject({ status: 'running', years: 3, runsFrom: '2024-06-12', lastDay: '2027-06-14' }); // 2027-06-12 is a Saturday → Monday (art. 203)
    expect(bases(r)).toContain('第一百八十八条第一款');
    expect(bases(r)).toContain('第二百零三条第一款');
    expect(r.daysLeft).toBe(201);
  });

  it('gives four years for international sale of goods and technology import/export (art. 594)', () => {
    expect(assess({ claim: 'international-sale', knewOn: '2023-03-15' })).toMatchObject({ years: 4, lastDay: '2027-03-15' });
    expect(bases(assess({ claim: 'technology-import-export', knewOn: '2023-03-15' }))).toContain('第五百九十四条');
  });

  it('warns in the last six months and says when it has run out (arts. 192, 193)', () => {
    const near = assess({ claim: 'general', knewOn: '2023-12-20' });
    expect(near).toMatchObject({ status: 'near', lastDay: '2026-12-21', daysLeft: 26 }); // 12-20 is a Sunday
    const expired = assess({ claim: 'general', knewOn: '2023-03-15' });
    expect(expired).toMatchObject({ status: 'expired', lastDay: '2026-03-16' });
    expect(bases(expired)).toContain('第一百九十二条第一款、第一百九十三条');
  });

  it('starts instalment debts from the last instalment (art. 189)', () => {
    const r = assess({ claim: 'general', knewOn: '2022-01-10', lastInstalmentDueOn: '2024-07-01' });
    expect(r).toMatchObject({ runsFrom: '2024-07-01', lastDay: '2027-07-01' });
    expect(bases(r)).toContain('第一百八十九条');
  });

  it('starts claims against a legal representative when the representation ends (art. 190)', () => {
    expect(assess({ claim: 'general', knewOn: '2015-01-01', representationEndedOn: '2025-05-20' })).toMatchObject({ runsFrom: '2025-05-20', lastDay: '2028-05-22' });
  });

  it("starts a minor's claim for sexual abuse at eighteen (art. 191)", () => {
    const r = assess({ claim: 'general', knewOn: '2015-01-01', minorVictimBornOn: '2007-09-03' });
    expect(r).toMatchObject({ runsFrom: '2025-09-03', lastDay: '2028-09-04' }); // 2028-09-03 is a Sunday
    expect(bases(r)).toContain('第一百九十一条');
  });

  it('has no limitation for the claims art. 196 lists', () => {
    for (const claim of ['stop-infringement', 'property-return', 'support-payment'] as const) {
      const r = assess({ claim, knewOn: '2000-01-01' });
      expect(r).toMatchObject({ status: 'not-applicable', lastDay: null });
      expect(bases(r)).toContain('第一百九十六条');
    }
  });

  it('restarts the period at each demand or acknowledgement made while it runs (art. 195)', () => {
    const r = assess({
      claim: 'general',
      knewOn: '2021-03-01',
      interruptions: [
        { on: '2023-02-01', kind: 'demand' },
        { on: '2025-01-15', kind: 'acknowledgement' },
      ],
    });
    expect(r).toMatchObject({ status: 'running', runsFrom: '2025-01-15', lastDay: '2028-01-17' }); // 01-15 is a Saturday
    expect(r.steps.filter((s) => s.basis.includes('第一百九十五条'))).toHaveLength(2);
  });

  it('does not revive a period that had run out, but notes an acknowledgement after it (arts. 192 ¶2, 195)', () => {
    const r = assess({ claim: 'general', knewOn: '2019-03-01', interruptions: [{ on: '2024-05-01', kind: 'acknowledgement' }] });
    expect(r.status).toBe('expired');
    expect(bases(r)).toContain('第一百九十二条第二款');
  });

  it('restarts after a suit from the end of the proceedings, and waits while they last (art. 195)', () => {
    expect(assess({ claim: 'general', knewOn: '2022-04-01', interruptions: [{ on: '2024-04-01', kind: 'suit', proceedingsEndedOn: '2025-03-03' }] })).toMatchObject({
      runsFrom: '2025-03-03',
      lastDay: '2028-03-03',
    });
    expect(assess({ claim: 'general', knewOn: '2022-04-01', interruptions: [{ on: '2024-04-01', kind: 'arbitration' }] })).toMatchObject({ status: 'interrupted', lastDay: null });
  });

  it('suspends for an obstacle in the last six months: six months after it ends (art. 194)', () => {
    const r = assess({ claim: 'general', knewOn: '2023-06-01', obstacles: [{ from: '2026-04-01', until: '2026-08-01', cause: 'force-majeure' }] });
    expect(r).toMatchObject({ lastDay: '2027-02-01', status: 'near' });
    expect(bases(r)).toContain('第一百九十四条');
    // Before the last six months it changes nothing.
    expect(assess({ claim: 'general', knewOn: '2023-06-01', obstacles: [{ from: '2024-01-01', until: '2024-03-01', cause: 'controlled' }] })).toMatchObject({ lastDay: '2026-06-01' });
    // While it lasts, no last day can be given.
    expect(assess({ claim: 'general', knewOn: '2023-06-01', obstacles: [{ from: '2026-05-01', cause: 'inheritance-unsettled' }] })).toMatchObject({ status: 'suspended', lastDay: null });
  });

  it('never goes past twenty years from the harm (art. 188 ¶2)', () => {
    const r = assess({ claim: 'general', harmedOn: '2006-10-09', knewOn: '2025-01-06' }, '2026-11-25');
    expect(r).toMatchObject({ lastDay: '2026-10-09', status: 'expired' });
    expect(r.steps.some((s) => s.text.includes('二十年'))).toBe(true);
  });

  it('waits until the right-holder knows (art. 188 ¶2)', () => {
    expect(assess({ claim: 'general' })).toMatchObject({ status: 'pending', years: 3, lastDay: null });
  });

  it('says when a year has no holiday data, so the date is checked by a person', () => {
    const r = assessLimitation({ claim: 'general', knewOn: '2024-06-13' }, '2026-11-25', CHINA_REST_DAYS);
    expect(addYears('2024-06-13', 3)).toBe('2027-06-13');
    expect(r.lastDay).toBe('2027-06-14'); // 2027-06-13 is a Sunday; 2027's holidays are not loaded, weekends still count
    expect(r.steps.at(-1)!.text).toContain('2027 年的法定节假日安排未载入本系统');
  });
});

describe('labour arbitration (劳动争议调解仲裁法 art. 27)', () => {
  it('runs one year, and a demand interrupts it under art. 27 ¶2', () => {
    const r = assess({ claim: 'labour-arbitration', knewOn: '2026-01-05', interruptions: [{ on: '2026-06-01', kind: 'demand' }] });
    expect(r).toMatchObject({ status: 'running', years: 1, runsFrom: '2026-06-01', lastDay: '2027-06-01' });
    expect(bases(r)).toContain('《中华人民共和国劳动争议调解仲裁法》第二十七条第一款');
    expect(bases(r)).toContain('《中华人民共和国劳动争议调解仲裁法》第二十七条第二款');
    expect(bases(r)).not.toContain('第一百九十五条第一项');
  });
});

// Table-driven tests of the pure rules of online filing and preservation, each citing its article.
import { describe, expect, it } from 'vitest';
import { estimateFee } from '../fees/index.ts';
import { acceptanceFeeRequest, ageInDays, claimsTotal, correctionDeadline, guaranteeProblems, isOverdue, maskIdNumber, maxRequirableGuaranteeFen, nextStatus, preservationFeeRequest, type FilingAction } from './filing.rules.ts';
import type { TFilingStatus } from '@opencourt/contracts';

const WAN = 1_000_000; // 10,000 yuan in fen

describe('states and transitions (在线诉讼规则第九条; 登记立案规定第七条)', () => {
  const cases: [TFilingStatus, FilingAction, TFilingStatus | undefined][] = [
    ['submitted', 'accept', 'accepted'],
    ['submitted', 'correct', 'correction'],
    ['submitted', 'refuse', 'refused'],
    ['submitted', 'resubmit', undefined],
    ['submitted', 'lapse', undefined],
    ['correction', 'resubmit', 'submitted'],
    ['correction', 'lapse', 'lapsed'],
    // A clerk cannot accept what awaits the party's correction.
    ['correction', 'accept', undefined],
    ['correction', 'refuse', undefined],
    ['accepted', 'accept', undefined],
    ['accepted', 'refuse', undefined],
    ['refused', 'accept', undefined],
    ['lapsed', 'resubmit', undefined],
  ];
  it.each(cases)('%s --%s--> %s', (from, action, to) => expect(nextStatus(from, action)).toBe(to));
});

describe('the correction deadline (《民事诉讼法》第八十五条: the day of notice does not count; Beijing days)', () => {
  it.each([
    // notice (UTC)               days  deadline (UTC) = end of the last Beijing day
    ['2026-11-25T02:00:00Z', 15, '2026-12-10T16:00:00.000Z'], // 10:00 Beijing on 25 Nov → end of 10 Dec
    ['2026-11-25T15:30:00Z', 15, '2026-12-10T16:00:00.000Z'], // 23:30 Beijing, same day
    ['2026-11-25T16:30:00Z', 15, '2026-12-11T16:00:00.000Z'], // 00:30 Beijing on 26 Nov
    ['2026-12-31T10:00:00Z', 1, '2027-01-01T16:00:00.000Z'],
    ['2028-02-28T01:00:00Z', 1, '2028-02-29T16:00:00.000Z'], // leap year
  ] as const)('notice at %s with %i days ends at %s', (notice, days, end) => {
    expect(correctionDeadline(new Date(notice), days).toISOString()).toBe(end);
  });

  it('is overdue exactly from the deadline on', () => {
    const d = new Date('2026-12-10T16:00:00Z');
    expect(isOverdue(d, new Date(d.getTime() - 1))).toBe(false);
    expect(isOverdue(d, d)).toBe(true);
    expect(isOverdue(null, d)).toBe(false);
  });

  it('counts whole days of age for the 7-day rule (《民事诉讼法》第一百二十六条)', () => {
    expect(ageInDays(new Date('2026-11-18T08:00:00Z'), new Date('2026-11-25T07:59:59Z'))).toBe(6);
    expect(ageInDays(new Date('2026-11-18T08:00:00Z'), new Date('2026-11-25T08:00:00Z'))).toBe(7);
  });
});

describe('the acceptance fee of a complaint (《诉讼费用交纳办法》第十三条)', () => {
  it.each([
    [[{ amountFen: 10 * WAN }], 'property', 10 * WAN, 230_000], // 100,000 yuan: 50 + 2.5% of 90,000 = 2,300 yuan
    [[{ amountFen: 5 * WAN }, { amountFen: 5 * WAN }], 'property', 10 * WAN, 230_000], // claims add up
    [[{ amountFen: 100_000 }], 'property', 100_000, 5_000], // 1,000 yuan: 50 yuan (first band)
    [[{}], 'non-property', 0, 5_000], // no sum claimed: non-property, 50 yuan (the schedule's figure)
  ] as const)('claims %j: %s on %i fen costs %i fen', (claims, kind, base, feeFen) => {
    const total = claimsTotal(claims);
    expect(total).toBe(base);
    const request = acceptanceFeeRequest(total);
    expect(request.kind).toBe(kind);
    expect(estimateFee(request).feeFen).toBe(feeFen);
  });

  it('prices preservation with its cap of 5,000 yuan (第十四条第二项)', () => {
    expect(estimateFee(preservationFeeRequest(100_000)).feeFen).toBe(3_000); // ≤1,000 yuan: 30 yuan
    expect(estimateFee(preservationFeeRequest(10 * WAN)).feeFen).toBe(102_000); // 30 + 1% of 99,000 = 1,020 yuan
    expect(estimateFee(preservationFeeRequest(1_000_000 * WAN)).feeFen).toBe(500_000);
  });
});

describe('the guarantee of property preservation', () => {
  const A = 10 * WAN;
  it.each([
    // 《民事诉讼法》第一百零四条 and 财产保全规定第五条第二款: before litigation, a guarantee equal to the amount.
    ['pre-litigation', { kind: 'cash', amountFen: A }, []],
    ['pre-litigation', { kind: 'insurance', amountFen: A + 1 }, []],
    ['pre-litigation', { kind: 'bank-guarantee', amountFen: A - 1 }, ['/body/guarantee/amountFen']],
    ['pre-litigation', { kind: 'none', amountFen: 0 }, ['/body/guarantee/kind']],
    ['pre-litigation', { kind: 'none', amountFen: 0, exemption: 'clear-facts' }, ['/body/guarantee/kind', '/body/guarantee/exemption']],
    // 第一百零三条第二款: in litigation the court may require one; none offered is acceptable at application.
    ['in-litigation', { kind: 'none', amountFen: 0 }, []],
    ['in-litigation', { kind: 'none', amountFen: 0, exemption: 'maintenance-wages-injury' }, []], // 财产保全规定第九条第一项
    ['in-litigation', { kind: 'property', amountFen: 3 * WAN }, []],
    ['in-litigation', { kind: 'none', amountFen: 5 }, ['/body/guarantee/amountFen']],
    ['in-litigation', { kind: 'cash', amountFen: 0 }, ['/body/guarantee/amountFen']],
    ['in-litigation', { kind: 'cash', amountFen: 100, exemption: 'clear-facts' }, ['/body/guarantee/exemption']],
  ] as const)('%s with %j → problems at %j', (stage, g, pointers) => {
    expect(guaranteeProblems(stage, A, g).map((p) => p.pointer)).toEqual(pointers);
  });

  it('lets the court require at most 30% in litigation (财产保全规定第五条第一款)', () => {
    expect(maxRequirableGuaranteeFen(10 * WAN)).toBe(3 * WAN);
    expect(maxRequirableGuaranteeFen(1)).toBe(1);
  });
});

describe('masking identity numbers in stored summaries', () => {
  it.each([
    ['11010519491231002X', '110***********002X'],
    ['A1234563', 'A12*4563'],
    ['H123', '****'],
  ])('%s → %s', (n, masked) => expect(maskIdNumber(n)).toBe(masked));
});

// The Civil Procedure Law (2023) as tables: art. 171 (15 days for judgments, 10 for appealable
// rulings), art. 85 (the day of service not counted; a last day on a rest day moves to the next working
// day), art. 158 (effect once the period passes without appeal; non-appealable rulings on service),
// art. 100 (mediation statements on every party's signature).
import { describe, expect, it } from 'vitest';
import { CHINA_REST_DAYS } from '../risk/index.ts';
import { appealProblem, chinaDate, decisionEffect, lastDayToAppeal, serviceProblem, type EffectFacts } from './decisions.rules.ts';

const A = 'party-a';
const B = 'party-b';
const TODAY = '2026-11-25'; // a Wednesday
const facts = (over: Partial<EffectFacts>): EffectFacts => ({ kind: 'judgment', decidedOn: '2026-09-01', partyIds: [A, B], services: [], appeals: [], ...over });
const served = (a: string, b: string) => [
  { partyUserId: A, servedOn: a },
  { partyUserId: B, servedOn: b },
];

describe('lastDayToAppeal (art. 171 with art. 85)', () => {
  it.each([
    ['judgment', '2026-11-02', '2026-11-17'], // 15 days, service day not counted
    ['judgment', '2026-11-06', '2026-11-23'], // 11-21 is a Saturday → Monday
    ['judgment', '2026-09-20', '2026-10-08'], // 10-05 falls in the National Day holiday → first working day after it
    ['judgment', '2026-10-10', '2026-10-26'], // served on a make-up working Saturday; 10-25 is a Sunday
    ['ruling_appealable', '2026-11-20', '2026-11-30'], // 10 days (art. 171 para. 2)
    ['ruling_appealable', '2026-09-21', '2026-10-08'], // 10-01 is National Day
    ['ruling_final', '2026-11-20', undefined], // no appeal (art. 158)
    ['mediation_statement', '2026-11-20', undefined],
    ['confirmation_ruling', '2026-11-20', undefined],
  ] as const)('%s served %s: last day %s', (kind, servedOn, last) => {
    expect(lastDayToAppeal(kind, servedOn, CHINA_REST_DAYS)).toBe(last);
  });
});

describe('decisionEffect', () => {
  it.each([
    ['judgment served on both, period over', facts({ services: served('2026-11-02', '2026-11-02') }), 'effective', '2026-11-18'],
    ['judgment: the later service decides', facts({ services: served('2026-11-02', '2026-11-06') }), 'effective', '2026-11-24'],
    ['judgment: the period runs past today', facts({ services: served('2026-11-20', '2026-11-20') }), 'appeal_period', '2026-12-08'],
    ['judgment: last day on the holiday', facts({ services: served('2026-09-20', '2026-09-18') }), 'effective', '2026-10-09'],
    ['judgment served on one party only', facts({ services: [{ partyUserId: A, servedOn: '2026-10-01' }] }), 'unserved', null],
    ['judgment appealed', facts({ services: served('2026-11-02', '2026-11-02'), appeals: [{ partyUserId: B, filedOn: '2026-11-10' }] }), 'appealed', null],
    ['appealable ruling, period running', facts({ kind: 'ruling_appealable', services: served('2026-11-20', '2026-11-19') }), 'appeal_period', '2026-12-01'],
    ['appealable ruling, period over', facts({ kind: 'ruling_appealable', services: served('2026-11-02', '2026-11-02') }), 'effective', '2026-11-13'],
    ['non-appealable ruling: on service to all', facts({ kind: 'ruling_final', services: served('2026-11-20', '2026-11-24') }), 'effective', '2026-11-24'],
    ['confirmation ruling: on service', facts({ kind: 'confirmation_ruling', services: served('2026-11-25', '2026-11-25') }), 'effective', '2026-11-25'],
    ['mediation statement signed by both (art. 100)', facts({ kind: 'mediation_statement', services: served('2026-11-21', '2026-11-22') }), 'effective', '2026-11-22'],
    ['mediation statement signed by one', facts({ kind: 'mediation_statement', services: [{ partyUserId: B, servedOn: '2026-11-21' }] }), 'unserved', null],
    ['a matter without parties', facts({ partyIds: [] }), 'unserved', null],
  ] as const)('%s', (_name, f, status, effectiveOn) => {
    const effect = decisionEffect(f, TODAY, CHINA_REST_DAYS);
    expect(effect.status).toBe(status);
    expect(effect.effectiveOn).toBe(effectiveOn);
    expect(effect.basis).toMatch(/民事诉讼法/);
    expect(effect.reason === null).toBe(status === 'effective');
  });

  it('explains a refusal before effect with the expected date', () => {
    expect(decisionEffect(facts({ services: served('2026-11-20', '2026-11-20') }), TODAY, CHINA_REST_DAYS).reason).toBe('上诉期尚未届满，预计 2026-12-08 生效');
    expect(decisionEffect(facts({ kind: 'mediation_statement' }), TODAY, CHINA_REST_DAYS).reason).toBe('该民事调解书尚未经全部当事人签收，尚未发生法律效力');
    expect(decisionEffect(facts({ appeals: [{ partyUserId: A, filedOn: TODAY }] }), TODAY, CHINA_REST_DAYS).reason).toBe('当事人已提起上诉，该民事判决书尚未发生法律效力');
  });

  it('takes effect on the very day after the period, not before', () => {
    const f = facts({ services: served('2026-11-02', '2026-11-02') });
    expect(decisionEffect(f, '2026-11-17', CHINA_REST_DAYS).status).toBe('appeal_period');
    expect(decisionEffect(f, '2026-11-18', CHINA_REST_DAYS).status).toBe('effective');
  });
});

describe('serviceProblem', () => {
  const ctx = { decidedOn: '2026-11-10', today: TODAY, partyIds: [A, B], servedPartyIds: new Set([B]) };
  it.each([
    [{ partyUserId: A, servedOn: '2026-11-10' }, undefined],
    [{ partyUserId: A, servedOn: '2026-11-09' }, 'before-decision'],
    [{ partyUserId: A, servedOn: '2026-11-26' }, 'in-future'],
    [{ partyUserId: 'stranger', servedOn: '2026-11-12' }, 'not-a-party'],
    [{ partyUserId: B, servedOn: '2026-11-12' }, 'already-served'],
  ] as const)('%o → %s', (s, problem) => expect(serviceProblem(s, ctx)).toBe(problem));
});

describe('appealProblem (art. 171)', () => {
  const ctx = { kind: 'judgment' as const, today: TODAY, partyIds: [A, B], servedOn: '2026-11-06' };
  it.each([
    [{}, { partyUserId: A, filedOn: '2026-11-23' }, undefined], // the last day, moved off the weekend
    [{}, { partyUserId: A, filedOn: '2026-11-24' }, 'period-over'],
    [{}, { partyUserId: A, filedOn: '2026-11-05' }, 'before-service'],
    [{}, { partyUserId: 'stranger', filedOn: '2026-11-10' }, 'not-a-party'],
    [{ servedOn: undefined }, { partyUserId: A, filedOn: '2026-11-10' }, 'not-served'],
    [{ kind: 'ruling_final' as const }, { partyUserId: A, filedOn: '2026-11-10' }, 'not-appealable'],
    [{ kind: 'mediation_statement' as const }, { partyUserId: A, filedOn: '2026-11-10' }, 'not-appealable'],
    [{}, { partyUserId: A, filedOn: '2026-11-26' }, 'in-future'],
  ] as const)('%o %o → %s', (over, a, problem) => expect(appealProblem(a, { ...ctx, ...over }, CHINA_REST_DAYS)).toBe(problem));
});

it('counts service dates in China: 23:30 UTC is the next morning in Xiamen', () => {
  expect(chinaDate(new Date('2026-11-19T23:30:00Z'))).toBe('2026-11-20');
  expect(chinaDate(new Date('2026-11-20T15:59:59Z'))).toBe('2026-11-20');
});

// The report's rules, table by table: each case cites the rule it checks.
import { RISK_EVIDENCE, ZRiskReport, ZRiskReportRequest, type TRiskReportInput } from '@opencourt/contracts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FEE_SCHEDULE } from '../fees/index.ts';
import type { RestDayCalendar } from './calendar.ts';
import { EVIDENCE_CHECKLISTS } from './risk.evidence.ts';
import { buildRiskReport, COMPARABLE_MINIMUM, type RiskContext } from './risk.rules.ts';

const weekendsOnly: RestDayCalendar = { holidays: new Set(), workdays: new Set(), years: new Set([2025, 2026, 2027, 2028, 2029]) };
const ctx = (over: Partial<RiskContext> = {}): RiskContext => ({ today: '2026-11-25', calendar: weekendsOnly, schedule: DEFAULT_FEE_SCHEDULE, outcomes: {}, ...over });
const report = (input: TRiskReportInput, over: Partial<RiskContext> = {}) => ZRiskReport.parse(buildRiskReport(ZRiskReportRequest.parse(input), ctx(over)));
const lending = (over: Partial<TRiskReportInput> = {}): TRiskReportInput => ({ kind: 'private-lending', amountFen: 10_000_000, knewOn: '2024-06-12', ...over });
const allStatements = (r: ReturnType<typeof report>) => [
  ...r.fee.statements,
  ...r.limitation.steps,
  ...r.evidence.statements,
  ...r.enforcement.statements,
  ...r.costs.statements,
  r.comparables.statement,
  r.disclaimer,
];

describe('fee (《诉讼费用交纳办法》)', () => {
  it.each([
    [lending(), 'property', 230_000], // 100,000 yuan: 50 + 90,000 × 2.5% (art. 13(1))
    [{ kind: 'labour', knewOn: '2026-06-01' }, 'labour', 1_000], // art. 13(4): 10 yuan a case
    [{ kind: 'divorce', amountFen: 0 }, 'divorce', 5_000], // art. 13(2)1, the default schedule's per-case figure
    [{ kind: 'traffic-accident', amountFen: 1_000_000 }, 'property', 5_000], // up to 10,000 yuan: 50 yuan
  ] as const)('%o is priced as a %s case', (input, kind, feeFen) => {
    const r = report(input);
    expect(r.fee.estimate).toMatchObject({ kind, feeFen });
    expect(r.costs.caseFeeFen).toBe(feeFen);
  });

  it('adds the preservation fee when asked, and weighs the costs against the claim (arts. 14(2), 20, 29)', () => {
    const r = report(lending({ preservation: { amountFen: 10_000_000 } }));
    expect(r.costs.preservation?.feeFen).toBe(102_000); // 30 + (100,000 − 1,000) × 1%
    expect(r.costs.totalFen).toBe(230_000 + 102_000);
    expect(r.costs.shareBp).toBe(332); // 3,320 of 100,000 yuan
    expect(r.costs.statements.map((s) => s.basis).join()).toContain('第二十九条');
  });
});

describe('limitation period', () => {
  it('runs three years from when the party knew (Civil Code art. 188) and says how long is left', () => {
    const r = report(lending());
    expect(r.limitation).toMatchObject({ status: 'running', years: 3, lastDay: '2027-06-14', daysLeft: 201, warning: null });
  });

  it('warns when near or past its end (arts. 192, 194, 195)', () => {
    expect(report(lending({ knewOn: '2023-12-20' })).limitation).toMatchObject({ status: 'near', warning: 'near', daysLeft: 26 });
    expect(report(lending({ knewOn: '2023-03-15' })).limitation).toMatchObject({ status: 'expired', warning: 'expired' });
  });

  it('restarts from a demand (art. 195) and counts instalments from the last one (art. 189)', () => {
    expect(report(lending({ knewOn: '2023-03-15', interruptions: [{ on: '2025-01-10', kind: 'demand' }] })).limitation.lastDay).toBe('2028-01-10');
    expect(report({ kind: 'property-service', amountFen: 360_000, knewOn: '2023-01-01', lastInstalmentDueOn: '2025-12-31' }).limitation.lastDay).toBe('2029-01-01'); // 2028-12-31 is a Sunday (art. 203)
  });

  it('gives labour arbitration one year (劳动争议调解仲裁法 art. 27) and international sales four (art. 594)', () => {
    const labour = report({ kind: 'labour', knewOn: '2026-09-01' });
    expect(labour.limitation).toMatchObject({ years: 1, lastDay: '2027-09-01', warning: null });
    expect(labour.limitation.steps[0]!.basis).toBe('《中华人民共和国劳动争议调解仲裁法》第二十七条第一款');
    expect(labour.limitation.steps.at(-1)!.basis).toContain('第二十七条第四款');
    expect(report({ kind: 'sale-contract', amountFen: 100, knewOn: '2023-03-15', international: true }).limitation).toMatchObject({ years: 4, lastDay: '2027-03-15' });
  });

  it('does not apply to a divorce, and says why', () => {
    const r = report({ kind: 'divorce' });
    expect(r.limitation).toMatchObject({ status: 'not-applicable', lastDay: null, warning: null });
    expect(r.limitation.steps.map((s) => s.basis)).toContain('《中华人民共和国民法典》第一百九十六条第三项');
  });

  it('waits for the day the party knew', () => {
    expect(report(lending({ knewOn: undefined })).limitation).toMatchObject({ status: 'pending', lastDay: null });
  });
});

describe('evidence checklists', () => {
  it('name the same items as the contract, each with a rule', () => {
    for (const [kind, ids] of Object.entries(RISK_EVIDENCE)) {
      const list = EVIDENCE_CHECKLISTS[kind as keyof typeof RISK_EVIDENCE];
      expect(Object.keys(list)).toEqual(ids);
      for (const item of Object.values(list)) expect(item.basis).toMatch(/《.+》第.+条/);
    }
  });

  it.each([
    ['private-lending', ['transfer-records'], ['iou'], '《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二条第一款'],
    ['labour', ['wage-records'], ['arbitration-award'], '《中华人民共和国劳动争议调解仲裁法》第五条'],
    ['traffic-accident', ['medical-records'], ['accident-report'], '《中华人民共和国道路交通安全法》第七十三条'],
  ] as const)('%s: holding %o, the essential %o is missing (%s)', (kind, held, essentialMissing, basis) => {
    const r = report({ kind, amountFen: 100_000, evidence: [...held] });
    expect(r.evidence.held.map((h) => h.id)).toEqual(held);
    expect(r.evidence.missing.filter((m) => m.essential).map((m) => m.id)).toEqual(essentialMissing);
    expect(r.evidence.missing.find((m) => m.id === essentialMissing[0])!.basis).toBe(basis);
    expect(r.evidence.statements[1]!.text).toContain('缺少关键证据');
  });

  it('refuses an item from another kind\'s checklist, pointing at it', () => {
    const parsed = ZRiskReportRequest.safeParse(lending({ evidence: ['iou', 'accident-report'] }));
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(['evidence', 1]);
  });
});

describe('enforcement risk', () => {
  it.each([
    [{ type: 'person', reachable: 'yes', assets: 'yes', otherDebts: 'no' }, 'low', '第二百四十七条第一款'],
    [{ type: 'person', reachable: 'yes', assets: 'unknown' }, 'medium', '第二百五十二条'],
    [{ type: 'person', reachable: 'no', assets: 'yes' }, 'medium', '第九十五条第一款'], // service by public notice
    [{ type: 'person', assets: 'no' }, 'high', '第五百一十七条第一款'], // termination of this round of execution
    [{ type: 'person', assets: 'yes', otherDebts: 'yes' }, 'high', '第二百五十三条第一款'],
    [{ type: 'company', assets: 'yes', companyStatus: 'deregistered' }, 'high', '第六十八条第一款'],
    [{ type: 'company', assets: 'yes', companyStatus: 'abnormal' }, 'medium', '第六十九条第四项'],
  ] as const)('%o is %s risk (%s)', (otherSide, level, basis) => {
    const r = report(lending({ otherSide }));
    expect(r.enforcement.level).toBe(level);
    expect(r.enforcement.statements.map((s) => s.basis).join(' | ')).toContain(basis);
  });

  it('suggests preservation when the other side has property but the risk is not low (CPL arts. 103, 104)', () => {
    expect(report(lending({ otherSide: { assets: 'yes', reachable: 'no' } })).enforcement.statements.map((s) => s.basis).join()).toContain('第一百零三条第一款');
    expect(report(lending({ otherSide: { assets: 'yes', reachable: 'yes' } })).enforcement.statements.map((s) => s.basis).join()).not.toContain('第一百零三条');
  });
});

describe('comparable matters', () => {
  it(`says plainly when fewer than ${COMPARABLE_MINIMUM} have ended`, () => {
    const r = report(lending(), { outcomes: { won: 6, mediated: 3 } });
    expect(r.comparables).toMatchObject({ total: 9, enough: false });
    expect(r.comparables.statement.text).toContain('数量太少');
  });

  it('gives counts and shares once there are enough', () => {
    const r = report(lending(), { outcomes: { won: 6, mediated: 3, withdrawn: 1 } });
    expect(r.comparables).toMatchObject({ total: 10, enough: true });
    expect(r.comparables.outcomes).toEqual([
      { outcome: 'won', count: 6 },
      { outcome: 'mediated', count: 3 },
      { outcome: 'withdrawn', count: 1 },
    ]);
    expect(r.comparables.statement.text).toBe('本平台已结的民间借贷纠纷 10 件中：胜诉 6 件（60%），调解结案 3 件（30%），撤诉 1 件（10%）');
  });
});

it('cites a rule for every statement', () => {
  for (const input of [lending({ otherSide: { assets: 'no' }, preservation: { amountFen: 100 } }), { kind: 'divorce' as const }, { kind: 'labour' as const, knewOn: '2025-01-01' }]) {
    for (const s of allStatements(report(input))) expect(s.basis.length, s.text).toBeGreaterThan(4);
  }
});

import { ZIntakeAnswers, type TIntakeAnswers, type TIntakeDocumentKind } from '@opencourt/contracts';
import { describe, expect, it } from 'vitest';
import { composeIntake, formatRate } from './intake.compose.ts';

const compose = (answers: unknown, document: TIntakeDocumentKind = 'complaint') =>
  composeIntake({ answers: ZIntakeAnswers.parse(answers) as TIntakeAnswers, document, applicantName: '张三', respondentName: '李四' });

describe('composing a complaint from the questionnaire', () => {
  it('sums a traffic accident’s losses into one request and states the police’s determination', () => {
    const c = compose({ kind: 'traffic-accident', accidentOn: '2026-03-02', place: '翔安区新店街道', liability: 'main', medicalFen: 1_234_56, lostIncomeFen: 500_00, vehicleLossFen: 0, otherLossFen: 10_00, insurer: '某保险公司' });
    expect(c.cause).toBe('机动车交通事故责任纠纷');
    expect(c.facts[0]).toBe('2026年3月2日，原告张三与被告李四在翔安区新店街道发生交通事故。经公安机关交通管理部门认定，被告李四负事故主要责任。');
    expect(c.facts[1]).toContain('损失共计1744.56元，其中医疗费1234.56元、误工费500.00元、其他损失10.00元');
    expect(c.requests).toEqual([{ text: '被告李四赔偿原告张三各项损失共计1744.56元', amountFen: 174_456 }, { text: '本案诉讼费用由被告李四承担' }]);
    expect(c.totalFen).toBe(174_456);
  });

  it('names the sides 申请人/被申请人 in a mediation application and asks no costs order there', () => {
    const c = compose({ kind: 'private-lending', lentOn: '2025-01-10', principalFen: 50_000_00, repaidFen: 10_000_00, hasIou: true }, 'mediation-application');
    expect(c.requests).toEqual([{ text: '被申请人李四偿还借款本金40000.00元', amountFen: 4_000_000 }]);
    expect(c.facts[0]).toContain('被申请人李四向申请人张三借款50000.00元，未约定利息。被申请人李四已归还10000.00元，尚欠本金40000.00元');
  });

  it('caps agreed lending interest at four times the one-year LPR in the wording (民间借贷规定 art. 25)', () => {
    const c = compose({ kind: 'private-lending', lentOn: '2025-01-10', principalFen: 10_000_00, annualRateBp: 1550, hasIou: false });
    expect(c.requests[1]!.text).toContain('按年利率15.5%计算至实际清偿之日止，以不超过合同成立时一年期贷款市场报价利率四倍为限');
    expect(c.notices.map((n) => n.code)).toEqual(['lending-rate-cap', 'lending-no-iou']);
  });

  it('blocks a labour complaint before arbitration (劳动争议调解仲裁法 art. 5) but lets the same answers become a mediation application', () => {
    const answers = { kind: 'labour', startedOn: '2024-05-01', endedOn: '2026-06-30', monthlyWageFen: 8_000_00, unpaidWagesFen: 16_000_00, writtenContract: false, arbitrated: false };
    const complaint = compose(answers, 'complaint');
    expect(complaint.notices.find((n) => n.level === 'block')).toMatchObject({ code: 'labour-arbitration-first', basis: '《中华人民共和国劳动争议调解仲裁法》第五条' });
    expect(complaint.cause).toBe('追索劳动报酬纠纷');
    const application = compose(answers, 'mediation-application');
    expect(application.notices.some((n) => n.level === 'block')).toBe(false);
    expect(application.notices.map((n) => n.code)).toEqual(['labour-no-contract']);
  });

  it('blocks a lending claim with nothing left owed', () => {
    const c = compose({ kind: 'private-lending', lentOn: '2025-01-10', principalFen: 100_00, repaidFen: 100_00, hasIou: true });
    expect(c.notices.find((n) => n.level === 'block')?.code).toBe('lending-repaid');
  });

  it.each([
    ['divorce', '离婚纠纷', '原告张三与被告李四离婚'],
    ['child-support', '抚养费纠纷', '被告李四每月支付抚养费1500.00元'],
    ['elder-support', '赡养费纠纷', '被告李四每月支付赡养费1500.00元'],
    ['custody', '变更抚养关系纠纷', '变更子女的抚养关系，子女由原告张三直接抚养'],
  ])('words a family request (%s) under its own cause', (request, cause, first) => {
    const c = compose({ kind: 'family', relation: 'spouse', request, marriedOn: '2015-08-08', children: 1, monthlySupportFen: 1_500_00 });
    expect(c.cause).toBe(cause);
    expect(c.requests[0]!.text).toBe(first);
    expect(c.facts[0]).toBe('原告张三与被告李四于2015年8月8日登记结婚，育有子女1人。');
  });

  it('asks a property owner for unpaid fees and the late fee separately', () => {
    const c = compose({ kind: 'property-service', applicantRole: 'company', propertyAddress: '某小区 3 号楼 101 室', unpaidFrom: '2025-01-01', unpaidTo: '2025-12-31', unpaidFen: 2_400_00, lateFeeFen: 120_00 });
    expect(c.requests.map((r) => r.amountFen)).toEqual([240_000, 12_000, undefined]);
    expect(c.totalFen).toBe(252_000);
    expect(c.requests[0]!.text).toBe('被告李四支付自2025年1月1日至2025年12月31日期间物业费2400.00元');
  });

  it('asks for the unpaid price of delivered goods', () => {
    const c = compose({ kind: 'sale-contract', contractOn: '2026-01-05', goods: '瓷砖', priceFen: 30_000_00, paidFen: 12_000_00, problem: 'unpaid' });
    expect(c.requests[0]).toEqual({ text: '被告李四支付货款18000.00元', amountFen: 1_800_000 });
  });
});

describe('questionnaire answers at the edge', () => {
  it.each([
    [{ kind: 'traffic-accident', accidentOn: '2026-02-30', place: 'x', liability: 'full' }, 'accidentOn', '事故发生日期不是存在的日期'],
    [{ kind: 'private-lending', lentOn: '2025-01-01', principalFen: -1, hasIou: true }, 'principalFen', '借款本金不能为负数'],
    [{ kind: 'private-lending', lentOn: '2025-01-01', principalFen: 1.5, hasIou: true }, 'principalFen', '借款本金应为以分为单位的整数'],
    [{ kind: 'private-lending', lentOn: '2025-01-01', principalFen: 1e15, hasIou: true }, 'principalFen', '借款本金超出可受理的范围（最多 100 亿元）'],
    [{ kind: 'other', subject: 'a\u0007b' }, 'subject', '纠纷事由含有不可见的控制字符'],
    [{ kind: 'labour', startedOn: '2024-01-01', monthlyWageFen: 1, writtenContract: true, arbitrated: true, bonus: 1 }, '', 'Unrecognized key: "bonus"'],
  ])('refuses %j at %s', (answers, path, message) => {
    const parsed = ZIntakeAnswers.safeParse(answers);
    expect(parsed.success).toBe(false);
    const issue = parsed.error!.issues[0]!;
    expect(issue.path.join('.')).toBe(path);
    expect(issue.message).toBe(message);
  });

  it('writes rates without trailing zeros', () => {
    expect([formatRate(1500), formatRate(385), formatRate(1550)]).toEqual(['15%', '3.85%', '15.5%']);
  });
});

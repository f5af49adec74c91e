// Dispute intake on a phone: the kind of dispute, a few plain questions for that kind, the other side,
// what the party asks for. From the answers the server composes the facts and requests of a 民事起诉状 or
// 调解申请书 (人民法院在线调解规则 art. 8: identity, a brief account of the dispute, a phone number, and the
// e-filing materials). Question ids and answer shapes live here; their wording is in the web catalogues
// and, for the documents, on the server.
import { z } from 'zod';
import { plainText } from './common.ts';

export const INTAKE_KINDS = ['traffic-accident', 'property-service', 'family', 'labour', 'private-lending', 'sale-contract', 'other'] as const;
export const ZIntakeKind = z.enum(INTAKE_KINDS, { error: `请选择纠纷类型，可选：${INTAKE_KINDS.join('、')}` });
export type TIntakeKind = z.infer<typeof ZIntakeKind>;

/** The largest amount a party can enter: ¥10 billion, far beyond any dispute this platform takes in. */
export const INTAKE_MAX_FEN = 1_000_000_000_000;

const date = (what: string) =>
  z
    .string({ error: `请填写${what}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${what}应为 YYYY-MM-DD 格式的日期` })
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v, { error: `${what}不是存在的日期` })
    .refine((v) => v >= '1950-01-01', { error: `${what}早于 1950 年，请检查` });

const fen = (what: string) =>
  z
    .number({ error: `${what}应为以分为单位的整数` })
    .int({ error: `${what}应为以分为单位的整数` })
    .min(0, { error: `${what}不能为负数` })
    .max(INTAKE_MAX_FEN, { error: `${what}超出可受理的范围（最多 100 亿元）` });


const optionalFen = (what: string) => fen(what).default(0);

/** Per kind, the answers the questionnaire collects. Strict: an unknown question is an error, not ignored. */
export const ZIntakeAnswers = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('traffic-accident'),
      accidentOn: date('事故发生日期'),
      place: plainText('事故地点', 100),
      /** The other side's share of liability in the police's determination (道路交通事故认定书). */
      liability: z.enum(['full', 'main', 'equal', 'minor', 'none', 'undetermined'], { error: '请选择交警认定的对方责任' }),
      medicalFen: optionalFen('医疗费'),
      lostIncomeFen: optionalFen('误工费'),
      vehicleLossFen: optionalFen('车辆损失'),
      otherLossFen: optionalFen('其他损失'),
      insurer: plainText('对方投保的保险公司', 60).optional(),
    }),
    z.strictObject({
      kind: z.literal('property-service'),
      /** Who asks: the property service company for unpaid fees, or an owner about the service. */
      applicantRole: z.enum(['company', 'owner'], { error: '请选择您是物业公司还是业主' }),
      propertyAddress: plainText('房屋地址', 120),
      unpaidFrom: date('欠费起始日期').optional(),
      unpaidTo: date('欠费截止日期').optional(),
      unpaidFen: optionalFen('欠缴物业费'),
      lateFeeFen: optionalFen('违约金'),
      serviceIssues: plainText('服务问题', 500).optional(),
    }),
    z.strictObject({
      kind: z.literal('family'),
      relation: z.enum(['spouse', 'parent-child', 'siblings', 'other-relative'], { error: '请选择与对方的关系' }),
      request: z.enum(['divorce', 'child-support', 'elder-support', 'custody', 'property-division'], { error: '请选择要解决的问题' }),
      marriedOn: date('结婚登记日期').optional(),
      children: z.number({ error: '子女人数应为整数' }).int({ error: '子女人数应为整数' }).min(0, { error: '子女人数不能为负数' }).max(20, { error: '子女人数最多 20' }).default(0),
      monthlySupportFen: optionalFen('每月抚养费或赡养费'),
      propertyFen: optionalFen('共同财产价值'),
    }),
    z.strictObject({
      kind: z.literal('labour'),
      startedOn: date('入职日期'),
      endedOn: date('离职日期').optional(),
      monthlyWageFen: fen('月工资'),
      unpaidWagesFen: optionalFen('拖欠工资'),
      compensationFen: optionalFen('经济补偿金'),
      writtenContract: z.boolean({ error: '请选择是否签订书面劳动合同' }),
      /** Labour disputes go to arbitration before a court (劳动争议调解仲裁法 art. 5). */
      arbitrated: z.boolean({ error: '请选择是否已经劳动仲裁' }),
    }),
    z.strictObject({
      kind: z.literal('private-lending'),
      lentOn: date('出借日期'),
      principalFen: fen('借款本金').refine((v) => v > 0, { error: '借款本金应大于 0' }),
      /** Agreed annual rate in basis points (1% = 100); 0 when none was agreed. */
      annualRateBp: z.number({ error: '年利率应为数字' }).int({ error: '年利率按万分之一填写整数' }).min(0, { error: '年利率不能为负数' }).max(10_000, { error: '年利率最多 100%' }).default(0),
      dueOn: date('约定还款日期').optional(),
      repaidFen: optionalFen('已还金额'),
      hasIou: z.boolean({ error: '请选择是否有借条' }),
    }),
    z.strictObject({
      kind: z.literal('sale-contract'),
      contractOn: date('合同签订日期'),
      goods: plainText('货物名称', 100),
      priceFen: fen('合同价款'),
      paidFen: optionalFen('已付金额'),
      /** What went wrong. */
      problem: z.enum(['unpaid', 'undelivered', 'defective'], { error: '请选择纠纷原因' }),
    }),
    z.strictObject({
      kind: z.literal('other'),
      subject: plainText('纠纷事由', 60),
      amountFen: optionalFen('涉及金额'),
    }),
  ],
  { error: '请选择纠纷类型' },
);
export type TIntakeAnswers = z.infer<typeof ZIntakeAnswers>;

/** Which document the answers become: an application to mediate first, or a complaint to the court. */
export const ZIntakeDocumentKind = z.enum(['mediation-application', 'complaint'], { error: '请选择生成调解申请书还是民事起诉状' });
export type TIntakeDocumentKind = z.infer<typeof ZIntakeDocumentKind>;

/** One request as the party words it, or as composed from the answers. */
export const ZIntakeRequest = z.strictObject({
  text: plainText('请求内容', 300),
  amountFen: fen('请求金额').optional(),
});
export type TIntakeRequest = z.infer<typeof ZIntakeRequest>;


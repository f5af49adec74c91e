// The litigation risk questionnaire and its report. A party answers a few questions (what kind of
// dispute, how much, when they knew, what evidence they hold, the other side's situation); the report
// states the fee, the limitation period, missing evidence, enforcement risk, costs against the claim
// and how comparable matters ended, every statement with the rule it rests on.
import { z } from 'zod';
import { FEE_MAX_AMOUNT_FEN, ZFeeEstimate } from './fees.ts';

export const RISK_DISPUTE_KINDS = ['private-lending', 'sale-contract', 'labour', 'property-service', 'traffic-accident', 'divorce'] as const;
export const ZRiskDisputeKind = z.enum(RISK_DISPUTE_KINDS, { error: `请选择纠纷类型，可选：${RISK_DISPUTE_KINDS.join('、')}` });
export type TRiskDisputeKind = z.infer<typeof ZRiskDisputeKind>;

/** The evidence checklist of each kind of dispute: ids here, wording and legal basis on the server and in the web catalogues. */
export const RISK_EVIDENCE = {
  'private-lending': ['iou', 'transfer-records', 'interest-agreement', 'demand-records', 'borrower-identity'],
  'sale-contract': ['contract', 'delivery-notes', 'invoices', 'payment-records', 'demand-records'],
  labour: ['labour-contract', 'wage-records', 'attendance', 'termination-notice', 'arbitration-award'],
  'property-service': ['service-contract', 'fee-standard', 'service-records', 'arrears-statement', 'demand-records'],
  'traffic-accident': ['accident-report', 'medical-records', 'loss-evidence', 'insurance', 'appraisal'],
  divorce: ['marriage-certificate', 'breakdown-evidence', 'property-evidence', 'children-evidence', 'debt-evidence'],
} as const satisfies Record<TRiskDisputeKind, readonly string[]>;
export type TRiskEvidenceId = (typeof RISK_EVIDENCE)[TRiskDisputeKind][number];

/** Kinds whose claim is money owed by instalments, where the last instalment's due date matters (Civil Code art. 189). */
export const RISK_INSTALMENT_KINDS: readonly TRiskDisputeKind[] = ['private-lending', 'sale-contract', 'property-service'];

const isoDate = (what: string) =>
  z
    .string({ error: `${what}应为 YYYY-MM-DD 格式的日期` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${what}应为 YYYY-MM-DD 格式的日期` })
    .refine((v) => new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v, { error: `${what}不是存在的日期` })
    .refine((v) => v >= '1900-01-01', { error: `${what}早于 1900 年，请检查` });

const fen = (what: string) =>
  z
    .number({ error: `${what}应为以分为单位的整数` })
    .max(FEE_MAX_AMOUNT_FEN, { error: `${what}超出可计算的范围（最多 10 万亿元）`, abort: true })
    .min(0, { error: `${what}不能为负数` })
    .int({ error: `${what}应为以分为单位的整数` });

export const ZRiskAnswer = z.enum(['yes', 'no', 'unknown']);
export type TRiskAnswer = z.infer<typeof ZRiskAnswer>;

export const ZRiskOtherSide = z.strictObject({
  type: z.enum(['person', 'company'], { error: '请选择对方是个人还是单位' }).default('person'),
  /** Can the party still reach them (phone, address)? */
  reachable: ZRiskAnswer.default('unknown'),
  /** Do they have property or a steady income the party knows of? */
  assets: ZRiskAnswer.default('unknown'),
  /** Are they already failing to pay others (other suits, listed as a dishonest judgment debtor)? */
  otherDebts: ZRiskAnswer.default('unknown'),
  /** A company's registration status. */
  companyStatus: z.enum(['operating', 'abnormal', 'deregistered', 'unknown']).default('unknown'),
});
export type TRiskOtherSide = z.infer<typeof ZRiskOtherSide>;

export const ZRiskReportRequest = z
  .strictObject({
    kind: ZRiskDisputeKind,
    /** What happened, in the party's words (not stored; printed in the report). */
    summary: z.string().trim().max(2000, { error: '情况说明最多 2000 字' }).default(''),
    /** The amount claimed (for a divorce: the property to divide; may be 0). */
    amountFen: fen('请求金额').default(0),
    /** When the party knew, or should have known, of the harm and who caused it (Civil Code art. 188). */
    knewOn: isoDate('知道权利受损的日期').optional(),
    /** The due date of the last instalment, for a debt paid by instalments (art. 189). */
    lastInstalmentDueOn: isoDate('最后一期履行期限').optional(),
    /** Demands made on the other side and their acknowledgements of the debt (art. 195). */
    interruptions: z
      .array(z.strictObject({ on: isoDate('日期'), kind: z.enum(['demand', 'acknowledgement'], { error: '请选择催告或者对方认可' }) }))
      .max(20, { error: '最多填写 20 次催告或者认可' })
      .default([]),
    /** A sale of goods between parties in different countries (Civil Code art. 594: four years). */
    international: z.boolean().default(false),
    /** Evidence held: ids from the kind's checklist. */
    evidence: z.array(z.string().max(40)).max(20).default([]),
    otherSide: ZRiskOtherSide.default({ type: 'person', reachable: 'unknown', assets: 'unknown', otherDebts: 'unknown', companyStatus: 'unknown' }),
    /** Ask for property preservation: its fee follows the amount to preserve (Decree art. 14(2)). */
    preservation: z.strictObject({ amountFen: fen('申请保全的财产数额') }).optional(),
  })
  .superRefine((v, ctx) => {
    const known: readonly string[] = RISK_EVIDENCE[v.kind];
    v.evidence.forEach((id, i) => {
      if (!known.includes(id)) ctx.addIssue({ code: 'custom', path: ['evidence', i], message: `“${id}”不是此类纠纷的证据清单项，可选：${known.join('、')}` });
    });
    if (v.kind !== 'divorce' && v.kind !== 'labour' && v.amountFen < 1) ctx.addIssue({ code: 'custom', path: ['amountFen'], message: '请填写请求金额（大于零）' });
    if (v.lastInstalmentDueOn && !RISK_INSTALMENT_KINDS.includes(v.kind)) ctx.addIssue({ code: 'custom', path: ['lastInstalmentDueOn'], message: '此类纠纷不适用分期履行的起算规则' });
    if (v.international && v.kind !== 'sale-contract') ctx.addIssue({ code: 'custom', path: ['international'], message: '只有买卖合同纠纷可以是国际货物买卖' });
  });
export type TRiskReportRequest = z.infer<typeof ZRiskReportRequest>;
/** What a client sends (defaults not yet applied). */
export type TRiskReportInput = z.input<typeof ZRiskReportRequest>;

/** A statement and the rule it rests on. */
export const ZRiskStatement = z.object({ text: z.string(), basis: z.string() });
export type TRiskStatement = z.infer<typeof ZRiskStatement>;

export const ZRiskLevel = z.enum(['low', 'medium', 'high']);
export type TRiskLevel = z.infer<typeof ZRiskLevel>;

/** How a matter on this platform ended. */
export const RISK_OUTCOMES = ['won', 'partly-won', 'lost', 'mediated', 'withdrawn', 'other'] as const;
export const ZRiskOutcome = z.enum(RISK_OUTCOMES);
export type TRiskOutcome = z.infer<typeof ZRiskOutcome>;

export const ZRiskReport = z.object({
  kind: ZRiskDisputeKind,
  /** The day the report was made (the limitation period is counted to it). */
  madeOn: z.string(),
  summary: z.string(),
  amountFen: z.number().int(),
  fee: z.object({ estimate: ZFeeEstimate, statements: z.array(ZRiskStatement) }),
  limitation: z.object({
    status: z.enum(['not-applicable', 'running', 'near', 'expired', 'suspended', 'interrupted', 'pending']),
    years: z.number().int().nullable(),
    lastDay: z.string().nullable(),
    daysLeft: z.number().int().nullable(),
    /** Set when the period is near its end or has ended. */
    warning: z.enum(['near', 'expired']).nullable(),
    steps: z.array(ZRiskStatement),
  }),
  evidence: z.object({
    held: z.array(z.object({ id: z.string(), label: z.string(), basis: z.string() })),
    missing: z.array(z.object({ id: z.string(), label: z.string(), why: z.string(), basis: z.string(), essential: z.boolean() })),
    statements: z.array(ZRiskStatement),
  }),
  enforcement: z.object({ level: ZRiskLevel, statements: z.array(ZRiskStatement) }),
  costs: z.object({
    caseFeeFen: z.number().int(),
    preservation: ZFeeEstimate.nullable(),
    totalFen: z.number().int(),
    /** Costs as a share of the claim, in basis points; null when nothing is claimed. */
    shareBp: z.number().int().nullable(),
    statements: z.array(ZRiskStatement),
  }),
  comparables: z.object({
    total: z.number().int(),
    /** Below this many ended matters the counts say too little to draw on. */
    minimum: z.number().int(),
    enough: z.boolean(),
    outcomes: z.array(z.object({ outcome: ZRiskOutcome, count: z.number().int() })),
    statement: ZRiskStatement,
  }),
  disclaimer: ZRiskStatement,
});
export type TRiskReport = z.infer<typeof ZRiskReport>;

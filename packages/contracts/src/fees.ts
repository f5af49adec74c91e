// Litigation fee estimates under 《诉讼费用交纳办法》 (State Council Decree 481). The request is a union
// on `kind`: each kind accepts only the options the Decree gives it, so a wrong combination is refused
// here with a pointer to the field, before any rule runs.
import { z } from 'zod';

/** The largest amount accepted: 10^15 fen (10 trillion yuan), far above any claim, well inside exact integers. */
export const FEE_MAX_AMOUNT_FEN = 1_000_000_000_000_000;

/** 案件受理费 (case acceptance fees, art. 13). */
export const CASE_FEE_KINDS = ['property', 'divorce', 'personality', 'non-property', 'ip', 'labour', 'administrative', 'jurisdiction-objection'] as const;
/** 申请费 (application fees, art. 14). */
export const APPLICATION_FEE_KINDS = ['execution', 'preservation', 'payment-order', 'public-summons', 'arbitration', 'bankruptcy'] as const;
export const FEE_KINDS = [...CASE_FEE_KINDS, ...APPLICATION_FEE_KINDS] as const;

export const ZFeeKind = z.enum(FEE_KINDS);
export type TFeeKind = z.infer<typeof ZFeeKind>;

/** How the case is heard or ends: simplified procedure (art. 16), mediation or withdrawal (art. 15) halve the fee. */
export const ZFeeProcedure = z.enum(['ordinary', 'simplified', 'mediated', 'withdrawn']);
export type TFeeProcedure = z.infer<typeof ZFeeProcedure>;

/** First instance, or an appeal (for property cases the fee follows the contested amount, art. 17). */
export const ZFeeInstance = z.enum(['first', 'appeal']);
export type TFeeInstance = z.infer<typeof ZFeeInstance>;

export const ZAdministrativeKind = z.enum(['trademark', 'patent', 'maritime', 'other']);
export type TAdministrativeKind = z.infer<typeof ZAdministrativeKind>;

const fen = (min: 0 | 1, what: string) =>
  z
    .number({ error: (iss) => (iss.input === undefined ? `请填写${what}` : `${what}应为以分为单位的整数`) })
    // Out of range stops here, so an absurd amount gets one clear message rather than two.
    .max(FEE_MAX_AMOUNT_FEN, { error: `${what}超出可计算的范围（最多 10 万亿元）`, abort: true })
    .min(min, { error: min === 0 ? `${what}不能为负数` : `${what}必须大于零` })
    .int({ error: `${what}应为以分为单位的整数` });

/** Kinds charged per case: the amount plays no part, so only 0 (or nothing) is accepted. */
const noAmount = z.literal(0, { error: '这类案件按件交纳，不按金额计算，金额请填 0 或不填' }).default(0);

// Halving applies to case acceptance fees only (arts. 15, 16, 18); applications always pay in full.
const caseProcedure = ZFeeProcedure.default('ordinary');
const fullFeeOnly = z.literal('ordinary', { error: '申请费不适用减半交纳，办理方式只能是 ordinary' }).default('ordinary');
const onlyOrdinary = z.literal('ordinary', { error: '管辖权异议按件交纳，不适用减半交纳，办理方式只能是 ordinary' }).default('ordinary');
const counterclaim = z.boolean().default(false);
const instance = ZFeeInstance.default('first');

const caseOptions = { procedure: caseProcedure, instance, counterclaim };

/** A case kind's request; simplified procedure is for first instance only (Civil Procedure Law art. 160, Administrative Litigation Law art. 82). */
const caseVariant = <T extends z.core.$ZodLooseShape & { procedure: typeof caseProcedure; instance: typeof instance }>(shape: T) =>
  z.strictObject(shape).refine((v) => !((v as { instance: TFeeInstance }).instance === 'appeal' && (v as { procedure: TFeeProcedure }).procedure === 'simplified'), {
    path: ['procedure'],
    error: '第二审案件不适用简易程序',
  });

export const ZFeeEstimateRequest = z.discriminatedUnion(
  'kind',
  [
    caseVariant({ kind: z.literal('property'), amountFen: fen(1, '诉讼请求金额'), ...caseOptions }),
    caseVariant({ kind: z.literal('divorce'), amountFen: fen(0, '分割财产总额').default(0), ...caseOptions }),
    caseVariant({ kind: z.literal('personality'), amountFen: fen(0, '损害赔偿金额').default(0), ...caseOptions }),
    caseVariant({ kind: z.literal('non-property'), amountFen: noAmount, ...caseOptions }),
    caseVariant({ kind: z.literal('ip'), amountFen: fen(0, '争议金额').default(0), ...caseOptions }),
    caseVariant({ kind: z.literal('labour'), amountFen: noAmount, ...caseOptions }),
    caseVariant({
      kind: z.literal('administrative'),
      amountFen: noAmount,
      procedure: caseProcedure,
      instance,
      administrativeKind: ZAdministrativeKind.default('other'),
    }),
    z.strictObject({ kind: z.literal('jurisdiction-objection'), amountFen: noAmount, procedure: onlyOrdinary, instance }),
    z.strictObject({ kind: z.literal('execution'), amountFen: fen(0, '执行金额').default(0), procedure: fullFeeOnly }),
    z.strictObject({ kind: z.literal('preservation'), amountFen: fen(0, '保全财产数额').default(0), procedure: fullFeeOnly }),
    z.strictObject({ kind: z.literal('payment-order'), amountFen: fen(1, '请求支付的金额'), procedure: fullFeeOnly }),
    z.strictObject({ kind: z.literal('public-summons'), amountFen: noAmount, procedure: fullFeeOnly }),
    z.strictObject({ kind: z.literal('arbitration'), amountFen: noAmount, procedure: fullFeeOnly }),
    z.strictObject({ kind: z.literal('bankruptcy'), amountFen: fen(0, '破产财产总额').default(0), procedure: fullFeeOnly }),
  ],
  { error: (iss) => `${(iss.input as { kind?: unknown } | undefined)?.kind === undefined ? '请选择案件类型' : '未知的案件类型'}，可选：${FEE_KINDS.join('、')}` },
);
export type TFeeEstimateRequest = z.infer<typeof ZFeeEstimateRequest>;
/** What a client sends (defaults not yet applied). */
export type TFeeEstimateInput = z.input<typeof ZFeeEstimateRequest>;

/** Where a rule comes from: the Decree, or the SPC's interpretation of the Civil Procedure Law (2022). */
export const ZFeeRef = z.object({
  law: z.enum(['decree', 'civil-procedure-interpretation']),
  article: z.number().int(),
  item: z.number().int().optional(),
  point: z.number().int().optional(),
});
export type TFeeRef = z.infer<typeof ZFeeRef>;

/**
 * One line of the breakdown. `amountFen` is the line's share of the fee (negative for a reduction), so
 * the lines add up to the fee. `code` and the numbers let a client word the line in its own language;
 * `label` and `basis` are the Decree's own words (zh-CN).
 */
export const ZFeeLine = z.object({
  code: z.enum(['per-case', 'band', 'appeal-amount', 'ip-amount', 'halved', 'halved-once', 'fraction', 'cap', 'not-charged']),
  label: z.string(),
  amountFen: z.number().int(),
  basis: z.string(),
  ref: ZFeeRef,
  /** Band lines: the band's bounds (toFen null: no upper bound), the part of the amount in it, and the rate in basis points. */
  fromFen: z.number().int().optional(),
  toFen: z.number().int().nullable().optional(),
  portionFen: z.number().int().optional(),
  rateBp: z.number().int().optional(),
  /** Halving lines: why. */
  reason: z.enum(['simplified', 'mediated', 'withdrawn', 'counterclaim']).optional(),
  /** Fraction lines: the share of the standard charged (1/3 for a payment order, 1/2 for bankruptcy). */
  numerator: z.number().int().optional(),
  denominator: z.number().int().optional(),
});
export type TFeeLine = z.infer<typeof ZFeeLine>;

export const ZFeeEstimate = z.object({
  kind: ZFeeKind,
  amountFen: z.number().int(),
  feeFen: z.number().int(),
  procedure: ZFeeProcedure,
  instance: ZFeeInstance,
  lines: z.array(ZFeeLine),
});
export type TFeeEstimate = z.infer<typeof ZFeeEstimate>;

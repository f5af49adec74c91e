// Online filing (网上立案) and property preservation (财产保全) applications. The complaint's required
// elements are those of the Civil Procedure Law (2023) art. 124; identity numbers and USCCs are checked
// by their check digits (identifiers.ts) here at the edge, so a bad one is refused with a pointer.
import { z } from 'zod';
import { ZId } from './common.ts';
import { checkIdNumber, checkUscc, type IdKind } from './identifiers.ts';

/** Amounts: integer fen, above zero, below 10^15 (10 trillion yuan). */
export const FILING_MAX_FEN = 1_000_000_000_000_000;
const ZFen = (what: string) =>
  z
    .number({ error: `${what}应为以分为单位的整数` })
    .max(FILING_MAX_FEN, { error: `${what}超出可受理的范围（最多 10 万亿元）`, abort: true })
    .int({ error: `${what}应为以分为单位的整数`, abort: true })
    .min(1, { error: `${what}必须大于零` });

const text = (what: string, max: number, min = 1) => z.string({ error: `请填写${what}` }).trim().min(min, { error: `请填写${what}` }).max(max, { error: `${what}不超过 ${max} 字` });
const optionalText = (max: number) => z.string().trim().max(max).optional();

export const ID_KINDS = ['mainland-resident', 'hong-kong', 'macau', 'home-return-permit', 'taiwan-permit', 'passport'] as const satisfies readonly IdKind[];
export const ZIdKind = z.enum(ID_KINDS);

/** 原告 / 被告 / 第三人. */
export const ZFilingSide = z.enum(['plaintiff', 'defendant', 'third-party']);
export type TFilingSide = z.infer<typeof ZFilingSide>;

const ZPhone = z.string().trim().regex(/^(\+?\d[\d -]{5,19})$/, '联系电话格式不正确');

/** A natural person (art. 124 (1)–(2): name, sex, age, ethnicity, occupation, workplace, domicile, contact). */
export const ZFilingPerson = z.strictObject({
  kind: z.literal('person'),
  side: ZFilingSide,
  name: text('姓名', 50),
  sex: z.enum(['male', 'female']).optional(),
  birthDate: z.iso.date().optional(),
  ethnicity: optionalText(20),
  occupation: optionalText(50),
  workplace: optionalText(100),
  idKind: ZIdKind.optional(),
  idNumber: z.string().trim().max(30).optional(),
  address: text('住所', 200),
  phone: ZPhone.optional(),
});

/** A legal person or other organisation: name, domicile, legal representative (art. 124 (1)). */
export const ZFilingOrganisation = z.strictObject({
  kind: z.literal('organisation'),
  side: ZFilingSide,
  name: text('名称', 100, 2),
  uscc: z.string().trim().max(30).optional(),
  address: text('住所', 200),
  representative: optionalText(50),
  representativeTitle: optionalText(50),
  phone: ZPhone.optional(),
});

export const ZFilingParty = z.discriminatedUnion('kind', [ZFilingPerson, ZFilingOrganisation], { error: '当事人类型应为 person（自然人）或 organisation（法人或其他组织）' });
export type TFilingParty = z.infer<typeof ZFilingParty>;

export const ZFilingClaim = z.strictObject({
  description: text('诉讼请求', 500, 2),
  /** The money the claim asks for; absent for a claim that asks for no sum (e.g. to deliver goods). */
  amountFen: ZFen('请求金额').optional(),
});
export type TFilingClaim = z.infer<typeof ZFilingClaim>;

/**
 * The complaint as a party submits it. What art. 124 requires of a plaintiff and a defendant, and what
 * art. 122 requires to sue (a clear defendant, concrete claims, facts and reasons), is checked here.
 */
export const ZFilingSubmit = z
  .strictObject({
    courtId: ZId,
    /** 案由, e.g. 民间借贷纠纷. */
    cause: text('案由', 60, 2),
    parties: z.array(ZFilingParty).min(2, { error: '至少应有一名原告和一名被告' }).max(30),
    claims: z.array(ZFilingClaim).min(1, { error: '请至少填写一项诉讼请求' }).max(20),
    facts: text('事实与理由', 10_000, 10),
    /** 证据和证据来源，证人姓名和住所 (art. 124 (4)). */
    evidence: text('证据和证据来源', 5_000, 2),
    materialFileIds: z.array(ZId).max(50).default([]),
  })
  .superRefine((v, ctx) => {
    const sides = new Set(v.parties.map((p) => p.side));
    if (!sides.has('plaintiff')) ctx.addIssue({ code: 'custom', path: ['parties'], message: '请填写原告（《民事诉讼法》第一百二十四条第一项）' });
    if (!sides.has('defendant')) ctx.addIssue({ code: 'custom', path: ['parties'], message: '起诉应有明确的被告（《民事诉讼法》第一百二十二条第二项）' });
    v.parties.forEach((p, i) => {
      if (p.kind === 'person') {
        // The plaintiff identifies themselves; a defendant's number may be unknown to the plaintiff.
        if (p.side === 'plaintiff' && !p.idNumber) ctx.addIssue({ code: 'custom', path: ['parties', i, 'idNumber'], message: '请填写原告的身份证件号码' });
        if (p.idNumber) {
          const check = checkIdNumber(p.idNumber, p.idKind);
          if (!check.valid) ctx.addIssue({ code: 'custom', path: ['parties', i, 'idNumber'], message: check.reason ?? '证件号码无效' });
        }
      } else {
        if (p.side === 'plaintiff' && !p.representative) ctx.addIssue({ code: 'custom', path: ['parties', i, 'representative'], message: '请填写法定代表人或主要负责人（《民事诉讼法》第一百二十四条第一项）' });
        if (p.uscc) {
          const check = checkUscc(p.uscc);
          if (!check.valid) ctx.addIssue({ code: 'custom', path: ['parties', i, 'uscc'], message: check.reason ?? '统一社会信用代码无效' });
        } else if (p.side === 'plaintiff') ctx.addIssue({ code: 'custom', path: ['parties', i, 'uscc'], message: '请填写统一社会信用代码' });
      }
      if (p.side === 'plaintiff' && !p.phone) ctx.addIssue({ code: 'custom', path: ['parties', i, 'phone'], message: '请填写原告的联系方式（《民事诉讼法》第一百二十四条第一项）' });
    });
  });
export type TFilingSubmit = z.infer<typeof ZFilingSubmit>;
export type TFilingSubmitInput = z.input<typeof ZFilingSubmit>;

/** A correction resubmits the whole complaint against the version the party saw. */
export const ZFilingResubmit = z.strictObject({ version: z.number().int().min(1), filing: ZFilingSubmit });

export const ZFilingStatus = z.enum(['submitted', 'correction', 'accepted', 'refused', 'lapsed']);
export type TFilingStatus = z.infer<typeof ZFilingStatus>;

export const ZCorrectionItem = z.strictObject({
  /** Which part of the complaint (parties, claims, facts, evidence, materials, other). */
  field: z.enum(['parties', 'claims', 'facts', 'evidence', 'materials', 'other']),
  reason: text('补正理由', 500, 2),
});
export type TCorrectionItem = z.infer<typeof ZCorrectionItem>;

/** The clerk's decision, against the version they saw (a second clerk acting on a stale one gets 409). */
export const ZFilingDecision = z.discriminatedUnion(
  'action',
  [
    z.strictObject({ action: z.literal('accept'), version: z.number().int().min(1) }),
    z.strictObject({
      action: z.literal('correct'),
      version: z.number().int().min(1),
      items: z.array(ZCorrectionItem).min(1, { error: '请逐项写明需要补正的内容' }).max(20),
      /** Days allowed to correct (登记立案规定第七条: a set period); 15 by default. */
      deadlineDays: z.number().int().min(1, { error: '补正期限至少 1 日' }).max(60, { error: '补正期限不超过 60 日' }).default(15),
    }),
    z.strictObject({ action: z.literal('refuse'), version: z.number().int().min(1), reasons: text('不予受理的理由', 2_000, 5) }),
  ],
  { error: '处理方式应为 accept（登记立案）、correct（通知补正）或 refuse（不予受理）' },
);
export type TFilingDecision = z.infer<typeof ZFilingDecision>;

export const ZFilingPartyView = z.object({
  kind: z.enum(['person', 'organisation']),
  side: ZFilingSide,
  name: z.string(),
  idKind: ZIdKind.nullable(),
  /** Only the filer and the court's clerks read an application, and both need the full number. */
  idNumber: z.string().nullable(),
  uscc: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  representative: z.string().nullable(),
});

export const ZFilingHistoryEntry = z.object({ status: ZFilingStatus, at: z.string(), note: z.string().nullable() });

export const ZFiling = z.object({
  id: ZId,
  courtId: ZId,
  courtName: z.string(),
  cause: z.string(),
  status: ZFilingStatus,
  version: z.number().int(),
  parties: z.array(ZFilingPartyView),
  claims: z.array(z.object({ description: z.string(), amountFen: z.number().int().nullable() })),
  claimsTotalFen: z.number().int(),
  facts: z.string(),
  evidence: z.string(),
  materials: z.array(z.object({ fileId: ZId, filename: z.string(), size: z.number().int() })),
  submittedAt: z.string(),
  correction: z.object({ items: z.array(ZCorrectionItem), deadline: z.string() }).nullable(),
  refusalReasons: z.string().nullable(),
  matterId: ZId.nullable(),
  caseNumber: z.string().nullable(),
  feeFen: z.number().int().nullable(),
  payment: z.object({ orderId: ZId, status: z.string(), payUrl: z.string().nullable(), amountFen: z.number().int() }).nullable(),
  history: z.array(ZFilingHistoryEntry),
});
export type TFiling = z.infer<typeof ZFiling>;

export const ZFilingSummary = ZFiling.pick({ id: true, cause: true, status: true, version: true, courtId: true, submittedAt: true, caseNumber: true, claimsTotalFen: true }).extend({
  title: z.string(),
  correctionDeadline: z.string().nullable(),
});
export type TFilingSummary = z.infer<typeof ZFilingSummary>;
export const ZFilingList = z.object({ items: z.array(ZFilingSummary) });

export const ZFilingListQuery = z.strictObject({
  scope: z.enum(['mine', 'queue']).default('mine'),
  status: ZFilingStatus.optional(),
  /** Only applications submitted at least this many days ago (the 7-day rule of art. 126). */
  minAgeDays: z.coerce.number().int().min(0).max(3650).optional(),
});

// ---- 财产保全 ----

export const ZPreservationStage = z.enum(['pre-litigation', 'in-litigation']);
export type TPreservationStage = z.infer<typeof ZPreservationStage>;
export const ZGuaranteeKind = z.enum(['cash', 'bank-guarantee', 'insurance', 'property', 'none']);
export type TGuaranteeKind = z.infer<typeof ZGuaranteeKind>;
/** 财产保全规定第九条: in-litigation cases where the court may waive the guarantee. */
export const ZGuaranteeExemption = z.enum(['maintenance-wages-injury', 'domestic-violence', 'public-interest', 'good-samaritan', 'clear-facts', 'financial-institution']);
export type TGuaranteeExemption = z.infer<typeof ZGuaranteeExemption>;

export const ZPreservationProperty = z.strictObject({
  kind: z.enum(['bank-account', 'real-estate', 'vehicle', 'equity', 'other']),
  description: text('财产描述', 500, 2),
  /** Where it is: an address, a registry, or the bank and account. */
  location: text('财产所在地或账户', 200, 2),
  valueFen: ZFen('财产价值'),
});

export const ZPreservationSubmit = z
  .strictObject({
    stage: ZPreservationStage,
    courtId: ZId,
    /** In litigation: the accepted filing it belongs to. */
    filingId: ZId.optional(),
    respondent: text('被申请人', 100),
    reasons: text('申请理由', 5_000, 5),
    amountFen: ZFen('请求保全数额'),
    property: z.array(ZPreservationProperty).min(1, { error: '请提供明确的被保全财产信息（财产保全规定第十条）' }).max(20),
    guarantee: z.strictObject({
      kind: ZGuaranteeKind,
      amountFen: z.number().int({ error: '担保数额应为以分为单位的整数' }).min(0, { error: '担保数额不能为负数' }).max(FILING_MAX_FEN),
      description: optionalText(500),
      exemption: ZGuaranteeExemption.optional(),
    }),
  })
  .superRefine((v, ctx) => {
    if (v.stage === 'in-litigation' && !v.filingId) ctx.addIssue({ code: 'custom', path: ['filingId'], message: '诉讼中保全请选择已立案的案件' });
    if (v.stage === 'pre-litigation' && v.filingId) ctx.addIssue({ code: 'custom', path: ['filingId'], message: '诉前保全没有已立案的案件' });
  });
export type TPreservationSubmit = z.infer<typeof ZPreservationSubmit>;
export type TPreservationSubmitInput = z.input<typeof ZPreservationSubmit>;

export const ZPreservationDecision = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('grant'), version: z.number().int().min(1), reasons: text('裁定理由', 2_000, 2) }),
  z.strictObject({ action: z.literal('refuse'), version: z.number().int().min(1), reasons: text('驳回理由', 2_000, 2) }),
]);
export type TPreservationDecision = z.infer<typeof ZPreservationDecision>;

export const ZPreservation = z.object({
  id: ZId,
  stage: ZPreservationStage,
  courtId: ZId,
  filingId: ZId.nullable(),
  matterId: ZId.nullable(),
  caseNumber: z.string().nullable(),
  respondent: z.string(),
  reasons: z.string(),
  amountFen: z.number().int(),
  property: z.array(ZPreservationProperty),
  guarantee: z.object({ kind: ZGuaranteeKind, amountFen: z.number().int(), description: z.string().nullable(), exemption: ZGuaranteeExemption.nullable() }),
  feeFen: z.number().int(),
  status: z.enum(['submitted', 'granted', 'refused']),
  version: z.number().int(),
  decisionReasons: z.string().nullable(),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  payment: z.object({ orderId: ZId, status: z.string(), payUrl: z.string().nullable(), amountFen: z.number().int() }).nullable(),
});
export type TPreservation = z.infer<typeof ZPreservation>;
export const ZPreservationList = z.object({ items: z.array(ZPreservation) });

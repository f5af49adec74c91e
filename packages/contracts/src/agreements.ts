// Mediation agreements (人民调解协议书): the mediator drafts the agreed terms (facts and each side's
// responsibility, the clauses, payments by instalments), each party signs by hand on screen and with a
// code sent to their phone, the mediator signs last; the agreement takes effect then (人民调解法
// art. 29) and its signed PDF is stored on the matter with a ledger receipt.
import { z } from 'zod';
import { plainText } from './common.ts';

const MAX_FEN = 1_000_000_000_000;


const isoDate = z
  .string({ error: '日期应为 YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期应为 YYYY-MM-DD' })
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v, { error: '不是存在的日期' });

export const ZInstalment = z.strictObject({
  dueOn: isoDate,
  amountFen: z
    .number({ error: '金额应为以分为单位的整数' })
    .int({ error: '金额应为以分为单位的整数' })
    .min(1, { error: '每期金额应大于 0' })
    .max(MAX_FEN, { error: '金额超出范围（最多 100 亿元）' }),
});

export const ZAgreementPayment = z
  .strictObject({
    payer: plainText('付款人', 60),
    payee: plainText('收款人', 60),
    /** One or more instalments, in date order. */
    instalments: z.array(ZInstalment).min(1, { error: '至少一期' }).max(60, { error: '最多 60 期' }),
  })
  .superRefine((p, ctx) => {
    p.instalments.forEach((x, i) => {
      if (i > 0 && x.dueOn <= p.instalments[i - 1]!.dueOn) ctx.addIssue({ code: 'custom', path: ['instalments', i, 'dueOn'], message: '各期履行日期应按先后顺序排列且不得重复' });
    });
    if (p.payer === p.payee) ctx.addIssue({ code: 'custom', path: ['payee'], message: '付款人与收款人不能是同一人' });
    const total = p.instalments.reduce((s, x) => s + x.amountFen, 0);
    if (total > MAX_FEN) ctx.addIssue({ code: 'custom', path: ['instalments'], message: '合计金额超出范围（最多 100 亿元）' });
  });
export type TAgreementPayment = z.infer<typeof ZAgreementPayment>;

export const ZAgreementTerms = z.strictObject({
  /** 纠纷的主要事实、争议事项以及各方当事人的责任 (人民调解法 art. 29(2)). */
  facts: plainText('纠纷的主要事实和争议事项', 3000),
  /** The agreed terms, one clause each (art. 29(3)). */
  clauses: z.array(plainText('协议条款', 800)).min(1, { error: '至少一条协议内容' }).max(30, { error: '最多 30 条' }),
  payments: z.array(ZAgreementPayment).max(10, { error: '最多 10 项给付' }).default([]),
  /** What happens on default (e.g. the whole balance falls due). */
  onDefault: plainText('违约责任', 800).optional(),
});
export type TAgreementTerms = z.infer<typeof ZAgreementTerms>;

export const ZAgreementDraft = z.strictObject({ terms: ZAgreementTerms });
export const ZAgreementUpdate = z.strictObject({ terms: ZAgreementTerms, expectedVersion: z.number().int().min(1) });
export const ZAgreementTransition = z.strictObject({ expectedVersion: z.number().int().min(1) });

/** A handwritten signature drawn on screen: a PNG as base64 (a data URL is accepted), at most 200 KB. */
export const ZSignatureImage = z
  .string({ error: '请先手写签名' })
  .transform((v) => v.replace(/^data:image\/png;base64,/, ''))
  .pipe(
    z
      .string()
      .max(Math.ceil((200 * 1024 * 4) / 3), { error: '签名图片不能超过 200 KB' })
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, { error: '签名须为 PNG 图片（base64）' }),
  );

export const ZAgreementSign = z.strictObject({
  signature: ZSignatureImage,
  /** The code sent to the signer's phone (parties); staff sign within their signed-in session. */
  code: z.string().regex(/^\d{6}$/, { error: '验证码为 6 位数字' }).optional(),
  expectedVersion: z.number().int().min(1),
});

export const ZAgreementClose = z.strictObject({
  outcome: z.enum(['failed', 'withdrawn'], { error: '请选择调解不成或者撤回' }),
  reason: plainText('原因', 500),
  expectedVersion: z.number().int().min(1),
});

export const AGREEMENT_STATUSES = ['draft', 'signing', 'signed', 'failed', 'withdrawn'] as const;
export const ZAgreementStatus = z.enum(AGREEMENT_STATUSES);

export const ZAgreementSignatory = z.object({
  userId: z.uuid(),
  name: z.string(),
  role: z.enum(['party', 'mediator']),
  signedAt: z.string().nullable(),
});

export const ZAgreement = z.object({
  id: z.uuid(),
  matterId: z.uuid(),
  status: ZAgreementStatus,
  version: z.number().int(),
  terms: ZAgreementTerms,
  signatories: z.array(ZAgreementSignatory),
  /** The signed agreement as a file of the matter (its receipt is the file's). */
  fileId: z.uuid().nullable(),
  sha256: z.string().nullable(),
  closedReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TAgreement = z.infer<typeof ZAgreement>;

export const ZSignCodeSent = z.object({ sentTo: z.string(), expiresInSeconds: z.number(), resendAfterSeconds: z.number() });

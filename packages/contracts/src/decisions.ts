// Decisions of the court on a matter (judgments, rulings, mediation statements, confirmation rulings),
// their service on the parties, appeals, and the self-service certificate that one has taken effect
// (生效证明) with its public verification.
import { z } from 'zod';
import { ZId, ZIsoTime } from './common.ts';

/**
 * 判决书; 裁定书 that may be appealed (Civil Procedure Law 2023 art. 157 para. 2: refusing to accept a
 * case, jurisdiction objections, dismissing a suit) or not; 调解书 (art. 100); 司法确认裁定 (art. 206).
 */
export const ZDecisionKind = z.enum(['judgment', 'ruling_appealable', 'ruling_final', 'mediation_statement', 'confirmation_ruling'], {
  error: '文书种类应为判决书、可上诉的裁定书、不可上诉的裁定书、调解书或司法确认裁定书之一',
});
export type TDecisionKind = z.infer<typeof ZDecisionKind>;

/** How a document was served (Civil Procedure Law arts. 88–95). */
export const ZServiceMethod = z.enum(['electronic', 'direct', 'post', 'left_at_residence', 'entrusted', 'public_notice'], { error: '送达方式无效' });
export type TServiceMethod = z.infer<typeof ZServiceMethod>;

export const ZIsoDate = z.iso.date('日期格式应为 YYYY-MM-DD');

export const ZServiceInput = z.strictObject({
  partyUserId: ZId,
  servedAt: z.iso.datetime({ offset: true, error: '送达时间应为 ISO 8601 时间，如 2026-11-20T09:30:00+08:00' }),
  method: ZServiceMethod,
});
export type TServiceInput = z.infer<typeof ZServiceInput>;

export const ZDecisionCreate = z.strictObject({
  kind: ZDecisionKind,
  decidedOn: ZIsoDate,
  /** The signed PDF, uploaded first through POST /files with this matter's id. */
  fileId: ZId,
  /** The case number printed on the document; the matter's own when it has one. */
  caseNumber: z.string().trim().min(6, '案号过短').max(60, '案号过长').optional(),
  services: z.array(ZServiceInput).max(50).default([]),
});
export type TDecisionCreate = z.input<typeof ZDecisionCreate>;

export const ZServicesAdd = z.strictObject({ services: z.array(ZServiceInput).min(1, '至少填写一条送达记录').max(50) });
export type TServicesAdd = z.infer<typeof ZServicesAdd>;

export const ZAppealCreate = z.strictObject({ partyUserId: ZId, filedOn: ZIsoDate });
export type TAppealCreate = z.infer<typeof ZAppealCreate>;

export const ZDecisionEffectStatus = z.enum(['unserved', 'appeal_period', 'effective', 'appealed']);
export type TDecisionEffectStatus = z.infer<typeof ZDecisionEffectStatus>;

export const ZDecisionEffect = z.object({
  status: ZDecisionEffectStatus,
  /** Computed from service dates and periods, never typed; null while it cannot be known. */
  effectiveOn: ZIsoDate.nullable(),
  /** The rule it rests on, e.g. 《民事诉讼法》第一百七十一条. */
  basis: z.string(),
  /** Why a certificate cannot be issued yet, in plain Chinese; null once effective. */
  reason: z.string().nullable(),
});
export type TDecisionEffect = z.infer<typeof ZDecisionEffect>;

/** 20 base32 characters (100 bits) in five groups. */
export const CERTIFICATE_CODE = /^[A-Z2-7]{4}(-[A-Z2-7]{4}){4}$/;
export const ZCertificateCode = z.string().max(64, '验证码过长').regex(CERTIFICATE_CODE, '验证码格式应为 XXXX-XXXX-XXXX-XXXX-XXXX（字母 A–Z 与数字 2–7）');

export const ZCertificate = z.object({
  id: ZId,
  decisionId: ZId,
  code: z.string(),
  issuedAt: ZIsoTime,
  fileId: ZId,
  pdfSha256: z.string(),
  /** The issuance event's digest on the evidence ledger: GET /api/v1/ledger/receipts/{digest}. */
  ledgerDigest: z.string(),
});
export type TCertificate = z.infer<typeof ZCertificate>;

export const ZDecision = z.object({
  id: ZId,
  matterId: ZId,
  kind: ZDecisionKind,
  caseNumber: z.string(),
  decidedOn: ZIsoDate,
  file: z.object({ id: ZId, sha256: z.string(), filename: z.string() }),
  services: z.array(z.object({ partyUserId: ZId, partyName: z.string(), servedAt: ZIsoTime, method: ZServiceMethod })),
  appeals: z.array(z.object({ partyUserId: ZId, partyName: z.string(), filedOn: ZIsoDate })),
  effect: ZDecisionEffect,
  /** The certificates the viewer issued (staff see all). */
  certificates: z.array(ZCertificate),
  createdAt: ZIsoTime,
});
export type TDecision = z.infer<typeof ZDecision>;
export const ZDecisionList = z.object({ items: z.array(ZDecision) });

export const ZCertificateCheckQuery = z.strictObject({
  code: ZCertificateCode,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 应为 64 位小写十六进制').optional() });

/** What the public verification page shows: never names or identity numbers. */
export const ZCertificateCheck = z.object({
  court: z.string(),
  caseNumber: z.string(),
  decisionKind: ZDecisionKind,
  decidedOn: ZIsoDate,
  effectiveOn: ZIsoDate,
  issuedAt: ZIsoTime,
  pdfSha256: z.string(),
  /** Whether the SHA-256 given with the lookup is this certificate's PDF (absent when none was given). */
  pdfMatches: z.boolean().optional(),
});
export type TCertificateCheck = z.infer<typeof ZCertificateCheck>;

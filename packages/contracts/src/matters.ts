import { z } from 'zod';
import { checkIdNumber, checkUscc } from './identifiers.ts';
import { ZId, page } from './common.ts';

export const ZMatterRole = z.enum(['party', 'agent', 'coordinator', 'mediator', 'judge', 'clerk', 'appraiser']);

const ZMatterCreateBase = z.strictObject({
  title: z.string().trim().min(2).max(200),
  courtId: ZId,
  participants: z.array(z.strictObject({ userId: ZId, role: ZMatterRole })).max(50).default([]),
});

export const ZMatter = z.object({
  id: ZId,
  title: z.string(),
  caseNumber: z.string().nullable(),
  stage: z.string(),
  courtId: ZId,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The cause-of-action catalogue version and cause code the matter was filed under. */
  causeVersion: z.string().nullable(),
  causeCode: z.string().nullable(),
  /** GB/T 2260 code of the administrative area the matter belongs to. */
  areaCode: z.string().nullable(),
  participants: z.array(z.object({ userId: ZId, role: ZMatterRole, displayName: z.string() })),
});
export type TMatter = z.infer<typeof ZMatter>;

export const ZMatterSummary = ZMatter.omit({ participants: true });
export const ZMatterPage = page(ZMatterSummary);

/** 类型代字: a case type code as a court uses it (the platform's default, or the court's own). */
export const ZCaseTypeCode = z.string().regex(/^[\u4e00-\u9fa5]{1,6}$/, '类型代字应为 1 至 6 个汉字');
export const ZCaseType = z.object({
  code: ZCaseTypeCode,
  name: z.string(),
  enabled: z.boolean(),
  /** `default`: the platform's; `court`: added or changed by this court. */
  source: z.enum(['default', 'court']),
});
export type TCaseType = z.infer<typeof ZCaseType>;
export const ZCaseTypeList = z.object({ items: z.array(ZCaseType) });
export const ZCaseTypeUpdate = z.strictObject({ name: z.string().trim().min(2).max(60), enabled: z.boolean() });

// ---- Parties, agents and claims (issue 5's matter core) ----

/** 申请人/原告, 被申请人/被告, 第三人: the same three sides before and after filing. */
export const ZPartySide = z.enum(['applicant', 'respondent', 'third_party']);
export type TPartySide = z.infer<typeof ZPartySide>;
export const ZIdDocumentKind = z.enum(['mainland-resident', 'hong-kong', 'macau', 'home-return-permit', 'taiwan-permit', 'passport']);
export type TIdDocumentKind = z.infer<typeof ZIdDocumentKind>;

const ZPhone = z.string().trim().regex(/^\+?[\d\s-]{7,20}$/, '电话号码格式不正确');
const ZAddress = z.string().trim().min(2).max(200);
const ZPersonName = z.string().trim().min(1).max(60);

export const ZPersonPartyInput = z
  .strictObject({
    type: z.literal('person'),
    side: ZPartySide,
    name: ZPersonName,
    idKind: ZIdDocumentKind,
    idNumber: z.string().trim().min(5).max(30),
    phone: ZPhone.optional(),
    address: ZAddress.optional(),
    /** The party's own account, when they have one: it gives them access to the matter. */
    userId: ZId.optional(),
  })
  .superRefine((p, ctx) => {
    const check = checkIdNumber(p.idNumber, p.idKind);
    if (!check.valid) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: check.reason ?? '证件号码无效' });
  });

export const ZOrganisationPartyInput = z
  .strictObject({
    type: z.literal('organisation'),
    side: ZPartySide,
    name: z.string().trim().min(2).max(120),
    uscc: z.string().trim().min(1).max(30),
    legalRepresentative: ZPersonName,
    phone: ZPhone.optional(),
    address: ZAddress.optional(),
    userId: ZId.optional(),
  })
  .superRefine((p, ctx) => {
    const check = checkUscc(p.uscc);
    if (!check.valid) ctx.addIssue({ code: 'custom', path: ['uscc'], message: check.reason ?? '统一社会信用代码无效' });
  });

export const ZPartyInput = z.discriminatedUnion('type', [ZPersonPartyInput, ZOrganisationPartyInput]);
export type TPartyInput = z.infer<typeof ZPartyInput>;

export const ZAgentKind = z.enum(['lawyer', 'other']);
const agentFields = {
  kind: ZAgentKind,
  name: ZPersonName,
  /** 律师执业证号: 17 digits; required for a lawyer. */
  licenceNo: z.string().trim().regex(/^\d{17}$/, '律师执业证号应为 17 位数字').optional(),
  lawFirm: z.string().trim().min(2).max(120).optional(),
  phone: ZPhone.optional(),
  userId: ZId.optional(),
};
const lawyerNeedsLicence = (a: { kind: string; licenceNo?: string }, ctx: z.RefinementCtx) => {
  if (a.kind === 'lawyer' && !a.licenceNo) ctx.addIssue({ code: 'custom', path: ['licenceNo'], message: '律师代理人须填写执业证号' });
};
/** In a new matter, an agent names the party they represent by its position in `parties`. */
export const ZAgentCreateInput = z.strictObject({ partyIndex: z.number().int().min(0).max(49), ...agentFields }).superRefine(lawyerNeedsLicence);
export const ZAgentInput = z.strictObject({ partyId: ZId, ...agentFields }).superRefine(lawyerNeedsLicence);
export type TAgentInput = z.infer<typeof ZAgentInput>;

export const ZClaimKind = z.enum(['payment', 'damages', 'performance', 'declaration', 'termination', 'costs', 'other']);
/** Amounts in fen; at most 10^14 fen (one trillion yuan), so an extra zero typed by mistake is still caught by review, not overflow. */
export const MAX_CLAIM_FEN = 100_000_000_000_000;
export const ZClaimInput = z.strictObject({
  kind: ZClaimKind,
  description: z.string().trim().min(2).max(2000),
  amountFen: z.number().int('金额以分为单位，应为整数').min(0, '金额不能为负').max(MAX_CLAIM_FEN, '金额超出合理范围').nullable().default(null),
});
export type TClaimInput = z.infer<typeof ZClaimInput>;

/** The cause of action a matter is filed under, in a given version of the catalogue. */
export const ZMatterCause = z.strictObject({ version: z.string().regex(/^\d{4}$/), code: z.string().regex(/^[0-9A-Za-z.-]{1,20}$/) });
/** GB/T 2260 administrative division code. */
export const ZAreaCode = z.string().regex(/^\d{6}$/, '行政区划代码应为 6 位数字');

/** A new matter; everything beyond title, court and participants is optional, so older callers stay valid. */
export const ZMatterCreate = ZMatterCreateBase.extend({
  parties: z.array(ZPartyInput).max(50).default([]),
  agents: z.array(ZAgentCreateInput).max(50).default([]),
  claims: z.array(ZClaimInput).max(50).default([]),
  cause: ZMatterCause.optional(),
  areaCode: ZAreaCode.optional(),
});
export type TMatterCreate = z.infer<typeof ZMatterCreate>;
/** What a caller may pass (defaults not yet applied). */
export type TMatterCreateInput = z.input<typeof ZMatterCreate>;

export const ZPartyUpdate = z.strictObject({
  name: ZPersonName.optional(),
  side: ZPartySide.optional(),
  phone: ZPhone.nullable().optional(),
  address: ZAddress.nullable().optional(),
  legalRepresentative: ZPersonName.optional(),
  userId: ZId.nullable().optional(),
});
export const ZClaimUpdate = z.strictObject({ kind: ZClaimKind.optional(), description: z.string().trim().min(2).max(2000).optional(), amountFen: ZClaimInput.shape.amountFen.optional() });

/** A party as one viewer sees them: sensitive numbers masked unless the viewer's role needs them. */
export const ZPartyView = z.object({
  id: ZId,
  type: z.enum(['person', 'organisation']),
  side: ZPartySide,
  name: z.string(),
  idKind: ZIdDocumentKind.nullable(),
  idNumber: z.string().nullable(),
  uscc: z.string().nullable(),
  legalRepresentative: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  /** Whether idNumber and phone are shown masked. */
  masked: z.boolean(),
  /** Whether this party is the viewer. */
  isViewer: z.boolean(),
});
export type TPartyView = z.infer<typeof ZPartyView>;
export const ZAgentView = z.object({
  id: ZId,
  partyId: ZId,
  kind: ZAgentKind,
  name: z.string(),
  licenceNo: z.string().nullable(),
  lawFirm: z.string().nullable(),
  phone: z.string().nullable(),
});
export type TAgentView = z.infer<typeof ZAgentView>;
export const ZClaimView = z.object({ id: ZId, ordinal: z.number().int(), kind: ZClaimKind, description: z.string(), amountFen: z.number().int().nullable() });
export type TClaimView = z.infer<typeof ZClaimView>;

// ---- Staff, deadlines, the overview, the timeline ----

export const ZStaffRole = z.enum(['judge', 'clerk', 'mediator', 'coordinator']);
export const ZStaffAssign = z.strictObject({ userId: ZId, role: ZStaffRole });
export const ZStaffView = z.object({ userId: ZId, role: ZStaffRole, displayName: z.string() });

export const ZDeadlineKind = z.enum(['response', 'evidence', 'payment', 'mediation', 'hearing', 'appeal', 'other']);
/** Who must act by the deadline. */
export const ZDeadlineActor = z.enum(['applicant', 'respondent', 'third_party', 'all_parties', 'court', 'mediator']);
export const ZDeadlineInput = z.strictObject({
  kind: ZDeadlineKind,
  title: z.string().trim().min(2).max(200),
  dueAt: z.iso.datetime({ offset: true }),
  actor: ZDeadlineActor,
  /** When one party must act, that party. */
  partyId: ZId.optional(),
});
export const ZDeadlineStatus = z.enum(['open', 'met', 'missed']);
export const ZDeadlineView = z.object({
  id: ZId,
  kind: ZDeadlineKind,
  title: z.string(),
  dueAt: z.string(),
  actor: ZDeadlineActor,
  partyId: ZId.nullable(),
  status: ZDeadlineStatus,
  closedAt: z.string().nullable(),
});
export type TDeadlineView = z.infer<typeof ZDeadlineView>;
export const ZDeadlineMet = z.strictObject({ status: z.literal('met') });

export const ZMatterOverview = z.object({
  matter: ZMatter,
  cause: z.object({ version: z.string(), code: z.string(), name: z.string(), path: z.array(z.string()) }).nullable(),
  area: z.object({ code: z.string(), name: z.string(), path: z.array(z.string()) }).nullable(),
  parties: z.array(ZPartyView),
  agents: z.array(ZAgentView),
  claims: z.array(ZClaimView),
  staff: z.array(ZStaffView),
  deadlines: z.array(ZDeadlineView),
});
export type TMatterOverview = z.infer<typeof ZMatterOverview>;

export const ZTimelineItem = z.object({
  id: z.string(),
  type: z.string(),
  occurredAt: z.string(),
  actorName: z.string().nullable(),
  receipt: z.object({
    status: z.enum(['recorded', 'pending', 'unknown']),
    /** SHA-256 of the event's ledger subject (hex): what its receipt is looked up by. */
    digest: z.string(),
    url: z.string().nullable(),
  }),
});
export const ZTimeline = z.object({ items: z.array(ZTimelineItem) });
export type TTimeline = z.infer<typeof ZTimeline>;

/** Set or clear the cause of action and the area (absent: unchanged; null: cleared). */
export const ZMatterClassify = z.strictObject({ cause: ZMatterCause.nullable().optional(), areaCode: ZAreaCode.nullable().optional() });

// ---- The e-dossier: the matter's documents with their catalogue ----

/** 起诉状/申请书, 证据, 程序文书, 裁判文书, 笔录, 调解协议, 送达回证, 其他. */
export const ZDocumentCategory = z.enum(['pleading', 'evidence', 'procedural', 'ruling', 'record', 'agreement', 'service', 'other']);
/** Who the document came from. */
export const ZDocumentSource = z.enum(['applicant', 'respondent', 'third_party', 'court', 'mediator', 'other']);
export const ZDocumentAdd = z.strictObject({
  /** A file already uploaded to this matter (POST /files with matterId). */
  fileId: ZId,
  category: ZDocumentCategory,
  title: z.string().trim().min(2).max(200),
  source: ZDocumentSource,
  /** The date the document bears (or was received), YYYY-MM-DD. */
  documentDate: z.iso.date(),
  /** `parties`: every party and agent of the matter may see it; `staff`: only those working on it. */
  visibility: z.enum(['parties', 'staff']).default('parties'),
});
export const ZDossierDocument = z.object({
  id: ZId,
  fileId: ZId,
  category: ZDocumentCategory,
  title: z.string(),
  source: ZDocumentSource,
  documentDate: z.string(),
  /** Page count for PDFs; null for other files. */
  pages: z.number().int().nullable(),
  filename: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  visibility: z.enum(['parties', 'staff']),
  addedAt: z.string(),
  downloadUrl: z.string(),
});
export type TDossierDocument = z.infer<typeof ZDossierDocument>;
export const ZDossier = z.object({ items: z.array(ZDossierDocument) });

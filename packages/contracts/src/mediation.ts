// The mediation network ("1+5+N"), the mediator pool (调解人才智库), routing rules and triage (纠纷分拣).
import { z } from 'zod';
import { ZId, page } from './common.ts';

/** Kinds of dispute the network sorts by (the intake questionnaire's kinds). */
export const DISPUTE_KINDS = ['traffic', 'property', 'family', 'labour', 'loan', 'sale', 'neighbour', 'enterprise', 'other'] as const;
export const ZDisputeKind = z.enum(DISPUTE_KINDS, { error: '未知的纠纷类型' });
export type TDisputeKind = z.infer<typeof ZDisputeKind>;

/** The specialised platforms (专业调解平台). */
export const ZPlatform = z.enum(['traffic', 'property', 'family', 'labour', 'enterprise'], { error: '未知的专业调解平台' });
export type TPlatform = z.infer<typeof ZPlatform>;

/** GB/T 2260 county code (6 digits), optionally followed by the 3-digit town/street code. */
/** A county (6 digits) or a town or street under it (9 digits), as the mediation network places its nodes. */
export const ZNetworkAreaCode = z.string().regex(/^\d{6}(\d{3})?$/, '地区代码应为 6 位（区县）或 9 位（乡镇街道）数字');

/** 1: the district centre; 5: town/street sub-centres; N: the organisations under them. */
export const ZNodeLevel = z.enum(['centre', 'sub_centre', 'organisation']);
export const ZNodeKind = z.enum(['centre', 'sub_centre', 'people_committee', 'industry', 'platform']);
export type TNodeKind = z.infer<typeof ZNodeKind>;

export const ZNetworkNode = z.object({
  id: ZId,
  parentId: ZId.nullable(),
  level: ZNodeLevel,
  kind: ZNodeKind,
  platform: ZPlatform.nullable(),
  name: z.string(),
  areaCode: ZNetworkAreaCode,
  areaName: z.string(),
  disputeKinds: z.array(ZDisputeKind),
});
export type TNetworkNode = z.infer<typeof ZNetworkNode>;
export const ZNetworkNodeList = z.object({ items: z.array(ZNetworkNode) });

export const ZNetworkNodeCreate = z.strictObject({
  /** None only for the court's district centre, the root of its network. */
  parentId: ZId.nullable().default(null),
  kind: ZNodeKind,
  platform: ZPlatform.optional(),
  name: z.string().trim().min(2, '名称至少 2 个字').max(60, '名称最多 60 个字'),
  areaCode: ZNetworkAreaCode,
  disputeKinds: z.array(ZDisputeKind).min(1, '至少选择一种纠纷类型').max(9),
});
export type TNetworkNodeCreate = z.infer<typeof ZNetworkNodeCreate>;

export const ZMediatorKind = z.enum(['people_mediator', 'lawyer', 'notary', 'community_worker', 'specialist'], { error: '未知的调解员类别' });
export type TMediatorKind = z.infer<typeof ZMediatorKind>;

/** A weekly window when the mediator takes work: day 1 (Mon) – 7 (Sun), minutes from midnight, China time. */
export const ZAvailabilityWindow = z
  .strictObject({
    day: z.number().int().min(1, '星期应为 1–7').max(7, '星期应为 1–7'),
    from: z.number().int().min(0).max(1440),
    to: z.number().int().min(0).max(1440),
  })
  .refine((w) => w.from < w.to, { message: '结束时间应晚于开始时间', path: ['to'] });

export const MAX_LOAD_LIMIT = 50;
export const ZMediatorWrite = z.strictObject({
  kind: ZMediatorKind,
  nodeIds: z.array(ZId).min(1, '至少属于一个调解组织').max(5),
  specialties: z.array(ZDisputeKind).min(1, '至少选择一项擅长领域').max(9),
  areaCodes: z.array(ZNetworkAreaCode).min(1, '至少选择一个服务地区').max(10),
  availability: z.array(ZAvailabilityWindow).max(21).default([]),
  onLeaveUntil: z.iso.datetime({ offset: true }).nullable().default(null),
  maxLoad: z.number().int().min(1, '在办上限为 1–50 件').max(MAX_LOAD_LIMIT, '在办上限为 1–50 件'),
});
export type TMediatorWrite = z.input<typeof ZMediatorWrite>;
export const ZMediatorCreate = ZMediatorWrite.extend({ userId: ZId });
export type TMediatorCreate = z.input<typeof ZMediatorCreate>;
export const ZMediatorUpdate = ZMediatorWrite.extend({ version: z.number().int().min(1) });

export const ZMediatorResults = z.object({ total: z.number().int(), open: z.number().int(), settled: z.number().int(), closed: z.number().int(), successRate: z.number().nullable() });
export const ZMediator = z.object({
  id: ZId,
  userId: ZId,
  name: z.string(),
  kind: ZMediatorKind,
  nodes: z.array(z.object({ id: ZId, name: z.string() })),
  specialties: z.array(ZDisputeKind),
  areaCodes: z.array(ZNetworkAreaCode),
  availability: z.array(z.object({ day: z.number(), from: z.number(), to: z.number() })),
  onLeaveUntil: z.string().nullable(),
  maxLoad: z.number().int(),
  results: ZMediatorResults,
  version: z.number().int(),
});
export type TMediator = z.infer<typeof ZMediator>;
export const ZMediatorList = z.object({ items: z.array(ZMediator) });

export const ZRoutingRuleWrite = z.strictObject({
  areaPrefix: z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9})$/, '地区前缀应为 2、4、6 或 9 位数字'),
  disputeKind: ZDisputeKind.nullable(),
  nodeId: ZId,
  platform: ZPlatform.nullable().default(null),
  priority: z.number().int().min(0, '优先级为 0–1000').max(1000, '优先级为 0–1000'),
  active: z.boolean().default(true),
});
export type TRoutingRuleWrite = z.input<typeof ZRoutingRuleWrite>;
export const ZRoutingRuleUpdate = ZRoutingRuleWrite.extend({ version: z.number().int().min(1) });
export const ZRoutingRule = z.object({
  id: ZId,
  areaPrefix: z.string(),
  disputeKind: ZDisputeKind.nullable(),
  nodeId: ZId,
  nodeName: z.string(),
  platform: ZPlatform.nullable(),
  priority: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type TRoutingRule = z.infer<typeof ZRoutingRule>;
export const ZRoutingRuleList = z.object({ items: z.array(ZRoutingRule) });
export const ZRoutingRuleRevision = z.object({ version: z.number().int(), changedBy: z.string(), changedAt: z.string(), rule: z.record(z.string(), z.unknown()) });
export const ZRoutingRuleHistory = z.object({ items: z.array(ZRoutingRuleRevision) });

export const ZUrgency = z.enum(['normal', 'urgent', 'critical']);
export type TUrgency = z.infer<typeof ZUrgency>;
export const ZTriageStatus = z.enum(['pending', 'assigned']);

export const ZRoutingProposal = z.object({ ruleId: ZId, nodeId: ZId, nodeName: z.string(), platform: ZPlatform.nullable() }).nullable();

export const ZTriageItem = z.object({
  matterId: ZId,
  title: z.string(),
  stage: z.string(),
  disputeKind: ZDisputeKind,
  areaCode: ZNetworkAreaCode,
  areaName: z.string(),
  urgency: ZUrgency,
  receivedAt: z.string(),
  ageDays: z.number().int(),
  status: ZTriageStatus,
  version: z.number().int(),
  proposal: ZRoutingProposal,
});
export type TTriageItem = z.infer<typeof ZTriageItem>;
export const ZTriagePage = page(ZTriageItem);

export const ZTriageQuery = z.object({
  nodeId: ZId.optional(),
  kind: ZDisputeKind.optional(),
  urgency: ZUrgency.optional(),
  minAgeDays: z.coerce.number().int().min(0).max(3650).optional(),
  status: ZTriageStatus.default('pending'),
  sort: z.enum(['urgency', 'oldest', 'newest']).default('urgency'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type TTriageQuery = z.input<typeof ZTriageQuery>;

export const ZSuggestion = z.object({ mediatorId: ZId, userId: ZId, name: z.string(), kind: ZMediatorKind, nodes: z.array(z.object({ id: ZId, name: z.string() })), score: z.number(), eligible: z.boolean(), reasons: z.array(z.string()) });
export type TSuggestion = z.infer<typeof ZSuggestion>;

export const ZAssignmentMember = z.object({ mediatorId: ZId, name: z.string(), nodeId: ZId, nodeName: z.string(), lead: z.boolean() });
export const ZAssignment = z.object({
  id: ZId,
  matterId: ZId,
  mode: z.enum(['single', 'joint']),
  plan: z.string(),
  members: z.array(ZAssignmentMember),
  assignedAt: z.string(),
  outcome: z.enum(['open', 'settled', 'failed', 'withdrawn']),
});
export type TAssignment = z.infer<typeof ZAssignment>;

export const ZTriageDetail = z.object({ item: ZTriageItem, plan: z.string(), suggestions: z.array(ZSuggestion), assignment: ZAssignment.nullable() });
export type TTriageDetail = z.infer<typeof ZTriageDetail>;

export const ZAssignRequest = z.strictObject({
  /** The triage record's version the coordinator saw: a stale one is refused with 409. */
  version: z.number().int().min(1),
  plan: z.string().trim().min(1, '请填写分拣方案').max(2000, '分拣方案最多 2000 字'),
  members: z
    .array(z.strictObject({ mediatorId: ZId, nodeId: ZId, lead: z.boolean().default(false) }))
    .min(1, '至少指派一名调解员')
    .max(8, '联合调解组最多 8 人'),
});
export type TAssignRequest = z.input<typeof ZAssignRequest>;

export const ZMyAssignment = z.object({ matterId: ZId, title: z.string(), disputeKind: ZDisputeKind, areaName: z.string(), lead: z.boolean(), mode: z.enum(['single', 'joint']), assignedAt: z.string() });
export const ZMyAssignmentList = z.object({ items: z.array(ZMyAssignment) });

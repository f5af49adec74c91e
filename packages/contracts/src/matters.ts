import { z } from 'zod';
import { ZId, page } from './common.ts';

export const ZMatterRole = z.enum(['party', 'agent', 'coordinator', 'mediator', 'judge', 'clerk', 'appraiser']);

export const ZMatterCreate = z.strictObject({
  title: z.string().trim().min(2).max(200),
  courtId: ZId,
  participants: z.array(z.strictObject({ userId: ZId, role: ZMatterRole })).max(50).default([]),
});
export type TMatterCreate = z.infer<typeof ZMatterCreate>;

export const ZMatter = z.object({
  id: ZId,
  title: z.string(),
  caseNumber: z.string().nullable(),
  stage: z.string(),
  courtId: ZId,
  createdAt: z.string(),
  updatedAt: z.string(),
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

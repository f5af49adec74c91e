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

import { z } from 'zod';

export const ZId = z.uuid();
export const ZIsoTime = z.iso.datetime({ offset: true });
export const ZLocale = z.enum(['zh-CN', 'zh-HK', 'en']);
export type TLocale = z.infer<typeof ZLocale>;

export const ZRole = z.enum(['party', 'agent', 'coordinator', 'mediator', 'judge', 'clerk', 'appraiser', 'integrator', 'analyst', 'tech_admin', 'sys_admin']);
export type TRole = z.infer<typeof ZRole>;

export const ZProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(z.object({ pointer: z.string(), detail: z.string(), code: z.string().optional() })).optional(),
});
export type TProblem = z.infer<typeof ZProblem>;

export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

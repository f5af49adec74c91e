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

/** Text a person typed: trimmed, required, at most `max` characters, and free of invisible control characters. */
export const plainText = (what: string, max: number) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(1, { error: `请填写${what}` })
    .max(max, { error: `${what}最多 ${max} 字` })
    .refine((v) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(v), { error: `${what}含有不可见的控制字符` });

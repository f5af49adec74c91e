import { z } from 'zod';

/** A node of the civil cause-of-action catalogue (民事案件案由规定): part (一级), category (二级), cause (三级), sub-cause (四级). */
export type TCauseNode = { code: string; name: string; level: 1 | 2 | 3 | 4; children?: TCauseNode[] };
export const ZCauseNode: z.ZodType<TCauseNode> = z.lazy(() =>
  z.object({ code: z.string(), name: z.string(), level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]), children: z.array(ZCauseNode).optional() }),
);
export const ZCauseVersionInfo = z.object({ version: z.string(), title: z.string(), effectiveFrom: z.string(), source: z.string(), note: z.string() });
export const ZCauseQuery = z.object({ version: z.string().regex(/^\d{4}$/).optional(), q: z.string().trim().min(1).max(40).optional() });
export const ZCauseHit = z.object({ code: z.string(), name: z.string(), level: z.number().int(), path: z.array(z.string()) });
export const ZCauseCatalogue = z.object({
  version: ZCauseVersionInfo,
  versions: z.array(z.string()),
  /** The tree (no query), or null when searching. */
  tree: z.array(ZCauseNode).nullable(),
  hits: z.array(ZCauseHit),
});
export type TCauseCatalogue = z.infer<typeof ZCauseCatalogue>;

// News and legal education (新闻与普法): articles court staff write in Markdown and the public reads.
import { z } from 'zod';
import { ZId, ZIsoTime, page } from './common.ts';

export const ZNewsCategory = z.enum(['news', 'legal_education', 'notice'], { error: '栏目应为新闻、普法或公告' });
export type TNewsCategory = z.infer<typeof ZNewsCategory>;
export const ZNewsStatus = z.enum(['draft', 'published', 'withdrawn']);
export type TNewsStatus = z.infer<typeof ZNewsStatus>;

/** Raw HTML in any form: a tag, a comment or a doctype. Markdown here is plain Markdown only. */
const RAW_HTML = /<[!/?a-zA-Z]/;
/** Link or image targets that run code or smuggle content. */
const UNSAFE_URL = /\]\(\s*<?\s*(?:javascript|vbscript|data|file)\s*:/i;

/** Why a Markdown body is refused, or undefined when it is acceptable. */
export function markdownProblem(body: string): string | undefined {
  if (RAW_HTML.test(body)) return '正文不能包含 HTML 标签（如 <script>），请只使用 Markdown';
  if (UNSAFE_URL.test(body)) return '链接只能使用 http、https 或 mailto 地址';
  // Control characters other than tab and line breaks.
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(body)) return '正文含有控制字符';
  return undefined;
}

export const ZNewsTag = z.string().trim().min(1, '标签不能为空').max(20, '标签最多 20 个字');

export const ZNewsArticleInput = z.strictObject({
  title: z.string().trim().min(2, '标题至少 2 个字').max(120, '标题最多 120 个字'),
  category: ZNewsCategory,
  summary: z.string().trim().max(300, '摘要最多 300 个字').default(''),
  body: z
    .string()
    .min(1, '请填写正文')
    .max(50_000, '正文最多 50,000 个字符')
    .superRefine((body, ctx) => {
      const problem = markdownProblem(body);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  tags: z.array(ZNewsTag).max(8, '最多 8 个标签').default([]),
  coverId: ZId.nullable().default(null),
});
export type TNewsArticleInput = z.input<typeof ZNewsArticleInput>;

export const ZNewsArticleUpdate = ZNewsArticleInput.extend({ version: z.number().int().min(1) });
export type TNewsArticleUpdate = z.input<typeof ZNewsArticleUpdate>;

export const ZNewsArticle = z.object({
  id: ZId,
  title: z.string(),
  category: ZNewsCategory,
  summary: z.string(),
  body: z.string(),
  tags: z.array(z.string()),
  coverId: ZId.nullable(),
  status: ZNewsStatus,
  version: z.number().int(),
  publishedAt: ZIsoTime.nullable(),
  updatedAt: ZIsoTime,
});
export type TNewsArticle = z.infer<typeof ZNewsArticle>;

/** What the public sees of an article: no drafts, no editors. */
export const ZNewsPublicArticle = ZNewsArticle.omit({ status: true, version: true });
export type TNewsPublicArticle = z.infer<typeof ZNewsPublicArticle>;
export const ZNewsPublicSummary = ZNewsPublicArticle.omit({ body: true });
export type TNewsPublicSummary = z.infer<typeof ZNewsPublicSummary>;
export const ZNewsPublicPage = page(ZNewsPublicSummary);
export const ZNewsArticlePage = page(ZNewsArticle.omit({ body: true }));

export const ZNewsPublicQuery = z.strictObject({
  category: ZNewsCategory.optional(),
  q: z
    .string()
    .trim()
    .max(100, '搜索词最多 100 个字')
    .regex(/^[^\u0000-\u001f\u007f]*$/, '搜索词含有控制字符')
    .optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  cursor: z.string().max(500).optional(),
});
export type TNewsPublicQuery = z.input<typeof ZNewsPublicQuery>;

export const ZNewsRevision = z.object({ version: z.number().int(), title: z.string(), editedBy: z.string(), editedAt: ZIsoTime, action: z.string() });
export const ZNewsRevisionList = z.object({ items: z.array(ZNewsRevision) });

export const ZNewsCover = z.object({ id: ZId, sha256: z.string(), mediaType: z.string(), size: z.number().int() });
export type TNewsCover = z.infer<typeof ZNewsCover>;

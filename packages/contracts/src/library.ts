// The law library's public API: search, documents and their articles, cause-of-action links.
import { z } from 'zod';
import { ZId } from './common.ts';

export const LIBRARY_KINDS = ['law', 'regulation', 'interpretation', 'rule', 'case', 'other'] as const;
export const ZLibraryKind = z.enum(LIBRARY_KINDS);
export type TLibraryKind = z.infer<typeof ZLibraryKind>;

export const LIBRARY_QUERY_MAX = 100;
/** Control characters (C0, C1, DEL) and bidirectional overrides, which only disguise text. */
const CONTROL = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

const ZSearchText = (max: number) =>
  z
    .string()
    .max(max, `最多 ${max} 个字符`)
    .refine((s) => !CONTROL.test(s), '不能包含控制字符')
    .refine((s) => s.trim().length > 0, '请输入要查找的字词');

export const ZLibrarySearchQuery = z.object({
  q: ZSearchText(LIBRARY_QUERY_MAX),
  kind: ZLibraryKind.optional(),
  documentId: ZId.optional(),
  /** An article label: 第一百八十八条, 第188条 or 188. */
  label: ZSearchText(20).optional(),
  /** Versions in force on this day (YYYY-MM-DD); by default the current versions. */
  effectiveOn: z.iso.date('日期格式应为 YYYY-MM-DD').optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().max(200).optional(),
});
export type TLibrarySearchQuery = z.infer<typeof ZLibrarySearchQuery>;

/** A highlighted text: plain segments, `hit` ones to be shown marked. Never HTML. */
export const ZHighlighted = z.array(z.object({ text: z.string(), hit: z.boolean() }));
export type THighlighted = z.infer<typeof ZHighlighted>;

const ZDate = z.string().nullable();

export const ZLibraryArticle = z.object({
  id: z.number().int(),
  ordinal: z.number().int(),
  type: z.enum(['article', 'item', 'section', 'paragraph']),
  /** 第一百八十八条, 一 (a numbered item), 基本案情 (a case's section); null for plain paragraphs. */
  label: z.string().nullable(),
  number: z.number().int().nullable(),
  headings: z.array(z.string()),
  text: z.string(),
});
export type TLibraryArticle = z.infer<typeof ZLibraryArticle>;

export const ZLibraryHit = z.object({
  documentId: ZId,
  title: z.string(),
  subtitle: z.string().nullable(),
  kind: ZLibraryKind,
  article: ZLibraryArticle.omit({ text: true }),
  snippet: ZHighlighted,
  score: z.number(),
  inForceFrom: ZDate,
  supersededOn: ZDate,
});
export type TLibraryHit = z.infer<typeof ZLibraryHit>;

export const ZLibrarySearchResult = z.object({
  items: z.array(ZLibraryHit),
  nextCursor: z.string().nullable(),
  /** `all`: every part of the query matched; `any`: nothing did, so these match some of its words. */
  match: z.enum(['all', 'any']),
  terms: z.array(z.string()),
  labels: z.array(z.string()),
});
export type TLibrarySearchResult = z.infer<typeof ZLibrarySearchResult>;

export const ZLibraryDocumentSummary = z.object({
  id: ZId,
  kind: ZLibraryKind,
  title: z.string(),
  subtitle: z.string().nullable(),
  issuingBody: z.string().nullable(),
  promulgatedOn: ZDate,
  effectiveOn: ZDate,
  amendedOn: ZDate,
  inForceFrom: ZDate,
  /** When a newer version in the library took effect; null while this one is current. */
  supersededOn: ZDate,
  status: z.enum(['repealed']).nullable(),
  history: z.array(z.object({ date: z.string(), event: z.string() })),
  notes: z.array(z.string()),
  articleCount: z.number().int(),
});
export type TLibraryDocumentSummary = z.infer<typeof ZLibraryDocumentSummary>;

export const ZLibraryDocument = ZLibraryDocumentSummary.extend({ articles: z.array(ZLibraryArticle) });
export type TLibraryDocument = z.infer<typeof ZLibraryDocument>;

export const ZLibraryArticleParams = z.object({ id: ZId, label: ZSearchText(30) });

export const ZLibraryArticleQuery = z.object({
  /** Highlight these words in the article (the search that led here). */
  q: ZSearchText(LIBRARY_QUERY_MAX).optional(),
});

export const ZLibraryArticleDetail = z.object({
  document: ZLibraryDocumentSummary,
  article: ZLibraryArticle,
  /** The article's text with the words of `q` marked, when `q` was given. */
  highlighted: ZHighlighted.nullable(),
  previous: z.string().nullable(),
  next: z.string().nullable(),
});
export type TLibraryArticleDetail = z.infer<typeof ZLibraryArticleDetail>;

export const ZLibraryCauseParams = z.object({ cause: ZSearchText(60) });

export const ZLibraryCauseArticles = z.object({
  cause: z.string(),
  code: z.string().nullable(),
  articles: z.array(
    z.object({
      documentTitle: z.string(),
      label: z.string(),
      note: z.string().nullable(),
      /** Null when the library does not hold this document (only the demo set is loaded, say). */
      documentId: ZId.nullable(),
      subtitle: z.string().nullable(),
      kind: ZLibraryKind.nullable(),
      text: z.string().nullable(),
    }),
  ),
});
export type TLibraryCauseArticles = z.infer<typeof ZLibraryCauseArticles>;

export const ZLibraryCauses = z.object({
  items: z.array(z.object({ name: z.string(), code: z.string().nullable(), articleCount: z.number().int() })),
});
export type TLibraryCauses = z.infer<typeof ZLibraryCauses>;

// The library's use cases: search, read a document or an article, the articles a cause rests on.
// All public reads: the texts are public law and published cases.
import type {
  TLibraryArticleDetail,
  TLibraryCauseArticles,
  TLibraryCauses,
  TLibraryDocument,
  TLibraryDocumentSummary,
  TLibraryHit,
  TLibrarySearchQuery,
  TLibrarySearchResult,
} from '@opencourt/contracts';
import { z } from 'zod';
import { systemClock, type Clock } from '../../platform/clock/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { CommonErrors, decodeCursor, encodeCursor } from '../../platform/http/index.ts';
import { LibraryErrors } from './library.errors.ts';
import { highlight } from './library.highlight.ts';
import { normaliseArticleLabel } from './library.numerals.ts';
import { anyOf, planQuery } from './library.query.ts';
import { libraryStore, type ArticleRow, type DocumentRow, type SearchFilters, type SearchRow } from './library.store.ts';

/**
 * Matches ranked per query at most, of texts (laws, …) and of cases: ranking reads each candidate's
 * vector (~15 µs each), so a query matching half the library still answers in bounded time.
 */
export const CANDIDATE_CAPS = { texts: 700, cases: 300 };
/** How long the lexeme frequencies (from PostgreSQL's statistics) are reused. */
const FREQUENCIES_TTL_MS = 10 * 60_000;
/** Deepest page offset: relevance past this is noise. */
export const MAX_OFFSET = 1000;
const SNIPPET_CHARS = 120;

/** Where the next page starts, and whether the search had to be relaxed to any word. */
const ZOffsetCursor = z.object({ o: z.number().int().min(0).max(MAX_OFFSET), any: z.literal(1).optional() });

const articleView = (a: ArticleRow) => ({
  id: a.id,
  ordinal: a.ordinal,
  type: a.type,
  label: a.label,
  number: a.number,
  headings: a.headings,
  text: a.text,
});

const documentView = (d: DocumentRow): TLibraryDocumentSummary => ({
  id: d.id,
  kind: d.kind,
  title: d.title,
  subtitle: d.subtitle,
  issuingBody: d.issuingBody,
  promulgatedOn: d.promulgatedOn,
  effectiveOn: d.effectiveOn,
  amendedOn: d.amendedOn,
  inForceFrom: d.inForceFrom,
  supersededOn: d.supersededOn,
  status: d.status,
  history: d.history,
  notes: d.notes,
  articleCount: d.articleCount,
});

function hitView(row: SearchRow, needles: string[], withText: boolean) {
  const { text, ...article } = articleView(row);
  return {
    ...(withText ? { text } : {}),
    documentId: row.documentId,
    title: row.title,
    subtitle: row.subtitle,
    kind: row.kind,
    article,
    snippet: highlight(text, needles, SNIPPET_CHARS),
    score: row.score,
    inForceFrom: row.inForceFrom,
    supersededOn: row.supersededOn,
  };
}

const emptyQuery = () =>
  CommonErrors.VALIDATION_FAILED(undefined, { fields: [{ pointer: '/querystring/q', detail: '请输入要查找的字词（标点和符号不能单独查找）' }] });

export function createLibraryService(deps: { db: Db; clock?: Clock }) {
  const { db } = deps;
  const clock = deps.clock ?? systemClock;
  let frequencies: { map: Map<string, number>; at: number } | undefined;
  async function lexemeFrequency(): Promise<(lexeme: string) => number> {
    const now = clock.now().getTime();
    if (!frequencies || now - frequencies.at > FREQUENCIES_TTL_MS) frequencies = { map: await libraryStore.lexemeFrequencies(db), at: now };
    const map = frequencies.map;
    return (lexeme) => map.get(lexeme) ?? 0;
  }

  async function requireDocument(id: string): Promise<DocumentRow> {
    const document = await libraryStore.document(db, id);
    if (!document) throw LibraryErrors.LIBRARY_DOCUMENT_NOT_FOUND();
    return document;
  }

  return {
    /** `withText`: each hit also carries the article's whole text (the command line prints it). */
    async search(query: TLibrarySearchQuery, opts: { withText?: boolean } = {}): Promise<Omit<TLibrarySearchResult, 'items'> & { items: (TLibraryHit & { text?: string })[] }> {
      const plan = planQuery(query.q);
      const label = query.label ? normaliseArticleLabel(query.label) : plan.labels[0];
      if (!plan.all && !label) throw emptyQuery();
      const cursor = decodeCursor(query.cursor, ZOffsetCursor);
      const offset = cursor?.o ?? 0;
      const filters: SearchFilters = { kind: query.kind, documentId: query.documentId, label, effectiveOn: query.effectiveOn };
      const page = { limit: query.limit + 1, offset };
      let match: 'all' | 'any' = 'all';
      let rows: SearchRow[] = [];
      if (!plan.all) {
        rows = await libraryStore.byLabel(db, { filters: { ...filters, label: label! }, ...page });
      } else {
        if (!cursor?.any) rows = await libraryStore.search(db, { tsquery: plan.all, filters, ...page, caps: CANDIDATE_CAPS });
        // Nothing has every word: show what has some of them, and say so. The match leaves out words
        // common to much of the library; the ranking still counts every word.
        const relaxed = cursor?.any || (!rows.length && offset === 0 && plan.words.length > 1) ? anyOf(plan, await lexemeFrequency()) : null;
        if (relaxed) {
          const rankQuery = plan.words.map((w) => w.query).join(' | ');
          rows = await libraryStore.search(db, { tsquery: relaxed, rankQuery, filters, ...page, caps: CANDIDATE_CAPS });
          match = 'any';
        }
      }
      const more = rows.length > query.limit && offset + query.limit <= MAX_OFFSET;
      return {
        items: rows.slice(0, query.limit).map((r) => hitView(r, plan.needles, opts.withText === true)),
        nextCursor: more ? encodeCursor(match === 'any' ? { o: offset + query.limit, any: 1 } : { o: offset + query.limit }) : null,
        match,
        terms: plan.terms,
        labels: label ? [label] : [],
      };
    },

    async getDocument(id: string): Promise<TLibraryDocument> {
      const document = await requireDocument(id);
      const articles = await libraryStore.articlesOf(db, id);
      return { ...documentView(document), articles: articles.map(articleView) };
    },

    /** One article by its label (第188条 and 188 work too), with its neighbours for paging through. */
    async getArticle(documentId: string, rawLabel: string, q?: string): Promise<TLibraryArticleDetail> {
      const document = await requireDocument(documentId);
      const article = await libraryStore.articleByLabel(db, documentId, normaliseArticleLabel(rawLabel));
      if (!article) throw LibraryErrors.LIBRARY_ARTICLE_NOT_FOUND();
      const { previous, next } = await libraryStore.neighbours(db, documentId, article.ordinal);
      return {
        document: documentView(document),
        article: articleView(article),
        highlighted: q ? highlight(article.text, planQuery(q).needles) : null,
        previous,
        next,
      };
    },

    async listCauses(): Promise<TLibraryCauses> {
      return { items: await libraryStore.causes(db) };
    },

    async causeArticles(cause: string): Promise<TLibraryCauseArticles> {
      const rows = await libraryStore.causeArticles(db, cause.trim());
      const first = rows[0];
      if (!first) throw LibraryErrors.LIBRARY_CAUSE_NOT_FOUND();
      return {
        cause: first.causeName,
        code: first.code,
        articles: rows
          .filter((r) => r.documentTitle && r.articleLabel)
          .map((r) => ({
            documentTitle: r.documentTitle!,
            label: r.articleLabel!,
            note: r.note,
            documentId: r.documentId,
            subtitle: r.subtitle,
            kind: r.kind,
            text: r.text,
          })),
      };
    },
  };
}

export type LibraryService = ReturnType<typeof createLibraryService>;

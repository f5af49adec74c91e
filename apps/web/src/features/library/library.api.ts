// The law library's public endpoints (no sign-in).
import type { TLibraryArticleDetail, TLibraryCauseArticles, TLibraryCauses, TLibraryDocument, TLibraryKind, TLibrarySearchResult } from '@opencourt/contracts';
import { api } from '../../shared/api/client.ts';

export type LibrarySearch = { q: string; kind?: TLibraryKind };

export const searchLibrary = (search: LibrarySearch, cursor?: string, signal?: AbortSignal) =>
  api.get<TLibrarySearchResult>('/library/search', { q: search.q, kind: search.kind, limit: 20, cursor }, { signal });
export const fetchDocument = (id: string) => api.get<TLibraryDocument>(`/library/documents/${encodeURIComponent(id)}`);
export const fetchArticle = (id: string, label: string, q?: string) =>
  api.get<TLibraryArticleDetail>(`/library/documents/${encodeURIComponent(id)}/articles/${encodeURIComponent(label)}`, { q });
export const fetchCauses = () => api.get<TLibraryCauses>('/library/causes');
export const fetchCauseArticles = (cause: string) => api.get<TLibraryCauseArticles>(`/library/causes/${encodeURIComponent(cause)}/articles`);

/** Where an article is read: by its label, or (unlabelled paragraphs) at its place in the document. */
export function articlePath(documentId: string, article: { label: string | null; ordinal: number }, q?: string): string {
  if (!article.label) return `/library/documents/${documentId}#a${article.ordinal}`;
  const query = q ? `?${new URLSearchParams({ q })}` : '';
  return `/library/documents/${documentId}/articles/${encodeURIComponent(article.label)}${query}`;
}

// News and legal education: the public list and articles, and the editors' drafts.
import type { TNewsArticle, TNewsArticleUpdate, TNewsArticleInput, TNewsCategory, TNewsCover, TNewsPublicArticle, TNewsPublicSummary } from '@opencourt/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API_BASE, api, request } from '../../shared/api/client.ts';

export const coverUrl = (coverId: string) => `${API_BASE}/news/covers/${encodeURIComponent(coverId)}`;

export function usePublicNews(category: TNewsCategory | undefined, q: string) {
  return useInfiniteQuery({
    queryKey: ['news', 'public', category ?? '', q],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => api.get<{ items: TNewsPublicSummary[]; nextCursor: string | null }>('/news/public', { category, q, limit: 10, cursor: pageParam }, { signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function usePublicArticle(id: string) {
  return useQuery({ queryKey: ['news', 'public', 'article', id], queryFn: ({ signal }) => api.get<TNewsPublicArticle>(`/news/public/${encodeURIComponent(id)}`, undefined, { signal }) });
}

type StaffSummary = Omit<TNewsArticle, 'body'>;
const staffKey = ['news', 'staff'] as const;

export function useStaffArticles() {
  return useQuery({ queryKey: staffKey, queryFn: ({ signal }) => api.get<{ items: StaffSummary[]; nextCursor: string | null }>('/news/articles', { limit: 100 }, { signal }).then((r) => r.items) });
}

export function useRevisions(id: string) {
  return useQuery({
    queryKey: ['news', 'staff', 'revisions', id],
    queryFn: ({ signal }) => api.get<{ items: { version: number; title: string; editedAt: string; action: string }[] }>(`/news/articles/${encodeURIComponent(id)}/revisions`, undefined, { signal }).then((r) => r.items),
  });
}

export const fetchStaffArticle = (id: string) => api.get<TNewsArticle>(`/news/articles/${encodeURIComponent(id)}`);

export function useSaveArticle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, idempotencyKey, ...body }: (TNewsArticleInput & { id?: undefined; idempotencyKey: string }) | (TNewsArticleUpdate & { id: string; idempotencyKey?: undefined })) =>
      id ? api.put<TNewsArticle>(`/news/articles/${encodeURIComponent(id)}`, body) : api.post<TNewsArticle>('/news/articles', body, { idempotencyKey }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['news'] }),
  });
}

export function useTransition() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'publish' | 'withdraw' }) => api.post<TNewsArticle>(`/news/articles/${encodeURIComponent(id)}/${action}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['news'] }),
  });
}

/** The image's bytes as the request body; the server decides by content what it is. */
export const uploadCover = (file: File) => request<TNewsCover>('POST', '/news/covers', file, { headers: { 'content-type': file.type || 'application/octet-stream' } });

import type { TAuditEntry, TAuditQuery } from '@opencourt/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';

export type AuditFilters = Omit<TAuditQuery, 'limit' | 'cursor'>;
type AuditPage = { items: TAuditEntry[]; nextCursor: string | null };

const PAGE_SIZE = 50;

export function useAuditSearch(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam, signal }) => api.get<AuditPage>('/audit', { ...filters, limit: PAGE_SIZE, cursor: pageParam }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

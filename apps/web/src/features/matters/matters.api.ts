import type { TDossierDocument, TMatter, TMatterOverview, TTimeline } from '@opencourt/contracts';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { api } from '../../shared/api/client.ts';
import { zhCN } from '../../app/i18n/zh-CN.ts';

export type MatterSummary = Omit<TMatter, 'participants'>;
type MatterPage = { items: MatterSummary[]; nextCursor: string | null };

const PAGE_SIZE = 20;

export function useMatterList() {
  return useInfiniteQuery({
    queryKey: ['matters', 'list'],
    queryFn: ({ pageParam, signal }) => api.get<MatterPage>('/matters', { limit: PAGE_SIZE, cursor: pageParam }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useMatter(id: string) {
  return useQuery({ queryKey: ['matters', 'one', id], queryFn: ({ signal }) => api.get<TMatter>(`/matters/${encodeURIComponent(id)}`, undefined, { signal }) });
}

type Stage = keyof typeof zhCN.matter.stages;
const isKnownStage = (stage: string): stage is Stage => stage in zhCN.matter.stages;

/** A stage's name in the reader's language; unknown (newer) stages show their code. */
export const stageLabel = (t: TFunction, stage: string) => (isKnownStage(stage) ? t(`matter.stages.${stage}`) : stage);

export function useMatterOverview(id: string) {
  return useQuery({ queryKey: ['matters', 'overview', id], queryFn: ({ signal }) => api.get<TMatterOverview>(`/matters/${encodeURIComponent(id)}/overview`, undefined, { signal }) });
}

export function useMatterTimeline(id: string) {
  return useQuery({ queryKey: ['matters', 'timeline', id], queryFn: ({ signal }) => api.get<TTimeline>(`/matters/${encodeURIComponent(id)}/timeline`, undefined, { signal }) });
}

export function useMatterDossier(id: string) {
  return useQuery({ queryKey: ['matters', 'dossier', id], queryFn: ({ signal }) => api.get<{ items: TDossierDocument[] }>(`/matters/${encodeURIComponent(id)}/documents`, undefined, { signal }) });
}

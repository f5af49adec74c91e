import type { TMatter } from '@opencourt/contracts';
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

// The mediation API: network, mediator pool, routing rules, triage queue and assignment.
import type {
  TAssignment,
  TAssignRequest,
  TMediator,
  TMediatorCreate,
  TMediatorWrite,
  TNetworkNode,
  TRoutingRule,
  TRoutingRuleWrite,
  TTriageDetail,
  TTriageItem,
  TTriageQuery,
} from '@opencourt/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';

const enc = encodeURIComponent;

export function useNetwork() {
  return useQuery({ queryKey: ['mediation', 'network'], queryFn: ({ signal }) => api.get<{ items: TNetworkNode[] }>('/mediation/network', undefined, { signal }).then((r) => r.items) });
}

export type QueueFilters = Omit<TTriageQuery, 'limit' | 'cursor' | 'minAgeDays'> & { minAgeDays?: number };

export function useTriageQueue(filters: QueueFilters) {
  return useInfiniteQuery({
    queryKey: ['mediation', 'queue', filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: TTriageItem[]; nextCursor: string | null }>('/mediation/triage', { ...filters, limit: 20, cursor: pageParam }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useTriageDetail(matterId: string) {
  return useQuery({ queryKey: ['mediation', 'triage', matterId], queryFn: ({ signal }) => api.get<TTriageDetail>(`/mediation/triage/${enc(matterId)}`, undefined, { signal }) });
}

/** One Idempotency-Key per click: a retried request replays, a second click is a new attempt. */
export function useAssign(matterId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TAssignRequest) => api.post<TAssignment>(`/mediation/triage/${enc(matterId)}/assignment`, body, { idempotencyKey: crypto.randomUUID() }),
    onSettled: () => client.invalidateQueries({ queryKey: ['mediation'] }),
  });
}

export function useMediators() {
  return useQuery({ queryKey: ['mediation', 'mediators'], queryFn: ({ signal }) => api.get<{ items: TMediator[] }>('/mediation/mediators', undefined, { signal }).then((r) => r.items) });
}

export function useSaveMediator() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; version?: number; body: TMediatorWrite & { userId?: string } }) =>
      input.id
        ? api.put<TMediator>(`/mediation/mediators/${enc(input.id)}`, { ...input.body, userId: undefined, version: input.version })
        : api.post<TMediator>('/mediation/mediators', input.body as TMediatorCreate, { idempotencyKey: crypto.randomUUID() }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['mediation'] }),
  });
}

export function useRules() {
  return useQuery({ queryKey: ['mediation', 'rules'], queryFn: ({ signal }) => api.get<{ items: TRoutingRule[] }>('/mediation/rules', undefined, { signal }).then((r) => r.items) });
}

export function useRuleHistory(ruleId: string | null) {
  return useQuery({
    queryKey: ['mediation', 'rules', ruleId, 'history'],
    enabled: !!ruleId,
    queryFn: ({ signal }) => api.get<{ items: { version: number; changedBy: string; changedAt: string; rule: Record<string, unknown> }[] }>(`/mediation/rules/${enc(ruleId!)}/history`, undefined, { signal }).then((r) => r.items),
  });
}

export function useSaveRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; version?: number; body: TRoutingRuleWrite }) =>
      input.id ? api.put<TRoutingRule>(`/mediation/rules/${enc(input.id)}`, { ...input.body, version: input.version }) : api.post<TRoutingRule>('/mediation/rules', input.body, { idempotencyKey: crypto.randomUUID() }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['mediation'] }),
  });
}

export function useMyMediations() {
  return useQuery({
    queryKey: ['mediation', 'mine'],
    queryFn: ({ signal }) =>
      api.get<{ items: { matterId: string; title: string; disputeKind: string; areaName: string; lead: boolean; mode: 'single' | 'joint'; assignedAt: string }[] }>('/mediation/my-assignments', undefined, { signal }).then((r) => r.items),
  });
}

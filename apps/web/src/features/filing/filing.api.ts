// Online filing and preservation: the party's applications, the clerk's queue and decisions.
// While an accepted filing's fee is being paid, its page polls, so 已支付 shows once the callback arrived.
import type { TFiling, TFilingDecision, TFilingSubmitInput, TFilingSummary, TPreservation, TPreservationDecision, TPreservationSubmitInput } from '@opencourt/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';

export const useCourts = () =>
  useQuery({ queryKey: ['filing-courts'], queryFn: ({ signal }) => api.get<{ items: { id: string; name: string }[] }>('/filing/courts', undefined, { signal }).then((r) => r.items), staleTime: 300_000 });

export const useFilings = (query: { scope: 'mine' | 'queue'; status?: string; minAgeDays?: number }) =>
  useQuery({ queryKey: ['filings', query], queryFn: ({ signal }) => api.get<{ items: TFilingSummary[] }>('/filings', query, { signal }).then((r) => r.items) });

export const useFiling = (id: string) =>
  useQuery({
    queryKey: ['filing', id],
    queryFn: ({ signal }) => api.get<TFiling>(`/filings/${encodeURIComponent(id)}`, undefined, { signal }),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data?.payment?.status === 'pending' ? 2000 : false),
  });

export function useSubmitFiling() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: TFilingSubmitInput; idempotencyKey: string }) => api.post<TFiling>('/filings', body, { idempotencyKey }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['filings'] }),
  });
}

export function useResubmitFiling(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; filing: TFilingSubmitInput }) => api.put<TFiling>(`/filings/${encodeURIComponent(id)}`, body),
    onSuccess: (f) => {
      client.setQueryData(['filing', id], f);
      return client.invalidateQueries({ queryKey: ['filings'] });
    },
  });
}

export function useDecideFiling(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TFilingDecision) => api.post<TFiling>(`/filings/${encodeURIComponent(id)}/decision`, body),
    onSuccess: (f) => {
      client.setQueryData(['filing', id], f);
      return client.invalidateQueries({ queryKey: ['filings'] });
    },
  });
}

export const usePreservations = (scope: 'mine' | 'queue') =>
  useQuery({ queryKey: ['preservations', scope], queryFn: ({ signal }) => api.get<{ items: TPreservation[] }>('/preservations', { scope }, { signal }).then((r) => r.items) });

export function useSubmitPreservation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: TPreservationSubmitInput; idempotencyKey: string }) => api.post<TPreservation>('/preservations', body, { idempotencyKey }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['preservations'] }),
  });
}

export function useDecidePreservation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: TPreservationDecision & { id: string }) => api.post<TPreservation>(`/preservations/${encodeURIComponent(id)}/decision`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['preservations'] }),
  });
}

/** Uploads one material file (multipart, through the files platform); returns its id. */
export async function uploadMaterial(file: File): Promise<{ id: string; filename: string; size: number }> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.post<{ id: string; filename: string; size: number }>('/files', form);
}

// Mediation agreements: read one (polled while others are signing), draft, revise, open, sign, close.
import type { TAgreement, TAgreementTerms, TConfirmation } from '@opencourt/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, API_BASE } from '../../shared/api/client.ts';

const key = (id: string) => ['agreement', id] as const;

export function useAgreement(id: string) {
  return useQuery({
    queryKey: key(id),
    queryFn: ({ signal }) => api.get<TAgreement>(`/agreements/${encodeURIComponent(id)}`, undefined, { signal }),
    // While signatures are being collected, others' signatures appear without reloading.
    refetchInterval: (q) => (q.state.data?.status === 'signing' ? 4000 : false),
  });
}

export const agreementPdfUrl = (id: string) => `${API_BASE}/agreements/${encodeURIComponent(id)}/document.pdf`;
export const fileUrl = (fileId: string) => `${API_BASE}/files/${encodeURIComponent(fileId)}/content`;

export function useDraftAgreement(matterId: string) {
  return useMutation({
    mutationFn: ({ terms, idempotencyKey }: { terms: TAgreementTerms; idempotencyKey: string }) =>
      api.post<TAgreement>(`/matters/${encodeURIComponent(matterId)}/agreements`, { terms }, { idempotencyKey }),
  });
}

/** Every change names the version the user saw; the answer replaces the cached agreement. */
export function useAgreementAction(id: string) {
  const client = useQueryClient();
  const done = (a: TAgreement) => client.setQueryData(key(id), a);
  const base = `/agreements/${encodeURIComponent(id)}`;
  return {
    open: useMutation({ mutationFn: (expectedVersion: number) => api.post<TAgreement>(`${base}/open`, { expectedVersion }), onSuccess: done }),
    returnToDraft: useMutation({ mutationFn: (expectedVersion: number) => api.post<TAgreement>(`${base}/return`, { expectedVersion }), onSuccess: done }),
    close: useMutation({
      mutationFn: (body: { outcome: 'failed' | 'withdrawn'; reason: string; expectedVersion: number }) => api.post<TAgreement>(`${base}/close`, body),
      onSuccess: done,
    }),
    sendCode: useMutation({ mutationFn: () => api.post<{ sentTo: string; resendAfterSeconds: number }>(`${base}/sign-code`, {}) }),
    sign: useMutation({
      mutationFn: ({ idempotencyKey, ...body }: { signature: string; code?: string; expectedVersion: number; idempotencyKey: string }) =>
        api.post<TAgreement>(`${base}/signatures`, body, { idempotencyKey }),
      onSuccess: done,
    }),
  };
}

const confirmationKey = (agreementId: string) => ['agreement', agreementId, 'confirmation'] as const;

/** The joint application for judicial confirmation (null until a party applies); polled while one side waits. */
export function useConfirmation(agreementId: string, enabled: boolean) {
  return useQuery({
    queryKey: confirmationKey(agreementId),
    enabled,
    queryFn: ({ signal }) => api.get<TConfirmation | null>(`/agreements/${encodeURIComponent(agreementId)}/confirmation`, undefined, { signal }),
    refetchInterval: (q) => (q.state.data?.status === 'applying' ? 5000 : false),
  });
}

export function useApplyForConfirmation(agreementId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (idempotencyKey: string) => api.post<TConfirmation>(`/agreements/${encodeURIComponent(agreementId)}/confirmation`, {}, { idempotencyKey }),
    onSuccess: (c) => client.setQueryData(confirmationKey(agreementId), c),
  });
}

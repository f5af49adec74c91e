// A matter's decisions, their effect, and certificates; the public check of a certificate's code.
import type { TCertificate, TCertificateCheck, TDecision, TDecisionCreate, TStoredFile } from '@opencourt/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';

const key = (matterId: string) => ['decisions', matterId] as const;

export function useDecisions(matterId: string) {
  return useQuery({
    queryKey: key(matterId),
    queryFn: ({ signal }) => api.get<{ items: TDecision[] }>(`/matters/${encodeURIComponent(matterId)}/decisions`, undefined, { signal }).then((r) => r.items),
  });
}

/** Uploads the signed PDF to the matter's files, then records the decision with it. */
export function useRecordDecision(matterId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, idempotencyKey, ...body }: Omit<TDecisionCreate, 'fileId'> & { file: File; idempotencyKey: string }) => {
      const form = new FormData();
      form.append('matterId', matterId);
      form.append('file', file, file.name);
      const stored = await api.post<TStoredFile>('/files', form, { idempotencyKey: `${idempotencyKey}-file` });
      return api.post<TDecision>(`/matters/${encodeURIComponent(matterId)}/decisions`, { ...body, fileId: stored.id }, { idempotencyKey });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: key(matterId) }),
  });
}

export function useIssueCertificate(matterId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ decisionId, idempotencyKey }: { decisionId: string; idempotencyKey: string }) =>
      api.post<TCertificate>(`/decisions/${encodeURIComponent(decisionId)}/certificates`, undefined, { idempotencyKey }),
    onSuccess: () => client.invalidateQueries({ queryKey: key(matterId) }),
  });
}

export const checkCertificate = (code: string, sha256?: string) => api.get<TCertificateCheck>('/certificates/verify', { code, sha256 });

/** What a person types: lower case, spaces and missing dashes are forgiven. */
export function normaliseCode(input: string): string {
  const bare = input.toUpperCase().replace(/[\s-]/g, '');
  return bare.length === 20 ? bare.match(/.{4}/g)!.join('-') : input.trim().toUpperCase();
}

// A matter's fee orders and refunds. While an order waits for the provider's notification (or a refund
// for the provider to pay it back) the list polls, so 已支付 shows as soon as the callback arrived; while
// a refund awaits staff it polls slowly, so the party sees the decision without reloading.
import type { TPaymentCreateInput, TPaymentOrder, TRefund, TRefundCreate, TRefundDecision } from '@opencourt/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { i18n } from '../../app/i18n/index.ts';
import { API_BASE, api, ApiError } from '../../shared/api/client.ts';

const key = (matterId: string) => ['payments', matterId] as const;

/** Quickly while the provider's notification is due; slowly while staff have a refund to decide. */
function pollEvery(orders: TPaymentOrder[] | undefined): number | false {
  if (orders?.some((o) => o.status === 'pending' || o.refunds.some((r) => r.status === 'approved'))) return 1500;
  if (orders?.some((o) => o.refunds.some((r) => r.status === 'requested'))) return 10_000;
  return false;
}

export function usePayments(matterId: string) {
  return useQuery({
    queryKey: key(matterId),
    queryFn: ({ signal }) => api.get<{ items: TPaymentOrder[] }>(`/matters/${encodeURIComponent(matterId)}/payments`, undefined, { signal }).then((r) => r.items),
    refetchInterval: (q) => pollEvery(q.state.data),
  });
}

/** A create the browser may retry: one Idempotency-Key per attempt to pay. */
export function useCreatePayment(matterId: string) {
  return useMutation({
    mutationFn: (input: TPaymentCreateInput & { idempotencyKey: string }) => {
      const { idempotencyKey, ...body } = input;
      return api.post<TPaymentOrder>(`/matters/${encodeURIComponent(matterId)}/payments`, body, { idempotencyKey });
    },
  });
}

export function useRequestRefund(matterId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ orderId, ...body }: TRefundCreate & { orderId: string }) => api.post<TRefund>(`/payments/${encodeURIComponent(orderId)}/refunds`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: key(matterId) }),
  });
}

export function useDecideRefund(matterId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ refundId, ...body }: TRefundDecision & { refundId: string }) => api.post<TRefund>(`/refunds/${encodeURIComponent(refundId)}/decision`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: key(matterId) }),
  });
}

/** Fetches a receipt PDF and hands it to the browser as a file. */
export async function downloadReceipt(path: string, fileName: string): Promise<void> {
  const res = await fetch(`${API_BASE}${path}`, { credentials: 'same-origin' }).catch(() => {
    throw new ApiError({ type: 'about:blank', title: i18n.t('common.networkError'), status: 0, code: 'NETWORK_ERROR' });
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { title?: string; code?: string } | null;
    throw new ApiError({ type: 'about:blank', title: body?.title ?? i18n.t('common.unknownError'), status: res.status, code: body?.code ?? `HTTP_${res.status}` });
  }
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

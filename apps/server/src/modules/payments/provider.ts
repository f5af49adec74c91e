// The payment-provider interface every channel (WeChat Pay, UnionPay, the local provider) implements,
// and the signed notifications they send. A notification is trusted only after its signature, its
// timestamp and (in the service) its nonce are checked, as with WeChat Pay API v3's Wechatpay-Signature.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../../platform/clock/index.ts';
import { PaymentErrors } from './payments.errors.ts';

export type ProviderOrderStatus = 'pending' | 'paid' | 'closed' | 'failed';

export type CreateProviderOrder = {
  merchantOrderId: string;
  amountFen: number;
  description: string;
  /** Who receives the money (the court), shown on the hosted page. */
  payee: string;
  /** Where the provider posts its asynchronous notification. */
  notifyUrl: string;
  /** Where the hosted page sends the payer back. */
  returnUrl: string;
  expiresAt: Date;
};

export type PaymentProvider = {
  name: string;
  createOrder(input: CreateProviderOrder): Promise<{ providerOrderId: string; payUrl: string }>;
  queryOrder(providerOrderId: string): Promise<{ status: ProviderOrderStatus; amountFen: number; transactionId: string | null }>;
  /** Close an unpaid order so it can no longer be paid; refused by the provider once it is paid. */
  closeOrder(providerOrderId: string): Promise<{ closed: boolean }>;
  refund(input: { providerOrderId: string; merchantRefundId: string; amountFen: number; notifyUrl: string }): Promise<{ providerRefundId: string }>;
  /** Checks a notification's signature and timestamp over its raw body; throws a typed error when it fails. */
  verifyNotification(headers: Record<string, string | string[] | undefined>, rawBody: string): ProviderNotification;
};

export const ZProviderNotification = z.discriminatedUnion('event', [
  z.object({
    event: z.literal('payment'),
    merchantOrderId: z.string().min(1).max(100),
    providerOrderId: z.string().min(1).max(100),
    transactionId: z.string().max(100).nullable(),
    status: z.enum(['paid', 'failed']),
    amountFen: z.number().int().min(0),
  }),
  z.object({
    event: z.literal('refund'),
    merchantRefundId: z.string().min(1).max(100),
    providerRefundId: z.string().min(1).max(100),
    status: z.enum(['refunded', 'failed']),
    amountFen: z.number().int().min(0),
  }),
]);
export type ProviderNotification = z.infer<typeof ZProviderNotification> & { nonce: string };

export const SIGNATURE_HEADERS = { timestamp: 'x-pay-timestamp', nonce: 'x-pay-nonce', signature: 'x-pay-signature', serial: 'x-pay-serial' } as const;

/** The signed message: timestamp, nonce and the raw body, each followed by a newline (WeChat Pay v3's layout). */
const message = (timestamp: string, nonce: string, body: string) => `${timestamp}\n${nonce}\n${body}\n`;

export function signNotification(key: Buffer, body: string, at: Date, nonce = randomBytes(16).toString('hex')): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const signature = createHmac('sha256', key).update(message(timestamp, nonce, body)).digest('base64');
  return { [SIGNATURE_HEADERS.timestamp]: timestamp, [SIGNATURE_HEADERS.nonce]: nonce, [SIGNATURE_HEADERS.signature]: signature };
}

const header = (headers: Record<string, string | string[] | undefined>, name: string) => {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** Notifications older or newer than this are refused, so a captured one cannot be replayed later. */
export const NOTIFICATION_TOLERANCE_MS = 5 * 60_000;

export function verifySignedNotification(key: Buffer, clock: Clock, headers: Record<string, string | string[] | undefined>, rawBody: string): ProviderNotification {
  const timestamp = header(headers, SIGNATURE_HEADERS.timestamp);
  const nonce = header(headers, SIGNATURE_HEADERS.nonce);
  const signature = header(headers, SIGNATURE_HEADERS.signature);
  if (!timestamp || !nonce || !signature || !/^\d{1,12}$/.test(timestamp) || !/^[A-Za-z0-9_-]{8,64}$/.test(nonce)) {
    throw PaymentErrors.PAYMENT_CALLBACK_BAD_SIGNATURE('缺少或错误的签名、时间戳或随机串');
  }
  const expected = createHmac('sha256', key).update(message(timestamp, nonce, rawBody)).digest();
  const given = Buffer.from(signature, 'base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw PaymentErrors.PAYMENT_CALLBACK_BAD_SIGNATURE();
  if (Math.abs(clock.now().getTime() - Number(timestamp) * 1000) > NOTIFICATION_TOLERANCE_MS) throw PaymentErrors.PAYMENT_CALLBACK_STALE();
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    throw PaymentErrors.PAYMENT_CALLBACK_MALFORMED('通知内容不是 JSON');
  }
  const result = ZProviderNotification.safeParse(parsed);
  if (!result.success) throw PaymentErrors.PAYMENT_CALLBACK_MALFORMED(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ').slice(0, 300));
  return { ...result.data, nonce };
}

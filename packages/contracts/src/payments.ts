// Paying litigation fees online and getting them back: orders for a matter, their refunds, and what a
// payer or court staff sees of them. Money is integer fen.
import { z } from 'zod';
import { ZId, ZIsoTime } from './common.ts';
import { ZFeeEstimateRequest, ZFeeKind, ZFeeProcedure } from './fees.ts';

/** pending: waiting for the payer; paid: a verified callback said so; closed: expired or cancelled; failed: the provider declined it. */
export const ZPaymentStatus = z.enum(['pending', 'paid', 'closed', 'failed']);
export type TPaymentStatus = z.infer<typeof ZPaymentStatus>;

/** 案件受理费 or 申请费, from the fee kind. */
export const ZPaymentPurpose = z.enum(['case-acceptance', 'application']);
export type TPaymentPurpose = z.infer<typeof ZPaymentPurpose>;

/**
 * What is paid for: the fee request the Decree prices (the server computes the amount with its fee
 * rules), and optionally the amount the client expects, which must match to the fen.
 */
export const ZPaymentCreate = z.strictObject({
  fee: ZFeeEstimateRequest,
  amountFen: z.number().int().min(1).max(1_000_000_000_000_000).optional(),
});
export type TPaymentCreate = z.infer<typeof ZPaymentCreate>;
export type TPaymentCreateInput = z.input<typeof ZPaymentCreate>;

/**
 * Why a fee comes back (《诉讼费用交纳办法》): mediated or withdrawn, half the acceptance fee (art. 15);
 * transferred as a suspected crime (art. 25), not accepted or dismissed (art. 27 ¶2), remanded on appeal
 * (art. 27 ¶1): all of it; prevailed: the loser bears the fee, so the winner's prepayment comes back
 * (art. 29). Suspended (art. 26) and terminated (art. 28) matters get nothing back.
 */
export const REFUND_REASONS = ['mediated', 'withdrawn', 'criminal-transfer', 'not-accepted', 'remanded', 'prevailed', 'suspended', 'terminated'] as const;
export const ZRefundReason = z.enum(REFUND_REASONS);
export type TRefundReason = z.infer<typeof ZRefundReason>;

export const ZRefundStatus = z.enum(['requested', 'approved', 'refunded', 'rejected', 'failed']);
export type TRefundStatus = z.infer<typeof ZRefundStatus>;

export const ZRefundCreate = z.strictObject({
  reason: ZRefundReason,
  /** Only where the court decides the share (art. 29 ¶2, partly won): at most what is left of the payment. */
  amountFen: z.number().int().min(1).max(1_000_000_000_000_000).optional(),
  note: z.string().trim().max(500).optional(),
});
export type TRefundCreate = z.infer<typeof ZRefundCreate>;

export const ZRefundDecision = z.strictObject({ approve: z.boolean(), note: z.string().trim().max(500).optional() });
export type TRefundDecision = z.infer<typeof ZRefundDecision>;

export const ZRefund = z.object({
  id: ZId,
  orderId: ZId,
  reason: ZRefundReason,
  amountFen: z.number().int(),
  basis: z.string(),
  status: ZRefundStatus,
  note: z.string().nullable(),
  requestedAt: ZIsoTime,
  decidedAt: ZIsoTime.nullable(),
  refundedAt: ZIsoTime.nullable(),
  receiptCode: z.string().nullable(),
});
export type TRefund = z.infer<typeof ZRefund>;

export const ZPaymentOrder = z.object({
  id: ZId,
  matterId: ZId,
  purpose: ZPaymentPurpose,
  feeKind: ZFeeKind,
  procedure: ZFeeProcedure,
  /** The amount the fee is computed on (a claim, preserved property, …). */
  baseFen: z.number().int(),
  amountFen: z.number().int(),
  refundedFen: z.number().int(),
  status: ZPaymentStatus,
  /** The provider's hosted payment page, while the order can be paid. */
  payUrl: z.string().nullable(),
  createdAt: ZIsoTime,
  expiresAt: ZIsoTime,
  paidAt: ZIsoTime.nullable(),
  /** The code printed on the receipt (收费凭证), once paid. */
  receiptCode: z.string().nullable(),
  refunds: z.array(ZRefund),
});
export type TPaymentOrder = z.infer<typeof ZPaymentOrder>;
export const ZPaymentOrderList = z.object({ items: z.array(ZPaymentOrder) });

/** What the callback route answers a provider: it retries until it gets `SUCCESS`. */
export const ZPaymentCallbackAck = z.object({ code: z.literal('SUCCESS'), message: z.string() });

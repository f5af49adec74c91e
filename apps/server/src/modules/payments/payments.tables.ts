import { bigint, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { TFeeEstimateRequest } from '@opencourt/contracts';
import { createdAt, tstz } from '../../platform/db/columns.ts';

const fen = (name: string) => bigint(name, { mode: 'number' });

/** An order to pay a fee of a matter through a payment provider. */
export const paymentOrder = pgTable(
  'payment_order',
  {
    id: uuid('id').primaryKey(),
    matterId: uuid('matter_id').notNull(),
    payerId: uuid('payer_id').notNull(),
    /** The fee request the Decree priced (kind, amount, procedure, …). */
    fee: jsonb('fee').$type<TFeeEstimateRequest>().notNull(),
    amountFen: fen('amount_fen').notNull(),
    status: text('status').notNull(), // pending | paid | closed | failed
    provider: text('provider').notNull(),
    providerOrderId: text('provider_order_id'),
    payUrl: text('pay_url'),
    providerTransactionId: text('provider_transaction_id'),
    expiresAt: tstz('expires_at').notNull(),
    paidAt: tstz('paid_at'),
    closedAt: tstz('closed_at'),
    receiptCode: text('receipt_code'),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('payment_order_matter_idx').on(t.matterId),
    index('payment_order_pending_idx').on(t.status, t.expiresAt),
    uniqueIndex('payment_order_provider_idx').on(t.provider, t.providerOrderId),
    uniqueIndex('payment_order_receipt_idx').on(t.receiptCode),
  ],
);

/** A refund of (part of) a paid order: requested, decided by staff, then paid back by the provider. */
export const paymentRefund = pgTable(
  'payment_refund',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => paymentOrder.id),
    matterId: uuid('matter_id').notNull(),
    reason: text('reason').notNull(),
    basis: text('basis').notNull(),
    amountFen: fen('amount_fen').notNull(),
    status: text('status').notNull(), // requested | approved | refunded | rejected | failed
    note: text('note'),
    requestedBy: uuid('requested_by').notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: tstz('decided_at'),
    providerRefundId: text('provider_refund_id'),
    refundedAt: tstz('refunded_at'),
    receiptCode: text('receipt_code'),
    createdAt: createdAt(),
  },
  (t) => [index('payment_refund_order_idx').on(t.orderId), uniqueIndex('payment_refund_receipt_idx').on(t.receiptCode)],
);

/** Nonces of provider notifications already accepted: a notification seen once is never accepted again. */
export const paymentCallbackNonce = pgTable('payment_callback_nonce', {
  nonce: text('nonce').primaryKey(),
  provider: text('provider').notNull(),
  receivedAt: createdAt(),
});

// The local provider's own books (it stands in for WeChat Pay / UnionPay, which keep theirs).

export const localPayOrder = pgTable('local_pay_order', {
  id: text('id').primaryKey(),
  merchantOrderId: text('merchant_order_id').notNull().unique(),
  amountFen: fen('amount_fen').notNull(),
  description: text('description').notNull(),
  payee: text('payee').notNull(),
  notifyUrl: text('notify_url').notNull(),
  returnUrl: text('return_url').notNull(),
  status: text('status').notNull(), // NOTPAY | SUCCESS | PAYERROR | CLOSED
  transactionId: text('transaction_id'),
  expiresAt: tstz('expires_at').notNull(),
  paidAt: tstz('paid_at'),
  createdAt: createdAt(),
});

export const localPayRefund = pgTable('local_pay_refund', {
  id: text('id').primaryKey(),
  providerOrderId: text('provider_order_id')
    .notNull()
    .references(() => localPayOrder.id),
  merchantRefundId: text('merchant_refund_id').notNull().unique(),
  amountFen: fen('amount_fen').notNull(),
  notifyUrl: text('notify_url').notNull(),
  status: text('status').notNull(), // PROCESSING | SUCCESS
  createdAt: createdAt(),
});

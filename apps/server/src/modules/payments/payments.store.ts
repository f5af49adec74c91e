// All SQL of payments: orders, refunds and the nonces of notifications already accepted.
import { and, asc, desc, eq, inArray, lte, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { paymentCallbackNonce, paymentOrder, paymentRefund } from './payments.tables.ts';

export type OrderRow = typeof paymentOrder.$inferSelect;
export type RefundRow = typeof paymentRefund.$inferSelect;

export const paymentsStore = {
  async insertOrder(tx: Executor, row: typeof paymentOrder.$inferInsert) {
    await tx.insert(paymentOrder).values(row);
  },
  async updateOrder(tx: Executor, id: string, set: Partial<typeof paymentOrder.$inferInsert>) {
    await tx.update(paymentOrder).set(set).where(eq(paymentOrder.id, id));
  },
  async order(db: Executor, id: string, opts: { lock?: boolean } = {}): Promise<OrderRow | undefined> {
    const q = db.select().from(paymentOrder).where(eq(paymentOrder.id, id));
    const [row] = opts.lock ? await q.for('update') : await q;
    return row;
  },
  async ordersOfMatter(db: Executor, matterId: string): Promise<OrderRow[]> {
    return db.select().from(paymentOrder).where(eq(paymentOrder.matterId, matterId)).orderBy(desc(paymentOrder.createdAt), desc(paymentOrder.id));
  },
  async refundsOf(db: Executor, orderIds: string[]): Promise<RefundRow[]> {
    if (!orderIds.length) return [];
    return db.select().from(paymentRefund).where(inArray(paymentRefund.orderId, orderIds)).orderBy(asc(paymentRefund.createdAt), asc(paymentRefund.id));
  },
  /** Refunds that still count against the payment: all but refused and failed ones. */
  async committedRefundFen(tx: Executor, orderId: string): Promise<number> {
    const [row] = await tx
      .select({ total: sql<string>`coalesce(sum(${paymentRefund.amountFen}), 0)` })
      .from(paymentRefund)
      .where(and(eq(paymentRefund.orderId, orderId), notInArray(paymentRefund.status, ['rejected', 'failed'])));
    return Number(row!.total);
  },
  async insertRefund(tx: Executor, row: typeof paymentRefund.$inferInsert) {
    await tx.insert(paymentRefund).values(row);
  },
  async refund(db: Executor, id: string, opts: { lock?: boolean } = {}): Promise<RefundRow | undefined> {
    const q = db.select().from(paymentRefund).where(eq(paymentRefund.id, id));
    const [row] = opts.lock ? await q.for('update') : await q;
    return row;
  },
  async updateRefund(tx: Executor, id: string, set: Partial<typeof paymentRefund.$inferInsert>) {
    await tx.update(paymentRefund).set(set).where(eq(paymentRefund.id, id));
  },
  /** Records a notification's nonce; false when it was seen before (a replay). */
  async claimNonce(tx: Executor, provider: string, nonce: string): Promise<boolean> {
    const rows = await tx.insert(paymentCallbackNonce).values({ provider, nonce: `${provider}:${nonce}` }).onConflictDoNothing().returning({ nonce: paymentCallbackNonce.nonce });
    return rows.length === 1;
  },
  async expiredPending(db: Executor, now: Date, limit: number): Promise<OrderRow[]> {
    return db
      .select()
      .from(paymentOrder)
      .where(and(eq(paymentOrder.status, 'pending'), lte(paymentOrder.expiresAt, now)))
      .orderBy(asc(paymentOrder.expiresAt))
      .limit(limit);
  },
  async byReceiptCode(db: Executor, code: string): Promise<{ order?: OrderRow; refund?: RefundRow }> {
    const [order] = await db.select().from(paymentOrder).where(eq(paymentOrder.receiptCode, code));
    if (order) return { order };
    const [refund] = await db.select().from(paymentRefund).where(eq(paymentRefund.receiptCode, code));
    return { refund };
  },
};

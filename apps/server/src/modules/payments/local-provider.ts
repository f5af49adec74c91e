// The local payment provider: behaves like WeChat Pay / UnionPay for a court without a merchant
// account, for demos and for tests. It keeps its own books (local_pay_*), serves its own hosted payment
// page (local-provider.page.ts), and tells us the outcome only through asynchronous notifications,
// signed with its own key and posted over HTTP by a queued job after a delay, retried until we answer
// SUCCESS. It can be told to decline payments, to time out, or to deliver every notification twice.
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Clock } from '../../platform/clock/index.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import type { JobDefinition, JobQueue } from '../../platform/jobs/index.ts';
import { localPayOrder, localPayRefund } from './payments.tables.ts';
import { signNotification, verifySignedNotification, SIGNATURE_HEADERS, type PaymentProvider, type ProviderOrderStatus } from './provider.ts';

export type LocalProviderMode = 'normal' | 'fail' | 'timeout' | 'duplicate';
export type LocalProviderSettings = {
  mode: LocalProviderMode;
  /** How long after the payer confirms (or a refund is asked for) the notification is sent. */
  callbackDelayMs: number;
  /** The provider's signing key (HMAC-SHA256), shared with the merchant as WeChat Pay's API v3 key is. */
  key: Buffer;
};

export const LOCAL_PROVIDER = 'local';
export const LOCAL_NOTIFY_JOB = 'payments.local.notify';
const KEY_SERIAL = 'local-1';

const STATUS: Record<string, ProviderOrderStatus> = { NOTPAY: 'pending', SUCCESS: 'paid', PAYERROR: 'failed', CLOSED: 'closed' };

/** Provider-side ids look like the real ones: a prefix, the date and random digits. */
const providerId = (prefix: string, at: Date) => `${prefix}${at.toISOString().slice(0, 10).replaceAll('-', '')}${BigInt(`0x${randomBytes(8).toString('hex')}`).toString().padStart(20, '0')}`;

export type LocalPayOrderRow = typeof localPayOrder.$inferSelect;

export function createLocalProvider(deps: { db: Db; clock: Clock; jobs: JobQueue; settings: LocalProviderSettings }) {
  const { db, clock, settings } = deps;

  /** Queue the notification(s) of an outcome: one, or two with their own nonces in `duplicate` mode. */
  async function queueNotification(tx: Executor, kind: 'payment' | 'refund', id: string) {
    const copies = settings.mode === 'duplicate' ? 2 : 1;
    const runAt = new Date(clock.now().getTime() + settings.callbackDelayMs);
    for (let copy = 1; copy <= copies; copy++) await deps.jobs.enqueue(tx, LOCAL_NOTIFY_JOB, { kind, id, copy }, { runAt, maxAttempts: 8 });
  }

  const provider: PaymentProvider = {
    name: LOCAL_PROVIDER,
    async createOrder(input) {
      const id = providerId('LP', clock.now());
      await db.insert(localPayOrder).values({
        id,
        merchantOrderId: input.merchantOrderId,
        amountFen: input.amountFen,
        description: input.description,
        payee: input.payee,
        notifyUrl: input.notifyUrl,
        returnUrl: input.returnUrl,
        status: 'NOTPAY',
        expiresAt: input.expiresAt,
      });
      return { providerOrderId: id, payUrl: `${new URL(input.notifyUrl).origin}/pay/local/${id}` };
    },
    async queryOrder(providerOrderId) {
      const [row] = await db.select().from(localPayOrder).where(eq(localPayOrder.id, providerOrderId));
      if (!row) throw new Error(`local provider: no order ${providerOrderId}`);
      return { status: STATUS[row.status]!, amountFen: row.amountFen, transactionId: row.transactionId };
    },
    async closeOrder(providerOrderId) {
      const closed = await db
        .update(localPayOrder)
        .set({ status: 'CLOSED' })
        .where(and(eq(localPayOrder.id, providerOrderId), eq(localPayOrder.status, 'NOTPAY')))
        .returning({ id: localPayOrder.id });
      return { closed: closed.length === 1 };
    },
    async refund(input) {
      return db.transaction(async (tx) => {
        const [order] = await tx.select().from(localPayOrder).where(eq(localPayOrder.id, input.providerOrderId)).for('update');
        if (order?.status !== 'SUCCESS') throw new Error(`local provider: order ${input.providerOrderId} is not paid`);
        const [existing] = await tx.select().from(localPayRefund).where(eq(localPayRefund.merchantRefundId, input.merchantRefundId));
        if (existing) return { providerRefundId: existing.id };
        const id = providerId('LR', clock.now());
        await tx.insert(localPayRefund).values({ id, providerOrderId: order.id, merchantRefundId: input.merchantRefundId, amountFen: input.amountFen, notifyUrl: input.notifyUrl, status: 'PROCESSING' });
        await queueNotification(tx, 'refund', id);
        return { providerRefundId: id };
      });
    },
    verifyNotification: (headers, rawBody) => verifySignedNotification(settings.key, clock, headers, rawBody),
  };

  /** The payer's choice on the hosted page. `timeout`: the provider never answers, and the order stays unpaid. */
  async function confirm(providerOrderId: string): Promise<{ outcome: 'paid' | 'declined' | 'timeout' | 'unavailable'; order?: LocalPayOrderRow }> {
    return db.transaction(async (tx) => {
      const [order] = await tx.select().from(localPayOrder).where(eq(localPayOrder.id, providerOrderId)).for('update');
      if (!order || order.status !== 'NOTPAY' || order.expiresAt <= clock.now()) return { outcome: 'unavailable', order };
      if (settings.mode === 'timeout') return { outcome: 'timeout', order };
      const paid = settings.mode !== 'fail';
      const transactionId = paid ? providerId('42', clock.now()) : null;
      await tx.update(localPayOrder).set({ status: paid ? 'SUCCESS' : 'PAYERROR', transactionId, paidAt: paid ? clock.now() : null }).where(eq(localPayOrder.id, order.id));
      await queueNotification(tx, 'payment', order.id);
      return { outcome: paid ? 'paid' : 'declined', order };
    });
  }

  async function findOrder(providerOrderId: string): Promise<LocalPayOrderRow | undefined> {
    const [row] = await db.select().from(localPayOrder).where(eq(localPayOrder.id, providerOrderId));
    return row;
  }

  /** Sends one notification: signed over the exact bytes posted; anything but a 2xx answer is tried again later. */
  const notifyJob: JobDefinition<{ kind: 'payment' | 'refund'; id: string; copy: number }> = {
    name: LOCAL_NOTIFY_JOB,
    payload: z.object({ kind: z.enum(['payment', 'refund']), id: z.string(), copy: z.number().int() }),
    async handler({ kind, id }, ctx) {
      let body: string;
      let url: string;
      if (kind === 'payment') {
        const order = await findOrder(id);
        if (!order) return;
        url = order.notifyUrl;
        body = JSON.stringify({
          event: 'payment',
          merchantOrderId: order.merchantOrderId,
          providerOrderId: order.id,
          transactionId: order.transactionId,
          status: order.status === 'SUCCESS' ? 'paid' : 'failed',
          amountFen: order.amountFen,
        });
      } else {
        const [refund] = await db.update(localPayRefund).set({ status: 'SUCCESS' }).where(eq(localPayRefund.id, id)).returning();
        if (!refund) return;
        url = refund.notifyUrl;
        body = JSON.stringify({ event: 'refund', merchantRefundId: refund.merchantRefundId, providerRefundId: refund.id, status: 'refunded', amountFen: refund.amountFen });
      }
      const headers = { 'content-type': 'application/json', [SIGNATURE_HEADERS.serial]: KEY_SERIAL, ...signNotification(settings.key, body, clock.now()) };
      const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.any([ctx.signal, AbortSignal.timeout(10_000)]) });
      const answer = await res.text();
      if (!res.ok) throw new Error(`notification to ${new URL(url).pathname} answered ${res.status}: ${answer.slice(0, 200)}`);
    },
  };

  return { provider, confirm, findOrder, notifyJob };
}

export type LocalProvider = ReturnType<typeof createLocalProvider>;

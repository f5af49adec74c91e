// Use cases of payments: create an order for a matter's fee, settle it from the provider's verified
// notification (exactly once), close expired orders, request, decide and pay refunds, print receipts.
// Every change of an order or refund appends its event in the same transaction, so it reaches the
// evidence ledger and the matter's realtime room.
import type { TFeeKind, TMatter, TPaymentCreate, TPaymentOrder, TPaymentPurpose, TRefund, TRefundCreate, TRefundDecision, TRefundReason, TRefundStatus, TPaymentStatus } from '@opencourt/contracts';
import type { FastifyBaseLogger } from 'fastify';
import { can, usersStore, type Actor, type MatterFacts } from '../../platform/auth/index.ts';
import type { Clock, IdGenerator } from '../../platform/clock/index.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { renderPdf } from '../../platform/documents/index.ts';
import { appendEvent } from '../../platform/events/index.ts';
import { CommonErrors } from '../../platform/http/index.ts';
import type { FeeSchedule } from '../fees/index.ts';
import { FEE_KIND_NAMES, paymentReceipt, refundReceipt, type ReceiptContext } from './payments.document.ts';
import { PaymentErrors } from './payments.errors.ts';
import { mayDecideRefund, mayPay, mayRequestRefund } from './payments.policy.ts';
import { applyPaymentNotice, applyRefundNotice, newReceiptCode, orderAmount, purposeOf, PURPOSE_NAMES, refundAmount } from './payments.rules.ts';
import { paymentsStore as store, type OrderRow, type RefundRow } from './payments.store.ts';
import type { PaymentProvider, ProviderNotification } from './provider.ts';

export type PaymentMatters = {
  /** Inside a transaction pass it, so a matter created in that transaction is seen. */
  factsOf(matterId: string, tx?: Executor): Promise<MatterFacts | undefined>;
  getMatter(actor: Actor, matterId: string): Promise<TMatter>;
};

export type PaymentSettings = {
  orderTimeoutMs: number;
  /** Where providers post notifications; by default the address the payer's request reached. */
  notifyBaseUrl?: string;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const refundView = (r: RefundRow): TRefund => ({
  id: r.id,
  orderId: r.orderId,
  reason: r.reason as TRefundReason,
  amountFen: r.amountFen,
  basis: r.basis,
  status: r.status as TRefundStatus,
  note: r.note,
  requestedAt: r.createdAt.toISOString(),
  decidedAt: iso(r.decidedAt),
  refundedAt: iso(r.refundedAt),
  receiptCode: r.receiptCode,
});

const orderView = (o: OrderRow, refunds: RefundRow[]): TPaymentOrder => ({
  id: o.id,
  matterId: o.matterId,
  purpose: purposeOf(o.fee),
  feeKind: o.fee.kind,
  procedure: o.fee.procedure,
  baseFen: o.fee.amountFen,
  amountFen: o.amountFen,
  refundedFen: refunds.filter((r) => r.status === 'refunded').reduce((sum, r) => sum + r.amountFen, 0),
  status: o.status as TPaymentStatus,
  payUrl: o.status === 'pending' ? o.payUrl : null,
  createdAt: o.createdAt.toISOString(),
  expiresAt: o.expiresAt.toISOString(),
  paidAt: iso(o.paidAt),
  receiptCode: o.receiptCode,
  refunds: refunds.filter((r) => r.orderId === o.id).map(refundView),
});

export function createPaymentService(deps: {
  db: Db;
  clock: Clock;
  id: IdGenerator;
  matters: PaymentMatters;
  provider: PaymentProvider;
  schedule: FeeSchedule;
  settings: PaymentSettings;
  log?: FastifyBaseLogger;
}) {
  const { db, clock, id, provider, schedule, settings } = deps;

  /** The matter's facts when the actor may read it; a matter they may not see looks missing. */
  async function readableMatter(actor: Actor, matterId: string, tx?: Executor): Promise<MatterFacts> {
    const facts = await deps.matters.factsOf(matterId, tx);
    if (!facts || !can(actor, 'matter.read', facts)) throw PaymentErrors.PAYMENT_NOT_FOUND('案件不存在或无权查看');
    return facts;
  }

  async function readableOrder(actor: Actor, orderId: string, q: Executor = db, lock = false) {
    const order = await store.order(q, orderId, { lock });
    if (!order) throw PaymentErrors.PAYMENT_NOT_FOUND();
    const facts = await deps.matters.factsOf(order.matterId);
    if (!facts || !can(actor, 'matter.read', facts)) throw PaymentErrors.PAYMENT_NOT_FOUND();
    return { order, facts };
  }

  async function viewOf(q: Executor, order: OrderRow) {
    return orderView(order, await store.refundsOf(q, [order.id]));
  }

  async function courtName(courtId: string) {
    return (await usersStore.findOrganisation(db, courtId))?.name ?? '人民法院';
  }

  const event = (tx: Executor, type: string, matterId: string, actorId: string | null, payload: Record<string, unknown>) =>
    appendEvent(tx, { type, aggregateType: 'matter', aggregateId: matterId, actorId, payload });

  return {
    async createOrder(actor: Actor, matterId: string, input: TPaymentCreate, origin: string, tx: Executor): Promise<TPaymentOrder> {
      const facts = await readableMatter(actor, matterId, tx);
      if (!mayPay(actor, facts)) throw PaymentErrors.PAYMENT_NOT_ALLOWED();
      const amountFen = orderAmount(input.fee, input.amountFen, schedule);
      const now = clock.now();
      const row = {
        id: id(),
        matterId,
        payerId: actor.userId,
        fee: input.fee,
        amountFen,
        status: 'pending',
        provider: provider.name,
        expiresAt: new Date(now.getTime() + settings.orderTimeoutMs),
        createdAt: now,
        updatedAt: now,
      };
      await store.insertOrder(tx, row);
      const base = settings.notifyBaseUrl ?? origin;
      let created: { providerOrderId: string; payUrl: string };
      try {
        created = await provider.createOrder({
          merchantOrderId: row.id,
          amountFen,
          description: `${PURPOSE_NAMES[purposeOf(input.fee)]}：${FEE_KIND_NAMES[input.fee.kind as TFeeKind]}`,
          payee: await courtName(facts.courtId),
          notifyUrl: `${base}/api/v1/payments/callbacks/${provider.name}`,
          returnUrl: `${origin}/matters/${matterId}?payment=${row.id}`,
          expiresAt: row.expiresAt,
        });
      } catch (err) {
        deps.log?.error({ err }, 'the payment provider refused to create an order');
        throw PaymentErrors.PAYMENT_PROVIDER_UNAVAILABLE();
      }
      await store.updateOrder(tx, row.id, { providerOrderId: created.providerOrderId, payUrl: created.payUrl });
      await event(tx, 'payment.order.created', matterId, actor.userId, { orderId: row.id, amountFen, feeKind: input.fee.kind, provider: provider.name });
      return viewOf(tx, (await store.order(tx, row.id))!);
    },

    async listOrders(actor: Actor, matterId: string): Promise<TPaymentOrder[]> {
      await readableMatter(actor, matterId);
      const orders = await store.ordersOfMatter(db, matterId);
      const refunds = await store.refundsOf(db, orders.map((o) => o.id));
      return orders.map((o) => orderView(o, refunds));
    },

    async getOrder(actor: Actor, orderId: string): Promise<TPaymentOrder> {
      const { order } = await readableOrder(actor, orderId);
      return viewOf(db, order);
    },

    /**
     * A provider's notification. Nothing is trusted before the signature and timestamp check; the
     * nonce is claimed in the same transaction as the change, so a replay is refused and a refused
     * notification leaves nothing behind.
     */
    async handleNotification(providerName: string, headers: Record<string, string | string[] | undefined>, rawBody: string) {
      if (providerName !== provider.name) throw PaymentErrors.PAYMENT_CALLBACK_UNKNOWN_ORDER(`未启用的支付渠道：${providerName}`);
      const n: ProviderNotification = provider.verifyNotification(headers, rawBody);
      return db.transaction(async (tx) => {
        if (!(await store.claimNonce(tx, provider.name, n.nonce))) throw PaymentErrors.PAYMENT_CALLBACK_REPLAYED();
        const now = clock.now();
        if (n.event === 'payment') {
          const found = UUID.test(n.merchantOrderId) ? await store.order(tx, n.merchantOrderId, { lock: true }) : undefined;
          const order = found?.provider === provider.name && found.providerOrderId === n.providerOrderId ? found : undefined;
          const outcome = applyPaymentNotice(order && { status: order.status as TPaymentStatus, amountFen: order.amountFen }, n);
          if ('apply' in outcome) {
            const paid = outcome.apply === 'paid';
            await store.updateOrder(tx, order!.id, {
              status: outcome.apply,
              updatedAt: now,
              ...(paid ? { paidAt: now, providerTransactionId: n.transactionId, receiptCode: newReceiptCode() } : { closedAt: now }),
            });
            await event(tx, paid ? 'payment.order.paid' : 'payment.order.failed', order!.matterId, null, { orderId: order!.id, amountFen: n.amountFen, transactionId: n.transactionId });
          }
          return { resource: { type: 'payment_order', id: order!.id }, applied: 'apply' in outcome };
        }
        const found = UUID.test(n.merchantRefundId) ? await store.refund(tx, n.merchantRefundId, { lock: true }) : undefined;
        const refund = found?.providerRefundId === n.providerRefundId ? found : undefined;
        const outcome = applyRefundNotice(refund, n);
        if ('apply' in outcome) {
          const refunded = outcome.apply === 'refunded';
          await store.updateRefund(tx, refund!.id, { status: outcome.apply, ...(refunded ? { refundedAt: now, receiptCode: newReceiptCode() } : {}) });
          await event(tx, refunded ? 'payment.refund.refunded' : 'payment.refund.failed', refund!.matterId, null, { refundId: refund!.id, orderId: refund!.orderId, amountFen: n.amountFen });
        }
        return { resource: { type: 'payment_refund', id: refund!.id }, applied: 'apply' in outcome };
      });
    },

    /**
     * Closes orders past their time. The provider is asked first: an order it has been paid for is left
     * for its notification to settle; an unpaid one is closed there first, so it cannot be paid after.
     */
    async expireOrders(limit = 100): Promise<{ closed: number; awaitingNotice: number }> {
      let closed = 0;
      let awaitingNotice = 0;
      for (const o of await store.expiredPending(db, clock.now(), limit)) {
        if (o.providerOrderId) {
          const remote = await provider.queryOrder(o.providerOrderId);
          if (remote.status === 'paid' || (remote.status === 'pending' && !(await provider.closeOrder(o.providerOrderId)).closed)) {
            awaitingNotice++;
            continue;
          }
        }
        const done = await db.transaction(async (tx) => {
          const current = await store.order(tx, o.id, { lock: true });
          if (current?.status !== 'pending') return false;
          await store.updateOrder(tx, o.id, { status: 'closed', closedAt: clock.now(), updatedAt: clock.now() });
          await event(tx, 'payment.order.closed', o.matterId, null, { orderId: o.id, reason: 'expired' });
          return true;
        });
        if (done) closed++;
      }
      return { closed, awaitingNotice };
    },

    async requestRefund(actor: Actor, orderId: string, input: TRefundCreate, tx: Executor): Promise<TRefund> {
      const { order, facts } = await readableOrder(actor, orderId, tx, true);
      if (!mayRequestRefund(actor, facts)) throw CommonErrors.FORBIDDEN('退费由本案当事人、代理人或书记员、法官申请');
      const committedRefundFen = await store.committedRefundFen(tx, order.id);
      const { amountFen, basis } = refundAmount({ fee: order.fee, amountFen: order.amountFen, status: order.status as TPaymentStatus, committedRefundFen }, input.reason, input.amountFen, schedule);
      const row = { id: id(), orderId: order.id, matterId: order.matterId, reason: input.reason, basis, amountFen, status: 'requested', note: input.note ?? null, requestedBy: actor.userId, createdAt: clock.now() };
      await store.insertRefund(tx, row);
      await event(tx, 'payment.refund.requested', order.matterId, actor.userId, { refundId: row.id, orderId: order.id, amountFen, reason: input.reason });
      return refundView((await store.refund(tx, row.id))!);
    },

    /** Staff approve (the provider then pays it back) or refuse a refund request. */
    async decideRefund(actor: Actor, refundId: string, decision: TRefundDecision, origin: string): Promise<TRefund> {
      return db.transaction(async (tx) => {
        const refund = await store.refund(tx, refundId, { lock: true });
        const facts = refund && (await deps.matters.factsOf(refund.matterId));
        if (!refund || !facts || !can(actor, 'matter.read', facts)) throw PaymentErrors.REFUND_NOT_FOUND();
        if (!mayDecideRefund(actor, facts)) throw PaymentErrors.REFUND_APPROVER_REQUIRED();
        if (refund.status !== 'requested') throw PaymentErrors.REFUND_NOT_PENDING();
        const now = clock.now();
        const note = decision.note ?? refund.note;
        if (!decision.approve) {
          await store.updateRefund(tx, refund.id, { status: 'rejected', decidedBy: actor.userId, decidedAt: now, note });
          await event(tx, 'payment.refund.rejected', refund.matterId, actor.userId, { refundId: refund.id, orderId: refund.orderId });
          return refundView((await store.refund(tx, refund.id))!);
        }
        const order = (await store.order(tx, refund.orderId, { lock: true }))!;
        await store.updateRefund(tx, refund.id, { status: 'approved', decidedBy: actor.userId, decidedAt: now, note });
        await event(tx, 'payment.refund.approved', refund.matterId, actor.userId, { refundId: refund.id, orderId: refund.orderId, amountFen: refund.amountFen });
        let providerRefundId: string;
        try {
          ({ providerRefundId } = await provider.refund({
            providerOrderId: order.providerOrderId!,
            merchantRefundId: refund.id,
            amountFen: refund.amountFen,
            notifyUrl: `${settings.notifyBaseUrl ?? origin}/api/v1/payments/callbacks/${provider.name}`,
          }));
        } catch (err) {
          deps.log?.error({ err }, 'the payment provider refused a refund');
          throw PaymentErrors.PAYMENT_PROVIDER_UNAVAILABLE();
        }
        await store.updateRefund(tx, refund.id, { providerRefundId });
        return refundView((await store.refund(tx, refund.id))!);
      });
    },

    async paymentReceiptPdf(actor: Actor, orderId: string): Promise<Uint8Array> {
      const { order } = await readableOrder(actor, orderId);
      if (order.status !== 'paid' && !(order.paidAt && order.receiptCode)) throw PaymentErrors.PAYMENT_NOT_FOUND('该订单尚未缴费成功，没有收费凭证');
      return renderPdf(paymentReceipt(order, await receiptContext(actor, order), schedule));
    },

    async refundReceiptPdf(actor: Actor, refundId: string): Promise<Uint8Array> {
      const refund = await store.refund(db, refundId);
      if (!refund) throw PaymentErrors.REFUND_NOT_FOUND();
      const { order } = await readableOrder(actor, refund.orderId).catch(() => {
        throw PaymentErrors.REFUND_NOT_FOUND();
      });
      if (refund.status !== 'refunded') throw PaymentErrors.REFUND_NOT_FOUND('该退费尚未完成，没有退费凭证');
      return renderPdf(refundReceipt(order, refund, await receiptContext(actor, order)));
    },

    /** The public check of a receipt's code: what it is for and how much, without names. */
    async verifyReceipt(code: string): Promise<{ kind: 'payment' | 'refund'; purpose: TPaymentPurpose; amountFen: number; at: string } | undefined> {
      const { order, refund } = await store.byReceiptCode(db, code);
      if (order?.paidAt) return { kind: 'payment', purpose: purposeOf(order.fee), amountFen: order.amountFen, at: order.paidAt.toISOString() };
      if (refund?.refundedAt) {
        const of = (await store.order(db, refund.orderId))!;
        return { kind: 'refund', purpose: purposeOf(of.fee), amountFen: refund.amountFen, at: refund.refundedAt.toISOString() };
      }
      return undefined;
    },
  };

  async function receiptContext(actor: Actor, order: OrderRow): Promise<ReceiptContext> {
    const matter = await deps.matters.getMatter(actor, order.matterId);
    return {
      matterTitle: matter.title,
      caseNumber: matter.caseNumber,
      courtName: await courtName(matter.courtId),
      payerName: matter.participants.find((p) => p.userId === order.payerId)?.displayName ?? '',
      provider: order.provider === 'local' ? '本地支付' : order.provider,
    };
  }
}

export type PaymentService = ReturnType<typeof createPaymentService>;

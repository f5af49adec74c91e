import { ZPaymentCallbackAck, ZPaymentCreate, ZPaymentOrder, ZPaymentOrderList, ZPaymentPurpose, ZRefund, ZRefundCreate, ZRefundDecision } from '@opencourt/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/auth/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, runIdempotent } from '../../platform/http/index.ts';
import { PaymentErrors } from './payments.errors.ts';
import type { PaymentService } from './payments.service.ts';

const tags = ['payments'];
const pdf = (reply: import('fastify').FastifyReply, bytes: Uint8Array, name: string) =>
  reply
    .type('application/pdf')
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'no-store')
    .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

/** The address the request reached (behind a proxy, what it forwarded): the payer comes back there. */
const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/** What each notification did, for its audit entry (refusals included). */
const callbackOutcome = new WeakMap<FastifyRequest, Record<string, unknown>>();

export async function paymentsRoutes(app: FastifyInstance, opts: { db: Db; payments: PaymentService }) {
  const { payments } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/matters/:matterId/payments', {
    schema: { tags, summary: '为案件创建缴费订单（当事人或代理人；支持 Idempotency-Key）', params: z.object({ matterId: z.uuid() }), body: ZPaymentCreate, response: { 201: ZPaymentOrder } },
    config: { audit: { action: 'payment.order.create' } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const result = await runIdempotent(opts.db, request, actor.userId, 201, (tx) => payments.createOrder(actor, request.params.matterId, request.body, originOf(request), tx));
    request.auditResource = { type: 'payment_order', id: result.body.id };
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(201).send(result.body);
  });

  r.get('/matters/:matterId/payments', {
    schema: { tags, summary: '案件的缴费订单与退费', params: z.object({ matterId: z.uuid() }), response: { 200: ZPaymentOrderList } },
  }, async (request) => ({ items: await payments.listOrders(requireActor(request), request.params.matterId) }));

  r.get('/payments/:id', {
    schema: { tags, summary: '缴费订单详情', params: z.object({ id: z.uuid() }), response: { 200: ZPaymentOrder } },
  }, async (request) => payments.getOrder(requireActor(request), request.params.id));

  r.get('/payments/:id/receipt.pdf', {
    schema: { tags, summary: '收费凭证（PDF）', params: z.object({ id: z.uuid() }), produces: ['application/pdf'], response: { 200: z.any().describe('application/pdf') } },
  }, async (request, reply) => pdf(reply, await payments.paymentReceiptPdf(requireActor(request), request.params.id), 'payment-receipt.pdf'));

  r.post('/payments/:id/refunds', {
    schema: { tags, summary: '申请退费（金额按《诉讼费用交纳办法》计算）', params: z.object({ id: z.uuid() }), body: ZRefundCreate, response: { 201: ZRefund } },
    config: { audit: { action: 'payment.refund.request' } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const result = await runIdempotent(opts.db, request, actor.userId, 201, (tx) => payments.requestRefund(actor, request.params.id, request.body, tx));
    request.auditResource = { type: 'payment_refund', id: result.body.id };
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(201).send(result.body);
  });

  r.post('/refunds/:id/decision', {
    schema: { tags, summary: '审批退费（本案书记员或法官）', params: z.object({ id: z.uuid() }), body: ZRefundDecision, response: { 200: ZRefund } },
    config: { audit: { action: 'payment.refund.decide', detail: (request) => ({ approve: (request.body as { approve?: boolean }).approve }) } },
  }, async (request) => payments.decideRefund(requireActor(request), request.params.id, request.body, originOf(request)));

  r.get('/refunds/:id/receipt.pdf', {
    schema: { tags, summary: '退费凭证（PDF）', params: z.object({ id: z.uuid() }), produces: ['application/pdf'], response: { 200: z.any().describe('application/pdf') } },
  }, async (request, reply) => pdf(reply, await payments.refundReceiptPdf(requireActor(request), request.params.id), 'refund-receipt.pdf'));

  r.get('/payments/receipts/:code', {
    schema: {
      tags,
      summary: '核验收费或退费凭证（无需登录）',
      params: z.object({ code: z.string().regex(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/, '验证码格式应为 XXXX-XXXX-XXXX-XXXX') }),
      response: { 200: z.object({ kind: z.enum(['payment', 'refund']), purpose: ZPaymentPurpose, amountFen: z.number().int(), at: z.string() }) },
    },
  }, async (request) => {
    const found = await payments.verifyReceipt(request.params.code);
    if (!found) throw PaymentErrors.PAYMENT_NOT_FOUND('没有这个验证码的凭证');
    return found;
  });

  // Providers' notifications: verified over the exact bytes received, so the body stays a string here.
  await app.register(async (callbacks) => {
    callbacks.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => done(null, body));
    callbacks.withTypeProvider<ZodTypeProvider>().post('/payments/callbacks/:provider', {
      schema: { tags, summary: '支付渠道异步通知（验签、防重放）', params: z.object({ provider: z.string().regex(/^[a-z0-9-]{1,30}$/) }), body: z.string(), response: { 200: ZPaymentCallbackAck } },
      config: { audit: { action: 'payment.callback', detail: (request) => callbackOutcome.get(request) ?? {} } },
    }, async (request) => {
      try {
        const done = await payments.handleNotification(request.params.provider, request.headers, request.body);
        request.auditResource = done.resource;
        callbackOutcome.set(request, { outcome: done.applied ? 'applied' : 'duplicate' });
        return { code: 'SUCCESS' as const, message: done.applied ? '成功' : '重复通知，已处理' };
      } catch (err) {
        if (err instanceof AppError) callbackOutcome.set(request, { outcome: 'refused', code: err.code });
        throw err;
      }
    });
  });
}

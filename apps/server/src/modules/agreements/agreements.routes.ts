import { ZAgreement, ZAgreementClose, ZAgreementDraft, ZAgreementSign, ZAgreementTransition, ZAgreementUpdate, ZSignCodeSent } from '@opencourt/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/auth/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { runIdempotent } from '../../platform/http/index.ts';
import type { AgreementService } from './agreements.service.ts';

const tags = ['agreements'];
const params = z.object({ id: z.uuid() });

export async function agreementsRoutes(app: FastifyInstance, opts: { db: Db; agreements: AgreementService }) {
  const { agreements } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/matters/:matterId/agreements', {
    schema: { tags, summary: '起草调解协议（本案调解员；支持 Idempotency-Key）', params: z.object({ matterId: z.uuid() }), body: ZAgreementDraft, response: { 201: ZAgreement } },
    config: { audit: { action: 'agreement.draft' } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const result = await runIdempotent(opts.db, request, actor.userId, 201, (tx) => agreements.draft(actor, request.params.matterId, request.body.terms, tx));
    request.auditResource = { type: 'mediation_agreement', id: result.body.id };
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(201).send(result.body);
  });

  r.get('/matters/:matterId/agreements', {
    schema: { tags, summary: '案件的调解协议', params: z.object({ matterId: z.uuid() }), response: { 200: z.object({ items: z.array(ZAgreement) }) } },
  }, async (request) => ({ items: await agreements.listForMatter(requireActor(request), request.params.matterId) }));

  r.get('/agreements/:id', { schema: { tags, summary: '调解协议详情', params, response: { 200: ZAgreement } } }, async (request) => agreements.get(requireActor(request), request.params.id));

  r.get('/agreements/:id/document.pdf', {
    schema: { tags, summary: '调解协议（PDF；未生效的标注为草稿）', params, produces: ['application/pdf'], response: { 200: z.any().describe('application/pdf') } },
  }, async (request, reply) => {
    const bytes = await agreements.previewPdf(requireActor(request), request.params.id);
    return reply.type('application/pdf').header('content-disposition', 'inline; filename="agreement.pdf"').header('cache-control', 'no-store').send(Buffer.from(bytes));
  });

  r.put('/agreements/:id', {
    schema: { tags, summary: '修改调解协议草稿', params, body: ZAgreementUpdate, response: { 200: ZAgreement } },
    config: { audit: { action: 'agreement.revise' } },
  }, async (request) => agreements.revise(requireActor(request), request.params.id, request.body));

  r.post('/agreements/:id/open', {
    schema: { tags, summary: '提交各方签署', params, body: ZAgreementTransition, response: { 200: ZAgreement } },
    config: { audit: { action: 'agreement.open' } },
  }, async (request) => agreements.open(requireActor(request), request.params.id, request.body.expectedVersion));

  r.post('/agreements/:id/return', {
    schema: { tags, summary: '撤回签署、退回草稿（已签名作废）', params, body: ZAgreementTransition, response: { 200: ZAgreement } },
    config: { audit: { action: 'agreement.return' } },
  }, async (request) => agreements.returnToDraft(requireActor(request), request.params.id, request.body.expectedVersion));

  r.post('/agreements/:id/close', {
    schema: { tags, summary: '记录调解不成或撤回（须写明原因）', params, body: ZAgreementClose, response: { 200: ZAgreement } },
    config: { audit: { action: 'agreement.close' } },
  }, async (request) => agreements.close(requireActor(request), request.params.id, request.body));

  r.post('/agreements/:id/sign-code', {
    schema: { tags, summary: '发送签署验证码到本人手机', params, response: { 200: ZSignCodeSent } },
    config: { audit: { action: 'agreement.sign_code' }, rateLimit: { max: 10, timeWindow: '1 minute' } },
  }, async (request) => agreements.sendSignCode(requireActor(request), request.params.id, request.ip));

  r.post('/agreements/:id/signatures', {
    schema: { tags, summary: '手写签名并以验证码确认（支持 Idempotency-Key）', params, body: ZAgreementSign, response: { 200: ZAgreement } },
    config: { audit: { action: 'agreement.sign' } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const result = await runIdempotent(opts.db, request, actor.userId, 200, (tx) => agreements.sign(actor, request.params.id, request.body, tx));
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return result.body;
  });
}

import {
  ZFiling,
  ZFilingDecision,
  ZFilingList,
  ZFilingListQuery,
  ZFilingResubmit,
  ZFilingSubmit,
  ZPreservation,
  ZPreservationDecision,
  ZPreservationList,
  ZPreservationSubmit,
} from '@opencourt/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/auth/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { runIdempotent } from '../../platform/http/index.ts';
import type { FilingService } from './filing.service.ts';
import type { PreservationService } from './preservation.service.ts';

const tags = ['filing'];
const params = z.object({ id: z.uuid() });
const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;
const pdf = (reply: FastifyReply, bytes: Uint8Array, name: string) =>
  reply
    .type('application/pdf')
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'no-store')
    .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
const pdfResponse = { 200: z.any().describe('application/pdf') };

export async function filingRoutes(app: FastifyInstance, opts: { db: Db; filing: FilingService; preservation: PreservationService }) {
  const { filing, preservation } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/filings', {
    schema: { tags, summary: '网上立案：提交民事起诉状（当事人或代理人；支持 Idempotency-Key）', body: ZFilingSubmit, response: { 201: ZFiling } },
    config: { audit: { action: 'filing.submit' } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const result = await runIdempotent(opts.db, request, actor.userId, 201, (tx) => filing.submit(actor, request.body, tx));
    request.auditResource = { type: 'filing_application', id: result.body.id };
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(201).send(result.body);
  });

  r.get('/filing/courts', {
    schema: { tags, summary: '可以网上立案的法院', response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) }) } },
  }, async (request) => {
    requireActor(request);
    return { items: await filing.courts() };
  });

  r.get('/filings', {
    schema: { tags, summary: '我的立案申请（scope=mine）或本院立案审查队列（scope=queue，书记员）', querystring: ZFilingListQuery, response: { 200: ZFilingList } },
  }, async (request) => filing.list(requireActor(request), request.query));

  r.get('/filings/:id', { schema: { tags, summary: '立案申请详情', params, response: { 200: ZFiling } } }, async (request) => filing.get(requireActor(request), request.params.id));

  r.put('/filings/:id', {
    schema: { tags, summary: '补正后重新提交（须在补正期限内）', params, body: ZFilingResubmit, response: { 200: ZFiling } },
    config: { audit: { action: 'filing.resubmit' } },
  }, async (request) => {
    request.auditResource = { type: 'filing_application', id: request.params.id };
    return filing.resubmit(requireActor(request), request.params.id, request.body.version, request.body.filing);
  });

  r.post('/filings/:id/decision', {
    schema: { tags, summary: '立案审查：登记立案、通知补正或不予受理（本院书记员；须带所见版本号）', params, body: ZFilingDecision, response: { 200: ZFiling } },
    config: { audit: { action: 'filing.decide', detail: (request) => ({ action: (request.body as { action?: string }).action }) } },
  }, async (request) => {
    request.auditResource = { type: 'filing_application', id: request.params.id };
    return filing.decide(requireActor(request), request.params.id, request.body, originOf(request));
  });

  r.get('/filings/:id/complaint.pdf', { schema: { tags, summary: '民事起诉状（PDF）', params, produces: ['application/pdf'], response: pdfResponse } }, async (request, reply) =>
    pdf(reply, await filing.complaintPdf(requireActor(request), request.params.id), 'complaint.pdf'),
  );
  r.get('/filings/:id/ruling.pdf', { schema: { tags, summary: '不予受理民事裁定书（PDF）', params, produces: ['application/pdf'], response: pdfResponse } }, async (request, reply) =>
    pdf(reply, await filing.rulingPdf(requireActor(request), request.params.id), 'ruling.pdf'),
  );
  r.get('/filings/:id/fee-notice.pdf', { schema: { tags, summary: '交纳诉讼费用通知书（PDF）', params, produces: ['application/pdf'], response: pdfResponse } }, async (request, reply) =>
    pdf(reply, await filing.feeNoticePdf(requireActor(request), request.params.id), 'fee-notice.pdf'),
  );

  r.post('/preservations', {
    schema: { tags, summary: '申请财产保全（诉前或诉讼中；支持 Idempotency-Key）', body: ZPreservationSubmit, response: { 201: ZPreservation } },
    config: { audit: { action: 'preservation.submit' } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const result = await runIdempotent(opts.db, request, actor.userId, 201, (tx) => preservation.submit(actor, request.body, originOf(request), tx));
    request.auditResource = { type: 'preservation_application', id: result.body.id };
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(201).send(result.body);
  });

  r.get('/preservations', {
    schema: { tags, summary: '我的保全申请或本院保全审查队列', querystring: z.strictObject({ scope: z.enum(['mine', 'queue']).default('mine') }), response: { 200: ZPreservationList } },
  }, async (request) => preservation.list(requireActor(request), request.query.scope));

  r.get('/preservations/:id', { schema: { tags, summary: '保全申请详情', params, response: { 200: ZPreservation } } }, async (request) => preservation.get(requireActor(request), request.params.id));

  r.post('/preservations/:id/decision', {
    schema: { tags, summary: '保全审查：准许或驳回（本院书记员）', params, body: ZPreservationDecision, response: { 200: ZPreservation } },
    config: { audit: { action: 'preservation.decide', detail: (request) => ({ action: (request.body as { action?: string }).action }) } },
  }, async (request) => {
    request.auditResource = { type: 'preservation_application', id: request.params.id };
    return preservation.decide(requireActor(request), request.params.id, request.body);
  });
}

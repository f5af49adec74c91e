import { ZAppealCreate, ZCertificate, ZCertificateCheck, ZCertificateCheckQuery, ZDecision, ZDecisionCreate, ZDecisionList, ZServicesAdd } from '@opencourt/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/auth/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { runIdempotent } from '../../platform/http/index.ts';
import type { DecisionService } from './decisions.service.ts';

const tags = ['decisions'];
/** The address the request reached: the certificate's QR code links back there. */
const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

export async function decisionsRoutes(app: FastifyInstance, opts: { db: Db; decisions: DecisionService; verifyPerMinute: number }) {
  const { decisions } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/matters/:matterId/decisions', {
    schema: { tags, summary: '录入裁判文书及送达情况（本案法官或书记员；支持 Idempotency-Key）', params: z.object({ matterId: z.uuid() }), body: ZDecisionCreate, response: { 201: ZDecision } },
    config: { audit: { action: 'decision.record' } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const result = await runIdempotent(opts.db, request, actor.userId, 201, (tx) => decisions.recordDecision(actor, request.params.matterId, request.body, tx));
    request.auditResource = { type: 'decision', id: result.body.id };
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(201).send(result.body);
  });

  r.get('/matters/:matterId/decisions', {
    schema: { tags, summary: '案件的裁判文书、送达与生效情况', params: z.object({ matterId: z.uuid() }), response: { 200: ZDecisionList } },
  }, async (request) => ({ items: await decisions.listDecisions(requireActor(request), request.params.matterId) }));

  r.post('/decisions/:id/services', {
    schema: { tags, summary: '补录送达（本案法官或书记员）', params: z.object({ id: z.uuid() }), body: ZServicesAdd, response: { 200: ZDecision } },
    config: { audit: { action: 'decision.serve' } },
  }, async (request) => {
    request.auditResource = { type: 'decision', id: request.params.id };
    return decisions.addServices(requireActor(request), request.params.id, request.body.services);
  });

  r.post('/decisions/:id/appeals', {
    schema: { tags, summary: '登记上诉（本案法官或书记员）：文书不再生效', params: z.object({ id: z.uuid() }), body: ZAppealCreate, response: { 200: ZDecision } },
    config: { audit: { action: 'decision.appeal' } },
  }, async (request) => {
    request.auditResource = { type: 'decision', id: request.params.id };
    return decisions.recordAppeal(requireActor(request), request.params.id, request.body);
  });

  r.post('/decisions/:id/certificates', {
    schema: { tags, summary: '当事人自助出具生效证明（PDF；支持 Idempotency-Key）', params: z.object({ id: z.uuid() }), response: { 201: ZCertificate } },
    config: { audit: { action: 'decision.certificate.issue' } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const result = await decisions.issueCertificate(actor, request.params.id, originOf(request), (work) => runIdempotent(opts.db, request, actor.userId, 201, work));
    request.auditResource = { type: 'decision_certificate', id: result.body.id };
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(201).send(result.body);
  });

  r.get('/certificates/:id/pdf', {
    schema: { tags, summary: '下载生效证明（PDF）', params: z.object({ id: z.uuid() }), produces: ['application/pdf'], response: { 200: z.any().describe('application/pdf') } },
  }, async (request, reply) => {
    const { content } = await decisions.openCertificate(requireActor(request), request.params.id, request.log);
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="certificate.pdf"; filename*=UTF-8''${encodeURIComponent('生效证明.pdf')}`)
      .header('cache-control', 'no-store')
      .send(content);
  });

  r.get('/certificates/verify', {
    schema: { tags, summary: '核验生效证明（无需登录；可附 PDF 的 SHA-256 核对文件）', querystring: ZCertificateCheckQuery, response: { 200: ZCertificateCheck } },
    config: { rateLimit: { max: opts.verifyPerMinute, timeWindow: '1 minute' } },
  }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return decisions.verifyCertificate(request.query.code, request.query.sha256);
  });
}

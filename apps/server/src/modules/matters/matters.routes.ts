import { ZCaseType, ZCaseTypeCode, ZCaseTypeList, ZCaseTypeUpdate, ZMatter, ZMatterCreate, ZMatterPage } from '@opencourt/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/auth/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { ZPageQuery, runIdempotent } from '../../platform/http/index.ts';
import type { CaseNumbers } from './case-numbers.service.ts';
import type { MatterService } from './matters.service.ts';

export async function mattersRoutes(app: FastifyInstance, opts: { db: Db; matters: MatterService; caseNumbers: CaseNumbers }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['matters'];

  r.post('/matters', {
    schema: { tags, summary: '新建案件', body: ZMatterCreate, response: { 201: ZMatter } },
    config: { audit: { action: 'matter.create' } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const result = await runIdempotent(opts.db, request, actor.userId, 201, (tx) => opts.matters.createMatter(actor, request.body, tx));
    request.auditResource = { type: 'matter', id: result.body.id };
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(201).send(result.body);
  });

  r.get('/matters', {
    schema: { tags, summary: '我可查看的案件', querystring: ZPageQuery, response: { 200: ZMatterPage } },
  }, async (request) => opts.matters.listMatters(requireActor(request), request.query));

  r.get('/matters/:id', {
    schema: { tags, summary: '案件详情', params: z.object({ id: z.uuid() }), response: { 200: ZMatter } },
  }, async (request) => opts.matters.getMatter(requireActor(request), request.params.id));

  r.get('/courts/:courtId/case-types', {
    schema: { tags, summary: '本院案件类型代字', params: z.object({ courtId: z.uuid() }), response: { 200: ZCaseTypeList } },
  }, async (request) => {
    requireActor(request);
    return { items: await opts.caseNumbers.typesOf(request.params.courtId) };
  });

  r.put('/courts/:courtId/case-types/:code', {
    schema: { tags, summary: '修改、停用或新增本院的案件类型代字（本院技术管理员）', params: z.object({ courtId: z.uuid(), code: ZCaseTypeCode }), body: ZCaseTypeUpdate, response: { 200: ZCaseType } },
    config: { audit: { action: 'court.case_type.save' } },
  }, async (request) => {
    const actor = requireActor(request);
    request.auditResource = { type: 'court', id: request.params.courtId };
    return opts.caseNumbers.saveType(actor, request.params.courtId, request.params.code, request.body);
  });
}

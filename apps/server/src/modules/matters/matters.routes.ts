import { ZMatter, ZMatterCreate, ZMatterPage } from '@opencourt/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/auth/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { ZPageQuery, runIdempotent } from '../../platform/http/index.ts';
import type { MatterService } from './matters.service.ts';

export async function mattersRoutes(app: FastifyInstance, opts: { db: Db; matters: MatterService }) {
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
}

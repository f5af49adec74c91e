import { ZAuditPage, ZAuditQuery } from '@opencourt/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../auth/auth.plugin.ts';
import type { Db } from '../db/database.ts';
import { decodeCursor, pageOf } from '../http/pagination.ts';
import { auditStore } from './audit.store.ts';

export async function auditRoutes(app: FastifyInstance, opts: { db: Db }) {
  app.withTypeProvider<ZodTypeProvider>().get('/audit', {
    schema: { tags: ['audit'], summary: '检索审计日志（管理员）', querystring: ZAuditQuery, response: { 200: ZAuditPage } },
  }, async (request) => {
    authorize(request, 'audit.read');
    const cursor = decodeCursor(request.query.cursor, z.object({ id: z.number().int() }));
    const rows = await auditStore.search(opts.db, request.query, cursor?.id);
    const { items, nextCursor } = pageOf(rows, request.query.limit, (r) => ({ id: r.id }));
    return {
      items: items.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actorId: r.actorId,
        actorLabel: r.actorLabel,
        action: r.action,
        resourceType: r.resourceType,
        resourceId: r.resourceId,
        outcome: r.outcome,
        statusCode: r.statusCode,
        ip: r.ip,
        userAgent: r.userAgent,
        requestId: r.requestId,
      })),
      nextCursor,
    };
  });
}

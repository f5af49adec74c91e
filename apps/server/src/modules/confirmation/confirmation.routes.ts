import { ZConfirmation } from '@opencourt/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/auth/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { runIdempotent } from '../../platform/http/index.ts';
import type { ConfirmationService } from './confirmation.service.ts';

const tags = ['confirmation'];
const params = z.object({ id: z.uuid() });

export async function confirmationRoutes(app: FastifyInstance, opts: { db: Db; confirmations: ConfirmationService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/agreements/:id/confirmation', {
    schema: { tags, summary: '一键申请司法确认（当事人本人；双方均申请后提交法院；支持 Idempotency-Key）', params, response: { 200: ZConfirmation } },
    config: { audit: { action: 'confirmation.apply' } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const result = await runIdempotent(opts.db, request, actor.userId, 200, (tx) => opts.confirmations.apply(actor, request.params.id, tx));
    request.auditResource = { type: 'confirmation_application', id: result.body.id };
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return result.body;
  });

  r.get('/agreements/:id/confirmation', {
    schema: { tags, summary: '调解协议的司法确认申请（尚无人申请时为 null）', params, response: { 200: ZConfirmation.nullable() } },
  }, async (request) => opts.confirmations.forAgreement(requireActor(request), request.params.id));
}

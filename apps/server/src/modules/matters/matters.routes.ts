import {
  ZAgentInput,
  ZAgentView,
  ZCaseType,
  ZCaseTypeCode,
  ZCaseTypeList,
  ZCaseTypeUpdate,
  ZClaimInput,
  ZClaimUpdate,
  ZClaimView,
  ZDeadlineInput,
  ZDeadlineView,
  ZDocumentAdd,
  ZDossier,
  ZDossierDocument,
  ZMatter,
  ZMatterClassify,
  ZMatterCreate,
  ZMatterOverview,
  ZMatterPage,
  ZPartyInput,
  ZPartyUpdate,
  ZPartyView,
  ZStaffAssign,
  ZStaffView,
  ZTimeline,
} from '@opencourt/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, type Actor } from '../../platform/auth/index.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
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

  const matterParams = z.object({ id: z.uuid() });
  /** Creates a client may retry: Idempotency-Key honoured, audited against the matter. */
  const idempotentCreate = async <T>(request: FastifyRequest, reply: FastifyReply, run: (actor: Actor, matterId: string, tx: Executor) => Promise<T>) => {
    const actor = requireActor(request);
    const { id } = request.params as { id: string };
    request.auditResource = { type: 'matter', id };
    const result = await runIdempotent(opts.db, request, actor.userId, 201, (tx) => run(actor, id, tx));
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(201).send(result.body);
  };

  r.post('/matters/:id/parties', {
    schema: { tags, summary: '追加当事人（承办人员）', params: matterParams, body: ZPartyInput, response: { 201: ZPartyView } },
    config: { audit: { action: 'matter.party.add' } },
  }, (request, reply) => idempotentCreate(request, reply, (a, id, tx) => opts.matters.addParty(a, id, request.body, tx)));

  r.post('/matters/:id/agents', {
    schema: { tags, summary: '追加代理人（承办人员）', params: matterParams, body: ZAgentInput, response: { 201: ZAgentView } },
    config: { audit: { action: 'matter.agent.add' } },
  }, (request, reply) => idempotentCreate(request, reply, (a, id, tx) => opts.matters.addAgent(a, id, request.body, tx)));

  r.post('/matters/:id/claims', {
    schema: { tags, summary: '追加请求事项（承办人员）', params: matterParams, body: ZClaimInput, response: { 201: ZClaimView } },
    config: { audit: { action: 'matter.claim.add' } },
  }, (request, reply) => idempotentCreate(request, reply, (a, id, tx) => opts.matters.addClaim(a, id, request.body, tx)));

  r.post('/matters/:id/deadlines', {
    schema: { tags, summary: '设定期限（承办人员）', params: matterParams, body: ZDeadlineInput, response: { 201: ZDeadlineView } },
    config: { audit: { action: 'matter.deadline.add' } },
  }, (request, reply) => idempotentCreate(request, reply, (a, id, tx) => opts.matters.addDeadline(a, id, request.body, tx)));

  r.post('/matters/:id/documents', {
    schema: { tags, summary: '将已上传的文件编入电子卷宗（承办人员）', params: matterParams, body: ZDocumentAdd, response: { 201: ZDossierDocument } },
    config: { audit: { action: 'matter.document.add' } },
  }, (request, reply) => idempotentCreate(request, reply, (a, id, tx) => opts.matters.addDocument(a, id, request.body, tx)));

  r.get('/matters/:id/documents', {
    schema: { tags, summary: '电子卷宗目录', params: matterParams, response: { 200: ZDossier } },
  }, async (request) => ({ items: await opts.matters.listDocuments(requireActor(request), request.params.id) }));

  r.patch('/matters/:id/parties/:partyId', {
    schema: { tags, summary: '修改当事人信息（承办人员）', params: z.object({ id: z.uuid(), partyId: z.uuid() }), body: ZPartyUpdate, response: { 200: ZPartyView } },
    config: { audit: { action: 'matter.party.update' } },
  }, async (request) => {
    request.auditResource = { type: 'matter', id: request.params.id };
    return opts.matters.updateParty(requireActor(request), request.params.id, request.params.partyId, request.body);
  });

  r.patch('/matters/:id/claims/:claimId', {
    schema: { tags, summary: '修改请求事项（承办人员）', params: z.object({ id: z.uuid(), claimId: z.uuid() }), body: ZClaimUpdate, response: { 200: ZClaimView } },
    config: { audit: { action: 'matter.claim.update' } },
  }, async (request) => {
    request.auditResource = { type: 'matter', id: request.params.id };
    return opts.matters.updateClaim(requireActor(request), request.params.id, request.params.claimId, request.body);
  });

  r.put('/matters/:id/classification', {
    schema: { tags, summary: '设定案由与行政区划（承办人员）', params: matterParams, body: ZMatterClassify, response: { 200: ZMatterOverview } },
    config: { audit: { action: 'matter.classify' } },
  }, async (request) => {
    const actor = requireActor(request);
    request.auditResource = { type: 'matter', id: request.params.id };
    await opts.matters.classify(actor, request.params.id, request.body);
    return opts.matters.getOverview(actor, request.params.id, { fresh: true });
  });

  r.post('/matters/:id/staff', {
    schema: { tags, summary: '指派承办人员', params: matterParams, body: ZStaffAssign, response: { 201: ZStaffView } },
    config: { audit: { action: 'matter.staff.assign' } },
  }, async (request, reply) => {
    request.auditResource = { type: 'matter', id: request.params.id };
    return reply.code(201).send(await opts.matters.assignStaff(requireActor(request), request.params.id, request.body));
  });

  r.post('/matters/:id/deadlines/:deadlineId/met', {
    schema: { tags, summary: '标记期限已完成', params: z.object({ id: z.uuid(), deadlineId: z.uuid() }), response: { 200: ZDeadlineView } },
    config: { audit: { action: 'matter.deadline.met' } },
  }, async (request) => {
    request.auditResource = { type: 'matter', id: request.params.id };
    return opts.matters.meetDeadline(requireActor(request), request.params.id, request.params.deadlineId);
  });

  r.get('/matters/:id/overview', {
    schema: { tags, summary: '案件全貌（当事人、代理人、请求、案由、期限；按查看者脱敏）', params: matterParams, response: { 200: ZMatterOverview } },
  }, async (request) => opts.matters.getOverview(requireActor(request), request.params.id));

  r.get('/matters/:id/timeline', {
    schema: { tags, summary: '案件时间线（每个事件附账本回执状态）', params: matterParams, response: { 200: ZTimeline } },
  }, async (request) => opts.matters.timeline(requireActor(request), request.params.id));

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

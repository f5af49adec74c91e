// HTTP for the mediation network, the mediator pool, routing rules and triage. Creates take an
// Idempotency-Key; every change is audited by the route's audit action.
import {
  ZAssignment,
  ZAssignRequest,
  ZMediator,
  ZMediatorCreate,
  ZMediatorList,
  ZMediatorUpdate,
  ZMyAssignmentList,
  ZNetworkNode,
  ZNetworkNodeCreate,
  ZNetworkNodeList,
  ZRoutingRule,
  ZRoutingRuleHistory,
  ZRoutingRuleList,
  ZRoutingRuleUpdate,
  ZRoutingRuleWrite,
  ZTriageDetail,
  ZTriagePage,
  ZTriageQuery,
} from '@opencourt/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/auth/index.ts';
import type { Tx, Db } from '../../platform/db/database.ts';
import { runIdempotent } from '../../platform/http/index.ts';
import type { NetworkService } from './network.service.ts';
import type { TriageService } from './triage.service.ts';

const tags = ['mediation'];

export async function mediationRoutes(app: FastifyInstance, opts: { db: Db; network: NetworkService; triage: TriageService }) {
  const { network, triage } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** Runs a create once per Idempotency-Key and answers 201 with what it made. */
  async function created<T extends { id: string }>(request: FastifyRequest, reply: FastifyReply, type: string, make: (tx: Tx) => Promise<T>) {
    const actor = requireActor(request);
    const result = await runIdempotent(opts.db, request, actor.userId, 201, make);
    request.auditResource = { type, id: result.body.id };
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(201).send(result.body);
  }

  r.get('/mediation/network', { schema: { tags, summary: '"1+5+N" 调解网络（本院）', response: { 200: ZNetworkNodeList } } }, async (request) => ({ items: await network.listNodes(requireActor(request)) }));

  r.post('/mediation/network', {
    schema: { tags, summary: '新增调解网络节点（协调员；支持 Idempotency-Key）', body: ZNetworkNodeCreate, response: { 201: ZNetworkNode } },
    config: { audit: { action: 'mediation.node.create' } },
  }, async (request, reply) => created(request, reply, 'mediation_node', (tx) => network.createNode(requireActor(request), request.body, tx)));

  r.get('/mediation/mediators', { schema: { tags, summary: '调解人才智库', response: { 200: ZMediatorList } } }, async (request) => ({ items: await network.listMediators(requireActor(request)) }));

  r.get('/mediation/mediators/:id', { schema: { tags, summary: '调解员资料与业绩', params: z.object({ id: z.uuid() }), response: { 200: ZMediator } } }, async (request) =>
    network.getMediator(requireActor(request), request.params.id),
  );

  r.post('/mediation/mediators', {
    schema: { tags, summary: '将调解员账号加入人才库（协调员；支持 Idempotency-Key）', body: ZMediatorCreate, response: { 201: ZMediator } },
    config: { audit: { action: 'mediation.mediator.create' } },
  }, async (request, reply) => created(request, reply, 'mediator', (tx) => network.createMediator(requireActor(request), request.body, tx)));

  r.put('/mediation/mediators/:id', {
    schema: { tags, summary: '修改调解员资料（带版本号，过期版本返回 409）', params: z.object({ id: z.uuid() }), body: ZMediatorUpdate, response: { 200: ZMediator } },
    config: { audit: { action: 'mediation.mediator.update' } },
  }, async (request) => network.updateMediator(requireActor(request), request.params.id, request.body));

  r.get('/mediation/rules', { schema: { tags, summary: '分流规则', response: { 200: ZRoutingRuleList } } }, async (request) => ({ items: await network.listRules(requireActor(request)) }));

  r.get('/mediation/rules/:id/history', { schema: { tags, summary: '分流规则的历次版本', params: z.object({ id: z.uuid() }), response: { 200: ZRoutingRuleHistory } } }, async (request) => ({
    items: await network.ruleHistory(requireActor(request), request.params.id),
  }));

  r.post('/mediation/rules', {
    schema: { tags, summary: '新增分流规则（协调员；支持 Idempotency-Key）', body: ZRoutingRuleWrite, response: { 201: ZRoutingRule } },
    config: { audit: { action: 'mediation.rule.create' } },
  }, async (request, reply) => created(request, reply, 'routing_rule', (tx) => network.saveRule(requireActor(request), request.body, tx)));

  r.put('/mediation/rules/:id', {
    schema: { tags, summary: '修改分流规则（带版本号，过期版本返回 409）', params: z.object({ id: z.uuid() }), body: ZRoutingRuleUpdate, response: { 200: ZRoutingRule } },
    config: { audit: { action: 'mediation.rule.update', detail: (request) => ({ version: (request.body as { version?: number }).version }) } },
  }, async (request) => {
    const { version, ...rule } = request.body;
    return opts.db.transaction((tx) => network.saveRule(requireActor(request), rule, tx, { ruleId: request.params.id, version }));
  });

  r.get('/mediation/triage', { schema: { tags, summary: '纠纷分拣队列（本院，可按地区、类型、时长、紧急程度筛选）', querystring: ZTriageQuery, response: { 200: ZTriagePage } } }, async (request) =>
    triage.queue(requireActor(request), request.query),
  );

  r.get('/mediation/triage/:matterId', { schema: { tags, summary: '纠纷分拣详情：分流建议与调解员推荐（附理由）', params: z.object({ matterId: z.uuid() }), response: { 200: ZTriageDetail } } }, async (request) =>
    triage.detail(requireActor(request), request.params.matterId),
  );

  r.post('/mediation/triage/:matterId/assignment', {
    schema: { tags, summary: '指派调解员或联合调解组（带版本号；并发分派时后到者返回 409）', params: z.object({ matterId: z.uuid() }), body: ZAssignRequest, response: { 201: ZAssignment } },
    config: { audit: { action: 'mediation.assign', detail: (request) => ({ members: ((request.body as { members?: unknown[] }).members ?? []).length }) } },
  }, async (request, reply) => created(request, reply, 'mediation_assignment', (tx) => triage.assign(requireActor(request), request.params.matterId, request.body, tx)));

  r.get('/mediation/my-assignments', { schema: { tags, summary: '我承办的调解（调解员）', response: { 200: ZMyAssignmentList } } }, async (request) => ({ items: await triage.myAssignments(requireActor(request)) }));
}

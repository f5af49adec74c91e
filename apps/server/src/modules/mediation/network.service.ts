// Use cases of the network, the mediator pool and the routing rules: all of one court, the actor's.
import type {
  TDisputeKind,
  TMediator,
  TMediatorKind,
  TNetworkNode,
  TNetworkNodeCreate,
  TPlatform,
  TRoutingRule,
  TMediatorCreate,
  TMediatorWrite,
  TRoutingRuleWrite,
} from '@opencourt/contracts';
import { ZMediatorCreate, ZMediatorWrite, ZRoutingRuleWrite } from '@opencourt/contracts';
import { can, type Actor } from '../../platform/auth/index.ts';
import type { Clock, IdGenerator } from '../../platform/clock/index.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { appendEvent } from '../../platform/events/index.ts';
import { CommonErrors, type FieldError } from '../../platform/http/index.ts';
import { areaName, isKnownArea, knownPrefix, within } from './mediation.areas.ts';
import { MediationErrors } from './mediation.errors.ts';
import { conflictingRule, type RuleFacts } from './mediation.rules.ts';
import { mediationStore as store, type MediatorRow, type NodeRow, type RuleRow } from './mediation.store.ts';

export const nodeView = (n: NodeRow): TNetworkNode => ({
  id: n.id,
  parentId: n.parentId,
  level: n.level as TNetworkNode['level'],
  kind: n.kind as TNetworkNode['kind'],
  platform: n.platform as TPlatform | null,
  name: n.name,
  areaCode: n.areaCode,
  areaName: areaName(n.areaCode),
  disputeKinds: n.disputeKinds as TDisputeKind[],
});

export const mediatorView = (m: MediatorRow, nodes: Map<string, NodeRow>): TMediator => ({
  id: m.id,
  userId: m.userId,
  name: m.name,
  kind: m.kind as TMediatorKind,
  nodes: m.nodeIds.map((id) => ({ id, name: nodes.get(id)?.name ?? '' })),
  specialties: m.specialties as TDisputeKind[],
  areaCodes: m.areaCodes,
  availability: m.availability,
  onLeaveUntil: m.onLeaveUntil?.toISOString() ?? null,
  maxLoad: m.maxLoad,
  results: { ...m.stats, successRate: m.stats.closed > 0 ? m.stats.settled / m.stats.closed : null },
  version: m.version,
});

const ruleFacts = (r: RuleRow): RuleFacts => ({
  id: r.id,
  areaPrefix: r.areaPrefix,
  disputeKind: r.disputeKind as TDisputeKind | null,
  nodeId: r.nodeId,
  platform: r.platform as TPlatform | null,
  priority: r.priority,
  active: r.active,
});

const ruleView = (r: RuleRow, nodes: Map<string, NodeRow>): TRoutingRule => ({ ...ruleFacts(r), nodeName: nodes.get(r.nodeId)?.name ?? '', version: r.version, updatedAt: r.updatedAt.toISOString() });

const invalid = (fields: FieldError[]) => MediationErrors.MEDIATION_INVALID(fields.map((f) => f.detail).join('；'), { fields });

export function createNetworkService(deps: { db: Db; clock: Clock; id: IdGenerator }) {
  const { db, clock, id } = deps;

  /** The actor's court, when the actor holds the permission there; everything here is per court. */
  function courtOf(actor: Actor, permission: 'mediation.read' | 'mediation.manage'): string {
    if (!can(actor, permission) || !actor.courtId) throw CommonErrors.FORBIDDEN();
    return actor.courtId;
  }

  const nodeMap = async (q: Executor, courtId: string) => new Map((await store.nodes(q, courtId)).map((n) => [n.id, n]));

  async function checkMediator(q: Executor, courtId: string, input: TMediatorWrite, prefix = '/body'): Promise<FieldError[]> {
    const fields: FieldError[] = [];
    const nodes = await nodeMap(q, courtId);
    input.nodeIds.forEach((n, i) => {
      if (!nodes.has(n)) fields.push({ pointer: `${prefix}/nodeIds/${i}`, detail: '调解组织不存在', code: 'unknown' });
    });
    input.areaCodes.forEach((a, i) => {
      if (!isKnownArea(a)) fields.push({ pointer: `${prefix}/areaCodes/${i}`, detail: `未知的地区代码 ${a}`, code: 'unknown_area' });
    });
    return fields;
  }

  return {
    courtOf,

    async listNodes(actor: Actor): Promise<TNetworkNode[]> {
      return (await store.nodes(db, courtOf(actor, 'mediation.read'))).map(nodeView);
    },

    async createNode(actor: Actor, input: TNetworkNodeCreate, tx: Executor): Promise<TNetworkNode> {
      const courtId = courtOf(actor, 'mediation.manage');
      const parent = input.parentId ? await store.node(tx, input.parentId) : undefined;
      const fields: FieldError[] = [];
      if (input.kind === 'centre') {
        if (input.parentId) fields.push({ pointer: '/body/parentId', detail: '区中心是网络的根节点，没有上级', code: 'level' });
        else if ((await store.nodes(tx, courtId)).some((n) => n.level === 'centre')) fields.push({ pointer: '/body/kind', detail: '本院已有区中心', code: 'duplicate' });
      } else if (!parent || parent.courtId !== courtId) fields.push({ pointer: '/body/parentId', detail: '上级节点不存在', code: 'unknown' });
      else if (parent.level === 'organisation') fields.push({ pointer: '/body/parentId', detail: '调解组织下不能再设节点', code: 'level' });
      else if (input.kind === 'sub_centre' && parent.level !== 'centre') fields.push({ pointer: '/body/kind', detail: '分中心只能设在区中心之下', code: 'level' });
      if (!isKnownArea(input.areaCode)) fields.push({ pointer: '/body/areaCode', detail: `未知的地区代码 ${input.areaCode}`, code: 'unknown_area' });
      else if (parent && !within(input.areaCode, parent.areaCode)) fields.push({ pointer: '/body/areaCode', detail: `须在上级节点的辖区（${areaName(parent.areaCode)}）之内`, code: 'outside_area' });
      if (input.kind === 'platform' && !input.platform) fields.push({ pointer: '/body/platform', detail: '专业调解平台须注明类别', code: 'required' });
      if (fields.length) throw invalid(fields);
      const row = {
        id: id(),
        courtId,
        parentId: input.parentId ?? null,
        level: input.kind === 'centre' || input.kind === 'sub_centre' ? input.kind : 'organisation',
        kind: input.kind,
        platform: input.kind === 'platform' ? input.platform! : null,
        name: input.name,
        areaCode: input.areaCode,
        disputeKinds: input.disputeKinds,
        createdAt: clock.now(),
      };
      await store.insertNode(tx, row);
      await appendEvent(tx, { type: 'mediation.node.created', aggregateType: 'mediation_node', aggregateId: row.id, actorId: actor.userId, payload: { courtId, parentId: row.parentId, kind: row.kind } });
      return nodeView(row as NodeRow);
    },

    async listMediators(actor: Actor): Promise<TMediator[]> {
      const courtId = courtOf(actor, 'mediation.read');
      const nodes = await nodeMap(db, courtId);
      return (await store.mediators(db, courtId)).map((m) => mediatorView(m, nodes));
    },

    async getMediator(actor: Actor, mediatorId: string, q: Executor = db): Promise<TMediator> {
      const courtId = courtOf(actor, 'mediation.read');
      const [m] = await store.mediators(q, courtId, [mediatorId]);
      if (!m) throw MediationErrors.MEDIATION_NOT_FOUND();
      return mediatorView(m, await nodeMap(q, courtId));
    },

    async createMediator(actor: Actor, raw: TMediatorCreate, tx: Executor): Promise<TMediator> {
      const courtId = courtOf(actor, 'mediation.manage');
      const input = ZMediatorCreate.parse(raw);
      const fields = await checkMediator(tx, courtId, input);
      const user = await store.userFacts(tx, input.userId);
      if (!user || !user.roles.includes('mediator')) fields.unshift({ pointer: '/body/userId', detail: '该账号不存在或不是调解员账号', code: 'not_mediator' });
      else if (await store.mediatorByUser(tx, input.userId)) fields.unshift({ pointer: '/body/userId', detail: '该调解员已在人才库中', code: 'duplicate' });
      if (fields.length) throw invalid(fields);
      const now = clock.now();
      const row = {
        id: id(),
        courtId,
        userId: input.userId,
        kind: input.kind,
        specialties: input.specialties,
        areaCodes: input.areaCodes,
        availability: input.availability,
        onLeaveUntil: input.onLeaveUntil ? new Date(input.onLeaveUntil) : null,
        maxLoad: input.maxLoad,
        createdAt: now,
        updatedAt: now,
      };
      await store.insertMediator(tx, row, [...new Set(input.nodeIds)]);
      await appendEvent(tx, { type: 'mediation.mediator.created', aggregateType: 'mediator', aggregateId: row.id, actorId: actor.userId, payload: { courtId, userId: row.userId } });
      return this.getMediator(actor, row.id, tx);
    },

    async updateMediator(actor: Actor, mediatorId: string, raw: TMediatorWrite & { version: number }): Promise<TMediator> {
      const courtId = courtOf(actor, 'mediation.manage');
      const { version: _seen, ...write } = raw;
      const input = ZMediatorWrite.parse(write);
      return db.transaction(async (tx) => {
        const [current] = await store.mediators(tx, courtId, [mediatorId]);
        if (!current) throw MediationErrors.MEDIATION_NOT_FOUND();
        const fields = await checkMediator(tx, courtId, input);
        if (fields.length) throw invalid(fields);
        const applied = await store.updateMediator(
          tx,
          mediatorId,
          raw.version,
          {
            kind: input.kind,
            specialties: input.specialties,
            areaCodes: input.areaCodes,
            availability: input.availability,
            onLeaveUntil: input.onLeaveUntil ? new Date(input.onLeaveUntil) : null,
            maxLoad: input.maxLoad,
            updatedAt: clock.now(),
          },
          [...new Set(input.nodeIds)],
        );
        if (!applied) throw MediationErrors.MEDIATION_STALE(`调解员资料已更新至第 ${current.version} 版，请刷新后再改`);
        await appendEvent(tx, { type: 'mediation.mediator.updated', aggregateType: 'mediator', aggregateId: mediatorId, actorId: actor.userId, payload: { version: raw.version + 1 } });
        return this.getMediator(actor, mediatorId, tx);
      });
    },

    async listRules(actor: Actor): Promise<TRoutingRule[]> {
      const courtId = courtOf(actor, 'mediation.read');
      const nodes = await nodeMap(db, courtId);
      return (await store.rules(db, courtId)).map((r) => ruleView(r, nodes));
    },

    async ruleHistory(actor: Actor, ruleId: string) {
      const courtId = courtOf(actor, 'mediation.read');
      const rule = await store.rule(db, ruleId);
      if (!rule || rule.courtId !== courtId) throw MediationErrors.MEDIATION_NOT_FOUND();
      return (await store.revisions(db, ruleId)).map((r) => ({ version: r.version, changedBy: r.changedBy, changedAt: r.changedAt.toISOString(), rule: r.snapshot }));
    },

    /** Creates (no `ruleId`) or edits a rule; every saved version is kept with who saved it. */
    async saveRule(actor: Actor, raw: TRoutingRuleWrite, tx: Executor, edit?: { ruleId: string; version: number }): Promise<TRoutingRule> {
      const courtId = courtOf(actor, 'mediation.manage');
      const input = ZRoutingRuleWrite.parse(raw);
      await store.lockRules(tx, courtId);
      const current = edit ? await store.rule(tx, edit.ruleId, { lock: true }) : undefined;
      if (edit && (!current || current.courtId !== courtId)) throw MediationErrors.MEDIATION_NOT_FOUND();
      if (edit && current!.version !== edit.version) throw MediationErrors.MEDIATION_STALE(`该规则已被修改至第 ${current!.version} 版，请刷新后再改`);
      const nodes = await nodeMap(tx, courtId);
      const fields: FieldError[] = [];
      const node = nodes.get(input.nodeId);
      if (!node) fields.push({ pointer: '/body/nodeId', detail: '调解组织不存在', code: 'unknown' });
      if (!knownPrefix(input.areaPrefix)) fields.push({ pointer: '/body/areaPrefix', detail: `未知的地区代码 ${input.areaPrefix}`, code: 'unknown_area' });
      if (node && !within(input.areaPrefix, node.areaCode) && !within(node.areaCode, input.areaPrefix)) {
        fields.push({ pointer: '/body/nodeId', detail: `${node.name}的辖区（${areaName(node.areaCode)}）与规则地区不相交`, code: 'outside_area' });
      }
      if (fields.length) throw invalid(fields);
      const candidate = { id: edit?.ruleId, areaPrefix: input.areaPrefix, disputeKind: input.disputeKind, nodeId: input.nodeId, platform: input.platform ?? node!.platform as TPlatform | null, priority: input.priority, active: input.active };
      const clash = conflictingRule((await store.rules(tx, courtId)).map(ruleFacts), candidate);
      if (clash) {
        throw MediationErrors.MEDIATION_RULE_OVERLAP(undefined, {
          fields: [{ pointer: '/body/priority', detail: `与规则「${clash.areaPrefix} ${clash.disputeKind ?? '全部类型'} → ${nodes.get(clash.nodeId)?.name ?? ''}」重叠且优先级同为 ${clash.priority}，请改用不同的优先级`, code: 'overlap' }],
          extra: { conflictingRuleId: clash.id },
        });
      }
      const now = clock.now();
      const ruleId = edit?.ruleId ?? id();
      const values = { areaPrefix: candidate.areaPrefix, disputeKind: candidate.disputeKind, nodeId: candidate.nodeId, platform: candidate.platform, priority: candidate.priority, active: candidate.active, updatedBy: actor.userId, updatedAt: now };
      if (edit) {
        if (!(await store.updateRule(tx, ruleId, edit.version, values))) throw MediationErrors.MEDIATION_STALE();
      } else await store.insertRule(tx, { id: ruleId, courtId, ...values, createdAt: now });
      const version = edit ? edit.version + 1 : 1;
      const snapshot = { ...values, updatedAt: now.toISOString() };
      await store.insertRevision(tx, { ruleId, version, snapshot, changedBy: actor.userId, changedAt: now });
      await appendEvent(tx, { type: edit ? 'mediation.rule.updated' : 'mediation.rule.created', aggregateType: 'routing_rule', aggregateId: ruleId, actorId: actor.userId, payload: { courtId, version } });
      return ruleView((await store.rule(tx, ruleId))!, nodes);
    },
  };
}

export type NetworkService = ReturnType<typeof createNetworkService>;

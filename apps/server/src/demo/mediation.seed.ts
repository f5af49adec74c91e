// Demo data of the mediation network: Xiang'an's "1+5+N" (the district centre, the five town/street
// sub-centres the district was formed from, and the organisations under them), routing rules, a pool
// of mediators with a record of past cases, and disputes waiting in the triage queue.
import { randomBytes } from 'node:crypto';
import type { TDisputeKind, TMediatorKind, TPlatform, TUrgency } from '@opencourt/contracts';
import { createUser, type Role } from '../platform/auth/index.ts';
import type { IdGenerator } from '../platform/clock/index.ts';
import type { Keyring } from '../platform/crypto/index.ts';
import type { Executor } from '../platform/db/database.ts';
import { appendEvent } from '../platform/events/index.ts';
import { mattersStore } from '../modules/matters/matters.store.ts';
import { recordMediationOutcome, registerForTriage } from '../modules/mediation/index.ts';
import { mediationStore } from '../modules/mediation/mediation.store.ts';

type NodeSeed = { key: string; parent: string | null; level: 'centre' | 'sub_centre' | 'organisation'; kind: string; platform?: TPlatform; name: string; areaCode: string; kinds: TDisputeKind[] };

const ALL: TDisputeKind[] = ['traffic', 'property', 'family', 'labour', 'loan', 'sale', 'neighbour', 'enterprise', 'other'];
const LOCAL: TDisputeKind[] = ['family', 'neighbour', 'loan', 'property', 'other'];
const TOWNS = [
  { key: 'dadeng', name: '大嶝街道', areaCode: '350213001' },
  { key: 'maxiang', name: '马巷街道', areaCode: '350213002' },
  { key: 'xindian', name: '新店街道', areaCode: '350213003' },
  { key: 'xinxu', name: '新圩镇', areaCode: '350213103' },
  { key: 'neicuo', name: '内厝镇', areaCode: '350213104' },
];

export const DEMO_NETWORK: NodeSeed[] = [
  { key: 'centre', parent: null, level: 'centre', kind: 'centre', name: '翔安区矛盾纠纷多元化解中心', areaCode: '350213', kinds: ALL },
  ...TOWNS.flatMap((t): NodeSeed[] => [
    { key: t.key, parent: 'centre', level: 'sub_centre', kind: 'sub_centre', name: `${t.name}矛盾纠纷调处分中心`, areaCode: t.areaCode, kinds: ALL },
    { key: `${t.key}-committee`, parent: t.key, level: 'organisation', kind: 'people_committee', name: `${t.name}人民调解委员会`, areaCode: t.areaCode, kinds: LOCAL },
  ]),
  { key: 'traffic', parent: 'centre', level: 'organisation', kind: 'platform', platform: 'traffic', name: '道路交通事故纠纷调解平台', areaCode: '350213', kinds: ['traffic'] },
  { key: 'property', parent: 'centre', level: 'organisation', kind: 'platform', platform: 'property', name: '物业纠纷调解平台', areaCode: '350213', kinds: ['property'] },
  { key: 'family', parent: 'centre', level: 'organisation', kind: 'platform', platform: 'family', name: '婚姻家庭纠纷调解平台', areaCode: '350213', kinds: ['family'] },
  { key: 'labour', parent: 'centre', level: 'organisation', kind: 'platform', platform: 'labour', name: '劳动争议调解平台', areaCode: '350213', kinds: ['labour'] },
  { key: 'enterprise', parent: 'centre', level: 'organisation', kind: 'platform', platform: 'enterprise', name: '涉企纠纷调解平台', areaCode: '350213', kinds: ['enterprise', 'sale', 'loan'] },
  { key: 'commerce', parent: 'centre', level: 'organisation', kind: 'industry', name: '翔安区工商联商会人民调解委员会', areaCode: '350213', kinds: ['enterprise', 'sale'] },
];

const DEMO_RULES: { area: string; kind: TDisputeKind | null; node: string; priority: number }[] = [
  { area: '350213', kind: 'traffic', node: 'traffic', priority: 100 },
  { area: '350213', kind: 'property', node: 'property', priority: 100 },
  { area: '350213', kind: 'family', node: 'family', priority: 100 },
  { area: '350213', kind: 'labour', node: 'labour', priority: 100 },
  { area: '350213', kind: 'enterprise', node: 'enterprise', priority: 100 },
  { area: '350213', kind: 'sale', node: 'commerce', priority: 90 },
  ...TOWNS.map((t) => ({ area: t.areaCode, kind: null, node: `${t.key}-committee`, priority: 50 })),
  { area: '350213', kind: null, node: 'centre', priority: 10 },
];

type MediatorSeed = { username: string; name: string; kind: TMediatorKind; nodes: string[]; specialties: TDisputeKind[]; areas: string[]; maxLoad: number; record: { settled: number; failed: number }; weekdays?: boolean; printed?: boolean };
const DEMO_MEDIATORS: MediatorSeed[] = [
  // The demo's existing mediator account (陈调解) joins the pool first.
  { username: 'mediator', name: '陈调解', kind: 'people_mediator', nodes: ['xindian-committee'], specialties: ['traffic', 'neighbour', 'loan'], areas: ['350213003'], maxLoad: 8, record: { settled: 6, failed: 2 }, weekdays: true },
  { username: 'mediator2', name: '郭律师', kind: 'lawyer', nodes: ['traffic', 'enterprise'], specialties: ['traffic', 'loan', 'sale'], areas: ['350213'], maxLoad: 10, record: { settled: 9, failed: 3 }, printed: true },
  { username: 'mediator3', name: '苏公证', kind: 'notary', nodes: ['enterprise', 'commerce'], specialties: ['enterprise', 'sale', 'loan'], areas: ['350213'], maxLoad: 6, record: { settled: 3, failed: 1 } },
  { username: 'mediator4', name: '何社工', kind: 'community_worker', nodes: ['maxiang-committee', 'family'], specialties: ['family', 'neighbour', 'property'], areas: ['350213002'], maxLoad: 8, record: { settled: 5, failed: 1 }, weekdays: true },
  { username: 'mediator5', name: '蔡工程师', kind: 'specialist', nodes: ['property'], specialties: ['property', 'neighbour'], areas: ['350213'], maxLoad: 5, record: { settled: 2, failed: 2 } },
  { username: 'mediator6', name: '柯调解', kind: 'people_mediator', nodes: ['xinxu-committee', 'neicuo-committee', 'labour'], specialties: ['labour', 'family'], areas: ['350213103', '350213104'], maxLoad: 8, record: { settled: 4, failed: 0 } },
];

const DEMO_DISPUTES: { title: string; kind: TDisputeKind; area: string; urgency: TUrgency; daysAgo: number }[] = [
  { title: '王某某与林某某机动车交通事故责任纠纷', kind: 'traffic', area: '350213003', urgency: 'urgent', daysAgo: 2 },
  { title: '某花园小区业主与某物业公司物业服务合同纠纷', kind: 'property', area: '350213002', urgency: 'normal', daysAgo: 5 },
  { title: '刘某与某建材公司劳动争议', kind: 'labour', area: '350213103', urgency: 'critical', daysAgo: 1 },
  { title: '黄某与邱某相邻关系纠纷', kind: 'neighbour', area: '350213104', urgency: 'normal', daysAgo: 9 },
  { title: '某贸易公司与某五金店买卖合同纠纷', kind: 'sale', area: '350213001', urgency: 'normal', daysAgo: 3 },
];

export type MediationSeedAccount = { role: Role; name: string; username: string; password: string };

export async function seedMediationDemo(
  tx: Executor,
  deps: { keyring: Keyring; id: IdGenerator },
  ctx: { courtId: string; centreOrgId: string; userIds: Record<string, string>; now: Date; coordinatorId: string },
): Promise<MediationSeedAccount[]> {
  const { id } = deps;
  const nodeIds: Record<string, string> = {};
  for (const n of DEMO_NETWORK) {
    nodeIds[n.key] = id();
    await mediationStore.insertNode(tx, { id: nodeIds[n.key]!, courtId: ctx.courtId, parentId: n.parent ? nodeIds[n.parent]! : null, level: n.level, kind: n.kind, platform: n.platform ?? null, name: n.name, areaCode: n.areaCode, disputeKinds: n.kinds, createdAt: ctx.now });
  }
  for (const r of DEMO_RULES) {
    const ruleId = id();
    const node = DEMO_NETWORK.find((n) => n.key === r.node)!;
    const values = { areaPrefix: r.area, disputeKind: r.kind, nodeId: nodeIds[r.node]!, platform: node.platform ?? null, priority: r.priority, active: true, updatedBy: ctx.coordinatorId, updatedAt: ctx.now };
    await mediationStore.insertRule(tx, { id: ruleId, courtId: ctx.courtId, ...values, createdAt: ctx.now });
    await mediationStore.insertRevision(tx, { ruleId, version: 1, snapshot: { ...values, updatedAt: ctx.now.toISOString() }, changedBy: ctx.coordinatorId, changedAt: ctx.now });
  }

  const accounts: MediationSeedAccount[] = [];
  const profileIds: Record<string, string> = {};
  for (const m of DEMO_MEDIATORS) {
    let userId = ctx.userIds[m.username];
    if (!userId) {
      const password = `Oc-${randomBytes(9).toString('base64url')}1a`;
      userId = await createUser(tx, deps, { displayName: m.name, roles: ['mediator'], organisationId: ctx.centreOrgId, username: m.username, password });
      // Only the joint-group partner of the demo's own mediator is printed; the rest of the pool are
      // there to be ranked (their random passwords are not shown, so the sign-in list stays short).
      if (m.printed) accounts.push({ role: 'mediator', name: m.name, username: m.username, password });
    }
    profileIds[m.username] = id();
    const availability = m.weekdays ? [1, 2, 3, 4, 5].map((day) => ({ day, from: 9 * 60, to: 17 * 60 + 30 })) : [];
    await mediationStore.insertMediator(
      tx,
      { id: profileIds[m.username]!, courtId: ctx.courtId, userId, kind: m.kind, specialties: m.specialties, areaCodes: m.areas, availability, onLeaveUntil: null, maxLoad: m.maxLoad, createdAt: ctx.now, updatedAt: ctx.now },
      m.nodes.map((k) => nodeIds[k]!),
    );
    // A record of past cases, so results and success rates mean something in the demo.
    const outcomes = [...Array(m.record.settled).fill('settled'), ...Array(m.record.failed).fill('failed')] as ('settled' | 'failed')[];
    for (const [i, outcome] of outcomes.entries()) {
      const matterId = id();
      const at = new Date(ctx.now.getTime() - (60 + i * 7) * 86_400_000);
      await mattersStore.insert(tx, { id: matterId, courtId: ctx.courtId, title: `${m.name}承办的已结调解案件（${i + 1}）`, stage: 'closed', createdAt: at, updatedAt: at }, [{ userId, role: 'mediator' }]);
      await mediationStore.insertAssignment(tx, { id: id(), matterId, mode: 'single', plan: '演示：历史案件', assignedBy: ctx.coordinatorId, assignedAt: at }, [{ mediatorId: profileIds[m.username]!, nodeId: nodeIds[m.nodes[0]!]!, lead: true }]);
      await recordMediationOutcome(tx, matterId, outcome, new Date(at.getTime() + 20 * 86_400_000));
    }
  }

  for (const d of DEMO_DISPUTES) {
    const matterId = id();
    const at = new Date(ctx.now.getTime() - d.daysAgo * 86_400_000);
    // No demo party takes part: the other journeys pick "the party's first matter" from the demo data.
    await mattersStore.insert(tx, { id: matterId, courtId: ctx.courtId, title: d.title, stage: 'intake', createdAt: at, updatedAt: at }, []);
    await appendEvent(tx, { type: 'matter.created', aggregateType: 'matter', aggregateId: matterId, payload: { stage: 'intake', demo: true } });
    await registerForTriage(tx, { matterId, courtId: ctx.courtId, disputeKind: d.kind, areaCode: d.area, urgency: d.urgency, receivedAt: at });
  }
  return accounts;
}
